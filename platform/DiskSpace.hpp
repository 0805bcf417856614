#pragma once
// Free and total space of the file system holding a path (statvfs). DAGVERK_TEST_DISK_SPACE,
// when set to "FREE/TOTAL" in bytes, is returned instead, so a test can fill the disk.
#include "core/PowerStatus.hpp"

#include <filesystem>
#include <optional>

namespace dagverk::platform {

// nullopt when the file system cannot be asked (the path is gone).
std::optional<DiskSpace> diskSpaceOf(const std::filesystem::path& path);

} // namespace dagverk::platform
