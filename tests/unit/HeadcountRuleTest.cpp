// The visitor tally's rule (core/Headcount.hpp) on its own: the count's limits, the
// confirmation above 500, the activity catalogue, the pressed-twice guard; and the payload
// through the event codec and the Swedish label.
#include "core/Command.hpp"
#include "core/Error.hpp"
#include "core/Event.hpp"
#include "core/Headcount.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dagverk;

namespace {

constexpr UtcMs kNow = 1795420800000; // 08:00 UTC, Monday 23 November 2026

CommandFacts facts() {
  CommandFacts f;
  f.siteId = "liljan";
  f.now = kNow;
  f.today = LocalDate{2026, 11, 23};
  f.activities = {Activity{"liljan-a02", "liljan", "Teater", "Kultur"}};
  f.freshId = "0190a0b0-0000-7000-8000-000000000001";
  return f;
}

DagverkError refusal(const cmd::TallyHeadcount& c, const CommandFacts& f) {
  try {
    (void)decide(c, f);
  } catch (const DagverkError& e) {
    return e;
  }
  FAIL("the rule did not refuse");
  return DagverkError(ErrorCode::BadInput, "", "");
}

} // namespace

TEST_CASE("Headcount: a tally of one, for no activity, is decided with the facts' id and time") {
  const auto t = decide(cmd::TallyHeadcount{1, "", false, "S001"}, facts());
  REQUIRE(t);
  CHECK(t->count == 1);
  CHECK(t->at == kNow);
  CHECK(t->tallyId == facts().freshId);
  CHECK(t->activityId.empty());
}

TEST_CASE("Headcount: below one is refused, in Swedish for the screen and English for the log") {
  for (int n : {0, -3}) {
    const DagverkError e = refusal(cmd::TallyHeadcount{n, "", false, std::nullopt}, facts());
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(e.swedish().find("minst 1") != std::string::npos);
    CHECK(std::string(e.english()) == "headcount below 1");
  }
}

TEST_CASE("Headcount: above 500 only when confirmed, and never above the maximum") {
  CHECK(decide(cmd::TallyHeadcount{500, "", false, std::nullopt}, facts()));
  const DagverkError e = refusal(cmd::TallyHeadcount{612, "", false, std::nullopt}, facts());
  CHECK(e.swedish().find("bekräfta") != std::string::npos);
  const auto confirmed = decide(cmd::TallyHeadcount{612, "", true, std::nullopt}, facts());
  REQUIRE(confirmed);
  CHECK(confirmed->count == 612);
  CHECK(decide(cmd::TallyHeadcount{kHeadcountMax, "", true, std::nullopt}, facts()));
  refusal(cmd::TallyHeadcount{kHeadcountMax + 1, "", true, std::nullopt}, facts());
}

TEST_CASE("Headcount: an activity must be in the site's catalogue") {
  const auto t = decide(cmd::TallyHeadcount{23, "liljan-a02", false, std::nullopt}, facts());
  REQUIRE(t);
  CHECK(t->activityId == "liljan-a02");
  const DagverkError e = refusal(cmd::TallyHeadcount{23, "ornsberg-a01", false, std::nullopt}, facts());
  CHECK(e.swedish().find("katalog") != std::string::npos);
}

TEST_CASE("Headcount: a tally within a second of the previous one on this kiosk counts once") {
  CommandFacts f = facts();
  f.lastOfKindUtc = kNow - 400;
  CHECK_FALSE(decide(cmd::TallyHeadcount{1, "", false, std::nullopt}, f));
  f.lastOfKindUtc = kNow - kHeadcountGuardMs;
  CHECK(decide(cmd::TallyHeadcount{1, "", false, std::nullopt}, f));
  // A clock that went back does not block the next tally.
  f.lastOfKindUtc = kNow + 60000;
  CHECK(decide(cmd::TallyHeadcount{1, "", false, std::nullopt}, f));
  // The guard never hides a refusal: a bad count within the second is still refused.
  f.lastOfKindUtc = kNow - 400;
  refusal(cmd::TallyHeadcount{0, "", false, std::nullopt}, f);
}

TEST_CASE("Headcount: a total typed within a second of a tap is a total, not the tap twice") {
  CommandFacts f = facts();
  f.lastOfKindUtc = kNow - 400;
  const auto total = decide(cmd::TallyHeadcount{23, "", false, std::nullopt}, f);
  REQUIRE(total);
  CHECK(total->count == 23);
  CHECK(decide(cmd::TallyHeadcount{1, "liljan-a02", false, std::nullopt}, f));
}

TEST_CASE("Headcount: the payload goes through the event codec and has its Swedish label") {
  const EventPayload p = HeadcountTallied{"0190a0b0-0000-7000-8000-000000000001", kNow, 23, "liljan-a02"};
  CHECK(std::string(kindOf(p)) == "HeadcountTallied");
  CHECK(subjectOf(p) == "0190a0b0-0000-7000-8000-000000000001");
  const EventPayload back = decodePayload("HeadcountTallied", encodePayload(p));
  REQUIRE(std::holds_alternative<HeadcountTallied>(back));
  const auto& t = std::get<HeadcountTallied>(back);
  CHECK(t.count == 23);
  CHECK(t.at == kNow);
  CHECK(t.activityId == "liljan-a02");
  CHECK(kindLabelSv("HeadcountTallied") == "Besöksräkningar");
  CHECK(std::string(commandName(Command{cmd::TallyHeadcount{}})) == "headcount");
}
