#include "columnfit.h"
#include "sessionmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStyle>

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace sd::ui {

ColumnFitter::ColumnFitter(QTableView *view) : QObject(view), m_view(view), m_viewport(view->viewport())
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
    m_viewport->installEventFilter(this);
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
    // Compared with the viewport kept at construction: while the view is being destroyed its
    // children still send events, and the view is no longer a QTableView to ask.
    if (watched == m_viewport && event->type() == QEvent::Resize)
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

void fitSessionColumns(QTableView *view, ColumnFitter *fitter)
{
    const QAbstractItemModel *model = view->model();
    QHeaderView *header = view->horizontalHeader();
    const QFontMetrics fm = view->fontMetrics();
    // Cell margins and the sort indicator on either side of the text.
    const int padding = 2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + fm.averageCharWidth() * 2;
    int status = header->fontMetrics().horizontalAdvance(model->headerData(SessionModel::StatusColumn, Qt::Horizontal).toString());
    // Every state, "in progress" and an open session's draft; rarer and longer ones ("pending
    // change (in the outbox)", a draft of a closed session) are elided where the column is
    // narrower (the tooltip says them whole): the room goes to the agent and phone.
    QStringList usual{QCoreApplication::translate("sd::ui::SessionModel", "in progress…"),
                      sessionStateName(SessionState::Open) + QCoreApplication::translate("sd::ui::SessionModel", " (unsaved edit)")};
    for (SessionState s : {SessionState::Unknown, SessionState::Open, SessionState::Closed, SessionState::NotFound, SessionState::Error})
        usual << sessionStateName(s);
    for (const QString &text : std::as_const(usual))
        status = std::max(status, fm.horizontalAdvance(text));
    // A column saved narrower (or a narrower font then) is widened; a wider one is kept. The
    // columns then share the view's width (a long status is elided, its tooltip says it whole).
    header->resizeSection(SessionModel::StatusColumn, std::max(header->sectionSize(SessionModel::StatusColumn), status + padding));
    // The saved widths are those the last window could give; a column is never preferred
    // narrower than its default, so that a run at 800x600 does not leave a large window's list
    // narrow (wider, as the agent dragged it, is kept).
    for (int c = 0; c < SessionModel::ColumnCount; ++c)
        fitter->setPreferredWidth(c, std::max(header->sectionSize(c), fitter->initialWidth(c)));
    int widestState = 0;
    for (SessionState s : {SessionState::Unknown, SessionState::Open, SessionState::Closed, SessionState::NotFound, SessionState::Error})
        widestState = std::max(widestState, fm.horizontalAdvance(sessionStateName(s)));
    // Narrow (800x600 beside the pane): an order ID and a state whole, the others a few letters.
    const int cellMargins = 2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + fm.averageCharWidth();
    fitter->setMinimumWidth(SessionModel::OrderIdColumn, fm.horizontalAdvance(QStringLiteral("ORD-100000")) + cellMargins);
    fitter->setMinimumWidth(SessionModel::StatusColumn, widestState + cellMargins);
    for (int c : {int(SessionModel::AgentColumn), int(SessionModel::PhoneColumn), int(SessionModel::ChatColumn)})
        fitter->setMinimumWidth(c, fm.averageCharWidth() * 8);
    // A squeezed title shows its beginning ("Callback ph…"), not a clipped middle; its tooltip
    // says it whole.
    header->setTextElideMode(Qt::ElideRight);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The longest date this locale writes (two-digit day, month and hour).
    const QString date = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), QLocale::ShortFormat);
    const int change = std::max(fm.horizontalAdvance(date),
                                header->fontMetrics().horizontalAdvance(model->headerData(SessionModel::LastChangeColumn, Qt::Horizontal).toString()))
                     + padding + header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    // The stretched last column keeps at least the size it has when stretching is turned on.
    const bool stretch = header->stretchLastSection();
    header->setStretchLastSection(false);
    header->resizeSection(SessionModel::LastChangeColumn, std::max(header->sectionSize(SessionModel::LastChangeColumn), change));
    header->setStretchLastSection(stretch);
    fitter->setMinimumWidth(SessionModel::LastChangeColumn, change);
    fitter->fit();
}

} // namespace sd::ui
