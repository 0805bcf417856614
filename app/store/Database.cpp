#include "store/Database.hpp"

#include <cerrno>

#include "core/Error.hpp"
#include "platform/FileSystem.hpp"

namespace dagverk::store {

namespace {
DagverkError readOnlyDatabase(const std::filesystem::path& file) {
  return DagverkError(ErrorCode::DataDirNotWritable,
                      "Databasfilen " + file.string() +
                          " är skrivskyddad, så Dagverk kan inte spara något och startar inte. Inget har ändrats. "
                          "Be IT ge användaren som kör Dagverk skrivrätt till filen, och starta sedan igen.",
                      "database file is read-only for this user: " + file.string() +
                          "; refused before SQLite opened it (nothing created beside it)");
}
} // namespace

DagverkError damagedDatabase(const std::filesystem::path& file, const std::string& why) {
  return DagverkError(ErrorCode::DatabaseCorrupt,
                      "Databasfilen " + file.string() +
                          " är skadad och kan inte användas. Den har inte ändrats. Återställ den från en "
                          "säkerhetskopia eller kontakta IT.",
                      "database is damaged (" + why + "): " + file.string() + " left untouched");
}

Database::Database(const std::filesystem::path& file, Mode mode, const char* vfs) : file_(file) {
  if (mode == Mode::CreateNew) {
    // SQLite would create it 0644: the records are nobody else's business on this machine.
    platform::createPrivateEmptyFile(file);
  } else {
    platform::keepDatabaseFilesPrivate(file);
    // Opened read-write on a file it may not write, SQLite quietly opens it read-only and, at the
    // first read, makes a -shm with the file's read-only mode that keeps failing every write
    // after the file is fixed. Refuse first; root may write anything and passes.
    for (const char* suffix : {"", "-wal", "-shm"}) {
      const std::filesystem::path p = file.string() + suffix;
      if (platform::writeDeniedToMe(p)) throw readOnlyDatabase(p);
    }
  }
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                    (mode == Mode::CreateNew ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(file.c_str(), &db_, flags, vfs);
  if (rc != SQLITE_OK) {
    const int code = rc;
    sqlite3_close(db_);
    db_ = nullptr;
    if (code == SQLITE_CANTOPEN)
      throw DagverkError(ErrorCode::DataDirNotWritable, "Databasen " + file.string() + " kan inte öppnas.",
                         "cannot open database " + file.string());
    throw DagverkError(ErrorCode::Storage, "Databasen " + file.string() + " kan inte öppnas.",
                       "cannot open database " + file.string() + ": " + sqlite3_errstr(code));
  }
  if (sqlite3_db_readonly(db_, "main") == 1) {
    // A read-only file system, or a check above that raced with a chmod.
    sqlite3_close(db_);
    db_ = nullptr;
    throw readOnlyDatabase(file);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int rc, const std::string& during) const {
  int primary = rc & 0xFF;
  // A full disk often reaches SQLite as an I/O error (a failed write or fsync of the WAL); the
  // operating system's errno tells the two apart.
  const int osErrno = sqlite3_system_errno(db_);
  if (primary == SQLITE_IOERR && (osErrno == ENOSPC || osErrno == EDQUOT)) primary = SQLITE_FULL;
  const std::string en = during + " (" + file_.string() + "): " + sqlite3_errmsg(db_);
  switch (primary) {
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
    throw damagedDatabase(file_, "corrupt or not a database: " + en);
  case SQLITE_FULL:
    throw DagverkError(ErrorCode::DiskFull, "Disken är full. Inget sparades; frigör utrymme och försök igen.",
                       "disk full: " + en);
  case SQLITE_READONLY:
  case SQLITE_CANTOPEN:
  case SQLITE_PERM:
    throw DagverkError(ErrorCode::DataDirNotWritable, "Det går inte att spara i " + file_.string() + ".",
                       "database not writable: " + en);
  default:
    throw DagverkError(ErrorCode::Storage, "Det gick inte att spara. Inget ändrades.", "sqlite error: " + en);
  }
}

void Database::exec(const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) fail(rc, "exec");
}

std::int64_t Database::scalarInt(const std::string& sql) {
  Statement s(*this, sql);
  return s.step() ? s.integer(0) : 0;
}

void Database::requireIntact() {
  std::string report;
  try {
    Statement check(*this, "PRAGMA quick_check");
    while (check.step() && report.size() < 300) report += (report.empty() ? "" : "; ") + check.text(0);
  } catch (const DagverkError& e) {
    if (e.code() == ErrorCode::DatabaseCorrupt) throw damagedDatabase(file_, std::string("PRAGMA quick_check: ") + e.english());
    throw;
  }
  // The report names pages and indexes, never row contents, so it may go to the log.
  if (report != "ok") throw damagedDatabase(file_, "PRAGMA quick_check: " + report.substr(0, 300));
}

Statement::Statement(Database& db, const std::string& sql) : db_(db) {
  const int rc = sqlite3_prepare_v3(db.handle(), sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, const std::string& v) {
  const int rc = sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t v) {
  const int rc = sqlite3_bind_int64(stmt_, index, v);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& v) {
  return v ? bind(index, *v) : bindNull(index);
}

Statement& Statement::bindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  db_.fail(rc, "step");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::optional<std::string> Statement::optionalText(int col) const {
  if (isNull(col)) return std::nullopt;
  return text(col);
}

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

} // namespace dagverk::store
