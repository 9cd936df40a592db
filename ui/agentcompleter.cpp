#include "agentcompleter.h"

#include <QStandardItemModel>

namespace sd::ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

AgentCompleter::AgentCompleter(const AgentDirectory &directory, QObject *parent) : QCompleter(parent)
{
    auto *model = new QStandardItemModel(this);
    for (const Agent &a : directory.search({})) {
        auto *item = new QStandardItem(label(a));
        item->setData(QString::fromStdString(a.id.value_or(std::string())), IdRole);
        item->setEditable(false);
        model->appendRow(item);
    }
    setModel(model);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains); // a part of the name or of the ID
    setCompletionMode(QCompleter::PopupCompletion);
}

QString AgentCompleter::pathFromIndex(const QModelIndex &index) const
{
    return index.data(IdRole).toString();
}

QString AgentCompleter::label(const Agent &agent)
{
    const QString id = QString::fromStdString(agent.id.value_or(std::string()));
    const QString name = agent.person ? QString::fromStdString(agent.person->name.value_or(std::string())) : QString();
    if (name.trimmed().isEmpty())
        return id;
    return tr("%1 (%2)", "an agent: name (agent ID)").arg(name, id);
}

} // namespace sd::ui
