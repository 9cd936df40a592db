// Shared by sessionmodel.cpp and sessionmodelfilter.cpp: the SessionTable sort key of a column.
#pragma once

#include "sessionmodel.h"

namespace sd::ui {

inline SessionTable::SortKey sortKeyOfColumn(int column)
{
    static constexpr SessionTable::SortKey keys[SessionModel::ColumnCount] = {
        SessionTable::SortKey::OrderId, SessionTable::SortKey::State, SessionTable::SortKey::Agent,
        SessionTable::SortKey::Phone,   SessionTable::SortKey::Chat,  SessionTable::SortKey::LastChange};
    return keys[column];
}

} // namespace sd::ui
