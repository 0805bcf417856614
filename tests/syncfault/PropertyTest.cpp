// Stateful property: any mix of duplicated, reordered, lost and re-sent batches from
// two kiosks leaves central equal to the union of their events, each exactly once.
//
// RapidCheck generates a list of commands; each case runs them on a fresh world: two real kiosk
// data directories (KioskStore, a ManualClock), a real share directory, and a real central
// database, with the same code paths as `dagverk sync` (sync::runSync) and
// `dagverk-central import` (central::runImport), in-process for speed.
#include "SyncFaultSupport.hpp"

#include "central/Admin.hpp"
#include "central/CentralStore.hpp"
#include "central/Enrol.hpp"
#include "central/Import.hpp"
#include "core/LocalTime.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "sync/SyncFormat.hpp"

#include <rapidcheck.h>
#include <rapidcheck/catch.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

enum class Op {
  Record,     // check someone in or out on kiosk `k`
  Sync,       // kiosk `k` syncs (writes a batch of everything unacknowledged, reads receipts)
  Duplicate,  // a batch (with its manifest) copied under a new name
  Lose,       // a batch and its manifest deleted from the share
  LoseReceipt,// a receipt deleted from the share before the kiosk read it
  ImportOne,  // import with only kiosk `k`'s inbox on the share (the other's arrives later)
  Import,     // import everything
};

struct Step {
  Op op = Op::Record;
  int kiosk = 0; // 0 or 1
  int pick = 0;  // which file, modulo the number there is
};

std::string opName(Op op) {
  switch (op) {
  case Op::Record: return "record";
  case Op::Sync: return "sync";
  case Op::Duplicate: return "duplicate";
  case Op::Lose: return "lose";
  case Op::LoseReceipt: return "lose-receipt";
  case Op::ImportOne: return "import-one";
  case Op::Import: return "import";
  }
  return "?";
}

std::ostream& operator<<(std::ostream& os, const Step& c) {
  return os << opName(c.op) << "(k" << c.kiosk << ", " << c.pick << ")";
}

struct PropKiosk {
  fs::path data;
  std::string deviceId;
  std::unique_ptr<store::KioskStore> store;
};

// A share, central keys and two kiosks enrolled by code as an admin does it (one offer each,
// answered by the kiosk, accepted by central), made once per start time: each case copies it,
// since two Argon2id stretches per kiosk in each of ~80 cases would dominate the run.
const fs::path& enrolledTemplate(UtcMs start) {
  static std::map<UtcMs, std::unique_ptr<TempDir>> made;
  auto& dir = made[start];
  if (dir) return dir->path();
  dir = std::make_unique<TempDir>("prop-template");
  ManualClock clock(start);
  const fs::path share = *dir / "share", keys = *dir / "keys";
  fs::create_directories(share);
  central::initShare(share, keys, "Dagverk egenskapstest");
  for (int i = 0; i < 2; ++i) {
    const fs::path data = *dir / ("kiosk" + std::to_string(i));
    auto store = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    const auto offer = central::createEnrolmentOffer(share, keys, "liljan", false, clock);
    sync::enrolKiosk(*store, data, share, offer.code, clock);
  }
  const auto outcomes = central::acceptEnrolmentRequests(share, keys, clock);
  REQUIRE(outcomes.size() == 2);
  for (const auto& o : outcomes) REQUIRE(o.accepted);
  return dir->path();
}

class PropWorld {
public:
  explicit PropWorld(UtcMs start) : tmp_("prop"), clock_(start) {
    share_ = tmp_ / "share";
    keys_ = tmp_ / "keys";
    hold_ = tmp_ / "hold";
    fs::create_directories(hold_);
    const fs::path& from = enrolledTemplate(start);
    for (const char* part : {"share", "keys", "kiosk0", "kiosk1"})
      fs::copy(from / part, tmp_ / part, fs::copy_options::recursive);
    central_ = central::CentralStore::open(tmp_ / "central.sqlite");
    for (int i = 0; i < 2; ++i) {
      PropKiosk k;
      k.data = tmp_ / ("kiosk" + std::to_string(i));
      k.store = store::KioskStore::open(k.data, clock_);
      k.deviceId = k.store->deviceId();
      kiosks_.push_back(std::move(k));
    }
  }

  void run(const Step& c) {
    clock_.advanceMs(60 * 1000);
    PropKiosk& k = kiosks_[static_cast<size_t>(c.kiosk)];
    switch (c.op) {
    case Op::Record: {
      const auto people = k.store->roster().participants("liljan");
      const auto& p = people[static_cast<size_t>(c.pick) % people.size()];
      if (k.store->presence().isPresent(p.id))
        store::perform(*k.store, cmd::CheckOut{p.id, std::nullopt});
      else
        store::perform(*k.store, cmd::CheckIn{p.id, std::nullopt});
      break;
    }
    case Op::Sync: sync::runSync(*k.store, k.data, share_, clock_); break;
    case Op::Duplicate: {
      const auto batches = files(".batch");
      if (batches.empty()) break;
      const fs::path b = batches[static_cast<size_t>(c.pick) % batches.size()];
      const std::string copy = "copy" + std::to_string(++copies_) + "-" + b.stem().string();
      fs::copy_file(b, b.parent_path() / (copy + ".batch"));
      const fs::path m = fs::path(b).replace_extension(".manifest");
      if (fs::exists(m)) fs::copy_file(m, b.parent_path() / (copy + ".manifest"));
      break;
    }
    case Op::Lose: {
      const auto batches = files(".batch");
      if (batches.empty()) break;
      const fs::path b = batches[static_cast<size_t>(c.pick) % batches.size()];
      fs::remove(b);
      fs::remove(fs::path(b).replace_extension(".manifest"));
      break;
    }
    case Op::LoseReceipt: {
      const auto receipts = files(".receipt");
      if (receipts.empty()) break;
      fs::remove(receipts[static_cast<size_t>(c.pick) % receipts.size()]);
      break;
    }
    case Op::ImportOne: {
      // The other kiosk's inbox is away for this import (its files arrive later).
      const PropKiosk& other = kiosks_[static_cast<size_t>(1 - c.kiosk)];
      const fs::path inbox = share_ / "inbox" / "liljan" / other.deviceId;
      const fs::path away = hold_ / other.deviceId;
      const bool moved = fs::exists(inbox);
      if (moved) fs::rename(inbox, away);
      central::runImport(share_, keys_, *central_, clock_);
      if (moved) fs::rename(away, inbox);
      break;
    }
    case Op::Import: central::runImport(share_, keys_, *central_, clock_); break;
    }
  }

  // Both kiosks sync, central imports, both sync again (receipts come back).
  void finish() {
    for (auto& k : kiosks_) sync::runSync(*k.store, k.data, share_, clock_);
    clock_.advanceMs(60 * 1000);
    central::runImport(share_, keys_, *central_, clock_);
    clock_.advanceMs(60 * 1000);
    for (auto& k : kiosks_) sync::runSync(*k.store, k.data, share_, clock_);
  }

  std::multiset<std::string> kioskEvents() const {
    std::multiset<std::string> ids;
    for (const auto& k : kiosks_) {
      RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
      for (auto& r : raw.rows("SELECT id FROM event")) ids.insert(r[0]);
    }
    return ids;
  }
  std::multiset<std::string> centralEvents() const {
    std::multiset<std::string> ids;
    RawDb raw(tmp_ / "central.sqlite", SQLITE_OPEN_READONLY);
    for (auto& r : raw.rows("SELECT id FROM event")) ids.insert(r[0]);
    return ids;
  }
  long long unacked() const {
    long long n = 0;
    for (const auto& k : kiosks_) {
      RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
      n += raw.integer("SELECT count(*) FROM event WHERE seq NOT IN (SELECT event_seq FROM sync_acked)");
    }
    return n;
  }

private:
  std::vector<fs::path> files(const std::string& suffix) const {
    std::vector<fs::path> out;
    for (const auto& f : filesUnder(share_))
      if (endsWith(f, suffix)) out.push_back(share_ / f);
    return out;
  }

  TempDir tmp_;
  ManualClock clock_;
  fs::path share_, keys_, hold_;
  std::unique_ptr<central::CentralStore> central_;
  std::vector<PropKiosk> kiosks_;
  int copies_ = 0;
};

rc::Gen<Step> genCommand() {
  return rc::gen::build<Step>(
      rc::gen::set(&Step::op, rc::gen::weightedElement<Op>({{6, Op::Record},
                                                               {4, Op::Sync},
                                                               {1, Op::Duplicate},
                                                               {1, Op::Lose},
                                                               {1, Op::LoseReceipt},
                                                               {1, Op::ImportOne},
                                                               {2, Op::Import}})),
      rc::gen::set(&Step::kiosk, rc::gen::inRange(0, 2)), rc::gen::set(&Step::pick, rc::gen::inRange(0, 1000)));
}

UtcMs wallNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace

TEST_CASE("Property: duplicated or reordered or lost or re-sent batches from two kiosks leave central equal "
          "to their union") {
  // ~80 cases of up to ~60 commands: well under a minute, also under ASan. RC_PARAMS overrides.
  if (!std::getenv("RC_PARAMS")) ::setenv("RC_PARAMS", "max_success=80 max_size=60", 1);
  // The worlds live in memory (fsync on a tmpfs is free); the code paths are the same.
  if (fs::is_directory("/dev/shm") && !std::getenv("DAGVERK_PROPERTY_ON_DISK")) ::setenv("TMPDIR", "/dev/shm", 1);

  int cases = 0;
  long long events = 0;
  rc::prop("central == union of both kiosks' events, each once", [&] {
    const auto commands = *rc::gen::container<std::vector<Step>>(genCommand());
    // Today at 08:00 in Stockholm, not the wall clock itself: a case of up to 60 commands of
    // a minute each must not cross midnight, where the nightly check-out (which this world
    // does not run) would be due.
    PropWorld world(fromStockholm(toStockholm(wallNow()).date, 8, 0));
    for (const auto& c : commands) world.run(c);
    world.finish();
    const auto kiosk = world.kioskEvents();
    const auto central = world.centralEvents();
    RC_ASSERT(std::set<std::string>(central.begin(), central.end()).size() == central.size());
    RC_ASSERT(central == kiosk);
    RC_ASSERT(world.unacked() == 0LL);
    ++cases;
    events += static_cast<long long>(kiosk.size());
    RC_CLASSIFY(commands.size() > 20, "long");
  });
  WARN(cases << " cases, " << events << " events in all");
}
