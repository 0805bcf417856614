#pragma once
// The command line of `dagverk`: the kiosk itself and small admin commands on the same code.
#include <string>
#include <vector>

namespace dagverk::kiosk {

// Exit codes: 0 ok, 1 failure (with a message), 2 usage.
int runCli(const std::vector<std::string>& args);

} // namespace dagverk::kiosk
