#include "platform/FileSystem.hpp"

#include "core/Error.hpp"
#include "platform/Log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace dagverk::platform {

namespace fs = std::filesystem;

void ensureWritableDirectory(const fs::path& dir, bool create) {
  std::error_code ec;
  const auto st = fs::status(dir, ec);
  if (!fs::exists(st)) {
    if (!create)
      throw DagverkError(ErrorCode::DataDirMissing, "Datamappen " + dir.string() + " finns inte.",
                         "data directory does not exist: " + dir.string());
    fs::create_directories(dir, ec);
    if (ec)
      throw DagverkError(ErrorCode::DataDirNotWritable, "Datamappen " + dir.string() + " kunde inte skapas.",
                         "cannot create data directory " + dir.string() + ": " + ec.message());
    // Made by us, so private from the start (the umask usually leaves it 0755).
    ::chmod(dir.c_str(), 0700);
  } else if (!fs::is_directory(st)) {
    throw DagverkError(ErrorCode::DataDirMissing, dir.string() + " är ingen mapp.",
                       "data directory is not a directory: " + dir.string());
  }
  const fs::path probe = dir / (".write-probe-" + std::to_string(::getpid()));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int err = errno;
    throw DagverkError(ErrorCode::DataDirNotWritable, "Det går inte att spara i datamappen " + dir.string() + ".",
                       "data directory not writable: " + dir.string() + ": " + std::strerror(err));
  }
  ::close(fd);
  ::unlink(probe.c_str());
}

bool fileExists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

std::int64_t fileSize(const fs::path& p) {
  std::error_code ec;
  const auto n = fs::file_size(p, ec);
  return ec ? -1 : static_cast<std::int64_t>(n);
}

namespace {

// Reads from an open descriptor in 64 KiB chunks, at most `maxBytes` + 1 bytes (so that a file
// larger than its limit, or one that grew after its size was checked, shows as larger). The
// buffer is sized once from `expected`, the size fstat gave.
bool readChunks(int fd, std::size_t expected, std::size_t maxBytes, std::string& out) {
  std::string buf;
  buf.reserve(std::min(expected, maxBytes));
  char chunk[64 * 1024];
  while (buf.size() <= maxBytes) {
    const std::size_t want = std::min(sizeof chunk, maxBytes + 1 - buf.size());
    const ssize_t n = ::read(fd, chunk, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) break;
    buf.append(chunk, static_cast<std::size_t>(n));
  }
  out = std::move(buf);
  return true;
}

[[noreturn]] void cannotRead(const fs::path& p, int err) {
  throw DagverkError(ErrorCode::BadInput, "Filen " + p.string() + " kan inte läsas.",
                     "cannot read file " + p.string() + ": " + std::strerror(err));
}

} // namespace

std::string readWholeFile(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) cannotRead(p, errno);
  struct stat st {};
  std::string out;
  const bool ok = ::fstat(fd, &st) == 0 &&
                  readChunks(fd, static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)), SIZE_MAX - 1, out);
  const int err = errno;
  ::close(fd);
  if (!ok) cannotRead(p, err);
  return out;
}

bool readFileWithin(const fs::path& p, std::size_t maxBytes, std::string& out) {
  out.clear();
  // The size comes from fstat on the descriptor that is then read: no window between a check by
  // name and the open in which the file could be swapped for a larger one.
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) cannotRead(p, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    cannotRead(p, err);
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > maxBytes) {
    ::close(fd);
    return false;
  }
  std::string buf;
  const bool ok = readChunks(fd, static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)), maxBytes, buf);
  const int err = errno;
  ::close(fd);
  if (!ok) cannotRead(p, err);
  if (buf.size() > maxBytes) return false;
  out = std::move(buf);
  return true;
}

namespace {
[[noreturn]] void ioFail(const std::string& what, const fs::path& p, int err) {
  if (err == ENOSPC || err == EDQUOT)
    throw DagverkError(ErrorCode::DiskFull,
                       "Disken är full: " + p.string() + " kunde inte sparas. Frigör utrymme och försök igen.",
                       "disk full: " + what + " " + p.string() + ": no space left on device");
  throw DagverkError(ErrorCode::Storage, "Filen " + p.string() + " kunde inte sparas.",
                     what + " " + p.string() + ": " + std::strerror(err));
}
} // namespace

void writeFileAtomically(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) ioFail("open", tmp, errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      ioFail("write", tmp, err);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    ioFail("fsync", tmp, err);
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    ioFail("rename", path, err);
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

// --- for the share and the central machine -----------------------------------------------

namespace {

[[noreturn]] void shareFail(const std::string& call, const fs::path& p, int err) {
  if (err == ENOSPC || err == EDQUOT)
    throw DagverkError(ErrorCode::DiskFull,
                       "Disken är full: " + p.string() + " kunde inte sparas. Frigör utrymme och försök igen.",
                       "disk full: " + call + " failed on " + p.string() + ": " + std::strerror(err));
  throw DagverkError(ErrorCode::Storage, "Det gick inte att spara filen.",
                     call + " failed on " + p.string() + ": " + std::strerror(err));
}

fs::path parentOf(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

// fsync of a directory, so that a new or renamed entry in it survives a power cut. File systems
// that cannot sync a directory (EINVAL, ENOTSUP, ENOSYS) are accepted as they are.
void syncDirectory(const fs::path& dir) {
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) shareFail("open", dir, errno);
  if (::fsync(dfd) != 0) {
    const int err = errno;
    ::close(dfd);
    if (err == EINVAL || err == ENOTSUP || err == EOPNOTSUPP || err == ENOSYS) return;
    shareFail("fsync", dir, err);
  }
  ::close(dfd);
}

bool pathExists(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

[[noreturn]] void alreadyExists(const fs::path& p) {
  throw DagverkError(ErrorCode::Storage, "Filen finns redan och skrivs inte över.",
                     "refusing to replace " + p.string() + ": already exists");
}

// Writes `content` to `<path>.tmp` (O_EXCL, `mode`), fsyncs it, then claims `path` with link(2)
// (or a checked rename(2) where hard links are not supported). Never replaces `path`; removes
// the tmp file on every failure.
void writeNoReplace(const fs::path& path, const std::string& content, mode_t mode) {
  if (pathExists(path)) alreadyExists(path);
  const fs::path tmp = path.string() + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0 && errno == EEXIST) {
    // Left behind by a run that was killed mid-write: nobody else writes this name.
    ::unlink(tmp.c_str());
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  }
  if (fd < 0) shareFail("open", tmp, errno);
  auto failWithTmp = [&](const std::string& call, const fs::path& p, int err) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    shareFail(call, p, err);
  };
  // A private file gets exactly 0600 whatever the umask. Share files keep what open() gave them:
  // SMB through FUSE may refuse fchmod, and their mode carries no secret.
  if (mode == 0600 && ::fchmod(fd, mode) != 0) failWithTmp("fchmod", tmp, errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      failWithTmp("write", tmp, errno);
    }
    if (n == 0) failWithTmp("write", tmp, EIO);
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) failWithTmp("fsync", tmp, errno);
  struct stat ours {};
  if (::fstat(fd, &ours) != 0) failWithTmp("fstat", tmp, errno);
  // The descriptor stays open until the file is claimed and checked below. While it is open our
  // inode cannot be freed, so its number cannot be handed to another writer's new tmp file; a
  // reused number would make the identity check pass for a file we did not write.
  const auto closeAndRefuse = [&] {
    ::close(fd);
    fd = -1;
    ::unlink(tmp.c_str());
    alreadyExists(path);
  };
  bool linked = true;
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    linked = false;
    const int err = errno;
    if (err == EEXIST) closeAndRefuse();
    if (err != EPERM && err != ENOSYS && err != EOPNOTSUPP && err != ENOTSUP && err != EMLINK)
      failWithTmp("link", path, err);
    // No hard links here (SMB through FUSE): rename, after checking the name is still free.
    // SMB refuses to rename an open file (EBUSY), so the descriptor is closed first; no identity
    // check follows on this path, so nothing depends on the inode staying allocated.
    if (pathExists(path)) closeAndRefuse();
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) failWithTmp("close", tmp, errno);
    if (::rename(tmp.c_str(), path.c_str()) != 0) failWithTmp("rename", path, errno);
  }
  // A second writer of the same name (which removed our tmp as stale and made its own) could
  // have had its file claimed by our link; then the final file is not the one we wrote. Checked
  // where hard links work (local file systems); FUSE may not keep inode numbers across a rename.
  struct stat claimed {};
  if (linked && ::stat(path.c_str(), &claimed) != 0) failWithTmp("stat", path, errno);
  if (linked && (claimed.st_ino != ours.st_ino || claimed.st_dev != ours.st_dev)) {
    ::close(fd);
    throw DagverkError(ErrorCode::Storage, "Det gick inte att spara filen.",
                       "another process wrote " + path.string() + " at the same time");
  }
  if (linked) {
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) shareFail("close", tmp, errno);
  }
  if (linked && ::unlink(tmp.c_str()) != 0) {
    const int err = errno;
    if (err != ENOENT) shareFail("unlink", tmp, err);
  }
  syncDirectory(parentOf(path));
}

std::vector<std::string> listEntries(const fs::path& dir, bool wantDirectories) {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return names;
  fs::directory_iterator it(dir, ec);
  if (ec)
    throw DagverkError(ErrorCode::Storage, "Det gick inte att läsa mappen.",
                       "opendir failed on " + dir.string() + ": " + ec.message());
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    std::error_code typeEc;
    const bool match = wantDirectories ? it->is_directory(typeEc) : it->is_regular_file(typeEc);
    if (match && !typeEc) names.push_back(it->path().filename().string());
  }
  if (ec)
    throw DagverkError(ErrorCode::Storage, "Det gick inte att läsa mappen.",
                       "readdir failed on " + dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

// mkdir -p with `leafMode` for the last component; fsyncs each parent that gained an entry.
void makeDirectories(const fs::path& dir, mode_t leafMode) {
  if (dir.empty()) return;
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) shareFail("mkdir", dir, ENOTDIR);
    return;
  }
  const fs::path parent = dir.parent_path();
  if (!parent.empty() && parent != dir) makeDirectories(parent, 0755);
  if (::mkdir(dir.c_str(), leafMode) != 0) {
    const int err = errno;
    if (err == EEXIST && ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return; // raced: fine
    shareFail("mkdir", dir, err);
  }
  if (leafMode != 0755 && ::chmod(dir.c_str(), leafMode) != 0) shareFail("chmod", dir, errno);
  syncDirectory(parent.empty() ? fs::path(".") : parent);
}

} // namespace

void writeFileNoReplace(const fs::path& path, const std::string& content) { writeNoReplace(path, content, 0644); }

void writePrivateFile(const fs::path& path, const std::string& content) { writeNoReplace(path, content, 0600); }

std::vector<std::string> listFiles(const fs::path& dir) { return listEntries(dir, false); }

std::vector<std::string> listDirectories(const fs::path& dir) { return listEntries(dir, true); }

std::vector<std::string> listRegularFilesModifiedBefore(const fs::path& dir, std::int64_t beforeUtcMs) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    if (errno == ENOENT) return names;
    shareFail("opendir", dir, errno);
  }
  const int dfd = ::dirfd(d);
  errno = 0;
  while (const dirent* e = ::readdir(d)) {
    struct stat st {};
    // AT_SYMLINK_NOFOLLOW: a link is looked at as itself (never a regular file), so clean-up
    // can never be led to a file elsewhere.
    if (::fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
      const std::int64_t modifiedMs =
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
      if (modifiedMs < beforeUtcMs) names.emplace_back(e->d_name);
    }
    errno = 0;
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) shareFail("readdir", dir, err);
  std::sort(names.begin(), names.end());
  return names;
}

void createDirectories(const fs::path& dir) { makeDirectories(dir, 0755); }

void createPrivateDirectory(const fs::path& dir) { makeDirectories(dir, 0700); }

void moveFile(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) shareFail("rename", to, errno);
  syncDirectory(parentOf(to));
  if (parentOf(from) != parentOf(to)) syncDirectory(parentOf(from));
}

void removeFile(const fs::path& p) {
  if (::unlink(p.c_str()) != 0) {
    const int err = errno;
    if (err == ENOENT) return;
    throw DagverkError(ErrorCode::Storage, "Det gick inte att ta bort filen.",
                       "unlink failed on " + p.string() + ": " + std::strerror(err));
  }
}

bool tryRemoveFile(const fs::path& p) noexcept { return ::unlink(p.c_str()) == 0 || errno == ENOENT; }

bool linkNoReplace(const fs::path& from, const fs::path& to) {
  if (::link(from.c_str(), to.c_str()) == 0) return true;
  const int linkErr = errno;
  if (linkErr == EEXIST || pathExists(to)) return false;
  if (::rename(from.c_str(), to.c_str()) != 0) shareFail("rename", to, errno);
  return true;
}

TemporaryDirectory::TemporaryDirectory(const std::string& prefix) {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string name = (base / (prefix + "XXXXXX")).string();
  if (!::mkdtemp(name.data())) shareFail("mkdtemp", name, errno);
  path_ = name;
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored; // a scratch directory left behind is harmless; the caller's work is done
  fs::remove_all(path_, ignored);
}

// --- owner-only files --------------------------------------------------------------------------

namespace {
std::string octalMode(mode_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
  return buf;
}

// chmod to `wanted` if the mode differs, with a log line; a file someone else owns is left as it
// is (and said so in the log). Returns false only if the path does not exist.
bool setMode(const fs::path& p, mode_t wanted, const char* what) {
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) return false;
  if (S_ISLNK(st.st_mode)) return true; // never follow a link a third party may have placed
  const mode_t current = st.st_mode & 07777;
  if (current == wanted) return true;
  if (::chmod(p.c_str(), wanted) != 0) {
    const int err = errno;
    logError(std::string("cannot tighten the mode of the ") + what + " " + p.string() + " from " + octalMode(current) +
             " to " + octalMode(wanted) + ": " + std::strerror(err));
    return true;
  }
  logInfo(std::string("tightened the mode of the ") + what + " " + p.string() + " from " + octalMode(current) +
          " to " + octalMode(wanted));
  return true;
}
} // namespace

void keepDirectoryPrivate(const fs::path& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return;
  // Only group and other bits go: a directory's owner bits (and set-gid) are the owner's business.
  if ((st.st_mode & 077) != 0) setMode(dir, st.st_mode & 07700, "data directory");
}

void keepDatabaseFilesPrivate(const fs::path& dbFile) {
  struct stat st {};
  if (::stat(dbFile.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    // The owner's own bits stay: a file made read-only on purpose stays read-only (and is refused).
    setMode(dbFile, st.st_mode & 0700, "database");
  // SQLite gives these the database's mode when it makes them, but one left by an older version,
  // or by a run on a read-only database (0444), would keep every later write failing.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) setMode(dbFile.string() + suffix, 0600, "database file");
}

void createPrivateEmptyFile(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    ioFail("open", p, errno);
  }
  // The umask may have taken bits away, never added any; fchmod makes it exactly 0600.
  const int rc = ::fchmod(fd, 0600);
  const int err = errno;
  ::close(fd);
  if (rc != 0) ioFail("fchmod", p, err);
}

bool isWritableByMe(const fs::path& p) { return ::faccessat(AT_FDCWD, p.c_str(), W_OK, AT_EACCESS) == 0; }

bool writeDeniedToMe(const fs::path& p) {
  if (::faccessat(AT_FDCWD, p.c_str(), W_OK, AT_EACCESS) == 0) return false;
  return errno == EACCES || errno == EROFS || errno == EPERM;
}

} // namespace dagverk::platform
