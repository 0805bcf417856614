// bench_publish: `dagverk-central publish` for a unit of 100 sites, one kiosk enrolled per site.
//
// The unit: 100 sites with 15 participants, 4 activities and 4 staff each, 3 admins of every
// site ("*") and 50 staff who work at two sites. Every run publishes the same roster again
// through central::publishBundle on one share (the real function: reads and verifies the newest
// bundle, validates the CSV files, compares the participants, splits the roster by site, seals
// one bundle per site to that site's kiosk plus the unit's to central, writes each with O_EXCL +
// fsync + link, and reads each back).
//
// Baseline in the same run: the same roster published the way it was before bundles were split
// by site: the same files validated, ONE bundle of the whole unit sealed to all 100 kiosks,
// written and read back the same way. Goal: ours under 5 s for 100 sites. Medians over the runs.
#include "BenchUtil.hpp"

#include "central/Admin.hpp"
#include "core/RosterCsv.hpp"
#include "platform/FileSystem.hpp"
#include "platform/TimeZone.hpp"
#include "sync/SyncFormat.hpp"

namespace {

using namespace dagverk;
using namespace dagverk::bench;

struct Config {
  int sites = 100;
  int perSite = 15;
  int runs = 5;
};

struct UnitFiles {
  std::string sites, participants, activities, staff;
};

UnitFiles makeUnit(const Config& c) {
  // One real Argon2id hash (the demo unit's) for every staff member: hashing is not what is measured.
  const std::string hash = "\"$argon2id$v=19$m=65536,t=2,p=1$9kGc2MVQEEpDmYGn+CT4OQ$Jnsw4eMbuITpIB9Kk9XBkuwByvtQO9o13Yd4YwNFABQ\"";
  UnitFiles u;
  u.sites = "site_id,name,places,opens,closes\n";
  u.participants = "participant_id,site_id,first_name,initial,weekdays,photo\n";
  u.activities = "activity_id,site_id,name,category\n";
  u.staff = "staff_id,site_id,first_name,initial,role,pin_hash\n";
  int pid = 0, sid = 0;
  for (int s = 0; s < c.sites; ++s) {
    const std::string site = "site" + std::to_string(s + 1);
    u.sites += site + ",Verksamhet " + std::to_string(s + 1) + ",30,08:00,16:00\n";
    for (int a = 0; a < 4; ++a)
      u.activities += site + "-a" + std::to_string(a) + "," + site + ",Aktivitet " + std::to_string(a) + ",Skapande\n";
    for (int p = 0; p < c.perSite; ++p)
      u.participants += "P" + std::to_string(++pid) + "," + site + ",Deltagare,A," + (p % 4 ? "12345" : "1234") + ",\n";
    for (int m = 0; m < 4; ++m) u.staff += "S" + std::to_string(++sid) + "," + site + ",Personal,B,staff," + hash + "\n";
  }
  for (int m = 0; m < 50 && c.sites > 1; ++m)
    u.staff += "S" + std::to_string(++sid) + ",site" + std::to_string(m % c.sites + 1) + " site" +
               std::to_string((m + 1) % c.sites + 1) + ",Delad,C,assistant_manager," + hash + "\n";
  for (int m = 0; m < 3; ++m) u.staff += "S" + std::to_string(++sid) + ",*,Admin,D,admin," + hash + "\n";
  return u;
}

// The way publish worked before: one bundle of the whole unit, sealed to every kiosk.
double publishAsOneBundle(const UnitFiles& u, const fs::path& share, const sync::CentralKeys& keys,
                          const std::vector<sync::EnrolledDevice>& kiosks, std::int64_t version) {
  const std::int64_t t0 = monoNs();
  RosterFiles roster = parseRosterCsv(u.sites, u.participants, u.activities);
  parseStaffCsv(u.staff, roster);
  sync::BundleContents b;
  b.version = version;
  b.unit = "Benchenheten";
  b.sitesCsv = u.sites;
  b.participantsCsv = u.participants;
  b.activitiesCsv = u.activities;
  b.staffCsv = u.staff;
  const fs::path file = share / "one-bundle" / (std::to_string(version) + ".bundle");
  platform::writeFileNoReplace(file, sync::sealBundle(b, keys, kiosks));
  if (sync::openBundleAsCentral(platform::readWholeFile(file), keys).version != version)
    throw std::runtime_error("baseline bundle read back wrong");
  return static_cast<double>(monoNs() - t0) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_publish")) return 1;
  try {
    Config c;
    bool keep = false;
    std::string dirArg;
    ArgReader args{argc, argv};
    while (!args.done()) {
      const std::string o = args.next();
      if (o == "--quick") {
        c.sites = 3;
        c.perSite = 4;
        c.runs = 2;
      } else if (o == "--runs") c.runs = static_cast<int>(args.number(o));
      else if (o == "--sites") c.sites = static_cast<int>(args.number(o));
      else if (o == "--dir") dirArg = args.value(o);
      else if (o == "--keep") keep = true;
      else {
        std::fprintf(stderr, "usage: bench_publish [--quick] [--sites N] [--runs N] [--dir D] [--keep]\n");
        return 2;
      }
    }
    ScratchDir scratch(dirArg, "bench-publish", keep);
    const fs::path share = scratch.path() / "share", keys = scratch.path() / "keys", in = scratch.path() / "in";
    fs::create_directories(share);
    fs::create_directories(in);
    fs::create_directories(share / "one-bundle");
    central::initShare(share, keys, "Benchenheten");
    const sync::CentralKeys centralKeys = sync::loadCentralKeys(keys);
    const UnitFiles u = makeUnit(c);
    platform::writeFileAtomically(in / "sites.csv", u.sites);
    platform::writeFileAtomically(in / "participants.csv", u.participants);
    platform::writeFileAtomically(in / "activities.csv", u.activities);
    platform::writeFileAtomically(in / "staff.csv", u.staff);
    std::vector<sync::EnrolledDevice> kiosks;
    for (int s = 0; s < c.sites; ++s) {
      const fs::path dir = scratch.path() / ("kiosk" + std::to_string(s + 1));
      fs::create_directories(dir);
      const auto key = sync::loadOrCreateDeviceKey(dir, "kiosk" + std::to_string(s + 1));
      kiosks.push_back({key.deviceId, "site" + std::to_string(s + 1), key.signPk});
    }
    for (const auto& k : kiosks) sync::enrollDevice(keys, k);

    std::printf("bench_publish: publish for %d sites (%d participants each), one kiosk per site, %d runs\n",
                c.sites, c.perSite, c.runs);
    central::PublishInput input;
    input.sitesCsv = in / "sites.csv";
    input.participantsCsv = in / "participants.csv";
    input.activitiesCsv = in / "activities.csv";
    input.staffCsv = in / "staff.csv";
    const ManualClock clock(1'767'225'600'000);
    std::vector<double> ours, base;
    for (int r = 0; r < c.runs; ++r) {
      base.push_back(publishAsOneBundle(u, share, centralKeys, kiosks, r + 1));
      const std::int64_t t0 = monoNs();
      const auto result = central::publishBundle(share, keys, input, clock);
      ours.push_back(static_cast<double>(monoNs() - t0) / 1e9);
      if (result.version != r + 1) throw std::runtime_error("published an unexpected version");
    }
    const double b = median(base), o = median(ours);
    std::printf("  baseline (one bundle of the unit, sealed to all %d kiosks): median %.3f s\n", c.sites, b);
    std::printf("  ours (one bundle per site + the unit's for central):        median %.3f s\n", o);
    std::printf("  ratio ours/baseline: %.2f   goal: ours < 5 s for 100 sites: %s\n", o / b,
                c.sites < 100 ? "n/a (fewer sites)" : (o < 5.0 ? "met" : "NOT met"));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_publish: %s\n", e.what());
    return 1;
  }
}
