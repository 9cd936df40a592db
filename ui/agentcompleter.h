// Completion of agents from the agent directory: the list offers "Name (ID)" for every agent
// whose name or ID contains what was typed; taking one puts that agent's ID in the field.
#pragma once

#include "agentdirectory.h"

#include <QCompleter>

namespace sd::ui {

class AgentCompleter : public QCompleter
{
    Q_OBJECT
public:
    explicit AgentCompleter(const AgentDirectory &directory, QObject *parent = nullptr);
    // The ID of the agent offered at `index`, not the text shown.
    QString pathFromIndex(const QModelIndex &index) const override;
    // "Name (ID)", or the ID of an agent known by ID only.
    static QString label(const Agent &agent);
};

} // namespace sd::ui
