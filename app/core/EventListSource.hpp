#pragma once
// Counting rows from decoded events held in memory: the third way into core/AttendanceCount,
// beside the kiosk's SQLite (store/CountingRows) and central's (central::ReportReader). The
// unit tests count hand-made events through it, and the parity test checks that all three
// agree on the same events.
#include "core/AttendanceCount.hpp"
#include "core/Event.hpp"

#include <set>
#include <string>
#include <vector>

namespace dagverk {

class EventListSource final : public CountingSource {
public:
  // Any order: they are sorted as recorded (a later AbsenceNoted wins).
  explicit EventListSource(std::vector<Event> events);
  void forEachCheckIn(LocalDate from, LocalDate to, const CheckInRow& row) override;
  void forEachAutomaticCheckout(LocalDate from, LocalDate to, const CheckoutRow& row) override;
  std::vector<AbsenceNote> absenceNotes(LocalDate from, LocalDate to) override;
  std::map<std::string, DaySpan> recordedSpans() override;

private:
  std::vector<Event> events_;
  std::set<std::string> voided_;
};

} // namespace dagverk
