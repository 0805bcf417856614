// The staff dashboard's warnings about what a stolen tablet would give away: a data directory
// on a disk that is not encrypted (answered from a sysfs tree the test lays out, the same way
// the kernel's is read), and a roster so old that a dismissed staff member's PIN still works.
// Also PINs of up to 8 digits on the keypad. The real kiosk loop with real SDL events.
#include "KioskDriver.hpp"
#include "platform/DiskEncryption.hpp"
#include "store/Database.hpp"
#include "store/Pins.hpp"
#include "store/Settings.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstdlib>
#include <fstream>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::firstStaff;

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

// A directory laid out like /sys for the block device that holds `path`: dev/block/<maj:min>
// and class/block/<name>, each with dm/uuid and slaves/ as the kernel shows them.
class FakeSysfs {
public:
  explicit FakeSysfs(const std::string& name)
      : root_(fs::temp_directory_path() / ("dagverk-sysfs-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~FakeSysfs() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  const fs::path& root() const { return root_; }
  // The device under `path` as a device-mapper device with this uuid, over these slaves.
  void deviceOf(const fs::path& path, const std::string& dmUuid, const std::vector<std::string>& slaves = {}) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    describe(root_ / "dev" / "block" / (std::to_string(major(st.st_dev)) + ":" + std::to_string(minor(st.st_dev))),
             dmUuid, slaves);
  }
  void blockDevice(const std::string& name, const std::string& dmUuid, const std::vector<std::string>& slaves = {}) {
    describe(root_ / "class" / "block" / name, dmUuid, slaves);
  }

private:
  static void describe(const fs::path& dir, const std::string& dmUuid, const std::vector<std::string>& slaves) {
    fs::create_directories(dir);
    if (!dmUuid.empty()) {
      fs::create_directories(dir / "dm");
      std::ofstream(dir / "dm" / "uuid") << dmUuid << "\n";
    }
    for (const auto& s : slaves) fs::create_directories(dir / "slaves" / s);
  }
  fs::path root_;
};

// Sets DAGVERK_SYSFS_ROOT while it lives, as a deployment's environment would.
class SysfsRootFor {
public:
  explicit SysfsRootFor(const fs::path& root) { ::setenv("DAGVERK_SYSFS_ROOT", root.c_str(), 1); }
  ~SysfsRootFor() { ::unsetenv("DAGVERK_SYSFS_ROOT"); }
};

bool shown(KioskDriver& k, const std::string& warning) { return k.screens().buttonRect(warning).has_value(); }

} // namespace

TEST_CASE("Disk encryption: dm-crypt, LVM on LUKS, plain LVM and a plain partition", "[ui][staff][security]") {
  const fs::path here = fs::temp_directory_path();
  {
    FakeSysfs sys("luks");
    sys.deviceOf(here, "CRYPT-LUKS2-0123456789abcdef-root");
    CHECK(platform::diskEncryptionOf(here, sys.root()) == platform::DiskEncryption::Encrypted);
  }
  {
    FakeSysfs sys("lvm-on-luks");
    sys.deviceOf(here, "LVM-abcdef", {"dm-0"});
    sys.blockDevice("dm-0", "CRYPT-LUKS2-0123456789abcdef-pv");
    CHECK(platform::diskEncryptionOf(here, sys.root()) == platform::DiskEncryption::Encrypted);
  }
  {
    FakeSysfs sys("lvm-half");
    sys.deviceOf(here, "LVM-abcdef", {"dm-0", "sdb1"});
    sys.blockDevice("dm-0", "CRYPT-LUKS2-0123456789abcdef-pv");
    sys.blockDevice("sdb1", "");
    CHECK(platform::diskEncryptionOf(here, sys.root()) == platform::DiskEncryption::NotEncrypted);
  }
  {
    FakeSysfs sys("lvm-plain");
    sys.deviceOf(here, "LVM-abcdef", {"sda2"});
    sys.blockDevice("sda2", "");
    CHECK(platform::diskEncryptionOf(here, sys.root()) == platform::DiskEncryption::NotEncrypted);
  }
  {
    FakeSysfs sys("partition");
    sys.deviceOf(here, "");
    CHECK(platform::diskEncryptionOf(here, sys.root()) == platform::DiskEncryption::NotEncrypted);
  }
  {
    FakeSysfs sys("no-device"); // tmpfs, overlay: no block device in sysfs at all
    CHECK(platform::diskEncryptionOf(here, sys.root()) == platform::DiskEncryption::NotEncrypted);
  }
}

TEST_CASE("The staff dashboard warns when the data directory is not on an encrypted disk", "[ui][staff][security]") {
  FakeSysfs plain("dashboard-plain");
  plain.deviceOf(fs::temp_directory_path(), "");
  {
    SysfsRootFor env(plain.root());
    KioskDriver k("disk-warning", mondayMorning());
    const std::string staff = firstStaff(k);
    k.signInAsStaff(staff, KioskDriver::demoPin(staff));
    REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
    k.settle("60-dashboard-unencrypted-disk");
    CHECK(shown(k, "warning-unencrypted-disk"));
    CHECK_FALSE(shown(k, "warning-old-roster"));
  }
  FakeSysfs luks("dashboard-luks");
  luks.deviceOf(fs::temp_directory_path(), "CRYPT-LUKS2-0123456789abcdef-root");
  {
    SysfsRootFor env(luks.root());
    KioskDriver k("disk-ok", mondayMorning());
    const std::string staff = firstStaff(k);
    k.signInAsStaff(staff, KioskDriver::demoPin(staff));
    REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
    CHECK_FALSE(shown(k, "warning-unencrypted-disk"));
  }
}

TEST_CASE("The staff dashboard warns when the roster applied last is more than 30 days old", "[ui][staff][security]") {
  FakeSysfs luks("roster-age");
  luks.deviceOf(fs::temp_directory_path(), "CRYPT-LUKS2-0123456789abcdef-root");
  SysfsRootFor env(luks.root());
  KioskDriver k("old-roster", mondayMorning());
  // A roster central made 29 days ago, as a sync records it.
  k.store().settings().setValue(store::kSettingBundleCreatedUtc, std::to_string(mondayMorning() - 29 * kDayMs));
  k.restart();
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK_FALSE(shown(k, "warning-old-roster"));
  k.tapButton("back"); // log out
  // Two days on it is 31 days old.
  k.advance(2 * kDayMs);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.settle("61-dashboard-old-roster");
  CHECK(shown(k, "warning-old-roster"));
  CHECK_FALSE(shown(k, "warning-unencrypted-disk"));
}

TEST_CASE("An 8-digit PIN is typed on the keypad and sent with OK, and a ninth digit is not taken", "[ui][staff]") {
  KioskDriver k("pin-eight", mondayMorning());
  const std::string staff = firstStaff(k);
  {
    store::Statement set(k.store().database(), "UPDATE staff SET pin_hash = ?1 WHERE id = ?2");
    set.bind(1, store::hashPin("73915284")).bind(2, staff).run();
  }
  k.restart();
  k.tapButton("staff-entry");
  k.tapButton("staff-" + staff);
  for (char c : std::string("739152849")) k.tapButton(std::string("pin-") + c);
  k.settle("62-pin-eight-digits");
  // Nothing is sent before OK: eight digits are a whole PIN, but the keypad waits.
  CHECK(k.screens().screen() == ui::ScreenId::PinEntry);
  k.tapButton("pin-ok");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK(k.screens().signedInStaff() == staff);
}
