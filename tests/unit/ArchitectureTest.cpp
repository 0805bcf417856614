// The domain library stays free of SDL, ImGui and SQLite, so it can be tested and reused alone.
#include "core/Event.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#ifndef DAGVERK_SOURCE_DIR
#error "DAGVERK_SOURCE_DIR must be defined by CMake"
#endif

namespace fs = std::filesystem;

namespace {
const std::regex kForbidden(R"(^\s*#\s*include\s*[<"](SDL|imgui|sqlite3))");

std::vector<std::string> forbiddenIncludes(const std::string& text) {
  std::vector<std::string> hits;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (std::regex_search(line, kForbidden)) hits.push_back(line);
  return hits;
}
} // namespace

TEST_CASE("Architecture: the include pattern catches what it should") {
  CHECK(forbiddenIncludes("#include <SDL.h>").size() == 1);
  CHECK(forbiddenIncludes("#include <SDL2/SDL.h>").size() == 1);
  CHECK(forbiddenIncludes("#include \"imgui.h\"").size() == 1);
  CHECK(forbiddenIncludes("  #  include <sqlite3.h>").size() == 1);
  CHECK(forbiddenIncludes("#include\"sqlite3.h\"").size() == 1);
  CHECK(forbiddenIncludes("#include <string>\n#include \"Clock.hpp\"\n// SDL is not used here").empty());
}

TEST_CASE("Architecture: app/core includes no SDL, ImGui or SQLite") {
  const fs::path core = fs::path(DAGVERK_SOURCE_DIR) / "app" / "core";
  REQUIRE(fs::is_directory(core));
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(core)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    REQUIRE(in);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& hit : forbiddenIncludes(text)) FAIL_CHECK(entry.path().string() << ": " << hit);
    ++files;
  }
  // Guard against scanning the wrong place: core has a dozen headers and sources.
  CHECK(files >= 10);
}

namespace {
std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
} // namespace

TEST_CASE("Architecture: the store writes an event kind's name only through its payload (kindList)") {
  // A kind typed as an SQL literal would silently stop matching if the kind were renamed.
  // Every kind the build knows, from the payloads themselves, so a new kind is guarded too.
  const std::regex quotedKind = [] {
    std::string kinds;
    [&]<size_t... I>(std::index_sequence<I...>) {
      ((kinds += (kinds.empty() ? "" : "|") + std::string(std::variant_alternative_t<I, dagverk::EventPayload>::kKind)),
       ...);
    }(std::make_index_sequence<std::variant_size_v<dagverk::EventPayload>>{});
    return std::regex("'(" + kinds + ")'");
  }();
  const fs::path store = fs::path(DAGVERK_SOURCE_DIR) / "app" / "store";
  REQUIRE(fs::is_directory(store));
  for (const auto& entry : fs::directory_iterator(store)) {
    if (!entry.is_regular_file()) continue;
    const std::string text = readText(entry.path());
    // EventLog.hpp shows what kindList makes, in a comment.
    if (entry.path().filename() == "EventLog.hpp") continue;
    std::smatch m;
    if (std::regex_search(text, m, quotedKind)) FAIL_CHECK(entry.path().string() << ": " << m.str());
  }
}

TEST_CASE("Architecture: no source file of the store or the domain is over 600 lines") {
  for (const char* dir : {"store", "core"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(DAGVERK_SOURCE_DIR) / "app" / dir)) {
      if (!entry.is_regular_file()) continue;
      const std::string text = readText(entry.path());
      const auto lines = std::count(text.begin(), text.end(), '\n');
      INFO(entry.path().string());
      CHECK(lines <= 600);
    }
  }
}
