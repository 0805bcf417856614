// The running kiosk (the real loop, headless) and two `dagverk` command-line writers, such as
// badge readers, all acting on one participant at once: exactly one check-in and exactly one
// check-out per round, and the kiosk's screen agrees with the database afterwards.
#include "KioskDriver.hpp"

#include "../fault/RacingCli.hpp"

#include <catch2/catch.hpp>

#include <memory>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using dagverk::test::allEvents;
using dagverk::test::CliOutcome;
using dagverk::test::KioskDriver;
using dagverk::test::RacingCli;
using dagverk::test::realNowMs;

namespace {

size_t countOf(KioskDriver& k, const std::string& kind) {
  size_t n = 0;
  for (const auto& e : allEvents(k.store())) n += std::string(kindOf(e.payload)) == kind ? 1 : 0;
  return n;
}

// Lets the confirmation or the question time out until the kiosk is home again.
void backHome(KioskDriver& k) {
  for (int i = 0; i < 20 && k.screens().screen() != ui::ScreenId::Home; ++i) k.advance(5'000);
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
}

// `dagverk args...` started now, after `delayMs` (through the shell), so that across rounds the
// kiosk's tap lands before, between and after the two writers.
std::unique_ptr<RacingCli> startCli(int delayMs, std::vector<std::string> args, const std::filesystem::path& dir,
                                    const std::string& tag) {
  std::vector<std::string> shell = {"-c", "sleep " + std::to_string(delayMs / 1000.0) + "; exec \"$0\" \"$@\"",
                                    DAGVERK_BIN};
  shell.insert(shell.end(), args.begin(), args.end());
  return std::make_unique<RacingCli>("/bin/sh", shell, dir, tag);
}

} // namespace

TEST_CASE("The kiosk and two command-line writers racing for one participant record each step once",
          "[ui][race]") {
  // The kiosk runs on the real time here, as the command line does.
  KioskDriver k("race", realNowMs(), 1024, 600);
  const std::string who = k.app().model().participants.at(0).id;
  const std::string dir = k.dataDir().string();
  const std::filesystem::path scratch = k.dataDir().parent_path();
  constexpr int kRounds = 10;
  int cliWins = 0, kioskWins = 0;
  for (int round = 0; round < kRounds; ++round) {
    INFO("round " << round);
    // Check-in: the kiosk's tap between two badge readers. Its clock a little behind the
    // machine's, so its record never lies ahead of theirs.
    k.clock().set(realNowMs() - 2'000);
    k.tapButton("enter-grid");
    {
      const int delay = (round % 5) * 60;
      auto a = startCli(delay, {"checkin", "--data-dir", dir, "--participant", who}, scratch, "a");
      auto b = startCli(delay, {"checkin", "--data-dir", dir, "--participant", who}, scratch, "b");
      k.tapTile(who);
      const CliOutcome ra = a->wait(), rb = b->wait();
      INFO("a: " << ra.code << " " << ra.err << "b: " << rb.code << " " << rb.err);
      CHECK(ra.code + rb.code >= 1); // at most one of them won
      cliWins += 2 - (ra.code + rb.code);
    }
    k.settle();
    REQUIRE(countOf(k, "CheckedIn") == static_cast<size_t>(round + 1));
    CHECK(k.app().model().presentSince.count(who) == 1);
    backHome(k);

    // Check-out: the kiosk's "Ja" on "Vill du gå hem?" between two badge readers.
    k.clock().set(realNowMs());
    k.tapButton("enter-grid");
    k.tapTile(who);
    REQUIRE(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
    {
      const int delay = ((round + 2) % 5) * 60;
      auto a = startCli(delay, {"checkout", "--data-dir", dir, "--participant", who}, scratch, "a");
      auto b = startCli(delay, {"checkout", "--data-dir", dir, "--participant", who}, scratch, "b");
      k.clock().advanceMs(1'000);
      k.tapButton("yes");
      const CliOutcome ra = a->wait(), rb = b->wait();
      INFO("a: " << ra.code << " " << ra.err << "b: " << rb.code << " " << rb.err);
      CHECK(ra.code + rb.code >= 1);
      kioskWins += (ra.code + rb.code == 2) ? 1 : 0;
    }
    k.settle();
    REQUIRE(countOf(k, "CheckedOut") == static_cast<size_t>(round + 1));
    CHECK(k.app().model().presentSince.count(who) == 0);
    CHECK_FALSE(k.store().presence().isPresent(who));
    backHome(k);
  }
  WARN(kRounds << " rounds: command line won " << cliWins << " check-ins, the kiosk " << kioskWins
               << " check-outs");
}
