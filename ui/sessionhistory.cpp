#include "sessionhistory.h"

#include "requests.h"
#include "stdstring.h"


#include <functional>

namespace sd::ui {

namespace {

struct FieldDef
{
    const char *label;
    std::function<QString(const Support &)> get;
};

// The form's fields, labelled as the form and the conflict dialog label them.
const std::vector<FieldDef> &formFields()
{
    static const std::vector<FieldDef> defs = {
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "Callback phone"),
         [](const Support &s) { return toQString(s.callbackPhone); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "Chat URL"),
         [](const Support &s) { return s.chat ? toQString(s.chat->url) : QString(); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "Chat session"),
         [](const Support &s) { return s.chat ? toQString(s.chat->sessionId) : QString(); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "FAQ link"),
         [](const Support &s) { return s.faq ? toQString(s.faq->url) : QString(); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "FAQ type"),
         [](const Support &s) { return s.faq ? toQString(s.faq->mimeType) : QString(); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "Topic"),
         [](const Support &s) { return s.descriptor ? toQString(s.descriptor->name) : QString(); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "Summary"),
         [](const Support &s) { return s.descriptor ? toQString(s.descriptor->shortDesc) : QString(); }},
        {QT_TRANSLATE_NOOP("sd::ui::SessionHistory", "Description"),
         [](const Support &s) { return s.descriptor ? toQString(s.descriptor->longDesc) : QString(); }},
    };
    return defs;
}

// "Name (ID)", or the ID alone.
QString agentText(const std::optional<Agent> &a)
{
    if (!a)
        return {};
    const QString id = toQString(a->id);
    const QString name = a->person ? toQString(a->person->name) : QString();
    if (name.isEmpty())
        return id;
    return id.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, id);
}

// The fields a Support does not model, and the ones the form does not show, as one value.
QString otherFields(const Support &s)
{
    Support rest;
    rest.extra = s.extra;
    rest.descriptor = s.descriptor;
    if (rest.descriptor) {
        rest.descriptor->name.reset();
        rest.descriptor->shortDesc.reset();
        rest.descriptor->longDesc.reset();
    }
    rest.chat = s.chat;
    if (rest.chat) {
        rest.chat->url.reset();
        rest.chat->sessionId.reset();
    }
    rest.faq = s.faq;
    if (rest.faq) {
        rest.faq->url.reset();
        rest.faq->mimeType.reset();
    }
    return QString::fromStdString(serialize(rest));
}

std::optional<Support> parsed(const QByteArray &json)
{
    if (json.isEmpty())
        return std::nullopt;
    ParseResult<Support> r = parseSupport(std::string_view(json.constData(), size_t(json.size())));
    return r.value;
}

// Long values (a description) are cut: the list stays compact.
QString shown(const QString &value)
{
    QString v = value.simplified();
    if (v.size() > 80)
        v = v.left(79) + QStringLiteral("…");
    return v;
}

} // namespace

std::vector<SessionHistory::FieldChange> SessionHistory::changes(const Support &before, const Support &after,
                                                                 bool withAgent)
{
    std::vector<FieldChange> out;
    if (withAgent) {
        const QString a = agentText(before.agent), b = agentText(after.agent);
        if (a != b || !(before.agent == after.agent))
            out.push_back({tr("Agent"), a, b});
    }
    for (const FieldDef &f : formFields()) {
        const QString a = f.get(before), b = f.get(after);
        if (a != b)
            out.push_back({tr(f.label), a, b});
    }
    if (otherFields(before) != otherFields(after))
        out.push_back({tr("Other fields"), {}, {}});
    return out;
}

QStringList SessionHistory::changedFieldNames(const Support &before, const Support &after)
{
    QStringList names;
    for (const FieldChange &c : changes(before, after, true))
        names << c.label;
    return names;
}

std::optional<SessionHistory::Item> SessionHistory::describe(const AuditEntry &e, const QString &me)
{
    Item item;
    item.time = e.time;
    const bool byMe = e.user == me;
    const QString who = e.user.isEmpty() ? tr("someone") : e.user;
    if (e.phase == AuditEntry::Phase::Intent) {
        item.sentences << (byMe ? tr("A change sent by you has no recorded outcome: it may or may not have been made.")
                                : tr("A change sent by %1 has no recorded outcome: it may or may not have been made.").arg(who));
        return item;
    }
    if (e.result != QLatin1String("ok"))
        return std::nullopt; // failed, or not sent: nothing changed
    const std::optional<Support> before = parsed(e.before);
    const std::optional<Support> after = parsed(e.after);
    // The log records a request type's kRecordName; old logs read as they always did.
    const std::optional<Operation> op = writeRecordedAs(e.operation);
    if (op == Operation::Create) {
        item.sentences << (byMe ? tr("Support request created by you.") : tr("Support request created by %1.").arg(who));
    } else if (op == Operation::Close) {
        item.sentences << (byMe ? tr("Session closed by you.") : tr("Session closed by %1.").arg(who));
    } else if (op == Operation::AssignAgent) {
        const QString agent = after ? agentText(after->agent) : QString();
        const QString previous = before ? agentText(before->agent) : QString();
        const bool replaced = !previous.isEmpty() && before->agent && after && after->agent
                              && before->agent->id != after->agent->id;
        if (agent.isEmpty())
            item.sentences << (byMe ? tr("Agent assigned by you.") : tr("Agent assigned by %1.").arg(who));
        else if (replaced)
            item.sentences << (byMe ? tr("%1 assigned by you in place of %2.").arg(agent, previous)
                                    : tr("%1 assigned by %2 in place of %3.").arg(agent, who, previous));
        else
            item.sentences << (byMe ? tr("%1 assigned by you.").arg(agent) : tr("%1 assigned by %2.").arg(agent, who));
    } else if (op == Operation::UnassignAgent) {
        const QString previous = before ? agentText(before->agent) : QString();
        if (previous.isEmpty())
            item.sentences << (byMe ? tr("Agent removed by you.") : tr("Agent removed by %1.").arg(who));
        else
            item.sentences << (byMe ? tr("%1 removed as agent by you.").arg(previous)
                                    : tr("%1 removed as agent by %2.").arg(previous, who));
    } else if (op == Operation::Update) {
        item.sentences << (byMe ? tr("Changes saved by you.") : tr("Changes saved by %1.").arg(who));
        if (!before || !after) {
            item.sentences << tr("The values before are not recorded.");
        } else {
            for (const FieldChange &c : changes(*before, *after, false)) {
                if (c.before.isEmpty() && c.after.isEmpty())
                    item.sentences << tr("%1 changed.").arg(c.label);
                else if (c.before.isEmpty())
                    item.sentences << tr("%1 set to “%2”.").arg(c.label, shown(c.after));
                else if (c.after.isEmpty())
                    item.sentences << tr("%1 cleared (was “%2”).").arg(c.label, shown(c.before));
                else
                    item.sentences << tr("%1 changed from “%2” to “%3”.").arg(c.label, shown(c.before), shown(c.after));
            }
        }
    } else {
        item.sentences << (byMe ? tr("Changed by you.") : tr("Changed by %1.").arg(who));
    }
    return item;
}

} // namespace sd::ui
