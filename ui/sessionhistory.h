// A session's history in words: what one audit entry of it records, and which fields differ
// between two copies of it (a change made elsewhere). Values are shown as they are: this is the
// agent's own view, never a log.
#pragma once

#include "auditlog.h"
#include "models.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <optional>
#include <vector>

namespace sd::ui {

class SessionHistory
{
    Q_DECLARE_TR_FUNCTIONS(sd::ui::SessionHistory)
public:
    struct FieldChange
    {
        QString label; // translated field name, as the form labels it
        QString before, after;
    };
    // The fields of the form that differ, and the agent when `withAgent` (an agent's value is
    // "Name (ID)"). Fields the form does not show count as one "Other fields".
    static std::vector<FieldChange> changes(const Support &before, const Support &after, bool withAgent);
    static QStringList changedFieldNames(const Support &before, const Support &after);

    struct Item
    {
        QDateTime time; // UTC
        QStringList sentences;
    };
    // One write as whole sentences; nullopt for a write that changed nothing (it failed or was
    // not sent). `me`: the user the recorder writes for this profile ("you").
    static std::optional<Item> describe(const AuditEntry &entry, const QString &me);
};

} // namespace sd::ui
