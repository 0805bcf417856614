// What a reader of the share learns from a kiosk's files (only what import needs before opening
// a batch), and what is left in memory after a secret key is gone.
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"
#include "SyncTestSupport.hpp"

#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <memory>

using namespace dagverk;
using namespace dagverk::sync;
using dagverk::test::sampleBatch;
using dagverk::test::SyncTempDir;

namespace {

DeviceKey testDeviceKey() {
  REQUIRE(sodium_init() >= 0);
  DeviceKey k;
  k.deviceId = "dev-1";
  crypto_sign_keypair(k.signPk.data(), k.signSk.data());
  return k;
}

PublicKey testCentralBoxPk() {
  PublicKey pk{};
  unsigned char sk[crypto_box_SECRETKEYBYTES];
  crypto_box_keypair(pk.data(), sk);
  return pk;
}

} // namespace

TEST_CASE("a manifest tells nothing about how many events its batch holds") {
  const auto key = testDeviceKey();
  const auto b = sampleBatch("dev-1", 7);
  const std::string bytes = sealBatch(b, key, testCentralBoxPk());
  Manifest m;
  m.batchFile = "00000004-x.batch";
  m.batchId = b.batchId;
  m.deviceId = b.deviceId;
  m.siteId = b.siteId;
  m.batchSeq = b.batchSeq;
  m.byteSize = static_cast<std::int64_t>(bytes.size());
  m.sha256 = sha256Hex(bytes);
  m.schemaVersion = b.schemaVersion;
  const std::string json = encodeManifest(m);
  INFO(json);
  CHECK(json.find("eventCount") == std::string::npos);
  CHECK(json.find("firstSeq") == std::string::npos);
  CHECK(json.find("lastSeq") == std::string::npos);
  CHECK(json.find("batchId") != std::string::npos);
}

TEST_CASE("batches of 1 and of 40 events have the same file size") {
  const auto key = testDeviceKey();
  const auto central = testCentralBoxPk();
  const auto one = sealBatch(sampleBatch("dev-1", 1), key, central);
  const auto forty = sealBatch(sampleBatch("dev-1", 40), key, central);
  CHECK(one.size() == forty.size());
  // Far more events do land in a larger bucket: the padding is a bucket, not a fixed size.
  const auto many = sealBatch(sampleBatch("dev-1", 2000), key, central);
  CHECK(many.size() > forty.size());
}

TEST_CASE("a device's secret key is gone from memory once its key object is") {
  const auto key = std::make_unique<DeviceKey>(testDeviceKey());
  std::array<unsigned char, 64> copy{};
  std::memcpy(copy.data(), key->signSk.data(), copy.size());
  auto* owned = new DeviceKey(*key);
  const unsigned char* where = owned->signSk.data();
  delete owned;
  // Reading where the secret was, in a child so that a fault there cannot end the test run: the
  // secret must not be readable any more (the page is gone, or its bytes are no longer the key).
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // A fault here is the expected outcome: end quietly, without the test framework's (or
    // AddressSanitizer's) handler reporting it as a failure from the child.
    struct sigaction quiet {};
    quiet.sa_handler = [](int) { ::_exit(2); };
    ::sigaction(SIGSEGV, &quiet, nullptr);
    ::sigaction(SIGBUS, &quiet, nullptr);
    const volatile unsigned char* p = where;
    int same = 0;
    for (std::size_t i = 0; i < copy.size(); ++i) same += p[i] == copy[i] ? 1 : 0;
    ::_exit(same == static_cast<int>(copy.size()) ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  const bool secretStillThere = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  CHECK_FALSE(secretStillThere);
}

TEST_CASE("secret key bytes copy, compare in constant time and start as zeros") {
  SigningSecret a;
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a.data()[i] == 0);
  a.data()[5] = 7;
  SigningSecret b = a;
  CHECK(b == a);
  CHECK(b.data() != a.data()); // a copy of its own, locked and wiped on its own
  b.data()[5] = 8;
  CHECK(b != a);
  b = a;
  CHECK(b == a);
}

TEST_CASE("a secret buffer never grows past its capacity") {
  SecretBuffer buf(8);
  buf.append("abcd", 4);
  buf.append("efgh", 4);
  CHECK(buf.view() == "abcdefgh");
  CHECK_THROWS_AS(buf.append("i", 1), std::length_error);
  CHECK(buf.size() == 8);
}

TEST_CASE("a receipt tells a reader of the share only which batch arrived, not how many events") {
  REQUIRE(sodium_init() >= 0);
  SyncTempDir dir;
  const CentralKeys central = createCentralKeys(dir / "keys");
  Receipt r;
  r.deviceId = "dev-1";
  r.batchSeq = 4;
  r.batchId = "0190a0b0-1111-7000-8000-000000000001";
  r.sha256 = sha256Hex("x");
  r.importedUtc = 1'780'000'999'000;
  const std::string bytes = signReceipt(r, central);
  // magic (4), format (1), body length (4), body, signature (64): the body holds exactly the
  // batch's identity and the import time.
  REQUIRE(bytes.size() > 9 + crypto_sign_BYTES);
  detail::PayloadReader p(std::string_view(bytes).substr(9, bytes.size() - 9 - crypto_sign_BYTES));
  CHECK(p.u32() == 2);
  CHECK(p.str() == r.deviceId);
  CHECK(p.i64() == r.batchSeq);
  CHECK(p.str() == r.batchId);
  CHECK(p.str() == r.sha256);
  CHECK(p.i64() == r.importedUtc);
  CHECK_NOTHROW(p.finish());
}
