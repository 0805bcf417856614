#pragma once
// "Tyck till" step by step — a face, what it is about, a few words, who — shared by the flow's
// four screens and saved in one go at the end; left half-way, nothing is kept.
#include "core/Feedback.hpp"

namespace dagverk::ui {

struct FeedbackFlow {
  FeedbackGiven draft;
};

} // namespace dagverk::ui
