// What central owns for the reports: the payload paths its SQL reads (checked against the
// encoder), migration 2 (the report indexes and the voided set), and the direction of includes
// between the central, report and central-tool folders.
#include "CentralTestSupport.hpp"

#include "central/CentralMigrations.hpp"
#include "central/PayloadFields.hpp"
#include "central/ReportReader.hpp"

#include <fstream>
#include <regex>
#include <sstream>

using namespace dagverk;
using namespace dagverk::test;
using central::CentralStore;

namespace {

// A payload of the kind `kind` with every field at its default value, encoded as stored.
template <size_t I = 0> std::string defaultPayloadJson(std::string_view kind) {
  if constexpr (I == std::variant_size_v<EventPayload>) {
    FAIL("no payload kind " << kind);
    return {};
  } else {
    using T = std::variant_alternative_t<I, EventPayload>;
    if (kind == T::kKind) return encodePayload(EventPayload{T{}});
    return defaultPayloadJson<I + 1>(kind);
  }
}

EventRow rowOf(const std::string& device, std::int64_t seq, UtcMs at, const EventPayload& p) {
  Event e{uuidFor(at, static_cast<std::uint64_t>(seq) * 7919u), device, seq, at, kSiteZone, "liljan", std::nullopt, p};
  return toRow(e);
}

std::string readSource(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

} // namespace

TEST_CASE("central schema: every payload path central's SQL reads exists in what encodePayload writes") {
  TempDir tmp("paths");
  RawDb raw(tmp / "json.sqlite", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  for (const auto& f : central::field::kAll) {
    const std::string json = defaultPayloadJson(f.kind);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw.handle(), "SELECT json_type(?1, ?2)", -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, json.c_str(), -1, SQLITE_TRANSIENT);
    const std::string path = f.path();
    sqlite3_bind_text(st, 2, path.c_str(), -1, SQLITE_TRANSIENT);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    INFO(f.kind << " " << path << " in " << json);
    CHECK(sqlite3_column_type(st, 0) != SQLITE_NULL);
    sqlite3_finalize(st);
  }
}

TEST_CASE("central schema: the report indexes and the voided set are central's, kept on import") {
  TempDir tmp("schema");
  const fs::path file = tmp / "c.sqlite";
  const UtcMs t = baseTime();
  const EventRow in = rowOf("k1", 1, t, CheckedIn{"P1", t});
  sync::BatchContents b;
  b.batchId = uuidFor(t, 1);
  b.deviceId = "k1";
  b.siteId = "liljan";
  b.batchSeq = 1;
  b.schemaVersion = kEventSchemaVersion;
  b.createdUtc = t;
  b.events = {in, rowOf("k1", 2, t + kMinute, Corrected{in.id, "P1", "fel_person"}),
              rowOf("k1", 3, t + 2 * kMinute, CheckedIn{"P2", t + 2 * kMinute})};
  CentralStore::open(file)->importBatch(b, "sha", "1.batch", t);
  {
    RawDb raw(file);
    CHECK(raw.rows("SELECT id FROM voided_event") == std::vector<std::vector<std::string>>{{in.id}});
    for (const char* index : {"event_checkin_day", "event_auto_checkout_day"})
      CHECK(raw.integer(std::string("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '") + index +
                        "'") == 1);
  }
  // A database of schema 1, where an earlier report made its own indexes, migrates: they give
  // way to central's, and the voided set is filled from the events already held.
  {
    RawDb raw(file);
    REQUIRE(raw.exec("DROP TRIGGER event_voids; DROP TABLE voided_event; DROP INDEX event_checkin_day; "
                     "DROP INDEX event_auto_checkout_day; DROP TABLE roster_spell; "
                     "ALTER TABLE roster_participant DROP COLUMN symbol; ALTER TABLE roster_participant DROP COLUMN symbol_colour; "
                     "ALTER TABLE roster_participant DROP COLUMN spoken_name; ALTER TABLE roster_activity DROP COLUMN pictogram; "
                     "CREATE INDEX report_checkin ON event(local_date, site_id, subject_id, id) "
                     "WHERE kind = 'CheckedIn'; PRAGMA user_version = 1;") == SQLITE_OK);
  }
  {
    auto reader = central::openReportReader(file);
    std::int64_t rows = 0;
    reader->forEachCheckIn({2026, 11, 1}, {2026, 11, 30},
                           [&](const std::string&, const std::string& participant, LocalDate) {
                             CHECK(participant == "P2"); // P1's check-in was corrected away
                             ++rows;
                           });
    CHECK(rows == 1);
  }
  RawDb raw(file);
  CHECK(raw.integer("PRAGMA user_version") == central::latestCentralSchemaVersion());
  CHECK(raw.rows("SELECT id FROM voided_event") == std::vector<std::vector<std::string>>{{in.id}});
  CHECK(raw.integer("SELECT count(*) FROM sqlite_master WHERE name LIKE 'report_%'") == 0);
  CHECK(raw.integer("SELECT count(*) FROM sqlite_master WHERE name = 'event_checkin_day'") == 1);
}

TEST_CASE("central schema: includes run down only (central-tool -> report -> central)") {
  const fs::path app = fs::path(DAGVERK_SOURCE_DIR) / "app";
  const std::regex include(R"(^\s*#\s*include\s*[<"]([^">]+)[">])");
  // Per folder, what its files may not include.
  const std::vector<std::pair<std::string, std::regex>> rules = {
      {"central", std::regex(R"(^(report|central-tool|ui|kiosk)/)")},
      {"sync", std::regex(R"(^(central|report|central-tool|ui|kiosk)/)")},
      {"report", std::regex(R"(^(store/|sync/|central-tool/|ui/|kiosk/|sqlite3\.h$))")},
  };
  int files = 0;
  for (const auto& [folder, forbidden] : rules) {
    for (const auto& entry : fs::directory_iterator(app / folder)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      std::istringstream in(readSource(entry.path()));
      std::string line;
      std::smatch m;
      while (std::getline(in, line))
        if (std::regex_search(line, m, include) && std::regex_search(m[1].str(), forbidden))
          FAIL_CHECK(entry.path().string() << ": " << line);
      if (folder == "report") CHECK(readSource(entry.path()).find("db()") == std::string::npos);
    }
  }
  CHECK(files >= 20);
}

TEST_CASE("central schema: a database made before roster history gets it backfilled by migration 3") {
  TempDir tmp("schema");
  const fs::path file = tmp / "c.sqlite";
  const UtcMs t = baseTime(); // P1 and P2 check in; P2 has since become inactive
  sync::BatchContents b;
  b.batchId = uuidFor(t, 1);
  b.deviceId = "k1";
  b.siteId = "liljan";
  b.batchSeq = 1;
  b.schemaVersion = kEventSchemaVersion;
  b.createdUtc = t;
  b.events = {rowOf("k1", 1, t, CheckedIn{"P1", t}), rowOf("k1", 2, t, CheckedIn{"P2", t})};
  CentralStore::open(file)->importBatch(b, "sha", "1.batch", t);
  const std::string day = formatIsoDate(toStockholm(t).date);
  {
    RawDb raw(file);
    REQUIRE(raw.exec("DROP TABLE roster_spell; PRAGMA user_version = 2; "
                     "ALTER TABLE roster_participant DROP COLUMN symbol; ALTER TABLE roster_participant DROP COLUMN symbol_colour; "
                     "ALTER TABLE roster_participant DROP COLUMN spoken_name; ALTER TABLE roster_activity DROP COLUMN pictogram; "
                     "INSERT INTO roster_participant VALUES ('P1', 'liljan', 'P', 'A', '12345', 1), "
                     "('P2', 'liljan', 'Q', 'B', '135', 0), ('P3', 'liljan', 'R', 'C', '1', 0);") == SQLITE_OK);
  }
  CentralStore::openExisting(file);
  RawDb raw(file);
  CHECK(raw.integer("PRAGMA user_version") == central::latestCentralSchemaVersion());
  // Active: on the roster since before any record. Inactive: left after their last check-in
  // there (P3 never came: a spell that says only where they belonged).
  CHECK(raw.rows("SELECT participant_id, weekdays, valid_from, coalesce(valid_to, '-'), source FROM roster_spell "
                 "ORDER BY participant_id") ==
        std::vector<std::vector<std::string>>{{"P1", "12345", "1900-01-01", "-", "backfill"},
                                              {"P2", "135", "1900-01-01", day, "backfill"},
                                              {"P3", "1", "1900-01-01", "1900-01-01", "backfill"}});
}
