// Every reader of outside input refuses input over its limit (core/InputLimits.hpp) with a clear
// message, and a file over the limit before reading it. Large files here are sparse (resize), so
// a refusal that read the file whole would show as a slow test and a large allocation, and one
// byte under the limit is still accepted as far as size goes.
#include "core/Csv.hpp"
#include "core/Event.hpp"
#include "core/InputLimits.hpp"
#include "platform/FileSystem.hpp"
#include "platform/PhotoFile.hpp"
#include "sync/SyncFormat.hpp"
#include "SyncTestSupport.hpp"

#include <chrono>

using namespace dagverk;
using namespace dagverk::sync;
using dagverk::test::expectError;
using dagverk::test::spit;
using dagverk::test::SyncTempDir;
namespace fs = std::filesystem;

namespace {

void sparseFile(const fs::path& p, std::uintmax_t size) {
  spit(p, "");
  fs::resize_file(p, size);
}

bool contains(const char* text, const std::string& part) { return std::string(text).find(part) != std::string::npos; }

} // namespace

TEST_CASE("readFileWithinLimit reads a file up to its limit and refuses a larger one before reading it") {
  SyncTempDir dir;
  spit(dir / "at-limit", std::string(100, 'x'));
  CHECK(readFileWithinLimit(dir / "at-limit", 100, ErrorCode::BatchRejected, "för stor", "test file").size() == 100);
  spit(dir / "over", std::string(101, 'x'));
  const auto e = expectError(ErrorCode::BatchRejected,
                             [&] { readFileWithinLimit(dir / "over", 100, ErrorCode::BatchRejected, "för stor", "test file"); });
  CHECK(e.swedish() == "för stor");
  CHECK(contains(e.english(), "test file refused: "));
  CHECK(contains(e.english(), "larger than 100 bytes"));

  // A batch-sized file just over the limit: refused from its size, without reading 512 MiB.
  sparseFile(dir / "huge.batch", limits::kBatchBytes + 1);
  const auto start = std::chrono::steady_clock::now();
  expectError(ErrorCode::BatchRejected, [&] {
    readFileWithinLimit(dir / "huge.batch", limits::kBatchBytes, ErrorCode::BatchRejected, "för stor", "batch");
  });
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));

  std::string out = "old";
  CHECK_FALSE(platform::readFileWithin(dir / "over", 100, out));
  CHECK(out.empty());
  expectError(ErrorCode::BadInput, [&] { platform::readFileWithin(dir / "missing", 100, out); });
}

TEST_CASE("a share marker over its limit is refused as too large, not as a missing share") {
  SyncTempDir share;
  sparseFile(share / kMarkerFileName, limits::kMarkerBytes + 1);
  const auto e = expectError(ErrorCode::BadInput, [&] { readMarker(share.path()); });
  CHECK(e.swedish().find("är för stor") != std::string::npos);
  CHECK(contains(e.english(), "share marker refused"));
}

TEST_CASE("an enrolled-devices list over its limit is refused before it is read") {
  SyncTempDir keys;
  sparseFile(keys / "enrolled.json", limits::kEnrolledListBytes + 1);
  const auto e = expectError(ErrorCode::BadInput, [&] { loadEnrolled(keys.path()); });
  CHECK(e.swedish().find("för stor") != std::string::npos);
  CHECK(contains(e.english(), "refused"));
}

TEST_CASE("manifest, receipt, event payload and CSV text over their limits are refused") {
  const std::string manifest(limits::kManifestBytes + 1, ' ');
  CHECK(contains(expectError(ErrorCode::BatchRejected, [&] { decodeManifest(manifest); }).english(), "too large"));

  const std::string receipt(limits::kReceiptBytes + 1, '\0');
  PublicKey anyKey{};
  CHECK(contains(expectError(ErrorCode::BatchRejected, [&] { openReceipt(receipt, anyKey); }).english(),
                 "at most " + std::to_string(limits::kReceiptBytes)));

  const std::string payload = R"({"v":{"participantId":")" + std::string(limits::kEventPayloadBytes, 'P') + R"(","at":0}})";
  CHECK(contains(expectError(ErrorCode::BadInput, [&] { decodePayload("CheckedIn", payload); }).english(), "too large"));

  const std::string csv(limits::kRosterCsvBytes + 1, 'a');
  const auto e = expectError(ErrorCode::BadInput, [&] { parseCsv(csv, "deltagare.csv"); });
  CHECK(e.swedish() == "Filen deltagare.csv är för stor (högst 16 MiB).");
}

TEST_CASE("a photo file over its limit, a JPEG or another format, or a side over 4096 pixels is refused before decoding") {
  SyncTempDir dir;
  sparseFile(dir / "stor.png", limits::kPhotoFileBytes + 1);
  const auto big = expectError(ErrorCode::BadInput, [&] { platform::readPhotoFile(dir / "stor.png"); });
  CHECK(big.swedish().find("Fotot kunde inte visas") != std::string::npos);
  CHECK(contains(big.english(), "larger than"));
  CHECK_FALSE(contains(big.english(), "stor.png")); // photo names may be people's names

  const auto missing = expectError(ErrorCode::BadInput, [&] { platform::readPhotoFile(dir / "anna.png"); });
  CHECK_FALSE(contains(missing.english(), "anna"));

  CHECK(contains(expectError(ErrorCode::BadInput, [&] { platform::decodePhoto("GIF89a\x01\x00\x01\x00"); }).english(),
                 "not a PNG signature"));
  CHECK(contains(expectError(ErrorCode::BadInput, [&] { platform::decodePhoto("BM\x3a\0\0\0"); }).english(),
                 "not a PNG signature"));

  // JPEG never reaches a decoder (PhotoFile.hpp says why).
  CHECK(contains(expectError(ErrorCode::BadInput, [&] { platform::decodePhoto("\xff\xd8\xff\xe0\x00\x10JFIF"); })
                     .english(),
                 "only PNG photos are decoded"));

  // A PNG header claiming 4097 x 1 pixels: refused from the header, no pixel data needed.
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  const std::string wide = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(4097) + be32(1) +
                           std::string("\x08\x02\x00\x00\x00", 5) + be32(0);
  CHECK(contains(expectError(ErrorCode::BadInput, [&] { platform::decodePhoto(wide); }).english(), "participant photo refused"));
}
