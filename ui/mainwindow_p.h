// Small helpers shared by the files of MainWindow (mainwindow*.cpp) only.
#pragma once

#include <QIcon>
#include <QKeySequence>
#include <QString>

namespace sd::ui {

inline QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

// Shortcuts named in texts read as the menus show them ("Strg+F" in German).
inline QString nativeKeys(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

} // namespace sd::ui
