// Shared by tst_audit and tst_audit_recorder: a sample audit entry (with a phone number and an
// e-mail address to mask).
#pragma once

#include "auditlog.h"

inline sd::AuditEntry sample(int n)
{
    sd::AuditEntry e;
    e.user = QStringLiteral("agent");
    e.server = QStringLiteral("http://127.0.0.1:1/");
    e.orderId = QStringLiteral("ORD-%1").arg(n);
    e.operation = QStringLiteral("assign");
    e.before = R"({"agent":{"id":"old"}})";
    e.after = R"({"agent":{"id":"new","contact":{"phone":"+49 30 1234567","email":"jane@example.org"}}})";
    e.result = QStringLiteral("ok");
    e.httpStatus = 200;
    return e;
}
