#include "identitydialog.h"

#include "agentcompleter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sd::ui {

IdentityDialog::IdentityDialog(const QString &profileName, const QString &agentId, const QString &agentName,
                               const AgentDirectory &directory, bool firstUse, QWidget *parent)
    : QDialog(parent), m_directory(directory), m_initialId(agentId), m_initialName(agentName)
{
    setObjectName(QStringLiteral("identityDialog"));
    setWindowTitle(tr("My agent identity"));
    auto *intro = new QLabel(tr("Which agent are you on %1? Your agent ID shows your own sessions under "
                                "“Mine” and names you in the audit trail. You can change it later "
                                "under Settings > My agent identity.").arg(profileName), this);
    intro->setObjectName(QStringLiteral("identityIntro"));
    intro->setWordWrap(true);
    intro->setMinimumWidth(intro->fontMetrics().averageCharWidth() * 56); // a few lines, not a column
    m_id = new QLineEdit(agentId, this);
    m_id->setObjectName(QStringLiteral("identityId"));
    m_id->setAccessibleName(tr("My agent ID"));
    m_id->setPlaceholderText(tr("e.g. agent-1015, or type a name"));
    m_id->setClearButtonEnabled(true);
    m_id->setCompleter(new AgentCompleter(directory, this));
    m_name = new QLineEdit(agentName, this);
    m_name->setObjectName(QStringLiteral("identityName"));
    m_name->setAccessibleName(tr("My name"));
    m_name->setPlaceholderText(tr("optional"));
    m_name->setClearButtonEnabled(true);
    connect(m_id, &QLineEdit::textChanged, this, &IdentityDialog::onIdChanged);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTyped = true; });
    onIdChanged(agentId);
    auto *form = new QFormLayout;
    form->addRow(tr("Agent &ID:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use this identity"));
    if (firstUse)
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Skip"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_id->setFocus();
}

void IdentityDialog::onIdChanged(const QString &text)
{
    // The name follows the ID (a known agent's from the directory), never another agent's; a
    // name typed here stays.
    if (m_nameTyped)
        return;
    const QString id = text.trimmed();
    QString name;
    if (id == m_initialId && !m_initialName.isEmpty())
        name = m_initialName;
    else if (const std::optional<Agent> known = m_directory.find(id); known && known->person)
        name = QString::fromStdString(known->person->name.value_or(std::string()));
    m_name->setText(name);
}

QString IdentityDialog::agentId() const
{
    return m_id->text().trimmed();
}

QString IdentityDialog::agentName() const
{
    return m_name->text().trimmed();
}

} // namespace sd::ui
