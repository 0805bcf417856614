#include "central/Import.hpp"

#include "central/Admin.hpp"
#include "core/Error.hpp"
#include "core/InputLimits.hpp"
#include "core/RosterCsv.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "platform/SystemClock.hpp"
#include "store/Database.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace dagverk::central {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Directory and file names on the share are ids when a kiosk made them; anything else may be
// free text a person typed, so it never reaches the log.
std::string loggable(const std::string& name) {
  if (name.empty() || name.size() > 128) return "(name withheld)";
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return "(name withheld)";
  return name;
}

struct Pending {
  sync::Receipt receipt;
};

class Importer {
public:
  Importer(const fs::path& share, const fs::path& keysDir, CentralStore& store, const Clock& clock)
      : layout_{share}, keysDir_(keysDir), store_(store), clock_(clock) {}

  ImportSummary run() {
    keys_ = loadKeysForShare(layout_.root, keysDir_);
    enrolled_ = sync::loadEnrolled(keysDir_);
    revoked_ = sync::loadRevoked(keysDir_);
    applyNewestBundle();
    // Every walk of the share goes through listBeneath: a symbolic link anywhere is skipped
    // (logged without its name and counted as ignored), never followed.
    const fs::path inbox = layout_.root / "inbox";
    const platform::DirectoryListing top = platform::listBeneath(layout_.root, inbox);
    summary_.ignoredFiles += static_cast<std::int64_t>(top.links);
    for (const auto& name : top.files) ignore("inbox", name, inbox / name, "file outside a device folder");
    for (const auto& site : top.directories) {
      const fs::path siteDir = inbox / site;
      const platform::DirectoryListing inSite = platform::listBeneath(layout_.root, siteDir);
      summary_.ignoredFiles += static_cast<std::int64_t>(inSite.links);
      for (const auto& name : inSite.files)
        ignore("inbox/" + loggable(site), name, siteDir / name, "file outside a device folder");
      for (const auto& device : inSite.directories) scanDevice(site, device);
    }
    if (summary_.batchesImported > 0 || !pending_.empty()) store_.syncToDisk(clock_.nowUtc());
    // Rejected files are moved only now, after every database write of the batches: a storage
    // error that stops the run above leaves them in the inbox, so the next run rejects them again
    // and tells the operator (a run that stops prints no summary).
    for (const auto& r : rejected_) moveToQuarantine(r.site, r.device, r.batchName, r.manifestName, r.reason);
    const std::int64_t receiptsStart = platform::monotonicMs();
    writeReceipts();
    summary_.receiptMs = platform::monotonicMs() - receiptsStart;
    summary_.rosterVersion = store_.rosterVersion();
    platform::logInfo("import done: " + std::to_string(summary_.batchesImported) + " batches imported, " +
                      std::to_string(summary_.batchesAlreadyImported) + " already imported, " +
                      std::to_string(summary_.batchesQuarantined) + " quarantined, " +
                      std::to_string(summary_.newEvents) + " new events, " +
                      std::to_string(summary_.duplicateEvents) + " duplicate events, " +
                      std::to_string(summary_.ignoredFiles) + " files ignored, " +
                      std::to_string(summary_.receiptsWritten) + " receipts written in " +
                      std::to_string(summary_.receiptMs) + " ms");
    return summary_;
  }

private:
  void applyNewestBundle() {
    const NewestBundle newest = findNewestBundle(layout_.root, keys_);
    if (!newest.contents) return;
    const sync::BundleContents& b = *newest.contents;
    if (b.version <= store_.rosterVersion()) return;
    try {
      RosterFiles roster = parseRosterCsv(b.sitesCsv, b.participantsCsv, b.activitiesCsv);
      parseStaffCsv(b.staffCsv, roster);
      store_.storeRoster(roster, b.version, toStockholm(b.createdUtc).date);
      summary_.rosterUpdated = true;
      platform::logInfo("roster from bundle version " + std::to_string(b.version) + " stored");
    } catch (const DagverkError& e) {
      platform::logError("bundle version " + std::to_string(b.version) + " holds an invalid roster, not stored: " +
                         e.english());
    }
  }

  void ignore(const std::string& where, const std::string& name, const fs::path& path, const std::string& why) {
    ++summary_.ignoredFiles;
    // Only names we recognise are logged; an unknown name may be free text.
    const std::string l = lower(name);
    std::string shown;
    if (l == "desktop.ini" || l == "thumbs.db" || l == ".ds_store")
      shown = name;
    else if (endsWith(l, ".tmp"))
      shown = "a temporary file (*.tmp)";
    else if (endsWith(l, ".batch") || endsWith(l, ".manifest"))
      shown = loggable(name);
    else
      shown = "an unknown file";
    platform::logInfo("ignored " + shown + " in " + where + " (" + std::to_string(sizeOf(path)) + " bytes): " + why);
  }

  // On the share, never through a symbolic link: a link is there (and moved as a link, never
  // its target) but has no size (-1), and is never read.
  bool exists(const fs::path& p) const {
    return platform::entryKindBeneath(layout_.root, p) != platform::EntryKind::Missing;
  }
  std::int64_t sizeOf(const fs::path& p) const { return platform::fileSizeBeneath(layout_.root, p); }

  static bool isSystemJunk(const std::string& name) {
    const std::string l = lower(name);
    return l == "desktop.ini" || l == "thumbs.db" || l == ".ds_store" || endsWith(l, ".tmp");
  }

  void scanDevice(const std::string& site, const std::string& device) {
    const fs::path dir = layout_.root / "inbox" / site / device;
    const std::string where = "inbox/" + loggable(site) + "/" + loggable(device);
    const platform::DirectoryListing listing = platform::listBeneath(layout_.root, dir);
    summary_.ignoredFiles += static_cast<std::int64_t>(listing.links);
    for (const auto& sub : listing.directories)
      platform::logInfo("ignored a folder inside " + where + " (" + loggable(sub) + ")");

    struct Candidate {
      sync::Manifest manifest;
      std::string manifestName;
    };
    std::vector<Candidate> candidates;
    std::set<std::string> batchFiles;
    std::vector<std::string> others;
    for (const auto& name : listing.files) {
      const fs::path path = dir / name;
      if (isSystemJunk(name)) {
        ignore(where, name, path, "system or temporary file");
      } else if (endsWith(name, ".manifest")) {
        if (sizeOf(path) == 0) {
          ignore(where, name, path, "empty file");
          continue;
        }
        try {
          sync::Manifest m = sync::decodeManifest(sync::readShareFile(
              layout_.root, path, limits::kManifestBytes, ErrorCode::BatchRejected,
              "Manifestet för en batch är för stort och batchen lästes inte in.", "manifest"));
          if (m.deviceId != device || m.siteId != site)
            throw DagverkError(ErrorCode::BatchRejected, "Manifestet ligger i fel mapp.",
                               "manifest names device " + m.deviceId + " at site " + m.siteId +
                                   " but lies in another device's folder");
          if (!endsWith(m.batchFile, ".batch"))
            throw DagverkError(ErrorCode::BatchRejected, "Manifestet pekar inte på en batchfil.",
                               "manifest's batchFile does not end in .batch");
          candidates.push_back({std::move(m), name});
        } catch (const DagverkError& e) {
          // A manifest we cannot trust: it and the batch of the same name go to quarantine.
          const std::string stem = name.substr(0, name.size() - std::string(".manifest").size());
          const std::string batchName = stem + ".batch";
          if (exists(dir / batchName))
            quarantine(site, device, batchName, name, e.english());
          else if (!completeEarlierQuarantine(site, device, batchName, name))
            quarantine(site, device, std::string(), name, e.english());
          batchFiles.erase(batchName);
          claimed_.insert(dir / batchName);
        }
      } else if (endsWith(name, ".batch")) {
        batchFiles.insert(name);
      } else {
        others.push_back(name);
      }
    }
    // Per device in batch-number order (then by name, so a re-sent number has a fixed order).
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.manifest.batchSeq != b.manifest.batchSeq ? a.manifest.batchSeq < b.manifest.batchSeq
                                                         : a.manifestName < b.manifestName;
    });
    std::set<std::string> referenced;
    for (const auto& c : candidates) {
      referenced.insert(c.manifest.batchFile);
      processBatch(site, device, c.manifest, c.manifestName);
    }
    for (const auto& name : batchFiles) {
      if (referenced.count(name) || claimed_.count(dir / name)) continue;
      const fs::path path = dir / name;
      if (!exists(path)) continue;
      ignore(where, name, path, sizeOf(path) == 0 ? "empty file" : "batch without a manifest");
    }
    for (const auto& name : others) {
      const fs::path path = dir / name;
      ignore(where, name, path, sizeOf(path) == 0 ? "empty file" : "unknown file");
    }
  }

  bool signedByRevokedKey(const std::string& device, const std::string& bytes) const {
    for (const auto& r : revoked_) {
      if (r.deviceId != device) continue;
      try {
        sync::openBatch(bytes, r.signPk, keys_);
        return true;
      } catch (const DagverkError&) {
      }
    }
    return false;
  }

  const sync::EnrolledDevice* enrolledFor(const std::string& device) const {
    for (const auto& d : enrolled_)
      if (d.deviceId == device) return &d;
    return nullptr;
  }

  void reject(const std::string& site, const std::string& device, const sync::Manifest& m,
              const std::string& manifestName, const std::string& reason) {
    const fs::path dir = layout_.root / "inbox" / site / device;
    quarantine(site, device, exists(dir / m.batchFile) ? m.batchFile : std::string(), manifestName, reason);
  }

  void processBatch(const std::string& site, const std::string& device, const sync::Manifest& m,
                    const std::string& manifestName) {
    const fs::path dir = layout_.root / "inbox" / site / device;
    const fs::path batchPath = dir / m.batchFile;
    const std::string where = "inbox/" + site + "/" + device;
    if (goingToQuarantine_.count(batchPath)) {
      // Another manifest of this run named the same batch file and was rejected: as if moved.
      ++summary_.ignoredFiles;
      platform::logInfo("ignored manifest " + loggable(manifestName) + " in " + where +
                        ": its batch file goes to quarantine with another manifest");
      return;
    }
    if (!exists(batchPath)) {
      if (completeEarlierQuarantine(site, device, m.batchFile, manifestName)) return;
      // The kiosk re-sends what stays unacknowledged; nothing here to keep or move.
      ++summary_.ignoredFiles;
      platform::logInfo("ignored manifest " + loggable(manifestName) + " in " + where + ": its batch file is missing");
      return;
    }
    // A batch central already holds under this id with the hash its manifest names: nothing to
    // read, hash, decrypt or import (re-import of a known share). A file that no longer matches
    // its manifest changes nothing either: central keeps the verified copy it imported.
    if (auto known = store_.findBatch(m.batchId);
        known && known->sha256 == m.sha256 && sizeOf(batchPath) == m.byteSize) {
      ++summary_.batchesAlreadyImported;
      queueReceipt(*known);
      return;
    }
    std::string bytes;
    try {
      // Never more than the manifest promised: a larger file is refused from its size alone.
      bytes = sync::readShareFile(layout_.root, batchPath, static_cast<std::size_t>(m.byteSize),
                                  ErrorCode::BatchRejected, "Batchfilen är större än sitt manifest och lästes inte in.",
                                  "batch");
    } catch (const DagverkError& e) {
      reject(site, device, m, manifestName, "cannot read the batch file: " + std::string(e.english()));
      return;
    }
    if (static_cast<std::int64_t>(bytes.size()) != m.byteSize) {
      reject(site, device, m, manifestName,
             "size mismatch: manifest says " + std::to_string(m.byteSize) + " bytes, file has " +
                 std::to_string(bytes.size()));
      return;
    }
    const std::string sha = sync::sha256Hex(bytes);
    if (sha != m.sha256) {
      reject(site, device, m, manifestName, "SHA-256 mismatch: the batch file is not the one the manifest describes");
      return;
    }
    // A batch central already holds, byte for byte: nothing to decrypt or import.
    if (auto known = store_.findBatch(m.batchId)) {
      if (known->sha256 == sha) {
        ++summary_.batchesAlreadyImported;
        queueReceipt(*known);
      } else {
        reject(site, device, m, manifestName,
               "hash conflict: batch id " + m.batchId + " was imported before with another SHA-256 (" +
                   known->sha256 + "); this file was not imported");
      }
      return;
    }
    sync::BatchContents contents;
    try {
      const std::string peeked = sync::peekBatchDeviceId(bytes);
      if (peeked != device)
        throw DagverkError(ErrorCode::BatchRejected, "Batchen kommer från en annan enhet än mappen säger.",
                           "batch header names device " + peeked + ", the folder another");
      // Any batch not yet imported that a revoked key signed is refused, whatever its number:
      // once a key may be in someone else's hands, nothing new it signed can be the kiosk's.
      if (signedByRevokedKey(device, bytes))
        throw DagverkError(ErrorCode::NotEnrolled, "Enhetens nyckel är spärrad.",
                           "revoked: the batch is signed with a revoked key of device " + device);
      const sync::EnrolledDevice* enrolled = enrolledFor(device);
      if (!enrolled)
        throw DagverkError(ErrorCode::NotEnrolled, "Enheten är inte registrerad.",
                           "device " + device + " is not enrolled");
      if (enrolled->siteId != site)
        throw DagverkError(ErrorCode::NotEnrolled, "Enheten är registrerad för en annan verksamhet.",
                           "device " + device + " is enrolled for site " + enrolled->siteId + ", not for site " + site);
      contents = sync::openBatch(bytes, enrolled->signPk, keys_);
      checkAgainstManifest(contents, m, site, device);
    } catch (const DagverkError& e) {
      reject(site, device, m, manifestName, e.english());
      return;
    }
    BatchImportResult r;
    try {
      r = store_.importBatch(contents, sha, m.batchFile, clock_.nowUtc());
    } catch (const DagverkError& e) {
      if (e.code() != ErrorCode::BatchRejected) throw; // storage trouble stops the run
      reject(site, device, m, manifestName, e.english());
      return;
    }
    if (r.hashConflict) {
      reject(site, device, m, manifestName,
             "hash conflict: batch id " + m.batchId + " was imported with another SHA-256; this file was not imported");
      return;
    }
    if (r.alreadyImported) {
      ++summary_.batchesAlreadyImported; // another import took it a moment ago
    } else {
      ++summary_.batchesImported;
      summary_.newEvents += r.newEvents;
      summary_.duplicateEvents += r.duplicateEvents;
      platform::logInfo("imported batch " + std::to_string(m.batchSeq) + " of device " + device + ": " +
                        std::to_string(r.newEvents) + " new, " + std::to_string(r.duplicateEvents) + " duplicate events");
    }
    if (auto stored = store_.findBatch(m.batchId)) queueReceipt(*stored);
  }

  static void checkAgainstManifest(const sync::BatchContents& c, const sync::Manifest& m, const std::string& site,
                                   const std::string& device) {
    auto bad = [](const std::string& what) {
      return DagverkError(ErrorCode::BatchRejected, "Batchen stämmer inte med sitt manifest.",
                          "batch contents do not match the manifest: " + what);
    };
    if (c.batchId != m.batchId) throw bad("batch id");
    if (c.deviceId != device || c.deviceId != m.deviceId) throw bad("device id");
    if (c.siteId != site || c.siteId != m.siteId) throw bad("site id");
    if (c.batchSeq != m.batchSeq) throw bad("batch number");
    if (c.schemaVersion != m.schemaVersion) throw bad("schema version");
    // How many events and which sequence numbers come from the signed batch itself; the manifest
    // no longer carries them in the clear.
    for (const auto& e : c.events) {
      if (e.deviceId != device) throw bad("an event of another device");
      if (e.siteId != site) throw bad("an event of another site");
    }
  }

  void queueReceipt(const ImportedBatch& b) {
    sync::Receipt r;
    r.deviceId = b.deviceId;
    r.batchSeq = b.batchSeq;
    r.batchId = b.batchId;
    r.sha256 = b.sha256;
    r.importedUtc = b.importedUtc;
    pending_.push_back({r});
  }

  void writeReceipts() {
    std::set<fs::path> done;
    for (const auto& p : pending_) {
      const sync::Receipt& r = p.receipt;
      const fs::path file = layout_.receiptFile(r.deviceId, r.batchSeq, r.batchId);
      if (!done.insert(file).second || exists(file)) continue;
      // The database's write lock, held while one receipt is written, keeps a second import
      // running at the same moment from writing the same receipt name (writeFileNoReplace
      // assumes one writer per name). Nothing is written to the database.
      store::Transaction writerLock(store_.db());
      if (exists(file)) continue;
      try {
        platform::createDirectoriesBeneath(layout_.root, layout_.receiptsDir(r.deviceId));
        platform::writeFileNoReplace(file, sync::signReceipt(r, keys_));
        ++summary_.receiptsWritten;
      } catch (const DagverkError& e) {
        if (exists(file)) continue; // another import wrote it at the same moment
        ++summary_.receiptErrors;
        if (e.code() == ErrorCode::DiskFull) summary_.receiptDiskFull = true;
        platform::logError("receipt for batch " + std::to_string(r.batchSeq) + " of device " + r.deviceId +
                           " not written (the next import writes it): " + e.english());
      }
    }
  }

  // The prefix ("" or "<k>-") under which a rejected file goes to quarantine: the first under
  // which the file (and its manifest) are free. A reason file already there without its file was
  // written by an earlier attempt that could not move the file; it is used again.
  std::string quarantinePrefix(const fs::path& qdir, const std::string& mainName,
                               const std::string& manifestName) const {
    for (int k = 1;; ++k) {
      const std::string p = k == 1 ? std::string() : std::to_string(k) + "-";
      if (exists(qdir / (p + mainName))) continue;
      if (!manifestName.empty() && exists(qdir / (p + manifestName))) continue;
      return p;
    }
  }

  // rename(2), then fsync of both folders. A failed fsync after the rename took effect does not
  // undo the move: the file is at `to` (logged). Throws only if the file is still at `from`.
  // Both folders are reached without following links (moveFileBeneath): a quarantine folder
  // planted as a link to a local folder makes the move fail, and the files stay on the share.
  void moveChecked(const fs::path& from, const fs::path& to) const {
    try {
      platform::moveFileBeneath(layout_.root, from, to);
    } catch (const DagverkError& e) {
      if (exists(from) || !exists(to)) throw;
      platform::logError("moved " + loggable(from.filename().string()) +
                         " to quarantine, but syncing the folders failed: " + e.english());
    }
  }

  void noteIncomplete(const std::string& device, const std::string& mainName, const std::string& what,
                      const std::string& why) {
    ++summary_.quarantineIncomplete;
    platform::logError("quarantine of " + loggable(mainName) + " of device " + loggable(device) +
                       " is incomplete: " + what + " (the next import completes it): " + why);
  }

  struct Rejected {
    std::string site, device, batchName, manifestName, reason;
  };

  // Queues a rejected batch (if any) and its manifest for quarantine (run() moves them at the end).
  void quarantine(const std::string& site, const std::string& device, const std::string& batchName,
                  const std::string& manifestName, const std::string& reason) {
    if (!batchName.empty()) goingToQuarantine_.insert(layout_.root / "inbox" / site / device / batchName);
    rejected_.push_back({site, device, batchName, manifestName, reason});
  }

  // Moves the batch (if any) and its manifest to quarantine/<device>/, next to a reason file
  // written FIRST: whatever fails part way, a file in quarantine has its reason beside it, and
  // what is still in the inbox is picked up by the next import (the batch is rejected again; a
  // manifest whose batch is already in quarantine follows it, completeEarlierQuarantine).
  // The database's write lock is held throughout, so two imports at once never move the same
  // file: the second one finds it gone and leaves it to the first, which records it.
  void moveToQuarantine(const std::string& site, const std::string& device, const std::string& batchName,
                        const std::string& manifestName, const std::string& reason) {
    const fs::path src = layout_.root / "inbox" / site / device;
    const fs::path qdir = layout_.quarantineDir(device);
    const std::string mainName = batchName.empty() ? manifestName : batchName;
    store::Transaction lock(store_.db());
    if (!exists(src / mainName)) return; // another import quarantined it a moment ago
    const UtcMs now = clock_.nowUtc();
    bool mainMoved = false;
    bool complete = false;
    try {
      platform::createDirectoriesBeneath(layout_.root, qdir);
      const std::string prefix = quarantinePrefix(qdir, mainName, batchName.empty() ? std::string() : manifestName);
      const fs::path reasonFile = qdir / (prefix + mainName + ".reason.txt");
      if (!exists(reasonFile)) {
        std::ostringstream text;
        text << "Quarantined by dagverk-central import\n"
             << "site: " << site << "\ndevice: " << device
             << "\nbatch file: " << (batchName.empty() ? "-" : batchName) << "\nmanifest: " << manifestName
             << "\nat (UTC ms): " << now << "\nreason: " << reason << "\n";
        try {
          platform::writeFileNoReplace(reasonFile, text.str());
        } catch (const DagverkError& e) {
          if (!exists(reasonFile)) throw;
          platform::logError("wrote the quarantine reason file for " + loggable(mainName) +
                             ", but syncing its folder failed: " + e.english());
        }
      }
      moveChecked(src / mainName, qdir / (prefix + mainName));
      mainMoved = true;
      if (!batchName.empty() && exists(src / manifestName))
        moveChecked(src / manifestName, qdir / (prefix + manifestName));
      complete = true;
    } catch (const DagverkError& e) {
      noteIncomplete(device, mainName,
                     mainMoved ? "its manifest stays in the inbox" : "it stays in the inbox, nothing imported from it",
                     e.english());
    }
    ++summary_.batchesQuarantined;
    summary_.quarantined.push_back({device, mainName, reason, complete});
    platform::logError("QUARANTINED " + loggable(mainName) + " of device " + loggable(device) + ": " + reason);
    // Recorded once the file is in quarantine (a file left in the inbox is rejected and recorded
    // again by the next import). A failure here loses no file and is reported; the run goes on.
    if (!mainMoved) return;
    try {
      store_.recordQuarantine(mainName, device, reason, now);
      lock.commit();
    } catch (const DagverkError& e) {
      // Reported by this run (it lists the batch and exits 1); `status` counts one file fewer.
      platform::logError("quarantine of " + loggable(mainName) + " of device " + loggable(device) +
                         " is not recorded in the central database (the file is in quarantine): " + e.english());
    }
  }

  // A manifest whose batch file is gone from the inbox: if an earlier import moved that batch to
  // quarantine but could not move the manifest after it, the manifest follows it now. Returns
  // false if no quarantined batch is missing this manifest.
  bool completeEarlierQuarantine(const std::string& site, const std::string& device, const std::string& batchFile,
                                 const std::string& manifestName) {
    const fs::path src = layout_.root / "inbox" / site / device;
    const fs::path qdir = layout_.quarantineDir(device);
    std::optional<std::string> prefix;
    for (const auto& name : platform::listBeneath(layout_.root, qdir).files) {
      if (name.size() < batchFile.size() || name.compare(name.size() - batchFile.size(), batchFile.size(), batchFile) != 0)
        continue;
      const std::string p = name.substr(0, name.size() - batchFile.size());
      const bool numbered = p.size() >= 2 && p.back() == '-' &&
                            std::all_of(p.begin(), p.end() - 1, [](unsigned char c) { return std::isdigit(c) != 0; });
      if (!p.empty() && !numbered) continue;
      if (exists(qdir / (p + manifestName))) continue;
      prefix = p;
      break;
    }
    if (!prefix) return false;
    store::Transaction lock(store_.db());
    if (!exists(src / manifestName)) return true; // another import moved it a moment ago
    try {
      moveChecked(src / manifestName, qdir / (*prefix + manifestName));
      ++summary_.quarantinesCompleted;
      platform::logInfo("completed an earlier quarantine: moved manifest " + loggable(manifestName) + " of device " +
                        loggable(device) + " from the inbox to its batch in quarantine");
    } catch (const DagverkError& e) {
      // Still not done: reported like a quarantine of this run, so the run does not pass as clean.
      ++summary_.batchesQuarantined;
      summary_.quarantined.push_back({device, batchFile, "quarantined earlier; its manifest could not follow it", false});
      noteIncomplete(device, batchFile, "its manifest stays in the inbox", e.english());
    }
    return true;
  }

  sync::ShareLayout layout_;
  fs::path keysDir_;
  CentralStore& store_;
  const Clock& clock_;
  sync::CentralKeys keys_{};
  std::vector<sync::EnrolledDevice> enrolled_;
  std::vector<sync::RevokedKey> revoked_;
  std::vector<Pending> pending_;
  std::set<fs::path> claimed_;
  std::vector<Rejected> rejected_;
  std::set<fs::path> goingToQuarantine_;
  ImportSummary summary_;
};

} // namespace

ImportSummary runImport(const fs::path& share, const fs::path& keysDir, CentralStore& store, const Clock& clock) {
  Importer importer(share, keysDir, store, clock);
  return importer.run();
}

std::string formatImportSummary(const ImportSummary& s) {
  std::ostringstream out;
  out << "Import klar.\n"
      << "  Batcher importerade:        " << s.batchesImported << "\n"
      << "  Batcher redan importerade:  " << s.batchesAlreadyImported << "\n"
      << "  Batcher i karantän:         " << s.batchesQuarantined << "\n"
      << "  Nya händelser:              " << s.newEvents << "\n"
      << "  Dubbletter (redan kända):   " << s.duplicateEvents << "\n"
      << "  Ignorerade filer:           " << s.ignoredFiles << "\n"
      << "  Kvitton skrivna:            " << s.receiptsWritten << "\n"
      << "  Rosterversion:              " << s.rosterVersion << (s.rosterUpdated ? " (ny)" : "") << "\n";
  if (s.receiptErrors > 0 && s.receiptDiskFull)
    out << "VARNING: Disken är full i den centrala mappen: " << s.receiptErrors
        << " kvitton kunde inte skrivas. Frigör utrymme och kör importen igen.\n";
  else if (s.receiptErrors > 0)
    out << "VARNING: " << s.receiptErrors
        << " kvitton kunde inte skrivas till den centrala mappen. Kör importen igen när mappen går att skriva till.\n";
  if (!s.quarantined.empty()) {
    out << "VARNING: " << s.quarantined.size()
        << " batcher lades i karantän (quarantine/). Inget från dem har importerats:\n";
    for (const auto& q : s.quarantined)
      out << "  " << q.deviceId << "/" << q.fileName << ": " << q.reason
          << (q.complete ? "" : " (INTE KLAR: ligger kvar i inkorgen, helt eller delvis)") << "\n";
  }
  if (s.quarantineIncomplete > 0)
    out << "VARNING: karantänen kunde inte göras klar för " << s.quarantineIncomplete
        << " fil(er) (fel vid skrivning till den centrala mappen eller databasen). Inget har importerats från "
           "dem och inget har gått förlorat. Kör importen igen: den gör karantänen klar.\n";
  if (s.quarantinesCompleted > 0)
    out << "Karantän från en tidigare import gjordes klar för " << s.quarantinesCompleted
        << " batcher (manifest flyttade från inkorgen).\n";
  return out.str();
}

} // namespace dagverk::central
