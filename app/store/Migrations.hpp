#pragma once
#include "store/Database.hpp"

namespace dagverk::store {

// The schema version this build writes. A database with a higher user_version is refused.
int latestSchemaVersion();
// Reads user_version; throws DatabaseTooNew (touching nothing) or DatabaseCorrupt.
int checkSchemaVersion(Database& db);
// Applies every migration above the current user_version, each in its own transaction.
void migrate(Database& db);

} // namespace dagverk::store
