#pragma once
// The second hand-counted fixture (tests/report/fixtures/month-rollout.md): March 2025 at two
// sites, recorded through real kiosk stores with a manual clock and imported into a central
// database. It holds the cases a unit manager has to be able to defend: a site rolled out
// mid-period, a forgotten check-out on the period's last day (and one from the period before),
// a complaint in a period that ends after the report was made, a Saturday opening, a kiosk that
// stopped sending, a participant who left and one who joined mid-period, and check-ins by
// someone not on the site's roster.
#include "ReportFixture.hpp"

#include "store/CheckInOut.hpp"

namespace dagverk::test {

inline LocalDate march(int day) { return LocalDate{2025, 3, day}; }

// The central roster: version 1 (the first central holds: valid since before any record) and
// version 2, published on Monday 17 March: Bert has left Granen, Cecilia has joined (Mon, Wed, Fri).
inline RosterFiles rolloutRoster(int version) {
  RosterFiles r;
  r.sites.push_back(Site{"granen", "Granens dagliga verksamhet", 3, 8 * 60, 16 * 60});
  r.sites.push_back(Site{"tallen", "Tallens dagliga verksamhet", 2, 8 * 60, 16 * 60});
  // Linden has places but no kiosk yet, so no record at all: every figure "–".
  r.sites.push_back(Site{"linden", "Lindens dagliga verksamhet", 4, 8 * 60, 16 * 60});
  const auto person = [&](const std::string& id, const std::string& site, const std::string& name,
                          const std::string& weekdays) {
    Participant p;
    p.id = id;
    p.siteId = site;
    p.firstName = name;
    p.initial = name.substr(0, 1);
    p.expectedWeekdays = *parseWeekdays(weekdays);
    r.participants.push_back(p);
  };
  person("p-ada", "granen", "Ada", "12345");
  if (version == 1) person("p-bert", "granen", "Bert", "12345");
  if (version == 2) person("p-cecilia", "granen", "Cecilia", "135");
  person("p-dora", "tallen", "Dora", "12345");
  person("p-eje", "tallen", "Eje", "12345");
  StaffMember s;
  s.id = "s-gun";
  s.siteIds = {"granen", "tallen", "linden"};
  s.firstName = "Gun";
  s.initial = "G";
  s.role = StaffRole::AssistantManager;
  r.staff.push_back(s);
  return r;
}

// Kiosk G1's own roster file is older and wrong in two ways: it lists a guest ("p-gast") central
// never knew, and Dora at Granen (she went to Tallen). It also already has Cecilia.
inline RosterFiles kioskG1Roster() {
  RosterFiles r = rolloutRoster(1);
  for (auto& p : r.participants)
    if (p.id == "p-dora") p.siteId = "granen";
  Participant c;
  c.id = "p-cecilia";
  c.siteId = "granen";
  c.firstName = "Cecilia";
  c.initial = "C";
  c.expectedWeekdays = *parseWeekdays("135");
  r.participants.push_back(c);
  Participant g = c;
  g.id = "p-gast";
  g.firstName = "Gäst";
  g.initial = "G";
  r.participants.push_back(g);
  return r;
}

inline void buildRolloutFixture(const std::filesystem::path& work, const std::filesystem::path& dbFile) {
  ManualClock clock(fromStockholm(LocalDate{2025, 2, 28}, 7, 0));
  auto g1 = store::KioskStore::createWithRoster(work / "kiosk-g1", clock, kioskG1Roster(), "granen");
  auto g2 = store::KioskStore::createWithRoster(work / "kiosk-g2", clock, rolloutRoster(1), "granen");
  const auto when = [&](LocalDate d, int h, int m = 0) { clock.set(fromStockholm(d, h, m)); };
  const auto in = [&](store::KioskStore& k, const char* who) { store::perform(k, cmd::CheckIn{who, std::nullopt}); };
  const auto out = [&](store::KioskStore& k, const char* who) { store::perform(k, cmd::CheckOut{who, std::nullopt}); };

  // Friday 28 February (the month before): Ada's check-out is forgotten; Monday's rollover
  // closes it, on the visit's day, 28 February.
  when(LocalDate{2025, 2, 28}, 9);
  in(*g1, "p-ada");

  for (int d = 3; d <= 31; ++d) {
    const LocalDate day = march(d);
    if (isoWeekday(day) >= 6) continue; // Granen is closed at weekends
    when(day, 7, 30);
    store::runDayRollover(*g1);
    when(day, 9);
    in(*g1, "p-ada");
    if (d == 3 || d == 10) { // Mondays at kiosk G2: Bert, and Ada a second time (one day)
      in(*g2, "p-bert");
      in(*g2, "p-ada");
    }
    if (d == 4) store::perform(*g1, cmd::NoteAbsence{"p-bert", "sjuk", "", "s-gun"});
    if (d == 5) in(*g1, "p-gast"); // not on central's roster
    if (d == 6) in(*g1, "p-dora"); // Tallen's participant, at Granen's kiosk
    if (d == 19 || d == 21 || d == 24) in(*g1, "p-cecilia");
    if (d == 28) store::perform(*g1, cmd::NoteAbsence{"p-cecilia", "ledig", "", "s-gun"});
    if (d == 20) {
      ComplaintRegistered c;
      c.type = "klagomal";
      c.source = "brukare";
      c.concerns = "mat";
      c.receivedDate = "2025-03-20";
      c.channel = "muntligt";
      c.description = "fixture text";
      store::perform(*g1, cmd::RegisterComplaint{c, "s-gun"});
    }
    when(day, 15);
    if (d != 31) out(*g1, "p-ada"); // 31 March, the period's last day: forgotten
    if (d == 3 || d == 10) {
      out(*g2, "p-bert");
      out(*g2, "p-ada");
    }
    if (d == 5) out(*g1, "p-gast");
    if (d == 6) out(*g1, "p-dora");
    if (d == 19 || d == 21 || d == 24) out(*g1, "p-cecilia");
  }
  // Tuesday 1 April: the rollover closes Ada's 31 March.
  when(LocalDate{2025, 4, 1}, 7, 30);
  store::runDayRollover(*g1);

  // Tallen starts using Dagverk on Thursday 27 March, and opens on Saturday 29 March.
  when(march(27), 7, 0);
  auto t1 = store::KioskStore::createWithRoster(work / "kiosk-t1", clock, rolloutRoster(1), "tallen");
  when(march(27), 9);
  in(*t1, "p-dora");
  in(*t1, "p-eje");
  when(march(27), 15);
  out(*t1, "p-dora");
  out(*t1, "p-eje");
  when(march(28), 9);
  in(*t1, "p-dora");
  in(*t1, "p-eje");
  when(march(28), 15);
  out(*t1, "p-dora"); // Eje's check-out forgotten: Saturday's rollover closes it
  when(march(29), 7, 30);
  store::runDayRollover(*t1);
  when(march(29), 10);
  in(*t1, "p-dora");
  when(march(29), 14);
  out(*t1, "p-dora");
  when(march(31), 9);
  in(*t1, "p-dora");
  when(march(31), 15);
  out(*t1, "p-dora");

  // Sync: G2 sent its last batch on 10 March and then nothing (switched off); G1 and T1 on
  // 1 April. Roster version 1 was stored before anything; version 2 was published on 17 March.
  auto central = central::CentralStore::open(dbFile);
  central->storeRoster(rolloutRoster(1), 1, LocalDate{2025, 2, 1});
  central->storeRoster(rolloutRoster(2), 2, march(17));
  auto b2 = batchOf(*g2, "granen", 1);
  b2.createdUtc = fromStockholm(march(10), 16, 0);
  central->importBatch(b2, "sha-g2", "g2.batch", b2.createdUtc);
  when(LocalDate{2025, 4, 1}, 16);
  auto b1 = batchOf(*g1, "granen", 1);
  b1.createdUtc = clock.nowUtc();
  central->importBatch(b1, "sha-g1", "g1.batch", clock.nowUtc());
  auto bt = batchOf(*t1, "tallen", 1);
  bt.createdUtc = clock.nowUtc();
  central->importBatch(bt, "sha-t1", "t1.batch", clock.nowUtc());
}

} // namespace dagverk::test
