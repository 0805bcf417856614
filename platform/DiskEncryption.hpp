#pragma once
// Whether a directory lies on an encrypted block device (dm-crypt, e.g. LUKS2), so the kiosk can
// tell staff when a stolen tablet's disk could be read as it is.
//
// How: stat(2) gives the file system's device number; /sys/dev/block/<major>:<minor> is that
// block device, and a device-mapper device names its kind in dm/uuid ("CRYPT-LUKS2-..." for
// dm-crypt). LVM on LUKS is a linear device whose slaves/ lead to the crypt device, so slaves are
// followed (a few levels deep). A file system with no block device behind it (tmpfs, overlay)
// counts as not encrypted: nothing shows that it is.
#include <filesystem>

namespace dagverk::platform {

enum class DiskEncryption { Encrypted, NotEncrypted };

// `sysRoot` is where sysfs is mounted; a test passes a directory laid out the same way.
DiskEncryption diskEncryptionOf(const std::filesystem::path& path, const std::filesystem::path& sysRoot);
// The same with sysfs at DAGVERK_SYSFS_ROOT when that is set (a test's own tree), else /sys.
DiskEncryption diskEncryptionOf(const std::filesystem::path& path);

} // namespace dagverk::platform
