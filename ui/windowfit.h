// The main window on small and HiDPI screens: it opens whole on its screen, and its toolbars
// take a second row instead of hiding fields in an overflow menu when the window is narrow.
#pragma once

#include <QMargins>
#include <QRect>
#include <QSize>

class QMainWindow;
class QToolBar;
class QWidget;

namespace sd::ui {

// `geometry` (the client area) moved and, if needed, shrunk so that it and its `frame` lie
// within `available`.
QRect fittedGeometry(const QRect &geometry, const QMargins &frame, const QRect &available);

// For a window not shown yet: `preferred` (when no geometry was restored; an empty size keeps
// the restored one) bounded by the available geometry of the screen the window opens on, placed
// inside it. Once shown, when the real frame is known, it is checked again.
void fitToScreen(QWidget *window, const QSize &preferred);

// Puts `second` on a toolbar row of its own while the window is narrower than the toolbars of
// its row need, and back beside them when there is room again.
void wrapToolBarWhenNarrow(QMainWindow *window, QToolBar *second);

} // namespace sd::ui
