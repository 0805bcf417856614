// Attacks by whoever can write to the share, against the central import: symbolic links planted
// on the share, and files far larger than any Dagverk writes.
#include "CentralTestSupport.hpp"
#include "ChildProcess.hpp"

#include "core/InputLimits.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

std::string allFilesUnder(const fs::path& dir) {
  std::string text;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) text += readBytes(e.path());
  return text;
}

} // namespace

TEST_CASE("import: a quarantine folder planted as a link to a local folder receives nothing") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 3, baseTime()), a);
  // A changed byte: the batch will be rejected and would go to quarantine/kioskA.
  std::string bytes = readBytes(w.batch);
  bytes[bytes.size() / 2] ^= 0x20;
  f.rewrite(w, bytes);
  const fs::path local = f.tmp / "central-local-folder";
  fs::create_directories(local);
  fs::create_directories(f.share / "quarantine");
  fs::create_directory_symlink(local, sync::ShareLayout{f.share}.quarantineDir("kioskA"));

  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesImported == 0);
  // Nothing was moved or written through the link, and the rejected files are still on the share.
  CHECK(listDir(local).empty());
  CHECK(fs::exists(w.batch));
  CHECK(fs::exists(w.manifest));
  CHECK_FALSE(s.ok());
}

TEST_CASE("import: a .batch link to a local secret file is never read and its size is not told") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const fs::path secret = f.tmp / "local-secret.key";
  writeBytes(secret, std::string(12345, 's'));
  const sync::ShareLayout layout{f.share};
  const auto b = ShareFixture::batch(a, "liljan", 1, 1, 2, baseTime());
  const fs::path link = layout.batchFile("liljan", "kioskA", 1, b.batchId);
  fs::create_directories(link.parent_path());
  fs::create_symlink(secret, link);
  sync::Manifest m = ShareFixture::manifestFor(b, "x", link.filename().string());
  writeBytes(layout.manifestFile("liljan", "kioskA", 1, b.batchId), sync::encodeManifest(m));
  // A second link, with no manifest: the import's note on ignored files must not tell its size.
  fs::create_symlink(secret, link.parent_path() / "00000009-stray.batch");

  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesImported == 0);
  for (const auto& q : s.quarantined) CHECK_FALSE(contains(q.reason, "12345"));
  if (fs::exists(f.share / "quarantine")) CHECK_FALSE(contains(allFilesUnder(f.share / "quarantine"), "12345"));
  // The secret is where it was, whole.
  CHECK(readBytes(secret) == std::string(12345, 's'));
}

TEST_CASE("import: a huge fake batch is refused from its size and the import's memory stays small") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 2, baseTime()), a);
  // 300 MiB of nothing (sparse), with the manifest naming the real batch's size and hash.
  const std::uintmax_t huge = 300ull * limits::kMiB;
  fs::resize_file(w.batch, huge);
  const auto child = runInChild([&](auto&& write) {
    const long startKiB = currentRssKiB(); // what the forked test process already holds
    const auto s = f.import(baseTime() + kDay);
    const long peak = peakRssKiB() - startKiB;
    std::string reason = s.quarantined.empty() ? std::string("none") : s.quarantined[0].reason;
    write(std::to_string(peak) + "\n" + reason);
    return s.batchesQuarantined == 1 ? 0 : 1;
  });
  INFO(child.message);
  CHECK(child.exited);
  CHECK(child.code == 0);
  const long peakKiB = std::stol(child.message.substr(0, child.message.find('\n')));
  CHECK(peakKiB < 96 * 1024);
  CHECK(contains(child.message, "larger than"));
}

TEST_CASE("import: a huge fake manifest is refused from its size, with its reason") {
  ShareFixture f;
  const auto a = f.device("kioskA", "liljan");
  const auto w = f.write(ShareFixture::batch(a, "liljan", 1, 1, 2, baseTime()), a);
  fs::resize_file(w.manifest, 300ull * limits::kMiB);
  const auto s = f.import(baseTime() + kDay);
  CHECK(s.batchesImported == 0);
  REQUIRE(s.quarantined.size() == 1);
  CHECK(contains(s.quarantined[0].reason, "larger than 65536 bytes"));
}

TEST_CASE("import: central signs a marker an older version left unsigned, but never an edited one") {
  ShareFixture f;
  sync::ShareMarker m = sync::readMarker(f.share);
  REQUIRE_NOTHROW(sync::verifyMarker(m, f.centralKeys.signPk)); // init signs
  m.signature.clear();
  writeBytes(f.share / sync::kMarkerFileName, sync::encodeMarker(m));
  f.import(baseTime());
  const sync::ShareMarker back = sync::readMarker(f.share);
  CHECK(back.unit == "Testenheten");
  CHECK_NOTHROW(sync::verifyMarker(back, f.centralKeys.signPk));

  sync::ShareMarker edited = back;
  edited.unit = "Falska enheten";
  writeBytes(f.share / sync::kMarkerFileName, sync::encodeMarker(edited));
  f.import(baseTime() + kDay);
  CHECK_THROWS_AS(sync::verifyMarker(sync::readMarker(f.share), f.centralKeys.signPk), DagverkError);
}
