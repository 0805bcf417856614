#pragma once
// A kiosk with a real database, a real share directory with central's signed marker, and central's
// real keys, enrolled by a one-time code as an admin does it: the world the kiosk-side sync tests
// start from.
#include "StoreTestSupport.hpp"

#include "platform/FileSystem.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

namespace dagverk::test {

struct ShareKiosk {
  TempDir dir;
  ManualClock clock{mondayAt(9)};
  fs::path data, share, keys;
  std::unique_ptr<store::KioskStore> store;
  sync::CentralKeys central;
  sync::ShareLayout layout;

  ShareKiosk(const std::string& name, const RosterFiles& roster)
      : dir(name), data(dir / "data"), share(dir / "share"), keys(dir / "central-keys"), layout{share} {
    store = store::KioskStore::createWithRoster(data, clock, roster, "liljan");
    central = sync::createCentralKeys(keys);
    fs::create_directories(share);
    writeMarker(central);
    enrol();
  }
  // Enrolment as an admin does it: central's offer for a one-time code on the share, the code
  // typed into the kiosk.
  sync::KioskEnrolment enrol(const std::string& code = "K7RM4XQ2HW") {
    auto offer = sync::publishOffer(share, central, "Testenheten", "liljan", code,
                                    clock.nowUtc() + sync::kEnrolCodeLifetimeMs);
    sodium_memzero(offer.key.data(), offer.key.size());
    return sync::enrolKiosk(*store, data, share, code, clock);
  }
  // The share's marker, signed by `k` (replacing the one there).
  void writeMarker(const sync::CentralKeys& k) {
    sync::ShareMarker m;
    m.unit = "Testenheten";
    m.centralBoxPk = k.boxPk;
    m.centralSignPk = k.signPk;
    sync::signMarker(m, k.signSk);
    if (platform::fileExists(layout.marker())) platform::removeFile(layout.marker());
    platform::writeFileNoReplace(layout.marker(), sync::encodeMarker(m));
  }
  // The demo unit's roster as central would publish it, made now.
  sync::BundleContents demoBundle(std::int64_t version) {
    sync::BundleContents b;
    b.version = version;
    b.createdUtc = clock.nowUtc();
    b.unit = "Testenheten";
    b.sitesCsv = store::kDemoSitesCsv;
    b.participantsCsv = store::kDemoParticipantsCsv;
    b.activitiesCsv = store::kDemoActivitiesCsv;
    b.staffCsv = store::kDemoStaffCsv;
    return b;
  }
  sync::DeviceKey deviceKey() { return sync::loadOrCreateDeviceKey(data, store->deviceId()); }
};

} // namespace dagverk::test
