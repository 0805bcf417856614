// The committed fuzz seeds (tests/fuzz/corpus, written by make_seeds) are what they claim to be:
// valid files for the fixed fuzz keys. If the formats change, this fails and the seeds must be
// made again, so the fuzzer never starts from files that are rejected at the first byte.
#include "core/Csv.hpp"
#include "FuzzKeys.hpp"
#include "core/RosterCsv.hpp"
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
  const auto batch = slurp(kCorpus / "batch" / "batch-3-events.batch");
  const auto contents = openBatch(batch, keys.device.signPk, keys.central);
  CHECK(contents.events.size() == 3);
  CHECK(openBatch(slurp(kCorpus / "batch" / "batch-empty.batch"), keys.device.signPk, keys.central).events.empty());
  CHECK(detail::decodeBatchPayload(slurp(kCorpus / "batch" / "batch-payload-3-events.bin")).events.size() == 3);
  const auto manifest = decodeManifest(slurp(kCorpus / "batch" / "batch-3-events.manifest"));
  CHECK(manifest.sha256 == sha256Hex(batch));
  CHECK(manifest.byteSize == static_cast<std::int64_t>(batch.size()));
  CHECK(openReceipt(slurp(kCorpus / "batch" / "batch-3-events.receipt"), keys.central.signPk).eventCount == 3);
  CHECK(openBundle(slurp(kCorpus / "batch" / "bundle-v3.bundle"), keys.central.signPk, keys.device).version == 3);
  CHECK(openBundleAsCentral(slurp(kCorpus / "batch" / "bundle-v4-central-only.bundle"), keys.central).version == 4);
  CHECK(detail::decodeBundlePayload(slurp(kCorpus / "batch" / "bundle-payload-v3.bin")).version == 3);
  CHECK(decodeMarker(slurp(kCorpus / "batch" / "dagverk-share.json")).centralSignPk == keys.central.signPk);
  CHECK(parseDevicePublicKey(slurp(kCorpus / "batch" / "device-public.key")).signPk == keys.device.signPk);
}

TEST_CASE("the valid CSV fuzz seeds parse and the broken ones are rejected") {
  for (const char* name : {"roster-valid.csv", "roster-valid-bom.csv"}) {
    INFO(name);
    const auto parts = splitAtRecordSeparator(slurp(kCorpus / "csv" / name));
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
    const auto parts = splitAtRecordSeparator(slurp(kCorpus / "csv" / name));
    REQUIRE(parts.size() == 3);
    expectError(ErrorCode::BadInput, [&] { parseRosterCsv(parts[0], parts[1], parts[2]); });
  }
  for (const char* name : {"stray-quote.csv", "unterminated-quote.csv", "nul-byte.csv",
                           "invalid-utf8.csv", "wrong-column-count.csv"}) {
    INFO(name);
    expectError(ErrorCode::BadInput, [&] { parseCsv(slurp(kCorpus / "csv" / name), name); });
  }
  CHECK(parseCsv(slurp(kCorpus / "csv" / "crlf-in-quoted-field.csv"), "x").rows.at(0).at(1) == "two\r\nlines");
}

TEST_CASE("a manifest whose number reads 0e99 is refused before the JSON library sees it") {
  // Found by the fuzzer: Debian's rapidjson reaches undefined behaviour on a zero with an
  // exponent. The regression inputs stay in the corpus, which is replayed on every run.
  for (const char* name : {"regression-manifest-byte-size-0e99.manifest", "regression-zero-exponent"}) {
    INFO(name);
    try {
      decodeManifest(slurp(kCorpus / "batch" / name));
      FAIL("accepted");
    } catch (const DagverkError& e) {
      CHECK(e.code() == ErrorCode::BatchRejected);
      CHECK(std::string(e.english()).find("fraction or an exponent") != std::string::npos);
    }
  }
}
