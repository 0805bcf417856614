// `dagverk-central publish` as the last guard before a roster reaches every kiosk: it says what
// changes per site (ids and counts, never names), refuses a change that would end a large part
// of a site's participants unless told it is meant, reads every line ending, and lets no id or
// photo value through that could name a path outside its folder.
#include "CentralTestSupport.hpp"

#include "core/Period.hpp"
#include "core/RosterCsv.hpp"
#include "platform/SystemClock.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

struct Publisher {
  ShareFixture f;
  fs::path dir = f.tmp / "indata";
  std::string sites = readBytes(demoFile("sites.csv"));
  std::string people = readBytes(demoFile("participants.csv"));
  std::string acts = readBytes(demoFile("activities.csv"));
  std::string staff = readBytes(demoFile("staff.csv"));

  Publisher() {
    fs::create_directories(dir);
    f.device("kiosk1", "liljan");
  }
  CliRun publish(const std::string& peopleText, const std::vector<std::string>& extra = {}) {
    return publishAll(sites, peopleText, acts, staff, extra);
  }
  CliRun publishAll(const std::string& sitesText, const std::string& peopleText, const std::string& actsText,
                    const std::string& staffText, const std::vector<std::string>& extra = {}) {
    writeBytes(dir / "sites.csv", sitesText);
    writeBytes(dir / "participants.csv", peopleText);
    writeBytes(dir / "activities.csv", actsText);
    writeBytes(dir / "staff.csv", staffText);
    std::vector<std::string> args = {"publish", "--share", f.share.string(), "--keys", f.keys.string(),
                                     "--sites", (dir / "sites.csv").string(), "--roster",
                                     (dir / "participants.csv").string(), "--activities",
                                     (dir / "activities.csv").string(), "--staff", (dir / "staff.csv").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return centralCli(f.tmp, args);
  }
  std::vector<std::string> bundles() const { return platform::listFiles(f.share / "bundles"); }
  RosterFiles newestRoster() const {
    const auto names = bundles();
    REQUIRE_FALSE(names.empty());
    const auto b = sync::openBundleAsCentral(readBytes(f.share / "bundles" / names.back()), f.centralKeys);
    return parseRosterCsv(b.sitesCsv, b.participantsCsv, b.activitiesCsv);
  }
  // The roster central itself takes as its newest (only bundles that verify count).
  RosterFiles newestRosterVerified() const {
    const auto newest = central::findNewestBundle(f.share, f.centralKeys);
    REQUIRE(newest.contents);
    return parseRosterCsv(newest.contents->sitesCsv, newest.contents->participantsCsv, newest.contents->activitiesCsv);
  }
  fs::path file(const std::string& name) const { return dir / name; }
};

// The CSV text without the rows whose participant id is in `ids`.
std::string withoutIds(const std::string& csv, const std::set<std::string>& ids) {
  std::string out;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find('\n', start);
    end = end == std::string::npos ? csv.size() : end + 1;
    const std::string line = csv.substr(start, end - start);
    if (!ids.count(line.substr(0, line.find(',')))) out += line;
    start = end;
  }
  return out;
}

std::string headerOnly(const std::string& csv) { return csv.substr(0, csv.find('\n') + 1); }

std::set<std::string> liljanIds(int from, int to) {
  std::set<std::string> ids;
  for (int i = from; i <= to; ++i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "P%04d", i);
    ids.insert(buf);
  }
  return ids;
}

size_t countAt(const RosterFiles& r, const std::string& site) {
  return static_cast<size_t>(std::count_if(r.participants.begin(), r.participants.end(),
                                           [&](const Participant& p) { return p.siteId == site; }));
}

} // namespace

TEST_CASE("publish: prints what changes per site as counts and ids, never names") {
  Publisher p;
  auto r = p.publish(p.people);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "liljan: 35 nya, 0 ändrade, 0 avslutade"));
  CHECK(contains(r.out, "ornsberg: 21 nya, 0 ändrade, 0 avslutade"));
  // One ended, one changed (weekdays), one added at Liljan.
  std::string next = withoutIds(p.people, {"P0003"});
  next.replace(next.find("P0002,liljan,Hugo,N,1234,"), 25, "P0002,liljan,Hugo,N,12345,");
  next += "P0900,liljan,Ny,N,12345,\n";
  r = p.publish(next);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "liljan: 1 nya, 1 ändrade, 1 avslutade (P0003)"));
  CHECK(contains(r.out, "ornsberg: 0 nya, 0 ändrade, 0 avslutade"));
  CHECK_FALSE(contains(r.out, "Hugo"));
  CHECK_FALSE(contains(r.out, "Dalia"));
  CHECK(p.bundles().size() == 2);
}

TEST_CASE("publish: ending more than a quarter of a site's participants needs --allow-large-change") {
  Publisher p;
  const std::vector<std::string> importArgs = {"import", "--share", p.f.share.string(), "--keys", p.f.keys.string(),
                                               "--db", p.f.db.string()};
  REQUIRE(p.publish(p.people).code == 0);
  // 9 of Liljan's 35 (26 %): refused, naming the site and the counts; nothing published.
  auto r = p.publish(withoutIds(p.people, liljanIds(1, 9)));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "liljan"));
  CHECK(contains(r.err, "9 av 35"));
  CHECK(contains(r.err, "--allow-large-change"));
  CHECK(p.bundles().size() == 1);
  // 8 of 35 (23 %) is an ordinary change.
  r = p.publish(withoutIds(p.people, liljanIds(1, 8)));
  CHECK(r.code == 0);
  CHECK(p.bundles().size() == 2);
  // Told that it is meant, the large change is published.
  r = p.publish(withoutIds(p.people, liljanIds(9, 20)), {"--allow-large-change"});
  CHECK(r.code == 0);
  CHECK(p.bundles().size() == 3);
}

TEST_CASE("publish: a participants file with only its header is a large change for every site with participants") {
  Publisher p;
  const std::vector<std::string> importArgs = {"import", "--share", p.f.share.string(), "--keys", p.f.keys.string(),
                                               "--db", p.f.db.string()};
  REQUIRE(p.publish(p.people).code == 0);
  auto r = p.publish(headerOnly(p.people));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "liljan"));
  CHECK(contains(r.err, "35 av 35"));
  CHECK(p.bundles().size() == 1);
  // A first publish has nothing to end: an empty roster is allowed then.
  Publisher fresh;
  CHECK(fresh.publish(headerOnly(fresh.people)).code == 0);
}

TEST_CASE("publish: files with CR-only line ends are read line by line") {
  Publisher p;
  const std::vector<std::string> importArgs = {"import", "--share", p.f.share.string(), "--keys", p.f.keys.string(),
                                               "--db", p.f.db.string()};
  REQUIRE(p.publish(p.people).code == 0);
  std::string cr = p.people;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  const auto r = p.publish(cr);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "liljan: 0 nya, 0 ändrade, 0 avslutade"));
  REQUIRE(p.bundles().size() == 2);
  const RosterFiles roster = p.newestRoster();
  CHECK(roster.participants.size() == 134);
  CHECK(countAt(roster, "liljan") == 35);
}

TEST_CASE("publish: an id or photo value that could name another path is refused with file and line") {
  Publisher p;
  const auto refused = [&](const CliRun& r, const std::string& where) {
    CHECK(r.code == 1);
    CHECK(contains(r.err, where));
    CHECK(p.bundles().empty());
  };
  const std::string peopleFile = p.file("participants.csv").string();
  // A site id that climbs out of the share's inbox.
  refused(p.publishAll(p.sites + "../../evil,Ond,5,08:00,16:00\n", p.people, p.acts, p.staff),
          p.file("sites.csv").string() + ":11:1");
  // Participant ids and photo values.
  const size_t lines = static_cast<size_t>(std::count(p.people.begin(), p.people.end(), '\n'));
  const std::string next = ":" + std::to_string(lines + 1) + ":";
  refused(p.publish(p.people + "P/0900,liljan,Ny,N,12345,\n"), peopleFile + next + "1");
  refused(p.publish(p.people + "P0900,liljan,Ny,N,12345,/etc/shadow\n"), peopleFile + next + "6");
  refused(p.publish(p.people + "P0900,liljan,Ny,N,12345,../ny.jpg\n"), peopleFile + next + "6");
  refused(p.publish(p.people + "P0900,liljan,Ny,N,12345,.hidden.jpg\n"), peopleFile + next + "6");
  refused(p.publish(p.people + "P0900,liljan,Ny,N,12345," + std::string(200, 'a') + ".jpg\n"), peopleFile + next + "6");
  // Activity and staff ids.
  refused(p.publishAll(p.sites, p.people, p.acts + "a..b,liljan,Extra,Skapande\n", p.staff),
          p.file("activities.csv").string() + ":");
  refused(p.publishAll(p.sites, p.people, p.acts, p.staff + "S 999,liljan,Test,T,staff,\"$argon2id$x\"\n"),
          p.file("staff.csv").string() + ":");
  // A bare photo file name is fine.
  CHECK(p.publish(p.people + "P0900,liljan,Ny,N,12345,p0900-2026.jpg\n").code == 0);
}

TEST_CASE("publish then import: central records who left the roster, from the bundle's day") {
  Publisher p;
  const std::vector<std::string> importArgs = {"import", "--share", p.f.share.string(), "--keys", p.f.keys.string(),
                                               "--db", p.f.db.string()};
  REQUIRE(p.publish(p.people).code == 0);
  REQUIRE(centralCli(p.f.tmp, importArgs).code == 0);
  REQUIRE(p.publish(withoutIds(p.people, {"P0001"})).code == 0);
  REQUIRE(centralCli(p.f.tmp, importArgs).code == 0);
  RawDb raw(p.f.db);
  // The first roster central held is valid since before any record; the second one, created
  // today, ends P0001's spell yesterday and leaves everyone else's open.
  const std::string yesterday = formatIsoDate(addDays(toStockholm(platform::SystemClock().nowUtc()).date, -1));
  CHECK(raw.rows("SELECT valid_from, valid_to, source, source_ref FROM roster_spell WHERE participant_id = 'P0001'") ==
        std::vector<std::vector<std::string>>{{"1900-01-01", yesterday, "bundle", "1"}});
  CHECK(raw.integer("SELECT count(*) FROM roster_spell WHERE valid_to IS NULL") ==
        raw.integer("SELECT count(*) FROM roster_participant WHERE active = 1"));
}

TEST_CASE("publish: a planted bundle file with the highest possible version does not stop the next publish") {
  Publisher p;
  REQUIRE(p.publish(p.people).code == 0);
  // Anyone who can write to the share can drop a one-byte file under the largest version name.
  writeBytes(p.f.share / "bundles" / "9223372036854775807.bundle", "x");
  const auto r = p.publish(withoutIds(p.people, {"P0001"}));
  CHECK(r.code == 0);
  CHECK(contains(r.out, "liljan: 0 nya, 0 ändrade, 1 avslutade (P0001)"));
  // The new roster is the one central reads back as its newest.
  CHECK(countAt(p.newestRosterVerified(), "liljan") == 34);
}

TEST_CASE("publish: a planted bundle whose signature does not verify does not count as a version") {
  Publisher p;
  REQUIRE(p.publish(p.people).code == 0);
  // A well-formed header claiming version 50, signed by someone else's key.
  const sync::CentralKeys other = sync::createCentralKeys(p.f.tmp / "other-keys");
  sync::BundleContents fake;
  fake.version = 50;
  fake.unit = "Testenheten";
  fake.sitesCsv = p.sites;
  fake.participantsCsv = p.people;
  fake.activitiesCsv = p.acts;
  fake.staffCsv = p.staff;
  writeBytes(p.f.share / "bundles" / "00000050.bundle", sync::sealBundle(fake, other, {}));
  const auto r = p.publish(p.people);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "version 2"));
}
