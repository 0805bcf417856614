#pragma once
// File-system calls the app needs, in one place: data directory checks, durable writes.
#include <cstdint>
#include <filesystem>
#include <string>

namespace dagverk::platform {

// Throws DagverkError: DataDirMissing if `dir` does not exist (and create is false),
// DataDirNotWritable if a file cannot be created there (probed for real, so it also
// holds for root and for read-only mounts).
void ensureWritableDirectory(const std::filesystem::path& dir, bool create);

bool fileExists(const std::filesystem::path& p);
// Size in bytes; -1 if the file cannot be examined.
std::int64_t fileSize(const std::filesystem::path& p);
std::string readWholeFile(const std::filesystem::path& p); // throws DagverkError(BadInput)

// Writes `content` to `path` durably and atomically: tmp file with O_EXCL, fsync, rename,
// fsync of the directory. Throws DagverkError(DiskFull / Storage).
void writeFileAtomically(const std::filesystem::path& path, const std::string& content);

} // namespace dagverk::platform
