#pragma once
// The kiosk's settings: the `setting` table of key and text value (staff idle time, the
// share's path, sync state).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace dagverk::store {

class Database;

// Keys of the `setting` table used by sync.
inline constexpr const char* kSettingSharePath = "share_path";
inline constexpr const char* kSettingBundleVersion = "bundle_version";
// When central made the bundle applied last (ms since the epoch, UTC): staff are warned when the
// roster is old, since a dismissed staff member's PIN stays until a newer one arrives.
inline constexpr const char* kSettingBundleCreatedUtc = "bundle_created_utc";
inline constexpr const char* kSettingCentralSignPk = "central_sign_pk"; // pinned at enrolment by code
inline constexpr const char* kSettingCentralBoxPk = "central_box_pk";
inline constexpr const char* kSettingLastSyncUtc = "last_sync_utc";
inline constexpr const char* kSettingLastSyncResult = "last_sync_result";
// The tz database name of the zone the kiosk keeps its days in (unset: Europe/Stockholm).
inline constexpr const char* kSettingTimeZone = "time_zone";
// What the home screen offers: "checkin" (unset), "headcount" or "both" (core/Headcount.hpp).
inline constexpr const char* kSettingHomeMode = "home_mode";
// "0" from the migration that made visit_close until the store has filled it from the log.
inline constexpr const char* kSettingVisitCloseFilled = "visit_close_filled";

class Settings {
public:
  explicit Settings(Database& db) : db_(db) {}

  std::optional<std::string> value(const std::string& key) const;
  void setValue(const std::string& key, const std::string& value);
  // Several settings in one transaction.
  void setValues(const std::map<std::string, std::string>& values);
  // The same inside the caller's transaction.
  void writeInTransaction(const std::map<std::string, std::string>& values);

  // Seconds staff mode may stay idle before it closes (the default when unset or unreadable).
  int staffIdleSeconds() const;
  // Throws BadInput outside the allowed range.
  void setStaffIdleSeconds(int seconds);

  // The version of the roster bundle applied last (0: the roster the kiosk was set up with).
  std::int64_t bundleVersion() const;
  // The settings a bundle may carry, validated (today only the staff idle time); unknown keys
  // are logged and left out. Throws BundleRejected for a bad value.
  static std::map<std::string, std::string> fromBundle(const std::map<std::string, std::string>& settings,
                                                       std::int64_t version);

private:
  Database& db_;
};

} // namespace dagverk::store
