#include "store/Settings.hpp"

#include "core/Error.hpp"
#include "core/Staff.hpp"
#include "platform/Log.hpp"
#include "store/Database.hpp"

#include <charconv>

namespace dagverk::store {

std::optional<std::string> Settings::value(const std::string& key) const {
  Statement s(db_, "SELECT value FROM setting WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void Settings::setValue(const std::string& key, const std::string& value) { setValues({{key, value}}); }

void Settings::setValues(const std::map<std::string, std::string>& values) {
  Transaction tx(db_);
  writeInTransaction(values);
  tx.commit();
}

void Settings::writeInTransaction(const std::map<std::string, std::string>& values) {
  Statement s(db_, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  for (const auto& [k, v] : values) s.bind(1, k).bind(2, v).run();
}

int Settings::staffIdleSeconds() const {
  const auto stored = value(kStaffIdleSecondsKey);
  if (!stored) return kDefaultStaffIdleSeconds;
  if (const auto n = parseStaffIdleSeconds(*stored)) return *n;
  // A number outside the range (written by an older version) still counts, within the range.
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(stored->data(), stored->data() + stored->size(), n);
  if (ec != std::errc() || end != stored->data() + stored->size()) return kDefaultStaffIdleSeconds;
  return n < kMinStaffIdleSeconds ? kMinStaffIdleSeconds : kMaxStaffIdleSeconds;
}

void Settings::setStaffIdleSeconds(int seconds) {
  if (!isValidStaffIdleSeconds(seconds))
    throw DagverkError(ErrorCode::BadInput, "Tiden ska vara " + staffIdleRangeSv() + ".",
                       "staff idle seconds out of range: " + std::to_string(seconds));
  setValue(kStaffIdleSecondsKey, std::to_string(seconds));
}

std::int64_t Settings::bundleVersion() const {
  const auto v = value(kSettingBundleVersion);
  if (!v) return 0;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  return ec == std::errc() && end == v->data() + v->size() ? n : 0;
}

std::map<std::string, std::string> Settings::fromBundle(const std::map<std::string, std::string>& settings,
                                                        std::int64_t version) {
  std::map<std::string, std::string> keep;
  for (const auto& [key, text] : settings) {
    if (key == kStaffIdleSecondsKey) {
      const auto n = parseStaffIdleSeconds(text);
      if (!n)
        throw DagverkError(ErrorCode::BundleRejected,
                           "Det nya registret har en ogiltig inställning (staff_idle_seconds = \"" + text +
                               "\"; ska vara " + std::to_string(kMinStaffIdleSeconds) + "–" +
                               std::to_string(kMaxStaffIdleSeconds) + " sekunder). Inget har ändrats.",
                           "bundle " + std::to_string(version) + ": staff_idle_seconds out of range");
      keep[key] = std::to_string(*n);
    } else {
      platform::logInfo("bundle " + std::to_string(version) + ": unknown setting '" + key + "' ignored");
    }
  }
  return keep;
}

} // namespace dagverk::store
