// dagverk: the kiosk, and its small admin commands.
#include "kiosk/Cli.hpp"

int main(int argc, char** argv) { return dagverk::kiosk::runCli(std::vector<std::string>(argv + 1, argv + argc)); }
