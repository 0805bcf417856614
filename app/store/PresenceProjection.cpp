#include "store/PresenceProjection.hpp"

#include "core/DayRecords.hpp"
#include "core/Error.hpp"
#include "store/Database.hpp"

#include <map>
#include <set>

namespace dagverk::store {

PresenceProjection::PresenceProjection(Database& db) : db_(db) {
  insertPresence_ = std::make_unique<Statement>(
      db_, "INSERT OR REPLACE INTO presence(participant_id, site_id, check_in_event_id, since_utc) "
           "VALUES (?1,?2,?3,?4)");
  deletePresence_ = std::make_unique<Statement>(
      db_, "DELETE FROM presence WHERE participant_id = ?1 AND is_staff = 0 AND (?2 = '' OR check_in_event_id = ?2)");
  insertStaffPresence_ = std::make_unique<Statement>(
      db_, "INSERT OR REPLACE INTO presence(participant_id, site_id, check_in_event_id, since_utc, is_staff) "
           "VALUES (?1,?2,?3,?4,1)");
  deleteStaffPresence_ = std::make_unique<Statement>(
      db_, "DELETE FROM presence WHERE participant_id = ?1 AND is_staff = 1 AND (?2 = '' OR check_in_event_id = ?2)");
  insertClose_ = std::make_unique<Statement>(
      db_, "INSERT INTO visit_close(check_in_event_id, check_out_event_id, site_id) VALUES (?1,?2,?3)");
  insertCloseOnRebuild_ = std::make_unique<Statement>(
      db_, "INSERT OR IGNORE INTO visit_close(check_in_event_id, check_out_event_id, site_id) VALUES (?1,?2,?3)");
}

PresenceProjection::~PresenceProjection() = default;

void PresenceProjection::recordClose(const Event& e, const std::string& personId, const std::string& checkInEventId) {
  if (checkInEventId.empty()) return; // a check-out from before check-outs named their visit
  try {
    insertClose_->bind(1, checkInEventId).bind(2, e.id).bind(3, e.siteId).run();
  } catch (const DagverkError&) {
    if (sqlite3_extended_errcode(db_.handle()) != SQLITE_CONSTRAINT_PRIMARYKEY) throw;
    // The schema's refusal of a second close of one visit; the command turns it into its own
    // "not checked in" for the person.
    throw DagverkError(ErrorCode::NotPresent, "Besöket är redan avslutat.",
                       "visit " + checkInEventId + " of " + personId + " is already closed; second close refused");
  }
}

int PresenceProjection::presentAt(const std::string& siteId) const {
  Statement present(db_, "SELECT count(*) FROM presence WHERE site_id = ?1 AND is_staff = 0");
  present.bind(1, siteId);
  return present.step() ? static_cast<int>(present.integer(0)) : 0;
}

bool PresenceProjection::followsKind(const std::string& kind) const {
  return kind == CheckedIn::kKind || kind == CheckedOut::kKind || kind == StaffCheckedIn::kKind ||
         kind == StaffCheckedOut::kKind;
}

void PresenceProjection::apply(const Event& e) {
  if (const auto* in = std::get_if<CheckedIn>(&e.payload)) {
    insertPresence_->bind(1, in->participantId).bind(2, e.siteId).bind(3, e.id).bind(4, in->at).run();
  } else if (const auto* out = std::get_if<CheckedOut>(&e.payload)) {
    deletePresence_->bind(1, out->participantId).bind(2, out->checkInEventId).run();
    recordClose(e, out->participantId, out->checkInEventId);
  } else if (const auto* sin = std::get_if<StaffCheckedIn>(&e.payload)) {
    insertStaffPresence_->bind(1, sin->staffId).bind(2, e.siteId).bind(3, e.id).bind(4, sin->at).run();
  } else if (const auto* sout = std::get_if<StaffCheckedOut>(&e.payload)) {
    deleteStaffPresence_->bind(1, sout->staffId).bind(2, sout->checkInEventId).run();
    recordClose(e, sout->staffId, sout->checkInEventId);
  }
}

void PresenceProjection::applyToMemory(const Event& e) {
  participants_.apply(e);
  staff_.apply(e);
}

void PresenceProjection::rebuild(const EventLog& log, const std::string* siteId) {
  // The kinds that move people in or out, and the corrections that can void them.
  const std::string kinds = kindList<CheckedIn, CheckedOut, StaffCheckedIn, StaffCheckedOut, Corrected>();
  const std::vector<Event> events =
      siteId ? log.ofSite(*siteId, kinds) : log.query("kind IN " + kinds + " ORDER BY device_id, seq", [](Statement&) {});
  std::map<std::string, std::string> siteOf; // check-in event -> its site
  for (const auto& e : events) siteOf[e.id] = e.siteId;
  PresenceBoard people(PresenceBoard::Who::Participants), staff(PresenceBoard::Who::Staff);
  people.replay(events);
  staff.replay(events);
  if (siteId) {
    Statement del(db_, "DELETE FROM presence WHERE site_id = ?1");
    del.bind(1, *siteId).run();
    Statement delClosed(db_, "DELETE FROM visit_close WHERE site_id = ?1");
    delClosed.bind(1, *siteId).run();
  } else {
    db_.exec("DELETE FROM presence; DELETE FROM visit_close;");
  }
  // The closes that stand (not voided by a correction); the first one of a visit wins, so a log
  // written before the schema refused a second close still rebuilds.
  const std::set<std::string> voided = voidedEventIds(events);
  for (const auto& e : events) {
    if (voided.count(e.id)) continue;
    std::string checkInEventId;
    if (const auto* out = std::get_if<CheckedOut>(&e.payload)) checkInEventId = out->checkInEventId;
    else if (const auto* sout = std::get_if<StaffCheckedOut>(&e.payload)) checkInEventId = sout->checkInEventId;
    if (!checkInEventId.empty()) insertCloseOnRebuild_->bind(1, checkInEventId).bind(2, e.id).bind(3, e.siteId).run();
  }
  for (const auto& [pid, v] : people.openVisits())
    insertPresence_->bind(1, pid).bind(2, siteOf[v.checkInEventId]).bind(3, v.checkInEventId).bind(4, v.since).run();
  for (const auto& [sid, v] : staff.openVisits())
    insertStaffPresence_->bind(1, sid).bind(2, siteOf[v.checkInEventId]).bind(3, v.checkInEventId).bind(4, v.since)
        .run();
}

void PresenceProjection::reload() {
  participants_.clear();
  staff_.clear();
  Statement s(db_, "SELECT participant_id, check_in_event_id, since_utc, is_staff FROM presence");
  while (s.step()) {
    Event e;
    e.id = s.text(1);
    if (s.integer(3) != 0) {
      e.payload = StaffCheckedIn{s.text(0), s.integer(2)};
      staff_.apply(e);
    } else {
      e.payload = CheckedIn{s.text(0), s.integer(2)};
      participants_.apply(e);
    }
  }
}

} // namespace dagverk::store
