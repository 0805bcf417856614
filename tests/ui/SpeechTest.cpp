// Speech in the real kiosk loop, heard through SDL's "disk" audio driver: the welcome prompt
// after a tap on a picture, the check-in and check-out tones, the speaker button, the cache,
// and a kiosk without espeak-ng that keeps working silently.
#include "AudioCapture.hpp"
#include "KioskDriver.hpp"
#include "core/SpeechSettings.hpp"
#include "core/SpokenName.hpp"
#include "platform/SpeechEngine.hpp"
#include "platform/Tones.hpp"

#include <sys/stat.h>

#include <fstream>
#include <string>

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::DiskAudio;
using dagverk::test::KioskDriver;
using dagverk::test::ScopedEnv;
using dagverk::test::mondayMorning;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("dagverk-speech-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// A directory for PATH holding an `espeak-ng` that notes each start in `log`, then runs the
// real one: the test counts how often the kiosk started the engine.
fs::path countingEspeak(const fs::path& dir, const fs::path& log) {
  const fs::path real = platform::findInPath("espeak-ng");
  REQUIRE_FALSE(real.empty()); // the test machine has espeak-ng (scripts/install-deps.sh)
  const fs::path bin = dir / "bin";
  fs::create_directories(bin);
  std::ofstream(bin / "espeak-ng") << "#!/bin/sh\necho started >> '" << log.string() << "'\nexec '" << real.string()
                                   << "' \"$@\"\n";
  fs::permissions(bin / "espeak-ng", fs::perms::owner_all);
  return bin;
}

int linesIn(const fs::path& f) {
  std::ifstream in(f);
  int n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

// From home to the grid, and on once the grid's own prompt has been said.
void openGridAndWait(KioskDriver& k) {
  k.tapButton("enter-grid");
  REQUIRE(k.screens().screen() == ui::ScreenId::CheckInGrid);
  REQUIRE(test::waitUntilQuiet(k.app()));
}

} // namespace

TEST_CASE("A tap on a picture says the welcome, as long as its rendered prompt", "[ui][speech]") {
  const fs::path dir = scratch("welcome");
  DiskAudio audio(dir / "audio.raw");
  ScopedEnv path("PATH", countingEspeak(dir, dir / "spawned.log").string());
  KioskDriver k("speech-welcome", mondayMorning());
  REQUIRE(k.app().speech().state() == platform::Speech::State::Working);
  CHECK_FALSE(k.app().model().speech.problem);
  openGridAndWait(k);
  CHECK(k.screens().voice().current() == "Tryck på din bild");

  const Participant first = k.app().model().participants.front();
  const std::size_t before = audio.bytes();
  k.tapTile(first.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  const std::string welcome = "Välkommen, " + spokenName(first) + "!";
  CHECK(k.screens().voice().current() == welcome);
  k.settle("speech-welcome");
  REQUIRE(test::waitUntilQuiet(k.app()));

  const auto played = audio.samplesFrom(before);
  const auto heard = test::loudSpan(played);
  REQUIRE(heard.has_value());
  // The tone comes first; the speech starts after its two notes and the pause.
  const double toneSeconds = (2 * platform::kToneNoteMs + platform::kToneGapMs) / 1000.0;
  const auto speech = test::loudSpan(
      played, static_cast<std::size_t>((heard->start + toneSeconds) * platform::AudioOutput::kRate));
  REQUIRE(speech.has_value());
  // The rendered prompt, as the cache keeps it: the file name is a hash, never the name.
  const fs::path cached = k.app().speech().cacheFileOf(welcome, SpeechSettings::kDefaultRate);
  REQUIRE(fs::exists(cached));
  CHECK(cached.filename().string().find(first.firstName) == std::string::npos);
  const auto rendered = test::loudSpan(test::wavSamples(cached));
  REQUIRE(rendered.has_value());
  INFO("heard " << speech->length() << " s of speech; the rendered prompt is " << rendered->length() << " s");
  CHECK(rendered->length() > 0.5);
  CHECK(std::abs(speech->length() - rendered->length()) < 0.1 * rendered->length() + 0.06);

  // Private: the cache folder 0700, its files 0600.
  struct stat st {};
  REQUIRE(::stat(cached.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(cached.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(linesIn(dir / "spawned.log") == 2); // the grid's prompt and the welcome
}

TEST_CASE("The speaker button says the prompt again, from the cache, and leaves the screen open", "[ui][speech]") {
  const fs::path dir = scratch("again");
  DiskAudio audio(dir / "audio.raw");
  ScopedEnv path("PATH", countingEspeak(dir, dir / "spawned.log").string());
  KioskDriver k("speech-again", mondayMorning());
  openGridAndWait(k);
  k.tapTile(k.app().model().participants.front().id);
  REQUIRE(test::waitUntilQuiet(k.app()));
  const int renders = k.app().speech().rendersStarted();
  const int spawned = linesIn(dir / "spawned.log");

  k.clock().advanceMs(2000); // past the double-tap guard: a tap on the screen itself would close it
  const std::size_t before = audio.bytes();
  k.tapButton("speaker");
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
  REQUIRE(test::waitUntilQuiet(k.app()));
  const auto again = test::loudSpan(audio.samplesFrom(before));
  REQUIRE(again.has_value());
  CHECK(again->length() > 0.5);
  // A cache hit: espeak-ng was not started again.
  CHECK(k.app().speech().rendersStarted() == renders);
  CHECK(linesIn(dir / "spawned.log") == spawned);
}

TEST_CASE("A prompt asked for twice before it is rendered is rendered once", "[ui][speech]") {
  const fs::path dir = scratch("twice");
  DiskAudio audio(dir / "audio.raw");
  ScopedEnv path("PATH", countingEspeak(dir, dir / "spawned.log").string());
  platform::Speech speech(dir / "cache");
  speech.configure(true, 80, SpeechSettings::kDefaultRate);
  speech.say("Vill du berätta mer?");
  speech.say("Vill du berätta mer?");
  for (int i = 0; i < 1000 && !speech.idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(speech.idle());
  CHECK(speech.rendersStarted() == 1);
  CHECK(linesIn(dir / "spawned.log") == 1);
}

TEST_CASE("Check-in rises and check-out falls: two tones told apart by their notes", "[ui][speech]") {
  const fs::path dir = scratch("tones");
  DiskAudio audio(dir / "audio.raw");
  // No espeak-ng: only the tones are heard, which the kiosk makes itself.
  fs::create_directories(dir / "empty");
  ScopedEnv path("PATH", (dir / "empty").string());
  KioskDriver k("speech-tones", mondayMorning());
  const Participant first = k.app().model().participants.front();
  const std::size_t noteSamples = platform::AudioOutput::kRate * platform::kToneNoteMs / 1000;

  // The middle half of each note, from where the sound starts.
  auto notesOf = [&](const std::vector<std::int16_t>& s) {
    const auto span = test::loudSpan(s);
    REQUIRE(span.has_value());
    // The 10 ms window where the sound starts may begin up to a window early.
    const auto start = static_cast<std::size_t>(span->start * platform::AudioOutput::kRate);
    return std::pair{test::toneFrequency(s, start + noteSamples / 4, noteSamples / 2),
                     test::toneFrequency(s, start + noteSamples + noteSamples / 4, noteSamples / 2)};
  };

  k.tapButton("enter-grid");
  std::size_t before = audio.bytes();
  k.tapTile(first.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  REQUIRE(test::waitUntilQuiet(k.app()));
  const auto in = notesOf(audio.samplesFrom(before));

  k.advance(11'000); // the welcome closes by itself
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
  k.tapButton("enter-grid");
  k.tapTile(first.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
  k.clock().advanceMs(1000);
  before = audio.bytes();
  k.tapButton("yes");
  REQUIRE(k.screens().screen() == ui::ScreenId::Goodbye);
  REQUIRE(test::waitUntilQuiet(k.app()));
  const auto out = notesOf(audio.samplesFrom(before));

  const auto inNotes = platform::toneNotes(platform::Tone::CheckIn);
  INFO("check-in " << in.first << " → " << in.second << " Hz; check-out " << out.first << " → " << out.second << " Hz");
  CHECK(std::abs(in.first - inNotes.first) < 40);
  CHECK(std::abs(in.second - inNotes.second) < 40);
  CHECK(in.first < in.second);   // rising
  CHECK(out.first > out.second); // falling
}

TEST_CASE("Without espeak-ng the kiosk works silently and the dashboard says so", "[ui][speech]") {
  const fs::path dir = scratch("missing");
  DiskAudio audio(dir / "audio.raw");
  fs::create_directories(dir / "empty");
  ScopedEnv path("PATH", (dir / "empty").string());
  KioskDriver k("speech-missing", mondayMorning());
  CHECK(k.app().speech().state() == platform::Speech::State::NoEngine);
  CHECK(k.app().model().speech.problem);
  k.tapButton("enter-grid");
  const Participant first = k.app().model().participants.front();
  k.tapTile(first.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(k.store().presence().isPresent(first.id));
  CHECK(k.app().speech().rendersStarted() == 0);
  k.advance(11'000);
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);

  k.signInAsStaff("S001", KioskDriver::demoPin("S001"));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK(k.screens().buttonRect("warning-speech").has_value());
  k.settle("speech-dashboard-talet-fungerar-inte");
}

TEST_CASE("With the dummy driver nothing is rendered, so silent tests stay fast", "[ui][speech]") {
  const fs::path dir = scratch("dummy");
  ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
  KioskDriver k("speech-dummy", mondayMorning());
  k.tapButton("enter-grid");
  k.tapTile(k.app().model().participants.front().id);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(k.screens().voice().current().rfind("Välkommen, ", 0) == 0);
  CHECK(k.app().speech().rendersStarted() == 0);
  CHECK_FALSE(k.app().model().speech.problem); // a silent driver is not a fault
}
