#include "central-tool/CentralCli.hpp"
#include "central-tool/SheetsCommand.hpp"

#include "DagverkVersion.hpp"

#include "central/Admin.hpp"
#include "central/CentralStore.hpp"
#include "central/Enrol.hpp"
#include "central/Import.hpp"
#include "central/Status.hpp"
#include "core/Error.hpp"
#include "core/LocalTime.hpp"
#include "platform/Log.hpp"
#include "platform/StopSignal.hpp"
#include "platform/SystemClock.hpp"
#include "report/ReportCommand.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace dagverk::central_tool {

using central::CentralStore;
using central::ImportSummary;
using central::PublishInput;
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = R"(Användning / usage:
  dagverk-central init --share S --keys K [--unit NAME]
      Prepares the share S (marker, inbox/, receipts/, bundles/, quarantine/) and creates the
      central key pairs in K (outside the share, readable only by you). Refuses to overwrite.
  dagverk-central enroll --share S --keys K --site SITE [--replace]
      Makes a one-time code (shown once, valid 24 hours) and an offer for SITE on the share.
      An admin types the code on the kiosk (Personal → Koppla till central, or `dagverk
      enroll --code`); the next import (or `enroll --accept`) then enrols the kiosk and prints
      the fingerprint both sides show. A kiosk that is already enrolled gets a new key only
      through a code made with --replace.
  dagverk-central enroll --share S --keys K --accept
      Checks the kiosks' answers to codes now, instead of at the next import.
  dagverk-central revoke --keys K --device D [--share S]
      Ends device D's key: batches signed with it that are not imported yet are quarantined
      ("revoked"); events imported before stay. Enrol it again with a new code and --replace.
  dagverk-central publish --share S --keys K --roster participants.csv --activities activities.csv
                          --staff staff.csv [--sites sites.csv] [--setting key=value ...]
                          [--allow-large-change]
      Validates the CSV files and publishes them as the next signed roster bundle. Without
      --sites, the sites of the newest published bundle are used. Prints per site how many
      participants are new, changed and ended (ids, never names). Nothing is published unless
      every file is valid, nor when a site would lose more than a quarter of its participants
      unless --allow-large-change says that it is meant.
  dagverk-central import --share S --keys K --db central.sqlite
      Imports every new batch from the share into the central database (on this machine,
      never on the share), writes receipts, moves rejected files to quarantine/. Kiosks that
      answered an enrolment code are enrolled first.
  dagverk-central serve --share S --keys K --db central.sqlite [--import-every 15m]
      The central service: imports at start and then every interval (30s, 15m, 1h; default
      15m), one English log line per run with counts. SIGTERM or SIGINT stops it between two
      imports (exit 0). A run that fails (share not mounted) is logged and tried again.
  dagverk-central status --db central.sqlite [--json] [--keys K]
      Per kiosk: site, last batch, last seen, events, sequence gaps, missing batches, clock flags,
      and sequence numbers used twice (a possible stolen key). With --keys (plain text only):
      the enrolled kiosks and their fingerprints, and the revoked keys.
  dagverk-central report ...
      Reports from the central database (see `dagverk-central report --help`).
  dagverk-central sheets --db central.sqlite --site SITE --week YYYY-Www --out FILE
      A site's reserve sheets for the week (attendance and roll call, HTML for A4) from the
      roster valid that week, for a site whose tablet is gone.

  dagverk-central --version

Exit codes: 0 ok, 1 failure, 2 usage.
)";

struct UsageError {
  std::string message;
};

struct Args {
  std::string command;
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> settings;
  std::set<std::string> flags;

  const std::string& need(const std::string& key) const {
    auto it = values.find(key);
    if (it == values.end() || it->second.empty()) throw UsageError{"missing " + key};
    return it->second;
  }
  std::optional<std::string> get(const std::string& key) const {
    auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

// Options each command takes; any other is a usage error.
const std::map<std::string, std::set<std::string>>& knownOptions() {
  static const std::map<std::string, std::set<std::string>> options = {
      {"init", {"--share", "--keys", "--unit"}},
      {"enroll", {"--share", "--keys", "--site", "--replace", "--accept"}},
      {"revoke", {"--share", "--keys", "--device"}},
      {"publish",
       {"--share", "--keys", "--roster", "--activities", "--staff", "--sites", "--setting", "--allow-large-change"}},
      {"import", {"--share", "--keys", "--db"}},
      {"serve", {"--share", "--keys", "--db", "--import-every"}},
      {"status", {"--db", "--json", "--keys"}},
  };
  return options;
}

Args parse(const std::vector<std::string>& argv) {
  Args a;
  if (argv.empty()) throw UsageError{"no command"};
  a.command = argv[0];
  const auto known = knownOptions().find(a.command);
  if (known == knownOptions().end()) throw UsageError{"unknown command '" + a.command + "'"};
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& k = argv[i];
    if (k == "--help") {
      a.flags.insert(k);
      continue;
    }
    if (!known->second.count(k)) throw UsageError{"unknown option '" + k + "' for " + a.command};
    if (k == "--json" || k == "--allow-large-change" || k == "--replace" || k == "--accept") {
      a.flags.insert(k);
      continue;
    }
    if (i + 1 >= argv.size()) throw UsageError{"option " + k + " needs a value"};
    const std::string& v = argv[++i];
    if (k == "--setting") {
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) throw UsageError{"--setting takes key=value"};
      if (!a.settings.emplace(v.substr(0, eq), v.substr(eq + 1)).second)
        throw UsageError{"--setting " + v.substr(0, eq) + " given twice"};
      continue;
    }
    if (!a.values.emplace(k, v).second) throw UsageError{"option " + k + " given twice"};
  }
  return a;
}

int runInit(const Args& a) {
  const std::string share = a.need("--share");
  central::initShare(share, a.need("--keys"), a.get("--unit").value_or("Dagverk"));
  std::printf("Den centrala mappen %s är förberedd och nycklarna är skapade i %s.\n"
              "Koppla kioskerna med `dagverk-central enroll --site SITE` och publicera rostern med "
              "`dagverk-central publish`.\n",
              share.c_str(), a.need("--keys").c_str());
  return 0;
}

// Checks the kiosks' answers to codes; prints one line per request. True if all were accepted.
bool acceptRequests(const std::string& share, const std::string& keys, const Clock& clock) {
  const auto outcomes = central::acceptEnrolmentRequests(share, keys, clock);
  std::fputs(central::formatEnrolmentOutcomes(outcomes).c_str(), stdout);
  return std::all_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return o.accepted; });
}

int runEnroll(const Args& a, const Clock& clock) {
  const std::string share = a.need("--share");
  const std::string keys = a.need("--keys");
  if (a.flags.count("--accept")) {
    if (a.get("--site") || a.flags.count("--replace")) throw UsageError{"--accept takes no --site or --replace"};
    if (!acceptRequests(share, keys, clock)) {
      std::fprintf(stderr, "dagverk-central: Någon enhet registrerades inte; se ovan.\n");
      return 1;
    }
    return 0;
  }
  const auto offer = central::createEnrolmentOffer(share, keys, a.need("--site"), a.flags.count("--replace") != 0, clock);
  const LocalDateTime until = toStockholm(offer.expiresUtc);
  std::printf("Engångskod för verksamheten %s:\n\n    %s\n\n"
              "Skriv koden på kiosken (Personal → Koppla till central) senast %s %s (svensk tid).\n"
              "Kiosken registreras vid nästa import eller med `dagverk-central enroll --accept`.\n",
              offer.siteId.c_str(), sync::formatEnrolmentCode(offer.code).c_str(), formatIsoDate(until.date).c_str(),
              formatHourMinute(until).c_str());
  return 0;
}

int runRevoke(const Args& a, const Clock& clock) {
  const std::string device = a.need("--device");
  if (const auto share = a.get("--share")) central::loadKeysForShare(*share, a.need("--keys"));
  central::revokeDeviceKey(a.need("--keys"), device, clock);
  std::printf("Enhetens %s nyckel är spärrad. Batcher som den signerat och som inte importerats läggs i karantän.\n"
              "Koppla kiosken igen med en ny kod: dagverk-central enroll --site SITE --replace\n",
              device.c_str());
  return 0;
}

int runPublish(const Args& a, const Clock& clock) {
  PublishInput in;
  in.participantsCsv = a.need("--roster");
  in.activitiesCsv = a.need("--activities");
  in.staffCsv = a.need("--staff");
  if (auto s = a.get("--sites")) in.sitesCsv = *s;
  in.settings = a.settings;
  in.allowLargeChange = a.flags.count("--allow-large-change") != 0;
  const auto result = central::publishBundle(a.need("--share"), a.need("--keys"), in, clock);
  std::printf("Rostern är publicerad som version %lld.\nDeltagare per verksamhet:\n%s",
              static_cast<long long>(result.version), central::formatRosterChanges(result.changes).c_str());
  return 0;
}

// SQLite files never live on the share (locking over SMB is not to be trusted).
void refuseDatabaseInShare(const std::string& share, const std::string& db) {
  std::error_code ec1, ec2;
  const auto shareDir = fs::weakly_canonical(share, ec1);
  const auto dbPath = fs::weakly_canonical(db, ec2);
  if (!ec1 && !ec2) {
    const auto rel = dbPath.lexically_relative(shareDir);
    if (!rel.empty() && *rel.begin() != "..")
      throw DagverkError(ErrorCode::BadInput,
                         "Den centrala databasen får inte ligga i den centrala mappen. Ange en fil på den här "
                         "datorn med --db.",
                         "refusing a database inside the share: " + db);
  }
}

int runImportCommand(const Args& a, const Clock& clock) {
  const std::string share = a.need("--share");
  const std::string keys = a.need("--keys");
  const std::string db = a.need("--db");
  // The share first: an unmounted share must not create an empty database or look "empty".
  central::loadKeysForShare(share, keys);
  refuseDatabaseInShare(share, db);
  auto store = CentralStore::open(db);
  // Requests first: a kiosk enrolled just now has its first batch imported in the same run.
  acceptRequests(share, keys, clock);
  const ImportSummary s = central::runImport(share, keys, *store, clock);
  std::fputs(central::formatImportSummary(s).c_str(), stdout);
  if (!s.ok()) {
    std::fprintf(stderr, "dagverk-central: %s\n",
                 s.batchesQuarantined > 0 ? "Några batcher lades i karantän; se sammanfattningen ovan."
                 : s.receiptDiskFull      ? "Disken är full i den centrala mappen: några kvitton kunde inte skrivas. "
                                            "Frigör utrymme och kör importen igen."
                                          : "Några kvitton kunde inte skrivas; kör importen igen.");
    return 1;
  }
  return 0;
}

// "30s", "15m", "2h" or plain seconds; at least 10 s (an import every moment only wears the share).
std::int64_t parseIntervalMs(const std::string& text) {
  std::int64_t unit = 1000;
  std::string digits = text;
  if (!digits.empty() && (digits.back() == 's' || digits.back() == 'm' || digits.back() == 'h')) {
    unit = digits.back() == 's' ? 1000 : digits.back() == 'm' ? 60000 : 3600000;
    digits.pop_back();
  }
  if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError{"--import-every takes an interval such as 30s, 15m or 1h"};
  const std::int64_t ms = std::stoll(digits) * unit;
  if (ms < 10000) throw UsageError{"--import-every must be at least 10s"};
  return ms;
}

// One import run of the service, as one English log line (counts and ids only). A run that
// cannot start (share not mounted, keys missing) is logged and the service waits for the next.
void serveOnce(const std::string& share, const std::string& keys, CentralStore& store, const Clock& clock) {
  const std::int64_t started = platform::monotonicMs();
  try {
    central::loadKeysForShare(share, keys);
    for (const auto& o : central::acceptEnrolmentRequests(share, keys, clock))
      if (o.accepted) platform::logInfo("enrolled device " + o.deviceId + " for site " + o.siteId);
    const ImportSummary s = central::runImport(share, keys, store, clock);
    platform::logInfo("import run: " + std::to_string(s.batchesImported) + " batches imported, " +
                      std::to_string(s.batchesAlreadyImported) + " already imported, " +
                      std::to_string(s.batchesQuarantined) + " quarantined, " + std::to_string(s.newEvents) +
                      " new events, " + std::to_string(s.duplicateEvents) + " duplicate events, " +
                      std::to_string(s.receiptsWritten) + " receipts, " + std::to_string(s.receiptErrors) +
                      " receipt errors, roster version " + std::to_string(s.rosterVersion) + ", " +
                      std::to_string(platform::monotonicMs() - started) + " ms" + (s.ok() ? std::string() : std::string(" (not ok)")));
    for (const auto& q : s.quarantined)
      platform::logError("quarantined " + q.fileName + " from device " + q.deviceId + ": " + q.reason);
  } catch (const DagverkError& e) {
    platform::logError(std::string("import run failed: ") + e.english());
  }
}

int runServe(const Args& a, const Clock& clock) {
  const std::string share = a.need("--share");
  const std::string keys = a.need("--keys");
  const std::string db = a.need("--db");
  const std::int64_t everyMs = parseIntervalMs(a.get("--import-every").value_or("15m"));
  // Before anything else: a stop request during an import waits until that import is done.
  platform::blockStopSignals();
  refuseDatabaseInShare(share, db);
  auto store = CentralStore::open(db);
  platform::logInfo(std::string("dagverk-central ") + kVersionText + " serving, import every " +
                    std::to_string(everyMs / 1000) + " s");
  for (;;) {
    serveOnce(share, keys, *store, clock);
    if (const int sig = platform::waitForStopSignal(everyMs)) {
      platform::logInfo("stopping on signal " + std::to_string(sig));
      return 0;
    }
  }
}

int runStatusCommand(const Args& a) {
  auto store = CentralStore::openExisting(a.need("--db"));
  const bool json = a.flags.count("--json") != 0;
  if (json && a.get("--keys")) throw UsageError{"--keys is for the plain text status only"};
  const std::string out = json ? central::formatStatusJson(*store) : central::formatStatusText(*store);
  std::fputs(out.c_str(), stdout);
  if (const auto keys = a.get("--keys")) std::fputs(central::formatEnrolledDevices(*keys).c_str(), stdout);
  return 0;
}

} // namespace

int runCentralCli(const std::vector<std::string>& argv) {
  if (!argv.empty() && argv[0] == "report")
    return report::runReportCommand(std::vector<std::string>(argv.begin() + 1, argv.end()));
  if (!argv.empty() && argv[0] == "sheets") return runSheetsCommand(std::vector<std::string>(argv.begin() + 1, argv.end()));
  if (!argv.empty() && (argv[0] == "--help" || argv[0] == "help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!argv.empty() && argv[0] == "--version") {
    std::printf("dagverk-central %s\n", kVersionText);
    return 0;
  }
  platform::SystemClock clock;
  try {
    const Args a = parse(argv);
    if (a.flags.count("--help")) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a.command == "init") return runInit(a);
    if (a.command == "enroll") return runEnroll(a, clock);
    if (a.command == "revoke") return runRevoke(a, clock);
    if (a.command == "publish") return runPublish(a, clock);
    if (a.command == "import") return runImportCommand(a, clock);
    if (a.command == "serve") return runServe(a, clock);
    return runStatusCommand(a);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "dagverk-central: %s\n\n%s", e.message.c_str(), kUsage);
    return 2;
  } catch (const DagverkError& e) {
    std::fprintf(stderr, "dagverk-central: %s\n", e.swedish().c_str());
    platform::logError(e.english());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dagverk-central: oväntat fel.\n");
    platform::logError(e.what());
    return 1;
  }
}

} // namespace dagverk::central_tool
