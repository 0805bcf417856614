// dagverk-central: the central tool (share, keys, roster bundles, import, status, reports).
#include "central/CentralCli.hpp"

int main(int argc, char** argv) {
  return dagverk::central::runCentralCli(std::vector<std::string>(argv + 1, argv + argc));
}
