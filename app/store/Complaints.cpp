#include "store/Complaints.hpp"

#include "core/Error.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

#include <algorithm>
#include <set>

namespace dagverk::store {

Event registerComplaint(KioskStore& store, const cmd::RegisterComplaint& c) {
  ComplaintRegistered complaint = c.complaint;
  requireValid(validateComplaint(complaint));
  store.roster().activeStaff(c.actorStaffId);
  const std::string siteId = store.roster().boundSiteId();
  const auto decide = [&]() -> std::vector<EventPayload> {
    if (!complaint.feedbackId.empty()) {
      const auto events =
          store.events().ofSite(siteId, kindList<FeedbackGiven, ComplaintRegistered, Corrected>());
      const std::set<std::string> voided = voidedEventIds(events);
      bool found = false, classified = false;
      for (const auto& e : events) {
        if (voided.count(e.id)) continue;
        if (const auto* f = std::get_if<FeedbackGiven>(&e.payload); f && f->feedbackId == complaint.feedbackId)
          found = true;
        if (const auto* r = std::get_if<ComplaintRegistered>(&e.payload);
            r && r->feedbackId == complaint.feedbackId)
          classified = true;
      }
      if (!found)
        throw DagverkError(ErrorCode::BadInput, "Tyck till-svaret finns inte på den här verksamheten.",
                           "complaint refers to no FeedbackGiven " + complaint.feedbackId + " of site " +
                               siteId);
      if (classified)
        throw DagverkError(ErrorCode::BadInput, "Tyck till-svaret är redan registrerat som ett ärende.",
                           "FeedbackGiven " + complaint.feedbackId + " is already classified");
    }
    complaint.complaintId = newUuid(store.clock().nowUtc());
    return {complaint};
  };
  return store.events().transact(siteId, c.actorStaffId, decide).front();
}

Event followUpComplaint(KioskStore& store, const cmd::FollowUpComplaint& c) {
  requireValid(validateFollowUp(c.step, c.date, c.text));
  store.roster().activeStaff(c.actorStaffId);
  const std::string siteId = store.roster().boundSiteId();
  const auto decide = [&]() -> std::vector<EventPayload> {
    const auto all = complaints(store);
    const auto it = std::find_if(all.begin(), all.end(), [&](const ComplaintState& s) {
      return s.data.complaintId == c.complaintId;
    });
    if (it == all.end())
      throw DagverkError(ErrorCode::UnknownEvent, "Ärendet finns inte på den här verksamheten.",
                         "no complaint " + c.complaintId + " at site " + siteId);
    requireValid(validateFollowUpOf(*it, c.date));
    return {ComplaintFollowedUp{c.complaintId, c.step, c.date, c.text}};
  };
  return store.events().transact(siteId, c.actorStaffId, decide).front();
}

Event reportDeviation(KioskStore& store, const cmd::ReportDeviation& c) {
  DeviationReported deviation = c.deviation;
  requireValid(validateDeviation(deviation));
  store.roster().activeStaff(c.actorStaffId);
  deviation.deviationId = newUuid(store.clock().nowUtc());
  return store.events().append(store.roster().boundSiteId(), c.actorStaffId, std::move(deviation));
}

std::vector<ComplaintState> complaints(const KioskStore& store) {
  return currentComplaints(store.events().ofSite(store.roster().boundSiteId(),
                                                 kindList<ComplaintRegistered, ComplaintFollowedUp, Corrected>()));
}

std::vector<DeviationReported> deviations(const KioskStore& store) {
  const std::string siteId = store.roster().boundSiteId();
  const auto events =
      store.events().query("site_id = ?1 AND kind IN " + kindList<DeviationReported, Corrected>() +
                               " ORDER BY recorded_utc, seq",
                           [&](Statement& s) { s.bind(1, siteId); });
  const std::set<std::string> voided = voidedEventIds(events);
  std::vector<DeviationReported> out;
  for (const auto& e : events)
    if (const auto* d = std::get_if<DeviationReported>(&e.payload); d && !voided.count(e.id)) out.push_back(*d);
  std::stable_sort(out.begin(), out.end(),
                   [](const DeviationReported& a, const DeviationReported& b) { return a.date < b.date; });
  return out;
}

ComplaintTable complaintTable(const KioskStore& store, LocalDate from, LocalDate to) {
  const auto kinds = kindList<FeedbackGiven, ComplaintRegistered, ComplaintFollowedUp, DeviationReported, Corrected>();
  return buildComplaintTable(store.events().ofSite(store.roster().boundSiteId(), kinds), from, to);
}

} // namespace dagverk::store
