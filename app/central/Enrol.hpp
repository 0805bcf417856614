#pragma once
// Central's side of enrolment by one-time code (sync/Enrolment.hpp): `dagverk-central enroll`
// makes a code and an offer on the share; the next import (or `enroll --accept`) checks the
// kiosks' requests and enrols them; `revoke` ends a device key.
//
// Pending offers live in <keys>/enrol-offers.json (0600, beside the central secret keys): the
// offer id, site, expiry, whether it may replace an enrolled key, its state, how many bad
// requests it took, and the stretched code (a secret like the other keys there). The code itself
// is never stored. An offer is used once; it dies when it expires or after
// sync::kEnrolMaxBadRequests requests with a wrong MAC.
#include "core/Clock.hpp"
#include "sync/Enrolment.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace dagverk::central {

struct NewOffer {
  std::string code; // without separators; shown once, grouped (sync::formatEnrolmentCode)
  std::string offerId;
  std::string siteId;
  UtcMs expiresUtc = 0;
};
// Refuses an invalid site id, or one not in the newest published bundle (when there is one).
NewOffer createEnrolmentOffer(const std::filesystem::path& share, const std::filesystem::path& keysDir,
                              const std::string& siteId, bool replace, const Clock& clock);

struct EnrolmentOutcome {
  std::string deviceId;  // as the request names it (checked id characters)
  std::string siteId;
  bool accepted = false;
  std::string fingerprint; // when accepted
  std::string swedish;     // why not, for the person at central
  std::string english;     // the same for the log
};
// Checks every request in <share>/enrol/, enrols the good ones, removes what it has dealt with,
// counts bad MACs against their offer and removes dead offers from the share.
std::vector<EnrolmentOutcome> acceptEnrolmentRequests(const std::filesystem::path& share,
                                                      const std::filesystem::path& keysDir, const Clock& clock);
// "Enheten kiosk-a är registrerad för liljan (fingeravtryck AB12-CD34-EF56).\n" or the refusal.
std::string formatEnrolmentOutcomes(const std::vector<EnrolmentOutcome>& outcomes);

// "Registrerade enheter" with each kiosk's site and fingerprint, then the revoked keys (for
// `dagverk-central status --keys`).
std::string formatEnrolledDevices(const std::filesystem::path& keysDir);

// Ends a device key: later batches signed with it are quarantined as "revoked". Throws
// BadInput when the device is not enrolled.
void revokeDeviceKey(const std::filesystem::path& keysDir, const std::string& deviceId, const Clock& clock);

} // namespace dagverk::central
