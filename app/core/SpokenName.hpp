#pragma once
// The name the kiosk says aloud for a participant. Only speech uses it; the screens show
// firstName.
#include "core/Roster.hpp"

#include <string>

namespace dagverk {

std::string spokenName(const Participant& p);

} // namespace dagverk
