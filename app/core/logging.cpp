#include "logging.h"

namespace sd {

Q_LOGGING_CATEGORY(lcClient, "sd.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "sd.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "sd.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "sd.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "sd.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "sd.ui", QtInfoMsg)

} // namespace sd
