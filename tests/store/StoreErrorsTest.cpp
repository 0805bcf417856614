// Bad input to the store: each failure has its own ErrorCode, a Swedish message a person can act
// on, and leaves the data as it was.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

const std::vector<std::string> kDemoSiteIds = {"liljan", "ornsberg", "trofast", "vastertorp", "steget",
                                               "natverket", "fruangen", "vaxtverket", "langsjon"};

std::unique_ptr<KioskStore> seed(const fs::path& dir, const Clock& clock, const std::string& site = "liljan") {
  return KioskStore::createWithRoster(dir, clock, store::demoRoster(), site);
}

void requireError(const DagverkError& e, ErrorCode code, const std::string& mention = "") {
  INFO("code " << codeName(e.code()) << "\nswedish: " << e.swedish() << "\nenglish: " << e.english());
  CHECK(e.code() == code);
  CHECK_FALSE(e.swedish().empty());
  CHECK(std::string(e.english()).size() > 0);
  if (!mention.empty()) CHECK(contains(e.swedish(), mention));
}

// A deterministic 4 KiB of noise that is not an SQLite header.
std::string garbage(size_t n, std::uint32_t seed) {
  std::string out(n, '\0');
  std::uint32_t x = seed;
  for (auto& c : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x & 0xFF);
  }
  return out;
}

} // namespace

TEST_CASE("Store errors: data directory missing") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  const fs::path missing = tmp / "does-not-exist";
  requireError(errorFrom([&] { KioskStore::open(missing, clock); }), ErrorCode::DataDirMissing, missing.string());
  CHECK_FALSE(fs::exists(missing)); // open never creates it
}

TEST_CASE("Store errors: data directory without a database") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  const auto e = errorFrom([&] { KioskStore::open(tmp.path(), clock); });
  requireError(e, ErrorCode::DataDirMissing, tmp.path().string());
  CHECK(contains(e.swedish(), "--demo")); // tells how to get started
  CHECK(listDir(tmp.path()).empty());     // no database was made, no probe file left behind
}

TEST_CASE("Store errors: data directory path is a regular file") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  const fs::path file = tmp / "plain-file";
  writeBytes(file, "not a directory\n");
  requireError(errorFrom([&] { KioskStore::open(file, clock); }), ErrorCode::DataDirMissing, file.string());
  requireError(errorFrom([&] { seed(file, clock); }), ErrorCode::DataDirMissing, file.string());
  CHECK(readBytes(file) == "not a directory\n");
}

TEST_CASE("Store errors: data directory not writable") {
  // The tests run as root in CI, where chmod does not stop writes. /proc/self is a directory
  // in which nobody, root included, can create a file; a path below a regular file cannot be
  // created either. Both are refused with DataDirNotWritable.
  ManualClock clock(mondayAt(9));
  if (fs::is_directory("/proc/self")) {
    requireError(errorFrom([&] { KioskStore::open("/proc/self", clock); }), ErrorCode::DataDirNotWritable,
                 "/proc/self");
    requireError(errorFrom([&] { seed("/proc/self", clock); }), ErrorCode::DataDirNotWritable, "/proc/self");
    requireError(errorFrom([&] { seed("/proc/self/dagverk", clock); }), ErrorCode::DataDirNotWritable,
                 "/proc/self/dagverk");
  } else {
    WARN("no /proc/self here; only the regular-file parent case is checked");
  }
  TempDir tmp("err");
  const fs::path file = tmp / "plain-file";
  writeBytes(file, "x");
  requireError(errorFrom([&] { seed(file / "data", clock); }), ErrorCode::DataDirNotWritable,
               (file / "data").string());
}

TEST_CASE("Store errors: a database from a newer schema is refused and left untouched") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  {
    auto s = seed(tmp.path(), clock);
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
  }
  const fs::path file = tmp / store::kDatabaseFileName;
  {
    RawDb raw(file);
    REQUIRE(raw.exec("PRAGMA user_version = 99") == SQLITE_OK);
  }
  const std::string before = readBytes(file);
  const auto filesBefore = listDir(tmp.path());

  const auto e = errorFrom([&] { KioskStore::open(tmp.path(), clock); });
  requireError(e, ErrorCode::DatabaseTooNew, "99");
  CHECK(contains(e.english(), file.string()));

  CHECK(readBytes(file) == before);
  CHECK(listDir(tmp.path()) == filesBefore);
  RawDb raw(file);
  CHECK(raw.integer("PRAGMA user_version") == 99);
  CHECK(raw.integer("SELECT count(*) FROM event") == 1);
}

TEST_CASE("Store errors: a corrupt database file is refused and not overwritten") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  const fs::path file = tmp / store::kDatabaseFileName;
  std::string bytes;
  SECTION("4096 bytes of garbage") { bytes = garbage(4096, 0x9E3779B9u); }
  SECTION("a real database with its first page scrambled after the header") {
    seed(tmp.path(), clock).reset();
    bytes = readBytes(file);
    REQUIRE(bytes.size() > 8192);
    REQUIRE(bytes.compare(0, 15, "SQLite format 3") == 0);
    const std::string noise = garbage(4096 - 100, 12345);
    bytes.replace(100, noise.size(), noise);
  }
  SECTION("a text file") { bytes = "site_id,name\nliljan,Liljan\n"; }
  SECTION("an empty file (SQLite would make it a new, empty database)") { bytes.clear(); }
  writeBytes(file, bytes);
  const auto filesBefore = listDir(tmp.path());

  const auto e = errorFrom([&] { KioskStore::open(tmp.path(), clock); });
  requireError(e, ErrorCode::DatabaseCorrupt, file.string());
  CHECK(readBytes(file) == bytes);
  CHECK(listDir(tmp.path()) == filesBefore);

  // --demo does not overwrite it either.
  requireError(errorFrom([&] { seed(tmp.path(), clock); }), ErrorCode::DatabaseNotEmpty);
  CHECK(readBytes(file) == bytes);
}

TEST_CASE("Store errors: --demo into a directory that already has a database") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  store::perform(*seed(tmp.path(), clock), cmd::CheckIn{"P0001", std::nullopt});
  const fs::path file = tmp / store::kDatabaseFileName;
  const std::string before = readBytes(file);
  requireError(errorFrom([&] { seed(tmp.path(), clock); }), ErrorCode::DatabaseNotEmpty, tmp.path().string());
  CHECK(readBytes(file) == before);
  auto s = KioskStore::open(tmp.path(), clock);
  CHECK(s->status().events == 1);
  CHECK(s->presence().isPresent("P0001"));
}

TEST_CASE("Store errors: unknown site in createWithRoster lists the valid ids") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  const auto e = errorFrom([&] { seed(tmp.path(), clock, "nowhere"); });
  requireError(e, ErrorCode::UnknownSite, "nowhere");
  for (const auto& id : kDemoSiteIds) {
    INFO(id);
    CHECK(contains(e.swedish(), id));
  }
  CHECK_FALSE(fs::exists(tmp / store::kDatabaseFileName)); // nothing half-made
  CHECK(seed(tmp.path(), clock, "steget")->roster().boundSiteId() == "steget");
}

TEST_CASE("Store errors: bindToSite with an unknown site lists the valid ids and changes nothing") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  auto s = seed(tmp.path(), clock);
  const auto e = errorFrom([&] { s->roster().bindToSite("nowhere"); });
  requireError(e, ErrorCode::UnknownSite, "nowhere");
  for (const auto& id : kDemoSiteIds) CHECK(contains(e.swedish(), id));
  CHECK(s->roster().boundSiteId() == "liljan");
  requireError(errorFrom([&] { s->roster().site(""); }), ErrorCode::UnknownSite, "liljan");

  s->roster().bindToSite("vaxtverket");
  s.reset();
  CHECK(KioskStore::open(tmp.path(), clock)->roster().boundSiteId() == "vaxtverket"); // remembered
}

TEST_CASE("Store errors: unknown participant id") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  auto s = seed(tmp.path(), clock);
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckIn{"P9999", std::nullopt}); }), ErrorCode::UnknownParticipant, "P9999");
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckOut{"P9999", std::nullopt}); }), ErrorCode::UnknownParticipant, "P9999");
  requireError(errorFrom([&] { s->roster().participant("P9999"); }), ErrorCode::UnknownParticipant, "P9999");
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckIn{"", std::nullopt}); }), ErrorCode::UnknownParticipant);
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckIn{"P0001' OR '1'='1", std::nullopt}); }), ErrorCode::UnknownParticipant);
  CHECK(s->status().events == 0);
}

TEST_CASE("Store errors: check-out of someone not present appends nothing") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  auto s = seed(tmp.path(), clock);
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}); }), ErrorCode::NotPresent, "Dalia");
  CHECK(s->status().events == 0);
  CHECK(s->status().lastSeq == 0);
  store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
  store::perform(*s, cmd::CheckOut{"P0001", std::nullopt});
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}); }), ErrorCode::NotPresent);
  CHECK(s->status().events == 2);
  CHECK(store::perform(*s, cmd::CheckIn{"P0002", std::nullopt}).front().seq == 3); // the failed call used no sequence number
}

TEST_CASE("Store errors: check-in of someone already present appends nothing") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  auto s = seed(tmp.path(), clock);
  const Event first = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  clock.advanceMs(5 * 60'000);
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}); }), ErrorCode::AlreadyPresent, "Dalia");
  CHECK(s->status().events == 1);
  CHECK(s->presence().visit("P0001")->checkInEventId == first.id);
  CHECK(s->presence().visit("P0001")->since == mondayAt(9));
  CHECK(store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}).front().seq == 2);
}

TEST_CASE("Store errors: check-in of a participant of another site") {
  TempDir tmp("err");
  ManualClock clock(mondayAt(9));
  auto s = seed(tmp.path(), clock);
  const auto others = s->roster().participants("ornsberg");
  REQUIRE_FALSE(others.empty());
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckIn{others.front().id, std::nullopt}); }), ErrorCode::UnknownParticipant);
  CHECK(s->status().events == 0);
  CHECK_FALSE(s->presence().isPresent(others.front().id));
  // Once the kiosk is bound to that site, the same person can check in, and liljan's cannot.
  s->roster().bindToSite("ornsberg");
  CHECK(store::perform(*s, cmd::CheckIn{others.front().id, std::nullopt}).front().siteId == "ornsberg");
  requireError(errorFrom([&] { store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}); }), ErrorCode::UnknownParticipant);
  CHECK(s->status().events == 1);
}
