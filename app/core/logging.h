// One logging category per area, declared here only. Nothing is logged by default below
// warnings (each category's threshold is QtInfoMsg); turn an area on with e.g.
//   QT_LOGGING_RULES="sd.outbox.debug=true" supportdesk
// Never log a token; pass phone numbers and e-mails through maskPersonalData() (privacy.h).
#pragma once

#include <QLoggingCategory>

namespace sd {

Q_DECLARE_LOGGING_CATEGORY(lcClient)  // "sd.client": ApiClient, requests and retries
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)  // "sd.outbox": the offline outbox and its sender
Q_DECLARE_LOGGING_CATEGORY(lcAudit)   // "sd.audit": the audit log, index and recorder
Q_DECLARE_LOGGING_CATEGORY(lcStore)   // "sd.store": workspace store, SQLite, private files
Q_DECLARE_LOGGING_CATEGORY(lcSandbox) // "sd.sandbox": the reference server
Q_DECLARE_LOGGING_CATEGORY(lcUi)      // "sd.ui": windows and dialogs

} // namespace sd
