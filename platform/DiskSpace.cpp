#include "platform/DiskSpace.hpp"

#include <sys/statvfs.h>

#include <cstdio>
#include <cstdlib>

namespace dagverk::platform {

std::optional<DiskSpace> diskSpaceOf(const std::filesystem::path& path) {
  if (const char* test = std::getenv("DAGVERK_TEST_DISK_SPACE"); test && *test) {
    unsigned long long freeBytes = 0, totalBytes = 0;
    if (std::sscanf(test, "%llu/%llu", &freeBytes, &totalBytes) == 2 && totalBytes > 0 && freeBytes <= totalBytes)
      return DiskSpace{freeBytes, totalBytes};
    return std::nullopt;
  }
  struct statvfs st {};
  if (::statvfs(path.c_str(), &st) != 0) return std::nullopt;
  // f_bavail: what an unprivileged writer such as the kiosk may still use (root keeps a reserve).
  return DiskSpace{static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize,
                   static_cast<std::uint64_t>(st.f_blocks) * st.f_frsize};
}

} // namespace dagverk::platform
