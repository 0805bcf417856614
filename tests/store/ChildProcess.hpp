#pragma once
// Runs a piece of a test in a forked child, for what must not touch the test process itself:
// its peak memory (VmHWM, which only grows) and reads of memory that may be gone.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace dagverk::test {

struct ChildResult {
  bool exited = false;   // false: killed by a signal (or the fork failed)
  int code = -1;         // exit code when it exited
  std::string message;   // what the child wrote to its pipe
};

inline long statusKiB(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string name = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.rfind(name, 0) == 0) return std::stol(line.substr(name.size()));
  return -1;
}
// The peak resident set size of this process so far, and what it holds now, in KiB.
inline long peakRssKiB() { return statusKiB("VmHWM"); }
inline long currentRssKiB() { return statusKiB("VmRSS"); }

// Forks; the child runs `body(write)` where write(text) sends text to the parent, then exits with
// body's return value. Nothing the child does (allocations, crashes) reaches the test process.
template <class F> ChildResult runInChild(F&& body) {
  ChildResult r;
  int fds[2];
  if (::pipe(fds) != 0) return r;
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return r;
  if (pid == 0) {
    ::close(fds[0]);
    // The peak RSS is inherited through fork: start the child's own from what it holds now
    // ("5" resets VmHWM, Linux 4.0 and later), so that earlier tests do not count.
    { std::ofstream("/proc/self/clear_refs") << "5"; }
    const int out = fds[1];
    auto write = [out](const std::string& text) {
      std::size_t done = 0;
      while (done < text.size()) {
        const ssize_t n = ::write(out, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
      }
    };
    int code = 3;
    try {
      code = body(write);
    } catch (const std::exception& e) {
      write(std::string("exception: ") + e.what());
    }
    ::close(out);
    ::_exit(code);
  }
  ::close(fds[1]);
  char buf[4096];
  ssize_t n = 0;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) r.message.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exited = WIFEXITED(status);
  r.code = r.exited ? WEXITSTATUS(status) : -1;
  return r;
}

} // namespace dagverk::test
