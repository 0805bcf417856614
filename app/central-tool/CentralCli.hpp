#pragma once
// The `dagverk-central` command line: init, enroll, publish, import, status, report.
#include <string>
#include <vector>

namespace dagverk::central_tool {

// Returns the exit code: 0 ok, 1 failure (Swedish message, then the English one on stderr),
// 2 usage.
int runCentralCli(const std::vector<std::string>& args);

} // namespace dagverk::central_tool
