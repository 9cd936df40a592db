// The workspace import of the earlier JSON format (loadWorkspace) on any file content, both
// format 1 (one document) and format 2 (a header line, then one entry per line): no crash, and
// what loads saves and loads again with the same order IDs, states and ETags.
#include "fuzzsupport.h"
#include "workspace.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::resetScratch();
    const QString path = fuzz::scratchDir() + QStringLiteral("/workspace.json");
    fuzz::writeFile(path, fuzz::bytes(data, size));

    sd::WorkspaceFile loaded;
    if (!sd::loadWorkspace(path, &loaded).isEmpty())
        return 0;
    const QString copy = fuzz::scratchDir() + QStringLiteral("/copy.json");
    FUZZ_CHECK(sd::saveWorkspace(copy, loaded).isEmpty());
    sd::WorkspaceFile again;
    FUZZ_CHECK(sd::loadWorkspace(copy, &again).isEmpty());
    FUZZ_CHECK(again.entries.size() == loaded.entries.size());
    for (size_t i = 0; i < loaded.entries.size(); ++i) {
        const sd::WorkspaceEntry &a = loaded.entries[i];
        const sd::WorkspaceEntry &b = again.entries[i];
        FUZZ_CHECK(a.orderId == b.orderId);
        FUZZ_CHECK(a.state == b.state);
        FUZZ_CHECK(a.etag == b.etag);
        FUZZ_CHECK(a.support == b.support);
        FUZZ_CHECK(a.draft == b.draft);
        FUZZ_CHECK(a.lastError == b.lastError);
    }
    return 0;
}
