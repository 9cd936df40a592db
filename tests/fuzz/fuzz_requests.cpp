// Stored requests (requests.h: the outbox's change as JSON) on any bytes a damaged or forged
// file may hold: reading never crashes; what is accepted can be sent (no problem), and writes
// back to JSON that reads again as the same request.
#include "fuzzsupport.h"
#include "requests.h"

#include <string_view>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    QString error;
    const std::optional<sd::ApiRequest> request = sd::requestFromJson(text, &error);
    if (!request) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(sd::requestProblem(*request).isEmpty());
    FUZZ_CHECK(sd::urlOf(*request, QUrl(QStringLiteral("https://desk.example/api"))).isValid());
    FUZZ_CHECK(sd::hasBody(*request) == !sd::bodyOf(*request).isEmpty());
    const QByteArray written = sd::requestToJson(*request);
    QString again;
    const std::optional<sd::ApiRequest> back = sd::requestFromJson(written.toStdString(), &again);
    FUZZ_CHECK(back.has_value());
    FUZZ_CHECK(*back == *request);
    FUZZ_CHECK(sd::requestToJson(*back) == written);
    return 0;
}
