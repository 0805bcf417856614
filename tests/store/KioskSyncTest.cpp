// The kiosk's side of the weekly sync, in-process against a real share directory: a marker and
// central keys made with the SyncFormat functions, batches opened with the central keys,
// receipts and bundles signed by them (or by other keys, to be refused).
#include "ShareKiosk.hpp"

#include "store/DemoUnit.hpp"
#include "core/Event.hpp"
#include "platform/FileSystem.hpp"
#include "store/KioskStore.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace dagverk;
using namespace dagverk::test;

namespace {

// Captures what the process writes to stderr (the log) while it lives.
class StderrCapture {
public:
  StderrCapture() : file_(dir_ / "stderr.txt") {
    std::fflush(stderr);
    saved_ = ::dup(2);
    const int fd = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 2);
    ::close(fd);
  }
  ~StderrCapture() { restore(); }
  std::string text() {
    restore();
    return readBytes(file_);
  }

private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  TempDir dir_{"stderr"};
  fs::path file_;
  int saved_ = -1;
};

// Removes the line that starts with `prefix` from CSV text.
std::string withoutLine(std::string csv, const std::string& prefix) {
  const auto at = csv.find("\n" + prefix);
  REQUIRE(at != std::string::npos);
  const auto end = csv.find('\n', at + 1);
  csv.erase(at, end - at);
  return csv;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

struct Kiosk : ShareKiosk {
  Kiosk() : ShareKiosk("sync", store::demoRoster()) {}
  sync::SyncResult run() {
    clock.advanceMs(60'000);
    return sync::runSync(*store, data, share, clock);
  }
  fs::path inbox() { return layout.inboxDir("liljan", store->deviceId()); }
  std::vector<std::string> inboxFiles(const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& n : platform::listFiles(inbox()))
      if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) out.push_back(n);
    return out;
  }
  sync::BatchContents openBatchFile(const std::string& name) {
    return sync::openBatch(readBytes(inbox() / name), deviceKey().signPk, central);
  }
  std::vector<std::int64_t> seqsIn(const std::string& name) {
    std::vector<std::int64_t> seqs;
    for (const auto& e : openBatchFile(name).events) seqs.push_back(e.seq);
    return seqs;
  }
  // Central's receipt for a recorded batch, signed by `k`.
  void writeReceipt(const store::SyncBatchRecord& b, const sync::CentralKeys& k) {
    sync::Receipt r;
    r.deviceId = store->deviceId();
    r.batchSeq = b.batchSeq;
    r.batchId = b.batchId;
    r.sha256 = b.sha256;
    r.importedUtc = clock.nowUtc();
    platform::createDirectories(layout.receiptsDir(store->deviceId()));
    platform::writeFileNoReplace(layout.receiptFile(store->deviceId(), b.batchSeq, b.batchId), sync::signReceipt(r, k));
  }
  void publish(const sync::BundleContents& b, const sync::CentralKeys& k) {
    const sync::EnrolledDevice me{store->deviceId(), "liljan", deviceKey().signPk, deviceKey().boxPk};
    platform::createDirectories(layout.siteBundlesDir("liljan"));
    platform::writeFileNoReplace(layout.siteBundleFile("liljan", b.version), sync::sealBundle(b, k, {me}));
  }
  void checkIn(const std::string& pid) { store::perform(*store, cmd::CheckIn{pid, std::nullopt}); }
};

} // namespace

TEST_CASE("sync writes one encrypted batch with every event and its manifest, and records it as sent", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  k.checkIn("P0002");
  store::perform(*k.store, cmd::CheckOut{"P0001", std::nullopt});
  const auto r = k.run();
  CHECK(r.ok());
  CHECK(r.eventsSent == 3);
  CHECK(r.batchSeq == 1);
  CHECK(contains(r.summary(), "Skickade 3 poster till den centrala mappen."));
  CHECK(contains(r.summary(), "Inget nytt register."));

  const auto batches = k.inboxFiles(".batch");
  const auto manifests = k.inboxFiles(".manifest");
  REQUIRE(batches.size() == 1);
  REQUIRE(manifests.size() == 1);
  CHECK(k.inboxFiles(".tmp").empty());
  CHECK(batches[0] == r.batchFile);
  CHECK(batches[0].rfind("00000001-", 0) == 0);

  const auto contents = k.openBatchFile(batches[0]);
  CHECK(contents.batchSeq == 1);
  CHECK(contents.deviceId == k.store->deviceId());
  CHECK(contents.siteId == "liljan");
  REQUIRE(contents.events.size() == 3);
  CHECK(contents.events[0].kind == "CheckedIn");
  CHECK(contents.events[2].kind == "CheckedOut");
  CHECK(contents.events[0].seq == 1);
  CHECK(contents.events[2].seq == 3);
  CHECK(contains(contents.events[0].payloadJson, "P0001"));

  const std::string bytes = readBytes(k.inbox() / batches[0]);
  const auto m = sync::decodeManifest(readBytes(k.inbox() / manifests[0]));
  CHECK(m.batchFile == batches[0]);
  CHECK(m.byteSize == static_cast<std::int64_t>(bytes.size()));
  CHECK(m.sha256 == sync::sha256Hex(bytes));
  // How many events, and which, is inside the sealed batch only.
  CHECK_FALSE(contains(readBytes(k.inbox() / manifests[0]), "eventCount"));
  CHECK(m.schemaVersion == kEventSchemaVersion);

  const auto recorded = k.store->ledger().batches();
  REQUIRE(recorded.size() == 1);
  CHECK(recorded[0].batchId == contents.batchId);
  CHECK(recorded[0].sha256 == m.sha256);
  CHECK_FALSE(recorded[0].ackedUtc);
  CHECK(k.store->settings().value(store::kSettingLastSyncUtc) == std::to_string(k.clock.nowUtc()));
  CHECK(contains(k.store->settings().value(store::kSettingLastSyncResult).value_or(""), "Skickade 3 poster"));
  // The central keys pinned at enrolment stay.
  CHECK(k.store->settings().value(store::kSettingCentralSignPk) == sync::toBase64(k.central.signPk));
  CHECK(k.store->settings().value(store::kSettingCentralBoxPk) == sync::toBase64(k.central.boxPk));
  // Nothing acknowledged yet: all three still queued.
  CHECK(k.store->ledger().queuedCountByKind() == std::map<std::string, std::int64_t>{{"CheckedIn", 2}, {"CheckedOut", 1}});
}

TEST_CASE("events without a receipt are sent again in the next batch with the new ones", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  k.checkIn("P0002");
  k.run();
  k.checkIn("P0003");
  const auto r = k.run();
  CHECK(r.eventsSent == 3);
  CHECK(r.batchSeq == 2);
  CHECK(k.seqsIn(r.batchFile) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(k.inboxFiles(".batch").size() == 2);
  CHECK(contains(r.summary(), "3 poster väntar på bekräftelse"));
}

TEST_CASE("receipts make the next sync send only new events, and a sync with nothing new writes nothing", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  k.checkIn("P0002");
  k.checkIn("P0003");
  k.run();
  k.writeReceipt(k.store->ledger().batches().at(0), k.central);
  k.checkIn("P0004");
  const auto r2 = k.run();
  CHECK(r2.eventsConfirmed == 3);
  CHECK(r2.eventsSent == 1);
  CHECK(k.seqsIn(r2.batchFile) == std::vector<std::int64_t>{4});
  CHECK(contains(r2.summary(), "Centralen har bekräftat att den tagit emot 3 poster."));
  CHECK(k.store->ledger().batches().at(0).ackedUtc.has_value());
  CHECK(k.store->ledger().queuedCountByKind() == std::map<std::string, std::int64_t>{{"CheckedIn", 1}});

  k.writeReceipt(k.store->ledger().batches().at(1), k.central);
  const auto before = platform::listFiles(k.inbox());
  const auto r3 = k.run();
  CHECK(r3.ok());
  CHECK(r3.eventsSent == 0);
  CHECK(r3.eventsConfirmed == 1);
  CHECK(platform::listFiles(k.inbox()) == before);
  CHECK(k.store->ledger().batches().size() == 2);
  CHECK(k.store->ledger().queuedCountByKind().empty());
  CHECK(contains(r3.summary(), "Inga nya poster att skicka."));
  // A receipt read again changes nothing.
  const auto r4 = k.run();
  CHECK(r4.eventsConfirmed == 0);
  CHECK(contains(r4.summary(), "Inga nya bekräftelser från centralen."));
}

TEST_CASE("a receipt signed by another key is ignored with a logged reason", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  k.run();
  TempDir otherKeys("other-keys");
  const auto other = sync::createCentralKeys(otherKeys.path() / "k");
  k.writeReceipt(k.store->ledger().batches().at(0), other);
  StderrCapture log;
  const auto r = k.run();
  const std::string logged = log.text();
  CHECK(r.receiptsIgnored == 1);
  CHECK(r.eventsConfirmed == 0);
  CHECK(r.eventsSent == 1); // sent again
  CHECK_FALSE(k.store->ledger().batches().at(0).ackedUtc);
  CHECK(contains(r.summary(), "1 kvitto kunde inte kontrolleras"));
  CHECK(contains(logged, "receipt 00000001-"));
  CHECK(contains(logged, "ignored"));
}

TEST_CASE("a receipt with the right id but another hash acknowledges nothing", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  k.run();
  auto b = k.store->ledger().batches().at(0);
  b.sha256 = std::string(64, '0');
  k.writeReceipt(b, k.central);
  const auto r = k.run();
  CHECK(r.eventsConfirmed == 0);
  CHECK(r.eventsSent == 1);
  CHECK_FALSE(k.store->ledger().batches().at(0).ackedUtc);
}

TEST_CASE("a batch written but not recorded is sent again under the same number with a new id", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  const auto r1 = k.run();
  {
    // As if the kiosk's disk filled up right after the batch reached the share.
    RawDb raw(k.data / store::kDatabaseFileName);
    REQUIRE(raw.exec("DELETE FROM sync_batch_event; DELETE FROM sync_batch;") == SQLITE_OK);
  }
  const auto r2 = k.run();
  CHECK(r2.batchSeq == 1);
  CHECK(r2.batchFile != r1.batchFile);
  CHECK(k.inboxFiles(".batch").size() == 2);
  CHECK(k.seqsIn(r2.batchFile) == std::vector<std::int64_t>{1});
  // Central imports both and writes a receipt for each; the unrecorded one is only logged.
  sync::Receipt orphan;
  orphan.deviceId = k.store->deviceId();
  orphan.batchSeq = 1;
  const auto first = k.openBatchFile(r1.batchFile);
  orphan.batchId = first.batchId;
  orphan.sha256 = sync::sha256Hex(readBytes(k.inbox() / r1.batchFile));
  platform::createDirectories(k.layout.receiptsDir(k.store->deviceId()));
  platform::writeFileNoReplace(k.layout.receiptFile(orphan.deviceId, 1, orphan.batchId),
                               sync::signReceipt(orphan, k.central));
  k.writeReceipt(k.store->ledger().batches().at(0), k.central);
  const auto r3 = k.run();
  CHECK(r3.eventsConfirmed == 1);
  CHECK(r3.receiptsIgnored == 0);
  CHECK(k.store->ledger().queuedCountByKind().empty());
}

TEST_CASE("a share that will not take the batch fails the sync and records nothing", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  writeBytes(k.share / "inbox", "not a directory"); // the share refuses to hold the batch
  const auto e = errorFrom([&] { k.run(); });
  CHECK(e.code() == ErrorCode::ShareNotWritable);
  CHECK(contains(e.swedish(), "Inget har markerats som skickat"));
  CHECK(k.store->ledger().batches().empty());
  CHECK_FALSE(k.store->settings().value(store::kSettingLastSyncUtc));
  CHECK(contains(k.store->settings().value(store::kSettingLastSyncResult).value_or(""), "Misslyckades"));
  CHECK(k.store->ledger().queuedCountByKind() == std::map<std::string, std::int64_t>{{"CheckedIn", 1}});
  // Fixed, the next sync sends it.
  fs::remove(k.share / "inbox");
  const auto r = k.run();
  CHECK(r.eventsSent == 1);
  CHECK(r.batchSeq == 1);
}

TEST_CASE("a missing marker stops the sync with ShareMissing and records nothing", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  fs::remove(k.layout.marker());
  const auto e = errorFrom([&] { k.run(); });
  CHECK(e.code() == ErrorCode::ShareMissing);
  CHECK(contains(e.swedish(), "Den centrala mappen hittas inte"));
  CHECK(k.store->ledger().batches().empty());
  CHECK_FALSE(fs::exists(k.share / "inbox"));
  CHECK_FALSE(k.store->settings().value(store::kSettingLastSyncUtc));
  CHECK(contains(k.store->settings().value(store::kSettingLastSyncResult).value_or(""), "Misslyckades"));
  // An unmounted share (the directory itself gone) says the same.
  const auto e2 = errorFrom([&] { sync::runSync(*k.store, k.data, k.dir / "not-mounted", k.clock); });
  CHECK(e2.code() == ErrorCode::ShareMissing);
  CHECK(contains(sync::checkShare(k.dir / "not-mounted"), "Den centrala mappen hittas inte"));
  CHECK(sync::checkShare(k.share).find("hittas inte") != std::string::npos);
  // Once the marker is back, the sync goes through.
  k.writeMarker(k.central);
  CHECK(sync::checkShare(k.share).empty());
  CHECK(k.run().eventsSent == 1);
}

TEST_CASE("a marker with other central keys than at the first sync is refused", "[sync]") {
  Kiosk k;
  k.checkIn("P0001");
  k.run();
  TempDir otherKeys("other-keys");
  k.writeMarker(sync::createCentralKeys(otherKeys.path() / "k"));
  k.checkIn("P0002");
  const auto e = errorFrom([&] { k.run(); });
  CHECK(e.swedish() == "Den centrala mappen har andra nycklar än förut. Kontakta IT.");
  CHECK(k.inboxFiles(".batch").size() == 1); // nothing sealed to the stranger's key
  CHECK(k.store->ledger().batches().size() == 1);
  CHECK(k.store->settings().value(store::kSettingCentralSignPk) == sync::toBase64(k.central.signPk));
}

TEST_CASE("a bundle replaces roster, activities, staff and settings in one go", "[sync]") {
  Kiosk k;
  CHECK(k.store->settings().bundleVersion() == 0);
  CHECK(k.store->roster().participant("P0001").firstName == "Dalia"); // now cached in the store
  {
    RawDb raw(k.data / store::kDatabaseFileName);
    REQUIRE(raw.exec("UPDATE participant SET photo_file = 'p0003.jpg' WHERE id = 'P0003'") == SQLITE_OK);
  }
  k.checkIn("P0002"); // events name P0002: the row must stay
  auto b = k.demoBundle(1);
  b.participantsCsv = withoutLine(b.participantsCsv, "P0002,");
  b.participantsCsv = replaced(b.participantsCsv, "P0001,liljan,Dalia,", "P0001,liljan,Dahlia,");
  b.participantsCsv += "P9001,liljan,Zackarias,Q,12345,\n";
  b.activitiesCsv += "liljan-a99,liljan,Bakning,Skapande\n";
  b.staffCsv = withoutLine(b.staffCsv, "S001,");
  b.staffCsv = replaced(b.staffCsv, "S002,liljan,Björn,L,staff,", "S002,liljan,Björn,L,admin,");
  b.settings["staff_idle_seconds"] = "120";
  b.settings["some_future_setting"] = "x";
  k.publish(b, k.central);

  const auto r = k.run();
  CHECK(r.ok());
  REQUIRE(r.bundleApplied == std::optional<std::int64_t>(1));
  CHECK(contains(r.summary(), "Nytt register (version 1) har lagts in."));
  CHECK(k.store->settings().bundleVersion() == 1);
  // When central made it, for the dashboard's warning about an old roster.
  CHECK(k.store->settings().value(store::kSettingBundleCreatedUtc) == std::optional<std::string>(std::to_string(b.createdUtc)));
  CHECK(k.store->roster().participant("P0001").firstName == "Dahlia"); // the cache was dropped
  const auto people = k.store->roster().participants("liljan");
  const auto has = [&](const std::string& id) {
    return std::any_of(people.begin(), people.end(), [&](const Participant& p) { return p.id == id; });
  };
  CHECK(has("P9001"));
  CHECK_FALSE(has("P0002"));
  CHECK_FALSE(k.store->roster().participant("P0002").active);
  CHECK(k.store->roster().participant("P0003").photoFile == std::optional<std::string>("p0003.jpg"));
  const auto acts = k.store->roster().activities("liljan");
  CHECK(std::any_of(acts.begin(), acts.end(), [](const Activity& a) { return a.id == "liljan-a99"; }));
  // A staff member no longer listed, whom no record names, leaves the kiosk with their PIN hash.
  CHECK(RawDb(k.data / store::kDatabaseFileName).integer("SELECT count(*) FROM staff WHERE id = 'S001'") == 0);
  CHECK(k.store->roster().staffMember("S002").role == StaffRole::Admin);
  CHECK(k.store->settings().staffIdleSeconds() == 120);
  CHECK_FALSE(k.store->settings().value("some_future_setting"));
  // A participant no longer listed cannot be checked in; the log still names them.
  CHECK(errorFrom([&] { store::perform(*k.store, cmd::CheckIn{"P0002", std::nullopt}); }).code() == ErrorCode::UnknownParticipant);
  const auto log = k.store->events().after(0, 10);
  REQUIRE(log.size() == 1);
  CHECK(std::get<CheckedIn>(log[0].payload).participantId == "P0002");
}

TEST_CASE("an older or equal bundle is refused and changes nothing", "[sync]") {
  Kiosk k;
  k.publish(k.demoBundle(2), k.central);
  REQUIRE(k.run().bundleApplied == std::optional<std::int64_t>(2));
  auto older = k.demoBundle(1);
  older.participantsCsv = withoutLine(older.participantsCsv, "P0001,");
  k.publish(older, k.central);
  const auto r = k.run();
  CHECK(r.ok()); // an older bundle on the share is simply not newer: no problem
  CHECK_FALSE(r.bundleApplied);
  CHECK(k.store->roster().participant("P0001").active);
  // Applying one directly says why.
  RosterFiles roster = store::demoRoster();
  const auto e = errorFrom([&] { k.store->roster().applyBundle(roster, {}, 2); });
  CHECK(e.code() == ErrorCode::BundleRejected);
  CHECK(contains(e.swedish(), "inte nyare"));
  CHECK(errorFrom([&] { k.store->roster().applyBundle(roster, {}, 1); }).code() == ErrorCode::BundleRejected);
  CHECK(k.store->settings().bundleVersion() == 2);
}

TEST_CASE("a newest bundle with a bad signature is refused, and an older valid one newer than ours applies", "[sync]") {
  Kiosk k;
  k.publish(k.demoBundle(1), k.central);
  REQUIRE(k.run().bundleApplied == std::optional<std::int64_t>(1));

  // Version 2, signed by someone else: refused, nothing changes.
  TempDir otherKeys("other-keys");
  const auto other = sync::createCentralKeys(otherKeys.path() / "k");
  auto forged = k.demoBundle(2);
  forged.participantsCsv = withoutLine(forged.participantsCsv, "P0001,");
  k.publish(forged, other);
  auto r = k.run();
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.bundleApplied);
  REQUIRE(r.problems.size() == 1);
  CHECK(contains(r.problems[0], "Registret version 2"));
  CHECK(contains(r.summary(), "Problem: Registret version 2"));
  CHECK(k.store->settings().bundleVersion() == 1);
  CHECK(k.store->roster().participant("P0001").active);

  // Version 4 corrupt (one flipped bit) above a valid 3: 4 refused, 3 applied.
  auto three = k.demoBundle(3);
  three.settings["staff_idle_seconds"] = "45";
  k.publish(three, k.central);
  std::string four = sync::sealBundle(k.demoBundle(4), k.central, {{k.store->deviceId(), "liljan", k.deviceKey().signPk, k.deviceKey().boxPk}});
  four[four.size() / 2] = static_cast<char>(four[four.size() / 2] ^ 0x10);
  platform::writeFileNoReplace(k.layout.siteBundleFile("liljan", 4), four);
  r = k.run();
  CHECK(r.bundleApplied == std::optional<std::int64_t>(3));
  CHECK(k.store->settings().staffIdleSeconds() == 45);
  bool mentionsFour = false;
  for (const auto& p : r.problems) mentionsFour = mentionsFour || contains(p, "Registret version 4");
  CHECK(mentionsFour);
}

TEST_CASE("a bundle without the kiosk's own site, or with a bad setting, is refused whole", "[sync]") {
  Kiosk k;
  auto b = k.demoBundle(1);
  b.sitesCsv = withoutLine(b.sitesCsv, "liljan,");
  b.participantsCsv = "participant_id,site_id,first_name,initial,weekdays,photo\nP7001,ornsberg,Ada,B,12345,\n";
  b.activitiesCsv = "activity_id,site_id,name,category\n";
  b.staffCsv = "staff_id,site_id,first_name,initial,role,pin_hash\n";
  k.publish(b, k.central);
  const auto r = k.run();
  CHECK_FALSE(r.bundleApplied);
  REQUIRE(r.problems.size() == 1);
  CHECK(contains(r.problems[0], "saknar den här kioskens verksamhet (liljan)"));
  CHECK(k.store->settings().bundleVersion() == 0);
  CHECK(k.store->roster().participant("P0001").active);

  RosterFiles roster = store::demoRoster();
  const auto e = errorFrom([&] { k.store->roster().applyBundle(roster, {{"staff_idle_seconds", "5"}}, 7); });
  CHECK(e.code() == ErrorCode::BundleRejected);
  CHECK(contains(e.swedish(), "staff_idle_seconds"));
  CHECK(k.store->settings().bundleVersion() == 0);
  CHECK(k.store->settings().staffIdleSeconds() == 90);
}

TEST_CASE("a properly signed bundle with a site id or photo value that names another path is refused whole", "[sync]") {
  Kiosk k;
  const std::string evilSite = "../../evil";
  const std::vector<std::pair<std::string, std::function<void(sync::BundleContents&)>>> cases = {
      {"site id", [&](sync::BundleContents& b) {
         b.sitesCsv += evilSite + ",Ond,5,08:00,16:00\n";
         b.participantsCsv += "P7001," + evilSite + ",Ada,B,12345,\n";
       }},
      {"absolute photo", [](sync::BundleContents& b) {
         b.participantsCsv = replaced(b.participantsCsv, "P0001,liljan,Dalia,R,24,", "P0001,liljan,Dalia,R,24,/etc/shadow");
       }},
      {"photo in a parent folder", [](sync::BundleContents& b) {
         b.participantsCsv = replaced(b.participantsCsv, "P0002,liljan,Hugo,N,1234,", "P0002,liljan,Hugo,N,1234,../x.jpg");
       }},
      {"staff id", [](sync::BundleContents& b) { b.staffCsv = replaced(b.staffCsv, "S001,", "../S001,"); }},
      {"activity id", [](sync::BundleContents& b) { b.activitiesCsv = replaced(b.activitiesCsv, "liljan-a01,", "liljan/a01,"); }},
  };
  std::int64_t version = 0;
  for (const auto& [what, spoil] : cases) {
    INFO(what);
    auto b = k.demoBundle(++version);
    spoil(b);
    k.publish(b, k.central);
    const auto r = k.run();
    CHECK_FALSE(r.bundleApplied);
    REQUIRE(r.problems.size() == 1);
    CHECK(contains(r.problems[0], "Registret version " + std::to_string(version)));
    CHECK(contains(r.problems[0], ".csv:"));
    CHECK(k.store->settings().bundleVersion() == 0);
    CHECK_FALSE(k.store->roster().participant("P0001").photoFile);
    CHECK_FALSE(k.store->roster().participant("P0002").photoFile);
    platform::removeFile(k.layout.siteBundleFile("liljan", version)); // the next case is the only bundle
  }
  CHECK_THROWS(k.store->roster().site(evilSite));
}

TEST_CASE("queued events are named per kind in Swedish", "[sync]") {
  CHECK(kindLabelSv("CheckedIn") == "Incheckningar");
  CHECK(kindLabelSv("CheckedOut") == "Utcheckningar");
  CHECK(kindLabelSv("ActivitySessionLogged") == "Aktiviteter");
  CHECK(kindLabelSv("SomeFutureKind") == "SomeFutureKind");
}

TEST_CASE("the summary speaks of one record in the singular", "[sync]") {
  sync::SyncResult r;
  r.eventsSent = 1;
  r.eventsConfirmed = 1;
  r.bundleApplied = 5;
  CHECK(r.summary() == "Skickade 1 post till den centrala mappen.\nCentralen har bekräftat att den tagit emot 1 post."
                       "\nNytt register (version 5) har lagts in.");
}

TEST_CASE("a planted one-byte bundle named with the largest version neither counts nor stops a signed bundle from applying", "[sync]") {
  Kiosk k;
  platform::createDirectories(k.layout.siteBundlesDir("liljan"));
  writeBytes(k.layout.siteBundlesDir("liljan") / "9223372036854775807.bundle", "x");
  k.publish(k.demoBundle(1), k.central);
  const auto r = k.run();
  CHECK(r.bundleApplied == std::optional<std::int64_t>(1));
  CHECK(k.store->settings().bundleVersion() == 1);
  // The next signed bundle is still newer than what the kiosk has: the planted name never counted.
  k.publish(k.demoBundle(2), k.central);
  CHECK(k.run().bundleApplied == std::optional<std::int64_t>(2));
}

TEST_CASE("the kiosk reads only its own site's folder: a bundle for another site is never tried", "[sync]") {
  Kiosk k;
  const sync::EnrolledDevice me{k.store->deviceId(), "liljan", k.deviceKey().signPk, k.deviceKey().boxPk};
  platform::createDirectories(k.layout.siteBundlesDir("ornsberg"));
  platform::writeFileNoReplace(k.layout.siteBundleFile("ornsberg", 5), sync::sealBundle(k.demoBundle(5), k.central, {me}));
  platform::writeFileNoReplace(k.layout.bundleFile(6), sync::sealBundle(k.demoBundle(6), k.central, {me}));
  const auto r = k.run();
  CHECK(r.ok());
  CHECK_FALSE(r.bundleApplied);
  CHECK(k.store->settings().bundleVersion() == 0);
}
