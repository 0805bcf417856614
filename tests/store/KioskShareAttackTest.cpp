// Attacks by whoever can write to the share, against the kiosk's sync: symbolic links planted on
// the share, files far larger than central writes, and a marker edited by a share writer.
#include "ChildProcess.hpp"
#include "ShareKiosk.hpp"

#include "core/InputLimits.hpp"
#include "platform/FileSystem.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

struct Kiosk : ShareKiosk {
  Kiosk() : ShareKiosk("share-attack", store::demoRoster()) {}
  sync::SyncResult run() {
    clock.advanceMs(60'000);
    return sync::runSync(*store, data, share, clock);
  }
  void checkIn(const std::string& pid) { store::perform(*store, cmd::CheckIn{pid, std::nullopt}); }
  std::string receiptFor(const store::SyncBatchRecord& b) {
    sync::Receipt r;
    r.deviceId = store->deviceId();
    r.batchSeq = b.batchSeq;
    r.batchId = b.batchId;
    r.sha256 = b.sha256;
    r.importedUtc = clock.nowUtc();
    return sync::signReceipt(r, central);
  }
  std::string bundle(std::int64_t version) {
    const sync::BundleContents b = demoBundle(version);
    const sync::EnrolledDevice me{store->deviceId(), "liljan", deviceKey().signPk, deviceKey().boxPk};
    return sync::sealBundle(b, central, {me});
  }
};

std::string replacedIn(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

} // namespace

TEST_CASE("a receipts folder planted as a link to a local folder is not followed", "[sync][attack]") {
  Kiosk k;
  k.checkIn("P0001");
  REQUIRE(k.run().eventsSent == 1);
  const auto batches = k.store->ledger().batches();
  REQUIRE(batches.size() == 1);
  // A genuine receipt, but in a folder outside the share that receipts/<device> points at.
  const fs::path local = k.dir / "local-folder";
  fs::create_directories(local);
  writeBytes(local / k.layout.receiptFile(k.store->deviceId(), 1, batches[0].batchId).filename(),
             k.receiptFor(batches[0]));
  fs::create_directories(k.share / "receipts");
  fs::create_directory_symlink(local, k.layout.receiptsDir(k.store->deviceId()));
  const auto r = k.run();
  CHECK(r.eventsConfirmed == 0);
  CHECK_FALSE(k.store->ledger().batches()[0].ackedUtc);
}

TEST_CASE("a bundle planted as a link to a file outside the share is not applied", "[sync][attack]") {
  Kiosk k;
  const fs::path outside = k.dir / "outside.bundle";
  writeBytes(outside, k.bundle(1));
  fs::create_directories(k.layout.siteBundlesDir("liljan"));
  fs::create_symlink(outside, k.layout.siteBundleFile("liljan", 1));
  const auto r = k.run();
  CHECK_FALSE(r.bundleApplied);
  CHECK(k.store->settings().bundleVersion() == 0);
}

TEST_CASE("a huge fake bundle is refused with a clear message and the kiosk's memory stays small",
          "[sync][attack]") {
  Kiosk k;
  fs::create_directories(k.layout.siteBundlesDir("liljan"));
  // 300 MiB of nothing (sparse) under a bundle's name.
  writeBytes(k.layout.siteBundleFile("liljan", 7), "");
  fs::resize_file(k.layout.siteBundleFile("liljan", 7), 300ull * limits::kMiB);
  const auto child = runInChild([&](auto&& write) {
    const long startKiB = currentRssKiB(); // what the forked test process already holds
    const auto r = k.run();
    std::string problems;
    for (const auto& p : r.problems) problems += p + "\n";
    write(std::to_string(peakRssKiB() - startKiB) + "\n" + problems);
    return r.bundleApplied ? 1 : 0;
  });
  INFO(child.message);
  CHECK(child.exited);
  CHECK(child.code == 0);
  CHECK(std::stol(child.message.substr(0, child.message.find('\n'))) < 96 * 1024);
  CHECK(contains(child.message, "för stort"));
}

TEST_CASE("a marker whose unit name a share writer changed is refused", "[sync][attack]") {
  Kiosk k;
  k.checkIn("P0001");
  REQUIRE(k.run().eventsSent == 1);
  const std::string edited = replacedIn(readBytes(k.layout.marker()), "Testenheten", "Falska enheten");
  writeBytes(k.layout.marker(), edited);
  k.checkIn("P0002");
  const auto e = errorFrom([&] { k.run(); });
  CHECK(contains(e.swedish(), "märkfil"));
  CHECK(k.store->ledger().batches().size() == 1); // nothing written
}

TEST_CASE("a marker without a signature is refused, and the keys pinned at enrolment stay", "[sync][attack]") {
  Kiosk k;
  const auto pinned = k.store->settings().value(store::kSettingCentralSignPk);
  REQUIRE(pinned);
  writeBytes(k.layout.marker(), "{\"formatVersion\": 1, \"unit\": \"Testenheten\", \"centralBoxPk\": \"" +
                                    sync::toBase64(k.central.boxPk) + "\", \"centralSignPk\": \"" +
                                    sync::toBase64(k.central.signPk) + "\"}\n");
  k.checkIn("P0001");
  const auto e = errorFrom([&] { k.run(); });
  CHECK(contains(e.swedish(), "märkfil"));
  CHECK(k.store->ledger().batches().empty());
  CHECK(k.store->settings().value(store::kSettingCentralSignPk) == pinned);
}

TEST_CASE("a huge fake receipt is ignored from its size and the kiosk's memory stays small", "[sync][attack]") {
  Kiosk k;
  k.checkIn("P0001");
  REQUIRE(k.run().eventsSent == 1);
  const auto batch = k.store->ledger().batches().at(0);
  const fs::path receipt = k.layout.receiptFile(k.store->deviceId(), 1, batch.batchId);
  fs::create_directories(receipt.parent_path());
  writeBytes(receipt, "");
  fs::resize_file(receipt, 300ull * limits::kMiB);
  const auto child = runInChild([&](auto&& write) {
    const long startKiB = currentRssKiB(); // what the forked test process already holds
    const auto r = k.run();
    write(std::to_string(peakRssKiB() - startKiB));
    return r.receiptsIgnored == 1 && r.eventsConfirmed == 0 ? 0 : 1;
  });
  INFO(child.message);
  CHECK(child.exited);
  CHECK(child.code == 0);
  CHECK(std::stol(child.message) < 96 * 1024);
}
