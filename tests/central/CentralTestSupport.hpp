#pragma once
// Helpers for the central tests: a real share directory made by initShare, kiosk keys, batches
// sealed with the real SyncFormat functions and written the way a kiosk writes them, and a
// runner for the real `dagverk-central` program.
#include "central/Admin.hpp"
#include "central/CentralStore.hpp"
#include "central/Enrol.hpp"
#include "core/Event.hpp"
#include "platform/FileSystem.hpp"
#include "platform/SystemClock.hpp"
#include "core/Ids.hpp"
#include "central/Import.hpp"
#include "StoreTestSupport.hpp"
#include "sync/Enrolment.hpp"
#include "sync/SyncFormat.hpp"

#include <sys/wait.h>

#include <cstdlib>

namespace dagverk::test {

// shellQuoted and CliRun come from StoreTestSupport.hpp.
// Runs the real dagverk-central with `args` (each one quoted here); a hang counts as a failure.
inline CliRun centralCli(const TempDir& tmp, const std::vector<std::string>& args) {
  static std::atomic<int> n{0};
  const int k = n++;
  const fs::path out = tmp / ("cli-out-" + std::to_string(k)), err = tmp / ("cli-err-" + std::to_string(k));
  std::string cmd = "timeout 120 " + shellQuoted(DAGVERK_CENTRAL_BIN);
  std::string shown;
  for (const auto& a : args) {
    cmd += " " + shellQuoted(a);
    shown += " " + a;
  }
  cmd += " >" + shellQuoted(out.string()) + " 2>" + shellQuoted(err.string()) + " </dev/null";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
  r.out = readBytes(out);
  r.err = readBytes(err);
  UNSCOPED_INFO("$ dagverk-central" << shown << "\nexit " << r.code << "\nstdout:\n" << r.out << "stderr:\n" << r.err);
  return r;
}

inline std::string demoFile(const std::string& name) { return std::string(DAGVERK_DEMO_DIR) + "/" + name; }

// A fixed instant in the past: Monday 2026-11-16 09:00 in Stockholm (the real binary judges
// "more than a day in the future" by the machine's clock).
inline UtcMs baseTime() { return fromStockholm({2026, 11, 16}, 9, 0); }
inline constexpr std::int64_t kMinute = 60 * 1000;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline constexpr std::int64_t kDay = 24 * kHour;

inline std::string uuidFor(UtcMs t, std::uint64_t salt) {
  std::array<std::uint8_t, 10> r{};
  for (size_t i = 0; i < r.size(); ++i) r[i] = static_cast<std::uint8_t>((salt >> ((i % 8) * 8)) ^ (i * 37));
  return makeUuidV7(t, r);
}

struct WrittenBatch {
  fs::path batch;
  fs::path manifest;
  std::string sha256;
  sync::BatchContents contents;
};

class ShareFixture {
public:
  ShareFixture() : tmp("central") {
    fs::create_directories(share);
    central::initShare(share, keys, "Testenheten");
    centralKeys = sync::loadCentralKeys(keys);
  }

  TempDir tmp;
  fs::path share = tmp / "share";
  fs::path keys = tmp / "keys";
  fs::path db = tmp / "central.sqlite";
  sync::CentralKeys centralKeys;

  // A kiosk's key (made in its own directory) and, unless told otherwise, its enrolment.
  sync::DeviceKey device(const std::string& id, const std::string& site, bool enroll = true) {
    const fs::path dir = tmp / ("kiosk-" + id);
    fs::create_directories(dir);
    auto key = sync::loadOrCreateDeviceKey(dir, id);
    if (enroll) enrolByCode(key, site);
    return key;
  }

  // The enrolment an admin does, in-process: central's offer and code, the kiosk's answer with
  // that code (the kiosk's own steps without its database), central's acceptance.
  void enrolByCode(const sync::DeviceKey& key, const std::string& site, bool replace = false) {
    platform::SystemClock clock;
    const auto offer = central::createEnrolmentOffer(share, keys, site, replace, clock);
    sync::OpenedOffer opened;
    REQUIRE(sync::findOffer(share, offer.code, clock.nowUtc(), opened) == sync::OfferSearch::Found);
    sync::writeRequest(share, opened, key);
    const auto outcomes = central::acceptEnrolmentRequests(share, keys, clock);
    REQUIRE(outcomes.size() == 1);
    INFO(outcomes[0].english);
    REQUIRE(outcomes[0].accepted);
  }

  static EventRow checkIn(const std::string& device, const std::string& site, std::int64_t seq, UtcMs at,
                          const std::string& participant) {
    EventRow e;
    // The id depends on the device and sequence only: a re-sent event is the same event.
    e.id = uuidFor(baseTime(), std::hash<std::string>{}(device) ^ static_cast<std::uint64_t>(seq) * 0x9E3779B97F4A7C15ull);
    e.deviceId = device;
    e.seq = seq;
    e.recordedUtc = at;
    e.zone = kSiteZone;
    e.siteId = site;
    e.kind = CheckedIn::kKind;
    e.subjectId = participant;
    e.payloadJson = encodePayload(CheckedIn{participant, at});
    e.schemaVersion = kEventSchemaVersion;
    return e;
  }

  // Batch `batchSeq` of `device` holding check-ins with sequences [firstSeq, firstSeq + n),
  // one minute apart from `start`.
  static sync::BatchContents batch(const sync::DeviceKey& d, const std::string& site, std::int64_t batchSeq,
                                   std::int64_t firstSeq, std::int64_t n, UtcMs start) {
    sync::BatchContents b;
    b.batchId = uuidFor(start + batchSeq, std::hash<std::string>{}(d.deviceId) + static_cast<std::uint64_t>(batchSeq));
    b.deviceId = d.deviceId;
    b.siteId = site;
    b.batchSeq = batchSeq;
    b.schemaVersion = kEventSchemaVersion;
    b.createdUtc = start + n * kMinute;
    for (std::int64_t i = 0; i < n; ++i)
      b.events.push_back(checkIn(d.deviceId, site, firstSeq + i, start + i * kMinute, "P" + std::to_string(firstSeq + i)));
    return b;
  }

  static sync::Manifest manifestFor(const sync::BatchContents& b, const std::string& bytes, const std::string& file) {
    sync::Manifest m;
    m.batchFile = file;
    m.batchId = b.batchId;
    m.deviceId = b.deviceId;
    m.siteId = b.siteId;
    m.batchSeq = b.batchSeq;
    m.byteSize = static_cast<std::int64_t>(bytes.size());
    m.sha256 = sync::sha256Hex(bytes);
    m.schemaVersion = b.schemaVersion;
    return m;
  }

  // Seals and writes a batch and then its manifest, as a kiosk does (in the folder of `site`).
  WrittenBatch write(const sync::BatchContents& b, const sync::DeviceKey& d, const std::string& folderSite = "") {
    const std::string site = folderSite.empty() ? b.siteId : folderSite;
    const sync::ShareLayout layout{share};
    const std::string bytes = sync::sealBatch(b, d, centralKeys.boxPk);
    WrittenBatch w;
    w.batch = layout.batchFile(site, b.deviceId, b.batchSeq, b.batchId);
    w.manifest = layout.manifestFile(site, b.deviceId, b.batchSeq, b.batchId);
    platform::createDirectories(w.batch.parent_path());
    platform::writeFileNoReplace(w.batch, bytes);
    sync::Manifest m = manifestFor(b, bytes, w.batch.filename().string());
    m.siteId = site;
    platform::writeFileNoReplace(w.manifest, sync::encodeManifest(m));
    w.sha256 = m.sha256;
    w.contents = b;
    return w;
  }

  // Replaces a written batch's bytes and makes its manifest describe them (so that only the
  // check under test can catch the change).
  void rewrite(const WrittenBatch& w, const std::string& bytes) {
    writeBytes(w.batch, bytes);
    sync::Manifest m = sync::decodeManifest(readBytes(w.manifest));
    m.byteSize = static_cast<std::int64_t>(bytes.size());
    m.sha256 = sync::sha256Hex(bytes);
    writeBytes(w.manifest, sync::encodeManifest(m));
  }

  central::ImportSummary import(UtcMs now) {
    auto store = central::CentralStore::open(db);
    ManualClock clock(now);
    return central::runImport(share, keys, *store, clock);
  }

  std::vector<std::string> receipts(const std::string& deviceId) const {
    return platform::listFiles(sync::ShareLayout{share}.receiptsDir(deviceId));
  }
};

} // namespace dagverk::test
