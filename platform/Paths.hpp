#pragma once
#include <filesystem>
#include <string>

namespace dagverk::platform {

// $DAGVERK_DATA_DIR, else $XDG_DATA_HOME/dagverk, else ~/.local/share/dagverk.
std::filesystem::path defaultDataDir();
// A TrueType font with Swedish letters and General Punctuation (DejaVu Sans from Debian's
// fonts-dejavu-core), or $DAGVERK_FONT_DIR. Empty if none is found.
std::string findFont(bool bold);

} // namespace dagverk::platform
