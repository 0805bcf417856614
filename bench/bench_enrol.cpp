// Enrolment by one-time code, end to end in-process on real files: central makes the code and
// the offer (one Argon2id stretch), the kiosk finds the offer its code opens (one stretch), pins
// central's keys in its SQLite store and writes its request, central checks the request and
// enrols the kiosk. Goal: a whole enrolment under 2 s on this machine.
//
// Baselines from the same run: one crypto_pwhash with libsodium's INTERACTIVE limits (what a
// staff PIN hash costs), and a plain Ed25519 sign + verify (what enrolment would cost with no
// stretch at all). Also the code stretch alone with our limits (sync::kEnrolPwhash*).
//
//   build/bench/bench_enrol [--runs N] [--dir D] [--keep] [--quick]
#include "BenchUtil.hpp"

#include "central/Admin.hpp"
#include "central/Enrol.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace dagverk;
using namespace dagverk::bench;

namespace {

double secondsSince(std::int64_t t0) { return static_cast<double>(monoNs() - t0) / 1e9; }

double pwhashInteractive() {
  unsigned char out[32];
  unsigned char salt[crypto_pwhash_SALTBYTES] = {};
  const char pw[] = "K7RM4XQ2HW";
  const std::int64_t t0 = monoNs();
  if (crypto_pwhash(out, sizeof out, pw, sizeof pw - 1, salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                    crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("crypto_pwhash ran out of memory");
  return secondsSince(t0);
}

double signVerify() {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
  crypto_sign_keypair(pk, sk);
  const char msg[] = "dagverk-enrol-request 1";
  const std::int64_t t0 = monoNs();
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(msg), sizeof msg, sk);
  if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(msg), sizeof msg, pk) != 0)
    throw std::runtime_error("signature does not verify");
  return secondsSince(t0);
}

double ourStretch() {
  sync::EnrolSalt salt{};
  const std::int64_t t0 = monoNs();
  auto key = sync::stretchEnrolmentCode("K7RM4XQ2HW", salt);
  const double s = secondsSince(t0);
  sodium_memzero(key.data(), key.size());
  return s;
}

struct Enrolment {
  double central = 0, kiosk = 0, accept = 0;
  double total() const { return central + kiosk + accept; }
};

// One whole enrolment in a fresh share, key directory and kiosk. Only the three steps are timed.
Enrolment enrolOnce(const fs::path& dir, int run) {
  const fs::path base = dir / ("run-" + std::to_string(run));
  const fs::path share = base / "share", keys = base / "keys", data = base / "kiosk";
  fs::create_directories(share);
  central::initShare(share, keys, "Benchenheten");
  ManualClock clock(1'764'000'000'000);
  auto store = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  Enrolment e;
  std::int64_t t0 = monoNs();
  const auto offer = central::createEnrolmentOffer(share, keys, "liljan", false, clock);
  e.central = secondsSince(t0);
  t0 = monoNs();
  sync::enrolKiosk(*store, data, share, offer.code, clock);
  e.kiosk = secondsSince(t0);
  t0 = monoNs();
  const auto outcomes = central::acceptEnrolmentRequests(share, keys, clock);
  e.accept = secondsSince(t0);
  if (outcomes.size() != 1 || !outcomes[0].accepted) throw std::runtime_error("the enrolment was refused");
  return e;
}

} // namespace

int main(int argc, char** argv) {
  int runs = 7;
  std::string dirArg;
  bool keep = false, quick = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--dir" && i + 1 < argc) dirArg = argv[++i];
    else if (a == "--keep") keep = true;
    else if (a == "--quick") quick = true;
    else {
      std::fprintf(stderr, "usage: bench_enrol [--runs N] [--dir D] [--keep] [--quick]\n");
      return 2;
    }
  }
  if (quick) runs = 1;
  if (sodium_init() < 0) return 1;
  try {
    ScratchDir dir(dirArg, "bench-enrol", keep);
    std::vector<double> interactive, sign, stretch, central, kiosk, accept, total;
    for (int r = 0; r < runs; ++r) {
      interactive.push_back(pwhashInteractive());
      sign.push_back(signVerify());
      stretch.push_back(ourStretch());
      const Enrolment e = enrolOnce(dir.path(), r);
      central.push_back(e.central);
      kiosk.push_back(e.kiosk);
      accept.push_back(e.accept);
      total.push_back(e.total());
    }
    const double base = median(interactive);
    std::printf("bench_enrol: %d runs, Argon2id limits ops=%llu mem=%zu MiB (INTERACTIVE: ops=%llu mem=%zu MiB)\n",
                runs, static_cast<unsigned long long>(sync::kEnrolPwhashOps), sync::kEnrolPwhashMem >> 20,
                static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE),
                static_cast<std::size_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE) >> 20);
    std::printf("baseline:   crypto_pwhash INTERACTIVE   median %8.1f ms\n", base * 1e3);
    std::printf("baseline:   Ed25519 sign + verify       median %8.3f ms\n", median(sign) * 1e3);
    std::printf("ours:       code stretch (one side)     median %8.1f ms  (%.2f x INTERACTIVE)\n",
                median(stretch) * 1e3, median(stretch) / base);
    std::printf("ours:       central: code + offer       median %8.1f ms\n", median(central) * 1e3);
    std::printf("ours:       kiosk: find offer, pin, ask median %8.1f ms\n", median(kiosk) * 1e3);
    std::printf("ours:       central: accept request     median %8.1f ms\n", median(accept) * 1e3);
    std::printf("ours:       whole enrolment             median %8.1f ms  (%.2f x INTERACTIVE), max %.1f ms\n",
                median(total) * 1e3, median(total) / base, percentile(total, 100) * 1e3);
    std::printf("goal:       whole enrolment < 2000 ms: %s\n", median(total) < 2.0 ? "met" : "MISSED");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_enrol: %s\n", e.what());
    return 1;
  }
  return 0;
}
