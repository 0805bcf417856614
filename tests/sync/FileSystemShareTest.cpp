// platform/FileSystem additions for the share: no-replace writes, listings, moves, private files.
#include "platform/FileSystem.hpp"
#include "SyncTestSupport.hpp"

#include <algorithm>
#include <csignal>
#include <thread>
#include <vector>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace dagverk;
using namespace dagverk::platform;
using dagverk::test::expectError;
using dagverk::test::slurp;
using dagverk::test::spit;
using dagverk::test::SyncTempDir;
namespace fs = std::filesystem;

namespace {

unsigned modeOf(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return static_cast<unsigned>(st.st_mode & 07777);
}

// Limits the size of files this process may write (write(2) then fails with EFBIG), for the
// scope of the object. SIGXFSZ is ignored meanwhile so the failure is an error, not a signal.
class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t bytes) {
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_) == 0);
    oldHandler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = old_;
    lim.rlim_cur = bytes;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &lim) == 0);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, oldHandler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
  rlimit old_{};
  void (*oldHandler_)(int) = nullptr;
};

} // namespace

TEST_CASE("writeFileNoReplace writes the file and leaves no tmp behind") {
  SyncTempDir dir;
  const std::string content(100'000, 'z');
  const mode_t old = ::umask(022);
  writeFileNoReplace(dir / "a.batch", content);
  ::umask(old);
  CHECK(slurp(dir / "a.batch") == content);
  CHECK_FALSE(fs::exists(dir / "a.batch.tmp"));
  CHECK(modeOf(dir / "a.batch") == 0644);
  writeFileNoReplace(dir / "empty", "");
  CHECK(fs::file_size(dir / "empty") == 0);
}

TEST_CASE("writeFileNoReplace never replaces an existing name") {
  SyncTempDir dir;
  writeFileNoReplace(dir / "a.batch", "first");
  auto e = expectError(ErrorCode::Storage, [&] { writeFileNoReplace(dir / "a.batch", "second"); });
  CHECK(std::string(e.english()).find("already exists") != std::string::npos);
  CHECK(std::string(e.english()).find((dir / "a.batch").string()) != std::string::npos);
  CHECK(slurp(dir / "a.batch") == "first");
  CHECK_FALSE(fs::exists(dir / "a.batch.tmp"));
  // Not even a directory or a dangling symlink of that name is replaced.
  fs::create_directory(dir / "d");
  expectError(ErrorCode::Storage, [&] { writeFileNoReplace(dir / "d", "x"); });
  fs::create_symlink(dir / "nowhere", dir / "link");
  expectError(ErrorCode::Storage, [&] { writeFileNoReplace(dir / "link", "x"); });
  CHECK_FALSE(fs::exists(dir / "nowhere"));
}

TEST_CASE("writeFileNoReplace replaces a stale tmp file left by a killed run") {
  SyncTempDir dir;
  spit(dir / "a.batch.tmp", "half a batch from a killed run");
  writeFileNoReplace(dir / "a.batch", "whole");
  CHECK(slurp(dir / "a.batch") == "whole");
  CHECK_FALSE(fs::exists(dir / "a.batch.tmp"));
}

TEST_CASE("a failing write names the call and the path and removes the tmp file") {
  SyncTempDir dir;
  {
    FileSizeLimit limit(4096);
    auto e = expectError(ErrorCode::Storage, [&] { writeFileNoReplace(dir / "big.batch", std::string(10'000, 'b')); });
    CHECK(std::string(e.english()) == "write failed on " + (dir / "big.batch.tmp").string() + ": File too large");
    CHECK(e.swedish() == "Det gick inte att spara filen.");
    expectError(ErrorCode::Storage, [&] { writePrivateFile(dir / "big.key", std::string(10'000, 'k')); });
  }
  CHECK_FALSE(fs::exists(dir / "big.batch.tmp"));
  CHECK_FALSE(fs::exists(dir / "big.batch"));
  CHECK_FALSE(fs::exists(dir / "big.key.tmp"));
  CHECK_FALSE(fs::exists(dir / "big.key"));
  // The same name can be written once the fault is gone.
  writeFileNoReplace(dir / "big.batch", std::string(10'000, 'b'));
  CHECK(fs::file_size(dir / "big.batch") == 10'000);
}

TEST_CASE("writeFileNoReplace into a missing directory fails at open and names the tmp path") {
  SyncTempDir dir;
  auto e = expectError(ErrorCode::Storage, [&] { writeFileNoReplace(dir / "missing" / "a.batch", "x"); });
  CHECK(std::string(e.english()).rfind("open failed on " + (dir / "missing" / "a.batch.tmp").string(), 0) == 0);
}

TEST_CASE("writePrivateFile makes a 0600 file whatever the umask, and refuses an existing one") {
  SyncTempDir dir;
  const mode_t old = ::umask(0);
  writePrivateFile(dir / "secret.key", "s3cret");
  ::umask(old);
  CHECK(modeOf(dir / "secret.key") == 0600);
  CHECK(slurp(dir / "secret.key") == "s3cret");
  expectError(ErrorCode::Storage, [&] { writePrivateFile(dir / "secret.key", "other"); });
  CHECK(slurp(dir / "secret.key") == "s3cret");
}

TEST_CASE("listFiles and listDirectories list names sorted, each only its kind") {
  SyncTempDir dir;
  CHECK(listFiles(dir / "missing").empty());
  CHECK(listDirectories(dir / "missing").empty());
  for (const char* name : {"b.batch", "a.manifest", "Thumbs.db", "00000010-x.batch", "00000002-x.batch"})
    spit(dir / name, "x");
  fs::create_directories(dir / "sub2");
  fs::create_directories(dir / "sub1" / "deeper");
  spit(dir / "sub1" / "inner.batch", "x");
  CHECK(listFiles(dir.path()) ==
        std::vector<std::string>{"00000002-x.batch", "00000010-x.batch", "Thumbs.db", "a.manifest", "b.batch"});
  CHECK(listDirectories(dir.path()) == std::vector<std::string>{"sub1", "sub2"});
  // A file given as a directory is an error, not an empty list.
  expectError(ErrorCode::Storage, [&] { listFiles(dir / "b.batch"); });
}

TEST_CASE("createDirectories makes nested directories and fails on a file in the way") {
  SyncTempDir dir;
  createDirectories(dir / "inbox" / "site" / "dev");
  CHECK(fs::is_directory(dir / "inbox" / "site" / "dev"));
  createDirectories(dir / "inbox" / "site" / "dev"); // again: nothing to do
  spit(dir / "file", "x");
  auto e = expectError(ErrorCode::Storage, [&] { createDirectories(dir / "file" / "sub"); });
  CHECK(std::string(e.english()).find("mkdir failed on") != std::string::npos);
}

TEST_CASE("createPrivateDirectory makes a 0700 directory and leaves an existing one alone") {
  SyncTempDir dir;
  const mode_t old = ::umask(0);
  createPrivateDirectory(dir / "a" / "keys");
  ::umask(old);
  CHECK(modeOf(dir / "a" / "keys") == 0700);
  fs::create_directories(dir / "open");
  fs::permissions(dir / "open", fs::perms(0755));
  createPrivateDirectory(dir / "open");
  CHECK(modeOf(dir / "open") == 0755);
}

TEST_CASE("moveFile moves between directories and removeFile ignores missing files") {
  SyncTempDir dir;
  fs::create_directories(dir / "inbox");
  fs::create_directories(dir / "quarantine");
  spit(dir / "inbox" / "x.batch", "bytes");
  moveFile(dir / "inbox" / "x.batch", dir / "quarantine" / "x.batch");
  CHECK_FALSE(fs::exists(dir / "inbox" / "x.batch"));
  CHECK(slurp(dir / "quarantine" / "x.batch") == "bytes");
  auto e = expectError(ErrorCode::Storage, [&] { moveFile(dir / "inbox" / "gone", dir / "quarantine" / "gone"); });
  CHECK(std::string(e.english()).find("rename failed on") != std::string::npos);
  removeFile(dir / "quarantine" / "x.batch");
  CHECK_FALSE(fs::exists(dir / "quarantine" / "x.batch"));
  removeFile(dir / "quarantine" / "x.batch");
  fs::create_directories(dir / "quarantine" / "dir" / "child");
  expectError(ErrorCode::Storage, [&] { removeFile(dir / "quarantine" / "dir"); });
}

TEST_CASE("writers racing for one name: at most one succeeds and the file is one writer's whole content", "[threads]") {
  SyncTempDir dir;
  for (int round = 0; round < 20; ++round) {
    const fs::path target = dir / ("race-" + std::to_string(round) + ".batch");
    constexpr int kWriters = 6;
    std::vector<std::string> contents;
    for (int w = 0; w < kWriters; ++w) contents.push_back(std::string(64 * 1024, static_cast<char>('a' + w)));
    std::vector<int> ok(kWriters, 0);
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w)
      threads.emplace_back([&, w] {
        try {
          writeFileNoReplace(target, contents[static_cast<size_t>(w)]);
          ok[static_cast<size_t>(w)] = 1;
        } catch (const DagverkError& e) {
          if (e.code() != ErrorCode::Storage) ok[static_cast<size_t>(w)] = -1;
        }
      });
    for (auto& t : threads) t.join();
    int successes = 0;
    for (const int v : ok) {
      REQUIRE(v >= 0);
      successes += v;
    }
    REQUIRE(successes <= 1);
    // Writers that remove each other's tmp file as stale can, rarely, all fail; then no one may
    // claim success.
    if (!fs::exists(target)) {
      REQUIRE(successes == 0);
      continue;
    }
    const auto got = slurp(target);
    REQUIRE(std::find(contents.begin(), contents.end(), got) != contents.end());
    for (int w = 0; w < kWriters; ++w)
      if (ok[static_cast<size_t>(w)] == 1) REQUIRE(got == contents[static_cast<size_t>(w)]);
  }
}

TEST_CASE("beneath the share root: links are never followed, FIFOs never block, the root is no file") {
  SyncTempDir dir;
  const fs::path root = dir / "share";
  fs::create_directories(root / "bundles");
  fs::create_directories(dir / "outside");
  spit(dir / "outside" / "secret", "secret");
  spit(root / "bundles" / "plain", "ok");
  fs::create_symlink(dir / "outside" / "secret", root / "bundles" / "link");
  fs::create_directory_symlink(dir / "outside", root / "linked-dir");
  REQUIRE(::mkfifo((root / "bundles" / "fifo").c_str(), 0600) == 0);

  std::string out;
  CHECK(platform::readFileBeneath(root, root / "bundles" / "plain", 100, out) == platform::BeneathRead::Ok);
  CHECK(out == "ok");
  CHECK(platform::readFileBeneath(root, root / "bundles" / "plain", 1, out) == platform::BeneathRead::TooLarge);
  CHECK(out.empty());
  CHECK(platform::readFileBeneath(root, root / "bundles" / "link", 100, out) == platform::BeneathRead::Link);
  CHECK(platform::readFileBeneath(root, root / "linked-dir" / "secret", 100, out) == platform::BeneathRead::Link);
  CHECK(platform::readFileBeneath(root, root / "bundles" / "fifo", 100, out) == platform::BeneathRead::NotRegular);
  CHECK(platform::readFileBeneath(root, root / "bundles" / "none", 100, out) == platform::BeneathRead::Missing);
  CHECK(platform::fileSizeBeneath(root, root / "bundles" / "link") == -1);
  CHECK(platform::entryKindBeneath(root, root / "linked-dir" / "secret") == platform::EntryKind::Link);

  const auto listing = platform::listBeneath(root, root / "bundles");
  CHECK(listing.files == std::vector<std::string>{"plain"});
  CHECK(listing.links == 1);
  CHECK(platform::listBeneath(root, root / "linked-dir").files.empty());
  CHECK(platform::listBeneath(root, root).directories == std::vector<std::string>{"bundles"});

  expectError(ErrorCode::Storage, [&] { platform::createDirectoriesBeneath(root, root / "linked-dir" / "x"); });
  CHECK_FALSE(fs::exists(dir / "outside" / "x"));
  expectError(ErrorCode::Storage,
              [&] { platform::moveFileBeneath(root, root / "bundles" / "plain", root / "linked-dir" / "plain"); });
  CHECK(fs::exists(root / "bundles" / "plain"));
  expectError(ErrorCode::BadInput, [&] { platform::readFileBeneath(root, root, 100, out); });
  expectError(ErrorCode::BadInput, [&] { platform::readFileBeneath(root, dir / "outside" / "secret", 100, out); });
}
