#pragma once
// The central database's own schema history (separate from the kiosk's app/store/Migrations).
#include "store/Database.hpp"

namespace dagverk::central {

// The schema version this build writes. A database with a higher user_version is refused.
int latestCentralSchemaVersion();
// Applies every migration above the current user_version, each in its own BEGIN IMMEDIATE
// transaction. The version is read inside the transaction, so two processes opening a fresh
// database at the same moment do not both apply the same step.
void migrateCentral(store::Database& db);

} // namespace dagverk::central
