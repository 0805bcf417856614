#pragma once
// Visitors counted at an open meeting place (öppen verksamhet): the city asks how many came,
// not who, so a tally names no one. Staff tap "+1" as people arrive, or type a total
// afterwards, optionally for one activity of the site's catalogue. Everything about the kind
// is here — the payload, the command and its rule; the store carries the command out through
// the common facts (core/CommandFacts.hpp) and needs no code of its own.
#include "core/Clock.hpp"
#include "core/CommandFacts.hpp"
#include "core/Error.hpp"

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace dagverk {

// Counts above this need the person to confirm ("Är det rätt?"): a slip of the finger on the
// keypad is likelier than 600 visitors at one meeting place.
inline constexpr int kHeadcountConfirmAbove = 500;
// Never a real count: the keypad takes four digits, and nothing larger is stored.
inline constexpr int kHeadcountMax = 9999;
// A "+1" this soon after the previous tally on the same kiosk is the same tap twice.
inline constexpr std::int64_t kHeadcountGuardMs = 1000;
// "−1" / "Ångra" voids the newest tally only this soon after it; later a mistake is corrected
// by staff as any other record.
inline constexpr std::int64_t kHeadcountUndoMs = 60000;

// What the home screen offers: the check-in of enrolled participants, the visitor count of an
// open meeting place (a big "+1", no names), or both. A kiosk setting (`dagverk settings
// --home-mode`); check-in when unset.
enum class HomeMode { CheckIn, Headcount, Both };

inline std::optional<HomeMode> parseHomeMode(const std::string& text) {
  if (text == "checkin") return HomeMode::CheckIn;
  if (text == "headcount") return HomeMode::Headcount;
  if (text == "both") return HomeMode::Both;
  return std::nullopt;
}

inline const char* formatHomeMode(HomeMode m) {
  switch (m) {
  case HomeMode::Headcount: return "headcount";
  case HomeMode::Both: return "both";
  case HomeMode::CheckIn: break;
  }
  return "checkin";
}

struct HeadcountTallied {
  static constexpr const char* kKind = "HeadcountTallied";
  static constexpr const char* kLabelSv = "Besöksräkningar";
  // A fresh UUID v7 from the store (core cannot make random ids): each tally is its own subject,
  // so "Ångra" can void exactly one, and central dedupes by it.
  std::string tallyId;
  UtcMs at = 0;           // when it was counted (UTC)
  int count = 0;          // visitors, 1..kHeadcountMax
  std::string activityId; // an activity of the site's catalogue, or empty for none
  const std::string& subject() const { return tallyId; }
  template <class Archive> void serialize(Archive& ar) {
    ar(cereal::make_nvp("tallyId", tallyId), cereal::make_nvp("at", at), cereal::make_nvp("count", count),
       cereal::make_nvp("activityId", activityId));
  }
};

namespace cmd {

// "+1" (count 1) or a total typed afterwards. A count above kHeadcountConfirmAbove is taken only
// once the person confirmed it.
struct TallyHeadcount {
  static constexpr const char* kName = "headcount";
  int count = 1;
  std::string activityId; // empty: no activity
  bool confirmedLarge = false;
  std::optional<std::string> actorStaffId;
};

// The rule: refuses with a Swedish message (and an English one for the log), or decides the
// tally, or nothing when a "+1" repeats the previous tally within kHeadcountGuardMs.
inline std::optional<HeadcountTallied> decide(const TallyHeadcount& c, const CommandFacts& f) {
  if (c.count < 1)
    throw DagverkError(ErrorCode::BadInput, "Skriv hur många besökare som kom (minst 1).", "headcount below 1");
  if (c.count > kHeadcountMax)
    throw DagverkError(ErrorCode::BadInput, "Så många besökare kan inte räknas här. Kontrollera antalet.",
                       "headcount above the maximum");
  if (c.count > kHeadcountConfirmAbove && !c.confirmedLarge)
    throw DagverkError(ErrorCode::BadInput,
                       "Fler än " + std::to_string(kHeadcountConfirmAbove) +
                           " besökare: bekräfta att antalet är rätt.",
                       "large headcount not confirmed");
  if (!c.activityId.empty() && std::none_of(f.activities.begin(), f.activities.end(),
                                            [&](const Activity& a) { return a.id == c.activityId; }))
    throw DagverkError(ErrorCode::BadInput, "Aktiviteten finns inte i verksamhetens katalog.",
                       "headcount activity not in the site's catalogue");
  // Only a plain "+1" can be the same tap twice; a total typed or an activity chosen is meant.
  // A clock that went back does not block new tallies.
  const bool doorTap = c.count == 1 && c.activityId.empty();
  if (doorTap && f.lastOfKindUtc) {
    const std::int64_t since = f.now - *f.lastOfKindUtc;
    if (since >= 0 && since < kHeadcountGuardMs) return std::nullopt;
  }
  return HeadcountTallied{f.freshId, f.now, c.count, c.activityId};
}

} // namespace cmd
} // namespace dagverk
