// The committed fuzz seeds (tests/fuzz/corpus, written by make_seeds) are what they claim to be:
// valid files for the fixed fuzz keys. If the formats change, this fails and the seeds must be
// made again, so the fuzzer never starts from files that are rejected at the first byte.
#include "core/Csv.hpp"
#include "FuzzKeys.hpp"
#include "core/Event.hpp"
#include "core/RosterCsv.hpp"
#include "platform/PhotoFile.hpp"
#include "sync/Enrolment.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"
#include "SyncTestSupport.hpp"

using namespace dagverk;
using namespace dagverk::sync;
using dagverk::test::expectError;
using dagverk::test::slurp;
namespace fs = std::filesystem;

namespace {
const fs::path kCorpus = fs::path(DAGVERK_SOURCE_DIR) / "tests" / "fuzz" / "corpus";

std::vector<std::string> splitAtRecordSeparator(const std::string& text) {
  std::vector<std::string> parts(1);
  for (const char c : text) {
    if (c == '\x1e') parts.emplace_back();
    else parts.back().push_back(c);
  }
  return parts;
}
} // namespace

TEST_CASE("the batch fuzz seeds are valid files for the fixed fuzz keys") {
  const auto keys = fuzz::makeFuzzKeys();
  const auto batch = slurp(kCorpus / "batch_header" / "batch-3-events.batch");
  const auto contents = openBatch(batch, keys.device.signPk, keys.central);
  CHECK(contents.events.size() == 3);
  CHECK(openBatch(slurp(kCorpus / "batch_body" / "batch-empty.batch"), keys.device.signPk, keys.central).events.empty());
  CHECK(detail::decodeBatchPayload(slurp(kCorpus / "batch_body" / "batch-payload-3-events.bin")).events.size() == 3);
  const auto manifest = decodeManifest(slurp(kCorpus / "manifest" / "batch-3-events.manifest"));
  CHECK(manifest.sha256 == sha256Hex(batch));
  CHECK(manifest.byteSize == static_cast<std::int64_t>(batch.size()));
  // A receipt of the first version, with its counts: still read.
  CHECK(openReceipt(slurp(kCorpus / "receipt" / "batch-3-events.receipt"), keys.central.signPk).batchSeq == 1);
  CHECK(openBundle(slurp(kCorpus / "bundle_header" / "bundle-v3.bundle"), keys.central.signPk, keys.device).version == 3);
  CHECK(openBundleAsCentral(slurp(kCorpus / "bundle_body" / "bundle-v4-central-only.bundle"), keys.central).version == 4);
  CHECK(detail::decodeBundlePayload(slurp(kCorpus / "bundle_body" / "bundle-payload-v3.bin")).version == 3);
  CHECK(decodeMarker(slurp(kCorpus / "marker" / "dagverk-share.json")).centralSignPk == keys.central.signPk);
  CHECK(parseDevicePublicKey(slurp(kCorpus / "marker" / "device-public.key")).signPk == keys.device.signPk);
  // The files as today's writers make them: a signed marker, a receipt and a manifest without
  // counts, a padded batch.
  verifyMarker(decodeMarker(slurp(kCorpus / "marker" / "dagverk-share-signed.json")), keys.central.signPk);
  expectError(ErrorCode::BadInput, [&] {
    verifyMarker(decodeMarker(slurp(kCorpus / "marker" / "dagverk-share.json")), keys.central.signPk);
  });
  CHECK(openReceipt(slurp(kCorpus / "receipt" / "batch-3-events-no-counts.receipt"), keys.central.signPk).batchSeq == 1);
  const auto padded = slurp(kCorpus / "batch_body" / "batch-3-events-padded.batch");
  CHECK(openBatch(padded, keys.device.signPk, keys.central).events.size() == 3);
  CHECK(decodeManifest(slurp(kCorpus / "manifest" / "batch-3-events-no-counts.manifest")).sha256 == sha256Hex(padded));
}

TEST_CASE("the valid CSV fuzz seeds parse and the broken ones are rejected") {
  for (const char* name : {"roster-valid.csv", "roster-valid-bom.csv"}) {
    INFO(name);
    const auto parts = splitAtRecordSeparator(slurp(kCorpus / "roster_csv" / name));
    REQUIRE(parts.size() >= 3);
    auto roster = parseRosterCsv(parts[0], parts[1], parts[2]);
    CHECK(roster.sites.size() == 2);
    CHECK(roster.participants.size() == 2);
    if (parts.size() == 4) {
      parseStaffCsv(parts[3], roster);
      CHECK(roster.staff.size() == 1);
    }
  }
  for (const char* name : {"roster-unknown-site.csv", "roster-duplicate-id.csv", "roster-bad-time.csv"}) {
    INFO(name);
    const auto parts = splitAtRecordSeparator(slurp(kCorpus / "roster_csv" / name));
    REQUIRE(parts.size() == 3);
    expectError(ErrorCode::BadInput, [&] { parseRosterCsv(parts[0], parts[1], parts[2]); });
  }
  for (const char* name : {"stray-quote.csv", "unterminated-quote.csv", "nul-byte.csv",
                           "invalid-utf8.csv", "wrong-column-count.csv"}) {
    INFO(name);
    expectError(ErrorCode::BadInput, [&] { parseCsv(slurp(kCorpus / "roster_csv" / name), name); });
  }
  CHECK(parseCsv(slurp(kCorpus / "roster_csv" / "crlf-in-quoted-field.csv"), "x").rows.at(0).at(1) == "two\r\nlines");
}

TEST_CASE("the enrolment seeds are an offer and a request with the fixed key, and broken ones are refused") {
  const auto keys = fuzz::makeFuzzKeys();
  const auto key = fuzz::fixedEnrolKey();
  const std::string offer = slurp(kCorpus / "enrol_offer" / "offer-valid.offer");
  CHECK(parseOffer(offer).centralSignPk == keys.central.signPk);
  CHECK(offerMacValid(offer, key));
  CHECK_FALSE(offerMacValid(slurp(kCorpus / "enrol_offer" / "offer-wrong-mac.offer"), key));
  CHECK(parseOffer(slurp(kCorpus / "enrol_offer" / "offer-negative-expiry.offer")).expiresUtc < 0);
  expectError(ErrorCode::BadInput, [&] { parseOffer(slurp(kCorpus / "enrol_offer" / "offer-no-last-newline.offer")); });
  // Found by the fuzzer: an empty unit line handed libsodium's base64 decoder a null buffer.
  expectError(ErrorCode::BadInput, [&] { parseOffer(slurp(kCorpus / "enrol_offer" / "regression-empty-unit.offer")); });
  const std::string request = slurp(kCorpus / "enrol_request" / "request-valid.request");
  CHECK(parseRequest(request).deviceSignPk == keys.device.signPk);
  CHECK(requestMacValid(request, key));
  CHECK_FALSE(requestMacValid(slurp(kCorpus / "enrol_request" / "request-wrong-mac.request"), key));
  for (const char* name : {"request-no-last-newline.request", "request-sign-key-not-a-point.request"}) {
    INFO(name);
    expectError(ErrorCode::BadInput, [&] { parseRequest(slurp(kCorpus / "enrol_request" / name)); });
  }
}

TEST_CASE("the event payload seeds are payloads as the kiosk writes them") {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus / "event_payload")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("payload-", 0) != 0) continue;
    INFO(name);
    const std::string bytes = slurp(entry.path());
    REQUIRE(bytes.size() > 1);
    // The file name carries the kind; the first byte is the fuzz target's choice of it.
    const std::string kind = name.substr(8, name.find_first_of("-.", 8) - 8);
    const auto payload = decodePayload(kind, bytes.substr(1));
    CHECK(kindOf(payload) == kind);
    CHECK(encodePayload(payload) == bytes.substr(1));
    ++n;
  }
  CHECK(n >= std::variant_size_v<EventPayload>);
}

TEST_CASE("the PNG photo seeds decode, and truncated ones and every JPEG are refused") {
  for (const char* name : {"rgb-16x12.png", "rgba-8x8.png", "grey-5x3.png"}) {
    INFO(name);
    const auto photo = platform::decodePhoto(slurp(kCorpus / "photo" / name));
    CHECK(photo.rgba.size() == static_cast<std::size_t>(photo.width * photo.height * 4));
  }
  CHECK(platform::decodePhoto(slurp(kCorpus / "photo" / "rgb-16x12.png")).width == 16);
  for (const char* name : {"truncated-rgb-16x12.png", "header-only.png", "rgb-16x16.jpg", "grey-9x7.jpg",
                           "truncated-rgb-16x16.jpg"}) {
    INFO(name);
    expectError(ErrorCode::BadInput, [&] { platform::decodePhoto(slurp(kCorpus / "photo" / name)); });
  }
}

TEST_CASE("a manifest or marker whose number reads 0e99 is refused by the strict JSON reader") {
  // Found by the fuzzer: Debian's rapidjson reaches undefined behaviour on a zero with an
  // exponent. No JSON from outside reaches rapidjson any more; the regression inputs stay in
  // the corpus, which is replayed on every run.
  for (const char* name : {"regression-manifest-byte-size-0e99.manifest", "regression-zero-exponent"}) {
    INFO(name);
    try {
      decodeManifest(slurp(kCorpus / "manifest" / name));
      FAIL("accepted");
    } catch (const DagverkError& e) {
      CHECK(e.code() == ErrorCode::BatchRejected);
      CHECK(std::string(e.english()).find("fraction or an exponent") != std::string::npos);
    }
  }
  try {
    decodeMarker(slurp(kCorpus / "marker" / "regression-format-version-0e99.json"));
    FAIL("accepted");
  } catch (const DagverkError& e) {
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(std::string(e.english()).find("fraction or an exponent") != std::string::npos);
  }
  const std::string payload = slurp(kCorpus / "event_payload" / "regression-payload-at-0e-30");
  try {
    decodePayload("CheckedIn", payload.substr(1));
    FAIL("accepted");
  } catch (const DagverkError& e) {
    CHECK(std::string(e.english()).find("fraction or an exponent") != std::string::npos);
  }
}

TEST_CASE("photos the fuzzer found faults in Debian's stb_image with are refused") {
  // Each of these made the decoder write or read out of bounds, allocate 2 GiB, add to a null
  // pointer, overflow an int or shift by 32; the JPEG ones no longer reach a decoder at all.
  for (const char* name : {"regression-jpeg-huffman-over-256-symbols.jpg", "regression-png-empty-first-idat.png",
                           "regression-png-idat-claims-2-gib.png", "regression-jpeg-dc-prediction-overflow.jpg",
                           "regression-jpeg-scan-with-undefined-huffman-table.jpg",
                           "regression-jpeg-bit-buffer-shift-by-32.jpg"}) {
    INFO(name);
    expectError(ErrorCode::BadInput, [&] { platform::decodePhoto(slurp(kCorpus / "photo" / name)); });
  }
}
