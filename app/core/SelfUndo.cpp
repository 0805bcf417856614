#include "core/SelfUndo.hpp"

#include "core/Headcount.hpp"

namespace dagverk {

bool mayUndoWithoutStaff(const Event& target, UtcMs now) {
  if (target.actorStaffId) return false;
  const std::int64_t age = now - target.recordedUtc;
  if (std::holds_alternative<HeadcountTallied>(target.payload)) return age < kHeadcountUndoMs;
  if (std::holds_alternative<CheckedIn>(target.payload)) return age < kNotMeUndoMs;
  return false;
}

} // namespace dagverk
