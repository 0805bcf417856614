// `dagverk sync`, `dagverk keys` and `dagverk settings --share`: the real binary against a real
// share directory whose marker and keys are made with the SyncFormat functions.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "platform/FileSystem.hpp"
#include "store/KioskStore.hpp"
#include "platform/SystemClock.hpp"
#include "sync/Enrolment.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <ctime>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {

using Run = CliRun;
const auto quoted = shellQuoted;

struct SyncSetup {
  TempDir tmp{"synccli"};
  fs::path data = tmp / "data", share = tmp / "share", keys = tmp / "keys";
  std::string d = "--data-dir " + quoted(data.string());
  sync::CentralKeys central;
  std::string deviceId;

  SyncSetup() {
    ManualClock clock(mondayAt(8));
    auto s = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
    store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});
    deviceId = s->deviceId();
    central = sync::createCentralKeys(keys);
    fs::create_directories(share);
    sync::ShareMarker m;
    m.unit = "Testenheten";
    m.centralBoxPk = central.boxPk;
    m.centralSignPk = central.signPk;
    sync::signMarker(m, central.signSk);
    platform::writeFileNoReplace(share / sync::kMarkerFileName, sync::encodeMarker(m));
    // Central's offer for a one-time code; `dagverk enroll` with that code pins central's keys.
    auto offer = sync::publishOffer(share, central, m.unit, "liljan", kCode, platform::SystemClock().nowUtc() + sync::kEnrolCodeLifetimeMs);
    sodium_memzero(offer.key.data(), offer.key.size());
    const Run enrolled = run("enroll " + d + " --share " + quoted(share.string()) + " --code K7RM-4XQ2-HW");
    INFO(enrolled.err);
    REQUIRE(enrolled.code == 0);
  }
  static constexpr const char* kCode = "K7RM4XQ2HW";
  Run run(const std::string& args) const { return runProgram(tmp.path(), DAGVERK_BIN, args); }
  std::vector<std::string> inbox() const {
    return platform::listFiles(sync::ShareLayout{share}.inboxDir("liljan", deviceId));
  }
};

} // namespace

TEST_CASE("dagverk keys prints the kiosk's public key, the same every time", "[cli][sync]") {
  SyncSetup s;
  const auto r1 = s.run("keys " + s.d);
  REQUIRE(r1.code == 0);
  CHECK(r1.out.rfind("dagverk-device-key 1 " + s.deviceId + " ", 0) == 0);
  const auto key = sync::parseDevicePublicKey(r1.out.substr(0, r1.out.find('\n')));
  // Once enrolled, the fingerprint central shows too.
  CHECK(contains(r1.out, "\nfingeravtryck " + sync::pairFingerprint(s.central.signPk, key.signPk) + "\n"));
  CHECK(key.deviceId == s.deviceId);
  const auto r2 = s.run("keys " + s.d);
  CHECK(r2.out == r1.out);
  struct stat st {};
  REQUIRE(::stat((s.data / "device.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(s.run("keys --data-dir " + quoted((s.tmp / "none").string())).code == 1);
}

TEST_CASE("dagverk settings --share stores the path that dagverk sync then uses", "[cli][sync]") {
  SyncSetup s;
  const auto set = s.run("settings " + s.d + " --share " + quoted(s.share.string()));
  REQUIRE(set.code == 0);
  CHECK(contains(set.out, "share_path\t" + s.share.string() + "\n"));
  CHECK(contains(s.run("settings " + s.d).out, "share_path\t" + s.share.string()));

  const auto sync1 = s.run("sync " + s.d);
  REQUIRE(sync1.code == 0);
  CHECK(contains(sync1.out, "Skickade 2 poster till den centrala mappen."));
  CHECK(contains(sync1.out, "Inget nytt register."));
  const auto files = s.inbox();
  REQUIRE(files.size() == 2);
  CHECK(contains(files[0], ".batch"));
  CHECK(contains(files[1], ".manifest"));

  // --share wins over the stored path.
  const auto other = s.run("sync " + s.d + " --share " + quoted((s.tmp / "elsewhere").string()));
  CHECK(other.code == 1);
}

TEST_CASE("dagverk sync against an unmounted share says so and exits 1, recording nothing", "[cli][sync]") {
  SyncSetup s;
  fs::remove(s.share / sync::kMarkerFileName); // an unmounted mount point looks like this
  const auto r = s.run("sync " + s.d + " --share " + quoted(s.share.string()));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Den centrala mappen hittas inte"));
  CHECK_FALSE(fs::exists(s.share / "inbox"));
  RawDb raw(s.data / store::kDatabaseFileName);
  CHECK(raw.integer("SELECT count(*) FROM sync_batch") == 0);
  CHECK(contains(raw.text("SELECT value FROM setting WHERE key = 'last_sync_result'"), "Misslyckades"));
}

TEST_CASE("dagverk sync without a share to use is a usage error", "[cli][sync]") {
  SyncSetup s;
  const auto r = s.run("sync " + s.d);
  CHECK(r.code == 2);
  CHECK(contains(r.err, "--share"));
  CHECK(s.run("settings " + s.d + " --share ''").code == 2);
}

TEST_CASE("dagverk sync exits 1 with the summary when the newest bundle is refused", "[cli][sync]") {
  SyncSetup s;
  const auto keys = s.run("keys " + s.d);
  REQUIRE(keys.code == 0);
  // The kiosk's public keys as its enrolment request on the share gives them.
  const auto device = sync::parseRequest(readBytes(sync::requestFile(s.share, s.deviceId)));
  TempDir otherKeys("other-keys");
  const auto other = sync::createCentralKeys(otherKeys.path() / "k");
  sync::BundleContents b;
  b.version = 1;
  b.sitesCsv = store::kDemoSitesCsv;
  b.participantsCsv = store::kDemoParticipantsCsv;
  b.activitiesCsv = store::kDemoActivitiesCsv;
  b.staffCsv = store::kDemoStaffCsv;
  const sync::ShareLayout layout{s.share};
  platform::createDirectories(layout.siteBundlesDir("liljan"));
  platform::writeFileNoReplace(layout.siteBundleFile("liljan", 1), sync::sealBundle(b, other, {{device.deviceId, "liljan", device.deviceSignPk, device.deviceBoxPk}}));
  const auto r = s.run("sync " + s.d + " --share " + quoted(s.share.string()));
  CHECK(r.code == 1);
  CHECK(contains(r.out, "Skickade 2 poster"));
  CHECK(contains(r.out, "Problem: Registret version 1"));
  // The same bundle signed by the real central key applies.
  fs::remove(layout.siteBundleFile("liljan", 1));
  platform::writeFileNoReplace(layout.siteBundleFile("liljan", 1),
                               sync::sealBundle(b, s.central, {{device.deviceId, "liljan", device.deviceSignPk, device.deviceBoxPk}}));
  const auto ok = s.run("sync " + s.d + " --share " + quoted(s.share.string()));
  CHECK(ok.code == 0);
  CHECK(contains(ok.out, "Nytt register (version 1) har lagts in."));
}

TEST_CASE("dagverk sync removes its own batch temporaries older than a day, and nothing else", "[cli][sync]") {
  SyncSetup s;
  const sync::ShareLayout layout{s.share};
  const fs::path mine = layout.inboxDir("liljan", s.deviceId);
  const fs::path theirs = layout.inboxDir("liljan", "0190a0b0-2222-7000-8000-000000000002");
  fs::create_directories(mine);
  fs::create_directories(theirs);
  // What a sync killed between creating and renaming leaves behind.
  const fs::path oldBatch = mine / "00000001-0190a0b0-3333-7000-8000-000000000003.batch.tmp";
  const fs::path oldManifest = mine / "00000001-0190a0b0-3333-7000-8000-000000000003.manifest.tmp";
  const fs::path freshBatch = mine / "00000002-0190a0b0-4444-7000-8000-000000000004.batch.tmp";
  const fs::path otherDevice = theirs / "00000001-0190a0b0-5555-7000-8000-000000000005.batch.tmp";
  const fs::path notOurs = mine / "notes.batch.tmp"; // not a name this kiosk writes
  const fs::path target = s.tmp / "outside.txt";
  const fs::path link = mine / "00000003-0190a0b0-6666-7000-8000-000000000006.batch.tmp";
  for (const auto& p : {oldBatch, oldManifest, freshBatch, otherDevice, notOurs, target}) writeBytes(p, "partial");
  fs::create_symlink(target, link);
  // Two days old (the link itself and its target alike).
  const struct timespec old[2] = {{::time(nullptr) - 2 * 24 * 3600, 0}, {::time(nullptr) - 2 * 24 * 3600, 0}};
  for (const auto& p : {oldBatch, oldManifest, otherDevice, notOurs, target, link})
    REQUIRE(::utimensat(AT_FDCWD, p.c_str(), old, AT_SYMLINK_NOFOLLOW) == 0);

  const auto r = s.run("sync " + s.d + " --share " + quoted(s.share.string()));
  REQUIRE(r.code == 0);
  CHECK_FALSE(fs::exists(oldBatch));
  CHECK_FALSE(fs::exists(oldManifest));
  CHECK(fs::exists(freshBatch));
  CHECK(fs::exists(otherDevice));
  CHECK(fs::exists(notOurs));
  CHECK(fs::is_symlink(link));
  CHECK(readBytes(target) == "partial");
  CHECK(contains(r.err, "removed 2 stale temporary files"));
  // The batch of this sync is there as usual.
  CHECK(contains(r.out, "Skickade 2 poster"));
}
