// supportctl: the command-line client, on the same API layer as the desktop app.
#pragma once

#include <QStringList>

namespace sd::cli {

// Exit statuses (also in the man page and --help).
enum ExitCode {
    ExitOk = 0,
    ExitUsage = 1,          // nothing was sent
    ExitRefused = 2,        // 4xx
    ExitServer = 3,         // 5xx after retries
    ExitNetwork = 4,        // network error, timeout or TLS failure
    ExitInvalidResponse = 5,
    ExitPartial = 6,        // some items of a bulk command failed
};

// Runs one command line (arguments without the program name) inside the running event loop's
// thread; returns the exit status. Reads stdin for "-" and writes to stdout/stderr.
int run(const QStringList &arguments);

} // namespace sd::cli
