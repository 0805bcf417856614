// Writes the seed corpora for the fuzz targets (one directory per target, targets.txt) with the
// project's own writers: real, valid markers, manifests, receipts, bundles and batches made with
// the fixed fuzz keys, event payloads as the kiosk writes them, valid and broken CSV files, and
// PNG and JPEG photos written with stb_image_write, whole and truncated (the photo reader must
// decode the PNG ones and refuse every JPEG). Built in the normal
// build; run once, its output is committed:
//   make_seeds tests/fuzz/corpus
#include "FuzzKeys.hpp"
#include "core/Event.hpp"
#include "sync/Enrolment.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <stb/stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
  if (seq % 2 == 0) {
    CheckedOut out;
    out.participantId = "P0001";
    out.at = e.recordedUtc;
    out.checkInEventId = "0190a0b0-0000-7000-8000-000000000001";
    e.payloadJson = encodePayload(out);
  } else {
    e.payloadJson = encodePayload(CheckedIn{"P0001", e.recordedUtc});
  }
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

// The variant index of each event kind: fuzz_event_payload picks the kind by its first byte.
template <class T, std::size_t I = 0> constexpr std::size_t kindIndex() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, EventPayload>, T>) return I;
  else return kindIndex<T, I + 1>();
}

void putPayload(const fs::path& dir, const EventPayload& p, const std::string& suffix = "") {
  const std::size_t index = std::visit([](const auto& v) { return kindIndex<std::decay_t<decltype(v)>>(); }, p);
  put(dir / (std::string("payload-") + kindOf(p) + suffix + ".json"),
      std::string(1, static_cast<char>(index)) + encodePayload(p));
}

template <std::size_t... I> void putDefaultPayloads(const fs::path& dir, std::index_sequence<I...>) {
  (putPayload(dir, EventPayload(std::in_place_index<I>)), ...);
}

void appendBytes(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::vector<unsigned char> gradient(int w, int h, int channels) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w * h * channels));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < channels; ++c)
        px[static_cast<std::size_t>((y * w + x) * channels + c)] = static_cast<unsigned char>((x * 16 + y * 8 + c * 64) & 0xff);
  return px;
}

std::string png(int w, int h, int channels) {
  std::string out;
  const auto px = gradient(w, h, channels);
  if (stbi_write_png_to_func(appendBytes, &out, w, h, channels, px.data(), w * channels) == 0)
    throw std::runtime_error("stbi_write_png_to_func failed");
  return out;
}

std::string jpeg(int w, int h, int channels, int quality) {
  std::string out;
  const auto px = gradient(w, h, channels);
  if (stbi_write_jpg_to_func(appendBytes, &out, w, h, channels, px.data(), quality) == 0)
    throw std::runtime_error("stbi_write_jpg_to_func failed");
  return out;
}

void writeShareSeeds(const fs::path& root, const fuzz::FuzzKeys& keys) {
  const fs::path markerDir = root / "marker";
  const fs::path manifestDir = root / "manifest";
  const fs::path receiptDir = root / "receipt";
  const fs::path bundleHeaderDir = root / "bundle_header";
  const fs::path bundleBodyDir = root / "bundle_body";
  const fs::path batchHeaderDir = root / "batch_header";
  const fs::path batchBodyDir = root / "batch_body";
  for (const auto& d : {markerDir, manifestDir, receiptDir, bundleHeaderDir, bundleBodyDir, batchHeaderDir, batchBodyDir})
    fs::create_directories(d);

  const std::string small = sealBatch(batch(3), keys.device, keys.central.boxPk);
  const std::string empty = sealBatch(batch(0), keys.device, keys.central.boxPk);
  put(batchHeaderDir / "batch-3-events.batch", small);
  put(batchHeaderDir / "batch-empty.batch", empty);
  put(batchBodyDir / "batch-3-events.batch", small);
  put(batchBodyDir / "batch-empty.batch", empty);
  put(batchBodyDir / "batch-payload-3-events.bin", detail::encodeBatchPayload(batch(3)));
  Manifest m;
  m.batchFile = "00000001-0190a0b0-1111-7000-8000-000000000001.batch";
  m.batchId = "0190a0b0-1111-7000-8000-000000000001";
  m.deviceId = fuzz::kFuzzDeviceId;
  m.siteId = "liljan";
  m.batchSeq = 1;
  m.byteSize = static_cast<std::int64_t>(small.size());
  m.sha256 = sha256Hex(small);
  m.schemaVersion = 3;
  put(manifestDir / "batch-3-events.manifest", encodeManifest(m));
  put(manifestDir / "batch-empty.manifest", encodeManifest(m));
  Receipt r;
  r.deviceId = fuzz::kFuzzDeviceId;
  r.batchSeq = 1;
  r.batchId = m.batchId;
  r.sha256 = m.sha256;
  r.importedUtc = 1'780'000'200'000;
  put(receiptDir / "batch-3-events.receipt", signReceipt(r, keys.central));
  const EnrolledDevice self{keys.device.deviceId, "liljan", keys.device.signPk, keys.device.boxPk};
  const std::string v3 = sealBundle(bundle(3), keys.central, {self});
  const std::string v4 = sealBundle(bundle(4), keys.central, {});
  put(bundleHeaderDir / "bundle-v3.bundle", v3);
  put(bundleHeaderDir / "bundle-v4-central-only.bundle", v4);
  put(bundleBodyDir / "bundle-v3.bundle", v3);
  put(bundleBodyDir / "bundle-v4-central-only.bundle", v4);
  put(bundleBodyDir / "bundle-payload-v3.bin", detail::encodeBundlePayload(bundle(3)));
  ShareMarker marker;
  marker.unit = "Dagverk fuzz";
  marker.centralBoxPk = keys.central.boxPk;
  marker.centralSignPk = keys.central.signPk;
  signMarker(marker, keys.central.signSk);
  put(markerDir / "dagverk-share.json", encodeMarker(marker));
  put(markerDir / "device-public.key", formatDevicePublicKey(keys.device));
}

void writePayloadSeeds(const fs::path& dir) {
  fs::create_directories(dir);
  putDefaultPayloads(dir, std::make_index_sequence<std::variant_size_v<EventPayload>>());
  CheckedOut out;
  out.participantId = "P0001";
  out.at = 1'780'000'000'000;
  out.automatic = true;
  out.checkInEventId = "0190a0b0-0000-7000-8000-000000000001";
  out.clockFault = true;
  putPayload(dir, out, "-with-clock-fault"); // the optional last field present
  ActivitySessionLogged s;
  s.sessionId = "0190a0b0-2222-7000-8000-000000000001";
  s.activityId = "liljan-a01";
  s.participantIds = {"P0001", "P0002", "P0003"};
  s.staffIds = {"S001"};
  s.start = 1'780'000'000'000;
  s.end = 1'780'003'600'000;
  s.outing = true;
  s.place = "Skansen, \"Solliden\" \u00e5\u00e4\u00f6 och en tabb\t";
  s.note = "Åsa och Örjan följde med — 😀";
  s.planned = true;
  putPayload(dir, s, "-with-lists");
}

void writePhotoSeeds(const fs::path& dir) {
  fs::create_directories(dir);
  const std::string rgbPng = png(16, 12, 3);
  const std::string rgbaPng = png(8, 8, 4);
  const std::string greyPng = png(5, 3, 1);
  const std::string rgbJpeg = jpeg(16, 16, 3, 90);
  const std::string greyJpeg = jpeg(9, 7, 1, 50);
  put(dir / "rgb-16x12.png", rgbPng);
  put(dir / "rgba-8x8.png", rgbaPng);
  put(dir / "grey-5x3.png", greyPng);
  put(dir / "rgb-16x16.jpg", rgbJpeg);
  put(dir / "grey-9x7.jpg", greyJpeg);
  put(dir / "truncated-rgb-16x12.png", rgbPng.substr(0, rgbPng.size() / 2));
  put(dir / "truncated-rgb-16x16.jpg", rgbJpeg.substr(0, rgbJpeg.size() / 2));
  put(dir / "header-only.png", rgbPng.substr(0, 33));
}

} // namespace

// Enrolment offers and requests as central and the kiosk write them (MAC with the fixed key),
// and the malformed shapes the readers must refuse.
void writeEnrolSeeds(const fs::path& root, const fuzz::FuzzKeys& keys) {
  const auto key = fuzz::fixedEnrolKey();
  const fs::path offerDir = root / "enrol_offer";
  const fs::path requestDir = root / "enrol_request";
  fs::create_directories(offerDir);
  fs::create_directories(requestDir);
  EnrolmentOffer o;
  o.offerId = "0123456789abcdef";
  o.unit = "Daglig verksamhet Hägersten-Älvsjö";
  o.siteId = "liljan";
  o.expiresUtc = 1'780'000'000'000;
  for (unsigned i = 0; i < o.salt.size(); ++i) o.salt[i] = static_cast<unsigned char>(i * 7);
  o.centralSignPk = keys.central.signPk;
  o.centralBoxPk = keys.central.boxPk;
  const std::string offer = encodeOffer(o, key);
  put(offerDir / "offer-valid.offer", offer);
  put(offerDir / "offer-no-last-newline.offer", offer.substr(0, offer.size() - 1));
  put(offerDir / "offer-wrong-mac.offer", encodeOffer(o, EnrolKey{}));
  put(offerDir / "offer-negative-expiry.offer",
      std::string(offer).replace(offer.find("expires ") + 8, 13, "-178000000000"));
  EnrolmentRequest r;
  r.offerId = o.offerId;
  r.deviceId = fuzz::kFuzzDeviceId;
  r.siteId = "liljan";
  r.deviceSignPk = keys.device.signPk;
  r.deviceBoxPk = keys.device.boxPk;
  const std::string request = encodeRequest(r, key);
  put(requestDir / "request-valid.request", request);
  put(requestDir / "request-no-last-newline.request", request.substr(0, request.size() - 1));
  put(requestDir / "request-wrong-mac.request", encodeRequest(r, EnrolKey{}));
  EnrolmentRequest notAPoint = r;
  notAPoint.deviceSignPk.fill(0xFF); // not a point on the curve: refused when parsed
  put(requestDir / "request-sign-key-not-a-point.request", encodeRequest(notAPoint, key));
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seeds <corpus-dir>\n";
    return 2;
  }
  const fs::path root = argv[1];
  const auto keys = fuzz::makeFuzzKeys();
  writeShareSeeds(root, keys);
  writeEnrolSeeds(root, keys);
  writePayloadSeeds(root / "event_payload");
  writePhotoSeeds(root / "photo");

  // CSV: the fuzz target splits its input at 0x1e into sites, participants, activities, staff.
  const fs::path c = root / "roster_csv";
  fs::create_directories(c);
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
