// The order-ID import (parseOrderIdList, used for "Import from file" and "Import from
// clipboard") on any text: every ID it returns is non-empty, trimmed and unique, there are no
// more IDs than lines, and each one can be checked and encoded for a request.
#include "apiurl.h"
#include "fuzzsupport.h"
#include "workspace.h"

#include <QSet>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QStringList ids = sd::parseOrderIdList(text);
    FUZZ_CHECK(ids.size() <= text.count(QLatin1Char('\n')) + 1);
    QSet<QString> seen;
    for (const QString &id : ids) {
        FUZZ_CHECK(!id.isEmpty());
        FUZZ_CHECK(id == id.trimmed());
        FUZZ_CHECK(!seen.contains(id));
        seen.insert(id);
        (void)sd::orderIdProblem(id);
        (void)sd::encodeOrderId(id);
    }
    // Importing the list as written back (one ID per line) gives the same list: the import is
    // stable under its own output, as when a user re-imports an export. Only IDs that need no
    // quoting take part: a line starting with a quote or holding a comma is CSV.
    QStringList plain;
    for (const QString &id : ids)
        if (!id.startsWith(QLatin1Char('"')) && !id.contains(QLatin1Char(','))
            && (!plain.isEmpty() || id.compare(QLatin1String("order_id"), Qt::CaseInsensitive) != 0))
            plain << id;
    FUZZ_CHECK(sd::parseOrderIdList(plain.join(QLatin1Char('\n'))) == plain);
    return 0;
}
