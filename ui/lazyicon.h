// An icon read from its file the first time it is drawn or measured, not when it is made: the
// window makes some twenty SVG icons (and its own) before its first frame, most of them for
// menus that are not open, and reading each one parses its SVG.
#pragma once

#include <QIcon>
#include <QString>

class QStyle;

namespace sd::ui {

QIcon lazyIcon(const QString &fileName);
// The application's style (by name) with its standard icons read when first drawn: the menu bar,
// toolbars and docks each make theirs when made, and the first of these PNGs loads the image
// plugins (and Qt SVG with them) before the window's first frame.
QStyle *lazyIconStyle(const QString &styleName);

} // namespace sd::ui
