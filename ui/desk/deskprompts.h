// The questions the desk controller asks the agent. The window answers with dialogs; tests
// answer with code.
#pragma once

#include "models.h"

#include <QString>
#include <optional>

namespace sd::ui {

struct DeskPrompts
{
    virtual ~DeskPrompts() = default;
    // Yes or no to something that cannot be taken back (e.g. a change made offline that
    // meets a newer server copy).
    virtual bool confirm(const QString &title, const QString &text) = 0;
    // Theirs and mine side by side: the version to send, or nullopt to keep mine as a draft.
    virtual std::optional<Support> resolveConflict(const QString &orderId, const Support &theirs,
                                                   const Support &mine, const std::optional<Support> &base) = 0;
};

} // namespace sd::ui
