// The domain library stays free of SDL, ImGui and SQLite, so it can be tested and reused alone.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
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
