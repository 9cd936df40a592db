// A conflict: the session changed on the server since the agent loaded it. The fields are
// shown side by side (theirs, mine) and the agent chooses per field; nothing is overwritten
// silently.
#pragma once

#include "models.h"

#include <QDialog>

class QTableWidget;

namespace sd::ui {

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    // `base`: the session as the agent's edit started from it. With it, only the fields both
    // sides changed (differently) are listed: a field only one side changed keeps that value.
    ConflictDialog(const QString &orderId, const Support &theirs, const Support &mine,
                   const std::optional<Support> &base, QWidget *parent = nullptr);
    // Theirs, with the fields where "mine" is chosen taken from mine.
    Support merged() const;
    int fieldCount() const;
    void chooseMine(int row, bool mine);

private:
    struct Field;
    Support m_theirs, m_mine;
    std::vector<int> m_onlyMine; // fields only this agent changed: kept without asking
    QTableWidget *m_table;
};

} // namespace sd::ui
