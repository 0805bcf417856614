#include "store/Perform.hpp"

#include "core/Error.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {
namespace {

std::vector<Event> one(Event e) {
  std::vector<Event> out;
  out.push_back(std::move(e));
  return out;
}

struct Performer {
  KioskStore& s;
  std::vector<Event> operator()(const cmd::CheckIn& c) { return one(checkIn(s, c)); }
  std::vector<Event> operator()(const cmd::CheckOut& c) { return one(checkOut(s, c)); }
  std::vector<Event> operator()(const cmd::StaffCheckIn& c) { return one(staffCheckIn(s, c)); }
  std::vector<Event> operator()(const cmd::StaffCheckOut& c) { return one(staffCheckOut(s, c)); }
  std::vector<Event> operator()(const cmd::Correct& c) { return one(correct(s, c)); }
  std::vector<Event> operator()(const cmd::NoteAbsence& c) { return one(noteAbsence(s, c)); }
  std::vector<Event> operator()(const cmd::LogSession& c) { return logSession(s, c); }
  std::vector<Event> operator()(const cmd::StartRollCall& c) { return one(startRollCall(s, c)); }
  std::vector<Event> operator()(const cmd::MarkSafe& c) { return one(markSafe(s, c)); }
  std::vector<Event> operator()(const cmd::EndRollCall& c) { return one(endRollCall(s, c)); }
  std::vector<Event> operator()(const cmd::GiveFeedback& c) {
    auto e = giveFeedback(s, c);
    if (!e) return {};
    return one(std::move(*e));
  }
  std::vector<Event> operator()(const cmd::RegisterComplaint& c) { return one(registerComplaint(s, c)); }
  std::vector<Event> operator()(const cmd::FollowUpComplaint& c) { return one(followUpComplaint(s, c)); }
  std::vector<Event> operator()(const cmd::ReportDeviation& c) { return one(reportDeviation(s, c)); }
  std::vector<Event> operator()(const cmd::OpenSurveyWindow& c) { return one(openSurveyWindow(s, c)); }
  std::vector<Event> operator()(const cmd::AnswerSurvey& c) { return one(answerSurvey(s, c)); }
};

} // namespace

std::vector<Event> perform(KioskStore& store, const Command& command) {
  return std::visit(Performer{store}, command);
}

void requireValid(const std::optional<ValidationError>& refusal) {
  if (refusal) throw DagverkError(ErrorCode::BadInput, refusal->swedish, refusal->english);
}

} // namespace dagverk::store
