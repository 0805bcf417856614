// The pictogram table and the roster's picture columns: symbol, farg, uttal (participants) and
// pictogram (activities), each bad value refused with its own Swedish message.
#include "core/Error.hpp"
#include "core/Feedback.hpp"
#include "core/Pictograms.hpp"
#include "core/RosterCsv.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dagverk;

namespace {
const std::string kSites = "site_id,name,places,opens,closes\ns1,Första,10,08:00,16:00\n";
const std::string kActs = "activity_id,site_id,name,category\nA1,s1,Bild och form,Skapande\n";

std::string people(const std::string& symbol, const std::string& farg, const std::string& uttal) {
  return "participant_id,site_id,first_name,initial,weekdays,photo,symbol,farg,uttal\n"
         "P1,s1,Åsa,B,12345,," + symbol + "," + farg + "," + uttal + "\n";
}

// The parse fails with BadInput, the Swedish message holds `swedish` and names the cell.
void requireRefused(const std::string& peopleCsv, const std::string& actsCsv, const std::string& where,
                    const std::string& swedish) {
  try {
    const RosterFiles r = parseRosterCsv(kSites, peopleCsv, actsCsv);
    FAIL("accepted; expected " << swedish << " (" << r.participants.size() << " participants parsed)");
  } catch (const DagverkError& e) {
    INFO(e.swedish());
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(e.swedish().find(where) != std::string::npos);
    CHECK(e.swedish().find(swedish) != std::string::npos);
  }
}
} // namespace

TEST_CASE("Pictograms: the compiled-in table has every key the screens use", "[pictures]") {
  REQUIRE(pictograms().size() >= 40);
  for (const auto& t : feedbackTopics()) CHECK(findPictogram(topicPictogram(t.code)) != nullptr);
  for (const auto& q : surveyQuestions()) CHECK(findPictogram(questionPictogram(q.code)) != nullptr);
  for (const char* k : {kPictogramGoHome, kPictogramTalk, kPictogramThanks}) CHECK(findPictogram(k) != nullptr);
  for (const char* c : {"Skapande", "Kultur", "Natur och trädgård", "Arbete", "Media och IT", "Rörelse och hälsa",
                        "Sinnen", "Djur", "Mat", "Utflykt", "Gemenskap", "Studier"})
    CHECK_FALSE(categoryPictogram(c).empty());
  CHECK(categoryPictogram("Okänd kategori").empty());
  CHECK(isPersonalSymbol("katt"));
  CHECK_FALSE(isPersonalSymbol("tema-maten")); // a topic is not someone's symbol
  CHECK(isActivityPictogram("skapande"));
  CHECK(isActivityPictogram("gitarr"));
  CHECK_FALSE(isActivityPictogram("tack"));
}

TEST_CASE("Pictograms: a malformed table row is refused with its line", "[pictures]") {
  auto refused = [](const std::string& tsv, const std::string& what) {
    try {
      parsePictogramTable(tsv);
      FAIL("accepted: " << tsv);
    } catch (const DagverkError& e) {
      CHECK(std::string(e.english()).find(what) != std::string::npos);
    }
  };
  refused("# c\nkatt\tU+1F431\tsymbol\tKatt\n", "pictograms.tsv:2: expected 5");
  refused("Katt\tU+1F431\tsymbol\tKatt\tcat\n", "key must be");
  refused("katt\t1F431\tsymbol\tKatt\tcat\n", "U+XXXX");
  refused("katt\tU+1G431\tsymbol\tKatt\tcat\n", "U+XXXX");
  refused("katt\tU+1F431\tdjur\tKatt\tcat\n", "unknown group");
  refused("katt\tU+1F431\tsymbol\tKatt\tcat\nkatt\tU+1F436\tsymbol\tHund\tdog\n", "pictograms.tsv:2: duplicate");
  const auto ok = parsePictogramTable("# c\r\nkatt\tU+1F431\tsymbol\tKatt\tcat\r\n");
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].codePoint == U'\U0001F431');
}

TEST_CASE("RosterCsv: symbol, farg and uttal are read, and old files without them still parse", "[pictures]") {
  const RosterFiles r = parseRosterCsv(kSites, people("katt", "grön", "Åsa-Britt"), kActs);
  REQUIRE(r.participants.size() == 1);
  CHECK(r.participants[0].symbol == std::optional<std::string>("katt"));
  CHECK(r.participants[0].symbolColour == std::optional<std::string>("grön"));
  CHECK(r.participants[0].spokenName == std::optional<std::string>("Åsa-Britt"));
  const RosterFiles empty = parseRosterCsv(kSites, people("", "", ""), kActs);
  CHECK_FALSE(empty.participants[0].symbol);
  CHECK_FALSE(empty.participants[0].symbolColour);
  CHECK_FALSE(empty.participants[0].spokenName);
  const RosterFiles old = parseRosterCsv(
      kSites, "participant_id,site_id,first_name,initial,weekdays,photo\nP1,s1,Åsa,B,12345,\n", kActs);
  CHECK_FALSE(old.participants[0].symbol);
  CHECK_FALSE(old.activities[0].pictogram);
  const RosterFiles acts =
      parseRosterCsv(kSites, people("", "", ""), "activity_id,site_id,name,category,pictogram\nA1,s1,Bild,Skapande,gitarr\n");
  CHECK(acts.activities[0].pictogram == std::optional<std::string>("gitarr"));
}

TEST_CASE("RosterCsv: each bad picture value has its own message", "[pictures]") {
  requireRefused(people("enhorning", "", ""), kActs, "participants.csv:2:7", "okänd symbol \"enhorning\"");
  requireRefused(people("tema-maten", "", ""), kActs, "participants.csv:2:7", "okänd symbol");
  requireRefused(people("katt", "röd", ""), kActs, "participants.csv:2:8",
                 "färgen ska vara en av: blå, grön, lila, turkos, orange, rosa, gul, grå");
  requireRefused(people("", "", "Anna2"), kActs, "participants.csv:2:9", "uttal ska vara 1–60 bokstäver");
  requireRefused(people("", "", std::string(61, 'a')), kActs, "participants.csv:2:9", "uttal ska vara");
  requireRefused(people("", "", "-"), kActs, "participants.csv:2:9", "uttal ska vara");
  requireRefused(people("", "", ""), "activity_id,site_id,name,category,pictogram\nA1,s1,Bild,Skapande,tack\n",
                 "activities.csv:2:5", "okänd bild \"tack\"");
  CHECK(isValidSpokenName("Jean Pierre"));
  CHECK(isValidSpokenName(std::string(60, 'a')));
  CHECK_FALSE(isValidSpokenName("Ali!"));
}
