#pragma once
// File-system calls the app needs, in one place: data directory checks, durable writes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dagverk::platform {

// Throws DagverkError: DataDirMissing if `dir` does not exist (and create is false),
// DataDirNotWritable if a file cannot be created there (probed for real, so it also
// holds for root and for read-only mounts). A directory it creates is private (0700).
void ensureWritableDirectory(const std::filesystem::path& dir, bool create);

bool fileExists(const std::filesystem::path& p);
// Size in bytes; -1 if the file cannot be examined.
std::int64_t fileSize(const std::filesystem::path& p);
std::string readWholeFile(const std::filesystem::path& p); // throws DagverkError(BadInput)
// For files from outside (core/InputLimits.hpp): reads `p` into `out` only if it holds at most
// `maxBytes` bytes, and returns false, with `out` empty, when it is larger. The size is checked
// before reading and the read itself stops after maxBytes + 1 bytes, so a file that grows
// meanwhile is refused too and never more than the limit is held. Throws DagverkError(BadInput)
// when the file cannot be read.
bool readFileWithin(const std::filesystem::path& p, std::size_t maxBytes, std::string& out);

// Writes `content` to `path` durably and atomically: tmp file with O_EXCL, fsync, rename,
// fsync of the directory. Throws DagverkError(DiskFull / Storage).
void writeFileAtomically(const std::filesystem::path& path, const std::string& content);

// --- for the share and the central machine -----------------------------------------------
// Like writeFileAtomically, but never replaces: the final name must not exist (the tmp file is
// `<name>.tmp` opened with O_EXCL; the final name is claimed with link(2), falling back to a
// checked rename(2) on file systems without hard links, such as SMB through FUSE). Throws
// DagverkError(AlreadyExists-like Storage) if the name exists, DiskFull on ENOSPC/EDQUOT,
// Storage otherwise; the tmp file is removed on every failure. The English message names the
// path and the failing call ("fsync", "write", "rename", ...).
void writeFileNoReplace(const std::filesystem::path& path, const std::string& content);
// Regular files directly in `dir` (names only, sorted); empty if `dir` does not exist.
std::vector<std::string> listFiles(const std::filesystem::path& dir);
// Regular files directly in `dir` last modified before `beforeUtcMs` (ms since the epoch), names
// only, sorted; empty if `dir` does not exist. Entries are examined with lstat: a symbolic link
// is never listed, whatever it points at. Throws DagverkError(Storage) if `dir` cannot be read.
std::vector<std::string> listRegularFilesModifiedBefore(const std::filesystem::path& dir, std::int64_t beforeUtcMs);
// Sub-directories directly in `dir` (names only, sorted); empty if `dir` does not exist.
std::vector<std::string> listDirectories(const std::filesystem::path& dir);
// mkdir -p, then fsync of each parent that gained an entry. Throws DagverkError(Storage).
void createDirectories(const std::filesystem::path& dir);
// rename(2) within one file system, then fsync of both directories. Throws DagverkError(Storage).
void moveFile(const std::filesystem::path& from, const std::filesystem::path& to);
// Removes a file if it exists (no error if it does not).
void removeFile(const std::filesystem::path& p);
// Removes a file if it can; false, never an exception, when it could not. For clean-up after a
// failure, where the error already being reported is the one that matters.
bool tryRemoveFile(const std::filesystem::path& p) noexcept;
// Gives the file at `from` the name `to` as well, never replacing an existing `to`: link(2), or
// where linking fails for any reason other than an existing `to` (file systems without hard
// links), rename(2) after checking that `to` is still free. Returns false, changing nothing, if
// `to` already exists. After a link `from` still exists (the caller removes it); after the
// rename it is gone. No fsync: the caller knows what must be durable. Throws
// DagverkError(Storage) if neither call worked.
bool linkNoReplace(const std::filesystem::path& from, const std::filesystem::path& to);

// A new private (0700) directory under the system's temporary directory, named `prefix` plus
// random characters, removed with everything in it when this object goes. For libraries that
// insist on writing to a path of their own. Throws DagverkError(Storage) if it cannot be made.
class TemporaryDirectory {
public:
  explicit TemporaryDirectory(const std::string& prefix);
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};
// Creates a file readable only by its owner (0600) with O_EXCL, fsynced. Throws if it exists.
void writePrivateFile(const std::filesystem::path& path, const std::string& content);
// mkdir -p where the last directory is created readable only by its owner (0700); an existing
// directory is left as it is. Throws DagverkError(Storage).
void createPrivateDirectory(const std::filesystem::path& dir);

// --- beneath a root, never through a symbolic link ------------------------------------------
// Everything on the share is placed by whoever can write to it. These calls reach `path`, which
// lies beneath `root`, one directory at a time with openat(O_NOFOLLOW | O_DIRECTORY), and open or
// examine the last component without following it: a symbolic link anywhere below `root` is never
// followed, so a planted link can neither lead a read to a local file nor a move into a local
// folder. `root` itself is the operator's configuration and may be a link (a mount point alias).
// A `path` that is not beneath `root` (or holds "..") throws DagverkError(BadInput).
enum class BeneathRead { Ok, Missing, TooLarge, Link, NotRegular };
// Opens the file (O_NOFOLLOW), checks its size with fstat on that descriptor (no window between
// a stat and the open) against `maxBytes` before reading anything, then reads in 64 KiB chunks,
// never more than maxBytes + 1 bytes: a file that grows meanwhile is refused as TooLarge. `out`
// is empty unless the result is Ok. Throws DagverkError(BadInput) when the file cannot be read
// for another reason (permissions, I/O).
BeneathRead readFileBeneath(const std::filesystem::path& root, const std::filesystem::path& path,
                            std::size_t maxBytes, std::string& out);
enum class EntryKind { Missing, File, Directory, Link, Other };
// What `path` is, examined with fstatat(AT_SYMLINK_NOFOLLOW); Link also when a directory on the
// way to it is a link.
EntryKind entryKindBeneath(const std::filesystem::path& root, const std::filesystem::path& path);
// Size of a regular file reached without links; -1 for anything else.
std::int64_t fileSizeBeneath(const std::filesystem::path& root, const std::filesystem::path& path);
// Regular files and directories directly in `dir` (names only, sorted), each examined with
// fstatat(AT_SYMLINK_NOFOLLOW). Symbolic links are skipped and counted in `links`, and each is
// logged without its name (a name on the share may be free text). A `dir` that does not exist,
// or is reached through a link (then logged too, and counted), lists nothing. Throws
// DagverkError(Storage) if `dir` cannot be read.
struct DirectoryListing {
  std::vector<std::string> files;
  std::vector<std::string> directories;
  std::size_t links = 0;
};
DirectoryListing listBeneath(const std::filesystem::path& root, const std::filesystem::path& dir);
// mkdir -p below `root` (0755, as createDirectories), fsyncing each parent that gained an entry;
// throws DagverkError(Storage) naming "a symbolic link" when a component is a link or not a
// directory.
void createDirectoriesBeneath(const std::filesystem::path& root, const std::filesystem::path& dir);
// renameat(2) between two directories both reached without links, then fsync of both. The file
// itself is moved as it is (a link stays a link, never its target). Throws DagverkError(Storage).
void moveFileBeneath(const std::filesystem::path& root, const std::filesystem::path& from,
                     const std::filesystem::path& to);

// --- owner-only files (the databases and the kiosk's data directory) ---------------------------
// Takes every group and other permission bit off `dir` (0755 becomes 0700), with an English log
// line; nothing if it is already private. A directory this process may not chmod is left as it
// is, with a log line: the files in it are private on their own.
void keepDirectoryPrivate(const std::filesystem::path& dir);
// The same for a database file (0644 becomes 0600; a read-only 0444 becomes 0400), and its -wal,
// -shm and -journal beside it, where they exist, become 0600. Logs each change.
void keepDatabaseFilesPrivate(const std::filesystem::path& dbFile);
// Creates `p` empty with mode 0600 whatever the umask; an existing file is left as it is. Throws
// DagverkError(DiskFull / Storage).
void createPrivateEmptyFile(const std::filesystem::path& p);
// True if this process may write to `p` (its effective user and groups; root always may).
bool isWritableByMe(const std::filesystem::path& p);
// True only when the file exists and this user may not write it (EACCES, EROFS, EPERM). A file
// another process removes between two checks (SQLite deletes the -wal when the last connection
// closes) is not refused.
bool writeDeniedToMe(const std::filesystem::path& p);

} // namespace dagverk::platform
