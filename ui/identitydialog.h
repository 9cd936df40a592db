// Who the agent is on one server profile: an agent ID and, optionally, a name. Asked once when
// a profile is first used (skippable), changeable later from the Settings menu.
#pragma once

#include "agentdirectory.h"

#include <QDialog>

class QLineEdit;

namespace sd::ui {

class IdentityDialog : public QDialog
{
    Q_OBJECT
public:
    // `firstUse`: the question on a profile's first start (its Cancel button reads "Skip").
    IdentityDialog(const QString &profileName, const QString &agentId, const QString &agentName,
                   const AgentDirectory &directory, bool firstUse, QWidget *parent = nullptr);
    QString agentId() const;
    QString agentName() const;

private:
    void onIdChanged(const QString &text);
    QLineEdit *m_id, *m_name;
    AgentDirectory m_directory;
    QString m_initialId, m_initialName;
    bool m_nameTyped = false; // typed here: kept whatever the ID becomes
};

} // namespace sd::ui
