#pragma once
// The `event` table, defined once for both databases that hold one: the kiosk's own log
// (store/Migrations.cpp) and central's copy of every kiosk's log (central/CentralMigrations.cpp).
// Its columns are EventRow's, in EventRow's order; central adds columns of its own after them.
#include "core/EventRow.hpp"
#include "store/Database.hpp"

#include <string_view>

// CREATE TABLE event with EventRow's columns, then `extraColumns` (string literals, each one
// "  name TYPE ...,\n"), then the (device, sequence) key. A macro because a migration is one
// string literal that never changes once shipped, and only literals join into a literal at
// compile time. Expands to exactly the text both first migrations have always held, so a
// database made today carries the same schema text as one made then.
#define DAGVERK_CREATE_EVENT_TABLE_SQL(extraColumns) \
  "CREATE TABLE event (\n"                           \
  "  id TEXT PRIMARY KEY,\n"                         \
  "  device_id TEXT NOT NULL,\n"                     \
  "  seq INTEGER NOT NULL,\n"                        \
  "  recorded_utc INTEGER NOT NULL,\n"               \
  "  zone TEXT NOT NULL,\n"                          \
  "  site_id TEXT NOT NULL,\n"                       \
  "  actor_staff_id TEXT,\n"                         \
  "  kind TEXT NOT NULL,\n"                          \
  "  subject_id TEXT,\n"                             \
  "  payload TEXT NOT NULL,\n"                       \
  "  schema_version INTEGER NOT NULL,\n" extraColumns \
  "  UNIQUE (device_id, seq));"

namespace dagverk::store {

// The columns above, in the same order, for INSERT and SELECT lists.
inline constexpr std::string_view kEventColumns =
    "id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, subject_id, payload, schema_version";
inline constexpr int kEventColumnCount = 11;

// Binds `row` to the parameters first .. first + 10, in kEventColumns order.
inline Statement& bindEventRow(Statement& st, const EventRow& row, int first = 1) {
  return st.bind(first, row.id)
      .bind(first + 1, row.deviceId)
      .bind(first + 2, row.seq)
      .bind(first + 3, row.recordedUtc)
      .bind(first + 4, row.zone)
      .bind(first + 5, row.siteId)
      .bind(first + 6, row.actorStaffId)
      .bind(first + 7, row.kind)
      .bind(first + 8, row.subjectId)
      .bind(first + 9, row.payloadJson)
      .bind(first + 10, row.schemaVersion);
}

// Reads the columns first .. first + 10 of a row selected with kEventColumns.
inline EventRow readEventRow(const Statement& st, int first = 0) {
  EventRow r;
  r.id = st.text(first);
  r.deviceId = st.text(first + 1);
  r.seq = st.integer(first + 2);
  r.recordedUtc = st.integer(first + 3);
  r.zone = st.text(first + 4);
  r.siteId = st.text(first + 5);
  r.actorStaffId = st.optionalText(first + 6);
  r.kind = st.text(first + 7);
  r.subjectId = st.text(first + 8);
  r.payloadJson = st.text(first + 9);
  r.schemaVersion = static_cast<int>(st.integer(first + 10));
  return r;
}

} // namespace dagverk::store
