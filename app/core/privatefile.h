// Files holding personal data (sessions with phone numbers, exports): readable by the agent's
// account only, from the moment they exist (a file created 0644 and chmod'ed later can be
// opened in between, and an open descriptor outlives the chmod).
#pragma once

#include <QString>

class QSaveFile;

namespace sd {

// For a folder of the application's own: creates `dir` and any missing parents with mode 0700;
// an existing `dir` itself loses any group and other bits (a sticky, shared folder such as /tmp
// is left alone). Returns an error message naming the folder, empty on success.
QString ensurePrivateDir(const QString &dir);

// Makes sure `path` exists with mode 0600 before a library (SQLite) opens it: created so if
// missing, tightened if it exists with group or other bits. The same for the SQLite side files
// `path`-wal, -shm and -journal where they exist (SQLite gives new ones the mode of the
// database). Missing folders are created 0700; existing ones are not changed (the caller may
// not own them: see ensurePrivateDir). Returns an error message, empty on success.
QString preparePrivateFile(const QString &path);

// Opens a QSaveFile for writing with mode 0600: its temporary file is created under umask 077
// and keeps 0600 when committed, even over an existing file with a wider mode. Returns false
// with the file's errorString() set like QSaveFile::open.
bool openPrivate(QSaveFile &file);

} // namespace sd
