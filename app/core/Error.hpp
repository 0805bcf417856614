#pragma once
// A failure a person can act on: a Swedish message for the screen and an English one for logs.
#include <stdexcept>
#include <string>

namespace dagverk {

enum class ErrorCode {
  DataDirMissing,   // data directory does not exist
  DataDirNotWritable,
  DatabaseTooNew,   // written by a newer schema
  DatabaseCorrupt,  // not a database, or damaged
  DatabaseNotEmpty, // --demo into a directory that already holds data
  UnknownSite,
  UnknownParticipant,
  NotPresent,       // check-out of someone not checked in
  AlreadyPresent,   // check-in of someone already checked in
  CheckOutBeforeCheckIn, // the clock says the check-out would come before its check-in
  DiskFull,
  Storage,          // any other storage failure
  BadInput,         // malformed file or field
  UnknownStaff,
  UnknownEvent,
  AlreadyCorrected, // an event that a correction already voided
  PresentNotAbsent, // absence noted for someone who is here
  // --- the weekly sync and the central tool ---
  ShareMissing,     // the share's marker is not there: unmounted or wrong path
  ShareNotWritable, // the share is there but a file could not be written (full, read-only, I/O)
  BatchRejected,    // a batch or manifest failed a check (size, hash, signature, key, format)
  BundleRejected,   // a bundle failed a check (signature, older version, not for this device)
  KeysMissing,      // a key file is missing or unreadable
  NotEnrolled,      // the device's key is not trusted for that site
  SiteMismatch,     // records of two sites would travel in one batch (a move with records queued)
  // --- central reports ---
  UnknownPeriod,    // a --period that does not parse
};

class DagverkError : public std::runtime_error {
public:
  DagverkError(ErrorCode code, std::string swedish, const std::string& english)
      : std::runtime_error(english), code_(code), swedish_(std::move(swedish)) {}
  // `swedishWithIds` says the same as `swedish` but names people only by id: a touch screen
  // may greet people by first name, while the command line's stderr often ends up in a badge
  // reader's log, where names must never go.
  DagverkError(ErrorCode code, std::string swedish, std::string swedishWithIds, const std::string& english)
      : std::runtime_error(english), code_(code), swedish_(std::move(swedish)),
        swedishWithIds_(std::move(swedishWithIds)) {}
  ErrorCode code() const { return code_; }
  // Message for people at the kiosk, in Swedish.
  const std::string& swedish() const { return swedish_; }
  // The Swedish message with people named by id only, for text that may be logged (the CLI).
  const std::string& swedishWithIds() const { return swedishWithIds_.empty() ? swedish_ : swedishWithIds_; }
  // Message for logs, in English, never containing names or free text.
  const char* english() const { return what(); }

private:
  ErrorCode code_;
  std::string swedish_;
  std::string swedishWithIds_; // empty: `swedish_` names no one
};

} // namespace dagverk
