#pragma once
// `dagverk-central sheets --db DB --site S --week YYYY-Www --out FILE`: the reserve sheets of a
// site (attendance and roll call in one HTML file for A4) from central's roster history, for a
// site whose tablet is gone.
#include <string>
#include <vector>

namespace dagverk::central_tool {

// The arguments after "sheets". Exit codes: 0 ok, 1 failure (a Swedish message), 2 usage.
int runSheetsCommand(const std::vector<std::string>& args);

} // namespace dagverk::central_tool
