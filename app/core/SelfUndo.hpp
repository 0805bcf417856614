#pragma once
// What may be undone at the kiosk with no staff member signed in: a visitor tally at the door
// within a minute ("−1"), and a participant's own check-in within seconds ("Det är inte jag"
// on the welcome, for someone who tapped the wrong picture).
#include "core/Event.hpp"

#include <cstdint>

namespace dagverk {

// How long the welcome offers "Det är inte jag" (and stays open).
inline constexpr std::int64_t kNotMeShownMs = 10'000;
// How old the check-in may be when the undo is recorded: the tap arrives at most a frame after
// the button was last drawn, so a few seconds more than it is shown.
inline constexpr std::int64_t kNotMeUndoMs = kNotMeShownMs + 5'000;

// True if `target` may be voided without staff at `now`: a tally made at the door, or a check-in
// the participant made themselves (no staff member on it).
bool mayUndoWithoutStaff(const Event& target, UtcMs now);

} // namespace dagverk
