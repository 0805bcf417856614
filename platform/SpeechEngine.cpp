#include "platform/SpeechEngine.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace dagverk::platform {

std::filesystem::path findInPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  const std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty()) {
      const std::filesystem::path candidate = std::filesystem::path(dir) / name;
      struct stat st {};
      if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
        return candidate;
    }
    start = end + 1;
  }
  return {};
}

namespace {
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};
} // namespace

RenderedSpeech renderSpeech(const std::filesystem::path& espeak, const std::string& text, const std::string& voice,
                            int rate, int timeoutMs) {
  RenderedSpeech r;
  // stdin is a socket, not a pipe: send() with MSG_NOSIGNAL cannot raise SIGPIPE in the kiosk
  // if the engine exits before it has read the text.
  int in[2], out[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0) {
    r.problem = std::string("socketpair: ") + std::strerror(errno);
    return r;
  }
  Fd inParent{in[0]}, inChild{in[1]};
  if (::pipe2(out, O_CLOEXEC) != 0) {
    r.problem = std::string("pipe: ") + std::strerror(errno);
    return r;
  }
  Fd outParent{out[0]}, outChild{out[1]};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, inChild.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, outChild.fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const std::string rateText = std::to_string(rate);
  std::vector<std::string> args = {espeak.string(), "-v", voice, "-s", rateText, "--stdout"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, espeak.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    r.problem = std::string("spawn: ") + std::strerror(spawned);
    return r;
  }
  inChild.reset();
  outChild.reset();
  const std::string input = text + "\n";
  // Prompts are short; the socket's buffer takes them whole, so this never blocks for long.
  std::size_t sent = 0;
  while (sent < input.size()) {
    const ssize_t n = ::send(inParent.fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  inParent.reset(); // end of input: espeak-ng speaks what it has and exits
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  bool timedOut = false;
  char buf[16384];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timedOut = true;
      break;
    }
    pollfd p{outParent.fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue; // the deadline is checked above
    const ssize_t n = ::read(outParent.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break; // end of output
    r.wav.append(buf, static_cast<std::size_t>(n));
    if (r.wav.size() > 64u * 1024 * 1024) { // no prompt is this long: something is wrong
      timedOut = true;
      break;
    }
  }
  if (timedOut) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timedOut) {
    r.problem = "espeak-ng gave no complete answer within " + std::to_string(timeoutMs) + " ms";
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    r.problem = WIFEXITED(status) ? "espeak-ng exited with " + std::to_string(WEXITSTATUS(status))
                                  : "espeak-ng was ended by signal " + std::to_string(WTERMSIG(status));
  } else {
    r.ok = true;
  }
  return r;
}

} // namespace dagverk::platform
