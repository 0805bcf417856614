#pragma once
// Enrolment by one-time code: how a kiosk learns central's keys, and central the kiosk's,
// without trusting whoever can write to the share.
//
//   <share>/enrol/<offer-id>.offer      central -> kiosk: central's public keys, unit, site,
//                                        expiry, salt; MAC with a key stretched from the code
//   <share>/enrol/<device-id>.request   kiosk -> central: the device's signing and box public
//                                        keys, site, offer id; MAC with the same stretched key
//
// The code (10 characters of an alphabet without 0/O/1/I/L, about 49 bits) is shown to the
// admin at central and typed on the kiosk; it never touches the share. The stretch is Argon2id
// (crypto_pwhash) with the offer's random salt, so a reader of the share who tries codes offline
// pays the stretch for every guess; the offer lives 24 hours. Two MAC keys are derived from the
// stretched key (one for offers, one for requests), so an offer's MAC never passes as a
// request's. Nothing here touches SQLite or the UI.
#include "core/Clock.hpp"
#include "core/InputLimits.hpp"
#include "sync/SyncFormat.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace dagverk::sync {

// Argon2id limits of the code stretch: libsodium's INTERACTIVE limits (2 passes over 64 MiB).
// An enrolment needs two stretches (central, kiosk); bench_enrol measured about 1.0 s for the
// whole enrolment on the development machine under load, under the 2 s goal with room for a
// slower kiosk, while every offline guess at a code (about 2^49 of them) costs one stretch.
inline constexpr unsigned long long kEnrolPwhashOps = 2;
inline constexpr std::size_t kEnrolPwhashMem = 64u * 1024u * 1024u;
inline constexpr std::int64_t kEnrolCodeLifetimeMs = 24LL * 60 * 60 * 1000;
inline constexpr std::size_t kEnrolCodeLength = 10;
// Requests with a wrong MAC an offer takes before central gives it up.
inline constexpr int kEnrolMaxBadRequests = 5;
inline constexpr std::size_t kEnrolFileBytes = limits::kEnrolmentFileBytes; // offer or request on the share

using EnrolSalt = std::array<unsigned char, 16>;
using EnrolKey = std::array<unsigned char, 32>; // the stretched code

// A fresh code of kEnrolCodeLength characters, without separators.
std::string newEnrolmentCode();
// "K7RM4XQ2HW" -> "K7RM-4XQ2-HW".
std::string formatEnrolmentCode(const std::string& code);
// What a person typed, upper-cased, without spaces and dashes; nullopt unless it is exactly a
// code's length of the code alphabet.
std::optional<std::string> normaliseEnrolmentCode(std::string_view typed);
// Argon2id of the code with the salt (kEnrolPwhash* limits). Throws if memory runs out.
EnrolKey stretchEnrolmentCode(const std::string& code, const EnrolSalt& salt);
// The pair's short fingerprint both sides show: "AB12-CD34-EF56" (the first 6 bytes of
// BLAKE2b(central signing key || device signing key) in hex, upper case).
std::string pairFingerprint(const PublicKey& centralSignPk, const PublicKey& deviceSignPk);

struct EnrolmentOffer {
  std::string offerId; // 16 hex digits, random
  std::string unit;
  std::string siteId;
  UtcMs expiresUtc = 0;
  EnrolSalt salt{};
  PublicKey centralSignPk{};
  PublicKey centralBoxPk{};
};
std::string encodeOffer(const EnrolmentOffer& offer, const EnrolKey& key);
// Parses the format only; throws DagverkError(BadInput). The MAC is checked by offerMacValid.
EnrolmentOffer parseOffer(std::string_view bytes);
bool offerMacValid(std::string_view bytes, const EnrolKey& key);

struct EnrolmentRequest {
  std::string offerId;
  std::string deviceId;
  std::string siteId;
  PublicKey deviceSignPk{};
  PublicKey deviceBoxPk{};
};
std::string encodeRequest(const EnrolmentRequest& request, const EnrolKey& key);
EnrolmentRequest parseRequest(std::string_view bytes); // throws DagverkError(BadInput)
bool requestMacValid(std::string_view bytes, const EnrolKey& key);

// The kiosk's steps without its database (KioskEnrolment.hpp adds the throttle and the pinning).
struct OpenedOffer {
  EnrolmentOffer offer;
  EnrolKey key{}; // the stretched code; the caller wipes it
};
enum class OfferSearch { Found, Expired, NoMatch };
// Tries the offers on the share (unexpired first, newest first, at most kEnrolMaxOffersTried:
// each try costs one stretch) with `code` (normalised). Found: `out` holds the offer and key.
OfferSearch findOffer(const std::filesystem::path& share, const std::string& code, UtcMs now, OpenedOffer& out);
inline constexpr std::size_t kEnrolMaxOffersTried = 8;
// Central's step: a new offer for `code` (fresh id and salt) written to the share. Returns the
// offer and its stretched key (the caller wipes it).
OpenedOffer publishOffer(const std::filesystem::path& share, const CentralKeys& central, const std::string& unit,
                         const std::string& siteId, const std::string& code, UtcMs expiresUtc);
// Writes <share>/enrol/<device-id>.request for the offer, replacing an earlier one of the device.
void writeRequest(const std::filesystem::path& share, const OpenedOffer& opened, const DeviceKey& device);

std::string newOfferId();
std::filesystem::path enrolDir(const std::filesystem::path& share);
std::filesystem::path offerFile(const std::filesystem::path& share, const std::string& offerId);
std::filesystem::path requestFile(const std::filesystem::path& share, const std::string& deviceId);

} // namespace dagverk::sync
