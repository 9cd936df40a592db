// The F1 list of keyboard shortcuts: every menu's, then the keys of the list and the pane.
#pragma once

class QMainWindow;

namespace sd::ui {

void showShortcutsDialog(QMainWindow *window);

} // namespace sd::ui
