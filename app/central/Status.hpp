#pragma once
// `dagverk-central status`: per device its site, last batch, when it was last seen (Stockholm
// time), events, event-sequence gaps, batch numbers never seen, and clock flags.
#include "central/CentralStore.hpp"

#include <string>

namespace dagverk::central {

std::string formatStatusText(CentralStore& store);
std::string formatStatusJson(CentralStore& store);

} // namespace dagverk::central
