#pragma once
// An SQLite VFS for tests only that plays a power cut. It wraps the operating system's VFS and
// remembers, per file, what was last made durable by a successful xSync and every write or
// truncation since. cut() makes the power fail: the call that meets it and every later write,
// truncation, sync or delete fails, as a process without power does nothing more. restore()
// brings the power back: each file becomes its durable content plus a random choice of the
// writes since — some dropped whole, some torn after a whole number of 512-byte sectors, the
// rest applied in a random order (a disk's write cache reorders what no barrier orders), as
// SQLite's own crash tests do.
//
// Directory entries (a file created or deleted) count as durable at once; only file contents
// are cut. The -shm file is passed through untouched: SQLite rebuilds it from the WAL when the
// first connection opens the database again.
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace dagverk::test {

class PowerCutVfs {
public:
  static constexpr const char* kName = "dagverk-powercut";

  // Registers the VFS under kName (not as the default). One at a time.
  explicit PowerCutVfs(std::uint32_t seed);
  ~PowerCutVfs();
  PowerCutVfs(const PowerCutVfs&) = delete;
  PowerCutVfs& operator=(const PowerCutVfs&) = delete;

  // With false, xSync reports success but makes nothing durable: a disk that ignores barriers.
  // The test uses it to show that the check can fail.
  void honourSync(bool yes) { honourSync_ = yes; }
  // The power fails at the n-th write, truncation or sync from now (n >= 1).
  void cutAfter(int n) { countdown_ = n; }
  bool isCut() const { return cut_; }
  // Power back: every file the VFS saw is rewritten as a cut would have left it, and the VFS
  // works again with those contents as durable.
  void restore();

  // Writes since the last restore() that a cut could lose (for the test's own checks).
  int pendingWrites() const;
  // Writes, truncations and syncs that went through, in all (to aim the cuts).
  long long mutations() const { return mutations_; }
  // What the cuts did to the unsynced writes: dropped, torn, reached the disk whole.
  struct Fates {
    long long dropped = 0, torn = 0, whole = 0;
  };
  const Fates& fates() const { return fates_; }

  // --- used by the sqlite3 callbacks -------------------------------------------------------
  struct Op {
    bool truncate = false;
    std::int64_t offset = 0; // or the new size, for a truncation
    std::string bytes;
  };
  struct FileState {
    std::string durable;
    std::vector<Op> pending;
  };
  FileState& stateOf(const std::string& path);
  void forget(const std::string& path) { files_.erase(path); }
  bool mutationAllowed(); // false once the power is cut (and at the mutation that cuts it)
  void synced(FileState& f);
  sqlite3_vfs* real() const { return real_; }

private:
  sqlite3_vfs vfs_{};
  sqlite3_vfs* real_ = nullptr;
  std::mt19937 rng_;
  std::map<std::string, FileState> files_;
  bool honourSync_ = true;
  bool cut_ = false;
  int countdown_ = -1;
  long long mutations_ = 0;
  Fates fates_;
};

} // namespace dagverk::test
