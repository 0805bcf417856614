// The real `dagverk-central` program: init, enroll, publish, import, status, exit codes, and two
// imports running at once.
#include "CentralTestSupport.hpp"

#include "core/RosterCsv.hpp"

#include "store/Database.hpp"
#include "store/Migrations.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

std::vector<std::string> shareArgs(const std::string& command, const ShareFixture& f) {
  return {command, "--share", f.share.string(), "--keys", f.keys.string()};
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<std::string> demoPublish(const ShareFixture& f) {
  return plus(shareArgs("publish", f), {"--roster", demoFile("participants.csv"), "--activities",
                                        demoFile("activities.csv"), "--staff", demoFile("staff.csv")});
}

} // namespace

TEST_CASE("central cli: init prepares the share and refuses to overwrite a marker or keys") {
  TempDir tmp("cli");
  fs::create_directories(tmp / "share");
  auto r = centralCli(tmp, {"init", "--share", (tmp / "share").string(), "--keys", (tmp / "keys").string(), "--unit",
                            "Dagverk Söder"});
  REQUIRE(r.code == 0);
  for (const char* d : {"inbox", "receipts", "bundles", "quarantine"}) CHECK(fs::is_directory(tmp / "share" / d));
  const auto marker = sync::readMarker(tmp / "share");
  CHECK(marker.unit == "Dagverk Söder");
  CHECK(marker.centralSignPk == sync::loadCentralKeys(tmp / "keys").signPk);
  CHECK((fs::status(tmp / "keys").permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  const std::string markerBytes = readBytes(tmp / "share" / sync::kMarkerFileName);
  const std::string keyBytes = readBytes(tmp / "keys" / "central-sign.key");
  // Again, with new keys: the marker is there.
  r = centralCli(tmp, {"init", "--share", (tmp / "share").string(), "--keys", (tmp / "keys2").string()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "redan förberedd"));
  CHECK_FALSE(fs::exists(tmp / "keys2"));
  // A new share with the old keys: the keys are there.
  fs::create_directories(tmp / "share2");
  r = centralCli(tmp, {"init", "--share", (tmp / "share2").string(), "--keys", (tmp / "keys").string()});
  CHECK(r.code == 1);
  CHECK_FALSE(fs::exists(tmp / "share2" / sync::kMarkerFileName));
  CHECK(readBytes(tmp / "share" / sync::kMarkerFileName) == markerBytes);
  CHECK(readBytes(tmp / "keys" / "central-sign.key") == keyBytes);
  // A share directory that does not exist (not mounted) is not created.
  r = centralCli(tmp, {"init", "--share", (tmp / "unmounted").string(), "--keys", (tmp / "keys3").string()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "hittas inte"));
  CHECK_FALSE(fs::exists(tmp / "unmounted"));
}

TEST_CASE("central cli: usage errors exit with 2") {
  TempDir tmp("cli");
  CHECK(centralCli(tmp, {}).code == 2);
  CHECK(centralCli(tmp, {"frobnicate"}).code == 2);
  CHECK(centralCli(tmp, {"import", "--share", "s", "--keys", "k"}).code == 2);
  CHECK(centralCli(tmp, {"status", "--db"}).code == 2);
  CHECK(centralCli(tmp, {"status", "--db", "x", "--bogus", "1"}).code == 2);
  CHECK(centralCli(tmp, {"publish", "--share", "s", "--keys", "k", "--roster", "a", "--activities", "b", "--staff",
                         "c", "--setting", "novalue"})
            .code == 2);
  const auto help = centralCli(tmp, {"--help"});
  CHECK(help.code == 0);
  CHECK(contains(help.out, "dagverk-central import --share S --keys K --db central.sqlite"));
}

TEST_CASE("central cli: publish increments the version, reuses the last sites and seals to enrolled kiosks") {
  ShareFixture f;
  const auto kiosk = f.device("kiosk1", "liljan");
  auto r = centralCli(f.tmp, demoPublish(f));
  CHECK(r.code == 1); // no --sites and no earlier bundle
  CHECK(contains(r.err, "--sites"));
  CHECK(platform::listFiles(f.share / "bundles").empty());
  r = centralCli(f.tmp, plus(demoPublish(f), {"--sites", demoFile("sites.csv"), "--setting", "staff_idle_seconds=120"}));
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "version 1"));
  r = centralCli(f.tmp, demoPublish(f));
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "version 2"));
  CHECK(platform::listFiles(f.share / "bundles") == std::vector<std::string>{"00000001.bundle", "00000002.bundle"});
  // The kiosk's own site's bundle, with that site's rows only; the unit's is central's alone.
  const auto bytes = readBytes(sync::ShareLayout{f.share}.siteBundleFile("liljan", 2));
  const auto b = sync::openBundle(bytes, f.centralKeys.signPk, kiosk);
  CHECK(b.version == 2);
  const RosterFiles siteRoster = parseRosterCsv(b.sitesCsv, b.participantsCsv, b.activitiesCsv);
  CHECK(siteRoster.sites.size() == 1);
  CHECK(siteRoster.participants.size() == 35);
  CHECK(std::all_of(siteRoster.participants.begin(), siteRoster.participants.end(),
                    [](const Participant& p) { return p.siteId == "liljan"; }));
  CHECK(b.unit == "Testenheten");
  const auto whole = sync::openBundleAsCentral(readBytes(sync::ShareLayout{f.share}.bundleFile(2)), f.centralKeys);
  CHECK(whole.sitesCsv == readBytes(demoFile("sites.csv")));
  CHECK(whole.participantsCsv == readBytes(demoFile("participants.csv")));
  CHECK(errorFrom([&] {
          sync::openBundle(readBytes(sync::ShareLayout{f.share}.bundleFile(2)), f.centralKeys.signPk, kiosk);
        }).code() == ErrorCode::BundleRejected);
  const auto b1 = sync::openBundleAsCentral(readBytes(sync::ShareLayout{f.share}.bundleFile(1)), f.centralKeys);
  CHECK(b1.settings.at("staff_idle_seconds") == "120");
  // An unknown setting value is refused, and nothing is published.
  r = centralCli(f.tmp, plus(demoPublish(f), {"--setting", "staff_idle_seconds=5"}));
  CHECK(r.code == 1);
  CHECK(platform::listFiles(f.share / "bundles").size() == 2);
}

TEST_CASE("central cli: publish names the file as given, its line and column, and publishes nothing") {
  ShareFixture f;
  const fs::path dir = f.tmp / "indata";
  fs::create_directories(dir);
  const std::string sites = readBytes(demoFile("sites.csv"));
  const std::string people = readBytes(demoFile("participants.csv"));
  const std::string acts = readBytes(demoFile("activities.csv"));
  const std::string staff = readBytes(demoFile("staff.csv"));
  writeBytes(dir / "platser.csv", sites);
  writeBytes(dir / "aktiviteter.csv", acts);
  writeBytes(dir / "personal.csv", staff);
  auto publish = [&](const std::string& peopleText, const std::string& actsText, const std::string& staffText) {
    writeBytes(dir / "deltagare v47.csv", peopleText);
    writeBytes(dir / "aktiviteter.csv", actsText);
    writeBytes(dir / "personal.csv", staffText);
    return centralCli(f.tmp, plus(shareArgs("publish", f),
                                  {"--roster", (dir / "deltagare v47.csv").string(), "--activities",
                                   (dir / "aktiviteter.csv").string(), "--staff", (dir / "personal.csv").string(),
                                   "--sites", (dir / "platser.csv").string()}));
  };
  const std::string peopleFile = (dir / "deltagare v47.csv").string();
  // A stray quote on line 3 (syntax), an unknown site (cross-check), a wrong column count.
  std::string bad = people;
  const auto line3 = bad.find('\n', bad.find('\n') + 1) + 1;
  bad.insert(line3 + 2, "\"");
  auto r = publish(bad, acts, staff);
  CHECK(r.code == 1);
  CHECK(contains(r.err, peopleFile + ":3:"));
  r = publish(people + "P9999,nowhere,Test,T,12345,\n", acts, staff);
  CHECK(r.code == 1);
  CHECK(contains(r.err, peopleFile + ":"));
  CHECK(contains(r.err, "okänd verksamhet"));
  r = publish(people, acts + "x1,liljan,Extra\n", staff);
  CHECK(r.code == 1);
  CHECK(contains(r.err, (dir / "aktiviteter.csv").string() + ":"));
  r = publish(people, acts, staff + "S999,liljan,Test,T,chef,x\n");
  CHECK(r.code == 1);
  CHECK(contains(r.err, (dir / "personal.csv").string() + ":"));
  // NUL and invalid UTF-8.
  r = publish(people + "P9998,liljan,A" + std::string(1, '\0') + "b,T,12345,\n", acts, staff);
  CHECK(r.code == 1);
  CHECK(contains(r.err, peopleFile + ":"));
  r = publish(people + "P9997,liljan,\xC3\x28,T,12345,\n", acts, staff);
  CHECK(r.code == 1);
  CHECK(contains(r.err, peopleFile + ":"));
  CHECK(platform::listFiles(f.share / "bundles").empty());
  // A missing file is named too.
  r = centralCli(f.tmp, plus(shareArgs("publish", f), {"--roster", (dir / "saknas.csv").string(), "--activities",
                                                       (dir / "aktiviteter.csv").string(), "--staff",
                                                       (dir / "personal.csv").string(), "--sites",
                                                       (dir / "platser.csv").string()}));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "saknas.csv"));
  CHECK(platform::listFiles(f.share / "bundles").empty());
  // With a BOM and CRLF line ends, the files are valid.
  auto crlf = [](const std::string& s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  };
  r = publish("\xEF\xBB\xBF" + crlf(people), "\xEF\xBB\xBF" + acts, staff);
  CHECK(r.code == 0);
  CHECK(platform::listFiles(f.share / "bundles").size() == 1);
}

TEST_CASE("central cli: import reports, quarantines loudly with exit 1, and status shows gaps and clocks") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto b = f.device("kioskB", "liljan");
  f.write(ShareFixture::batch(a, "liljan", 1, 1, 5, baseTime()), a);
  const auto lost = f.write(ShareFixture::batch(a, "liljan", 2, 6, 5, baseTime() + kHour), a);
  auto third = ShareFixture::batch(a, "liljan", 3, 11, 5, baseTime() + 2 * kHour);
  third.events[2].recordedUtc = baseTime() - kHour;                 // clock set back
  third.events[4].recordedUtc = baseTime() + 10LL * 365 * kDay;     // ten years ahead
  f.write(third, a);
  f.write(ShareFixture::batch(b, "liljan", 1, 1, 2, baseTime()), b);
  fs::remove(lost.batch);
  fs::remove(lost.manifest);
  writeBytes(lost.batch.parent_path() / "desktop.ini", "x");
  writeBytes(lost.batch.parent_path() / "Anna Svensson.docx", "notes");
  auto r = centralCli(f.tmp, plus(shareArgs("import", f), {"--db", f.db.string()}));
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Batcher importerade:        3"));
  CHECK(contains(r.out, "Nya händelser:              12"));
  CHECK(contains(r.out, "Ignorerade filer:           2"));
  CHECK(contains(r.err, "ignored desktop.ini"));
  CHECK(contains(r.err, "ignored an unknown file"));
  CHECK_FALSE(contains(r.err + r.out, "Anna")); // a file name may be free text: never logged

  r = centralCli(f.tmp, {"status", "--db", f.db.string()});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Enhet kioskA (verksamhet liljan)"));
  CHECK(contains(r.out, "6–10 (5 händelser saknas)"));
  CHECK(contains(r.out, "Batcher som saknas: 2"));
  CHECK(contains(r.out, "1 bakåt i tiden, 1 mer än ett dygn framåt"));
  CHECK(contains(r.out, "(svensk tid)"));
  r = centralCli(f.tmp, {"status", "--db", f.db.string(), "--json"});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "\"seqGaps\":[[6,10]]"));
  CHECK(contains(r.out, "\"missingBatches\":[2]"));
  CHECK(contains(r.out, "\"clockBack\":1,\"clockFuture\":1"));

  // A changed byte: quarantined, reported, exit 1; the rest of the run still imports.
  auto w = f.write(ShareFixture::batch(b, "liljan", 2, 3, 2, baseTime() + kDay), b);
  f.write(ShareFixture::batch(a, "liljan", 4, 16, 2, baseTime() + kDay), a);
  std::string bytes = readBytes(w.batch);
  bytes[100] = static_cast<char>(bytes[100] ^ 4);
  writeBytes(w.batch, bytes);
  r = centralCli(f.tmp, plus(shareArgs("import", f), {"--db", f.db.string()}));
  CHECK(r.code == 1);
  CHECK(contains(r.out, "Batcher i karantän:         1"));
  CHECK(contains(r.out, "Batcher importerade:        1"));
  CHECK(contains(r.out, "VARNING"));
  CHECK(contains(r.err, "QUARANTINED"));
  r = centralCli(f.tmp, {"status", "--db", f.db.string()});
  CHECK(contains(r.out, "1 filer har lagts i karantän"));
}

TEST_CASE("central cli: import without the share's marker stops with the Swedish message and creates no database") {
  ShareFixture f;
  fs::remove(f.share / sync::kMarkerFileName);
  const auto r = centralCli(f.tmp, plus(shareArgs("import", f), {"--db", f.db.string()}));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Den centrala mappen hittas inte"));
  CHECK(contains(r.err, "share marker not found"));
  CHECK_FALSE(fs::exists(f.db));
}

TEST_CASE("central cli: a database on the share is refused") {
  ShareFixture f;
  const auto r = centralCli(f.tmp, plus(shareArgs("import", f), {"--db", (f.share / "central.sqlite").string()}));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "får inte ligga i den centrala mappen"));
  CHECK_FALSE(fs::exists(f.share / "central.sqlite"));
}

TEST_CASE("central cli: a kiosk database given as --db is refused and left unchanged") {
  ShareFixture f;
  const fs::path kioskDb = f.tmp / "dagverk.sqlite";
  {
    store::Database kiosk(kioskDb, store::Database::Mode::CreateNew);
    store::migrate(kiosk);
    kiosk.exec("INSERT INTO meta(key, value) VALUES ('site_id', 'liljan'), ('device_id', 'dev1')");
  }
  const auto a = f.device("kioskA", "liljan");
  f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  const std::string before = readBytes(kioskDb);
  auto r = centralCli(f.tmp, plus(shareArgs("import", f), {"--db", kioskDb.string()}));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "inte en central Dagverk-databas"));
  r = centralCli(f.tmp, {"status", "--db", kioskDb.string()});
  CHECK(r.code == 1);
  CHECK(readBytes(kioskDb) == before);
  CHECK(f.receipts("kioskA").empty());
}

TEST_CASE("central cli: two imports at once on one share and database import everything exactly once") {
  ShareFixture f;
  constexpr int kDevices = 3, kBatches = 20, kPerBatch = 40;
  for (int d = 0; d < kDevices; ++d) {
    const std::string id = "kiosk" + std::to_string(d);
    const auto key = f.device(id, d == 2 ? "ornsberg" : "liljan");
    for (int i = 1; i <= kBatches; ++i) {
      // Every other batch re-sends the previous batch's last ten events.
      const std::int64_t first = 1 + (i - 1) * kPerBatch - (i % 2 == 0 ? 10 : 0);
      const std::int64_t n = kPerBatch + (i % 2 == 0 ? 10 : 0);
      f.write(ShareFixture::batch(key, d == 2 ? "ornsberg" : "liljan", i, first, n, baseTime() + i * kHour), key);
    }
  }
  const fs::path o1 = f.tmp / "o1", o2 = f.tmp / "o2";
  // Both processes wait on one FIFO and start when it is written to (a starting gun), so their
  // imports overlap rather than run one after the other.
  const fs::path gun = f.tmp / "start";
  std::string cmd = "mkfifo " + shellQuoted(gun.string()) + " || exit 1; ";
  for (const auto& o : {o1, o2})
    cmd += "(timeout 10 cat " + shellQuoted(gun.string()) + " >/dev/null; timeout 120 " + shellQuoted(DAGVERK_CENTRAL_BIN) + " import --share " + shellQuoted(f.share.string()) +
           " --keys " + shellQuoted(f.keys.string()) + " --db " + shellQuoted(f.db.string()) + " >" +
           shellQuoted(o.string() + ".out") + " 2>" + shellQuoted(o.string() + ".err") + "; echo $? >" +
           shellQuoted(o.string() + ".rc") + ") & ";
  cmd += "sleep 0.3; echo go >" + shellQuoted(gun.string()) + "; wait";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto number = [](const std::string& out, const std::string& label) {
    const auto p = out.find(label);
    REQUIRE(p != std::string::npos);
    return std::stoll(out.substr(p + label.size()));
  };
  long long imported = 0, already = 0, fresh = 0, receipts = 0;
  for (const auto& o : {o1, o2}) {
    const std::string out = readBytes(o.string() + ".out");
    INFO(out << readBytes(o.string() + ".err"));
    CHECK(readBytes(o.string() + ".rc") == "0\n");
    imported += number(out, "Batcher importerade:");
    already += number(out, "Batcher redan importerade:");
    fresh += number(out, "Nya händelser:");
    receipts += number(out, "Kvitton skrivna:");
    CHECK(number(out, "Batcher i karantän:") == 0);
  }
  CHECK(imported == kDevices * kBatches);
  CHECK(imported + already == 2 * kDevices * kBatches);
  CHECK(fresh == kDevices * kBatches * kPerBatch);
  CHECK(receipts == kDevices * kBatches);
  RawDb raw(f.db);
  CHECK(raw.integer("SELECT count(*) FROM event") == kDevices * kBatches * kPerBatch);
  CHECK(raw.integer("SELECT count(*) FROM batch") == kDevices * kBatches);
  CHECK(raw.integer("SELECT sum(events) FROM device") == kDevices * kBatches * kPerBatch);
  CHECK(raw.integer("SELECT count(*) FROM quarantine") == 0);
  for (int d = 0; d < kDevices; ++d) CHECK(f.receipts("kiosk" + std::to_string(d)).size() == kBatches);
  auto store = central::CentralStore::openExisting(f.db);
  for (const auto& s : store->deviceStatus()) {
    CHECK(s.seqGaps.empty());
    CHECK(s.missingBatches.empty());
    CHECK(s.events == kBatches * kPerBatch);
  }
}
