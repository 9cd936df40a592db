// The sandbox's data file (SandboxServer::setDataFile, `supportdesk-sandbox --data FILE`) on any
// file content: it loads or is refused with a message, never a crash; what loads is written
// back and loads again with the same sessions.
#include "fuzzsupport.h"
#include "sandboxserver.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::resetScratch();
    const QString path = fuzz::scratchDir() + QStringLiteral("/sandbox.json");
    fuzz::writeFile(path, fuzz::bytes(data, size));

    sd::SandboxServer first;
    if (!first.setDataFile(path).isEmpty())
        return 0;
    // setDataFile wrote the file back: a second server reads the same sessions from it.
    sd::SandboxServer second;
    FUZZ_CHECK(second.setDataFile(path).isEmpty());
    FUZZ_CHECK(second.sessionCount() == first.sessionCount());
    return 0;
}
