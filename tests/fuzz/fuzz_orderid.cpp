// Order IDs and request URLs (apiurl.h) on any text a user may type, paste or import: the ID
// always travels as exactly one path segment that decodes back to its UTF-8 bytes, and a URL is
// built only on a usable base.
// Input: the whole input is an order ID (as UTF-8 and as raw UTF-16, for lone surrogates); when
// it holds a newline, the first line is also tried as the server's base URL for the rest.
#include "apiurl.h"
#include "fuzzsupport.h"

#include <QUrl>

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

bool isUpperHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

void checkSegment(const QString &id)
{
    const QByteArray enc = sd::encodeOrderId(id);
    FUZZ_CHECK(enc.isEmpty() == id.isEmpty());
    for (qsizetype i = 0; i < enc.size(); ++i) {
        if (enc[i] == '%') {
            FUZZ_CHECK(i + 2 < enc.size() && isUpperHex(enc[i + 1]) && isUpperHex(enc[i + 2]));
            i += 2;
        } else {
            FUZZ_CHECK(isUnreserved(enc[i]));
        }
    }
    FUZZ_CHECK(QByteArray::fromPercentEncoding(enc) == id.toUtf8());

    const QString problem = sd::orderIdProblem(id);
    // A dot segment would be normalised away by a client or server: such IDs are never sent.
    if (enc == "." || enc == "..")
        FUZZ_CHECK(!problem.isEmpty());
    if (problem.isEmpty()) {
        FUZZ_CHECK(!id.trimmed().isEmpty());
        FUZZ_CHECK(id.toUtf8().size() <= sd::kMaxOrderIdBytes);
    }
}

void checkUrl(const QUrl &base, const QString &id)
{
    const bool baseOk = sd::baseUrlProblem(base).isEmpty();
    for (const bool agent : {false, true}) {
        const QByteArray url = sd::supportUrlEncoded(base, id, agent);
        if (!baseOk) {
            FUZZ_CHECK(url.isEmpty());
            continue;
        }
        const QByteArray tail = "/support/" + sd::encodeOrderId(id) + (agent ? "/agent" : "");
        FUZZ_CHECK(url.endsWith(tail));
        // The base's query and fragment are dropped: nothing after the path.
        const QByteArray head = url.left(url.size() - tail.size());
        FUZZ_CHECK(!head.contains('?') && !head.contains('#'));
        (void)sd::supportUrl(base, id, agent);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QString utf8 = QString::fromUtf8(input);
    const QString utf16(reinterpret_cast<const QChar *>(input.constData()), input.size() / 2);
    static const QUrl bases[] = {QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                 QUrl(QStringLiteral("https://pp.example.org/api/v1//?x=1#f"))};
    for (const QString &id : {utf8, utf16}) {
        checkSegment(id);
        for (const QUrl &base : bases)
            checkUrl(base, id);
    }
    if (const qsizetype nl = input.indexOf('\n'); nl >= 0) {
        const QUrl base(QString::fromUtf8(input.left(nl)));
        (void)sd::baseUrlProblem(base);
        checkUrl(base, QString::fromUtf8(input.mid(nl + 1)));
    }
    return 0;
}
