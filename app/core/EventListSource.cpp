#include "core/EventListSource.hpp"

#include "core/DayRecords.hpp"
#include "core/Feedback.hpp"

#include <algorithm>

namespace dagverk {

namespace {
bool within(LocalDate d, LocalDate from, LocalDate to) { return !(d < from) && !(to < d); }
} // namespace

EventListSource::EventListSource(std::vector<Event> events) : events_(std::move(events)) {
  // In recorded order, as central reads them, so the latest absence note wins everywhere.
  std::stable_sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
    if (a.recordedUtc != b.recordedUtc) return a.recordedUtc < b.recordedUtc;
    if (a.deviceId != b.deviceId) return a.deviceId < b.deviceId;
    return a.seq < b.seq;
  });
  voided_ = voidedEventIds(events_);
}

void EventListSource::forEachCheckIn(LocalDate from, LocalDate to, const CheckInRow& row) {
  for (const auto& e : events_) {
    const auto* in = std::get_if<CheckedIn>(&e.payload);
    if (!in || voided_.count(e.id)) continue;
    const LocalDate day = toStockholm(e.recordedUtc).date; // the day recorded, as central's local_date
    if (within(day, from, to)) row(e.siteId, in->participantId, day);
  }
}

void EventListSource::forEachAutomaticCheckout(LocalDate from, LocalDate to, const CheckoutRow& row) {
  for (const auto& e : events_) {
    const auto* out = std::get_if<CheckedOut>(&e.payload);
    if (!out || !out->automatic || voided_.count(e.id)) continue;
    const LocalDate visit = toStockholm(out->at).date;
    if (within(visit, from, to)) row(e.siteId, visit);
  }
}

std::vector<AbsenceNote> EventListSource::absenceNotes(LocalDate from, LocalDate to) {
  std::vector<AbsenceNote> out;
  for (const auto& e : events_) {
    const auto* a = std::get_if<AbsenceNoted>(&e.payload);
    if (!a || voided_.count(e.id)) continue;
    const auto day = parseIsoDate(a->date);
    if (day && within(*day, from, to)) out.push_back({e.siteId, a->participantId, *day, a->reason});
  }
  return out;
}

std::map<std::string, DaySpan> EventListSource::recordedSpans() {
  std::map<std::string, DaySpan> out;
  for (const auto& e : events_) {
    const LocalDate day = toStockholm(e.recordedUtc).date;
    auto [it, added] = out.try_emplace(e.siteId, DaySpan{day, day});
    if (added) continue;
    if (day < it->second.first) it->second.first = day;
    if (it->second.last < day) it->second.last = day;
  }
  return out;
}

} // namespace dagverk
