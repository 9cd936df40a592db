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
    // `base`: the session as the agent loaded it (decides the default choice per field).
    ConflictDialog(const QString &orderId, const Support &theirs, const Support &mine,
                   const std::optional<Support> &base, QWidget *parent = nullptr);
    // Theirs, with the fields where "mine" is chosen taken from mine.
    Support merged() const;
    int fieldCount() const;
    void chooseMine(int row, bool mine);

private:
    struct Field;
    Support m_theirs, m_mine;
    QTableWidget *m_table;
};

} // namespace sd::ui
