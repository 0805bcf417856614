// The shim's test subject: does each intercepted call once on files in argv[1] and prints
// "<call> ok" or "<call> <errno>" per call, so a test can see which one the shim failed.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {
int failures = 0;
void report(const char* call, bool ok) {
  if (ok) {
    std::printf("%s ok\n", call);
  } else {
    std::printf("%s %s\n", call, std::strerror(errno));
    ++failures;
  }
  std::fflush(stdout);
}
} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: iofail_victim DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::string tmp = dir + "/a.tmp", linked = dir + "/a", renamed = dir + "/b", stream = dir + "/c";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  report("open", fd >= 0);
  if (fd >= 0) {
    const std::string text = "0123456789abcdef";
    report("write", ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    report("fsync", ::fsync(fd) == 0);
    report("fdatasync", ::fdatasync(fd) == 0);
    ::close(fd);
  }
  report("link", ::link(tmp.c_str(), linked.c_str()) == 0);
  report("rename", ::rename(tmp.c_str(), renamed.c_str()) == 0);
  {
    std::ofstream out(stream, std::ios::binary);
    out << "streamed";
    out.flush();
    report("ofstream", static_cast<bool>(out));
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  report("dirfsync", dfd >= 0 && ::fsync(dfd) == 0);
  if (dfd >= 0) ::close(dfd);
  return failures == 0 ? 0 : 1;
}
