#include "central/Admin.hpp"

#include "central/SiteBundles.hpp"

#include "core/Csv.hpp"
#include "core/Error.hpp"
#include "core/Ids.hpp"
#include "core/InputLimits.hpp"
#include "core/RosterChange.hpp"
#include "core/RosterCsv.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace dagverk::central {

namespace fs = std::filesystem;

namespace {

// How many taken names after the newest verified version publish passes over before it gives up.
constexpr int kMaxTakenVersions = 1000;

// A file the person names on the command line, refused when larger than `maxBytes`
// (core/InputLimits.hpp) before it is read.
std::string readInput(const fs::path& file, std::size_t maxBytes) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    throw DagverkError(ErrorCode::BadInput, "Filen " + file.string() + " finns inte eller är ingen vanlig fil.",
                       "input file missing or not a regular file: " + file.string());
  return sync::readFileWithinLimit(file, maxBytes, ErrorCode::BadInput,
                                   "Filen " + file.string() + " är för stor (högst " +
                                       std::to_string(maxBytes / limits::kKiB) + " KiB).",
                                   "input file");
}

std::string readBundleFile(const fs::path& share, const fs::path& file) {
  return sync::readShareFile(share, file, limits::kBundleBytes, ErrorCode::BundleRejected,
                             "Paketet på den centrala mappen är för stort.", "bundle");
}

// The roster parser names its files by their usual names; a person needs the path they gave.
[[noreturn]] void renamed(const DagverkError& e, const std::vector<std::pair<std::string, std::string>>& names) {
  std::string sv = e.swedish();
  std::string en = e.english();
  for (const auto& [usual, given] : names) {
    const std::string svPrefix = "Fel i " + usual + ":";
    if (sv.rfind(svPrefix, 0) == 0) sv = "Fel i " + given + ":" + sv.substr(svPrefix.size());
    if (en.rfind(usual + ":", 0) == 0) en = given + en.substr(usual.size());
    // "missing column" and similar messages name the file without a position.
    for (auto* text : {&sv, &en}) {
      const std::string quoted = "\"" + usual + "\"";
      if (auto pos = text->find(quoted); pos != std::string::npos) text->replace(pos, quoted.size(), "\"" + given + "\"");
      const std::string single = "'" + usual + "'";
      if (auto pos = text->find(single); pos != std::string::npos) text->replace(pos, single.size(), "'" + given + "'");
    }
  }
  throw DagverkError(e.code(), sv, en);
}

std::set<std::string> siteIdsOf(const sync::BundleContents& b) {
  std::set<std::string> ids;
  const CsvTable t = parseCsv(b.sitesCsv, "sites.csv");
  const size_t col = t.column("site_id", "sites.csv");
  for (const auto& row : t.rows) ids.insert(row[col]);
  return ids;
}

void checkSetting(const std::string& key, const std::string& value) {
  const bool keyOk = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!keyOk)
    throw DagverkError(ErrorCode::BadInput, "Ogiltigt inställningsnamn \"" + key + "\" (a-z, 0-9, _).",
                       "invalid setting name (allowed: a-z, 0-9, _)");
  if (key == "staff_idle_seconds") {
    int v = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || p != value.data() + value.size() || v < 10 || v > 3600)
      throw DagverkError(ErrorCode::BadInput, "staff_idle_seconds ska vara ett heltal 10–3600.",
                         "setting staff_idle_seconds must be a whole number 10-3600");
  }
}

// What the new roster changes per site against the newest published one. A change that ends
// more than a quarter of a site's participants is refused unless `allowLarge`: a truncated
// export or a file with only its header would otherwise mark everyone inactive on every kiosk
// at the next sync.
std::vector<SiteRosterChange> changesSince(const NewestBundle& newest, const RosterFiles& next, bool allowLarge) {
  std::vector<Participant> current;
  if (newest.contents) {
    try {
      current = parseRosterCsv(newest.contents->sitesCsv, newest.contents->participantsCsv,
                               newest.contents->activitiesCsv)
                    .participants;
    } catch (const DagverkError& e) {
      // Published under older rules: what it ends cannot be counted, so a person must say so.
      platform::logError("bundle version " + std::to_string(newest.contents->version) +
                         " cannot be compared with: " + e.english());
      if (!allowLarge)
        throw DagverkError(ErrorCode::BadInput,
                           "Den senast publicerade rostern (version " + std::to_string(newest.contents->version) +
                               ") kan inte läsas, så det går inte att visa vad som ändras. Inget publicerades. "
                               "Kör igen med --allow-large-change om den nya rostern är rätt.",
                           "the newest bundle cannot be compared with; nothing published (pass --allow-large-change)");
    }
  }
  auto changes = compareParticipants(current, next.participants, next.sites);
  std::string sv, en;
  for (const auto& c : changes) {
    if (!c.isLarge()) continue;
    const std::string counts = std::to_string(c.endedIds.size()) + " av " + std::to_string(c.before);
    sv += (sv.empty() ? "" : ", ") + counts + " deltagare på " + c.siteId;
    en += (en.empty() ? "" : ", ") + std::to_string(c.endedIds.size()) + " of " + std::to_string(c.before) +
          " participants at site " + c.siteId;
  }
  if (!sv.empty() && !allowLarge)
    throw DagverkError(ErrorCode::BadInput,
                       "Den nya rostern avslutar " + sv +
                           " (mer än en fjärdedel). Inget publicerades. Kontrollera filen, eller kör igen med "
                           "--allow-large-change om ändringen är avsiktlig.",
                       "the roster ends " + en + " (more than a quarter); nothing published");
  if (!sv.empty()) platform::logInfo("large roster change published on request: ends " + en);
  return changes;
}

} // namespace

void initShare(const fs::path& share, const fs::path& keysDir, const std::string& unit) {
  std::error_code ec;
  if (!fs::is_directory(share, ec))
    throw DagverkError(ErrorCode::ShareMissing,
                       "Den centrala mappen hittas inte: " + share.string() + ". Skapa eller anslut den först.",
                       "share directory does not exist: " + share.string());
  const sync::ShareLayout layout{share};
  if (fs::exists(layout.marker(), ec))
    throw DagverkError(ErrorCode::BadInput,
                       "Den centrala mappen " + share.string() + " är redan förberedd (" + sync::kMarkerFileName +
                           " finns). Inget ändrades.",
                       "share already initialised: " + layout.marker().string() + " exists; nothing changed");
  if (unit.empty() || unit.size() > 200)
    throw DagverkError(ErrorCode::BadInput, "Enhetens namn (--unit) ska vara 1–200 tecken.",
                       "unit name must be 1-200 bytes");
  const sync::CentralKeys keys = sync::createCentralKeys(keysDir); // refuses existing keys
  sync::ShareMarker marker;
  marker.unit = unit;
  marker.centralBoxPk = keys.boxPk;
  marker.centralSignPk = keys.signPk;
  sync::signMarker(marker, keys.signSk);
  for (const char* dir : {"inbox", "receipts", "bundles", "quarantine"}) platform::createDirectories(share / dir);
  platform::writeFileNoReplace(layout.marker(), sync::encodeMarker(marker));
  platform::logInfo("share initialised (format " + std::to_string(marker.formatVersion) + ")");
}

sync::CentralKeys loadKeysForShare(const fs::path& share, const fs::path& keysDir) {
  const sync::ShareMarker marker = sync::readMarker(share);
  const sync::CentralKeys keys = sync::loadCentralKeys(keysDir);
  if (marker.centralBoxPk != keys.boxPk || marker.centralSignPk != keys.signPk)
    throw DagverkError(ErrorCode::BadInput,
                       "Nycklarna i " + keysDir.string() + " hör inte till den centrala mappen " + share.string() +
                           ". Inget ändrades.",
                       "central keys in " + keysDir.string() + " do not match the share marker in " + share.string());
  if (marker.signature.empty()) {
    // A share made before markers were signed: central signs it now (it is central's own
    // marker, with central's keys), so that kiosks, which refuse an unsigned marker, keep syncing.
    sync::ShareMarker signedMarker = marker;
    sync::signMarker(signedMarker, keys.signSk);
    try {
      platform::writeFileAtomically(sync::ShareLayout{share}.marker(), sync::encodeMarker(signedMarker));
      platform::logInfo("share marker was not signed (made by an older version): signed it with the central key");
    } catch (const DagverkError& e) {
      // The run goes on with the keys it has; the next one signs it (kiosks wait until then).
      platform::logError(std::string("could not sign the share marker made by an older version: ") + e.english());
    }
  } else {
    try {
      sync::verifyMarker(marker, keys.signPk);
    } catch (const DagverkError& e) {
      // Not re-signed: whoever changed it may have changed the unit name too. Kiosks refuse it
      // until `init` is run again on a fresh share, so the operator hears of it.
      platform::logError(std::string("the share marker does not verify with this central's key: ") + e.english());
    }
  }
  return keys;
}

NewestBundle findNewestBundle(const fs::path& share, const sync::CentralKeys& keys) {
  NewestBundle out;
  const sync::ShareLayout layout{share};
  std::vector<std::pair<std::int64_t, fs::path>> found;
  for (const auto& name : platform::listBeneath(share, layout.bundlesDir()).files) {
    if (name.size() <= 7 || name.compare(name.size() - 7, 7, ".bundle") != 0) continue;
    const fs::path file = layout.bundlesDir() / name;
    // Only a bundle central signed counts: the name, and the header of an unsigned file, are
    // whatever someone with write access to the share chose.
    try {
      const std::int64_t v = sync::verifiedBundleVersion(readBundleFile(share, file), keys.signPk);
      out.highestVersionSeen = std::max(out.highestVersionSeen, v);
      found.emplace_back(v, file);
    } catch (const DagverkError& e) {
      platform::logError("bundle file " + name + " skipped: " + e.english());
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [version, file] : found) {
    try {
      out.contents = sync::openBundleAsCentral(readBundleFile(share, file), keys);
      return out;
    } catch (const DagverkError& e) {
      platform::logError("bundle version " + std::to_string(version) + " does not open, skipped: " + e.english());
    }
  }
  return out;
}

namespace {

// The version after `highest`, checked: the largest int64 has no successor.
std::int64_t nextBundleVersion(std::int64_t highest) {
  std::int64_t next = 0;
  if (highest < 0 || __builtin_add_overflow(highest, 1, &next))
    throw DagverkError(ErrorCode::BadInput,
                       "Rostern kan inte få ett högre versionsnummer. Inget publicerades; kontakta IT.",
                       "bundle version " + std::to_string(highest) + " has no successor; nothing published");
  return next;
}

// The highest version among the bundles in `dir` whose signature verifies (0: none). Names are
// tried from the highest down and the first that verifies ends the search, so a publish reads
// one file per site in the usual case.
std::int64_t highestVerifiedVersion(const fs::path& share, const fs::path& dir, const sync::PublicKey& signPk) {
  std::vector<std::pair<std::int64_t, std::string>> named;
  for (const auto& name : platform::listBeneath(share, dir).files) {
    if (name.size() <= 7 || name.compare(name.size() - 7, 7, ".bundle") != 0) continue;
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(name.data(), name.data() + name.size() - 7, v);
    if (ec == std::errc() && p == name.data() + name.size() - 7) named.emplace_back(v, name);
  }
  std::sort(named.rbegin(), named.rend());
  for (const auto& [v, name] : named) {
    try {
      return sync::verifiedBundleVersion(readBundleFile(share, dir / name), signPk);
    } catch (const DagverkError& e) {
      platform::logError("bundle file " + (dir.filename() / name).string() + " skipped: " + e.english());
    }
  }
  return 0;
}

bool versionTaken(const sync::ShareLayout& layout, const std::vector<SiteRosterPart>& parts, std::int64_t version) {
  const auto taken = [&](const fs::path& file) {
    return platform::entryKindBeneath(layout.root, file) != platform::EntryKind::Missing;
  };
  if (taken(layout.bundleFile(version))) return true;
  return std::any_of(parts.begin(), parts.end(),
                     [&](const SiteRosterPart& p) { return taken(layout.siteBundleFile(p.siteId, version)); });
}

// Writes a sealed bundle under a new name and reads back what landed on the share, as a kiosk
// will.
void writeAndReadBack(const fs::path& share, const fs::path& file, const std::string& sealed,
                      const sync::CentralKeys& keys, std::int64_t version) {
  platform::writeFileNoReplace(file, sealed);
  const sync::BundleContents check = sync::openBundleAsCentral(readBundleFile(share, file), keys);
  if (check.version != version)
    throw DagverkError(ErrorCode::ShareNotWritable, "Rostern på den centrala mappen kunde inte läsas tillbaka.",
                       "bundle read back with another version: " + file.string());
}

} // namespace

void checkSiteForEnrolment(const fs::path& share, const sync::CentralKeys& keys, const std::string& siteId) {
  if (!isValidId(siteId))
    throw DagverkError(ErrorCode::UnknownSite,
                       "Ogiltigt verksamhets-id \"" + siteId + "\": använd 1–64 tecken: bokstäverna A–Z och a–z, "
                       "siffror, _ och -.",
                       "invalid site id (allowed: 1-64 of A-Z, a-z, 0-9, _ and -)");
  const NewestBundle newest = findNewestBundle(share, keys);
  if (newest.contents) {
    const auto ids = siteIdsOf(*newest.contents);
    if (!ids.count(siteId)) {
      std::string list;
      for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
      throw DagverkError(ErrorCode::UnknownSite,
                         "Okänd verksamhet \"" + siteId + "\" (finns inte i senaste rostern, version " +
                             std::to_string(newest.contents->version) + "). Giltiga: " + list,
                         "unknown site '" + siteId + "' (not in bundle version " +
                             std::to_string(newest.contents->version) + "); valid: " + list);
    }
  }
}

PublishResult publishBundle(const fs::path& share, const fs::path& keysDir, const PublishInput& input,
                            const Clock& clock) {
  const sync::ShareMarker marker = sync::readMarker(share);
  const sync::CentralKeys keys = loadKeysForShare(share, keysDir);
  const NewestBundle newest = findNewestBundle(share, keys);

  sync::BundleContents b;
  std::string sitesName = "sites.csv";
  if (input.sitesCsv) {
    b.sitesCsv = readInput(*input.sitesCsv, limits::kRosterCsvBytes);
    sitesName = input.sitesCsv->string();
  } else if (newest.contents) {
    b.sitesCsv = newest.contents->sitesCsv;
    sitesName = "sites.csv (från version " + std::to_string(newest.contents->version) + ")";
  } else {
    throw DagverkError(ErrorCode::BadInput,
                       "Verksamheterna saknas: ange --sites sites.csv (det finns ingen tidigare publicerad roster "
                       "att ta dem från). Inget publicerades.",
                       "no sites: pass --sites (no earlier bundle to take them from); nothing published");
  }
  b.participantsCsv = readInput(input.participantsCsv, limits::kRosterCsvBytes);
  b.activitiesCsv = readInput(input.activitiesCsv, limits::kRosterCsvBytes);
  b.staffCsv = readInput(input.staffCsv, limits::kRosterCsvBytes);
  const std::vector<std::pair<std::string, std::string>> names = {{"sites.csv", sitesName},
                                                                  {"participants.csv", input.participantsCsv.string()},
                                                                  {"activities.csv", input.activitiesCsv.string()},
                                                                  {"staff.csv", input.staffCsv.string()}};
  RosterFiles roster;
  try {
    roster = parseRosterCsv(b.sitesCsv, b.participantsCsv, b.activitiesCsv);
    parseStaffCsv(b.staffCsv, roster);
  } catch (const DagverkError& e) {
    if (e.code() == ErrorCode::BadInput) renamed(e, names);
    throw;
  }
  for (const auto& [key, value] : input.settings) checkSetting(key, value);
  b.settings = input.settings;
  PublishResult result;
  result.changes = changesSince(newest, roster, input.allowLargeChange);

  const sync::ShareLayout layout{share};
  const std::vector<SiteRosterPart> parts =
      splitRosterBySite(b.sitesCsv, b.participantsCsv, b.activitiesCsv, b.staffCsv);
  const auto enrolled = sync::loadEnrolled(keysDir);
  for (const auto& d : enrolled)
    if (std::none_of(parts.begin(), parts.end(), [&](const SiteRosterPart& p) { return p.siteId == d.siteId; }))
      platform::logError("device " + d.deviceId + " is enrolled for site " + d.siteId +
                         ", which the roster does not list: it receives no bundle");

  // Above every version central signed, the unit's and each site's (a publish that stopped
  // half-way may have written some sites' bundles and not the unit's).
  std::int64_t highest = newest.highestVersionSeen;
  for (const auto& part : parts)
    highest = std::max(highest, highestVerifiedVersion(share, layout.siteBundlesDir(part.siteId), keys.signPk));
  // A name taken by a file that does not verify (planted, or left by a publish that failed
  // half-way) is passed over rather than replaced: the next free version is used.
  b.version = nextBundleVersion(highest);
  for (int tries = 0; versionTaken(layout, parts, b.version); ++tries) {
    if (tries >= kMaxTakenVersions)
      throw DagverkError(ErrorCode::BadInput,
                         "Den centrala mappen har för många okända paketfiler. Inget publicerades; kontakta IT.",
                         "more than " + std::to_string(kMaxTakenVersions) +
                             " bundle names after the newest verified version are taken; nothing published");
    platform::logError("bundle version " + std::to_string(b.version) +
                       " is taken by a file that does not verify; using the next version");
    b.version = nextBundleVersion(b.version);
  }
  b.createdUtc = clock.nowUtc();
  b.unit = marker.unit;

  // Each site's bundle, sealed to the kiosks enrolled for that site only; then the whole unit's,
  // sealed to central alone, last: it is what the next publish compares with.
  size_t kiosks = 0;
  for (const auto& part : parts) {
    sync::BundleContents siteBundle = b;
    siteBundle.sitesCsv = part.sitesCsv;
    siteBundle.participantsCsv = part.participantsCsv;
    siteBundle.activitiesCsv = part.activitiesCsv;
    siteBundle.staffCsv = part.staffCsv;
    std::vector<sync::EnrolledDevice> recipients;
    for (const auto& d : enrolled)
      if (d.siteId == part.siteId) recipients.push_back(d);
    kiosks += recipients.size();
    platform::createDirectoriesBeneath(share, layout.siteBundlesDir(part.siteId));
    writeAndReadBack(share, layout.siteBundleFile(part.siteId, b.version), sync::sealBundle(siteBundle, keys, recipients),
                     keys, b.version);
  }
  if (kiosks == 0) platform::logInfo("no kiosks enrolled yet: the bundles are sealed to central only");
  platform::createDirectoriesBeneath(share, layout.bundlesDir());
  writeAndReadBack(share, layout.bundleFile(b.version), sync::sealBundle(b, keys, {}), keys, b.version);
  platform::logInfo("bundle version " + std::to_string(b.version) + " published for " + std::to_string(parts.size()) +
                    " sites to " + std::to_string(kiosks) + " kiosks");
  result.version = b.version;
  return result;
}

std::string formatRosterChanges(const std::vector<SiteRosterChange>& changes) {
  constexpr size_t kIdsShown = 20; // a longer list is for the file, not the terminal
  std::string out;
  for (const auto& c : changes) {
    out += "  " + c.siteId + ": " + std::to_string(c.added) + " nya, " + std::to_string(c.changed) + " ändrade, " +
           std::to_string(c.endedIds.size()) + " avslutade";
    if (!c.endedIds.empty()) {
      out += " (";
      for (size_t i = 0; i < c.endedIds.size() && i < kIdsShown; ++i) out += (i ? ", " : "") + c.endedIds[i];
      if (c.endedIds.size() > kIdsShown) out += " … och " + std::to_string(c.endedIds.size() - kIdsShown) + " till";
      out += ")";
    }
    out += "\n";
  }
  return out;
}

} // namespace dagverk::central
