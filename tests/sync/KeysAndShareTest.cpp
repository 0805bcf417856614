// Keys, the share marker, the share layout and manifests.
#include "sync/SyncFormat.hpp"
#include "SyncTestSupport.hpp"

#include <sodium.h>
#include <sys/stat.h>

using namespace dagverk;
using namespace dagverk::sync;
using dagverk::test::expectError;
using dagverk::test::slurp;
using dagverk::test::spit;
using dagverk::test::SyncTempDir;
namespace fs = std::filesystem;

namespace {

unsigned modeOf(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return static_cast<unsigned>(st.st_mode & 07777);
}

Manifest sampleManifest() {
  Manifest m;
  m.batchFile = "00000004-0190a0b0-1111-7000-8000-000000000001.batch";
  m.batchId = "0190a0b0-1111-7000-8000-000000000001";
  m.deviceId = "dev-1";
  m.siteId = "gubbangen";
  m.batchSeq = 4;
  m.byteSize = 1234;
  m.sha256 = sha256Hex("batch bytes");
  m.schemaVersion = 3;
  return m;
}

// Replaces the first occurrence of `from` in `text`; the test fails if it is not there.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("sha256Hex matches the FIPS 180-2 test vector and base64 round-trips keys") {
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  PublicKey k{};
  for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(i * 7 + 1);
  const auto text = toBase64(k);
  CHECK(text.size() == 44);
  CHECK(publicKeyFromBase64(text) == k);
}

TEST_CASE("publicKeyFromBase64 refuses wrong lengths and non-base64 text") {
  for (const std::string& bad : std::vector<std::string>{"", "abc", "AAAA", "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!=",
                                std::string(44, 'A') + "AAAA", toBase64(PublicKey{}) + " "}) {
    INFO("input: " << bad);
    expectError(ErrorCode::BadInput, [&] { publicKeyFromBase64(bad); });
  }
}

TEST_CASE("a device key is created once with mode 0600 and loads back the same") {
  SyncTempDir dir;
  const auto created = loadOrCreateDeviceKey(dir.path(), "dev-1");
  CHECK(modeOf(dir / "device.key") == 0600);
  const auto loaded = loadOrCreateDeviceKey(dir.path(), "dev-1");
  CHECK(loaded.deviceId == "dev-1");
  CHECK(loaded.signPk == created.signPk);
  CHECK(loaded.signSk == created.signSk);
  // The public half really belongs to the secret half.
  const std::string msg = "hej";
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                       loaded.signSk.data());
  CHECK(crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                    loaded.signPk.data()) == 0);
  CHECK(loaded.boxPk == created.boxPk);
  CHECK(loaded.boxSk == created.boxSk);
  CHECK(loaded.boxPk != loaded.signPk);
  CHECK(slurp(dir / "device.key").rfind("dagverk-device-key-secret 2 dev-1 ", 0) == 0);
}

TEST_CASE("a device key file without a box key gets one added, once, keeping the signing key") {
  SyncTempDir dir;
  const auto created = loadOrCreateDeviceKey(dir.path(), "dev-1");
  // The file as it was before devices had their own box key.
  fs::remove(dir / "device.key");
  spit(dir / "device.key", "dagverk-device-key-secret 1 dev-1 " + toBase64(created.signSk.data(), created.signSk.size()) + "\n");
  const auto upgraded = loadOrCreateDeviceKey(dir.path(), "dev-1");
  CHECK(upgraded.signPk == created.signPk);
  CHECK(upgraded.boxPk != PublicKey{});
  CHECK(modeOf(dir / "device.key") == 0600);
  CHECK(slurp(dir / "device.key").rfind("dagverk-device-key-secret 2 dev-1 ", 0) == 0);
  CHECK(loadOrCreateDeviceKey(dir.path(), "dev-1").boxPk == upgraded.boxPk);
}

TEST_CASE("a device key file of another device, or damaged, is KeysMissing") {
  SyncTempDir dir;
  loadOrCreateDeviceKey(dir.path(), "dev-1");
  auto e = expectError(ErrorCode::KeysMissing, [&] { loadOrCreateDeviceKey(dir.path(), "dev-2"); });
  CHECK(std::string(e.english()).find("another device id") != std::string::npos);
  const auto text = slurp(dir / "device.key");
  // Flip one character of the base64 secret: seed and public half no longer agree.
  std::string damaged = text;
  const size_t at = text.find(' ', text.find("dev-1")) + 10; // inside the signing secret
  damaged[at] = damaged[at] == 'A' ? 'B' : 'A';
  fs::remove(dir / "device.key");
  spit(dir / "device.key", damaged);
  expectError(ErrorCode::KeysMissing, [&] { loadOrCreateDeviceKey(dir.path(), "dev-1"); });
  fs::remove(dir / "device.key");
  spit(dir / "device.key", "");
  expectError(ErrorCode::KeysMissing, [&] { loadOrCreateDeviceKey(dir.path(), "dev-1"); });
  fs::remove(dir / "device.key");
  spit(dir / "device.key", text.substr(0, text.size() / 2));
  expectError(ErrorCode::KeysMissing, [&] { loadOrCreateDeviceKey(dir.path(), "dev-1"); });
}

TEST_CASE("a device id that cannot be a file name is refused") {
  SyncTempDir dir;
  for (const std::string& bad : std::vector<std::string>{"", "..", "a/b", "a b", std::string(129, 'x')}) {
    INFO("id: " << bad);
    expectError(ErrorCode::BadInput, [&] { loadOrCreateDeviceKey(dir.path(), bad); });
  }
  CHECK_FALSE(fs::exists(dir / "device.key"));
}

TEST_CASE("the device public key text round-trips") {
  SyncTempDir dir;
  const auto key = loadOrCreateDeviceKey(dir.path(), "0190a0b0-2222-7000-8000-000000000009");
  const auto text = formatDevicePublicKey(key);
  CHECK(text.rfind("dagverk-device-key 1 0190a0b0-2222-7000-8000-000000000009 ", 0) == 0);
  const auto parsed = parseDevicePublicKey(text);
  CHECK(parsed.deviceId == key.deviceId);
  CHECK(parsed.signPk == key.signPk);
  // Windows line ending and surrounding blanks are fine.
  CHECK(parseDevicePublicKey("  " + text.substr(0, text.size() - 1) + "\r\n").signPk == key.signPk);
}

TEST_CASE("device public key text errors are BadInput with a reason") {
  SyncTempDir dir;
  const auto key = loadOrCreateDeviceKey(dir.path(), "dev-1");
  const auto good = toBase64(key.signPk);
  struct Case {
    std::string text;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"", "does not start"},
      {"hello world", "does not start"},
      {"dagverk-device-key 1 dev-1", "expected 4 fields"},
      {"dagverk-device-key 1 dev-1 " + good + " extra", "expected 4 fields"},
      {"dagverk-device-key 2 dev-1 " + good, "unknown version"},
      {"dagverk-device-key 1 dev/1 " + good, "invalid device id"},
      {"dagverk-device-key 1 dev-1 notbase64!", "not 32 bytes"},
      {"dagverk-device-key 1 dev-1 " + good.substr(0, 40), "not 32 bytes"},
      {"dagverk-device-key-secret 1 dev-1 " + good, "does not start"},
      {std::string(5000, 'x'), "longer than"},
  };
  for (const auto& c : cases) {
    INFO("text: " << c.text.substr(0, 80));
    auto e = expectError(ErrorCode::BadInput, [&] { parseDevicePublicKey(c.text); });
    CHECK(std::string(e.english()).find(c.reason) != std::string::npos);
    CHECK(e.swedish().rfind("Enhetsnyckeln är felaktig", 0) == 0);
  }
}

TEST_CASE("central keys are created in a 0700 directory with 0600 files and never overwritten") {
  SyncTempDir dir;
  const auto keysDir = dir / "keys";
  const auto created = createCentralKeys(keysDir);
  CHECK(modeOf(keysDir) == 0700);
  CHECK(modeOf(keysDir / "central-box.key") == 0600);
  CHECK(modeOf(keysDir / "central-sign.key") == 0600);
  const auto loaded = loadCentralKeys(keysDir);
  CHECK(loaded.boxPk == created.boxPk);
  CHECK(loaded.boxSk == created.boxSk);
  CHECK(loaded.signPk == created.signPk);
  CHECK(loaded.signSk == created.signSk);
  const auto before = slurp(keysDir / "central-sign.key");
  auto e = expectError(ErrorCode::BadInput, [&] { createCentralKeys(keysDir); });
  CHECK(e.swedish().find("skrivs inte över") != std::string::npos);
  CHECK(slurp(keysDir / "central-sign.key") == before);
}

TEST_CASE("missing or damaged central keys are KeysMissing") {
  SyncTempDir dir;
  expectError(ErrorCode::KeysMissing, [&] { loadCentralKeys(dir / "nowhere"); });
  createCentralKeys(dir / "keys");
  const auto sign = slurp(dir / "keys" / "central-sign.key");
  fs::remove(dir / "keys" / "central-sign.key");
  auto e = expectError(ErrorCode::KeysMissing, [&] { loadCentralKeys(dir / "keys"); });
  CHECK(std::string(e.english()).find("central-sign.key") != std::string::npos);
  spit(dir / "keys" / "central-sign.key", "dagverk-central-sign-key 1 AAAA\n");
  expectError(ErrorCode::KeysMissing, [&] { loadCentralKeys(dir / "keys"); });
  fs::remove(dir / "keys" / "central-sign.key");
  spit(dir / "keys" / "central-sign.key", sign);
  spit(dir / "keys" / "central-box.key", "garbage");
  expectError(ErrorCode::KeysMissing, [&] { loadCentralKeys(dir / "keys"); });
}

TEST_CASE("enrolled devices are added, replaced by device id only when asked, and read back") {
  SyncTempDir dir;
  createCentralKeys(dir / "keys");
  CHECK(loadEnrolled(dir / "keys").empty());
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  const auto a = loadOrCreateDeviceKey(dir / "a", "dev-a");
  const auto b = loadOrCreateDeviceKey(dir / "b", "dev-b");
  enrollDevice(dir / "keys", {"dev-a", "gubbangen", a.signPk, a.boxPk});
  enrollDevice(dir / "keys", {"dev-b", "farsta", b.signPk, b.boxPk});
  // Another key for an enrolled device id is refused without `replace` ...
  const auto e = expectError(ErrorCode::BadInput, [&] { enrollDevice(dir / "keys", {"dev-a", "hagsatra", b.signPk, b.boxPk}); });
  CHECK(e.swedish() == "Enheten dev-a är redan registrerad med en annan nyckel. Gör en ny kod med --replace om nyckeln "
                       "ska bytas.");
  CHECK(loadEnrolled(dir / "keys")[0].signPk == a.signPk);
  // ... and with it the old key is revoked.
  enrollDevice(dir / "keys", {"dev-a", "hagsatra", b.signPk, b.boxPk}, true);
  const auto revoked = loadRevoked(dir / "keys");
  REQUIRE(revoked.size() == 1);
  CHECK(revoked[0].signPk == a.signPk);
  // A revoked key never comes back.
  expectError(ErrorCode::BadInput, [&] { enrollDevice(dir / "keys", {"dev-a", "hagsatra", a.signPk, a.boxPk}, true); });
  const auto list = loadEnrolled(dir / "keys");
  REQUIRE(list.size() == 2);
  CHECK(list[0].deviceId == "dev-a");
  CHECK(list[0].siteId == "hagsatra");
  CHECK(list[0].signPk == b.signPk);
  CHECK(list[0].boxPk == b.boxPk);
  CHECK(list[1].deviceId == "dev-b");
  CHECK(list[1].siteId == "farsta");
  CHECK_FALSE(fs::exists(dir / "keys" / "enrolled.json.tmp"));
}

TEST_CASE("a malformed enrolled.json is BadInput naming the file") {
  SyncTempDir dir;
  fs::create_directories(dir / "keys");
  for (const std::string& bad : std::vector<std::string>{"{", "{\"devices\":5}", "{\"devices\":[{\"deviceId\":\"x\"}]}",
                                "{\"devices\":[{\"deviceId\":\"a/b\",\"siteId\":\"s\",\"signPk\":\"" +
                                    toBase64(PublicKey{}) + "\"}]}",
                                "{\"devices\":[{\"deviceId\":\"a\",\"siteId\":\"s\",\"signPk\":\"xx\"}]}"}) {
    INFO("json: " << bad);
    spit(dir / "keys" / "enrolled.json", bad);
    auto e = expectError(ErrorCode::BadInput, [&] { loadEnrolled(dir / "keys"); });
    CHECK(std::string(e.english()).find("enrolled.json") != std::string::npos);
  }
}

TEST_CASE("the share marker round-trips and readMarker finds it") {
  SyncTempDir dir;
  ShareMarker m;
  m.unit = "Dagverk demo-enheten, Söder";
  m.centralBoxPk[0] = 1;
  m.centralSignPk[31] = 2;
  spit(dir / kMarkerFileName, encodeMarker(m));
  const auto back = readMarker(dir.path());
  CHECK(back.formatVersion == kShareFormatVersion);
  CHECK(back.unit == m.unit);
  CHECK(back.centralBoxPk == m.centralBoxPk);
  CHECK(back.centralSignPk == m.centralSignPk);
}

TEST_CASE("readMarker on a missing share or a share without marker is ShareMissing") {
  SyncTempDir dir;
  for (const fs::path& share : std::vector<fs::path>{dir / "not-mounted", dir.path()}) {
    auto e = expectError(ErrorCode::ShareMissing, [&] { readMarker(share); });
    CHECK(e.swedish() == "Den centrala mappen hittas inte. Kontrollera att den är ansluten: " + share.string());
    CHECK(std::string(e.english()) == "share marker not found: " + (share / kMarkerFileName).string());
  }
  // A directory in place of the marker is no marker either.
  fs::create_directories(dir / kMarkerFileName);
  expectError(ErrorCode::ShareMissing, [&] { readMarker(dir.path()); });
}

TEST_CASE("a marker of another format version is BadInput naming the version") {
  SyncTempDir dir;
  spit(dir / kMarkerFileName, R"({"formatVersion": 2, "unit": "x"})");
  auto e = expectError(ErrorCode::BadInput, [&] { readMarker(dir.path()); });
  CHECK(e.swedish() == "Den centrala mappen har ett okänt format (version 2).");
}

TEST_CASE("malformed markers are BadInput") {
  ShareMarker m;
  m.unit = "u";
  const auto good = encodeMarker(m);
  const std::vector<std::string> bad = {
      "",
      "not json",
      "[1,2,3]",
      replaced(good, "\"unit\"", "\"unitx\""),
      replaced(good, "\"formatVersion\": 1", "\"formatVersion\": \"1\""),
      replaced(good, "\"formatVersion\": 1", "\"formatVersion\": 1.5"),
      replaced(good, "\"unit\": \"u\"", "\"unit\": 5"),
      replaced(good, "\"centralBoxPk\": \"", "\"centralBoxPk\": \"AB"),
      "{\"formatVersion\":1,\"unit\":" + std::string(100, '[') + std::string(100, ']') + "}",
      std::string("{\"formatVersion\":1,\0\"unit\":\"u\"}", 31),
      replaced(good, "\"unit\"", "\"later\": true, \"unit\""),
  };
  for (const auto& text : bad) {
    INFO("marker: " << text);
    expectError(ErrorCode::BadInput, [&] { decodeMarker(text); });
  }
}

TEST_CASE("share layout names files with zero-padded numbers") {
  ShareLayout s{"/mnt/share"};
  CHECK(s.marker() == "/mnt/share/dagverk-share.json");
  CHECK(s.inboxDir("gubbangen", "dev-1") == "/mnt/share/inbox/gubbangen/dev-1");
  CHECK(s.batchFile("gubbangen", "dev-1", 7, "abc") == "/mnt/share/inbox/gubbangen/dev-1/00000007-abc.batch");
  CHECK(s.manifestFile("gubbangen", "dev-1", 123456789, "abc") ==
        "/mnt/share/inbox/gubbangen/dev-1/123456789-abc.manifest");
  CHECK(s.receiptsDir("dev-1") == "/mnt/share/receipts/dev-1");
  CHECK(s.receiptFile("dev-1", 7, "abc") == "/mnt/share/receipts/dev-1/00000007-abc.receipt");
  CHECK(s.bundlesDir() == "/mnt/share/bundles");
  CHECK(s.bundleFile(12) == "/mnt/share/bundles/00000012.bundle");
  CHECK(s.quarantineDir("dev-1") == "/mnt/share/quarantine/dev-1");
}

TEST_CASE("manifests round-trip") {
  const auto m = sampleManifest();
  const auto back = decodeManifest(encodeManifest(m));
  CHECK(back.batchFile == m.batchFile);
  CHECK(back.batchId == m.batchId);
  CHECK(back.deviceId == m.deviceId);
  CHECK(back.siteId == m.siteId);
  CHECK(back.batchSeq == m.batchSeq);
  CHECK(back.byteSize == m.byteSize);
  CHECK(back.sha256 == m.sha256);
  CHECK(back.schemaVersion == m.schemaVersion);
}

TEST_CASE("a manifest an older kiosk wrote, with its event counts, is still read") {
  const auto good = encodeManifest(sampleManifest());
  const auto old = replaced(good, "\"schemaVersion\"", "\"eventCount\": 3, \"firstSeq\": 10, \"lastSeq\": 12, \"schemaVersion\"");
  const auto back = decodeManifest(old);
  CHECK(back.batchId == sampleManifest().batchId);
  CHECK(back.schemaVersion == 3);
}

TEST_CASE("malformed manifests are BatchRejected with a reason") {
  const auto good = encodeManifest(sampleManifest());
  struct Case {
    std::string text;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"", "malformed JSON"},
      {"{}", "malformed JSON"},
      {good.substr(0, good.size() / 2), "malformed JSON"},
      {replaced(good, "\"sha256\"", "\"sha\""), "malformed JSON"},
      {replaced(good, "\"byteSize\": 1234", "\"byteSize\": \"1234\""), "malformed JSON"},
      {replaced(good, "\"schemaVersion\": 3", "\"schemaVersion\": 99999999999"), "malformed JSON"},
      {replaced(good, "\"batchFile\": \"", "\"batchFile\": \"../../"), "plain file name"},
      {replaced(good, "\"deviceId\": \"dev-1\"", "\"deviceId\": \"dev 1\""), "invalid deviceId"},
      {replaced(good, "\"byteSize\": 1234", "\"byteSize\": -1"), "byteSize"},
      {replaced(good, "\"sha256\": \"", "\"sha256\": \"0"), "sha256"},
      {replaced(good, "\"schemaVersion\"", "\"eventCount\": 3, \"firstSeq\": 10, \"lastSeq\": 9, \"schemaVersion\""),
       "out of order"},
      {replaced(good, "\"batchSeq\": 4", "\"batchSeq\": 0"), "batchSeq"},
      {"{\"a\":" + std::string(64, '[') + std::string(64, ']') + "}", "nested deeper"},
      // Only the keys Dagverk writes: an extra one is refused, not skipped.
      {replaced(good, "\"batchFile\"", "\"extra\": 1, \"batchFile\""), "unknown key 'extra'"},
      {replaced(good, "\"byteSize\": 1234", "\"byteSize\": 0e99"), "fraction or an exponent"},
  };
  for (const auto& c : cases) {
    INFO("manifest: " << c.text);
    auto e = expectError(ErrorCode::BatchRejected, [&] { decodeManifest(c.text); });
    CHECK(std::string(e.english()).find(c.reason) != std::string::npos);
  }
}

TEST_CASE("a signed marker verifies with its central key, and an edited or unsigned one does not") {
  SyncTempDir dir;
  const CentralKeys keys = createCentralKeys(dir / "keys");
  ShareMarker m;
  m.unit = "Dagverk demo-enheten, Söder";
  m.centralBoxPk = keys.boxPk;
  m.centralSignPk = keys.signPk;
  signMarker(m, keys.signSk);
  const auto back = decodeMarker(encodeMarker(m));
  CHECK(back.signature == m.signature);
  CHECK_NOTHROW(verifyMarker(back, keys.signPk));

  const CentralKeys other = createCentralKeys(dir / "other");
  ShareMarker edited = back;
  edited.unit = "Falska enheten";
  ShareMarker newKey = back;
  newKey.centralBoxPk = other.boxPk;
  ShareMarker unsigned_ = back;
  unsigned_.signature.clear();
  ShareMarker garbled = back;
  garbled.signature = "not base64!";
  for (const auto* bad : {&edited, &newKey, &unsigned_, &garbled}) {
    const auto e = expectError(ErrorCode::BadInput, [&] { verifyMarker(*bad, keys.signPk); });
    CHECK(e.swedish() == "Den centrala mappens märkfil (dagverk-share.json) är inte signerad av centralen och "
                         "används inte. Kontakta IT.");
  }
  // Signed by another central key: refused against the pinned one.
  ShareMarker stranger = back;
  signMarker(stranger, other.signSk);
  expectError(ErrorCode::BadInput, [&] { verifyMarker(stranger, keys.signPk); });
  // A line break in the unit name would let fields shift inside the signed text: refused.
  ShareMarker twoLines = back;
  twoLines.unit = "a\nb";
  expectError(ErrorCode::BadInput, [&] { signMarker(twoLines, keys.signSk); });
}
