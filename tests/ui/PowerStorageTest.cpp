// The battery and the data disk in the real kiosk loop: the power state and the free space come
// from DAGVERK_TEST_POWER and DAGVERK_TEST_DISK_SPACE, read in platform/ where SDL_GetPowerInfo
// and statvfs are otherwise asked; the database is the real file, and its growth the real one.
#include "KioskDriver.hpp"
#include "core/PowerStatus.hpp"
#include "ui/PowerPictures.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using namespace dagverk;
using dagverk::test::firstStaff;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;

namespace fs = std::filesystem;

namespace {

// Sets an environment variable while it lives, as a deployment's environment would.
class EnvFor {
public:
  EnvFor(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
  ~EnvFor() { ::unsetenv(name_); }
  void set(const std::string& value) { ::setenv(name_, value.c_str(), 1); }
  EnvFor(const EnvFor&) = delete;
  EnvFor& operator=(const EnvFor&) = delete;

private:
  const char* name_;
};

bool shown(KioskDriver& k, const std::string& name) { return k.screens().buttonRect(name).has_value(); }

long long walBytes(KioskDriver& k) {
  const fs::path wal = (k.dataDir() / store::kDatabaseFileName).string() + "-wal";
  return fs::exists(wal) ? static_cast<long long>(fs::file_size(wal)) : 0;
}

void checkInSomeone(KioskDriver& k) {
  for (const auto& p : k.app().model().participants)
    if (!k.app().model().presentSince.count(p.id)) {
      REQUIRE(k.app().perform(cmd::CheckIn{p.id, std::nullopt}).empty());
      return;
    }
  FAIL("everyone is checked in already");
}

} // namespace

TEST_CASE("Storage headroom: days from the store's size per event and the recent rate of writing",
          "[power][storage]") {
  // 1,000,000 bytes over 1,000 events is 1,000 bytes an event; 140 events in the last 14 days
  // is 10 a day, so 10,000 bytes a day: 1,400,000 free bytes last 140 days.
  const auto h = storageHeadroom(DiskSpace{1'400'000, 10'000'000}, 1'000'000, 1'000, 140);
  CHECK(h.freePercent == 14);
  REQUIRE(h.daysLeft);
  CHECK(*h.daysLeft == 140);
  CHECK_FALSE(h.low);
  CHECK(storageHeadroom(DiskSpace{999, 10'000}, 1'000'000, 1'000, 140).low); // 9.99 % free
  CHECK_FALSE(storageHeadroom(DiskSpace{1'000, 10'000}, 1'000'000, 1'000, 140).low);
  // Nothing written lately: no rate, so no number of days rather than "forever".
  CHECK_FALSE(storageHeadroom(DiskSpace{1'400'000, 10'000'000}, 1'000'000, 1'000, 0).daysLeft);
  CHECK_FALSE(storageHeadroom(DiskSpace{1'400'000, 10'000'000}, 0, 0, 0).daysLeft);
}

TEST_CASE("Low battery: one checkpoint per crossing, a red warning for staff and a calm picture at home",
          "[ui][power]") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    INFO(size);
    EnvFor power("DAGVERK_TEST_POWER", "charging:54");
    KioskDriver k("power-" + size, mondayMorning(), w, h);
    CHECK_FALSE(shown(k, "home-low-battery"));
    CHECK(k.app().power().lowBatteryCheckpoints() == 0);

    // A check-in waits in the WAL (the minute's checkpoint copies it but leaves the file).
    checkInSomeone(k);
    REQUIRE(walBytes(k) > 0);
    power.set("battery:8");
    k.advance(60'000);
    CHECK(k.app().power().lowBatteryCheckpoints() == 1);
    CHECK(walBytes(k) == 0); // copied into the database file and truncated
    CHECK(shown(k, "home-low-battery"));
    k.settle("power-home-low-battery-" + size);

    // Still low a minute later: no second checkpoint.
    checkInSomeone(k);
    k.advance(60'000);
    CHECK(k.app().power().lowBatteryCheckpoints() == 1);
    CHECK(walBytes(k) > 0);

    k.signInAsStaff(firstStaff(k), KioskDriver::demoPin(firstStaff(k)));
    CHECK(shown(k, "battery-level"));
    CHECK(shown(k, "warning-low-battery"));
    k.settle("power-staff-low-battery-" + size);

    // Charged a little and flat again: a new crossing, a new checkpoint.
    power.set("charging:9");
    k.advance(60'000);
    CHECK_FALSE(shown(k, "warning-low-battery"));
    power.set("battery:7");
    k.advance(60'000);
    CHECK(k.app().power().lowBatteryCheckpoints() == 2);
  }
}

TEST_CASE("No battery: the dashboard shows no battery line, and nothing is checkpointed for it", "[ui][power]") {
  EnvFor power("DAGVERK_TEST_POWER", "ac");
  KioskDriver k("power-mains", mondayMorning());
  k.signInAsStaff(firstStaff(k), KioskDriver::demoPin(firstStaff(k)));
  CHECK_FALSE(shown(k, "battery-level"));
  CHECK_FALSE(shown(k, "warning-low-battery"));
  CHECK(shown(k, "storage-headroom")); // the real disk under the test's data directory
  CHECK(k.app().power().lowBatteryCheckpoints() == 0);
}

TEST_CASE("Storage: days of headroom on the dashboard, and a red warning under 10 % free", "[ui][storage]") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    INFO(size);
    EnvFor disk("DAGVERK_TEST_DISK_SPACE", "50000000/100000000"); // 50 MB of 100 MB
    EnvFor power("DAGVERK_TEST_POWER", "charging:80");
    KioskDriver k("storage-" + size, mondayMorning(), w, h);
    for (int i = 0; i < 6; ++i) checkInSomeone(k);
    k.advance(60'000);
    REQUIRE(k.app().model().storage);
    const auto& s = *k.app().model().storage;
    CHECK(s.freePercent == 50);
    CHECK_FALSE(s.low);
    // The same estimate from the files and the log, worked out here.
    const fs::path db = k.dataDir() / store::kDatabaseFileName;
    const fs::path wal = db.string() + "-wal";
    const double bytes = static_cast<double>(fs::file_size(db) + (fs::exists(wal) ? fs::file_size(wal) : 0));
    const double events = static_cast<double>(k.store().events().count());
    REQUIRE(events >= 6);
    const double perDay = bytes / events * events / kGrowthWindowDays; // every event is from today
    REQUIRE(s.daysLeft);
    CHECK(std::abs(*s.daysLeft - 50e6 / perDay) <= 1.0 + 50e6 / perDay * 0.01);

    disk.set("5000000/100000000");
    k.advance(60'000);
    k.signInAsStaff(firstStaff(k), KioskDriver::demoPin(firstStaff(k)));
    CHECK(shown(k, "storage-headroom"));
    CHECK(shown(k, "warning-low-storage"));
    CHECK_FALSE(shown(k, "warning-low-battery"));
    k.settle("power-staff-low-storage-" + size);
  }
}
