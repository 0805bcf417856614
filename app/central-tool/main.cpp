// dagverk-central: the central tool (share, keys, roster bundles, import, status, reports).
#include "central-tool/CentralCli.hpp"

int main(int argc, char** argv) {
  return dagverk::central_tool::runCentralCli(std::vector<std::string>(argv + 1, argv + argc));
}
