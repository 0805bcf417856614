#include "sync/KioskSync.hpp"

#include "core/Error.hpp"
#include "core/Event.hpp"
#include "core/EventRow.hpp"
#include "core/InputLimits.hpp"
#include "platform/FileSystem.hpp"
#include "core/Ids.hpp"
#include "core/LocalTime.hpp"
#include "platform/Log.hpp"
#include "store/Pins.hpp"
#include "store/Retention.hpp"
#include "sync/KioskEnrolment.hpp"
#include "core/RosterCsv.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace dagverk::sync {

namespace fs = std::filesystem;

namespace {

std::string newBatchId(UtcMs now) {
  store::ensureSodium();
  std::array<std::uint8_t, 10> random{};
  randombytes_buf(random.data(), random.size());
  return makeUuidV7(now, random);
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::int64_t> parseDigits(const std::string& s) {
  if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return n;
}

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string stockholmStamp(UtcMs t) {
  const LocalDateTime l = toStockholm(t);
  return formatIsoDate(l.date) + " " + formatHourMinute(l);
}

// A failure while writing to the share: the share is there but would not take the file.
[[noreturn]] void shareWriteFailed(const DagverkError& e, const std::string& what) {
  const bool full = e.code() == ErrorCode::DiskFull;
  throw DagverkError(ErrorCode::ShareNotWritable,
                     full ? "Den centrala mappen är full. Inget har markerats som skickat; be IT frigöra plats "
                            "och synkronisera igen."
                          : "Det gick inte att skriva till den centrala mappen. Inget har markerats som skickat; "
                            "försök igen, och kontakta IT om det fortsätter.",
                     "writing " + what + " to the share failed: " + e.english());
}

class Progress {
public:
  explicit Progress(const SyncProgress& f) : f_(f) {}
  void operator()(double fraction, const char* step) const {
    if (f_) f_(fraction, step);
  }

private:
  const SyncProgress& f_;
};

struct Receipts {
  std::set<std::string> ignored; // file names that did not verify (counted once per sync)
};

// Reads receipts/<device>/*.receipt and marks the events of each matching batch acknowledged.
std::int64_t readReceipts(store::KioskStore& store, const ShareLayout& layout, const PublicKey& signPk,
                          const Clock& clock, Receipts& seen) {
  std::set<std::string> acked;
  for (const auto& b : store.ledger().batches())
    if (b.ackedUtc) acked.insert(b.batchId);
  std::int64_t confirmed = 0;
  const fs::path dir = layout.receiptsDir(store.deviceId());
  // Links are skipped (and logged) by listBeneath and never followed by readShareFile.
  for (const auto& name : platform::listBeneath(layout.root, dir).files) {
    if (!endsWith(name, ".receipt")) {
      platform::logInfo("receipts: ignoring unknown file " + name);
      continue;
    }
    // "<seq>-<batch-uuid>.receipt": a batch already acknowledged needs no second look.
    const std::string stem = name.substr(0, name.size() - 8);
    if (const auto dash = stem.find('-'); dash != std::string::npos && acked.count(stem.substr(dash + 1))) continue;
    if (seen.ignored.count(name)) continue;
    try {
      const Receipt r = openReceipt(readShareFile(layout.root, dir / name, limits::kReceiptBytes,
                                                  ErrorCode::BatchRejected,
                                                  "Ett kvitto från centralen är för stort och lästes inte.", "receipt"),
                                    signPk);
      if (r.deviceId != store.deviceId()) {
        seen.ignored.insert(name);
        platform::logError("receipt " + name + " ignored: it is for device " + r.deviceId);
        continue;
      }
      const auto newly = store.ledger().acknowledgeBatch(r.batchId, r.sha256, clock.nowUtc());
      if (!newly) {
        // A batch written but never recorded (the kiosk stopped in between): its events were
        // sent again in a later batch, which gets its own receipt.
        platform::logInfo("receipt " + name + " matches no batch this kiosk recorded (id and hash); its events are sent again");
        continue;
      }
      confirmed += *newly;
      acked.insert(r.batchId);
    } catch (const DagverkError& e) {
      seen.ignored.insert(name);
      platform::logError("receipt " + name + " ignored: " + e.english());
    }
  }
  return confirmed;
}

// Central imports a batch only when every event in it is of the batch's site, the site the
// kiosk is enrolled for. A queue that holds another site's events (a kiosk moved before moves
// waited for receipts) would be quarantined whole, week after week, while the kiosk said
// "sent": refuse before writing anything, and say why.
void checkOneSite(const std::vector<EventRow>& events, const std::string& boundSite) {
  std::map<std::string, std::int64_t> bySite;
  for (const auto& e : events) ++bySite[e.siteId];
  // The bound site names the batch's folder on the share: it must be an id, never a path.
  if (!isValidId(boundSite))
    throw DagverkError(ErrorCode::SiteMismatch,
                       "Kioskens verksamhets-id är ogiltigt, så inget har skickats. Kontakta IT.",
                       "the bound site id is not a valid id; nothing written");
  if (bySite.size() == 1 && bySite.begin()->first == boundSite) return;
  std::string sites;
  for (const auto& [site, n] : bySite) sites += (sites.empty() ? "" : ", ") + site;
  const std::string count = bySite.size() == 2 ? std::string("två") : std::to_string(bySite.size());
  if (bySite.size() > 1)
    throw DagverkError(ErrorCode::SiteMismatch,
                       "Kiosken har poster från " + count + " verksamheter (" + sites + ") som väntar på att skickas. Centralen tar bara emot en "
                           "verksamhet per batch, så inget har skickats. Kontakta IT.",
                       "unacknowledged events belong to " + std::to_string(bySite.size()) + " sites (" + sites +
                           "); central takes one site per batch; nothing written");
  throw DagverkError(ErrorCode::SiteMismatch,
                     "Kiosken hör till verksamheten " + boundSite + " men har poster från " + sites +
                         " som väntar på att skickas. Centralen skulle inte ta emot dem, så inget har skickats. "
                         "Kontakta IT.",
                     "unacknowledged events belong to site " + sites + " but the kiosk is bound to site " +
                         boundSite + "; nothing written");
}

void writeBatch(store::KioskStore& store, const ShareLayout& layout, const ShareMarker& marker,
                const DeviceKey& device, const Clock& clock, const Progress& progress, SyncResult& result) {
  auto events = store.ledger().unacknowledgedEvents();
  if (events.empty()) return;
  const std::string siteId = store.roster().boundSiteId();
  checkOneSite(events, siteId);
  progress(0.2, "Krypterar poster");
  BatchContents batch;
  const UtcMs now = clock.nowUtc();
  batch.batchId = newBatchId(now);
  batch.deviceId = store.deviceId();
  batch.siteId = siteId;
  batch.batchSeq = store.ledger().lastBatchSeq() + 1;
  batch.schemaVersion = kEventSchemaVersion;
  batch.createdUtc = now;
  std::vector<std::int64_t> seqs;
  seqs.reserve(events.size());
  for (const auto& e : events) seqs.push_back(e.seq);
  batch.events = std::move(events);
  const std::string bytes = sealBatch(batch, device, marker.centralBoxPk);
  const std::string sha = sha256Hex(bytes);

  progress(0.4, "Skriver till den centrala mappen");
  const fs::path batchPath = layout.batchFile(batch.siteId, batch.deviceId, batch.batchSeq, batch.batchId);
  const fs::path manifestPath = layout.manifestFile(batch.siteId, batch.deviceId, batch.batchSeq, batch.batchId);
  try {
    platform::createDirectoriesBeneath(layout.root, batchPath.parent_path());
    platform::writeFileNoReplace(batchPath, bytes);
  } catch (const DagverkError& e) {
    shareWriteFailed(e, "batch " + batchPath.filename().string());
  }
  Manifest m;
  m.batchFile = batchPath.filename().string();
  m.batchId = batch.batchId;
  m.deviceId = batch.deviceId;
  m.siteId = batch.siteId;
  m.batchSeq = batch.batchSeq;
  m.byteSize = static_cast<std::int64_t>(bytes.size());
  m.sha256 = sha;
  m.schemaVersion = batch.schemaVersion;
  progress(0.6, "Skriver till den centrala mappen");
  try {
    platform::writeFileNoReplace(manifestPath, encodeManifest(m)); // last: it says the batch is complete
  } catch (const DagverkError& e) {
    // The manifest may be in place already (its name claimed, then the directory fsync failed):
    // remove it first, so the share never holds a manifest without its batch; a batch without a
    // manifest is never imported, and removing it frees its space.
    platform::removeFile(manifestPath);
    platform::removeFile(batchPath);
    shareWriteFailed(e, "manifest " + manifestPath.filename().string());
  }

  progress(0.7, "Kontrollerar det som skrevs");
  try {
    const std::string back = readShareFile(layout.root, batchPath, limits::kBatchBytes, ErrorCode::ShareNotWritable,
                                           "", "batch read back");
    if (back.size() != bytes.size() || sha256Hex(back) != sha || peekBatchDeviceId(back) != batch.deviceId)
      throw DagverkError(ErrorCode::ShareNotWritable, "",
                         "batch " + m.batchFile + " read back differs from what was written (" +
                             std::to_string(back.size()) + " of " + std::to_string(bytes.size()) + " bytes)");
  } catch (const DagverkError& e) {
    platform::removeFile(manifestPath);
    platform::removeFile(batchPath);
    throw DagverkError(ErrorCode::ShareNotWritable,
                       "Filen på den centrala mappen blev inte rätt när den lästes tillbaka. Inget har markerats "
                       "som skickat; försök igen, och kontakta IT om det fortsätter.",
                       "verifying the written batch failed: " + std::string(e.english()));
  }

  // Only now is it sent. A failure here (the kiosk's own disk full) leaves the batch on the
  // share unrecorded: the next sync sends the same events again and central dedupes them.
  progress(0.8, "Markerar som skickat");
  store::SyncBatchRecord rec;
  rec.batchSeq = batch.batchSeq;
  rec.batchId = batch.batchId;
  rec.fileName = m.batchFile;
  rec.sha256 = sha;
  rec.eventCount = static_cast<std::int64_t>(batch.events.size());
  rec.firstSeq = batch.events.front().seq;
  rec.lastSeq = batch.events.back().seq;
  rec.writtenUtc = now;
  store.ledger().recordBatch(rec, seqs);
  result.eventsSent = rec.eventCount;
  result.batchSeq = batch.batchSeq;
  result.batchFile = m.batchFile;
  platform::logInfo("sync: wrote batch " + m.batchFile + " with " + std::to_string(rec.eventCount) + " events, seq " +
                    std::to_string(rec.firstSeq) + ".." + std::to_string(rec.lastSeq));
}

// What writeFileNoReplace leaves behind when the kiosk is stopped between creating a batch or
// manifest and giving it its name: "<seq>-<batch-uuid>.batch.tmp" (or ".manifest.tmp").
bool isOwnTemporary(const std::string& name) {
  std::string stem;
  for (const char* suffix : {".batch.tmp", ".manifest.tmp"})
    if (endsWith(name, suffix)) stem = name.substr(0, name.size() - std::char_traits<char>::length(suffix));
  const auto dash = stem.find('-');
  return dash != std::string::npos && dash >= 8 && parseDigits(stem.substr(0, dash)) &&
         isUuid(stem.substr(dash + 1));
}

// Removes this kiosk's own temporaries older than a day from its inbox folder: a sync killed
// mid-write leaves one, and nothing else ever removes it. Only this device's folder, only names
// it writes, only regular files (never through a link); a younger one may belong to a sync
// running right now. A failure here is logged and never stops the sync.
void removeStaleTemporaries(const store::KioskStore& store, const ShareLayout& layout, const Clock& clock) {
  constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
  const fs::path dir = layout.inboxDir(store.roster().boundSiteId(), store.deviceId());
  int removed = 0;
  try {
    for (const auto& name : platform::listRegularFilesModifiedBefore(dir, clock.nowUtc() - kDayMs)) {
      if (!isOwnTemporary(name)) continue;
      if (platform::tryRemoveFile(dir / name)) ++removed;
      else platform::logError("sync: could not remove the stale temporary file " + name);
    }
  } catch (const DagverkError& e) {
    platform::logError(std::string("sync: looking for stale temporary files failed: ") + e.english());
  }
  if (removed > 0)
    platform::logInfo("sync: removed " + std::to_string(removed) + " stale temporary " +
                      (removed == 1 ? "file" : "files") + " from this kiosk's inbox on the share");
}

// Applies the newest bundle of the kiosk's own site that opens and is newer than its roster.
// Only the site's folder is read: other sites' bundles are not sealed to this kiosk anyway, and
// the unit's whole roster is sealed to central alone. A file's name is only a hint of its
// version: a bundle counts once its signature verifies and its contents carry the same version.
void applyNewestBundle(store::KioskStore& store, const ShareLayout& layout, const PublicKey& signPk,
                       const DeviceKey& device, SyncResult& result) {
  const std::string site = store.roster().boundSiteId();
  if (!isValidId(site)) {
    platform::logError("bundles: the bound site id is not a valid id; no bundle read");
    return;
  }
  const fs::path dir = layout.siteBundlesDir(site);
  const std::int64_t current = store.settings().bundleVersion();
  std::vector<std::pair<std::int64_t, std::string>> newer;
  for (const auto& name : platform::listBeneath(layout.root, dir).files) {
    const auto version = endsWith(name, ".bundle") ? parseDigits(name.substr(0, name.size() - 7)) : std::nullopt;
    if (!version) {
      platform::logInfo("bundles: ignoring unknown file " + name);
      continue;
    }
    if (*version > current) newer.emplace_back(*version, name);
  }
  std::sort(newer.rbegin(), newer.rend());
  for (const auto& [version, name] : newer) {
    try {
      const BundleContents b =
          openBundle(readShareFile(layout.root, dir / name, limits::kBundleBytes, ErrorCode::BundleRejected,
                                   "Paketet från centralen är för stort och användes inte.", "bundle"),
                     signPk, device);
      if (b.version != version)
        throw DagverkError(ErrorCode::BundleRejected, "Filnamnet och innehållet har olika versioner.",
                           "bundle file " + name + " holds version " + std::to_string(b.version));
      RosterFiles roster = parseRosterCsv(b.sitesCsv, b.participantsCsv, b.activitiesCsv);
      parseStaffCsv(b.staffCsv, roster);
      store.roster().applyBundle(roster, b.settings, b.version);
      store.settings().setValue(store::kSettingBundleCreatedUtc, std::to_string(b.createdUtc));
      result.bundleApplied = b.version;
      platform::logInfo("sync: applied bundle version " + std::to_string(b.version));
      return;
    } catch (const DagverkError& e) {
      result.problems.push_back("Registret version " + std::to_string(version) +
                                " från den centrala mappen godtogs inte: " + e.swedish());
      platform::logError("bundle " + name + " refused: " + e.english());
    }
  }
}

} // namespace

std::string SyncResult::summary() const {
  std::string s;
  if (eventsSent > 0) s += "Skickade " + plural(eventsSent, "post", "poster") + " till den centrala mappen.";
  else s += "Inga nya poster att skicka.";
  if (eventsConfirmed > 0)
    s += "\nCentralen har bekräftat att den tagit emot " + plural(eventsConfirmed, "post", "poster") + ".";
  else s += "\nInga nya bekräftelser från centralen.";
  if (stillUnconfirmed > 0)
    s += "\n" + plural(stillUnconfirmed, "post väntar", "poster väntar") +
         " på bekräftelse och skickas igen tills den kommer.";
  if (bundleApplied) s += "\nNytt register (version " + std::to_string(*bundleApplied) + ") har lagts in.";
  else s += "\nInget nytt register.";
  if (receiptsIgnored > 0)
    s += "\n" + plural(receiptsIgnored, "kvitto", "kvitton") + " kunde inte kontrolleras och användes inte.";
  for (const auto& p : problems) s += "\nProblem: " + p;
  return s;
}

std::string checkShare(const fs::path& share) {
  try {
    readMarker(share);
    return {};
  } catch (const DagverkError& e) {
    return e.swedish();
  }
}

void recordSyncFailure(store::KioskStore& store, const std::string& swedish) {
  try {
    store.settings().setValue(store::kSettingLastSyncResult,
                              "Misslyckades " + stockholmStamp(store.clock().nowUtc()) + ": " + swedish);
  } catch (const DagverkError& e) {
    platform::logError(std::string("could not record the failed sync: ") + e.english());
  }
}

SyncResult runSync(store::KioskStore& store, const fs::path& dataDir, const fs::path& share, const Clock& clock,
                   const SyncProgress& progressFn) {
  const Progress progress(progressFn);
  SyncResult result;
  try {
    // 1. The share: an unmounted share looks empty, so the marker must be there.
    progress(0.0, "Kontrollerar den centrala mappen");
    // Central's keys come only from enrolment by code (KioskEnrolment.hpp), never from the
    // marker alone: whoever can write to the share could have written that.
    const auto pinnedSign = store.settings().value(store::kSettingCentralSignPk);
    const auto pinnedBox = store.settings().value(store::kSettingCentralBoxPk);
    if (!pinnedSign || !pinnedBox)
      throw DagverkError(ErrorCode::NotEnrolled,
                         std::string(kNotEnrolledSv) + ". Koppla den med en kod från centralen (Personal → Koppla till "
                                                       "central). Inget har skickats.",
                         "the kiosk is not enrolled (no pinned central keys); nothing written");
    const ShareMarker marker = readMarker(share);
    if (*pinnedSign != toBase64(marker.centralSignPk) || *pinnedBox != toBase64(marker.centralBoxPk))
      throw DagverkError(ErrorCode::BadInput, "Den centrala mappen har andra nycklar än förut. Kontakta IT.",
                         "the share marker's central keys differ from those pinned at enrolment; refused");
    // Signed by the pinned central key: a share writer who changes the unit name or a key is
    // refused.
    verifyMarker(marker, publicKeyFromBase64(*pinnedSign));
    const ShareLayout layout{share};
    const DeviceKey device = loadOrCreateDeviceKey(dataDir, store.deviceId());
    Receipts receipts;
    // Receipts already on the share first, so acknowledged events are not sent again.
    progress(0.1, "Läser kvitton");
    result.eventsConfirmed += readReceipts(store, layout, marker.centralSignPk, clock, receipts);

    // 2.-3. One batch with every event not yet acknowledged, then recorded as sent.
    if (isValidId(store.roster().boundSiteId())) removeStaleTemporaries(store, layout, clock);
    writeBatch(store, layout, marker, device, clock, progress, result);

    // 4. The newest valid roster bundle.
    progress(0.85, "Letar efter nytt register");
    applyNewestBundle(store, layout, marker.centralSignPk, device, result);

    // 5. Receipts.
    progress(0.95, "Läser kvitton");
    result.eventsConfirmed += readReceipts(store, layout, marker.centralSignPk, clock, receipts);
    result.receiptsIgnored = static_cast<std::int64_t>(receipts.ignored.size());
    std::int64_t waiting = 0;
    for (const auto& [kind, n] : store.ledger().queuedCountByKind()) waiting += n;
    result.stillUnconfirmed = waiting;

    const UtcMs now = clock.nowUtc();
    store.settings().setValues({{store::kSettingLastSyncUtc, std::to_string(now)},
                            {store::kSettingLastSyncResult, (result.ok() ? "Klar " : "Klar med problem ") +
                                                                stockholmStamp(now) + ". " + result.summary()}});
    // Central now holds what it acknowledged: what the retention allows leaves the kiosk.
    store::purgeExpiredQuietly(store, now);
    progress(1.0, "Klart");
    platform::logInfo("sync finished: sent " + std::to_string(result.eventsSent) + ", confirmed " +
                      std::to_string(result.eventsConfirmed) + ", problems " + std::to_string(result.problems.size()));
    return result;
  } catch (const DagverkError& e) {
    platform::logError(std::string("sync failed: ") + e.english());
    recordSyncFailure(store, e.swedish());
    throw;
  }
}

} // namespace dagverk::sync
