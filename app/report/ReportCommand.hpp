#pragma once
// `dagverk-central report ...`. The central command line (app/central-tool) hands the arguments
// after "report" to this function; it prints its own usage and errors.
#include <string>
#include <vector>

namespace dagverk::report {

// Returns the process exit code: 0 ok, 1 failure (message printed: Swedish, then English),
// 2 usage.
int runReportCommand(const std::vector<std::string>& args);

} // namespace dagverk::report
