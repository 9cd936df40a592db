// The detail pane's agent card and history box (what the server and the audit trail say of the
// session, beside the form).
#include "detailpane.h"
#include "detailpane_p.h"

#include "auditlog.h"
#include "auditrecorder.h"
#include "dialogs.h"
#include "sessionhistory.h"
#include "stdstring.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace sd::ui {

using namespace detail;

void DetailPane::setHistorySource(AuditRecorder *recorder)
{
    m_audit = recorder;
    updateHistory(true);
}

void DetailPane::showChangedElsewhere(const QStringList &fields)
{
    for (const QString &f : fields)
        if (!m_elsewhere.contains(f))
            m_elsewhere << f;
    m_changedElsewhere->setVisible(!m_elsewhere.isEmpty() && !m_orderId.isEmpty());
    m_changedElsewhere->setText(m_elsewhere.isEmpty() ? QString()
        : tr("Changed elsewhere since you last looked: %1.").arg(QLocale().createSeparatedList(m_elsewhere)));
}

void DetailPane::updateHistory(bool force)
{
    if (!m_audit || m_orderId.isEmpty()) {
        m_historyBox->hide();
        m_historyOrder.clear();
        return;
    }
    m_historyBox->show();
    const QString path = m_audit->path();
    // Shown again on every keystroke (drafts): read only when the log grew or the order changed.
    const qint64 size = QFileInfo(path).size();
    if (!force && m_historyOrder == m_orderId && m_historySize == size && m_historyIndex->path() == path)
        return;
    m_historyOrder = m_orderId;
    m_historySize = size;
    m_historyIndex->setPath(path);
    constexpr int kShown = 20;
    constexpr int kRead = 40; // failed writes are read but not shown
    QStringList skipped;
    QString error;
    const std::vector<AuditEntry> entries = m_historyIndex->entriesFor(m_orderId, m_audit->server(), kRead,
                                                                       &skipped, &error);
    QStringList items;
    bool more = entries.size() >= size_t(kRead);
    for (const AuditEntry &e : entries) {
        const std::optional<SessionHistory::Item> item = SessionHistory::describe(e, m_audit->user());
        if (!item)
            continue;
        if (items.size() == kShown) {
            more = true;
            break;
        }
        QStringList sentences;
        for (const QString &sentence : item->sentences)
            sentences << sentence.toHtmlEscaped();
        const QString when = QLocale().toString(item->time.toLocalTime(), QLocale::ShortFormat);
        items << QStringLiteral("<p><small>%1</small><br>%2</p>").arg(when.toHtmlEscaped(), sentences.join(QStringLiteral("<br>")));
    }
    if (!error.isEmpty())
        items << QStringLiteral("<p>%1</p>").arg(tr("The audit trail cannot be read: %1").arg(error).toHtmlEscaped());
    else if (items.isEmpty())
        items << QStringLiteral("<p>%1</p>").arg(tr("No change of this session is recorded in the audit trail on this computer.").toHtmlEscaped());
    if (more)
        items << QStringLiteral("<p>%1</p>").arg(tr("Older changes are in the audit trail.").toHtmlEscaped());
    if (!skipped.isEmpty())
        items << QStringLiteral("<p>%1</p>").arg(tr("%n damaged line(s) of the audit trail were left out.", nullptr,
                                                     int(skipped.size())).toHtmlEscaped());
    m_historyText->setText(items.join(QString()));
}

void DetailPane::showAgentCard(SessionState state)
{
    const std::optional<Agent> &agent = m_server.agent;
    if (agent) {
        QStringList lines;
        const QString name = agent->person ? toQString(agent->person->name) : QString();
        lines << QStringLiteral("<b>%1</b> (%2)").arg(escaped(name.isEmpty() ? tr("no name") : name),
                                                       escaped(toQString(agent->id)));
        if (agent->contact && agent->contact->phone) {
            const QString phone = toQString(agent->contact->phone);
            lines << tr("Phone: %1").arg(isValidPhone(phone) ? anchor(telUrl(phone), phone) : escaped(phone));
        }
        if (agent->contact && agent->contact->email)
            lines << tr("E-mail: %1").arg(anchor(mailtoUrl(toQString(agent->contact->email)), toQString(agent->contact->email)));
        if (agent->organization && agent->organization->descriptor && agent->organization->descriptor->name)
            lines << tr("Organization: %1").arg(escaped(toQString(agent->organization->descriptor->name)));
        if (agent->rating)
            lines << tr("Rating: %1").arg(escaped(ratingText(*agent->rating)));
        m_agentText->setText(lines.join(QStringLiteral("<br>")));
        m_assign->setText(tr("&Reassign…"));
    } else {
        m_agentText->setText(tr("No agent assigned."));
        m_assign->setText(tr("&Assign…"));
    }
    m_unassign->setEnabled(agent.has_value() && state == SessionState::Open);
    m_assign->setEnabled(state == SessionState::Open);
}

void DetailPane::openLink(const QString &link)
{
    const QUrl url(link);
    if (QDesktopServices::openUrl(url))
        return;
    const QString scheme = url.scheme().toLower();
    QString problem;
    if (scheme == QLatin1String("tel"))
        problem = tr("Could not call %1: no application for phone calls is set up on this computer.")
                      .arg(url.path());
    else if (scheme == QLatin1String("mailto"))
        problem = tr("Could not write to %1: no e-mail program is set up on this computer.")
                      .arg(url.path());
    else if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        problem = tr("Could not open %1: no web browser is set up on this computer.")
                      .arg(url.toDisplayString());
    else
        problem = tr("Could not open %1: no application for this kind of link is set up on this computer.")
                      .arg(url.toDisplayString());
    Q_EMIT linkNotOpened(problem);
}

} // namespace sd::ui
