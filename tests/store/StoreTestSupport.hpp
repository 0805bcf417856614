#pragma once
// Helpers for the store, CLI and fault tests: temporary data directories, raw SQLite access
// on a second connection, file snapshots and error capture.
#include "core/Error.hpp"
#include "core/LocalTime.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace dagverk::test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed (with everything in it) at scope exit.
class TempDir {
public:
  explicit TempDir(const std::string& tag = "t") {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("dagverk-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
             std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

private:
  fs::path path_;
};

inline std::string readBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void writeBytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

inline std::set<std::string> listDir(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// A raw SQLite connection, separate from the store's, for checks the store API does not offer.
class RawDb {
public:
  explicit RawDb(const fs::path& file, int flags = SQLITE_OPEN_READWRITE) {
    if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open " + file.string() + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  // Wraps a connection owned elsewhere (not closed here).
  static RawDb borrow(sqlite3* db) { return RawDb(db); }
  ~RawDb() {
    if (owned_) sqlite3_close(db_);
  }
  RawDb(RawDb&& o) noexcept : db_(o.db_), owned_(o.owned_) { o.db_ = nullptr; }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Runs SQL; returns the SQLite result code (and the message in `error`).
  int exec(const std::string& sql, std::string* error = nullptr) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (error) *error = err ? err : "";
    sqlite3_free(err);
    return rc;
  }
  // All rows as text; throws on error.
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error("prepare failed: " + std::string(sqlite3_errmsg(db_)) + " in " + sql);
    std::vector<std::vector<std::string>> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* t = sqlite3_column_text(st, i);
        row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw std::runtime_error("step failed: " + std::string(sqlite3_errmsg(db_)) + " in " + sql);
    return out;
  }
  std::string text(const std::string& sql) {
    const auto r = rows(sql);
    if (r.empty() || r[0].empty()) throw std::runtime_error("no result for " + sql);
    return r[0][0];
  }
  long long integer(const std::string& sql) { return std::stoll(text(sql)); }
  sqlite3* handle() const { return db_; }

private:
  explicit RawDb(sqlite3* borrowed) : db_(borrowed), owned_(false) {}
  sqlite3* db_ = nullptr;
  bool owned_ = true;
};

// Runs `f`, which must throw DagverkError; returns it. Fails the test otherwise.
template <class F> DagverkError errorFrom(F&& f) {
  try {
    f();
  } catch (const DagverkError& e) {
    return e;
  }
  FAIL("expected a DagverkError, but nothing was thrown");
  throw std::logic_error("unreachable");
}

inline const char* codeName(ErrorCode c) {
  switch (c) {
  case ErrorCode::DataDirMissing: return "DataDirMissing";
  case ErrorCode::DataDirNotWritable: return "DataDirNotWritable";
  case ErrorCode::DatabaseTooNew: return "DatabaseTooNew";
  case ErrorCode::DatabaseCorrupt: return "DatabaseCorrupt";
  case ErrorCode::DatabaseNotEmpty: return "DatabaseNotEmpty";
  case ErrorCode::UnknownSite: return "UnknownSite";
  case ErrorCode::UnknownParticipant: return "UnknownParticipant";
  case ErrorCode::NotPresent: return "NotPresent";
  case ErrorCode::AlreadyPresent: return "AlreadyPresent";
  case ErrorCode::DiskFull: return "DiskFull";
  case ErrorCode::Storage: return "Storage";
  case ErrorCode::BadInput: return "BadInput";
  default: return "other";
  }
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A run of one of our programs as a subprocess: exit code and both streams.
struct CliRun {
  int code = -1;
  std::string out, err;
};

// Single-quotes `s` for the shell.
inline std::string shellQuoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `binary` with `args` (already quoted where needed) and `input` on stdin, output kept in
// `dir`; a hang (60 s) counts as a failure. The command and its output are attached to the test.
inline CliRun runProgram(const fs::path& dir, const std::string& binary, const std::string& args,
                         const std::string& input = "") {
  const fs::path in = dir / "stdin.txt", out = dir / "stdout.txt", err = dir / "stderr.txt";
  writeBytes(in, input);
  const std::string cmd = "timeout 60 " + shellQuoted(binary) + " " + args + " >" + shellQuoted(out.string()) +
                          " 2>" + shellQuoted(err.string()) + " <" + shellQuoted(in.string());
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
  r.out = readBytes(out);
  r.err = readBytes(err);
  UNSCOPED_INFO("$ " << fs::path(binary).filename().string() << " " << args << "\nexit " << r.code << "\nstdout:\n"
                     << r.out << "stderr:\n" << r.err);
  return r;
}

// Monday 2026-11-23 in Stockholm; a fixed, ordinary working day for the tests.
inline UtcMs mondayAt(int hour, int minute = 0) { return fromStockholm({2026, 11, 23}, hour, minute); }
inline UtcMs tuesdayAt(int hour, int minute = 0) { return fromStockholm({2026, 11, 24}, hour, minute); }

} // namespace dagverk::test
