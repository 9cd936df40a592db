// The round filter > pick > edit > save > next without the mouse: Down in the filter goes into
// the list, Tab or Enter in the list goes to the detail pane's first field (Enter opens the
// current row there), Shift+Tab from that field and Escape in the pane go back to the list.
#pragma once

#include <QObject>

class QLineEdit;
class QTableView;
class QWidget;

namespace sd::ui {

class KeyboardFlow : public QObject
{
public:
    KeyboardFlow(QLineEdit *filter, QTableView *list, QWidget *pane, QObject *parent);
    bool eventFilter(QObject *watched, QEvent *event) override;

    // The pane's first field that can be typed in, else its first one that takes the focus
    // (e.g. the button of a closed session); nullptr when it shows nothing.
    QWidget *firstField() const;
    // Selects the row `delta` rows from the current one (the list keeps its order and filter);
    // the focus stays where it is.
    void step(int delta);

private:
    void enterList();
    void selectCurrentRow();

    QLineEdit *m_filter;
    QTableView *m_list;
    QWidget *m_pane;
};

} // namespace sd::ui
