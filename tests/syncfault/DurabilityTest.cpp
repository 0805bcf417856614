// The databases on disk: damage anywhere in the file is found when it is opened. Real files and
// the real programs.
#include "SyncFaultSupport.hpp"

#include "central/CentralStore.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

std::string sha256Of(const fs::path& file) {
  const std::string cmd = "sha256sum " + shellQuoted(file.string());
  std::FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return "popen failed";
  char buf[128] = {};
  const size_t n = std::fread(buf, 1, sizeof buf - 1, p);
  ::pclose(p);
  return std::string(buf, n).substr(0, 64);
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
