#include "core/DayRecords.hpp"

#include "core/Presence.hpp"
#include "core/SwedishText.hpp"

#include <algorithm>

namespace dagverk {

size_t characterCount(const std::string& utf8) { return decodeUtf8(utf8).size(); }

std::optional<ValidationError> validateFreeText(const std::string& text, size_t maxChars, const char* fieldSv) {
  if (!isValidUtf8(text))
    return ValidationError{std::string(fieldSv) + " innehåller ogiltiga tecken.", "free text is not valid UTF-8"};
  for (char32_t c : decodeUtf8(text))
    if ((c < 0x20 && c != U'\n' && c != U'\t') || c == 0x7F)
      return ValidationError{std::string(fieldSv) + " innehåller otillåtna styrtecken.",
                             "free text contains control characters"};
  const size_t n = characterCount(text);
  if (n > maxChars)
    return ValidationError{std::string(fieldSv) + " är för lång: " + std::to_string(n) + " tecken, högst " +
                               std::to_string(maxChars) + ".",
                           "free text too long: " + std::to_string(n) + " > " + std::to_string(maxChars)};
  return std::nullopt;
}

const std::vector<AbsenceReason>& absenceReasons() {
  static const std::vector<AbsenceReason> kReasons{
      {"sjuk", "Sjuk"}, {"ledig", "Ledig"}, {"annan_aktivitet", "Annan aktivitet"}, {"okant", "Okänt"}};
  return kReasons;
}

bool isAbsenceReason(const std::string& code) {
  const auto& r = absenceReasons();
  return std::any_of(r.begin(), r.end(), [&](const AbsenceReason& a) { return code == a.code; });
}

const char* absenceLabel(const std::string& code) {
  for (const auto& a : absenceReasons())
    if (code == a.code) return a.label;
  return "Okänt";
}

std::optional<ValidationError> validateAbsence(const std::string& reasonCode, const std::string& comment) {
  if (!isAbsenceReason(reasonCode))
    return ValidationError{"Välj en orsak till frånvaron.", "unknown absence reason '" + reasonCode + "'"};
  return validateFreeText(comment, kMaxAbsenceCommentChars, "Kommentaren");
}

std::optional<ValidationError> validateCorrectionReason(const std::string& code) {
  const auto& r = correctionReasons();
  if (std::none_of(r.begin(), r.end(), [&](const CorrectionReason& c) { return code == c.code; }))
    return ValidationError{"Välj en orsak till rättelsen.", "unknown correction reason '" + code + "'"};
  return std::nullopt;
}

const std::vector<CorrectionReason>& correctionReasons() {
  static const std::vector<CorrectionReason> kReasons{{"fel_person", "Fel person"},
                                                      {"av_misstag", "Tryckte av misstag"},
                                                      {"fel_tid", "Fel tid"},
                                                      {"annat", "Annat"}};
  return kReasons;
}

std::set<std::string> voidedEventIds(const std::vector<Event>& events) {
  std::set<std::string> out;
  for (const auto& e : events)
    if (const auto* c = std::get_if<Corrected>(&e.payload)) out.insert(c->correctsEventId);
  return out;
}

DayOverview buildDayOverview(const std::vector<Participant>& participants, const std::vector<Event>& dayEvents,
                             const PresenceBoard& presence, LocalDate day) {
  std::vector<Event> events = dayEvents;
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.deviceId != b.deviceId ? a.deviceId < b.deviceId : a.seq < b.seq;
  });
  const std::set<std::string> voided = voidedEventIds(events);
  std::map<std::string, const Event*> lastOut, absence;
  const std::string dayText = formatIsoDate(day);
  int clockFaults = 0;
  for (const auto& e : events) {
    if (voided.count(e.id)) continue;
    // A check-out counts for the day it happened on (not the automatic close of yesterday's visit
    // recorded this morning), and not when the check-in it closes was voided (a wrong person).
    if (const auto* out = std::get_if<CheckedOut>(&e.payload);
        out && toStockholm(out->at).date == day && !voided.count(out->checkInEventId))
      lastOut[out->participantId] = &e;
    if (const auto* a = std::get_if<AbsenceNoted>(&e.payload); a && a->date == dayText) absence[a->participantId] = &e;
    if (const auto* out = std::get_if<CheckedOut>(&e.payload);
        out && out->clockFault && toStockholm(e.recordedUtc).date == day)
      ++clockFaults;
  }
  const int weekday = isoWeekday(day);
  DayOverview o;
  o.clockFaultClosures = clockFaults;
  for (const auto& p : participants) {
    ParticipantDay d;
    d.participantId = p.id;
    if (const auto v = presence.visit(p.id)) {
      d.status = DayStatus::Present;
      d.since = v->since;
      d.checkInEventId = v->checkInEventId;
      o.present.push_back(d);
    } else if (auto it = lastOut.find(p.id); it != lastOut.end()) {
      d.status = DayStatus::CheckedOut;
      d.since = std::get<CheckedOut>(it->second->payload).at;
      d.checkOutEventId = it->second->id;
      o.checkedOut.push_back(d);
    } else if (auto ab = absence.find(p.id); ab != absence.end()) {
      d.status = DayStatus::Absent;
      d.absenceReason = std::get<AbsenceNoted>(ab->second->payload).reason;
      o.absent.push_back(d);
    } else if (p.expectedWeekdays[static_cast<size_t>(weekday - 1)]) {
      d.status = DayStatus::ExpectedNotArrived;
      o.expected.push_back(d);
    } else {
      o.notExpected.push_back(d);
    }
  }
  return o;
}

std::optional<ValidationError> validateSession(const SessionDraft& d) {
  if (d.activityId.empty()) return ValidationError{"Välj en aktivitet.", "session without an activity"};
  if (d.participantIds.empty())
    return ValidationError{"Välj minst en deltagare.", "session without participants"};
  if (d.end <= d.start)
    return ValidationError{"Sluttiden måste vara efter starttiden.", "session ends before it starts"};
  if (d.end - d.start > kMaxSessionMs)
    return ValidationError{"En aktivitet kan vara högst 12 timmar.", "session longer than 12 hours"};
  if (d.outing && d.place.empty()) return ValidationError{"Skriv vart ni åkte.", "outing without a place"};
  if (auto e = validateFreeText(d.place, 200, "Platsen")) return e;
  if (auto e = validateFreeText(d.note, kMaxNoteChars, "Anteckningen")) return e;
  return std::nullopt;
}

std::vector<ActivitySession> currentSessions(const std::vector<Event>& events) {
  const std::set<std::string> voided = voidedEventIds(events);
  std::map<std::string, ActivitySession> bySession;
  std::map<std::string, std::int64_t> seqOf;
  for (const auto& e : events) {
    const auto* s = std::get_if<ActivitySessionLogged>(&e.payload);
    if (!s || voided.count(e.id)) continue;
    auto it = seqOf.find(s->sessionId);
    if (it == seqOf.end() || e.seq > it->second) {
      seqOf[s->sessionId] = e.seq;
      bySession[s->sessionId] = ActivitySession{e.id, *s};
    }
  }
  std::vector<ActivitySession> out;
  for (auto& [id, s] : bySession) out.push_back(std::move(s));
  std::sort(out.begin(), out.end(), [](const ActivitySession& a, const ActivitySession& b) {
    return a.data.start != b.data.start ? a.data.start < b.data.start : a.data.sessionId < b.data.sessionId;
  });
  return out;
}

int RollCallState::remaining() const {
  int n = 0;
  for (const auto& id : expectedIds)
    if (!safeIds.count(id)) ++n;
  return n;
}

std::optional<RollCallState> latestRollCall(const std::vector<Event>& events) {
  std::optional<RollCallState> state;
  for (const auto& e : events) {
    if (const auto* s = std::get_if<RollCallStarted>(&e.payload)) {
      state = RollCallState{s->rollCallId, e.recordedUtc, s->expectedIds, {}, false, 0};
    } else if (const auto* m = std::get_if<RollCallMarkedSafe>(&e.payload)) {
      if (state && state->rollCallId == m->rollCallId) state->safeIds.insert(m->personId);
    } else if (const auto* x = std::get_if<RollCallEnded>(&e.payload)) {
      if (state && state->rollCallId == x->rollCallId) {
        state->ended = true;
        state->endedAt = e.recordedUtc;
      }
    }
  }
  return state;
}

} // namespace dagverk
