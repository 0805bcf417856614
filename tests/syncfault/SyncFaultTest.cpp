// The weekly sync under faults: a full share, a full data
// disk, I/O errors and kill -9 in chosen file-system calls, lost and repeated batches. Each case
// checks (a) a clear message, Swedish for people and English for the log, (b) that nothing is
// lost or half-written, and (c) that the next sync and import succeed with every event in
// central exactly once.
#include "SyncFaultSupport.hpp"

#include <regex>
#include <sys/statvfs.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

// A Swedish message for people (a "dagverk…: " line that is not the catch-all) and an English
// log line ("[dagverk] error: ...") containing each of `englishNeedles` (any one of a group "a|b").
void checkMessage(const Proc& p, const std::vector<std::string>& englishNeedles = {}) {
  INFO(p.describe());
  std::istringstream in(p.err);
  std::string line, swedish, english;
  while (std::getline(in, line)) {
    if (line.rfind("iofail:", 0) == 0 || line.rfind("==", 0) == 0) continue;
    if (line.rfind("[dagverk", 0) == 0) {
      if (contains(line, "error")) english += line + "\n";
    } else if (line.rfind("dagverk", 0) == 0 && contains(line, ": ")) {
      swedish += line + "\n";
    }
  }
  CHECK_FALSE(swedish.empty());
  CHECK_FALSE(contains(swedish, "oväntat fel")); // the catch-all means the fault was not understood
  CHECK_FALSE(english.empty());
  for (const auto& needle : englishNeedles) {
    bool any = false;
    std::string rest = needle;
    for (size_t bar; !any;) {
      bar = rest.find('|');
      any = contains(english, rest.substr(0, bar));
      if (bar == std::string::npos) break;
      rest = rest.substr(bar + 1);
    }
    if (!any) FAIL_CHECK("the English log line does not mention " << needle);
  }
}

// Up to six call numbers out of 1..count: the first three, the middle and the last two.
std::vector<int> sample(int count) {
  std::set<int> n;
  for (int i : {1, 2, 3, count / 2, count - 1, count})
    if (i >= 1 && i <= count) n.insert(i);
  return {n.begin(), n.end()};
}

// Sync every kiosk, import, sync again (the receipts come back): every event in central
// exactly once, every kiosk event acknowledged, nothing quarantined, nothing stray on the share.
// `checkStrays` false: the test already checked after each fault (leftovers reported once).
void finishAndVerify(const World& w, bool checkStrays = true) {
  for (const auto& k : w.kiosks) {
    const Proc s = w.sync(k);
    INFO(s.describe());
    REQUIRE(s.code == 0);
  }
  const Proc imp = w.import();
  INFO(imp.describe());
  REQUIRE(imp.code == 0);
  for (const auto& k : w.kiosks) {
    const Proc s = w.sync(k);
    INFO(s.describe());
    REQUIRE(s.code == 0);
    CHECK(World::acked(k) == static_cast<long long>(World::kioskEvents(k).size()));
    CHECK(World::kioskIntegrity(k) == "ok");
  }
  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  CHECK(w.centralIntegrity() == "ok");
  INFO("quarantined:\n" << joined(w.quarantined()));
  CHECK(w.quarantined().empty());
  if (checkStrays) CHECK_NO_STRAYS(w);
}

void copyTree(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::create_directories(to.parent_path());
  fs::copy(from, to, fs::copy_options::recursive);
}

std::vector<std::vector<std::string>> centralRows(const fs::path& db, const std::string& sql) {
  RawDb raw(db, SQLITE_OPEN_READONLY);
  return raw.rows(sql);
}

// The Swedish lines of a program's stderr ("dagverk: ..." / "dagverk-central: ...").
std::string swedishOf(const Proc& p) {
  std::istringstream in(p.err);
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("dagverk", 0) == 0) out += line + "\n";
  return out;
}

bool saysFull(const Proc& p) {
  const std::string sv = swedishOf(p);
  return contains(sv, "full") || contains(sv, "utrymme") || contains(sv, "plats");
}

bool injected(const Proc& p) { return contains(p.err, "iofail: injected"); }

} // namespace

TEST_CASE("Sync fault: a full share (1 MiB tmpfs) fails the sync cleanly and the next one sends everything") {
  World w("fullshare");
  Tmpfs shareFs(w.share, "1m");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  const auto recorded = w.record(k, 60, true);
  REQUIRE(recorded.size() == 121);

  // Fill the share, then give back 8 KiB: the marker is readable, the batch does not fit.
  fillUp(w.share);
  const fs::path filler = w.share / "filler.bin";
  fs::resize_file(filler, fs::file_size(filler) - 8192);
  struct statvfs sv {};
  REQUIRE(::statvfs(w.share.c_str(), &sv) == 0);
  INFO("free on the share: " << sv.f_bavail * sv.f_frsize << " bytes");

  const Proc full = w.sync(k);
  CHECK(full.code == 1);
  checkMessage(full, {"No space|space|full|ENOSPC"});
  CHECK(saysFull(full));
  // Nothing lost on the kiosk, nothing recorded as sent, nothing half-written on the share.
  CHECK(World::kioskEvents(k).size() == recorded.size());
  CHECK(World::kioskIntegrity(k) == "ok");
  {
    RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
    CHECK(raw.integer("SELECT count(*) FROM sync_batch") == 0);
  }
  CHECK(w.inboxFiles(".manifest").empty());
  fs::remove(filler);
  CHECK_NO_STRAYS(w);

  // Room again: the next sync sends every event.
  finishAndVerify(w);
  CHECK(w.centralEvents().size() == recorded.size());
}

TEST_CASE("Sync fault: a full data disk fails cleanly and the next sync re-sends while central dedupes") {
  World w("fulldata");
  w.init();
  const fs::path data = w.dir("data");
  Tmpfs dataFs(data, "8m");
  const Kiosk k = w.addKiosk("liljan", data / "kiosk");
  const auto recorded = w.record(k, 30);

  fillUp(data);
  const Proc full = w.sync(k);
  INFO(full.describe());
  if (full.code == 0) {
    // SQLite found room in pages it already had: a legitimate outcome, recorded as such.
    WARN("dagverk sync succeeded on a full data disk (SQLite had free pages); output:\n" << full.out);
  } else {
    CHECK(full.code == 1);
    checkMessage(full);
    // The person at the kiosk learns that the kiosk's own disk is full, not just "could not save".
    CHECK(saysFull(full));
  }
  // A second try while the disk is still full fails the same way (or succeeds), never worse.
  const Proc again = w.sync(k);
  INFO(again.describe());
  CHECK((again.code == 0 || again.code == 1));
  UNSCOPED_INFO("share after the failed syncs: " << [&] {
    std::string s;
    for (const auto& f : filesUnder(w.share)) s += f + " ";
    return s;
  }());
  // Free the space (SQLite cannot even open the WAL for reading on a full disk), then: the
  // kiosk's events are intact; the share holds at most complete batches with their manifests.
  fs::remove(data / "filler.bin");
  CHECK(World::kioskIntegrity(k) == "ok");
  CHECK(World::kioskEvents(k).size() == recorded.size());
  CHECK_NO_STRAYS(w);
  CHECK(w.quarantined().empty());

  finishAndVerify(w);
  CHECK(w.centralEvents().size() == recorded.size());
}

TEST_CASE("Sync fault: fsync or write or link or rename on the share fail with EIO during dagverk sync") {
  World w("iosync");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  int injections = 0;
  int renamesOrLinks = 0;
  for (const std::string op : {"fsync", "write", "rename", "link", "open"}) {
    INFO("op " << op);
    w.record(k, 2);
    const fs::path trace = w.dir("trace-" + op);
    const Proc clean = w.sync(k, iofail(w.share, op, 0, "EIO", false, trace));
    INFO(clean.describe());
    REQUIRE(clean.code == 0);
    const int calls = countLines(trace);
    if (op == "rename" || op == "link") renamesOrLinks += calls;
    UNSCOPED_INFO(op << ": " << calls << " calls under the share in one sync");
    if (op != "rename" && op != "link") CHECK(calls >= 1);
    for (int n = 1; n <= calls; ++n) {
      INFO(op << " #" << n);
      const auto before = World::kioskEvents(k);
      const auto straysBefore = w.strayFiles();
      w.record(k, 1);
      const Proc p = w.sync(k, iofail(w.share, op, n, "EIO"));
      if (!injected(p)) {
        CHECK(p.code == 0);
        continue;
      }
      ++injections;
      CHECK(p.code == 1);
      checkMessage(p, {"Input/output error|I/O|EIO", op == "open" ? "open" : op});
      CHECK(World::kioskIntegrity(k) == "ok");
      CHECK(World::kioskEvents(k).size() == before.size() + 2);
      CHECK_NO_NEW_STRAYS(w, straysBefore);
    }
  }
  CHECK(renamesOrLinks >= 1); // the final names are claimed by link or rename
  CHECK(injections >= 5);
  // The share full in the middle of a write (ENOSPC from the shim, on each write in turn).
  for (int n = 1; n <= 3; ++n) {
    w.record(k, 1);
    const Proc p = w.sync(k, iofail(w.share, "write", n, "ENOSPC"));
    if (!injected(p)) continue;
    CHECK(p.code == 1);
    checkMessage(p, {"No space|space|full"});
    CHECK(saysFull(p));
  }
  finishAndVerify(w, false);
}

TEST_CASE("Sync fault: kill -9 in each of the first writes and renames and fsyncs of a sync loses nothing") {
  World w("killsync");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  int kills = 0;
  struct Where {
    std::string name;
    fs::path dir;
  };
  for (const Where& where : {Where{"share", w.share}, Where{"data", k.data}}) {
    for (const std::string op : {"write", "fsync", "rename", "link", "open"}) {
      INFO(where.name << " " << op);
      w.record(k, 1);
      const fs::path trace = w.dir("trace-" + where.name + "-" + op);
      const Proc clean = w.sync(k, iofail(where.dir, op, 0, "EIO", false, trace));
      INFO(clean.describe());
      REQUIRE(clean.code == 0);
      const int calls = countLines(trace);
      for (int n : sample(std::min(calls, 8))) {
        INFO("kill at " << op << " #" << n << " of " << calls);
        const auto before = World::kioskEvents(k);
        const auto straysBefore = w.strayFiles();
        w.record(k, 1);
        const Proc p = w.sync(k, iofail(where.dir, op, n, "EIO", true));
        if (p.signal != SIGKILL) {
          CHECK(p.code == 0); // the call was not reached this time
          continue;
        }
        ++kills;
        CHECK(World::kioskIntegrity(k) == "ok");
        CHECK(World::kioskEvents(k).size() == before.size() + 2);
        CHECK_NO_NEW_STRAYS(w, straysBefore);
        // Every other kill, sync straight away; otherwise let the next kill come first.
        if (kills % 2 == 0) {
          const Proc next = w.sync(k);
          INFO(next.describe());
          CHECK(next.code == 0);
        }
      }
    }
  }
  WARN(kills << " kills during dagverk sync");
  CHECK(kills >= 10);
  finishAndVerify(w, false);
}

TEST_CASE("Sync fault: I/O errors while import writes receipts and quarantine and on the central database") {
  World w("ioimport");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  for (int i = 0; i < 3; ++i) {
    w.record(k, 2);
    const Proc s = w.sync(k);
    INFO(s.describe());
    REQUIRE(s.code == 0);
  }
  // A corrupted batch under a new batch id (with a manifest describing the uncorrupted bytes):
  // its hash does not match, so it must go to quarantine.
  const auto batches = w.inboxFiles(".batch");
  REQUIRE(batches.size() == 3);
  {
    const fs::path b = w.share / batches[0];
    const std::string name = b.filename().string();            // 00000001-<uuid>.batch
    const std::string uuid = name.substr(9, name.size() - 15);
    std::string newUuid = uuid;
    newUuid.back() = newUuid.back() == '0' ? '1' : '0';
    const std::string copyStem = "00000099-" + newUuid;
    std::string bytes = readBytes(b);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    writeBytes(b.parent_path() / (copyStem + ".batch"), bytes);
    std::string manifest = readBytes(fs::path(b).replace_extension(".manifest"));
    manifest = std::regex_replace(manifest, std::regex(name.substr(0, 9)), "00000099-");
    manifest = std::regex_replace(manifest, std::regex(uuid), newUuid);
    writeBytes(b.parent_path() / (copyStem + ".manifest"), manifest);
  }
  const fs::path pristine = w.dir("pristine-share");
  copyTree(w.share, pristine);

  // The reference: an import without faults on a copy.
  const fs::path refDir = w.dir("ref");
  copyTree(pristine, refDir / "share");
  const Proc ref = w.import({}, refDir / "central.sqlite", refDir / "share");
  INFO(ref.describe());
  REQUIRE(ref.code <= 1);
  const auto refEvents = centralRows(refDir / "central.sqlite", "SELECT id, device_id, seq FROM event ORDER BY id");
  REQUIRE(refEvents.size() == World::kioskEvents(k).size());
  const auto refReceipts = filesUnder(refDir / "share" / "receipts");
  CHECK(refReceipts.size() == 3);
  CHECK(!filesUnder(refDir / "share" / "quarantine").empty());

  int injections = 0;
  struct Where {
    std::string name;
    bool share;
  };
  for (const Where& where : {Where{"share", true}, Where{"db", false}}) {
    for (const std::string op : {"write", "fsync", "rename", "link", "open"}) {
      if (!where.share && (op == "rename" || op == "link")) continue;
      const fs::path run = w.dir("run-" + where.name + "-" + op);
      copyTree(pristine, run / "share");
      fs::create_directories(run / "db");
      const fs::path faultDir = where.share ? run / "share" : run / "db";
      const fs::path trace = run / "trace";
      const Proc clean = w.import(iofail(faultDir, op, 0, "EIO", false, trace), run / "db" / "central.sqlite",
                                  run / "share");
      const int calls = countLines(trace);
      INFO(clean.describe());
      for (int n : sample(calls)) {
        INFO(where.name << " " << op << " #" << n << " of " << calls);
        copyTree(pristine, run / "share");
        fs::remove_all(run / "db");
        fs::create_directories(run / "db");
        const fs::path db = run / "db" / "central.sqlite";
        const Proc p = w.import(iofail(faultDir, op, n, "EIO"), db, run / "share");
        if (injected(p)) {
          ++injections;
          INFO(p.describe());
          if (p.code == 0) {
            // The failed call did not stop the import (SQLite ignores a failed directory fsync,
            // for one): then the result must be complete already, nothing silently dropped.
            CHECK(centralRows(db, "SELECT id, device_id, seq FROM event ORDER BY id") == refEvents);
            CHECK(filesUnder(run / "share" / "receipts") == refReceipts);
          } else {
            CHECK(p.code == 1);
            checkMessage(p);
          }
          if (fs::exists(db)) CHECK(w.centralIntegrity(db) == "ok");
        }
        const Proc again = w.import({}, db, run / "share");
        INFO(again.describe());
        // 1 only to report the quarantined batch, if this run was the one that moved it.
        CHECK((again.code == 0 || (again.code == 1 && contains(again.out, "karantän"))));
        CHECK(w.centralIntegrity(db) == "ok");
        CHECK(centralRows(db, "SELECT id, device_id, seq FROM event ORDER BY id") == refEvents);
        CHECK(filesUnder(run / "share" / "receipts") == refReceipts);
        // The corrupted batch is in quarantine with its manifest and reason, and one of the two
        // runs told the operator about it.
        const auto q = filesUnder(run / "share" / "quarantine");
        INFO("quarantine:\n" << joined(q));
        CHECK(q.size() == 3);
        CHECK(contains(p.out + again.out, "00000099-"));
      }
    }
  }
  WARN(injections << " I/O errors injected during import");
  CHECK(injections >= 8);
}

TEST_CASE("Sync fault: kill -9 during import then a re-run gives the same result as one clean import") {
  World w("killimport");
  w.init();
  const Kiosk a = w.addKiosk("liljan");
  const Kiosk b = w.addKiosk("liljan");
  for (int i = 0; i < 3; ++i)
    for (const Kiosk* k : {&a, &b}) {
      w.record(*k, 2);
      const Proc s = w.sync(*k);
      INFO(s.describe());
      REQUIRE(s.code == 0);
    }
  const fs::path pristine = w.dir("pristine-share");
  copyTree(w.share, pristine);
  const fs::path refDir = w.dir("ref");
  copyTree(pristine, refDir / "share");
  const Proc ref = w.import({}, refDir / "central.sqlite", refDir / "share");
  INFO(ref.describe());
  REQUIRE(ref.code == 0);
  const std::string eventsSql = "SELECT id, device_id, seq, batch_id FROM event ORDER BY id";
  const std::string batchesSql = "SELECT batch_id, device_id, batch_seq, sha256, event_count FROM batch ORDER BY batch_id";
  const auto refEvents = centralRows(refDir / "central.sqlite", eventsSql);
  const auto refBatches = centralRows(refDir / "central.sqlite", batchesSql);
  REQUIRE(refEvents.size() == w.allKioskEvents().size());
  REQUIRE(refBatches.size() == 6);
  const auto refReceipts = filesUnder(refDir / "share" / "receipts");
  REQUIRE(refReceipts.size() == 6);

  int kills = 0;
  for (const std::string op : {"fsync", "write", "rename", "link", "open"}) {
    const fs::path run = w.dir("run-" + op);
    copyTree(pristine, run / "share");
    fs::create_directories(run / "db");
    const fs::path trace = run / "trace";
    w.import(iofail(run, op, 0, "EIO", false, trace), run / "db" / "central.sqlite", run / "share");
    const int calls = countLines(trace);
    std::set<int> points;
    for (int n : sample(calls)) points.insert(n);
    for (int n = 1; n <= calls; n += std::max(1, calls / 6)) points.insert(n);
    for (int n : points) {
      INFO("kill at " << op << " #" << n << " of " << calls);
      copyTree(pristine, run / "share");
      fs::remove_all(run / "db");
      fs::create_directories(run / "db");
      const fs::path db = run / "db" / "central.sqlite";
      const Proc p = w.import(iofail(run, op, n, "EIO", true), db, run / "share");
      if (p.signal == SIGKILL) ++kills;
      const Proc again = w.import({}, db, run / "share");
      INFO(again.describe());
      CHECK(again.code == 0);
      CHECK(w.centralIntegrity(db) == "ok");
      CHECK(centralRows(db, eventsSql) == refEvents);
      CHECK(centralRows(db, batchesSql) == refBatches);
      CHECK(filesUnder(run / "share" / "receipts") == refReceipts);
      CHECK(filesUnder(run / "share" / "quarantine").empty());
      // A third run changes nothing.
      const Proc third = w.import({}, db, run / "share");
      CHECK(third.code == 0);
      CHECK(centralRows(db, eventsSql) == refEvents);
    }
  }
  WARN(kills << " kills during dagverk-central import");
  CHECK(kills >= 10);
}

TEST_CASE("Sync fault: a batch deleted from the share is reported as a gap and re-sent and the gap closes") {
  // The kiosk sends every event without a receipt in each batch, so a lost batch's events come
  // again in the next one: central sees the lost batch *number* (missingBatches), and event
  // sequence gaps only until the re-sent batch arrives.
  World w("missing");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  w.record(k, 2); // seq 1..4
  REQUIRE(w.sync(k).code == 0);
  REQUIRE(w.import().code == 0);
  w.record(k, 2); // seq 5..8
  REQUIRE(w.sync(k).code == 0); // batch 2: 5..8 (batch 1's receipt was read first)
  auto batches = w.inboxFiles(".batch");
  REQUIRE(batches.size() == 2);
  const fs::path lost = w.share / batches[1];
  REQUIRE(contains(lost.filename().string(), "00000002-"));
  fs::remove(lost);
  fs::remove(fs::path(lost).replace_extension(".manifest"));
  REQUIRE(w.import().code == 0);
  CHECK(w.centralEvents().size() == 4);
  CHECK(World::acked(k) == 4);

  // The kiosk got no receipt for batch 2: its events go again, in batch 3 with seq 9..12.
  w.record(k, 2);
  const Proc s = w.sync(k);
  INFO(s.describe());
  REQUIRE(s.code == 0);
  CHECK(contains(s.out, "Skickade 8 poster"));
  const Proc imp = w.import();
  INFO(imp.describe());
  REQUIRE(imp.code == 0);
  CHECK_CENTRAL_EQUALS_KIOSKS(w);

  const Proc st = w.status(true);
  INFO(st.describe());
  REQUIRE(st.code == 0);
  CHECK(contains(st.out, k.deviceId));
  CHECK(contains(st.out, "\"missingBatches\":[2]"));
  CHECK(contains(st.out, "\"seqGaps\":[]")); // the events themselves are all there
  const Proc plain = w.status(false);
  INFO(plain.describe());
  CHECK(plain.code == 0);
  CHECK(contains(plain.out, "Batcher som saknas: 2"));
  CHECK(contains(plain.out, "Luckor:            inga"));

  finishAndVerify(w);
}

TEST_CASE("Sync fault: a batch copied under a new name and a double import change nothing") {
  World w("repeat");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  w.record(k, 3);
  REQUIRE(w.sync(k).code == 0);
  auto batches = w.inboxFiles(".batch");
  REQUIRE(batches.size() == 1);
  const fs::path b = w.share / batches[0];
  // The same bytes under another name, with its manifest (as a file-copy tool might leave it).
  fs::copy_file(b, fs::path(b).replace_filename("Kopia av " + b.filename().string()));
  fs::copy_file(fs::path(b).replace_extension(".manifest"),
                fs::path(b).replace_filename("Kopia av " + fs::path(b).replace_extension(".manifest").filename().string()));
  fs::copy_file(b, fs::path(b).replace_filename(b.stem().string() + " (2).batch"));
  const Proc first = w.import();
  INFO(first.describe());
  CHECK(first.code == 0);
  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  const auto events = centralRows(w.db, "SELECT * FROM event ORDER BY id");
  const auto batchRows = centralRows(w.db, "SELECT batch_id, sha256, event_count FROM batch");
  const auto receipts = filesUnder(w.share / "receipts");
  CHECK(batchRows.size() == 1);
  CHECK(receipts.size() == 1);

  const Proc second = w.import();
  INFO(second.describe());
  CHECK(second.code == 0);
  CHECK(centralRows(w.db, "SELECT * FROM event ORDER BY id") == events);
  CHECK(centralRows(w.db, "SELECT batch_id, sha256, event_count FROM batch") == batchRows);
  CHECK(filesUnder(w.share / "receipts") == receipts);

  // The copy arriving after the original was imported: still nothing new.
  const fs::path late = fs::path(b).replace_filename("00000007-" + b.filename().string().substr(9));
  fs::copy_file(b, late);
  std::string manifest = readBytes(fs::path(b).replace_extension(".manifest"));
  writeBytes(fs::path(late).replace_extension(".manifest"), manifest);
  const Proc third = w.import();
  INFO(third.describe());
  CHECK(centralRows(w.db, "SELECT * FROM event ORDER BY id") == events);
  CHECK(centralRows(w.db, "SELECT batch_id, sha256, event_count FROM batch") == batchRows);
  CHECK(w.centralIntegrity() == "ok");
}
