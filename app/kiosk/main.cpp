// dagverk: the kiosk, and its small admin commands.
#include "kiosk/Cli.hpp"
#include "platform/TimeZone.hpp"

int main(int argc, char** argv) {
  // First, before any thread: every local time the kiosk shows or records uses this zone.
  if (!dagverk::platform::installConfiguredTimeZone("dagverk")) return 1;
  return dagverk::kiosk::runCli(std::vector<std::string>(argv + 1, argv + argc));
}
