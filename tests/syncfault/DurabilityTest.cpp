// The databases on disk: damage anywhere in the file is found when it is opened, the files are
// readable by their owner only, a read-only file stops the programs cleanly, and a full disk is
// reported as a full disk. Real files, the real programs, and a real second user (nobody).
#include "SyncFaultSupport.hpp"

#include "central/CentralStore.hpp"

#include <dirent.h>
#include <grp.h>
#include <sys/stat.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

constexpr uid_t kNobody = 65534;

std::string sha256Of(const fs::path& file) {
  const std::string cmd = "sha256sum " + shellQuoted(file.string());
  std::FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return "popen failed";
  char buf[128] = {};
  const size_t n = std::fread(buf, 1, sizeof buf - 1, p);
  ::pclose(p);
  return std::string(buf, n).substr(0, 64);
}

unsigned modeOf(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 07777; // never a mode we expect
  return st.st_mode & 07777;
}

std::string octal(unsigned mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode);
  return buf;
}

fs::path seedKiosk(const fs::path& data) {
  platform::SystemClock clock;
  store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  return data / store::kDatabaseFileName;
}

// Pages that a check-in never reads: a table filled and dropped leaves them on the freelist.
void addFreelist(const fs::path& file) {
  RawDb raw(file);
  REQUIRE(raw.exec("CREATE TABLE filler(x BLOB)") == SQLITE_OK);
  REQUIRE(raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                   "INSERT INTO filler SELECT randomblob(3000) FROM n") == SQLITE_OK);
  REQUIRE(raw.exec("DROP TABLE filler") == SQLITE_OK);
  REQUIRE(raw.exec("PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
  REQUIRE(raw.integer("PRAGMA freelist_count") > 100);
}

std::uint32_t bigEndian32(const std::string& b, size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

size_t pageSizeOf(const std::string& b) {
  const size_t v = (size_t(std::uint8_t(b[16])) << 8) | size_t(std::uint8_t(b[17]));
  return v == 1 ? 65536 : v;
}

// Flips bits in the first freelist trunk page: its leaf count and the first leaf numbers.
void damageFreelist(const fs::path& file) {
  std::string b = readBytes(file);
  const std::uint32_t trunk = bigEndian32(b, 32);
  REQUIRE(trunk > 1);
  const size_t at = (trunk - 1) * pageSizeOf(b);
  REQUIRE(at + 16 <= b.size());
  for (size_t i = 4; i < 16; ++i) b[at + i] = static_cast<char>(b[at + i] ^ 0x5A);
  writeBytes(file, b);
}

// Flips bits in the header of the last b-tree page of the file (its cell count and the start of
// its cell content), the pages a kiosk that only appends may not read for a long time.
void damageLastPage(const fs::path& file) {
  std::string b = readBytes(file);
  const size_t page = pageSizeOf(b);
  for (size_t n = b.size() / page; n > 1; --n) {
    const size_t at = (n - 1) * page;
    const auto type = std::uint8_t(b[at]);
    if (type == 2 || type == 5 || type == 10 || type == 13) {
      for (size_t i = 3; i < 7; ++i) b[at + i] = static_cast<char>(b[at + i] ^ 0xA5);
      writeBytes(file, b);
      return;
    }
  }
  FAIL("no b-tree page found in " << file);
}

void requireDamagedMessage(const Proc& p, const fs::path& file) {
  INFO(p.describe());
  CHECK(p.code == 1);
  CHECK(contains(p.err, file.string()));
  CHECK(contains(p.err, "skadad"));
  CHECK(contains(p.err, "säkerhetskopia"));
  CHECK_FALSE(contains(p.err, "En händelse kunde inte läsas"));
  CHECK(contains(p.err, "quick_check")); // the English log line says what found it
}

// The disk-full message: Swedish for the person, and the English log line.
void requireDiskFull(const Proc& p) {
  INFO(p.describe());
  CHECK(p.code == 1);
  CHECK(contains(p.err, "isken är full"));
  CHECK(contains(p.err, "disk full"));
  CHECK_FALSE(contains(p.err, "inte en central"));
}

// Runs `argv` as the user nobody (uid and gid 65534, no supplementary groups).
Proc runAsNobody(const World& w, std::vector<std::string> argv) {
  argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  return runProcess(argv, {{"HOME", "/nonexistent"}}, 120, w.tmp().path());
}

void chownTree(const fs::path& root, uid_t uid, gid_t gid) {
  REQUIRE(::chown(root.c_str(), uid, gid) == 0);
  for (const auto& e : fs::recursive_directory_iterator(root)) REQUIRE(::lchown(e.path().c_str(), uid, gid) == 0);
}

} // namespace

// --- damage ------------------------------------------------------------------------------------

TEST_CASE("Durability: a bit flip on the freelist stops dagverk checkin and the store, the file untouched") {
  World w("dur-freelist");
  const fs::path data = w.dir("data");
  const fs::path file = seedKiosk(data);
  addFreelist(file);
  damageFreelist(file);
  const std::string before = sha256Of(file);

  requireDamagedMessage(w.kioskCli({"checkin", "--data-dir", data.string(), "--participant", "P0001"}), file);
  CHECK(sha256Of(file) == before);

  platform::SystemClock clock;
  const auto e = errorFrom([&] { store::KioskStore::open(data, clock); });
  CHECK(e.code() == ErrorCode::DatabaseCorrupt);
  CHECK(contains(e.swedish(), file.string()));
  CHECK(sha256Of(file) == before);
}

TEST_CASE("Durability: a bit flip in the last page stops dagverk checkin and the store, the file untouched") {
  World w("dur-lastpage");
  const fs::path data = w.dir("data");
  const fs::path file = seedKiosk(data);
  damageLastPage(file);
  const std::string before = sha256Of(file);

  requireDamagedMessage(w.kioskCli({"checkin", "--data-dir", data.string(), "--participant", "P0001"}), file);
  CHECK(sha256Of(file) == before);

  platform::SystemClock clock;
  const auto e = errorFrom([&] { store::KioskStore::open(data, clock); });
  CHECK(e.code() == ErrorCode::DatabaseCorrupt);
  CHECK(sha256Of(file) == before);
}

TEST_CASE("Durability: central refuses a damaged database in status and import, the file untouched") {
  World w("dur-central");
  w.init();
  REQUIRE(w.import().code == 0);
  addFreelist(w.db);
  damageFreelist(w.db);
  const std::string before = sha256Of(w.db);

  requireDamagedMessage(w.status(false), w.db);
  requireDamagedMessage(w.import(), w.db);
  CHECK(sha256Of(w.db) == before);
  const auto e = errorFrom([&] { central::CentralStore::openExisting(w.db); });
  CHECK(e.code() == ErrorCode::DatabaseCorrupt);
  CHECK(sha256Of(w.db) == before);
}

TEST_CASE("Durability: a database over the size checked at every open is checked whole before each sync") {
  World w("dur-large");
  w.init();
  const Kiosk& k = w.addKiosk();
  const fs::path file = k.data / store::kDatabaseFileName;
  {
    RawDb raw(file);
    REQUIRE(raw.exec("CREATE TABLE ballast(x BLOB)") == SQLITE_OK);
    REQUIRE(raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 18000) "
                     "INSERT INTO ballast SELECT randomblob(4000) FROM n") == SQLITE_OK);
  }
  addFreelist(file);
  REQUIRE(fs::file_size(file) > static_cast<std::uintmax_t>(store::kCheckAtOpenMaxBytes));
  damageFreelist(file);

  // A start or a badge tap does not wait seconds for the check ...
  const Proc tap = w.kioskCli({"checkin", "--data-dir", k.data.string(), "--participant", "P0001"});
  INFO(tap.describe());
  CHECK(tap.code == 0);
  CHECK(contains(tap.err, "before each sync"));
  // ... but nothing leaves the kiosk, and no sync writes into the file, before it has run.
  const std::string before = sha256Of(file);
  requireDamagedMessage(w.sync(k), file);
  CHECK(sha256Of(file) == before);
  CHECK(w.inboxFiles(".batch").empty());
}

// --- who may read ------------------------------------------------------------------------------

TEST_CASE("Durability: under umask 022 the data directory is 0700 and the database, -wal and -shm 0600") {
  World w("dur-modes");
  const mode_t old = ::umask(022);
  const fs::path data = w.dir("data");
  {
    platform::SystemClock clock;
    auto s = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
    const fs::path file = data / store::kDatabaseFileName;
    CHECK(octal(modeOf(data)) == "0700");
    CHECK(octal(modeOf(file)) == "0600");
    CHECK(octal(modeOf(file.string() + "-wal")) == "0600");
    CHECK(octal(modeOf(file.string() + "-shm")) == "0600");
  }
  {
    auto c = central::CentralStore::open(w.db);
    CHECK(octal(modeOf(w.db)) == "0600");
    CHECK(octal(modeOf(w.db.string() + "-wal")) == "0600");
    CHECK(octal(modeOf(w.db.string() + "-shm")) == "0600");
  }
  ::umask(old);
}

TEST_CASE("Durability: a data directory and databases with loose modes are tightened at start, with a log line") {
  World w("dur-tighten");
  const fs::path data = w.dir("data");
  const fs::path file = seedKiosk(data);
  REQUIRE(::chmod(data.c_str(), 0755) == 0);
  REQUIRE(::chmod(file.c_str(), 0644) == 0);
  const Proc p = w.kioskCli({"checkin", "--data-dir", data.string(), "--participant", "P0001"});
  INFO(p.describe());
  CHECK(p.code == 0);
  CHECK(octal(modeOf(data)) == "0700");
  CHECK(octal(modeOf(file)) == "0600");
  CHECK(contains(p.err, "tightened"));

  w.init();
  REQUIRE(w.import().code == 0);
  REQUIRE(::chmod(w.db.c_str(), 0644) == 0);
  const Proc s = w.status(false);
  INFO(s.describe());
  CHECK(s.code == 0);
  CHECK(octal(modeOf(w.db)) == "0600");
  CHECK(contains(s.err, "tightened"));
}

TEST_CASE("Durability: another local user can neither read the database nor list the data directory") {
  World w("dur-nobody");
  ::chmod(w.tmp().path().c_str(), 0755);
  const mode_t old = ::umask(022);
  const fs::path data = w.dir("data");
  const fs::path file = seedKiosk(data);
  auto c = central::CentralStore::open(w.db);
  ::umask(old);
  // Central's file sits in a directory the person chose: its own mode must keep others out.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(10);
    if (::getuid() != kNobody || ::geteuid() != kNobody) ::_exit(11);
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd >= 0 || errno != EACCES) ::_exit(12);
    DIR* d = ::opendir(data.c_str());
    if (d != nullptr || errno != EACCES) ::_exit(13);
    const int cfd = ::open(w.db.c_str(), O_RDONLY);
    if (cfd >= 0 || errno != EACCES) ::_exit(14);
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  INFO("child exit 10: could not drop to nobody; 12: read the kiosk database; 13: listed the data directory; "
       "14: read central's database");
  CHECK(WEXITSTATUS(status) == 0);
}

// --- a read-only file --------------------------------------------------------------------------

TEST_CASE("Durability: a read-only database stops the kiosk and checkin as its owner, and leaves nothing that breaks later") {
  World w("dur-readonly");
  REQUIRE(::chmod(w.tmp().path().c_str(), 0755) == 0);
  const fs::path data = w.dir("data");
  const fs::path file = seedKiosk(data);
  chownTree(data, kNobody, kNobody);
  REQUIRE(::chmod(file.c_str(), 0444) == 0);
  const std::string before = sha256Of(file);

  for (const auto& args : std::vector<std::vector<std::string>>{
           {DAGVERK_BIN, "checkin", "--data-dir", data.string(), "--participant", "P0001"},
           {DAGVERK_BIN, "--data-dir", data.string(), "--frames", "1"}}) {
    const Proc p = runAsNobody(w, args);
    INFO(p.describe());
    CHECK(p.code == 1);
    CHECK(contains(p.err, file.string()));
    CHECK(contains(p.err, "skrivskyddad"));
    CHECK(contains(p.err, "read-only"));
    CHECK_FALSE(fs::exists(file.string() + "-shm"));
    CHECK_FALSE(fs::exists(file.string() + "-wal"));
  }
  CHECK(sha256Of(file) == before);

  // Made writable again, the next check-in works.
  REQUIRE(::chmod(file.c_str(), 0600) == 0);
  const Proc again = runAsNobody(w, {DAGVERK_BIN, "checkin", "--data-dir", data.string(), "--participant", "P0001"});
  INFO(again.describe());
  CHECK(again.code == 0);
}

// --- a full disk -------------------------------------------------------------------------------

TEST_CASE("Durability: the kiosk at 0 bytes free says the disk is full") {
  World w("dur-kioskfull");
  Tmpfs disk(w.dir("disk"), "4M");
  const fs::path data = disk.path() / "data";
  seedKiosk(data);
  fillUp(disk.path());
  requireDiskFull(w.kioskCli({"checkin", "--data-dir", data.string(), "--participant", "P0001"}));

  const fs::path fresh = disk.path() / "fresh";
  platform::SystemClock clock;
  const auto e = errorFrom([&] { store::KioskStore::createWithRoster(fresh, clock, store::demoRoster(), "liljan"); });
  INFO(e.english());
  CHECK(e.code() == ErrorCode::DiskFull);
  CHECK(contains(e.swedish(), "isken är full"));
}

TEST_CASE("Durability: central at 0 bytes free says the disk is full in init, import and status") {
  World w("dur-centralfull");
  w.init();
  Tmpfs disk(w.dir("disk"), "4M");
  const fs::path db = disk.path() / "central.sqlite";
  REQUIRE(w.import({}, db).code == 0);
  fs::create_directories(disk.path() / "share");
  fillUp(disk.path());

  requireDiskFull(w.centralCli({"status", "--db", db.string()}));
  requireDiskFull(w.import({}, db));
  requireDiskFull(w.import({}, disk.path() / "new-central.sqlite"));
  requireDiskFull(w.centralCli({"init", "--share", (disk.path() / "share").string(), "--keys",
                                (disk.path() / "keys").string()}));
}

TEST_CASE("Durability: import onto a full share says the disk is full when its receipts cannot be written") {
  World w("dur-receiptfull");
  Tmpfs shareFs(w.share, "2m");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  w.record(k, 5, true);
  REQUIRE(w.sync(k).code == 0);
  fillUp(w.share);

  const Proc p = w.import({});
  INFO(p.describe());
  CHECK(p.code == 1);
  CHECK(contains(p.out, "Batcher importerade:        1"));
  CHECK(contains(p.out + p.err, "isken är full"));
  CHECK(contains(p.err, "disk full"));
  fs::remove(w.share / "filler.bin");
  // Room again: the next import writes the receipt and imports nothing twice.
  const Proc again = w.import({});
  INFO(again.describe());
  CHECK(again.code == 0);
  CHECK(contains(again.out, "Kvitton skrivna:            1"));
}
