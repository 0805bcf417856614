#pragma once
// What travels over the share, and the keys that protect it.
//
//   <share>/dagverk-share.json                                 marker (ShareMarker, JSON)
//   <share>/inbox/<site>/<device>/<seq>-<batch-uuid>.batch      kiosk -> central (sealBatch)
//   <share>/inbox/<site>/<device>/<seq>-<batch-uuid>.manifest   written last (Manifest, JSON)
//   <share>/receipts/<device>/<seq>-<batch-uuid>.receipt        central -> kiosk (signReceipt)
//   <share>/bundles/<version>.bundle                            the whole unit, sealed to central only
//   <share>/bundles/<site>/<version>.bundle                     central -> that site's kiosks (sealBundle)
//   <share>/quarantine/<device>/...                             rejected files + .reason.txt
//
// Crypto (libsodium): a batch's payload is cereal portable binary, encrypted with
// crypto_secretstream_xchacha20poly1305 under a fresh stream key; the stream key travels in a
// crypto_box_seal to the central box key; the whole file is signed (Ed25519, detached) by the
// device key. Bundles are signed by the central signing key; their stream key is sealed once per
// device enrolled for the bundle's site (to the device's own X25519 box key, bundleRecipientKey) and
// once to the central box key. A site's bundle holds only that site's participants, activities
// and staff; the whole unit's roster (what central compares the next publish with) is sealed to
// central alone. Receipts are signed by the central signing key (they hold no personal data).
//
// Nothing here touches SQLite or the UI. Every reader throws DagverkError (BatchRejected,
// BundleRejected) with a Swedish and an English reason and never returns partial contents.
#include "core/Clock.hpp"
#include "core/Error.hpp"
#include "core/EventRow.hpp"

#include <array>
#include "sync/SecretBytes.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dagverk::sync {

inline constexpr int kShareFormatVersion = 1;
inline constexpr const char* kMarkerFileName = "dagverk-share.json";

using PublicKey = std::array<unsigned char, 32>;  // Ed25519 or X25519 public key
// Secret keys live in locked memory that is wiped when they go (sync/SecretBytes.hpp).
using SigningSecret = SecretKey<64>; // Ed25519 secret key
using BoxSecret = SecretKey<32>;     // X25519 secret key

std::string toBase64(const unsigned char* data, size_t size);
std::string toBase64(const PublicKey& key);
PublicKey publicKeyFromBase64(const std::string& text); // throws DagverkError(BadInput)
std::string sha256Hex(std::string_view bytes);

// Reads a whole file that comes from outside (the share, or a file given to the central tool)
// only if it holds at most `maxBytes` (its limit in core/InputLimits.hpp); a larger one is
// refused before it is read, with DagverkError(code, swedish, "<what> refused: <file> is larger
// than N bytes"). A file that cannot be read throws as platform::readWholeFile does.
std::string readFileWithinLimit(const std::filesystem::path& file, std::size_t maxBytes, ErrorCode code,
                                const std::string& swedish, const std::string& what);
// The same for a file on the share at `shareRoot`: no symbolic link below the root is followed
// (platform::readFileBeneath), the size is checked on the opened file before reading, and the
// read is in chunks. Throws DagverkError(code): `swedish` for a file over `maxBytes`, a message of
// its own for a link or a non-regular file (English "<what> refused: ... symbolic link ...") and
// for a missing one.
std::string readShareFile(const std::filesystem::path& shareRoot, const std::filesystem::path& file,
                          std::size_t maxBytes, ErrorCode code, const std::string& swedish, const std::string& what);

// --- keys -------------------------------------------------------------------------------------
// The kiosk's own key pairs: <data-dir>/device.key (0600), made on first start. The signing key
// signs batches; the box key (X25519, its own pair) opens bundles.
struct DeviceKey {
  std::string deviceId;
  PublicKey signPk{};
  SigningSecret signSk{};
  PublicKey boxPk{};
  BoxSecret boxSk{};
};
// Loads <dataDir>/device.key, or creates it for deviceId (O_EXCL, 0600) if it does not exist.
// A key file without a box key pair gets one added (replaced atomically).
// Throws KeysMissing if the file exists but is unreadable or belongs to another device id.
DeviceKey loadOrCreateDeviceKey(const std::filesystem::path& dataDir, const std::string& deviceId);
// New key pairs in place of the old ones (atomically): a kiosk enrolled again after its key may
// have been copied gets a key nobody else holds.
DeviceKey replaceDeviceKey(const std::filesystem::path& dataDir, const std::string& deviceId);

// What `dagverk keys` prints (for people; enrolment goes by code, sync/Enrolment.hpp):
//   dagverk-device-key 1 <device-id> <base64 Ed25519 public key>
struct DevicePublicKey {
  std::string deviceId;
  PublicKey signPk{};
};
std::string formatDevicePublicKey(const DeviceKey& key);
DevicePublicKey parseDevicePublicKey(std::string_view text); // throws BadInput

// The central key pairs: <keys>/central-box.key and <keys>/central-sign.key (0600, dir 0700).
struct CentralKeys {
  PublicKey boxPk{};
  BoxSecret boxSk{};
  PublicKey signPk{};
  SigningSecret signSk{};
};
// Refuses (BadInput) to overwrite existing keys.
CentralKeys createCentralKeys(const std::filesystem::path& keysDir);
CentralKeys loadCentralKeys(const std::filesystem::path& keysDir); // throws KeysMissing

// Kiosks the central trusts, and the keys it no longer trusts: <keys>/enrolled.json, written
// atomically.
struct EnrolledDevice {
  std::string deviceId;
  std::string siteId;
  PublicKey signPk{};
  PublicKey boxPk{}; // X25519: bundles are sealed to it
};
std::vector<EnrolledDevice> loadEnrolled(const std::filesystem::path& keysDir);
// The key a bundle's stream key is sealed to for this device.
PublicKey bundleRecipientKey(const EnrolledDevice& device);
// Adds the device, or with the same key updates its site and box key. Another key for an
// enrolled device id is refused (BadInput) unless `replace`; then the old key is revoked.
void enrollDevice(const std::filesystem::path& keysDir, const EnrolledDevice& device, bool replace = false);
struct RevokedKey {
  std::string deviceId;
  PublicKey signPk{};
  UtcMs revokedUtc = 0; // 0: replaced by a new enrolment
};
std::vector<RevokedKey> loadRevoked(const std::filesystem::path& keysDir);
// Ends the device's enrolment: its key moves to the revoked list. False if it was not enrolled.
bool revokeDevice(const std::filesystem::path& keysDir, const std::string& deviceId, UtcMs now);

// --- the share marker -------------------------------------------------------------------------
struct ShareMarker {
  int formatVersion = kShareFormatVersion;
  std::string unit;            // e.g. "Dagverk demo-enheten"
  PublicKey centralBoxPk{};    // batches are sealed to this
  PublicKey centralSignPk{};   // bundles and receipts are signed by this
  // Base64 Ed25519 signature by the central signing key over all of the above (signMarker);
  // empty in a marker written before markers were signed, which verifyMarker refuses.
  std::string signature;
};
std::string encodeMarker(const ShareMarker& m);
ShareMarker decodeMarker(std::string_view json); // throws BadInput
// Signs the marker's fields with the central signing key (sets m.signature).
void signMarker(ShareMarker& m, const SigningSecret& centralSignSk);
// The one check of a marker's signature, against the central signing key the caller trusts
// (pinned at enrolment; the marker's own key only where nothing is pinned yet). Throws BadInput
// ("Den centrala mappens märkfil är inte signerad av centralen ...") for a missing signature or
// one that does not verify, such as a marker whose unit name or keys a share writer changed.
void verifyMarker(const ShareMarker& m, const PublicKey& centralSignPk);
// Reads <share>/dagverk-share.json. Throws ShareMissing ("Den centrala mappen hittas inte")
// when the share or the marker is missing or unreadable (an unmounted share looks empty), and
// BadInput for a marker of another format version.
ShareMarker readMarker(const std::filesystem::path& share);

// --- paths on the share -----------------------------------------------------------------------
struct ShareLayout {
  std::filesystem::path root;
  std::filesystem::path marker() const;
  std::filesystem::path inboxDir(const std::string& siteId, const std::string& deviceId) const;
  // "<seq zero-padded to 8>-<batch-uuid>.batch" and ".manifest"
  std::filesystem::path batchFile(const std::string& siteId, const std::string& deviceId, std::int64_t batchSeq,
                                  const std::string& batchId) const;
  std::filesystem::path manifestFile(const std::string& siteId, const std::string& deviceId, std::int64_t batchSeq,
                                     const std::string& batchId) const;
  std::filesystem::path receiptsDir(const std::string& deviceId) const;
  // Named by batch number and id: a kiosk killed after writing a batch but before recording it
  // writes the next batch under the same number with a new id, and each gets its own receipt.
  std::filesystem::path receiptFile(const std::string& deviceId, std::int64_t batchSeq,
                                    const std::string& batchId) const;
  std::filesystem::path bundlesDir() const;
  // The whole unit's roster, for central itself: "<version zero-padded to 8>.bundle".
  std::filesystem::path bundleFile(std::int64_t version) const;
  // One site's roster, for its kiosks: "<site>/<version zero-padded to 8>.bundle". Versions
  // grow per site; one publish writes the same version into every site's folder.
  std::filesystem::path siteBundlesDir(const std::string& siteId) const;
  std::filesystem::path siteBundleFile(const std::string& siteId, std::int64_t version) const;
  std::filesystem::path quarantineDir(const std::string& deviceId) const;
};

// --- batches ----------------------------------------------------------------------------------
struct BatchContents {
  std::string batchId;  // UUID v7
  std::string deviceId;
  std::string siteId;
  std::int64_t batchSeq = 0; // per device, 1, 2, 3 ...
  int schemaVersion = 0;     // kEventSchemaVersion when written
  UtcMs createdUtc = 0;
  // The kiosk's rows as they are, payload as its JSON text: a new event kind needs no change in
  // the batch format or the import.
  std::vector<EventRow> events; // in device sequence order
};

// The file bytes: magic "DGVB", format version, device id, sealed stream key, secretstream
// header and chunks, then a detached Ed25519 signature over everything before it.
std::string sealBatch(const BatchContents& batch, const DeviceKey& device, const PublicKey& centralBoxPk);
// Checks format, signature (with the enrolled key), decrypts and parses. Any truncation, flipped
// bit, wrong key or wrong recipient throws BatchRejected with the reason.
BatchContents openBatch(std::string_view bytes, const PublicKey& deviceSignPk, const CentralKeys& central);
// The device id from a batch's cleartext header (to pick its key); throws BatchRejected.
std::string peekBatchDeviceId(std::string_view bytes);

struct Manifest {
  std::string batchFile; // file name only
  std::string batchId;
  std::string deviceId;
  std::string siteId;
  std::int64_t batchSeq = 0;
  std::int64_t byteSize = 0;
  std::string sha256; // hex of the batch file
  int schemaVersion = 0;
  // How many events and which sequence numbers are inside the sealed batch only: in the clear
  // they would tell anyone who can read the share about attendance. Manifests written before
  // (with eventCount, firstSeq, lastSeq) are still read; those fields are checked and ignored.
};
std::string encodeManifest(const Manifest& m);
Manifest decodeManifest(std::string_view json); // throws BatchRejected

// --- receipts ---------------------------------------------------------------------------------
struct Receipt {
  std::string deviceId;
  std::int64_t batchSeq = 0;
  std::string batchId;
  std::string sha256;
  // No event counts: anyone who can read the share reads receipts (central's status has them).
  UtcMs importedUtc = 0;
};
std::string signReceipt(const Receipt& r, const CentralKeys& central);
Receipt openReceipt(std::string_view bytes, const PublicKey& centralSignPk); // throws BatchRejected

// --- bundles ----------------------------------------------------------------------------------
struct BundleContents {
  std::int64_t version = 0; // only grows; a kiosk refuses one not newer than what it has
  UtcMs createdUtc = 0;
  std::string unit;
  std::string sitesCsv;
  std::string participantsCsv;
  std::string activitiesCsv;
  std::string staffCsv;
  std::map<std::string, std::string> settings; // e.g. staff_idle_seconds
};
std::string sealBundle(const BundleContents& bundle, const CentralKeys& central,
                       const std::vector<EnrolledDevice>& recipients);
// Opened by a kiosk (its device key) ...
BundleContents openBundle(std::string_view bytes, const PublicKey& centralSignPk, const DeviceKey& device);
// ... or by the central tool itself (its own box key is always a recipient).
BundleContents openBundleAsCentral(std::string_view bytes, const CentralKeys& central);
// The version from the cleartext header, without opening (to find the newest); throws.
std::int64_t peekBundleVersion(std::string_view bytes);
// The version of a bundle whose signature verifies with central's signing key, without
// decrypting it; throws BundleRejected otherwise. Only such a bundle counts when central looks
// for the highest version: anyone who can write to the share can plant a file with any name.
std::int64_t verifiedBundleVersion(std::string_view bytes, const PublicKey& centralSignPk);

} // namespace dagverk::sync
