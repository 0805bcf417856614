#include "store/DemoUnit.hpp"
#include "core/Error.hpp"
#include "core/RosterCsv.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>

using namespace dagverk;

namespace {
const std::string kSites = "site_id,name,places,opens,closes\n"
                           "s1,Första,10,08:00,16:00\n"
                           "s2,Andra,5,08:30,15:30\n";
const std::string kPeople = "participant_id,site_id,first_name,initial,weekdays,photo\n"
                            "P1,s1,Åsa,B,12345,\n"
                            "P2,s2,Östen,Ö,135,p2.jpg\n";
const std::string kActivities = "activity_id,site_id,name,category\n"
                                "A1,s1,Bild och form,Skapande\n";

// Expects parseRosterCsv to fail with BadInput naming `where` (file:line:col).
void requireRosterError(const std::string& sites, const std::string& people, const std::string& activities,
                        const std::string& where) {
  try {
    parseRosterCsv(sites, people, activities);
    FAIL("parseRosterCsv did not throw; expected an error at " << where);
  } catch (const DagverkError& e) {
    INFO("swedish: " << e.swedish() << "\nenglish: " << e.english());
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(e.swedish().find(where) != std::string::npos);
    CHECK(std::string(e.english()).find(where) != std::string::npos);
  }
}
} // namespace

TEST_CASE("RosterCsv: a valid roster") {
  const RosterFiles r = parseRosterCsv(kSites, kPeople, kActivities);
  REQUIRE(r.sites.size() == 2);
  CHECK(r.sites[0].id == "s1");
  CHECK(r.sites[0].name == "Första");
  CHECK(r.sites[0].places == 10);
  CHECK(r.sites[0].opensMinute == 8 * 60);
  CHECK(r.sites[0].closesMinute == 16 * 60);
  CHECK(r.sites[1].opensMinute == 8 * 60 + 30);
  CHECK(r.sites[1].closesMinute == 15 * 60 + 30);
  REQUIRE(r.participants.size() == 2);
  const Participant& p1 = r.participants[0];
  CHECK(p1.id == "P1");
  CHECK(p1.siteId == "s1");
  CHECK(p1.firstName == "Åsa");
  CHECK(p1.displayName() == "Åsa B.");
  CHECK(p1.initials() == "ÅB");
  CHECK(p1.expectedWeekdays == std::array<bool, 7>{true, true, true, true, true, false, false});
  CHECK_FALSE(p1.photoFile.has_value());
  CHECK(p1.active);
  const Participant& p2 = r.participants[1];
  CHECK(p2.initial == "Ö");
  CHECK(p2.expectedWeekdays == std::array<bool, 7>{true, false, true, false, true, false, false});
  CHECK(p2.photoFile == std::optional<std::string>("p2.jpg"));
  REQUIRE(r.activities.size() == 1);
  CHECK(r.activities[0].name == "Bild och form");
  CHECK(r.activities[0].category == "Skapande");
}

TEST_CASE("RosterCsv: columns may come in any order, with CRLF and BOM") {
  const std::string sites = "\xEF\xBB\xBF" "closes,opens,places,name,site_id\r\n16:00,08:00,3,\"Ett, två\",s1\r\n";
  const std::string people = "weekdays,photo,initial,first_name,site_id,participant_id\r\n7,,K,Ali,s1,P9\r\n";
  const RosterFiles r = parseRosterCsv(sites, people, "activity_id,site_id,name,category\r\n");
  REQUIRE(r.sites.size() == 1);
  CHECK(r.sites[0].name == "Ett, två");
  CHECK(r.sites[0].closesMinute == 16 * 60);
  REQUIRE(r.participants.size() == 1);
  CHECK(r.participants[0].id == "P9");
  CHECK(r.participants[0].expectedWeekdays[6]);
  CHECK(r.activities.empty());
}

TEST_CASE("RosterCsv: unknown site id") {
  requireRosterError(kSites, kPeople + "P3,nowhere,Bo,C,1,\n", kActivities, "participants.csv:4:2");
  requireRosterError(kSites, kPeople, kActivities + "A2,nowhere,Teater,Kultur\n", "activities.csv:3:2");
}

TEST_CASE("RosterCsv: duplicate ids") {
  requireRosterError(kSites, kPeople + "P1,s2,Bo,C,1,\n", kActivities, "participants.csv:4:1");
  requireRosterError(kSites + "s1,Igen,3,08:00,16:00\n", kPeople, kActivities, "sites.csv:4:1");
  requireRosterError(kSites, kPeople, kActivities + "A1,s2,Teater,Kultur\n", "activities.csv:3:1");
}

TEST_CASE("RosterCsv: bad weekdays") {
  for (const char* days : {"8", "0", "11", "1234567 ", "12a", "mån", "1-5"}) {
    INFO("weekdays '" << days << "'");
    requireRosterError(kSites, kPeople + "P3,s1,Bo,C," + days + ",\n", kActivities, "participants.csv:4:5");
  }
}

TEST_CASE("RosterCsv: bad times and places") {
  const std::string head = "site_id,name,places,opens,closes\n";
  for (const char* t : {"8:00", "25:00", "08:60", "0800", "", "08.00", "kl 8"}) {
    INFO("opens '" << t << "'");
    requireRosterError(head + "s1,Ett,10," + t + ",16:00\n", kPeople.substr(0, kPeople.find('\n') + 1),
                       kActivities.substr(0, kActivities.find('\n') + 1), "sites.csv:2:4");
  }
  requireRosterError(head + "s1,Ett,10,08:00,24:00\n", "participant_id,site_id,first_name,initial,weekdays,photo\n",
                     "activity_id,site_id,name,category\n", "sites.csv:2:5");
  // Closing before (or at) opening.
  requireRosterError(head + "s1,Ett,10,16:00,08:00\n", "participant_id,site_id,first_name,initial,weekdays,photo\n",
                     "activity_id,site_id,name,category\n", "sites.csv:2:5");
  for (const char* places : {"tio", "-1", "10 ", "", "1.5"}) {
    INFO("places '" << places << "'");
    requireRosterError(head + "s1,Ett," + places + ",08:00,16:00\n",
                       "participant_id,site_id,first_name,initial,weekdays,photo\n",
                       "activity_id,site_id,name,category\n", "sites.csv:2:3");
  }
}

TEST_CASE("RosterCsv: missing values, a long initial and a missing column") {
  requireRosterError(kSites, kPeople + "P3,s1,,C,1,\n", kActivities, "participants.csv:4:3");
  requireRosterError(kSites, kPeople + ",s1,Bo,C,1,\n", kActivities, "participants.csv:4:1");
  requireRosterError(kSites, kPeople + "P3,s1,Bo,Co,1,\n", kActivities, "participants.csv:4:4");
  requireRosterError(kSites, "participant_id,site_id,first_name,weekdays,photo\nP1,s1,Åsa,1,\n", kActivities,
                     "participants.csv:1:1");
  // A CSV fault in the second file is reported against that file.
  requireRosterError(kSites, kPeople + "P3,s1,\"Bo,C,1,\n", kActivities, "participants.csv:4:");
}

TEST_CASE("RosterCsv: every id passes the one id rule, and a photo is a bare file name") {
  requireRosterError(kSites + "../../evil,Ond,5,08:00,16:00\n", kPeople, kActivities, "sites.csv:4:1");
  requireRosterError(kSites + "s 3,Tredje,5,08:00,16:00\n", kPeople, kActivities, "sites.csv:4:1");
  requireRosterError(kSites, kPeople + "P/3,s1,Ada,B,1,\n", kActivities, "participants.csv:4:1");
  requireRosterError(kSites, kPeople + std::string(65, 'P') + ",s1,Ada,B,1,\n", kActivities, "participants.csv:4:1");
  requireRosterError(kSites, kPeople, kActivities + "A.2,s1,Teater,Kultur\n", "activities.csv:3:1");
  for (const char* photo : {"/etc/shadow", "../p3.jpg", "a/b.jpg", "a\\b.jpg", ".p3.jpg", "p3..jpg"})
    requireRosterError(kSites, kPeople + "P3,s1,Ada,B,1," + photo + "\n", kActivities, "participants.csv:4:6");
  // The longest accepted id: 64 bytes of the allowed characters.
  const auto r = parseRosterCsv(kSites, kPeople + std::string(62, 'x') + "-_,s1,Ada,B,1,Ada_1.jpg\n", kActivities);
  CHECK(r.participants.back().id.size() == 64);
}

TEST_CASE("RosterCsv: staff ids and each of a staff member's site ids pass the id rule") {
  auto roster = parseRosterCsv(kSites, kPeople, kActivities);
  const std::string header = "staff_id,site_id,first_name,initial,role,pin_hash\n";
  const std::string hash = "\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"";
  const auto staffError = [&](const std::string& row, const std::string& where) {
    auto copy = roster;
    try {
      parseStaffCsv(header + row + "\n", copy);
      FAIL("parseStaffCsv did not throw; expected an error at " << where);
    } catch (const DagverkError& e) {
      INFO("swedish: " << e.swedish());
      CHECK(e.swedish().find(where) != std::string::npos);
    }
  };
  staffError("../S1,s1,Ada,B,staff," + hash, "staff.csv:2:1");
  staffError("S1,s1 ../s2,Ada,B,staff," + hash, "staff.csv:2:2");
  parseStaffCsv(header + "S1,s1 s2,Ada,B,staff," + hash + "\n", roster);
  CHECK(roster.staff.size() == 1);
}

TEST_CASE("RosterCsv: the demo roster has 9 sites with the expected participant counts") {
  const RosterFiles r = store::demoRoster();
  REQUIRE(r.sites.size() == 9);
  const std::vector<std::pair<std::string, int>> expected = {
      {"liljan", 35}, {"ornsberg", 21}, {"trofast", 9},  {"vastertorp", 9}, {"steget", 32},
      {"natverket", 12}, {"fruangen", 8}, {"vaxtverket", 3}, {"langsjon", 5}};
  std::map<std::string, int> counts;
  for (const auto& p : r.participants) ++counts[p.siteId];
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("site " << expected[i].first);
    CHECK(r.sites[i].id == expected[i].first);
    CHECK(counts[expected[i].first] == expected[i].second);
    CHECK(r.sites[i].closesMinute > r.sites[i].opensMinute);
    CHECK_FALSE(r.sites[i].name.empty());
  }
  CHECK(counts.size() == 9);
  CHECK(r.participants.size() == 35 + 21 + 9 + 9 + 32 + 12 + 8 + 3 + 5);
  for (const auto& p : r.participants) {
    INFO(p.id);
    CHECK_FALSE(p.firstName.empty());
    CHECK(std::find(p.expectedWeekdays.begin(), p.expectedWeekdays.end(), true) != p.expectedWeekdays.end());
  }
}
