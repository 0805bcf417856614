#pragma once
// The kiosk's side of enrolment by one-time code (sync/Enrolment.hpp), for `dagverk enroll` and
// the "Koppla till central" screen: find the offer the code opens, pin central's keys and the
// site, answer with a request. Until then the kiosk writes nothing to the share.
#include "core/Clock.hpp"
#include "store/KioskStore.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace dagverk::sync {

struct KioskEnrolment {
  std::string siteId;
  std::string unit;
  std::string fingerprint; // sync::pairFingerprint of central and this kiosk
};

// Throws DagverkError with a Swedish message for the person at the kiosk: a code of the wrong
// form ("Koden ska ..."), no offer it opens ("Koden stämmer inte ..."), an expired one ("Koden
// har gått ut ..."), an offer for another site, too many wrong codes in a row ("För många
// försök ..."; the wait is stored in the database, so a restart does not end it), or a share it
// cannot read or write. Wrong codes count towards the wait; a right one clears it.
KioskEnrolment enrolKiosk(store::KioskStore& store, const std::filesystem::path& dataDir,
                          const std::filesystem::path& share, const std::string& typedCode, const Clock& clock);

// Whether central's keys are pinned (the kiosk has been enrolled).
bool isEnrolled(const store::KioskStore& store);
// The fingerprint of the pinned pair, when enrolled.
std::optional<std::string> enrolledFingerprint(const store::KioskStore& store, const std::filesystem::path& dataDir);

// The Swedish refusal of a kiosk that has not been enrolled.
inline constexpr const char* kNotEnrolledSv = "Kiosken är inte kopplad till central";

} // namespace dagverk::sync
