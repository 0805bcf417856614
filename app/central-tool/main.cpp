// dagverk-central: the central tool (share, keys, roster bundles, import, status, reports).
#include "central-tool/CentralCli.hpp"
#include "platform/TimeZone.hpp"

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("dagverk-central")) return 1;
  return dagverk::central_tool::runCentralCli(std::vector<std::string>(argv + 1, argv + argc));
}
