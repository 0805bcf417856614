#pragma once
// The byte limit of every reader of outside input, in one place. Outside input is anything a
// person or another device can place where Dagverk reads it: the share's files, the central's
// CSV files, the enrolled-devices list, event payloads from other devices, participant photos.
// Each reader checks the size (of the file before reading it, or of the text it is handed)
// against its limit here and refuses larger input with a clear message; none reads more than
// its limit into memory. The limits are far above what Dagverk itself writes.
#include <cstddef>

namespace dagverk::limits {

inline constexpr std::size_t kKiB = 1024;
inline constexpr std::size_t kMiB = 1024 * kKiB;

// <share>/dagverk-share.json: a format version, a unit name and two base64 keys (~200 bytes).
inline constexpr std::size_t kMarkerBytes = 64 * kKiB;
// <share>/inbox/.../*.manifest: ids, sizes and a hash (~400 bytes).
inline constexpr std::size_t kManifestBytes = 64 * kKiB;
// <share>/receipts/.../*.receipt: ids, counts and a signature (~300 bytes).
inline constexpr std::size_t kReceiptBytes = 64 * kKiB;
// A batch (kiosk -> central) and a bundle (central -> kiosks), whole files, derived from what
// they must carry. Each is read whole into memory (then decrypted beside it), so the limit is
// also what a planted file can cost a kiosk's or central's memory: twice the limit at most.
//
// A batch holds every event a kiosk has not had acknowledged: at the worst a year without a
// receipt at a large site. 100 people present each day, 4 events each (in, out, an activity, a
// feedback), 366 days: 146,400 events. An event row as a batch holds it is about 300 bytes (ids,
// zone, kind, a payload of ~100 bytes); 1 KiB each leaves room for larger payloads. Plus the
// padding to the next size bucket (at most 1 MiB above 1 MiB) and the stream's framing.
inline constexpr std::size_t kYearOfEvents = 100 * 4 * 366;
inline constexpr std::size_t kBatchEventBytes = 1 * kKiB;
inline constexpr std::size_t kBatchBytes = (kYearOfEvents * kBatchEventBytes / kMiB + 2) * kMiB; // 145 MiB
// A bundle holds a site's roster: at most 1,000 participants and 1,000 staff, each a CSV row of
// at most 1 KiB (Dagverk writes ~150 bytes: ids, names, weekdays, a PIN hash), activities and
// settings within the same budget. A kiosk's bundle holds one site; the unit's bundle, which
// central alone reads, carries every site: room for 8 such sites.
inline constexpr std::size_t kSitePeople = 1000;
inline constexpr std::size_t kRosterRowBytes = 1 * kKiB;
inline constexpr std::size_t kBundleSites = 8;
inline constexpr std::size_t kBundleBytes = kBundleSites * 2 * kSitePeople * kRosterRowBytes; // 15.6 MiB
// An enrolment offer or request on the share (enrol/*.offer, *.request; ~400 bytes).
inline constexpr std::size_t kEnrolmentFileBytes = 4 * kKiB;
// <keys>/enrolled.json: ~150 bytes per device.
inline constexpr std::size_t kEnrolledListBytes = 4 * kMiB;
// One event's payload JSON (a session of a few hundred participants is a few KiB).
inline constexpr std::size_t kEventPayloadBytes = 256 * kKiB;
// One roster CSV file (sites, participants, activities, staff) given to the central tool.
inline constexpr std::size_t kRosterCsvBytes = 16 * kMiB;
// A participant photo file (PNG; platform/PhotoFile.hpp), and what it may decode to.
inline constexpr std::size_t kPhotoFileBytes = 16 * kMiB;
inline constexpr int kPhotoMaxSide = 4096;                    // pixels, width and height each
inline constexpr std::size_t kPhotoDecodedBytes = 64 * kMiB; // width * height * 4 (RGBA)
// The largest single allocation the decoder may make: a 16-bit PNG's raw rows are twice the
// decoded size (plus a filter byte per row).
inline constexpr std::size_t kPhotoDecoderAllocationBytes = 2 * kPhotoDecodedBytes + 64 * kKiB;

// Nesting of JSON from outside: Dagverk writes at most three levels.
inline constexpr int kJsonMaxDepth = 8;

} // namespace dagverk::limits
