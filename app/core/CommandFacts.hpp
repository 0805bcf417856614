#pragma once
// The common facts a command's rule may need, read by the store inside the command's write
// transaction (so nothing changes between the check and the append). A kind whose rule needs
// only these declares, beside its command in its own header,
//
//   std::optional<Payload> decide(const cmd::Its&, const CommandFacts&);   // or std::vector<Payload>
//
// in namespace dagverk::cmd; store::perform then carries it out with no store code of its own.
// The rule returns the events to append (none: the command changes nothing) or throws
// DagverkError (Swedish for the screen, English for the log) to refuse.
#include "core/Clock.hpp"
#include "core/LocalTime.hpp"
#include "core/Roster.hpp"
#include "core/Staff.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dagverk {

struct CommandFacts {
  std::string siteId;                  // the site the kiosk is bound to
  UtcMs now = 0;                       // the time the events will carry (UTC)
  LocalDate today;                     // the local day at `now`
  std::optional<StaffMember> actor;    // the acting staff member (checked active), if any
  std::vector<Activity> activities;    // the site's activity catalogue
  std::optional<UtcMs> lastOfKindUtc;  // recordedUtc of this device's last event of the kind
  std::string freshId;                 // a new UUID v7 made at `now`, for a new subject's id
};

} // namespace dagverk
