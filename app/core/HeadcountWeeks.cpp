#include "core/HeadcountWeeks.hpp"

#include "core/DayRecords.hpp"

namespace dagverk {

std::vector<HeadcountWeek> headcountWeeks(const std::vector<Event>& events, LocalDate from, int weeks) {
  std::vector<HeadcountWeek> out(static_cast<size_t>(weeks));
  const long first = daysFromCivil(from);
  for (size_t i = 0; i < out.size(); ++i) out[i].from = civilFromDays(first + static_cast<long>(i) * 7);
  const auto voided = voidedEventIds(events);
  for (const auto& e : events) {
    const auto* t = std::get_if<HeadcountTallied>(&e.payload);
    if (!t || voided.count(e.id)) continue;
    const long day = daysFromCivil(toStockholm(t->at).date) - first;
    if (day < 0 || day >= static_cast<long>(weeks) * 7) continue;
    out[static_cast<size_t>(day / 7)].visitors += t->count;
  }
  return out;
}

} // namespace dagverk
