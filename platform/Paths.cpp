#include "platform/Paths.hpp"

#include <cstdlib>
#include <vector>

namespace dagverk::platform {

namespace fs = std::filesystem;

fs::path defaultDataDir() {
  if (const char* d = std::getenv("DAGVERK_DATA_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "dagverk";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local/share/dagverk";
  return "dagverk-data";
}

std::string findFont(bool bold) {
  const char* name = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  std::vector<fs::path> dirs;
  if (const char* d = std::getenv("DAGVERK_FONT_DIR"); d && *d) dirs.emplace_back(d);
  dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (fs::exists(dir / name, ec)) return (dir / name).string();
  }
  return {};
}

} // namespace dagverk::platform
