#pragma once
// Starts real `dagverk` processes side by side, each writing its output to files, so tests can
// race two writers on one data directory and read who won.
#include <cerrno>
#include <fcntl.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace dagverk::test {

struct CliOutcome {
  int code = -1; // exit status; -1 for a signal or a failed start
  std::string out, err;
};

class RacingCli {
public:
  // Starts `binary args...` now; stdout and stderr go to files named after `tag` in `dir`.
  RacingCli(const std::string& binary, const std::vector<std::string>& args, const std::filesystem::path& dir,
            const std::string& tag)
      : out_(dir / (tag + ".out")), err_(dir / (tag + ".err")) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("posix_spawn " + binary + " failed: " + std::to_string(rc));
  }
  ~RacingCli() {
    if (pid_ > 0) wait();
  }
  RacingCli(const RacingCli&) = delete;
  RacingCli& operator=(const RacingCli&) = delete;

  // Waits for the process to end; its exit code and output.
  CliOutcome wait() {
    CliOutcome r;
    if (pid_ > 0) {
      int status = 0;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      pid_ = -1;
      code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    r.code = code_;
    r.out = slurp(out_);
    r.err = slurp(err_);
    return r;
  }

private:
  static std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  pid_t pid_ = -1;
  int code_ = -1;
  std::filesystem::path out_, err_;
};

inline long long realNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace dagverk::test
