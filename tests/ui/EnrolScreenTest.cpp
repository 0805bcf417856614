// "Koppla till central" on the real kiosk loop: an admin types the one-time code on the
// on-screen keyboard, the kiosk pins central's keys and shows the fingerprint; a wrong code is
// refused in Swedish; staff who are not admins neither see nor reach the screen.
#include "KioskDriver.hpp"

#include "platform/FileSystem.hpp"
#include "store/Settings.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/SyncFormat.hpp"

#include <catch2/catch.hpp>
#include <sodium.h>

using namespace dagverk;
using namespace dagverk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kAdmin = "S062";            // Ronja A., admin at every site
constexpr const char* kAssistantManager = "S059"; // Ann-Sofie M.

struct CentralShare {
  fs::path root, keys;
  sync::CentralKeys central;
  explicit CentralShare(KioskDriver& k) {
    root = k.dataDir().string() + "-share";
    keys = k.dataDir().string() + "-keys";
    fs::remove_all(root);
    fs::remove_all(keys);
    fs::create_directories(root);
    central = sync::createCentralKeys(keys);
    sync::ShareMarker m;
    m.unit = "Testenheten";
    m.centralBoxPk = central.boxPk;
    m.centralSignPk = central.signPk;
    platform::writeFileNoReplace(root / sync::kMarkerFileName, sync::encodeMarker(m));
    auto offer = sync::publishOffer(root, central, m.unit, "liljan", "K7RM4XQ2HW",
                                    k.clock().nowUtc() + sync::kEnrolCodeLifetimeMs);
    sodium_memzero(offer.key.data(), offer.key.size());
    k.store().settings().setValue(store::kSettingSharePath, root.string());
  }
  ~CentralShare() {
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::remove_all(keys, ec);
  }
};

void enrolOnScreen(int width, int height) {
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  KioskDriver k("enrol-" + size, mondayMorning(), width, height);
  CentralShare share(k);
  k.signInAsStaff(kAdmin, KioskDriver::demoPin(kAdmin));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.settle("enrol-00-dashboard-not-connected-" + size);
  CHECK_FALSE(k.app().model().enrolment.enrolled);
  k.tapButton("open-enrol");
  REQUIRE(k.screens().screen() == ui::ScreenId::Enrol);
  k.settle("enrol-01-screen-" + size);

  // A wrong code: refused in Swedish, nothing pinned.
  k.tapButton("field-enrol-code");
  k.typeOnScreen("k7rm4xq2hx");
  k.tapButton("key-done");
  k.tapButton("enrol-now");
  k.settle("enrol-02-wrong-code-" + size);
  CHECK(k.formMessage() == "Koden stämmer inte (eller har redan använts). Kontrollera koden och försök igen.");
  CHECK_FALSE(sync::isEnrolled(k.store()));

  // The right one, typed in lower case without dashes.
  k.tapButton("field-enrol-code");
  for (int i = 0; i < 12; ++i) k.tapButton("key-backspace");
  k.typeOnScreen("k7rm4xq2hw");
  k.tapButton("key-done");
  k.tapButton("enrol-now");
  k.settle("enrol-03-connected-" + size);
  CHECK(k.formMessage().empty());
  REQUIRE(sync::isEnrolled(k.store()));
  const auto device = sync::loadOrCreateDeviceKey(k.dataDir(), k.store().deviceId());
  CHECK(k.app().model().enrolment.fingerprint == sync::pairFingerprint(share.central.signPk, device.signPk));
  CHECK(k.screens().buttonRect("enrol-fingerprint").has_value());
  CHECK(k.store().settings().value(store::kSettingCentralSignPk) == sync::toBase64(share.central.signPk));
  CHECK(fs::exists(sync::requestFile(share.root, k.store().deviceId())));
  k.keepTargetsOnScreen();
}

} // namespace

TEST_CASE("An admin connects the kiosk to central with the one-time code at 1280x800", "[ui][enrol]") {
  enrolOnScreen(1280, 800);
}

TEST_CASE("An admin connects the kiosk to central with the one-time code at 1024x600", "[ui][enrol]") {
  enrolOnScreen(1024, 600);
}

TEST_CASE("Staff who are not admins see no Koppla till central", "[ui][enrol]") {
  KioskDriver k("enrol-not-admin", mondayMorning());
  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.settle();
  CHECK_FALSE(k.screens().buttonRect("open-enrol").has_value());
  CHECK(k.screens().buttonRect("open-sync").has_value());
}
