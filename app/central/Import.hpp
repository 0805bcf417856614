#pragma once
// `dagverk-central import`: every new batch on the share into the central database, exactly once.
//
// Order of checks per batch: manifest (decodes, names its own directory's site and device),
// batch file size and SHA-256 against the manifest, then — if central already holds that batch
// id with that hash — nothing more (a known batch is skipped without decrypting; when its
// manifest names the stored hash and the file has the manifest's size, without even reading it:
// central keeps the verified copy it imported); otherwise the cleartext device id, the device's enrolment for that site, signature and decryption
// (openBatch), the contents against the manifest, and finally one transaction (importBatch).
//
// Concurrency: two imports at once are safe by transactional dedupe (BEGIN IMMEDIATE per batch,
// primary keys on batch id and event id); there is no lock file. Receipts are written after a
// durability barrier (CentralStore::syncToDisk) and never overwritten, so a killed import,
// re-run, writes the receipts it had not written yet.
//
// Quarantine: rejected files are moved after every batch is committed and synced, under the
// database's write lock, reason file first, then the batch, then its manifest. A move that
// cannot be finished is reported (QuarantinedBatch::complete false, exit 1) and left for the
// next run: a batch still in the inbox is rejected again; a manifest whose batch is already in
// quarantine follows it (quarantinesCompleted).
#include "central/CentralStore.hpp"
#include "core/Clock.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dagverk::central {

struct QuarantinedBatch {
  std::string deviceId;
  std::string fileName; // the batch (or manifest) file's name on the share
  std::string reason;   // English, no names
  // False if this run could not finish moving it to quarantine: the batch (or, once the batch
  // is there, its manifest) is still in the inbox. The next import finishes the move.
  bool complete = true;
};

struct ImportSummary {
  std::int64_t batchesImported = 0;
  std::int64_t batchesAlreadyImported = 0;
  std::int64_t batchesQuarantined = 0;
  std::int64_t newEvents = 0;
  std::int64_t duplicateEvents = 0;
  std::int64_t ignoredFiles = 0;
  std::int64_t receiptsWritten = 0;
  std::int64_t receiptErrors = 0; // receipts that could not be written (re-run writes them)
  bool receiptDiskFull = false;    // at least one of them because the share's disk is full
  std::int64_t quarantineIncomplete = 0; // quarantines this run could not finish (re-run does)
  std::int64_t quarantinesCompleted = 0; // manifests an earlier, interrupted quarantine left behind
  std::int64_t receiptMs = 0;     // time spent writing receipts (each fsynced on the share)
  std::int64_t rosterVersion = 0; // the roster version central holds after the run
  bool rosterUpdated = false;
  std::vector<QuarantinedBatch> quarantined;
  bool ok() const { return batchesQuarantined == 0 && receiptErrors == 0 && quarantineIncomplete == 0; }
};

// Throws ShareMissing (no marker), KeysMissing (no central keys), BadInput (the keys are not
// the share's). Everything about single files is handled and counted, never thrown.
ImportSummary runImport(const std::filesystem::path& share, const std::filesystem::path& keysDir,
                        CentralStore& store, const Clock& clock);

// The summary as the command prints it (Swedish, counts only).
std::string formatImportSummary(const ImportSummary& s);

} // namespace dagverk::central
