#include "store/Perform.hpp"

#include "core/CommandFacts.hpp"
#include "core/Error.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"
#include "store/LateRegistration.hpp"

#include <type_traits>

namespace dagverk::store {
namespace {

// A command whose rule needs only the common facts: `decide(command, facts)`, found by ADL in
// dagverk::cmd, returns a std::optional or std::vector of one payload type.
template <class C>
concept DecidedByFacts = requires(const C& c, const CommandFacts& f) {
  typename decltype(decide(c, f))::value_type;
};

template <class T> inline constexpr bool kIsOptional = false;
template <class T> inline constexpr bool kIsOptional<std::optional<T>> = true;

template <class C> std::optional<std::string> actorOf(const C& c) {
  if constexpr (requires { c.actorStaffId; }) {
    if constexpr (std::is_same_v<std::decay_t<decltype(c.actorStaffId)>, std::string>) {
      if (c.actorStaffId.empty()) return std::nullopt;
      return c.actorStaffId;
    } else {
      return c.actorStaffId;
    }
  } else {
    return std::nullopt;
  }
}

// Fills the facts and appends what the rule decided, in one write transaction.
template <DecidedByFacts C> std::vector<Event> performByFacts(KioskStore& store, const C& c) {
  using Payload = typename decltype(decide(c, std::declval<const CommandFacts&>()))::value_type;
  const std::optional<std::string> actorId = actorOf(c);
  std::optional<StaffMember> actor;
  if (actorId) actor = store.roster().activeStaff(*actorId); // throws UnknownStaff
  const std::string siteId = store.roster().boundSiteId();
  return store.events().transact(siteId, actorId, [&]() -> std::vector<EventPayload> {
    CommandFacts f;
    f.siteId = siteId;
    f.now = store.clock().nowUtc();
    f.today = toStockholm(f.now).date;
    f.actor = actor;
    f.activities = store.roster().activities(siteId);
    const auto last = store.events().query(
        "site_id = ?1 AND kind IN " + kindList<Payload>() + " AND device_id = ?2 ORDER BY seq DESC LIMIT 1",
        [&](Statement& st) { st.bind(1, siteId).bind(2, store.deviceId()); });
    if (!last.empty()) f.lastOfKindUtc = last.front().recordedUtc;
    f.freshId = newUuid(f.now);
    auto decided = decide(c, f);
    std::vector<EventPayload> out;
    if constexpr (kIsOptional<decltype(decided)>) {
      if (decided) out.emplace_back(std::move(*decided));
    } else {
      for (auto& payload : decided) out.emplace_back(std::move(payload));
    }
    return out;
  });
}

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
  std::vector<Event> operator()(const cmd::RegisterLate& c) { return registerLate(s, c); }
  // Every kind whose rule needs only the common facts: no store code of its own.
  template <DecidedByFacts C> std::vector<Event> operator()(const C& c) { return performByFacts(s, c); }
};

} // namespace

std::vector<Event> perform(KioskStore& store, const Command& command) {
  return std::visit(Performer{store}, command);
}

void requireValid(const std::optional<ValidationError>& refusal) {
  if (refusal) throw DagverkError(ErrorCode::BadInput, refusal->swedish, refusal->english);
}

} // namespace dagverk::store
