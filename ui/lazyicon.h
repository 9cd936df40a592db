// An icon read from its file the first time it is drawn or measured, not when it is made: the
// window makes some twenty SVG icons (and its own) before its first frame, most of them for
// menus that are not open, and reading each one parses its SVG.
#pragma once

#include <QIcon>
#include <QString>

namespace sd::ui {

QIcon lazyIcon(const QString &fileName);

} // namespace sd::ui
