#include "platform/Log.hpp"

#include <cstdio>

namespace dagverk::platform {

void logInfo(const std::string& message) { std::fprintf(stderr, "[dagverk] %s\n", message.c_str()); }
void logError(const std::string& message) { std::fprintf(stderr, "[dagverk] error: %s\n", message.c_str()); }

} // namespace dagverk::platform
