// The central import in-process, over a real share directory with real sealed batches.
#include "CentralTestSupport.hpp"

using namespace dagverk;
using namespace dagverk::test;
using central::CentralStore;

namespace {

std::vector<std::vector<std::string>> eventRows(const fs::path& db) {
  RawDb raw(db);
  return raw.rows("SELECT id, device_id, seq, recorded_utc, site_id, kind, subject_id, payload, local_date, batch_id "
                  "FROM event ORDER BY device_id, seq");
}

long long count(const fs::path& db, const std::string& sql) {
  RawDb raw(db);
  return raw.integer(sql);
}

} // namespace

TEST_CASE("import: batches import once and every receipt verifies with the central key") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w1 = f.write(ShareFixture::batch(a, "liljan", 1, 1, 5, baseTime()), a);
  const auto w2 = f.write(ShareFixture::batch(a, "liljan", 2, 6, 3, baseTime() + kDay), a);
  const auto s = f.import(baseTime() + 2 * kDay);
  CHECK(s.batchesImported == 2);
  CHECK(s.batchesAlreadyImported == 0);
  CHECK(s.batchesQuarantined == 0);
  CHECK(s.newEvents == 8);
  CHECK(s.duplicateEvents == 0);
  CHECK(s.ignoredFiles == 0);
  CHECK(s.receiptsWritten == 2);
  CHECK(s.ok());
  CHECK(count(f.db, "SELECT count(*) FROM event") == 8);
  const sync::ShareLayout layout{f.share};
  for (const auto* w : {&w1, &w2}) {
    const fs::path rf = layout.receiptFile("kioskA", w->contents.batchSeq, w->contents.batchId);
    REQUIRE(fs::exists(rf));
    const auto r = sync::openReceipt(readBytes(rf), f.centralKeys.signPk);
    CHECK(r.deviceId == "kioskA");
    CHECK(r.batchId == w->contents.batchId);
    CHECK(r.batchSeq == w->contents.batchSeq);
    CHECK(r.sha256 == w->sha256);
    // A receipt does not verify with a key that is not the central one.
    const auto other = f.device("kioskZ", "liljan", false);
    CHECK_THROWS_AS(sync::openReceipt(readBytes(rf), other.signPk), DagverkError);
  }
  // The batches stay where the kiosk put them.
  CHECK(fs::exists(w1.batch));
  CHECK(fs::exists(w1.manifest));
}

TEST_CASE("import: the same share imported twice changes nothing and rewrites no receipt") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  for (int i = 1; i <= 3; ++i) f.write(ShareFixture::batch(a, "liljan", i, 1 + (i - 1) * 4, 4, baseTime() + i * kDay), a);
  f.import(baseTime() + 5 * kDay);
  const auto before = eventRows(f.db);
  const auto receiptDir = sync::ShareLayout{f.share}.receiptsDir("kioskA");
  std::map<std::string, std::string> receiptBytes;
  for (const auto& r : f.receipts("kioskA")) receiptBytes[r] = readBytes(receiptDir / r);
  const auto s = f.import(baseTime() + 6 * kDay);
  CHECK(s.batchesImported == 0);
  CHECK(s.batchesAlreadyImported == 3);
  CHECK(s.newEvents == 0);
  CHECK(s.receiptsWritten == 0);
  CHECK(s.ok());
  CHECK(eventRows(f.db) == before);
  for (const auto& [name, bytes] : receiptBytes) CHECK(readBytes(receiptDir / name) == bytes);
  CHECK(count(f.db, "SELECT count(*) FROM batch") == 3);
  // A known batch is not read again: a byte changed in it afterwards changes nothing central
  // holds (it keeps the verified copy), and nothing is quarantined.
  const fs::path first = f.share / "inbox" / "liljan" / "kioskA";
  for (const auto& name : platform::listFiles(first)) {
    if (name.size() < 6 || name.substr(name.size() - 6) != ".batch") continue;
    std::string bytes = readBytes(first / name);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    writeBytes(first / name, bytes);
  }
  const auto s3 = f.import(baseTime() + 7 * kDay);
  CHECK(s3.batchesAlreadyImported == 3);
  CHECK(s3.batchesQuarantined == 0);
  CHECK(eventRows(f.db) == before);
}

TEST_CASE("import: a batch copied under a new name changes nothing") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 5, baseTime()), a);
  f.import(baseTime() + kDay);
  const auto before = eventRows(f.db);
  const fs::path dir = w.batch.parent_path();
  // A copy of both files (as a file manager's "Copy of ..." would make) and a copy of the
  // batch alone.
  fs::copy_file(w.batch, dir / ("kopia-" + w.batch.filename().string()));
  fs::copy_file(w.manifest, dir / ("kopia-" + w.manifest.filename().string()));
  fs::copy_file(w.batch, dir / "00000009-kopia.batch");
  const auto s = f.import(baseTime() + 2 * kDay);
  CHECK(s.batchesImported == 0);
  CHECK(s.batchesAlreadyImported == 2); // the original and the copied manifest
  CHECK(s.batchesQuarantined == 0);
  CHECK(s.newEvents == 0);
  CHECK(s.ignoredFiles == 2); // the two batch copies have no manifest of their own
  CHECK(eventRows(f.db) == before);
  CHECK(f.receipts("kioskA").size() == 1);
}

TEST_CASE("import: the same batch id with a different hash goes to quarantine with a reason") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto original = ShareFixture::batch(a, "liljan", 1, 1, 5, baseTime());
  const auto w = f.write(original, a);
  f.import(baseTime() + kDay);
  const auto before = eventRows(f.db);
  // Another batch under the same id (a kiosk restored from a backup, say), in its own folder.
  auto impostor = ShareFixture::batch(a, "liljan", 1, 100, 2, baseTime() + kDay);
  impostor.batchId = original.batchId;
  const std::string bytes = sync::sealBatch(impostor, a, f.centralKeys.boxPk);
  const fs::path dir = w.batch.parent_path();
  writeBytes(dir / "00000001-andra.batch", bytes);
  writeBytes(dir / "00000001-andra.manifest",
             sync::encodeManifest(ShareFixture::manifestFor(impostor, bytes, "00000001-andra.batch")));
  const auto s = f.import(baseTime() + 2 * kDay);
  CHECK(s.batchesQuarantined == 1);
  CHECK(s.batchesAlreadyImported == 1);
  CHECK(s.newEvents == 0);
  CHECK_FALSE(s.ok());
  REQUIRE(s.quarantined.size() == 1);
  CHECK(contains(s.quarantined[0].reason, "hash conflict"));
  CHECK(contains(central::formatImportSummary(s), "karantän"));
  CHECK(eventRows(f.db) == before);
  const fs::path q = sync::ShareLayout{f.share}.quarantineDir("kioskA");
  CHECK(fs::exists(q / "00000001-andra.batch"));
  CHECK(fs::exists(q / "00000001-andra.manifest"));
  REQUIRE(fs::exists(q / "00000001-andra.batch.reason.txt"));
  CHECK(contains(readBytes(q / "00000001-andra.batch.reason.txt"), "hash conflict"));
  CHECK_FALSE(fs::exists(dir / "00000001-andra.batch"));
  CHECK(fs::exists(w.batch)); // the original stays
  CHECK(count(f.db, "SELECT count(*) FROM quarantine WHERE file_name = '00000001-andra.batch'") == 1);
  // The next run has nothing left to complain about.
  CHECK(f.import(baseTime() + 3 * kDay).ok());
}

TEST_CASE("import: system, temporary, empty and unknown files are ignored, not quarantined") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  const fs::path dir = w.batch.parent_path();
  writeBytes(dir / "desktop.ini", "[.ShellClassInfo]\r\n");
  writeBytes(dir / "Thumbs.db", std::string(64, '\x01'));
  writeBytes(dir / ".DS_Store", "Bud1");
  writeBytes(dir / "00000002-x.batch.tmp", "half a batch");
  writeBytes(dir / "tomt.manifest", "");
  writeBytes(dir / "Anteckningar om Anna.txt", "free text with a name");
  const auto lone = sync::sealBatch(ShareFixture::batch(a, "liljan", 2, 4, 2, baseTime()), a, f.centralKeys.boxPk);
  writeBytes(dir / "00000002-utan-manifest.batch", lone);
  writeBytes(f.share / "inbox" / "liljan" / "desktop.ini", "x");
  writeBytes(f.share / "inbox" / "Thumbs.db", "x");
  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesImported == 1);
  CHECK(s.newEvents == 3);
  CHECK(s.batchesQuarantined == 0);
  CHECK(s.ignoredFiles == 9);
  CHECK(s.ok());
  // Ignored files stay where they are; nothing went to quarantine.
  CHECK(fs::exists(dir / "00000002-utan-manifest.batch"));
  CHECK(fs::exists(dir / "desktop.ini"));
  CHECK(platform::listDirectories(f.share / "quarantine").empty());
}

TEST_CASE("import: a device that is not enrolled, or enrolled for another site, is quarantined") {
  ShareFixture f;
  const auto stranger = f.device("kioskX", "liljan", false);
  const auto moved = f.device("kioskM", "ornsberg");
  const auto good = f.device("kioskA", "liljan");
  f.write(ShareFixture::batch(stranger, "liljan", 1, 1, 2, baseTime()), stranger);
  f.write(ShareFixture::batch(moved, "liljan", 1, 1, 2, baseTime()), moved);
  f.write(ShareFixture::batch(good, "liljan", 1, 1, 2, baseTime()), good);
  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesImported == 1);
  CHECK(s.batchesQuarantined == 2);
  CHECK(s.newEvents == 2);
  std::map<std::string, std::string> reasons;
  for (const auto& q : s.quarantined) reasons[q.deviceId] = q.reason;
  CHECK(contains(reasons["kioskX"], "not enrolled"));
  CHECK(contains(reasons["kioskM"], "enrolled for site ornsberg"));
  CHECK(count(f.db, "SELECT count(*) FROM event WHERE device_id <> 'kioskA'") == 0);
  CHECK(platform::listFiles(sync::ShareLayout{f.share}.quarantineDir("kioskX")).size() == 3);
  CHECK(f.receipts("kioskX").empty());
}

TEST_CASE("import: a bad signature, a sealed-to-another-key batch and a changed byte are quarantined") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  // 1: signature flipped, manifest updated to match, so only the signature check can catch it.
  const auto w1 = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  std::string bytes = readBytes(w1.batch);
  bytes[bytes.size() - 5] = static_cast<char>(bytes[bytes.size() - 5] ^ 0x10);
  f.rewrite(w1, bytes);
  // 2: signed by another key that claims to be kioskA.
  const auto impostor = f.device("kioskA-other", "liljan", false);
  sync::DeviceKey forged = impostor;
  forged.deviceId = "kioskA";
  const auto b2 = ShareFixture::batch(a, "liljan", 2, 4, 3, baseTime());
  const auto w2 = f.write(b2, a);
  f.rewrite(w2, sync::sealBatch(b2, forged, f.centralKeys.boxPk));
  // 3: sealed to another central key.
  const auto b3 = ShareFixture::batch(a, "liljan", 3, 7, 3, baseTime());
  const auto w3 = f.write(b3, a);
  TempDir otherKeys("ok");
  const auto otherCentral = sync::createCentralKeys(otherKeys / "k");
  f.rewrite(w3, sync::sealBatch(b3, a, otherCentral.boxPk));
  // 4: one byte changed after the manifest was written (hash mismatch).
  const auto w4 = f.write(ShareFixture::batch(a, "liljan", 4, 10, 3, baseTime()), a);
  bytes = readBytes(w4.batch);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  writeBytes(w4.batch, bytes);
  // 5: truncated (size mismatch).
  const auto w5 = f.write(ShareFixture::batch(a, "liljan", 5, 13, 3, baseTime()), a);
  bytes = readBytes(w5.batch);
  writeBytes(w5.batch, bytes.substr(0, bytes.size() - 1));
  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesImported == 0);
  CHECK(s.batchesQuarantined == 5);
  CHECK(count(f.db, "SELECT count(*) FROM event") == 0);
  CHECK(count(f.db, "SELECT count(*) FROM quarantine") == 5);
  std::map<std::int64_t, std::string> reasons;
  for (const auto& q : s.quarantined) reasons[std::stoll(q.fileName.substr(0, 8))] = q.reason;
  CHECK(contains(reasons[4], "SHA-256 mismatch"));
  CHECK(contains(reasons[5], "size mismatch"));
  CHECK(f.receipts("kioskA").empty());
  for (const auto* w : {&w1, &w2, &w3, &w4, &w5}) {
    CHECK_FALSE(fs::exists(w->batch));
    CHECK(fs::exists(sync::ShareLayout{f.share}.quarantineDir("kioskA") / (w->batch.filename().string() + ".reason.txt")));
  }
}

TEST_CASE("import: a batch deleted from the share shows as a gap until the kiosk re-sends it") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  f.write(ShareFixture::batch(a, "liljan", 1, 1, 4, baseTime()), a);
  const auto lost = f.write(ShareFixture::batch(a, "liljan", 2, 5, 4, baseTime() + kDay), a);
  f.write(ShareFixture::batch(a, "liljan", 3, 9, 4, baseTime() + 2 * kDay), a);
  fs::remove(lost.batch);
  fs::remove(lost.manifest);
  f.import(baseTime() + 3 * kDay);
  {
    auto store = CentralStore::openExisting(f.db);
    const auto st = store->deviceStatus();
    REQUIRE(st.size() == 1);
    CHECK(st[0].seqGaps == std::vector<std::pair<std::int64_t, std::int64_t>>{{5, 8}});
    CHECK(st[0].missingBatches == std::vector<std::int64_t>{2});
  }
  CHECK(f.receipts("kioskA").size() == 2);
  // No receipt for events 5-8: the kiosk sends them again with its next batch.
  auto resend = ShareFixture::batch(a, "liljan", 4, 5, 4, baseTime() + kDay);
  const auto more = ShareFixture::batch(a, "liljan", 4, 13, 2, baseTime() + 3 * kDay);
  resend.events.insert(resend.events.end(), more.events.begin(), more.events.end());
  f.write(resend, a);
  const auto s = f.import(baseTime() + 4 * kDay);
  CHECK(s.newEvents == 6);
  auto store = CentralStore::openExisting(f.db);
  const auto st = store->deviceStatus();
  CHECK(st[0].seqGaps.empty());
  CHECK(st[0].events == 14);
}

TEST_CASE("import: a killed import, re-run, gives the same result as one clean run") {
  ShareFixture clean;
  ShareFixture killed;
  std::vector<sync::BatchContents> batches;
  const auto a1 = clean.device("kioskA", "liljan");
  // The same kiosk key in both shares, so the batches are the same.
  killed.enrolByCode(a1, "liljan");
  for (int i = 1; i <= 6; ++i) batches.push_back(ShareFixture::batch(a1, "liljan", i, 1 + (i - 1) * 5, 5, baseTime() + i * kHour));
  for (const auto& b : batches) {
    clean.write(b, a1);
    killed.write(b, a1);
  }
  clean.import(baseTime() + kDay);
  {
    // The killed run got as far as committing three batches; it wrote no receipt.
    auto store = CentralStore::open(killed.db);
    for (int i = 0; i < 3; ++i) {
      const auto& b = batches[static_cast<size_t>(i)];
      const auto bytes = readBytes(sync::ShareLayout{killed.share}.batchFile("liljan", "kioskA", b.batchSeq, b.batchId));
      store->importBatch(b, sync::sha256Hex(bytes), "x", baseTime() + kDay);
    }
  }
  const auto s = killed.import(baseTime() + kDay);
  CHECK(s.batchesImported == 3);
  CHECK(s.batchesAlreadyImported == 3);
  CHECK(s.receiptsWritten == 6);
  auto strip = [](std::vector<std::vector<std::string>> rows) {
    for (auto& r : rows) r.pop_back(); // batch ids are equal anyway; keep the comparison on content
    return rows;
  };
  CHECK(strip(eventRows(killed.db)) == strip(eventRows(clean.db)));
  CHECK(killed.receipts("kioskA") == clean.receipts("kioskA"));
  // A receipt lost after it was written comes back on the next run, and nothing else changes.
  const auto receiptDir = sync::ShareLayout{killed.share}.receiptsDir("kioskA");
  fs::remove(receiptDir / killed.receipts("kioskA").back());
  const auto again = killed.import(baseTime() + 2 * kDay);
  CHECK(again.receiptsWritten == 1);
  CHECK(again.newEvents == 0);
  CHECK(killed.receipts("kioskA") == clean.receipts("kioskA"));
}

TEST_CASE("import: the roster of the newest bundle is stored in the central database") {
  ShareFixture f;
  central::PublishInput in;
  in.sitesCsv = demoFile("sites.csv");
  in.participantsCsv = demoFile("participants.csv");
  in.activitiesCsv = demoFile("activities.csv");
  in.staffCsv = demoFile("staff.csv");
  ManualClock clock(baseTime());
  CHECK(central::publishBundle(f.share, f.keys, in, clock).version == 1);
  CHECK(central::publishBundle(f.share, f.keys, in, clock).version == 2);
  const auto s = f.import(baseTime());
  CHECK(s.rosterUpdated);
  CHECK(s.rosterVersion == 2);
  CHECK(count(f.db, "SELECT count(*) FROM roster_site") >= 2);
  CHECK_FALSE(f.import(baseTime()).rosterUpdated);
}

TEST_CASE("import: a missing share, missing keys or keys of another share stop before anything is written") {
  ShareFixture f;
  TempDir other("o");
  auto e = errorFrom([&] { central::runImport(other / "nowhere", f.keys, *CentralStore::open(f.db), ManualClock(0)); });
  CHECK(e.code() == ErrorCode::ShareMissing);
  CHECK(contains(e.swedish(), "Den centrala mappen hittas inte"));
  e = errorFrom([&] { central::runImport(f.share, other / "nokeys", *CentralStore::open(f.db), ManualClock(0)); });
  CHECK(e.code() == ErrorCode::KeysMissing);
  fs::create_directories(other / "share2");
  central::initShare(other / "share2", other / "keys2", "Annan");
  e = errorFrom([&] { central::runImport(f.share, other / "keys2", *CentralStore::open(f.db), ManualClock(0)); });
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(contains(e.english(), "do not match"));
}

TEST_CASE("import: a manifest that does not decode, or lies in another device's folder, is quarantined with its batch") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto b = f.device("kioskB", "liljan");
  const auto w1 = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  writeBytes(w1.manifest, "{ \"batchFile\": 12, ");
  // kioskB's batch and manifest copied into kioskA's folder.
  const auto w2 = f.write(ShareFixture::batch(b, "liljan", 1, 1, 3, baseTime()), b);
  const fs::path aDir = w1.batch.parent_path();
  fs::copy_file(w2.batch, aDir / w2.batch.filename());
  fs::copy_file(w2.manifest, aDir / w2.manifest.filename());
  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesQuarantined == 2);
  CHECK(s.batchesImported == 1); // kioskB's own, in its own folder
  CHECK(count(f.db, "SELECT count(*) FROM event WHERE device_id = 'kioskA'") == 0);
  const fs::path q = sync::ShareLayout{f.share}.quarantineDir("kioskA");
  CHECK(fs::exists(q / w1.batch.filename()));
  CHECK(fs::exists(q / w1.manifest.filename()));
  CHECK(contains(readBytes(q / (w1.batch.filename().string() + ".reason.txt")), "manifest rejected"));
  CHECK(contains(readBytes(q / (w2.batch.filename().string() + ".reason.txt")), "another device's folder"));
  CHECK(platform::listFiles(aDir).empty());
}

TEST_CASE("import: a manifest an interrupted quarantine left in the inbox follows its batch on the next run") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const sync::ShareLayout layout{f.share};
  const fs::path q = layout.quarantineDir("kioskA");
  // Batch 1: the earlier run moved the batch (reason first) but not its manifest.
  const auto w1 = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  // Batch 2: the same, under a numbered name (its plain name was taken in quarantine), and with
  // a manifest that does not decode.
  const auto w2 = f.write(ShareFixture::batch(a, "liljan", 2, 4, 3, baseTime()), a);
  writeBytes(w2.manifest, "{ \"batchFile\": 12, ");
  platform::createDirectories(q);
  fs::rename(w1.batch, q / w1.batch.filename());
  writeBytes(q / (w1.batch.filename().string() + ".reason.txt"), "reason: SHA-256 mismatch\n");
  writeBytes(q / w2.batch.filename(), "an older file of that name");
  writeBytes(q / w2.manifest.filename(), "its manifest");
  fs::rename(w2.batch, q / ("2-" + w2.batch.filename().string()));
  writeBytes(q / ("2-" + w2.batch.filename().string() + ".reason.txt"), "reason: manifest rejected\n");
  // Batch 3: a good one, imported as usual.
  f.write(ShareFixture::batch(a, "liljan", 3, 7, 3, baseTime()), a);

  const auto s = f.import(baseTime() + kDay);
  CHECK(s.quarantinesCompleted == 2);
  CHECK(s.batchesQuarantined == 0);
  CHECK(s.quarantineIncomplete == 0);
  CHECK(s.batchesImported == 1);
  CHECK(s.ok());
  CHECK(contains(central::formatImportSummary(s), "tidigare import"));
  CHECK(fs::exists(q / w1.manifest.filename()));
  CHECK(fs::exists(q / ("2-" + w2.manifest.filename().string())));
  CHECK(readBytes(q / w2.manifest.filename()) == "its manifest"); // the older file is left alone
  CHECK(platform::listFiles(q).size() == 8); // 3 + 3 for the two batches, and the 2 older files
  CHECK_FALSE(fs::exists(w1.manifest));
  CHECK_FALSE(fs::exists(w2.manifest));
  // Nothing of the two was imported; the next run has nothing to do.
  CHECK(count(f.db, "SELECT count(*) FROM event") == 3);
  const auto again = f.import(baseTime() + 2 * kDay);
  CHECK(again.ok());
  CHECK(again.quarantinesCompleted == 0);
  CHECK(again.ignoredFiles == 0);
}

TEST_CASE("import: a reason file an interrupted quarantine wrote is used again and nothing is left twice") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  std::string bytes = readBytes(w.batch);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  writeBytes(w.batch, bytes);
  // The earlier run wrote the reason file, then could not move the batch.
  const fs::path q = sync::ShareLayout{f.share}.quarantineDir("kioskA");
  platform::createDirectories(q);
  const fs::path reason = q / (w.batch.filename().string() + ".reason.txt");
  writeBytes(reason, "reason: SHA-256 mismatch (earlier run)\n");
  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesQuarantined == 1);
  REQUIRE(s.quarantined.size() == 1);
  CHECK(s.quarantined[0].complete);
  CHECK(s.quarantineIncomplete == 0);
  CHECK(platform::listFiles(q).size() == 3);
  CHECK(fs::exists(q / w.batch.filename()));
  CHECK(fs::exists(q / w.manifest.filename()));
  CHECK(readBytes(reason) == "reason: SHA-256 mismatch (earlier run)\n");
  CHECK(count(f.db, "SELECT count(*) FROM quarantine") == 1);
}

TEST_CASE("import: a quarantine that cannot be made is reported as not done, loses nothing, and the next run makes it") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  std::string bytes = readBytes(w.batch);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  writeBytes(w.batch, bytes);
  // A file where the device's quarantine folder should be: nothing can be moved there.
  const fs::path q = sync::ShareLayout{f.share}.quarantineDir("kioskA");
  writeBytes(q, "in the way");
  const auto s = f.import(baseTime() + kDay);
  CHECK_FALSE(s.ok());
  CHECK(s.batchesQuarantined == 1);
  CHECK(s.quarantineIncomplete == 1);
  REQUIRE(s.quarantined.size() == 1);
  CHECK_FALSE(s.quarantined[0].complete);
  const std::string text = central::formatImportSummary(s);
  CHECK(contains(text, "INTE KLAR"));
  CHECK(contains(text, "Kör importen igen"));
  CHECK(readBytes(w.batch) == bytes); // still in the inbox, as it was
  CHECK(fs::exists(w.manifest));
  CHECK(count(f.db, "SELECT count(*) FROM quarantine") == 0); // recorded once it is there
  CHECK(count(f.db, "SELECT count(*) FROM event") == 0);

  fs::remove(q);
  const auto again = f.import(baseTime() + 2 * kDay);
  CHECK(again.batchesQuarantined == 1);
  CHECK(again.quarantineIncomplete == 0);
  REQUIRE(again.quarantined.size() == 1);
  CHECK(again.quarantined[0].complete);
  CHECK(platform::listFiles(q).size() == 3);
  CHECK_FALSE(fs::exists(w.batch));
  CHECK_FALSE(fs::exists(w.manifest));
  CHECK(count(f.db, "SELECT count(*) FROM quarantine") == 1);
}
