// Batches, receipts and bundles: round trips, and every way a file can be wrong.
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"
#include "SyncTestSupport.hpp"

#include <sodium.h>

using namespace dagverk;
using namespace dagverk::sync;
using dagverk::test::expectError;
using dagverk::test::sampleBatch;
using dagverk::test::SyncTempDir;
namespace fs = std::filesystem;

namespace {

// Deterministic keys, so that failures reproduce.
DeviceKey deviceKey(const std::string& id, unsigned char seedByte) {
  REQUIRE(sodium_init() >= 0);
  DeviceKey k;
  k.deviceId = id;
  unsigned char seed[crypto_sign_SEEDBYTES];
  std::fill(std::begin(seed), std::end(seed), seedByte);
  crypto_sign_seed_keypair(k.signPk.data(), k.signSk.data(), seed);
  std::fill(std::begin(seed), std::end(seed), static_cast<unsigned char>(seedByte + 0x10));
  crypto_box_seed_keypair(k.boxPk.data(), k.boxSk.data(), seed);
  return k;
}

CentralKeys centralKeys(unsigned char seedByte) {
  REQUIRE(sodium_init() >= 0);
  CentralKeys c;
  unsigned char seed[32];
  std::fill(std::begin(seed), std::end(seed), seedByte);
  crypto_box_seed_keypair(c.boxPk.data(), c.boxSk.data(), seed);
  seed[0] ^= 0x55;
  crypto_sign_seed_keypair(c.signPk.data(), c.signSk.data(), seed);
  return c;
}

void checkSame(const BatchContents& a, const BatchContents& b) {
  CHECK(a.batchId == b.batchId);
  CHECK(a.deviceId == b.deviceId);
  CHECK(a.siteId == b.siteId);
  CHECK(a.batchSeq == b.batchSeq);
  CHECK(a.schemaVersion == b.schemaVersion);
  CHECK(a.createdUtc == b.createdUtc);
  REQUIRE(a.events.size() == b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    const auto& x = a.events[i];
    const auto& y = b.events[i];
    CHECK(x.id == y.id);
    CHECK(x.deviceId == y.deviceId);
    CHECK(x.seq == y.seq);
    CHECK(x.recordedUtc == y.recordedUtc);
    CHECK(x.zone == y.zone);
    CHECK(x.siteId == y.siteId);
    CHECK(x.actorStaffId == y.actorStaffId);
    CHECK(x.kind == y.kind);
    CHECK(x.subjectId == y.subjectId);
    CHECK(x.payloadJson == y.payloadJson);
    CHECK(x.schemaVersion == y.schemaVersion);
  }
}

BundleContents sampleBundle(std::int64_t version) {
  BundleContents b;
  b.version = version;
  b.createdUtc = 1'780'000'000'000;
  b.unit = "Dagverk demo-enheten";
  b.sitesCsv = "site_id,name\r\ngubbangen,Gubbängen\r\n";
  b.participantsCsv = "participant_id,site_id,first_name\r\np1,gubbangen,Åsa\r\n";
  b.activitiesCsv = "activity_id,site_id,name\r\na1,gubbangen,Promenad\r\n";
  b.staffCsv = "staff_id,site_id,first_name,initial,role,pin_hash\r\n";
  b.settings = {{"staff_idle_seconds", "90"}, {"theme", "light"}};
  return b;
}

Receipt sampleReceipt() {
  Receipt r;
  r.deviceId = "dev-1";
  r.batchSeq = 4;
  r.batchId = "0190a0b0-1111-7000-8000-000000000001";
  r.sha256 = sha256Hex("x");
  r.importedUtc = 1'780'000'999'000;
  return r;
}

} // namespace

TEST_CASE("a batch round-trips through seal and open") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto batch = sampleBatch("dev-1", 5);
  const auto bytes = sealBatch(batch, dev, central.boxPk);
  CHECK(bytes.substr(0, 4) == "DGVB");
  CHECK(peekBatchDeviceId(bytes) == "dev-1");
  checkSame(openBatch(bytes, dev.signPk, central), batch);
  // No personal data in the clear: the payload is encrypted.
  CHECK(bytes.find("Åsa") == std::string::npos);
  CHECK(bytes.find("gubbangen") == std::string::npos);
}

TEST_CASE("an empty batch and a batch of many chunks round-trip") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto empty = sampleBatch("dev-1", 0);
  checkSame(openBatch(sealBatch(empty, dev, central.boxPk), dev.signPk, central), empty);
  auto big = sampleBatch("dev-1", 1200); // well over 64 KiB of payload: several chunks
  big.events[7].payloadJson = std::string(200'000, 'x');
  const auto bytes = sealBatch(big, dev, central.boxPk);
  CHECK(bytes.size() > 300'000);
  checkSame(openBatch(bytes, dev.signPk, central), big);
}

TEST_CASE("two seals of one batch differ (fresh stream key) and both open") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto batch = sampleBatch("dev-1", 2);
  const auto a = sealBatch(batch, dev, central.boxPk);
  const auto b = sealBatch(batch, dev, central.boxPk);
  CHECK(a != b);
  checkSame(openBatch(b, dev.signPk, central), batch);
}

// A batch is padded to at least 64 KiB: every byte of its header, sealed key, first chunks and
// signature is tried, and every 61st byte of the padding between them (whose chunks are all
// authenticated alike), so that the test stays quick.
bool triedOffset(size_t i, size_t size) { return i < 2048 || i + 256 >= size || i % 61 == 0; }

TEST_CASE("every prefix of a small batch is rejected") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto bytes = sealBatch(sampleBatch("dev-1", 3), dev, central.boxPk);
  INFO("batch size " << bytes.size());
  for (size_t n = 0; n < bytes.size(); ++n) {
    if (!triedOffset(n, bytes.size())) continue;
    try {
      openBatch(std::string_view(bytes).substr(0, n), dev.signPk, central);
      FAIL("prefix of " << n << " bytes was accepted");
    } catch (const DagverkError& e) {
      REQUIRE(e.code() == ErrorCode::BatchRejected);
    }
  }
}

TEST_CASE("every single flipped bit of a small batch is rejected") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto bytes = sealBatch(sampleBatch("dev-1", 3), dev, central.boxPk);
  CHECK(bytes.size() < 80 * 1024);
  std::string copy = bytes;
  for (size_t i = 0; i < copy.size(); ++i) {
    if (!triedOffset(i, copy.size())) continue;
    for (int bit = 0; bit < 8; ++bit) {
      copy[i] = static_cast<char>(copy[i] ^ (1 << bit));
      try {
        openBatch(copy, dev.signPk, central);
        FAIL("flipped bit " << bit << " of byte " << i << " was accepted");
      } catch (const DagverkError& e) {
        REQUIRE(e.code() == ErrorCode::BatchRejected);
      }
      copy[i] = bytes[i];
    }
  }
}

TEST_CASE("a batch with bytes appended is rejected") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto bytes = sealBatch(sampleBatch("dev-1", 3), dev, central.boxPk);
  expectError(ErrorCode::BatchRejected, [&] { openBatch(bytes + "x", dev.signPk, central); });
  expectError(ErrorCode::BatchRejected, [&] { openBatch(bytes + bytes, dev.signPk, central); });
}

TEST_CASE("a batch signed by another device key is rejected") {
  const auto dev = deviceKey("dev-1", 1);
  const auto intruder = deviceKey("dev-1", 9); // same id, key central never enrolled
  const auto central = centralKeys(2);
  const auto bytes = sealBatch(sampleBatch("dev-1", 3), intruder, central.boxPk);
  auto e = expectError(ErrorCode::BatchRejected, [&] { openBatch(bytes, dev.signPk, central); });
  CHECK(std::string(e.english()).find("signature does not verify") != std::string::npos);
  CHECK(e.swedish() == "Batchfilen har ingen giltig signatur från enheten och lästes inte in.");
}

TEST_CASE("a batch sealed to another central key is rejected") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto other = centralKeys(3);
  const auto bytes = sealBatch(sampleBatch("dev-1", 3), dev, other.boxPk);
  auto e = expectError(ErrorCode::BatchRejected, [&] { openBatch(bytes, dev.signPk, central); });
  CHECK(std::string(e.english()).find("not sealed to this central box key") != std::string::npos);
  // ... and opens fine for the central it was sealed to.
  CHECK(openBatch(bytes, dev.signPk, other).events.size() == 3);
}

TEST_CASE("sealBatch refuses a batch of another device") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  expectError(ErrorCode::BadInput, [&] { sealBatch(sampleBatch("dev-2", 1), dev, central.boxPk); });
}

TEST_CASE("batch headers with bad magic, version or device id are rejected before anything else") {
  const auto dev = deviceKey("dev-1", 1);
  const auto central = centralKeys(2);
  const auto bytes = sealBatch(sampleBatch("dev-1", 1), dev, central.boxPk);
  std::string magic = bytes;
  magic[0] = 'X';
  auto e = expectError(ErrorCode::BatchRejected, [&] { peekBatchDeviceId(magic); });
  CHECK(std::string(e.english()).find("bad magic") != std::string::npos);
  std::string version = bytes;
  version[4] = 3;
  e = expectError(ErrorCode::BatchRejected, [&] { peekBatchDeviceId(version); });
  CHECK(std::string(e.english()).find("format version 3") != std::string::npos);
  std::string longId = bytes;
  longId[5] = static_cast<char>(200);
  e = expectError(ErrorCode::BatchRejected, [&] { peekBatchDeviceId(longId); });
  CHECK(std::string(e.english()).find("device id length 200") != std::string::npos);
  std::string slash = bytes;
  slash[7] = '/';
  expectError(ErrorCode::BatchRejected, [&] { peekBatchDeviceId(slash); });
  for (const std::string& tiny : std::vector<std::string>{"", "D", "DGVB", std::string("DGVB\x01", 5), std::string("DGVB\x01\x05" "ab", 8)})
    expectError(ErrorCode::BatchRejected, [&] { peekBatchDeviceId(tiny); });
}

TEST_CASE("a secretstream without its final chunk, or with data after it, is rejected") {
  using namespace dagverk::sync::detail;
  REQUIRE(sodium_init() >= 0);
  unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_keygen(key);
  const std::string plain(3 * kWriteChunkBytes + 10, 'p'); // four chunks
  ByteWriter w;
  encryptStream(plain, key, "ad", w);
  const std::string stream = w.str();
  {
    ByteReader r(stream, ErrorCode::BatchRejected, "sv", "batch");
    CHECK(decryptStream(r, key, "ad") == plain);
  }
  {
    ByteReader r(stream, ErrorCode::BatchRejected, "sv", "batch");
    expectError(ErrorCode::BatchRejected, [&] { decryptStream(r, key, "other ad"); });
  }
  // Cut after the third chunk: every chunk authenticates but FINAL never comes.
  const size_t chunkLen = 4 + kWriteChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES;
  const std::string cut = stream.substr(0, crypto_secretstream_xchacha20poly1305_HEADERBYTES + 3 * chunkLen);
  {
    ByteReader r(cut, ErrorCode::BatchRejected, "sv", "batch");
    auto e = expectError(ErrorCode::BatchRejected, [&] { decryptStream(r, key, "ad"); });
    CHECK(std::string(e.english()).find("without its final chunk") != std::string::npos);
  }
  // A chunk after FINAL.
  ByteWriter extra;
  encryptStream("tail", key, "ad", extra);
  const std::string after = stream + extra.str().substr(crypto_secretstream_xchacha20poly1305_HEADERBYTES);
  {
    ByteReader r(after, ErrorCode::BatchRejected, "sv", "batch");
    auto e = expectError(ErrorCode::BatchRejected, [&] { decryptStream(r, key, "ad"); });
    CHECK(std::string(e.english()).find("data after the final chunk") != std::string::npos);
  }
  // A chunk length field larger than allowed is refused without reading (or allocating) it.
  std::string huge = stream.substr(0, crypto_secretstream_xchacha20poly1305_HEADERBYTES) + "\xff\xff\xff\x7f";
  {
    ByteReader r(huge, ErrorCode::BatchRejected, "sv", "batch");
    auto e = expectError(ErrorCode::BatchRejected, [&] { decryptStream(r, key, "ad"); });
    CHECK(std::string(e.english()).find("has length") != std::string::npos);
  }
}

TEST_CASE("a payload claiming a huge string or element count is refused without allocating") {
  using namespace dagverk::sync::detail;
  PayloadWriter w;
  w.u32(1);
  w.count(std::size_t{1} << 60);
  const auto bytes = w.bytes();
  PayloadReader r1(bytes);
  CHECK(r1.u32() == 1);
  CHECK_THROWS_AS(r1.str(), PayloadError);
  PayloadReader r2(bytes);
  r2.u32();
  CHECK_THROWS_AS(r2.count(8), PayloadError);
  PayloadWriter f;
  f.u32(7);
  const auto flagBytes = f.bytes();
  PayloadReader r3(flagBytes);
  CHECK_THROWS_AS(r3.flag(), PayloadError); // 7 is not a flag
}

TEST_CASE("receipts round-trip and are checked against the central signing key") {
  const auto central = centralKeys(2);
  const auto other = centralKeys(3);
  const auto r = sampleReceipt();
  const auto bytes = signReceipt(r, central);
  const auto back = openReceipt(bytes, central.signPk);
  CHECK(back.deviceId == r.deviceId);
  CHECK(back.batchSeq == r.batchSeq);
  CHECK(back.batchId == r.batchId);
  CHECK(back.sha256 == r.sha256);
  CHECK(back.importedUtc == r.importedUtc);
  auto e = expectError(ErrorCode::BatchRejected, [&] { openReceipt(bytes, other.signPk); });
  CHECK(std::string(e.english()).find("signature does not verify") != std::string::npos);
  expectError(ErrorCode::BatchRejected, [&] { openReceipt(signReceipt(r, other), central.signPk); });
}

TEST_CASE("every prefix and every flipped bit of a receipt is rejected") {
  const auto central = centralKeys(2);
  const auto bytes = signReceipt(sampleReceipt(), central);
  for (size_t n = 0; n < bytes.size(); ++n)
    REQUIRE_THROWS_AS(openReceipt(std::string_view(bytes).substr(0, n), central.signPk), DagverkError);
  std::string copy = bytes;
  for (size_t i = 0; i < copy.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      copy[i] = static_cast<char>(copy[i] ^ (1 << bit));
      REQUIRE_THROWS_AS(openReceipt(copy, central.signPk), DagverkError);
      copy[i] = bytes[i];
    }
  expectError(ErrorCode::BatchRejected, [&] { openReceipt(bytes + "x", central.signPk); });
}

TEST_CASE("a bundle opens for each recipient device and for central") {
  const auto central = centralKeys(2);
  const auto a = deviceKey("dev-a", 4);
  const auto b = deviceKey("dev-b", 5);
  const auto bundle = sampleBundle(7);
  const auto bytes = sealBundle(bundle, central, {{"dev-a", "gubbangen", a.signPk, a.boxPk}, {"dev-b", "farsta", b.signPk, b.boxPk}});
  CHECK(bytes.substr(0, 4) == "DGVN");
  CHECK(peekBundleVersion(bytes) == 7);
  CHECK(bytes.find("Åsa") == std::string::npos);
  for (const auto* dev : {&a, &b}) {
    const auto got = openBundle(bytes, central.signPk, *dev);
    CHECK(got.version == 7);
    CHECK(got.createdUtc == bundle.createdUtc);
    CHECK(got.unit == bundle.unit);
    CHECK(got.sitesCsv == bundle.sitesCsv);
    CHECK(got.participantsCsv == bundle.participantsCsv);
    CHECK(got.activitiesCsv == bundle.activitiesCsv);
    CHECK(got.staffCsv == bundle.staffCsv);
    CHECK(got.settings == bundle.settings);
  }
  const auto own = openBundleAsCentral(bytes, central);
  CHECK(own.participantsCsv == bundle.participantsCsv);
  // Central is a recipient even with no devices enrolled.
  CHECK(openBundleAsCentral(sealBundle(bundle, central, {}), central).version == 7);
}

TEST_CASE("a bundle is sealed to the device's own box key, never to its signing key converted to X25519") {
  const auto central = centralKeys(2);
  const auto a = deviceKey("dev-a", 4);
  const auto bytes = sealBundle(sampleBundle(7), central, {{"dev-a", "gubbangen", a.signPk, a.boxPk}});
  // Whoever holds only the signing key (as the format before box keys used it) opens nothing.
  DeviceKey signOnly = a;
  REQUIRE(crypto_sign_ed25519_pk_to_curve25519(signOnly.boxPk.data(), a.signPk.data()) == 0);
  REQUIRE(crypto_sign_ed25519_sk_to_curve25519(signOnly.boxSk.data(), a.signSk.data()) == 0);
  expectError(ErrorCode::BundleRejected, [&] { openBundle(bytes, central.signPk, signOnly); });
  CHECK(openBundle(bytes, central.signPk, a).version == 7);
}

TEST_CASE("a bundle not addressed to this device is rejected") {
  const auto central = centralKeys(2);
  const auto a = deviceKey("dev-a", 4);
  const auto c = deviceKey("dev-c", 6);
  const auto bytes = sealBundle(sampleBundle(3), central, {{"dev-a", "gubbangen", a.signPk, a.boxPk}});
  auto e = expectError(ErrorCode::BundleRejected, [&] { openBundle(bytes, central.signPk, c); });
  CHECK(e.swedish() == "Paketet från centralen är inte adresserat till den här enheten.");
  // A device claiming another's id cannot open the key sealed to that device's real key.
  const auto impostor = deviceKey("dev-a", 7);
  expectError(ErrorCode::BundleRejected, [&] { openBundle(bytes, central.signPk, impostor); });
}

TEST_CASE("a bundle signed by another central key is rejected") {
  const auto central = centralKeys(2);
  const auto other = centralKeys(3);
  const auto a = deviceKey("dev-a", 4);
  const auto bytes = sealBundle(sampleBundle(3), other, {{"dev-a", "gubbangen", a.signPk, a.boxPk}});
  auto e = expectError(ErrorCode::BundleRejected, [&] { openBundle(bytes, central.signPk, a); });
  CHECK(std::string(e.english()).find("signature does not verify") != std::string::npos);
  expectError(ErrorCode::BundleRejected, [&] { openBundleAsCentral(bytes, central); });
}

TEST_CASE("every prefix and every flipped bit of a bundle is rejected") {
  const auto central = centralKeys(2);
  const auto a = deviceKey("dev-a", 4);
  const auto bytes = sealBundle(sampleBundle(3), central, {{"dev-a", "gubbangen", a.signPk, a.boxPk}});
  for (size_t n = 0; n < bytes.size(); ++n) {
    try {
      openBundle(std::string_view(bytes).substr(0, n), central.signPk, a);
      FAIL("prefix of " << n << " bytes was accepted");
    } catch (const DagverkError& e) {
      REQUIRE(e.code() == ErrorCode::BundleRejected);
    }
  }
  std::string copy = bytes;
  for (size_t i = 0; i < copy.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      copy[i] = static_cast<char>(copy[i] ^ (1 << bit));
      try {
        openBundle(copy, central.signPk, a);
        FAIL("flipped bit " << bit << " of byte " << i << " was accepted");
      } catch (const DagverkError& e) {
        REQUIRE(e.code() == ErrorCode::BundleRejected);
      }
      copy[i] = bytes[i];
    }
}

TEST_CASE("peekBundleVersion finds the newest among several and refuses non-bundles") {
  const auto central = centralKeys(2);
  std::vector<std::string> files;
  for (const std::int64_t v : {3, 12, 7}) files.push_back(sealBundle(sampleBundle(v), central, {}));
  std::int64_t newest = 0;
  for (const auto& f : files) newest = std::max(newest, peekBundleVersion(f));
  CHECK(newest == 12);
  for (const std::string& bad : std::vector<std::string>{"", "DGVN", "DGVB\x01xxxxxxxx", std::string("DGVN\x02", 5) + std::string(8, '\0'),
                                std::string("DGVN\x01", 5) + std::string(8, '\xff')})
    expectError(ErrorCode::BundleRejected, [&] { peekBundleVersion(bad); });
}
