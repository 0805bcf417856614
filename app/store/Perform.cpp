#include "store/Perform.hpp"

#include "store/KioskStore.hpp"

namespace dagverk::store {
namespace {

struct Performer {
  KioskStore& s;
  std::vector<Event> operator()(const cmd::CheckIn& c) { return {s.checkIn(c.participantId, c.actorStaffId)}; }
  std::vector<Event> operator()(const cmd::CheckOut& c) { return {s.checkOut(c.participantId, c.actorStaffId)}; }
  std::vector<Event> operator()(const cmd::StaffCheckIn& c) { return {s.staffCheckIn(c.staffId)}; }
  std::vector<Event> operator()(const cmd::StaffCheckOut& c) { return {s.staffCheckOut(c.staffId)}; }
  std::vector<Event> operator()(const cmd::Correct& c) { return {s.correct(c.eventId, c.reasonCode, c.actorStaffId)}; }
  std::vector<Event> operator()(const cmd::NoteAbsence& c) {
    return {s.noteAbsence(c.participantId, c.reasonCode, c.comment, c.actorStaffId)};
  }
  std::vector<Event> operator()(const cmd::LogSession& c) { return s.logSession(c.draft, c.actorStaffId); }
  std::vector<Event> operator()(const cmd::StartRollCall& c) { return {s.startRollCall(c.actorStaffId)}; }
  std::vector<Event> operator()(const cmd::MarkSafe& c) { return {s.markSafe(c.rollCallId, c.personId, c.actorStaffId)}; }
  std::vector<Event> operator()(const cmd::EndRollCall& c) { return {s.endRollCall(c.rollCallId, c.actorStaffId)}; }
  std::vector<Event> operator()(const cmd::GiveFeedback& c) {
    auto e = s.giveFeedback(c.feedback);
    if (!e) return {};
    return {std::move(*e)};
  }
  std::vector<Event> operator()(const cmd::RegisterComplaint& c) {
    return {s.registerComplaint(c.complaint, c.actorStaffId)};
  }
  std::vector<Event> operator()(const cmd::FollowUpComplaint& c) {
    return {s.followUpComplaint(c.complaintId, c.step, c.date, c.text, c.actorStaffId)};
  }
  std::vector<Event> operator()(const cmd::ReportDeviation& c) {
    return {s.reportDeviation(c.deviation, c.actorStaffId)};
  }
  std::vector<Event> operator()(const cmd::OpenSurveyWindow& c) {
    return {s.openSurveyWindow(c.from, c.to, c.actorStaffId)};
  }
  std::vector<Event> operator()(const cmd::AnswerSurvey& c) {
    return {s.answerSurvey(c.windowId, c.participantId, c.answers)};
  }
};

} // namespace

std::vector<Event> perform(KioskStore& store, const Command& command) {
  return std::visit(Performer{store}, command);
}

} // namespace dagverk::store
