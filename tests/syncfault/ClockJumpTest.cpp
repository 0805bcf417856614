// Clock jumps: check-ins recorded with the kiosk's clock an hour back and a year ahead,
// through libfaketime on the real program (the machine clock is never touched). Every event
// reaches central, ordered by device sequence, and `dagverk-central status` flags the times.
#include "SyncFaultSupport.hpp"

#include <regex>

using namespace dagverk;
using namespace dagverk::test;

namespace {

const char* const kFaketimeLib = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

Env faketime(const std::string& offset) {
  Env e = preloadEnv(kFaketimeLib);
  e["FAKETIME"] = offset;
  e["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
  e["FAKETIME_NO_CACHE"] = "1";
  return e;
}

long long nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The kiosk's "now" in this test is noon today in Stockholm, whatever the wall clock says:
// an hour back from a quarter past midnight is yesterday, where the nightly rollover has
// already closed the visit, and the test would then prove something else.
long long noonShiftSeconds() {
  const long long wall = nowMs();
  return (fromStockholm(toStockholm(wall).date, 12, 0) - wall) / 1000;
}

// libfaketime reads a bare signed number as seconds from the real clock.
Env shifted(long long baseSeconds, long long extraSeconds = 0) {
  const long long s = baseSeconds + extraSeconds;
  return faketime((s < 0 ? "-" : "+") + std::to_string(s < 0 ? -s : s));
}

Proc check(const World& w, const Kiosk& k, bool in, const std::string& participant, const Env& env = {}) {
  const Proc p = w.kioskCli({in ? "checkin" : "checkout", "--data-dir", k.data.string(), "--participant", participant},
                            env);
  INFO(p.describe());
  CHECK(p.code == 0);
  return p;
}

} // namespace

TEST_CASE("Clock jumps: an hour back and a year ahead are imported in device order and flagged") {
  REQUIRE(fs::exists(kFaketimeLib));
  World w("clock");
  w.init();
  const Kiosk k = w.addKiosk("liljan");
  const long long before = nowMs();

  // libfaketime really moves the program's clock (or this test would prove nothing).
  {
    const Proc date = runProcess({"/bin/date", "+%s"}, faketime("+1y"));
    REQUIRE(date.code == 0);
    CHECK(std::stoll(date.out) > before / 1000 + 300LL * 86400);
  }

  // A check-out may not come before its check-in, and the rollover closes visits from another
  // day, so the hour back is a check-in, closed again before the year ahead.
  const long long noon = noonShiftSeconds();
  const Env now = shifted(noon);
  check(w, k, true, "P0001", now);                      // 1 now
  check(w, k, true, "P0005", shifted(noon, -3600));     // 2 an hour before the previous event: back
  check(w, k, false, "P0005", now);                     // 3 now
  check(w, k, false, "P0001", now);                     // 4 now
  check(w, k, true, "P0002", faketime("+1y"));          // 5 a year ahead: future
  // 6 now again: the rollover closes P0002's visit from the future (before the previous event:
  // back), then 7 P0006 checks in.
  check(w, k, true, "P0006", now);
  check(w, k, true, "P0003", now);                      // 8 normal

  std::vector<std::vector<std::string>> kioskRows;
  {
    RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
    kioskRows = raw.rows("SELECT id, seq, recorded_utc FROM event ORDER BY seq");
  }
  REQUIRE(kioskRows.size() >= 8);
  CHECK(std::stoll(kioskRows[1][2]) < std::stoll(kioskRows[0][2]) - 30LL * 60 * 1000);
  CHECK(std::stoll(kioskRows[4][2]) > before + 300LL * 86400 * 1000);

  // The kiosk syncs with its clock a year ahead and then an hour back: both work.
  const Proc ahead = w.sync(k, faketime("+1y"));
  INFO(ahead.describe());
  CHECK(ahead.code == 0);
  REQUIRE(w.import().code == 0);
  check(w, k, true, "P0004", now);
  const Proc back = w.sync(k, shifted(noon, -3600));
  INFO(back.describe());
  CHECK(back.code == 0);
  const Proc imp = w.import();
  INFO(imp.describe());
  REQUIRE(imp.code == 0);
  const Proc last = w.sync(k, now);
  CHECK(last.code == 0);
  CHECK(World::acked(k) == static_cast<long long>(World::kioskEvents(k).size()));

  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  {
    RawDb raw(w.db, SQLITE_OPEN_READONLY);
    // Ordered by device sequence, never by wall time: 1..n with the kiosk's times.
    const auto rows = raw.rows("SELECT id, seq, recorded_utc FROM event WHERE device_id = '" + k.deviceId +
                               "' ORDER BY seq");
    std::vector<std::vector<std::string>> kioskAll;
    {
      RawDb kraw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
      kioskAll = kraw.rows("SELECT id, seq, recorded_utc FROM event ORDER BY seq");
    }
    CHECK(rows == kioskAll);
    const auto flags = raw.rows("SELECT c.kind, e.seq FROM clock_flag c JOIN event e ON e.id = c.event_id ORDER BY e.seq");
    std::set<std::string> got;
    for (const auto& f : flags) got.insert(f[0] + "@" + f[1]);
    INFO("clock flags: " << [&] {
      std::string s;
      for (const auto& g : got) s += g + " ";
      return s;
    }());
    CHECK(got.count("back@2"));
    CHECK(got.count("future@5"));
    CHECK(got.count("back@6"));
    CHECK_FALSE(got.count("back@7"));
    CHECK_FALSE(got.count("future@4"));
    CHECK_FALSE(got.count("future@1"));
    CHECK(raw.integer("SELECT clock_back FROM device WHERE device_id = '" + k.deviceId + "'") >= 2);
    CHECK(raw.integer("SELECT clock_future FROM device WHERE device_id = '" + k.deviceId + "'") >= 1);
  }

  const Proc st = w.status(true);
  INFO(st.describe());
  REQUIRE(st.code == 0);
  CHECK(std::regex_search(st.out, std::regex(R"re("clockBack"\s*:\s*[2-9])re")));
  CHECK(std::regex_search(st.out, std::regex(R"re("clockFuture"\s*:\s*[1-9])re")));
  const Proc plain = w.status(false);
  INFO(plain.describe());
  REQUIRE(plain.code == 0);
  CHECK((contains(plain.out, "klocka") || contains(plain.out, "Klocka") || contains(plain.out, "klockan")));
}
