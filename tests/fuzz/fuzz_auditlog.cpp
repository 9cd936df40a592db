// The audit log reader (auditlog.h) on any file content: a copied, edited, torn or hostile
// audit.log is verified, read, exported and appended to without a crash, and an append to an
// intact log keeps it intact, one entry longer.
#include "auditlog.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::resetScratch();
    const QString path = fuzz::scratchDir() + QStringLiteral("/audit.log");
    const QByteArray content = fuzz::bytes(data, size);
    fuzz::writeFile(path, content);

    const sd::AuditVerification before = sd::AuditLog::verify(path);
    FUZZ_CHECK(before.entries >= 0 && before.entries <= content.count('\n') + 1);
    if (!before.intact)
        FUZZ_CHECK(before.firstBroken >= 1 && !before.reason.isEmpty());

    QString error;
    const std::vector<sd::AuditEntry> entries = sd::AuditLog::read(path, &error);
    FUZZ_CHECK(qsizetype(entries.size()) <= content.count('\n') + 1);
    (void)sd::AuditLog::exportCsv(entries, false);
    (void)sd::AuditLog::exportCsv(entries, true);

    sd::AuditEntry entry;
    entry.user = QStringLiteral("fuzz");
    entry.server = QStringLiteral("http://127.0.0.1:1/");
    entry.orderId = QStringLiteral("ORD-1");
    entry.operation = QStringLiteral("update");
    entry.before = R"({"order_id":"ORD-1"})";
    entry.after = R"({"order_id":"ORD-1","callback_phone":"+4930123456"})";
    entry.result = QStringLiteral("ok");
    entry.httpStatus = 200;
    const QString appendError = sd::AuditLog(path).append(entry);
    if (before.intact && appendError.isEmpty()) {
        const sd::AuditVerification after = sd::AuditLog::verify(path);
        FUZZ_CHECK(after.intact);
        FUZZ_CHECK(after.entries == before.entries + 1);
    }
    return 0;
}
