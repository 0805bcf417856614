#pragma once
// The kiosk's counting rows: core/AttendanceCount reads the kiosk's own SQLite through this,
// exactly as it reads central's database through central::ReportReader, so the Statistik
// screen and the central report count the same events the same way.
#include "core/AttendanceCount.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dagverk::store {

class Database;

class KioskCountingSource final : public CountingSource {
public:
  explicit KioskCountingSource(Database& db) : db_(db) {}
  void forEachCheckIn(LocalDate from, LocalDate to, const CheckInRow& row) override;
  void forEachAutomaticCheckout(LocalDate from, LocalDate to, const CheckoutRow& row) override;
  std::vector<AbsenceNote> absenceNotes(LocalDate from, LocalDate to) override;
  std::map<std::string, DaySpan> recordedSpans() override;

private:
  const std::set<std::string>& voided();
  Database& db_;
  std::optional<std::set<std::string>> voided_;
};

// The kiosk knows only its current roster: every participant of the site as one open-ended
// spell (an inactive one is known but never expected).
std::vector<RosterSpell> kioskRosterSpells(Database& db, const std::string& siteId);

} // namespace dagverk::store
