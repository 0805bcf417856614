#pragma once
// A thin RAII layer over SQLite: connection, prepared statements, transactions that roll back
// unless committed. SQLite errors become DagverkError with Swedish and English text.
#include "core/Error.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace dagverk::store {

class Statement;

// The error for a damaged database file: names the file, says it was left as it was and what to
// do (restore a backup, call IT); `why` (English, for the log) says what found the damage.
DagverkError damagedDatabase(const std::filesystem::path& file, const std::string& why);

class Database {
public:
  enum class Mode { OpenExisting, CreateNew };
  // The file and its -wal and -shm are made readable by their owner only (a new file is created
  // 0600 whatever the umask). An existing file this process may not write is refused with
  // DataDirNotWritable before SQLite touches it, so no -shm or -wal is left beside it.
  // `vfs` names a registered SQLite VFS, or is null for the default one. Production always
  // passes null; the power-cut test passes its own VFS, which exists only in the test program.
  Database(const std::filesystem::path& file, Mode mode, const char* vfs = nullptr);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql);
  sqlite3* handle() const { return db_; }
  const std::filesystem::path& file() const { return file_; }
  std::int64_t scalarInt(const std::string& sql);
  // PRAGMA quick_check: every page of the file, not just those a start happens to read (the
  // freelist, the last pages). Throws damagedDatabase(...) if it reports anything. Reads only.
  void requireIntact();
  // Throws DagverkError for a failed SQLite call; maps CORRUPT/NOTADB, FULL, etc.
  [[noreturn]] void fail(int rc, const std::string& during) const;

private:
  sqlite3* db_ = nullptr;
  std::filesystem::path file_;
};

class Statement {
public:
  Statement(Database& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const std::string& v);
  Statement& bind(int index, std::int64_t v);
  Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, const std::optional<std::string>& v);
  Statement& bindNull(int index);
  bool step(); // true while a row is available
  void run();  // step to completion, then reset
  void reset();

  std::string text(int col) const;
  std::optional<std::string> optionalText(int col) const;
  std::int64_t integer(int col) const;
  bool isNull(int col) const;

private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit() was called.
class Transaction {
public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Database& db_;
  bool done_ = false;
};

} // namespace dagverk::store
