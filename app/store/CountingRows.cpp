#include "store/CountingRows.hpp"

#include "core/Error.hpp"
#include "core/Event.hpp"
#include "core/Feedback.hpp"
#include "core/Roster.hpp"
#include "store/Database.hpp"
#include "store/EventTable.hpp"

#include <set>

namespace dagverk::store {

namespace {

// The kiosk's event table has no local-date column: a local day is the UTC span between two
// Stockholm midnights, and the day of a row the local date of its recorded_utc (central's
// local_date is the same date, written on import).
UtcMs startOf(LocalDate d) { return fromStockholm(d, 0, 0); }
UtcMs endOf(LocalDate d) { return fromStockholm(civilFromDays(daysFromCivil(d) + 1), 0, 0); }

} // namespace

const std::set<std::string>& KioskCountingSource::voided() {
  if (!voided_) {
    voided_.emplace();
    Statement st(db_, "SELECT payload FROM event WHERE kind = ?1");
    st.bind(1, std::string(Corrected::kKind));
    while (st.step()) voided_->insert(std::get<Corrected>(decodePayload(Corrected::kKind, st.text(0))).correctsEventId);
  }
  return *voided_;
}

void KioskCountingSource::forEachCheckIn(LocalDate from, LocalDate to, const CheckInRow& row) {
  const auto& gone = voided();
  // The participant is the row's subject, so the payload is not decoded; SQLite's json_valid
  // still refuses a record damaged by hand, as decoding would.
  Statement st(db_, "SELECT id, site_id, subject_id, recorded_utc, json_valid(payload) FROM event WHERE kind = ?1 "
                    "AND recorded_utc >= ?2 AND recorded_utc < ?3 ORDER BY recorded_utc");
  st.bind(1, std::string(CheckedIn::kKind)).bind(2, startOf(from)).bind(3, endOf(to));
  while (st.step()) {
    if (st.integer(4) == 0)
      throw DagverkError(ErrorCode::BadInput, "En händelse kunde inte läsas.",
                         "malformed payload for CheckedIn (not JSON) in the kiosk's event table");
    if (gone.count(st.text(0))) continue;
    row(st.text(1), st.text(2), toStockholm(st.integer(3)).date);
  }
  // A visit registered afterwards counts on the day it names, which lies before the day it
  // was entered: entries from `from` on are read and their day taken from the payload.
  Statement late(db_, "SELECT id, site_id, payload FROM event WHERE kind = ?1 AND recorded_utc >= ?2");
  late.bind(1, std::string(LateVisitRegistered::kKind)).bind(2, startOf(from));
  while (late.step()) {
    if (gone.count(late.text(0))) continue;
    const auto v = std::get<LateVisitRegistered>(decodePayload(LateVisitRegistered::kKind, late.text(2)));
    const auto day = parseIsoDate(v.date);
    if (day && !(*day < from) && !(to < *day)) row(late.text(1), v.participantId, *day);
  }
}

void KioskCountingSource::forEachAutomaticCheckout(LocalDate from, LocalDate to, const CheckoutRow& row) {
  const auto& gone = voided();
  // A rollover writes the check-out on or after the visit's day: recorded from `from` on. Only
  // automatic ones are decoded ("automatic" is CheckedOut's field as encodePayload writes it;
  // the parity test counts the same rows centrally, where PayloadFields.hpp names it).
  Statement st(db_, "SELECT id, site_id, payload FROM event WHERE kind = ?1 AND recorded_utc >= ?2 AND "
                    "json_extract(payload, '$.v.automatic') = 1");
  st.bind(1, std::string(CheckedOut::kKind)).bind(2, startOf(from));
  while (st.step()) {
    if (gone.count(st.text(0))) continue;
    const auto out = std::get<CheckedOut>(decodePayload(CheckedOut::kKind, st.text(2)));
    if (!out.automatic) continue;
    const LocalDate visit = toStockholm(out.at).date;
    if (!(visit < from) && !(to < visit)) row(st.text(1), visit);
  }
}

std::vector<AbsenceNote> KioskCountingSource::absenceNotes(LocalDate from, LocalDate to) {
  const auto& gone = voided();
  std::vector<AbsenceNote> out;
  // The note's day is in its payload and may lie before or after the day it was written, so
  // every note is read and the day filtered here (a few per day at most).
  Statement st(db_, "SELECT id, site_id, subject_id, payload FROM event WHERE kind = ?1 ORDER BY recorded_utc, "
                    "device_id, seq");
  st.bind(1, std::string(AbsenceNoted::kKind));
  while (st.step()) {
    if (gone.count(st.text(0))) continue;
    const auto note = std::get<AbsenceNoted>(decodePayload(AbsenceNoted::kKind, st.text(3)));
    const auto day = parseIsoDate(note.date);
    if (day && !(*day < from) && !(to < *day)) out.push_back({st.text(1), st.text(2), *day, note.reason});
  }
  return out;
}

std::map<std::string, DaySpan> KioskCountingSource::recordedSpans() {
  std::map<std::string, DaySpan> out;
  Statement st(db_, "SELECT site_id, min(recorded_utc), max(recorded_utc) FROM event GROUP BY site_id");
  while (st.step()) out[st.text(0)] = DaySpan{toStockholm(st.integer(1)).date, toStockholm(st.integer(2)).date};
  // A day known only from a paper sheet entered afterwards is a recorded day of the site too.
  Statement late(db_, "SELECT site_id, payload FROM event WHERE kind = ?1");
  late.bind(1, std::string(LateVisitRegistered::kKind));
  while (late.step()) {
    const auto day = parseIsoDate(std::get<LateVisitRegistered>(decodePayload(LateVisitRegistered::kKind, late.text(1))).date);
    if (!day) continue;
    auto it = out.find(late.text(0));
    if (it == out.end()) out[late.text(0)] = DaySpan{*day, *day};
    else if (*day < it->second.first) it->second.first = *day;
    else if (it->second.last < *day) it->second.last = *day;
  }
  return out;
}

std::vector<RosterSpell> kioskRosterSpells(Database& db, const std::string& siteId) {
  std::vector<RosterSpell> out;
  Statement st(db, "SELECT id, weekdays, active FROM participant WHERE site_id = ?1 ORDER BY rowid");
  st.bind(1, siteId);
  while (st.step()) {
    RosterSpell s;
    s.participantId = st.text(0);
    s.siteId = siteId;
    if (st.integer(2) != 0) s.weekdays = parseWeekdays(st.text(1)).value_or(std::array<bool, 7>{});
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace dagverk::store
