// The staff side of feedback through the real kiosk loop: registering a complaint in the city's
// categories and following it up to closed, a deviation with Lex Sarah, classifying a
// participant's "Tyck till", and the survey admin with its shares hidden below five answers.
#include "KioskDriver.hpp"
#include "ui/ComplaintFormScreen.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::allEvents;
using dagverk::test::payloadsOf;
using dagverk::test::firstStaff;

namespace {


void signIn(KioskDriver& k) {
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
}

// The code of the category whose label starts with `prefix`.
std::string codeOf(const std::vector<Category>& list, const std::string& prefix) {
  for (const auto& c : list)
    if (std::string(c.label).rfind(prefix, 0) == 0) return c.code;
  FAIL("no category starting with " << prefix);
  return {};
}

const ComplaintState* complaintById(KioskDriver& k, const std::string& id) {
  for (const auto& c : k.app().model().complaints)
    if (c.data.complaintId == id) return &c;
  return nullptr;
}
} // namespace

TEST_CASE("A staff complaint: registered, feedback given, action taken, closed", "[ui][complaints]") {
  KioskDriver k("complaint", mondayMorning());
  signIn(k);
  const std::string staff = k.screens().signedInStaff();
  k.tapButton("open-complaints");
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintList);

  // Register a complaint phoned in by a relative.
  k.tapButton("new-complaint");
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintForm);
  CHECK(k.screens().screen<ui::ComplaintFormScreen>().draft().receivedDate == "2026-11-23");
  const std::string type = codeOf(complaintTypes(), "Klagomål");
  const std::string source = codeOf(complaintSources(), "Närstående");
  const std::string concerns = codeOf(complaintConcerns(), "Bemötande");
  const std::string channel = codeOf(complaintChannels(), "Telefon");
  k.tapButton("save"); // nothing chosen yet: told inline, nothing saved
  CHECK_FALSE(k.formMessage().empty());
  CHECK(payloadsOf<ComplaintRegistered>(k.store()).empty());
  k.tapButton("type-" + type);
  k.tapButton("source-" + source);
  k.settle("50-complaint-form-type");
  k.tapButton("step-2");
  k.tapButton("concerns-" + concerns);
  k.settle("51-complaint-form-concerns");
  k.tapButton("step-3");
  k.tapButton("channel-" + channel);
  k.tapButton("received-minus"); // it came in yesterday
  k.settle("52-complaint-form-when");
  k.tapButton("step-4");
  k.tapButton("field-complaint-description");
  k.typeOnScreen("ringde om bemötandet i bussen");
  k.settle("53-complaint-form-keyboard");
  k.tapButton("key-done");
  k.settle("54-complaint-form-description");
  k.tapButton("save");
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintList);

  const auto registered = payloadsOf<ComplaintRegistered>(k.store());
  REQUIRE(registered.size() == 1);
  const ComplaintRegistered& c = registered[0];
  CHECK(c.type == type);
  CHECK(c.source == source);
  CHECK(c.concerns == concerns);
  CHECK(c.channel == channel);
  CHECK(c.receivedDate == "2026-11-22");
  CHECK(c.description == "ringde om bemötandet i bussen");
  CHECK(allEvents(k.store()).back().actorStaffId == staff);
  k.settle("55-complaint-list");

  // Open it and follow it up.
  k.tapButton("complaint-" + c.complaintId);
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintDetail);
  k.settle("56-complaint-detail");
  k.tapButton("followup-aterkoppling");
  k.typeOnScreen("samtal med mamman");
  k.settle("57-complaint-followup-keyboard");
  k.tapButton("key-done");
  k.tapButton("followup-save");
  k.tapButton("followup-atgard");
  k.typeOnScreen("ny rutin vid resan");
  k.tapButton("key-done");
  k.tapButton("followup-save");
  k.tapButton("followup-avslutad");
  k.tapButton("key-done");
  k.tapButton("followup-save");
  CHECK(k.formMessage().empty());

  const auto followUps = payloadsOf<ComplaintFollowedUp>(k.store());
  REQUIRE(followUps.size() == 3);
  CHECK(followUps[0].step == "aterkoppling");
  CHECK(followUps[0].text == "samtal med mamman");
  CHECK(followUps[0].date == "2026-11-23");
  CHECK(followUps[1].step == "atgard");
  CHECK(followUps[1].text == "ny rutin vid resan");
  CHECK(followUps[2].step == "avslutad");
  for (const auto& u : followUps) CHECK(u.complaintId == c.complaintId);

  // Closed: shown as such, and no more follow-ups offered.
  const ComplaintState* state = complaintById(k, c.complaintId);
  REQUIRE(state != nullptr);
  CHECK(state->closed);
  CHECK_FALSE(k.screens().buttonRect("followup-aterkoppling"));
  CHECK_FALSE(k.screens().buttonRect("followup-atgard"));
  CHECK_FALSE(k.screens().buttonRect("followup-avslutad"));
  k.settle("58-complaint-closed");
  // The store refuses a follow-up on a closed complaint too.
  CHECK_FALSE(k.app().perform(cmd::FollowUpComplaint{c.complaintId, "atgard", "2026-11-23", "igen", staff}).empty());

  // In the list it has left "Öppna" and is under "Avslutade".
  k.tapButton("back");
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintList);
  CHECK_FALSE(k.screens().buttonRect("complaint-" + c.complaintId));
  k.tapButton("filter-closed");
  CHECK(k.screens().buttonRect("complaint-" + c.complaintId));
}

TEST_CASE("A complaint without feedback after 10 working days is marked", "[ui][complaints]") {
  KioskDriver k("complaint-overdue", mondayMorning());
  signIn(k);
  const std::string staff = k.screens().signedInStaff();
  ComplaintRegistered late;
  late.type = codeOf(complaintTypes(), "Klagomål");
  late.source = codeOf(complaintSources(), "Brukare");
  late.concerns = codeOf(complaintConcerns(), "Mat och");
  late.channel = codeOf(complaintChannels(), "Muntligt");
  late.receivedDate = "2026-11-02"; // three weeks ago
  late.description = "maten kom sent";
  REQUIRE(k.app().perform(cmd::RegisterComplaint{late, staff}).empty());
  ComplaintRegistered fresh = late;
  fresh.receivedDate = "2026-11-20";
  fresh.concerns = codeOf(complaintConcerns(), "Bemanning");
  REQUIRE(k.app().perform(cmd::RegisterComplaint{fresh, staff}).empty());
  k.tapButton("open-complaints");
  const auto& list = k.app().model().complaints;
  REQUIRE(list.size() == 2);
  CHECK(list[0].overdue(k.app().model().today));
  CHECK_FALSE(list[1].overdue(k.app().model().today));
  k.tapButton("filter-waiting");
  CHECK(k.screens().buttonRect("complaint-" + list[0].data.complaintId));
  k.settle("59-complaint-list-overdue");
}

TEST_CASE("A deviation with Lex Sarah", "[ui][complaints]") {
  KioskDriver k("deviation", mondayMorning());
  signIn(k);
  k.tapButton("open-complaints");
  k.tapButton("new-deviation");
  REQUIRE(k.screens().screen() == ui::ScreenId::DeviationForm);
  const std::string by = deviationIdentifiedBy().at(1).code;
  const std::string concerns = deviationConcerns().at(3).code;
  const std::string whom = deviationConcernsWhom().at(1).code;
  k.tapButton("identified-" + by);
  k.tapButton("concerns-" + concerns);
  k.tapButton("whom-" + whom);
  k.tapButton("lex-sarah");
  k.tapButton("save"); // no description yet
  CHECK_FALSE(k.formMessage().empty());
  CHECK(payloadsOf<DeviationReported>(k.store()).empty());
  k.tapButton("field-deviation-description");
  k.settle("60-deviation-keyboard");
  k.typeOnScreen("fel medicin gavs vid lunch");
  k.tapButton("key-done");
  k.settle("61-deviation-form");
  k.tapButton("save");
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintList);
  const auto deviations = payloadsOf<DeviationReported>(k.store());
  REQUIRE(deviations.size() == 1);
  CHECK(deviations[0].identifiedBy == by);
  CHECK(deviations[0].concerns == concerns);
  CHECK(deviations[0].concernsWhom == whom);
  CHECK(deviations[0].lexSarah);
  CHECK(deviations[0].date == "2026-11-23");
  CHECK(deviations[0].description == "fel medicin gavs vid lunch");
  k.settle("62-complaint-list-deviation");
}

TEST_CASE("Survey admin: open a window, shares hidden at four answers, shown at six", "[ui][complaints][survey]") {
  KioskDriver k("survey-admin", mondayMorning());
  signIn(k);
  k.tapButton("open-survey");
  REQUIRE(k.screens().screen() == ui::ScreenId::SurveyAdmin);
  k.settle("63-survey-admin-new");
  k.tapButton("survey-to-minus"); // two weeks less a day: 2026-11-23 – 2026-12-05
  k.tapButton("survey-open");
  const auto& window = k.app().model().surveyWindow;
  REQUIRE(window.has_value());
  CHECK(formatIsoDate(window->from) == "2026-11-23");
  CHECK(formatIsoDate(window->to) == "2026-12-05");
  CHECK(k.app().model().surveyOpenToday());
  CHECK_FALSE(k.screens().buttonRect("survey-open")); // open now: no second window offered
  const std::string windowId = window->windowId;

  const auto& people = k.app().model().participants;
  REQUIRE(people.size() >= 6);
  for (size_t i = 0; i < 4; ++i)
    REQUIRE(k.app().perform(cmd::AnswerSurvey{windowId, people[i].id, {"ja", "ibland", i % 2 ? "nej" : "ja"}}).empty());
  k.settle("64-survey-admin-four");
  CHECK(k.app().model().surveyResult.answers == 4);
  CHECK_FALSE(k.screens().buttonRect("survey-shares"));

  for (size_t i = 4; i < 6; ++i)
    REQUIRE(k.app().perform(cmd::AnswerSurvey{windowId, people[i].id, {"ja", "nej", "ibland"}}).empty());
  k.settle("65-survey-admin-six");
  CHECK(k.app().model().surveyResult.answers == 6);
  CHECK(k.screens().buttonRect("survey-shares"));
}

TEST_CASE("Classifying a participant's Tyck till as a complaint", "[ui][complaints]") {
  KioskDriver k("classify", mondayMorning());
  FeedbackGiven fb;
  fb.mood = "ledsen";
  fb.topic = "maten";
  fb.text = "soppan var kall";
  fb.wantsTalk = true;
  REQUIRE(k.app().perform(cmd::GiveFeedback{fb}).empty());
  signIn(k);
  k.tapButton("open-complaints");
  const auto waiting = k.app().model().feedbackToClassify;
  REQUIRE(waiting.size() == 1);
  const std::string feedbackId = waiting[0].feedbackId;
  k.settle("66-complaint-list-tyck-till");
  k.tapButton("classify-" + feedbackId);
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintForm);
  const auto& draft = k.screens().screen<ui::ComplaintFormScreen>().draft();
  CHECK(draft.feedbackId == feedbackId);
  CHECK(draft.type == "klagomal");
  CHECK(draft.channel == "tyck_till");
  CHECK(draft.source == "brukare");
  CHECK(draft.description == "soppan var kall");
  k.tapButton("save"); // what it concerned is not chosen yet: the form goes there
  CHECK(k.screens().screen<ui::ComplaintFormScreen>().step() == 2);
  CHECK_FALSE(k.formMessage().empty());
  k.tapButton("concerns-" + codeOf(complaintConcerns(), "Mat och"));
  k.tapButton("save");
  REQUIRE(k.screens().screen() == ui::ScreenId::ComplaintList);
  CHECK(k.app().model().feedbackToClassify.empty());
  const auto registered = payloadsOf<ComplaintRegistered>(k.store());
  REQUIRE(registered.size() == 1);
  CHECK(registered[0].feedbackId == feedbackId);
  CHECK(registered[0].description == "soppan var kall");
}

TEST_CASE("Complaint screens at a small 1024x600 kiosk", "[ui][complaints][small]") {
  KioskDriver k("small-complaints", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  FeedbackGiven fb;
  fb.mood = "mittemellan";
  fb.topic = "aktiviteterna";
  fb.text = "vill ha mer musik";
  REQUIRE(k.app().perform(cmd::GiveFeedback{fb}).empty());
  signIn(k);
  const std::string staff = k.screens().signedInStaff();
  ComplaintRegistered c;
  c.type = codeOf(complaintTypes(), "Synpunkt");
  c.source = codeOf(complaintSources(), "Samverkanspart");
  c.concerns = codeOf(complaintConcerns(), "Teknik");
  c.channel = codeOf(complaintChannels(), "E-post");
  c.receivedDate = "2026-11-20";
  c.description = "skrivaren fungerar inte";
  REQUIRE(k.app().perform(cmd::RegisterComplaint{c, staff}).empty());
  k.tapButton("open-complaints");
  k.settle("small-50-complaint-list");
  k.tapButton("new-complaint");
  k.tapButton("type-" + c.type);
  k.tapButton("source-" + c.source);
  k.settle("small-51-complaint-form");
  k.tapButton("step-2");
  k.settle("small-52-complaint-form-concerns");
  k.tapButton("back");
  k.tapButton("complaint-" + k.app().model().complaints.at(0).data.complaintId);
  k.settle("small-53-complaint-detail");
  k.tapButton("back");
  k.tapButton("new-deviation");
  k.settle("small-54-deviation-form");
  k.tapButton("back");
  k.tapButton("back");
  k.tapButton("open-survey");
  k.settle("small-55-survey-admin");
}
