// What a new roster changes per site, and when that change is too large to publish unasked.
#include "core/RosterChange.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;

namespace {
Participant person(const std::string& id, const std::string& site, const std::string& name = "Ada") {
  Participant p;
  p.id = id;
  p.siteId = site;
  p.firstName = name;
  p.initial = "B";
  p.expectedWeekdays = {true, true, true, true, true, false, false};
  return p;
}

std::vector<Site> sites(std::initializer_list<const char*> ids) {
  std::vector<Site> out;
  for (const char* id : ids) out.push_back(Site{id, id, 10, 8 * 60, 16 * 60});
  return out;
}
} // namespace

TEST_CASE("RosterChange: added, changed and ended per site, moves counted at both sites") {
  const std::vector<Participant> now = {person("P1", "a"), person("P2", "a"), person("P3", "a"), person("P4", "b")};
  auto renamed = person("P2", "a", "Bea");
  auto photo = person("P3", "a");
  photo.photoFile = "p3.jpg";
  const std::vector<Participant> next = {person("P1", "a"), renamed, photo, person("P4", "a"), person("P5", "c")};
  const auto changes = compareParticipants(now, next, sites({"c", "a", "b"}));
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].siteId == "c"); // the new roster's order
  CHECK(changes[0].added == 1);
  CHECK(changes[1].siteId == "a");
  CHECK(changes[1].before == 3);
  CHECK(changes[1].after == 4);
  CHECK(changes[1].added == 1); // P4 moved here
  CHECK(changes[1].changed == 2);
  CHECK(changes[1].endedIds.empty());
  CHECK(changes[2].siteId == "b");
  CHECK(changes[2].endedIds == std::vector<std::string>{"P4"}); // moved away
  CHECK(changes[2].isLarge());
}

TEST_CASE("RosterChange: more than a quarter ended is large, and a site gone from the roster is listed too") {
  std::vector<Participant> now;
  for (int i = 1; i <= 8; ++i) now.push_back(person("P" + std::to_string(i), "a"));
  now.push_back(person("Q1", "gone"));
  std::vector<Participant> next(now.begin() + 2, now.begin() + 8); // P1, P2 ended: 2 of 8
  auto changes = compareParticipants(now, next, sites({"a"}));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].endedIds == std::vector<std::string>{"P1", "P2"});
  CHECK_FALSE(changes[0].isLarge()); // exactly a quarter
  CHECK(changes[1].siteId == "gone");
  CHECK(changes[1].isLarge());
  next.erase(next.begin()); // and P3: 3 of 8
  changes = compareParticipants(now, next, sites({"a"}));
  CHECK(changes[0].isLarge());
  // Nothing before: nothing ends, whatever the new roster holds.
  CHECK_FALSE(compareParticipants({}, {}, sites({"a"}))[0].isLarge());
}
