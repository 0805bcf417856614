#pragma once
// The complaint register (synpunkter och klagomål) with its follow-ups, deviations
// (avvikelser), and the site's table for the city's tertial template.
#include "core/Command.hpp"
#include "core/Event.hpp"
#include "core/Feedback.hpp"

#include <vector>

namespace dagverk::store {

class KioskStore;

// Registers a complaint/comment/suggestion/praise (a new complaintId is made here). Throws
// BadInput for an unknown category (type, source, concerns, channel), a bad date or text, or
// a "Tyck till" entry that is unknown or already classified.
Event registerComplaint(KioskStore& store, const cmd::RegisterComplaint& c);
// Throws BadInput for an unknown step, a bad date or text, a complaint that is closed or a
// date before it came in; UnknownEvent for an unknown complaint id.
Event followUpComplaint(KioskStore& store, const cmd::FollowUpComplaint& c);
Event reportDeviation(KioskStore& store, const cmd::ReportDeviation& c);

std::vector<ComplaintState> complaints(const KioskStore& store);     // this site's, oldest first
std::vector<DeviationReported> deviations(const KioskStore& store); // this site's, by date
// The site's complaint table for [from, to] (the same function central reports reuse).
ComplaintTable complaintTable(const KioskStore& store, LocalDate from, LocalDate to);

} // namespace dagverk::store
