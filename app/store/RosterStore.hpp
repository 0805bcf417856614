#pragma once
// Who and what the kiosk knows: sites, participants, staff, the activity catalogue, and the
// site this kiosk is bound to. Changed only by a new roster bundle (or a PIN re-hash), so the
// tap path reads participants and the bound site from memory.
#include "core/Roster.hpp"
#include "core/RosterCsv.hpp"
#include "core/Staff.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {

class Database;
class Settings;

inline constexpr const char* kDefaultSiteId = "liljan";

class RosterStore {
public:
  RosterStore(Database& db, Settings& settings) : db_(db), settings_(settings) {}
  // Inside the caller's transaction: the roster of a new database and the site it is bound to.
  static void seed(Database& db, const RosterFiles& roster, const std::string& siteId, const std::string& deviceId);

  std::vector<Site> sites() const;
  // Throws UnknownSite with the valid ids in the message.
  Site site(const std::string& siteId) const;
  // Active participants of the site, in Swedish alphabetical order of first name.
  std::vector<Participant> participants(const std::string& siteId) const;
  // Throws UnknownParticipant.
  Participant participant(const std::string& participantId) const;
  // An active participant of the bound site; else throws UnknownParticipant.
  Participant participantHere(const std::string& participantId) const;

  // Active staff of the site, sorted by first name (Swedish order).
  std::vector<StaffMember> staff(const std::string& siteId) const;
  StaffMember staffMember(const std::string& staffId) const; // throws UnknownStaff
  StaffMember activeStaff(const std::string& staffId) const; // also throws UnknownStaff when inactive
  // An active staff member who works at the bound site; else throws UnknownStaff.
  StaffMember staffHere(const std::string& staffId) const;
  // Inside the caller's transaction (a PIN hash made with today's parameters).
  void replacePinHash(const std::string& staffId, const std::string& pinHash);

  // The site's catalogue, in catalogue order.
  std::vector<Activity> activities(const std::string& siteId) const;

  // Staff's choice on this kiosk, inside the caller's transaction: a participant's personal
  // symbol and colour, an activity's pictogram. Kept apart from what bundles write, so the next
  // bundle keeps it; where central's CSV sets a value, central's wins. Throws BadInput for a key
  // or colour not in the table, UnknownParticipant for someone not here.
  void chooseParticipantSymbol(const std::string& participantId, const std::string& symbol, const std::string& colour);
  void chooseActivityPictogram(const std::string& activityId, const std::string& pictogram);

  // The site this kiosk is bound to (stored in the database; changed by bindToSite).
  std::string boundSiteId() const;
  void bindToSite(const std::string& siteId);
  // Drops what is kept in memory (another process may have changed the roster).
  void forgetCache() const;

  // Replaces sites, participants, activities and staff with a new roster bundle in one
  // transaction. Participants and staff missing from it become inactive (never deleted: events
  // name them); a kept participant keeps the photo chosen on the kiosk. Sites no longer listed
  // are removed unless something still refers to them. The bundle's settings are validated
  // (Settings::fromBundle) and stored with it. Throws BundleRejected for a version not newer
  // than the stored one, a roster without this kiosk's site, or a bad setting; then nothing
  // changes.
  void applyBundle(const RosterFiles& roster, const std::map<std::string, std::string>& settings,
                   std::int64_t version);

private:
  Database& db_;
  Settings& settings_;
  // The bound site and participants read by every tap; dropped when the roster may change.
  mutable std::optional<std::string> boundSite_;
  mutable std::map<std::string, Participant> participantCache_;
};

} // namespace dagverk::store
