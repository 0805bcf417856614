#pragma once
// A participant's "Tyck till", and the entries waiting for staff to classify them.
#include "core/Command.hpp"
#include "core/Event.hpp"

#include <optional>
#include <vector>

namespace dagverk::store {

class KioskStore;

// Returns nullopt (and appends nothing) when it comes within kFeedbackGuardMs of the previous
// one on this kiosk (a pressed-twice guard). Throws BadInput (validateFeedback) for a bad
// mood/topic, text over 2,000 characters, control characters or invalid UTF-8, or a
// participant not of this site. A new feedbackId is made here.
std::optional<Event> giveFeedback(KioskStore& store, const cmd::GiveFeedback& c);
// This site's "Tyck till" entries not yet classified as a complaint.
std::vector<FeedbackGiven> feedbackToClassify(const KioskStore& store);

} // namespace dagverk::store
