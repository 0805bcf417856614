// Writes the seed corpora for the fuzz targets: real, valid batches, bundles, receipts,
// manifests and markers made with the fixed fuzz keys (corpus/batch/), and valid and broken
// CSV files (corpus/csv/). Built in the normal build; run once, its output is committed:
//   make_seeds tests/fuzz/corpus
#include "FuzzKeys.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

using namespace dagverk;
using namespace dagverk::sync;
namespace fs = std::filesystem;

namespace {

void put(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

EventRow event(std::int64_t seq) {
  EventRow e;
  e.id = "0190a0b0-0000-7000-8000-00000000000" + std::to_string(seq % 10);
  e.deviceId = fuzz::kFuzzDeviceId;
  e.seq = seq;
  e.recordedUtc = 1'780'000'000'000 + seq * 1000;
  e.zone = "Europe/Stockholm";
  e.siteId = "liljan";
  if (seq % 2 == 0) e.actorStaffId = "S001";
  e.kind = seq % 2 == 0 ? "CheckedOut" : "CheckedIn";
  e.subjectId = "P0001";
  e.payloadJson = R"({"value0":{"participantId":"P0001","at":"2026-05-28T09:00"}})";
  e.schemaVersion = 3;
  return e;
}

BatchContents batch(int events) {
  BatchContents b;
  b.batchId = "0190a0b0-1111-7000-8000-000000000001";
  b.deviceId = fuzz::kFuzzDeviceId;
  b.siteId = "liljan";
  b.batchSeq = 1;
  b.schemaVersion = 3;
  b.createdUtc = 1'780'000'100'000;
  for (int i = 1; i <= events; ++i) b.events.push_back(event(i));
  return b;
}

BundleContents bundle(std::int64_t version) {
  BundleContents b;
  b.version = version;
  b.createdUtc = 1'780'000'000'000;
  b.unit = "Dagverk fuzz";
  b.sitesCsv = "site_id,name,places,opens,closes\nliljan,Liljan,38,08:00,16:00\n";
  b.participantsCsv = "participant_id,site_id,first_name,initial,weekdays,photo\nP0001,liljan,Dalia,R,24,\n";
  b.activitiesCsv = "activity_id,site_id,name,category\nliljan-a01,liljan,Bild och form,Skapande\n";
  b.staffCsv = "staff_id,site_id,first_name,initial,role,pin_hash\n";
  b.settings = {{"staff_idle_seconds", "90"}};
  return b;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seeds <corpus-dir>\n";
    return 2;
  }
  const fs::path root = argv[1];
  const fs::path b = root / "batch";
  const fs::path c = root / "csv";
  fs::create_directories(b);
  fs::create_directories(c);
  const auto keys = fuzz::makeFuzzKeys();

  const std::string small = sealBatch(batch(3), keys.device, keys.central.boxPk);
  put(b / "batch-3-events.batch", small);
  put(b / "batch-empty.batch", sealBatch(batch(0), keys.device, keys.central.boxPk));
  put(b / "batch-payload-3-events.bin", detail::encodeBatchPayload(batch(3)));
  Manifest m;
  m.batchFile = "00000001-0190a0b0-1111-7000-8000-000000000001.batch";
  m.batchId = "0190a0b0-1111-7000-8000-000000000001";
  m.deviceId = fuzz::kFuzzDeviceId;
  m.siteId = "liljan";
  m.batchSeq = 1;
  m.byteSize = static_cast<std::int64_t>(small.size());
  m.sha256 = sha256Hex(small);
  m.eventCount = 3;
  m.firstSeq = 1;
  m.lastSeq = 3;
  m.schemaVersion = 3;
  put(b / "batch-3-events.manifest", encodeManifest(m));
  Receipt r;
  r.deviceId = fuzz::kFuzzDeviceId;
  r.batchSeq = 1;
  r.batchId = m.batchId;
  r.sha256 = m.sha256;
  r.eventCount = 3;
  r.newEvents = 3;
  r.importedUtc = 1'780'000'200'000;
  put(b / "batch-3-events.receipt", signReceipt(r, keys.central));
  const EnrolledDevice self{keys.device.deviceId, "liljan", keys.device.signPk};
  put(b / "bundle-v3.bundle", sealBundle(bundle(3), keys.central, {self}));
  put(b / "bundle-v4-central-only.bundle", sealBundle(bundle(4), keys.central, {}));
  put(b / "bundle-payload-v3.bin", detail::encodeBundlePayload(bundle(3)));
  ShareMarker marker;
  marker.unit = "Dagverk fuzz";
  marker.centralBoxPk = keys.central.boxPk;
  marker.centralSignPk = keys.central.signPk;
  put(b / "dagverk-share.json", encodeMarker(marker));
  put(b / "device-public.key", formatDevicePublicKey(keys.device));

  // CSV: the fuzz target splits its input at 0x1e into sites, participants, activities, staff.
  const std::string sites = "site_id,name,places,opens,closes\r\nliljan,Liljans dagliga verksamhet,38,08:00,16:00\r\n"
                            "ornsberg,Örnsbergs dagliga verksamhet,22,08:30,15:30\r\n";
  const std::string participants = "participant_id,site_id,first_name,initial,weekdays,photo\r\n"
                                   "P0001,liljan,Dalia,R,24,\r\nP0002,ornsberg,\"Hugo, den andre\",N,1234,\r\n";
  const std::string activities = "activity_id,site_id,name,category\r\nliljan-a01,liljan,Bild och form,Skapande\r\n"
                                 "ornsberg-a01,ornsberg,\"Teater \"\"på riktigt\"\"\",Kultur\r\n";
  const std::string staff = "staff_id,site_id,first_name,initial,role,pin_hash\r\n"
                            "S001,liljan,Annika,B,staff,\"$argon2id$v=19$m=65536,t=2,p=1$9kGc2MVQEEpDmYGn+CT4OQ$"
                            "Jnsw4eMbuITpIB9Kk9XBkuwByvtQO9o13Yd4YwNFABQ\"\r\n";
  const std::string rs = "\x1e";
  put(c / "roster-valid.csv", sites + rs + participants + rs + activities + rs + staff);
  put(c / "roster-valid-bom.csv", "\xef\xbb\xbf" + sites + rs + "\xef\xbb\xbf" + participants + rs + activities);
  put(c / "sites-valid.csv", sites);
  put(c / "participants-valid.csv", participants);
  put(c / "stray-quote.csv", "a,b,c\r\n1,2\"x,3\r\n");
  put(c / "unterminated-quote.csv", "a,b\r\n1,\"never closed\r\n");
  put(c / "crlf-in-quoted-field.csv", "a,b\r\n1,\"two\r\nlines\"\r\n");
  put(c / "cr-in-unquoted-field.csv", "a,b\r\n1,two\rlines\r\n");
  put(c / "nul-byte.csv", std::string("a,b\r\n1,x\0y\r\n", 12));
  put(c / "invalid-utf8.csv", "a,b\r\n1,\xc3\x28\xff\r\n");
  put(c / "wrong-column-count.csv", "a,b,c\r\n1,2,3\r\n4,5\r\n6,7,8,9\r\n");
  put(c / "roster-unknown-site.csv", sites + rs + "participant_id,site_id,first_name,initial,weekdays,photo\r\n"
                                               "P0001,nowhere,Dalia,R,24,\r\n" + rs + activities);
  put(c / "roster-duplicate-id.csv", sites + rs + "participant_id,site_id,first_name,initial,weekdays,photo\r\n"
                                                "P0001,liljan,Dalia,R,24,\r\nP0001,liljan,Dalia,R,24,\r\n" + rs +
                                                activities);
  put(c / "roster-bad-time.csv", "site_id,name,places,opens,closes\r\nliljan,Liljan,38,25:00,16:00\r\n" + rs +
                                     participants + rs + activities);
  std::cout << "seeds written to " << root << "\n";
  return 0;
}
