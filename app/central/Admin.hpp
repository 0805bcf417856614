#pragma once
// `dagverk-central init` and `publish`: the share, the trusted kiosks and the roster
// bundles. Every function throws DagverkError with a Swedish and an English message.
#include "core/Clock.hpp"
#include "core/RosterChange.hpp"
#include "sync/SyncFormat.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::central {

// Creates the central keys in `keysDir` (refused if there are keys already), writes the share's
// marker (refused if one exists) and creates inbox/, receipts/, bundles/ and quarantine/.
void initShare(const std::filesystem::path& share, const std::filesystem::path& keysDir, const std::string& unit);

// Loads the central keys and checks that they are the share's (the marker's public keys).
// Throws ShareMissing, KeysMissing, or BadInput when the keys belong to another share.
sync::CentralKeys loadKeysForShare(const std::filesystem::path& share, const std::filesystem::path& keysDir);

struct NewestBundle {
  std::optional<sync::BundleContents> contents; // the newest bundle that opens and verifies
  std::int64_t highestVersionSeen = 0;           // the highest version of a bundle that verifies
};
// Looks through <share>/bundles/ newest first; bundles that do not open are logged and skipped.
NewestBundle findNewestBundle(const std::filesystem::path& share, const sync::CentralKeys& keys);

// A site a kiosk may be enrolled for: it passes the core id rule (core/Ids.hpp) and is in the
// newest bundle if there is one. Throws UnknownSite. (Enrolment itself: central/Enrol.hpp.)
void checkSiteForEnrolment(const std::filesystem::path& share, const sync::CentralKeys& keys, const std::string& siteId);

struct PublishInput {
  std::filesystem::path participantsCsv; // --roster
  std::filesystem::path activitiesCsv;   // --activities
  std::filesystem::path staffCsv;        // --staff
  std::optional<std::filesystem::path> sitesCsv; // --sites; else the newest bundle's sites
  std::map<std::string, std::string> settings;   // --setting key=value
  bool allowLargeChange = false;                 // --allow-large-change
};
struct PublishResult {
  std::int64_t version = 0;              // the version written
  std::vector<SiteRosterChange> changes; // per site, against the newest published roster
};
// Validates all files (errors name the file as given, its line and column; every id and photo
// value passes the rules in core/Ids.hpp), compares the participants with the newest published
// roster, then seals a bundle of version (newest + 1) to every enrolled kiosk and writes
// bundles/<version>.bundle. Nothing is written unless every file is valid and, without
// allowLargeChange, no site would lose more than a quarter of its participants (BadInput naming
// the sites and counts).
PublishResult publishBundle(const std::filesystem::path& share, const std::filesystem::path& keysDir,
                            const PublishInput& input, const Clock& clock);

// "  liljan: 2 nya, 1 ändrade, 1 avslutade (P0003)\n" per site: ids and counts, never names.
std::string formatRosterChanges(const std::vector<SiteRosterChange>& changes);

} // namespace dagverk::central
