#include "platform/DiskEncryption.hpp"

#include "platform/Log.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>
#include <system_error>

namespace dagverk::platform {

namespace fs = std::filesystem;

namespace {

// LUKS inside LVM inside another mapping is already unusual; a loop in a damaged or made-up tree
// must not recurse for ever.
constexpr int kMaxDepth = 8;

bool isCryptDevice(const fs::path& blockDir) {
  std::ifstream in(blockDir / "dm" / "uuid");
  std::string uuid;
  if (!in || !std::getline(in, uuid)) return false;
  return uuid.rfind("CRYPT-", 0) == 0;
}

bool onCrypt(const fs::path& blockDir, const fs::path& sysRoot, int depth) {
  if (depth > kMaxDepth) return false;
  if (isCryptDevice(blockDir)) return true;
  std::error_code ec;
  const fs::path slaves = blockDir / "slaves";
  if (!fs::is_directory(slaves, ec)) return false;
  // Every device under a mapping must be encrypted for the data on it to be: a linear volume
  // spanning one encrypted and one plain disk leaves part of it readable.
  bool any = false;
  for (const auto& entry : fs::directory_iterator(slaves, ec)) {
    any = true;
    if (!onCrypt(sysRoot / "class" / "block" / entry.path().filename(), sysRoot, depth + 1)) return false;
  }
  return any && !ec;
}

} // namespace

DiskEncryption diskEncryptionOf(const fs::path& path, const fs::path& sysRoot) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    logError("disk encryption: cannot stat the data directory; counted as not encrypted");
    return DiskEncryption::NotEncrypted;
  }
  const fs::path dev = sysRoot / "dev" / "block" /
                       (std::to_string(major(st.st_dev)) + ":" + std::to_string(minor(st.st_dev)));
  try {
    return onCrypt(dev, sysRoot, 0) ? DiskEncryption::Encrypted : DiskEncryption::NotEncrypted;
  } catch (const std::exception& e) {
    // A sysfs entry that vanished while it was read: nothing shows the disk is encrypted.
    logError(std::string("disk encryption: reading sysfs failed (") + e.what() + "); counted as not encrypted");
    return DiskEncryption::NotEncrypted;
  }
}

DiskEncryption diskEncryptionOf(const fs::path& path) {
  const char* root = std::getenv("DAGVERK_SYSFS_ROOT");
  return diskEncryptionOf(path, root && *root ? fs::path(root) : fs::path("/sys"));
}

} // namespace dagverk::platform
