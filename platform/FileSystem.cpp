#include "FileSystem.hpp"

#include "Error.hpp"

#include <cerrno>
#include <cstring>
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

std::string readWholeFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in)
    throw DagverkError(ErrorCode::BadInput, "Filen " + p.string() + " kan inte läsas.", "cannot read file " + p.string());
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

namespace {
[[noreturn]] void ioFail(const std::string& what, const fs::path& p, int err) {
  if (err == ENOSPC || err == EDQUOT)
    throw DagverkError(ErrorCode::DiskFull, "Disken är full: " + p.string() + " kunde inte sparas.",
                       what + " " + p.string() + ": no space left on device");
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

} // namespace dagverk::platform
