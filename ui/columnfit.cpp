#include "columnfit.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace sd::ui {

ColumnFitter::ColumnFitter(QTableView *view) : QObject(view), m_view(view)
{
    QHeaderView *header = view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        m_initial.insert(c, header->sectionSize(c));
    m_preferred = m_initial;
    // A column the agent drags keeps that width as the one it prefers.
    connect(header, &QHeaderView::sectionResized, this, [this, header](int column, int, int size) {
        if (m_adjusting || header->visualIndex(column) == header->count() - 1)
            return;
        m_preferred.insert(column, size);
    });
    view->viewport()->installEventFilter(this);
}

void ColumnFitter::setPreferredWidth(int column, int width)
{
    m_preferred.insert(column, width);
}

void ColumnFitter::setMinimumWidth(int column, int width)
{
    m_minimum.insert(column, width);
}

int ColumnFitter::minimumOf(int column) const
{
    const int fallback = m_view->fontMetrics().averageCharWidth() * 6;
    return std::min(m_minimum.value(column, fallback), m_preferred.value(column, fallback));
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::fit()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int count = header->count();
    if (count == 0 || m_adjusting)
        return;
    int last = -1; // the stretched one: it takes what is left, at least its own minimum
    for (int v = count - 1; v >= 0 && last < 0; --v)
        if (!header->isSectionHidden(header->logicalIndex(v)))
            last = header->logicalIndex(v);
    QList<int> columns;
    int preferred = 0, minimum = 0;
    for (int v = 0; v < count; ++v) {
        const int c = header->logicalIndex(v);
        if (c == last || header->isSectionHidden(c))
            continue;
        columns << c;
        preferred += m_preferred.value(c, header->sectionSize(c));
        minimum += minimumOf(c);
    }
    const int lastMinimum = last >= 0 ? m_minimum.value(last, m_view->fontMetrics().averageCharWidth() * 6) : 0;
    const int available = m_view->viewport()->width() - lastMinimum;
    // How much of each column's room above its minimum it keeps.
    const double keep = preferred <= available || preferred <= minimum
                            ? 1.0
                            : std::max(0.0, double(available - minimum) / double(preferred - minimum));
    // Narrower still than the minimums: they share what there is.
    const double squeeze = available >= minimum || minimum == 0 ? 1.0 : std::max(0.0, double(available) / double(minimum));
    m_adjusting = true;
    for (int c : std::as_const(columns)) {
        const int pref = m_preferred.value(c, header->sectionSize(c));
        const int min = minimumOf(c);
        const int width = keep >= 1.0 ? pref
                          : squeeze < 1.0 ? std::max(1, int(std::floor(min * squeeze)))
                                          : min + int(std::floor((pref - min) * keep));
        if (header->sectionSize(c) != width)
            header->resizeSection(c, width);
    }
    if (last >= 0 && header->stretchLastSection() && (last != m_stretched || lastMinimum != m_stretchedMinimum)) {
        m_stretched = last;
        m_stretchedMinimum = lastMinimum;
        // The stretched section never gets narrower than the size it has when stretching starts.
        header->setStretchLastSection(false);
        header->resizeSection(last, lastMinimum);
        header->setStretchLastSection(true);
    }
    m_adjusting = false;
}

} // namespace sd::ui
