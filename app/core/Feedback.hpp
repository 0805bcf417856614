#pragma once
// Feedback, complaints, deviations and the quick survey: the city's categories (worded exactly
// as in the reporting template), the rules, and the tertial table. Pure; the store feeds it.
#include "core/DayRecords.hpp"
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dagverk {

struct Category {
  const char* code;  // stored in events
  const char* label; // shown, and printed in the report, exactly as the template words it
};

// The participant's "Tyck till".
const std::vector<Category>& feedbackMoods();  // glad, mittemellan, ledsen
const std::vector<Category>& feedbackTopics(); // aktiviteterna, maten, personalen, lokalen, resan/transport, något annat
// The complaint register.
const std::vector<Category>& complaintTypes();    // klagomål, synpunkt, förslag/idé, beröm
const std::vector<Category>& complaintSources();  // "Från vem …": the template's five, in its order
const std::vector<Category>& complaintConcerns(); // "Vad gällde …": the template's fifteen, in its order
const std::vector<Category>& complaintChannels(); // muntligt, telefon, brev, e-post, Tyck till, förslagslådan, annat
const std::vector<Category>& followUpSteps();     // återkoppling lämnad, åtgärd vidtagen, avslutad
// The follow-up step codes, as stored in ComplaintFollowedUp::step.
inline constexpr const char* kFollowUpFeedbackGiven = "aterkoppling";
inline constexpr const char* kFollowUpActionTaken = "atgard";
inline constexpr const char* kFollowUpClosed = "avslutad";
// Deviations: who identified it, what it concerned, whom it concerns.
const std::vector<Category>& deviationIdentifiedBy();
const std::vector<Category>& deviationConcerns();
const std::vector<Category>& deviationConcernsWhom();
// The survey: the city's three questions and the picture answers.
const std::vector<Category>& surveyQuestions(); // q1..q3 with the question text
const std::vector<Category>& surveyAnswers();   // ja, ibland, nej

bool isCategory(const std::vector<Category>& list, const std::string& code);
const char* categoryLabel(const std::vector<Category>& list, const std::string& code); // "" if unknown

inline constexpr size_t kMaxFeedbackChars = 2000;     // free text in feedback and complaints
inline constexpr std::int64_t kFeedbackGuardMs = 5000; // a new "Tyck till" is ignored this long after the last
inline constexpr int kSurveyMinAnswers = 5;            // shares are hidden below this many answers
inline constexpr int kFeedbackDueWorkingDays = 10;     // complaints without feedback after this are marked

// Swedish public holidays (and midsummer, Christmas and New Year's eves, de facto days off).
bool isSwedishHoliday(LocalDate d);
bool isWorkingDay(LocalDate d);
// Working days after `from` up to and including `to` (0 if to <= from).
int workingDaysBetween(LocalDate from, LocalDate to);
std::optional<LocalDate> parseIsoDate(const std::string& yyyyMmDd);

// --- validation (Swedish message, English log line; never the text itself) ------------------
std::optional<ValidationError> validateFeedback(const FeedbackGiven& f);
std::optional<ValidationError> validateComplaint(const ComplaintRegistered& c);
std::optional<ValidationError> validateDeviation(const DeviationReported& d);
// A follow-up's own fields: a known step, a valid date, text within kMaxFeedbackChars.
std::optional<ValidationError> validateFollowUp(const std::string& step, const std::string& date,
                                                const std::string& text);

// --- the register as staff see it -----------------------------------------------------------
struct ComplaintState {
  std::string eventId;
  ComplaintRegistered data;
  std::vector<ComplaintFollowedUp> followUps; // in order
  bool feedbackGiven = false;
  bool actionTaken = false;
  bool closed = false;
  // Open, a complaint or comment, and no feedback within kFeedbackDueWorkingDays of receipt.
  bool overdue(LocalDate today) const;
};
// Current complaints (voided ones left out), oldest first.
std::vector<ComplaintState> currentComplaints(const std::vector<Event>& events);
// A follow-up dated `date` (already valid) against the complaint it follows: not closed, and
// not dated before the complaint came in.
std::optional<ValidationError> validateFollowUpOf(const ComplaintState& complaint, const std::string& date);
// "Tyck till" entries that are not yet classified as a complaint (glad ones count as praise
// directly and need no classification).
std::vector<FeedbackGiven> unclassifiedFeedback(const std::vector<Event>& events);

// --- the tertial table of the city's template ----------------------------------------------
struct ComplaintTable {
  std::map<std::string, int> bySource;   // från vem, by code (every code present, 0 if none)
  std::map<std::string, int> byConcerns; // vad gällde, by code
  int total = 0;          // complaints and comments (klagomål + synpunkt + förslag) received
  int feedbackGiven = 0;  // återkoppling: of those, how many got feedback
  int actionsTaken = 0;   // åtgärder: how many had an action taken
  int praise = 0;         // beröm: registered praise plus glad "Tyck till" entries
  std::map<std::string, int> deviationsByIdentifiedBy, deviationsByConcerns, deviationsByWhom;
  int deviations = 0;
  int lexSarah = 0;
  int openOverdue = 0;    // open complaints past kFeedbackDueWorkingDays without feedback, at `to`
};
// Counts what was received (receivedDate / date / the day recorded) in [from, to].
ComplaintTable buildComplaintTable(const std::vector<Event>& events, LocalDate from, LocalDate to);

// --- the survey ----------------------------------------------------------------------------
struct SurveyWindow {
  std::string windowId;
  LocalDate from, to;
  bool contains(LocalDate d) const { return !(d < from) && !(to < d); }
};
std::optional<SurveyWindow> latestSurveyWindow(const std::vector<Event>& events);
std::optional<ValidationError> validateSurveyWindow(LocalDate from, LocalDate to);
// An answer may be given in the latest window while it is open, as one of ja/ibland/nej per
// question.
std::optional<ValidationError> validateSurveyAnswer(const std::optional<SurveyWindow>& latest,
                                                    const std::string& windowId, LocalDate today,
                                                    const std::vector<std::string>& answers);

struct SurveyResult {
  int answers = 0;
  std::array<std::array<int, 3>, 3> counts{}; // [question][ja, ibland, nej]
  bool shown() const { return answers >= kSurveyMinAnswers; }
  // Share of "ja" for a question, 0..1 (only meaningful when shown()).
  double yesShare(size_t question) const;
};
SurveyResult surveyResult(const std::vector<Event>& events, const std::string& windowId);

// --- export --------------------------------------------------------------------------------
// A cell that starts with = + - @ or a tab gets a leading apostrophe, so a spreadsheet shows
// it as text instead of running it. The stored text is never changed.
std::string spreadsheetSafe(const std::string& cell);
// RFC 4180 quoting (after spreadsheetSafe).
std::string csvCell(const std::string& cell);

} // namespace dagverk
