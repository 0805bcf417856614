#pragma once
// English log lines on stderr. Never pass names or free text here: ids and counts only.
#include <string>

namespace dagverk::platform {

void logInfo(const std::string& message);
void logError(const std::string& message);

} // namespace dagverk::platform
