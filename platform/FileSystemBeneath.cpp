// Reads, listings, directories and moves beneath a root that never follow a symbolic link
// (platform/FileSystem.hpp, "beneath a root"). Used for the share, where anyone who can write may
// plant a link to a file or folder on the machine that reads it.
#include "platform/FileSystem.hpp"

#include "core/Error.hpp"
#include "platform/Log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dagverk::platform {

namespace fs = std::filesystem;

namespace {

// Closes a descriptor when it goes out of scope.
class Fd {
public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = o.fd_;
      o.fd_ = -1;
    }
    return *this;
  }
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }
  explicit operator bool() const { return fd_ >= 0; }

private:
  int fd_;
};

[[noreturn]] void storageFail(const std::string& call, const fs::path& p, int err) {
  if (err == ENOSPC || err == EDQUOT)
    throw DagverkError(ErrorCode::DiskFull,
                       "Disken är full: " + p.string() + " kunde inte sparas. Frigör utrymme och försök igen.",
                       "disk full: " + call + " failed on " + p.string() + ": " + std::strerror(err));
  throw DagverkError(ErrorCode::Storage, "Det gick inte att använda den centrala mappen.",
                     call + " failed on " + p.string() + ": " + std::strerror(err));
}

[[noreturn]] void linkRefused(const std::string& call, const fs::path& p) {
  throw DagverkError(ErrorCode::Storage, "En fil eller mapp i den centrala mappen är en symbolisk länk och används inte.",
                     call + " refused on " + p.string() + ": a symbolic link (or a non-directory) lies on the way; "
                     "links on the share are never followed");
}

// The components of `path` below `root`; throws BadInput for a path outside root or with "..".
std::vector<std::string> componentsBelow(const fs::path& root, const fs::path& path) {
  const fs::path rel = path.lexically_normal().lexically_relative(root.lexically_normal());
  if (rel.empty())
    throw DagverkError(ErrorCode::BadInput, "Sökvägen ligger utanför den centrala mappen.",
                       "path " + path.string() + " is not beneath " + root.string());
  std::vector<std::string> parts;
  for (const auto& part : rel) {
    const std::string s = part.string();
    if (s == "." || s.empty()) continue;
    if (s == "..")
      throw DagverkError(ErrorCode::BadInput, "Sökvägen ligger utanför den centrala mappen.",
                         "path " + path.string() + " is not beneath " + root.string());
    parts.push_back(s);
  }
  return parts;
}

// The components of a file's path below root: at least one (the file itself).
std::vector<std::string> fileComponents(const fs::path& root, const fs::path& path) {
  auto parts = componentsBelow(root, path);
  if (parts.empty())
    throw DagverkError(ErrorCode::BadInput, "Sökvägen pekar inte på en fil i den centrala mappen.",
                       "path " + path.string() + " names the root " + root.string() + ", not a file beneath it");
  return parts;
}

enum class Walk { Ok, Missing, Link };

// Opens the directory made of root plus parts[0, count) without following links below root.
Walk openDirectory(const fs::path& root, const std::vector<std::string>& parts, std::size_t count, Fd& out) {
  Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) {
    if (errno == ENOENT) return Walk::Missing;
    storageFail("open", root, errno);
  }
  for (std::size_t i = 0; i < count; ++i) {
    Fd next(::openat(fd.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!next) {
      const int err = errno;
      if (err == ENOENT) return Walk::Missing;
      if (err == ELOOP || err == ENOTDIR) return Walk::Link;
      storageFail("openat", root / parts[i], err);
    }
    fd = std::move(next);
  }
  out = std::move(fd);
  return Walk::Ok;
}

EntryKind kindAt(int dirFd, const std::string& name) {
  struct stat st {};
  if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT ? EntryKind::Missing : EntryKind::Other;
  if (S_ISLNK(st.st_mode)) return EntryKind::Link;
  if (S_ISREG(st.st_mode)) return EntryKind::File;
  if (S_ISDIR(st.st_mode)) return EntryKind::Directory;
  return EntryKind::Other;
}

void syncDirectoryFd(int fd, const fs::path& dir) {
  if (::fsync(fd) != 0) {
    const int err = errno;
    if (err == EINVAL || err == ENOTSUP || err == EOPNOTSUPP || err == ENOSYS) return;
    storageFail("fsync", dir, err);
  }
}

void logLinkIgnored() { logInfo("share: ignored a symbolic link (links on the share are never followed)"); }

} // namespace

BeneathRead readFileBeneath(const fs::path& root, const fs::path& path, std::size_t maxBytes, std::string& out) {
  out.clear();
  const auto parts = fileComponents(root, path);
  Fd dir;
  const Walk w = openDirectory(root, parts, parts.size() - 1, dir);
  if (w == Walk::Missing) return BeneathRead::Missing;
  if (w == Walk::Link) return BeneathRead::Link;
  // O_NONBLOCK: a planted FIFO must not hang the reader; it is refused below as not regular.
  Fd fd(::openat(dir.get(), parts.back().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!fd) {
    const int err = errno;
    if (err == ENOENT) return BeneathRead::Missing;
    if (err == ELOOP) return BeneathRead::Link;
    throw DagverkError(ErrorCode::BadInput, "Filen " + path.string() + " kan inte läsas.",
                       "cannot open " + path.string() + ": " + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    throw DagverkError(ErrorCode::BadInput, "Filen " + path.string() + " kan inte läsas.",
                       "fstat failed on " + path.string() + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return BeneathRead::NotRegular;
  if (st.st_size < 0 || static_cast<std::uint64_t>(st.st_size) > maxBytes) return BeneathRead::TooLarge;
  std::string buf;
  buf.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[64 * 1024];
  while (buf.size() <= maxBytes) {
    const std::size_t want = std::min(sizeof chunk, maxBytes + 1 - buf.size());
    const ssize_t n = ::read(fd.get(), chunk, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw DagverkError(ErrorCode::BadInput, "Filen " + path.string() + " kan inte läsas.",
                         "read failed on " + path.string() + ": " + std::strerror(errno));
    }
    if (n == 0) break;
    buf.append(chunk, static_cast<std::size_t>(n));
  }
  if (buf.size() > maxBytes) return BeneathRead::TooLarge;
  out = std::move(buf);
  return BeneathRead::Ok;
}

EntryKind entryKindBeneath(const fs::path& root, const fs::path& path) {
  const auto parts = fileComponents(root, path);
  Fd dir;
  const Walk w = openDirectory(root, parts, parts.size() - 1, dir);
  if (w == Walk::Missing) return EntryKind::Missing;
  if (w == Walk::Link) return EntryKind::Link;
  return kindAt(dir.get(), parts.back());
}

std::int64_t fileSizeBeneath(const fs::path& root, const fs::path& path) {
  const auto parts = fileComponents(root, path);
  Fd dir;
  if (openDirectory(root, parts, parts.size() - 1, dir) != Walk::Ok) return -1;
  struct stat st {};
  if (::fstatat(dir.get(), parts.back().c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<std::int64_t>(st.st_size);
}

DirectoryListing listBeneath(const fs::path& root, const fs::path& dir) {
  DirectoryListing out;
  const auto parts = dir.lexically_normal() == root.lexically_normal() ? std::vector<std::string>{}
                                                                         : componentsBelow(root, dir);
  Fd fd;
  const Walk w = openDirectory(root, parts, parts.size(), fd);
  if (w == Walk::Missing) return out;
  if (w == Walk::Link) {
    ++out.links;
    logLinkIgnored();
    return out;
  }
  // fdopendir takes the descriptor over; closedir closes it.
  DIR* d = ::fdopendir(fd.get());
  if (!d) storageFail("fdopendir", dir, errno);
  const int dfd = fd.release();
  errno = 0;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    errno = 0;
    if (name == "." || name == "..") continue;
    switch (kindAt(dfd, name)) {
    case EntryKind::File: out.files.push_back(name); break;
    case EntryKind::Directory: out.directories.push_back(name); break;
    case EntryKind::Link:
      ++out.links;
      logLinkIgnored();
      break;
    default: break;
    }
    errno = 0;
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) storageFail("readdir", dir, err);
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.directories.begin(), out.directories.end());
  return out;
}

void createDirectoriesBeneath(const fs::path& root, const fs::path& dir) {
  const auto parts = dir.lexically_normal() == root.lexically_normal() ? std::vector<std::string>{}
                                                                         : componentsBelow(root, dir);
  Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) storageFail("open", root, errno);
  fs::path here = root;
  for (const auto& part : parts) {
    here /= part;
    Fd next(::openat(fd.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!next && errno == ENOENT) {
      if (::mkdirat(fd.get(), part.c_str(), 0755) != 0 && errno != EEXIST) storageFail("mkdir", here, errno);
      syncDirectoryFd(fd.get(), here.parent_path());
      next = Fd(::openat(fd.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    }
    if (!next) {
      const int err = errno;
      if (err == ELOOP || err == ENOTDIR) linkRefused("mkdir", here);
      storageFail("openat", here, err);
    }
    fd = std::move(next);
  }
}

void moveFileBeneath(const fs::path& root, const fs::path& from, const fs::path& to) {
  const auto fromParts = fileComponents(root, from);
  const auto toParts = fileComponents(root, to);
  Fd fromDir;
  Fd toDir;
  const Walk a = openDirectory(root, fromParts, fromParts.size() - 1, fromDir);
  if (a == Walk::Link) linkRefused("rename", from);
  if (a == Walk::Missing) storageFail("rename", from, ENOENT);
  const Walk b = openDirectory(root, toParts, toParts.size() - 1, toDir);
  if (b == Walk::Link) linkRefused("rename", to);
  if (b == Walk::Missing) storageFail("rename", to, ENOENT);
  if (::renameat(fromDir.get(), fromParts.back().c_str(), toDir.get(), toParts.back().c_str()) != 0)
    storageFail("rename", to, errno);
  syncDirectoryFd(toDir.get(), to.parent_path());
  if (from.parent_path() != to.parent_path()) syncDirectoryFd(fromDir.get(), from.parent_path());
}

} // namespace dagverk::platform
