#include "PowerCutVfs.hpp"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace dagverk::test {

namespace {

constexpr std::int64_t kSector = 512;

// SQLite allocates szOsFile bytes for each open file: this header, then the real VFS's file.
struct ShimFile {
  sqlite3_file base;
  PowerCutVfs* owner;
  std::string* path; // null for a file the cut leaves alone (temporary files)
  sqlite3_file* real;
};

ShimFile* shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }
PowerCutVfs* ownerOf(sqlite3_vfs* v) { return static_cast<PowerCutVfs*>(v->pAppData); }

void applyOp(std::string& image, const PowerCutVfs::Op& op) {
  const auto offset = static_cast<size_t>(op.offset);
  if (op.truncate) {
    image.resize(offset);
    return;
  }
  if (image.size() < offset + op.bytes.size()) image.resize(offset + op.bytes.size(), '\0');
  std::memcpy(image.data() + offset, op.bytes.data(), op.bytes.size());
}

int xClose(sqlite3_file* f) {
  ShimFile* s = shim(f);
  const int rc = s->real->pMethods ? s->real->pMethods->xClose(s->real) : SQLITE_OK;
  delete s->path;
  s->path = nullptr;
  return rc;
}

int xRead(sqlite3_file* f, void* buf, int amt, sqlite3_int64 off) {
  return shim(f)->real->pMethods->xRead(shim(f)->real, buf, amt, off);
}

int xWrite(sqlite3_file* f, const void* buf, int amt, sqlite3_int64 off) {
  ShimFile* s = shim(f);
  if (!s->path) return s->real->pMethods->xWrite(s->real, buf, amt, off);
  if (!s->owner->mutationAllowed()) return SQLITE_IOERR_WRITE;
  const int rc = s->real->pMethods->xWrite(s->real, buf, amt, off);
  if (rc == SQLITE_OK)
    s->owner->stateOf(*s->path).pending.push_back(
        {false, off, std::string(static_cast<const char*>(buf), static_cast<size_t>(amt))});
  return rc;
}

int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
  ShimFile* s = shim(f);
  if (!s->path) return s->real->pMethods->xTruncate(s->real, size);
  if (!s->owner->mutationAllowed()) return SQLITE_IOERR_TRUNCATE;
  const int rc = s->real->pMethods->xTruncate(s->real, size);
  if (rc == SQLITE_OK) s->owner->stateOf(*s->path).pending.push_back({true, size, {}});
  return rc;
}

int xSync(sqlite3_file* f, int flags) {
  ShimFile* s = shim(f);
  if (!s->path) return s->real->pMethods->xSync(s->real, flags);
  if (!s->owner->mutationAllowed()) return SQLITE_IOERR_FSYNC;
  // The real fsync is left out: durability is what this VFS models itself, and a thousand
  // cuts would otherwise spend most of their time waiting for the disk.
  s->owner->synced(s->owner->stateOf(*s->path));
  return SQLITE_OK;
}

int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return shim(f)->real->pMethods->xFileSize(shim(f)->real, size); }
int xLock(sqlite3_file* f, int level) { return shim(f)->real->pMethods->xLock(shim(f)->real, level); }
int xUnlock(sqlite3_file* f, int level) { return shim(f)->real->pMethods->xUnlock(shim(f)->real, level); }
int xCheckReservedLock(sqlite3_file* f, int* out) {
  return shim(f)->real->pMethods->xCheckReservedLock(shim(f)->real, out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
  return shim(f)->real->pMethods->xFileControl(shim(f)->real, op, arg);
}
int xSectorSize(sqlite3_file* f) { return shim(f)->real->pMethods->xSectorSize(shim(f)->real); }
int xDeviceCharacteristics(sqlite3_file* f) {
  return shim(f)->real->pMethods->xDeviceCharacteristics(shim(f)->real);
}
int xShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return shim(f)->real->pMethods->xShmMap(shim(f)->real, page, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return shim(f)->real->pMethods->xShmLock(shim(f)->real, offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) { shim(f)->real->pMethods->xShmBarrier(shim(f)->real); }
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
  return shim(f)->real->pMethods->xShmUnmap(shim(f)->real, deleteFlag);
}
int xFetch(sqlite3_file* f, sqlite3_int64 off, int amt, void** out) {
  return shim(f)->real->pMethods->xFetch(shim(f)->real, off, amt, out);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  return shim(f)->real->pMethods->xUnfetch(shim(f)->real, off, p);
}

const sqlite3_io_methods kMethods = {
    3,        xClose,      xRead,         xWrite,      xTruncate,  xSync,
    xFileSize, xLock,      xUnlock,       xCheckReservedLock,      xFileControl,
    xSectorSize, xDeviceCharacteristics, xShmMap,     xShmLock,   xShmBarrier,
    xShmUnmap, xFetch,     xUnfetch,
};

int vfsOpen(sqlite3_vfs* v, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
  PowerCutVfs* owner = ownerOf(v);
  ShimFile* s = shim(f);
  s->base.pMethods = nullptr;
  s->owner = owner;
  s->path = nullptr;
  s->real = reinterpret_cast<sqlite3_file*>(s + 1);
  const int rc = owner->real()->xOpen(owner->real(), name, s->real, flags, outFlags);
  if (rc != SQLITE_OK) return rc;
  const bool durableKind = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0;
  if (name && durableKind && !(flags & SQLITE_OPEN_DELETEONCLOSE)) {
    s->path = new std::string(name);
    owner->stateOf(*s->path); // what is on disk when first seen counts as durable
  }
  s->base.pMethods = &kMethods;
  return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs* v, const char* name, int syncDir) {
  PowerCutVfs* owner = ownerOf(v);
  if (!owner->mutationAllowed()) return SQLITE_IOERR_DELETE;
  const int rc = owner->real()->xDelete(owner->real(), name, syncDir);
  if (rc == SQLITE_OK) owner->forget(name);
  return rc;
}

} // namespace

PowerCutVfs::PowerCutVfs(std::uint32_t seed) : rng_(seed) {
  real_ = sqlite3_vfs_find(nullptr);
  if (!real_) throw std::runtime_error("no default SQLite VFS");
  // The real VFS's other entry points (full path names, randomness, time) are used as they are.
  vfs_ = *real_;
  vfs_.iVersion = std::min(real_->iVersion, 3);
  vfs_.szOsFile = static_cast<int>(sizeof(ShimFile)) + real_->szOsFile;
  vfs_.pNext = nullptr;
  vfs_.zName = kName;
  vfs_.pAppData = this;
  vfs_.xOpen = vfsOpen;
  vfs_.xDelete = vfsDelete;
  if (sqlite3_vfs_register(&vfs_, 0) != SQLITE_OK) throw std::runtime_error("cannot register the power-cut VFS");
}

PowerCutVfs::~PowerCutVfs() { sqlite3_vfs_unregister(&vfs_); }

PowerCutVfs::FileState& PowerCutVfs::stateOf(const std::string& path) {
  auto it = files_.find(path);
  if (it != files_.end()) return it->second;
  FileState st;
  std::ifstream in(path, std::ios::binary);
  if (in) st.durable.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return files_.emplace(path, std::move(st)).first->second;
}

bool PowerCutVfs::mutationAllowed() {
  if (cut_) return false;
  if (countdown_ > 0 && --countdown_ == 0) {
    cut_ = true;
    return false;
  }
  ++mutations_;
  return true;
}

void PowerCutVfs::synced(FileState& f) {
  if (!honourSync_) return;
  for (const Op& op : f.pending) applyOp(f.durable, op);
  f.pending.clear();
}

int PowerCutVfs::pendingWrites() const {
  int n = 0;
  for (const auto& [path, st] : files_) n += static_cast<int>(st.pending.size());
  return n;
}

void PowerCutVfs::restore() {
  // Most writes of a window reach the disk, so that a transaction in flight sometimes lands
  // whole; one in eight is dropped and one in eight torn.
  std::uniform_int_distribution<int> fate(0, 7); // 0 dropped, 1 torn, else written whole
  for (auto& [path, st] : files_) {
    std::vector<Op> reached;
    for (Op& op : st.pending) {
      const int f = fate(rng_);
      if (f == 0) {
        ++fates_.dropped;
        continue;
      }
      if (f == 1 && !op.truncate && static_cast<std::int64_t>(op.bytes.size()) > kSector) {
        const auto sectors = static_cast<std::int64_t>(op.bytes.size()) / kSector; // whole sectors in it
        std::uniform_int_distribution<std::int64_t> keep(0, sectors - 1);
        op.bytes.resize(static_cast<size_t>(keep(rng_) * kSector));
        ++fates_.torn;
      } else {
        ++fates_.whole;
      }
      reached.push_back(std::move(op));
    }
    std::shuffle(reached.begin(), reached.end(), rng_);
    if (st.pending.empty()) continue; // the file on disk is its durable content already
    // The image is built in place of the durable content it replaces; only the part from the
    // first unsynced write on is written back (a WAL grows to megabytes over many cuts).
    std::int64_t from = static_cast<std::int64_t>(st.durable.size());
    for (const Op& op : st.pending) from = std::min(from, op.offset);
    for (const Op& op : reached) applyOp(st.durable, op);
    from = std::min(from, static_cast<std::int64_t>(st.durable.size()));
    if (std::filesystem::exists(path)) {
      const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
      const auto size = static_cast<std::int64_t>(st.durable.size());
      const bool ok = fd >= 0 && ::ftruncate(fd, size) == 0 &&
                      ::pwrite(fd, st.durable.data() + from, static_cast<size_t>(size - from), from) == size - from;
      if (fd >= 0) ::close(fd);
      if (!ok) throw std::runtime_error("power-cut VFS: cannot rewrite " + path);
    }
    st.pending.clear();
  }
  cut_ = false;
  countdown_ = -1;
}

} // namespace dagverk::test
