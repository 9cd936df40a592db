// Small helpers shared by the files of MainWindow (mainwindow*.cpp) only.
#pragma once

#include "lazyicon.h"

#include <QIcon>
#include <QKeySequence>
#include <QString>

namespace sd::ui {

// Read when first drawn (see lazyicon.h).
inline QIcon icon(const char *name)
{
    return lazyIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

// Shortcuts named in texts read as the menus show them ("Strg+F" in German).
inline QString nativeKeys(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

} // namespace sd::ui
