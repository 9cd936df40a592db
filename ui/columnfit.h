// A table whose columns share the width it has: no sideways scroll bar at 800x600 or beside the
// detail pane. Each column has the width it prefers (its texts, or what the agent dragged it to);
// when they do not all fit, every column gives up part of its width down to a minimum, and the
// cells elide their texts (the whole text is their tooltip). The last column stretches.
#pragma once

#include <QHash>
#include <QObject>

class QTableView;

namespace sd::ui {

class ColumnFitter : public QObject
{
public:
    // Takes the view's current section sizes as the preferred widths.
    explicit ColumnFitter(QTableView *view);

    // The width the column had when the fitter was made (before a saved state was restored).
    int initialWidth(int column) const { return m_initial.value(column); }
    void setPreferredWidth(int column, int width);
    // The width the column keeps however narrow the view is (default: a few characters).
    void setMinimumWidth(int column, int width);
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int minimumOf(int column) const;

    QTableView *m_view;
    QObject *m_viewport;
    QHash<int, int> m_initial, m_preferred, m_minimum;
    bool m_adjusting = false;
    int m_stretched = -1, m_stretchedMinimum = -1; // the stretched column's minimum was set for
};

// The session list's widths: Status and Change noticed show their usual texts whole, the others
// give way down to a few characters; then `fitter` shares the view's width among them.
void fitSessionColumns(QTableView *view, ColumnFitter *fitter);

} // namespace sd::ui
