// Start-up: what the window's first frame does not show is made after that frame.
#pragma once

#include <functional>

class QWidget;

namespace sd::ui {

// Runs `work` once, one turn of the event loop after `window` painted its first frame; for a
// window that is not shown (or not painted within a second: minimised, covered) at the first
// turn of the event loop, or after that second. Once the window has painted (with one of these
// waiting), one turn of the event loop later. Nothing runs once `window` is gone.
void afterFirstPaint(QWidget *window, std::function<void()> work);

} // namespace sd::ui
