// Enrolment by one-time code, central's side, with the real `dagverk-central` program: the code
// and the offer, the kiosk's answer (its steps in-process, sync/Enrolment.hpp), acceptance,
// refusals (site, reuse, --replace, bad MACs, expiry) and revocation.
#include "CentralTestSupport.hpp"

#include "central/Enrol.hpp"

#include <sodium.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

std::vector<std::string> args(const std::string& command, const ShareFixture& f, std::vector<std::string> more) {
  std::vector<std::string> a = {command, "--share", f.share.string(), "--keys", f.keys.string()};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

// "XXXX-XXXX-XX" from `dagverk-central enroll`'s output.
std::string codeIn(const std::string& out) {
  const auto at = out.find("\n\n    ");
  REQUIRE(at != std::string::npos);
  return out.substr(at + 6, 12);
}

// What the kiosk does with a typed code, without its database.
sync::OpenedOffer answer(const ShareFixture& f, const std::string& typed, const sync::DeviceKey& device) {
  sync::OpenedOffer opened;
  const auto code = sync::normaliseEnrolmentCode(typed);
  REQUIRE(code);
  REQUIRE(sync::findOffer(f.share, *code, platform::SystemClock().nowUtc(), opened) == sync::OfferSearch::Found);
  sync::writeRequest(f.share, opened, device);
  return opened;
}

std::vector<std::string> files(const fs::path& dir) { return platform::listFiles(dir); }

} // namespace

TEST_CASE("enrol: a code, the kiosk's answer and --accept enrol the kiosk, and both sides see one fingerprint") {
  ShareFixture f;
  const auto key = f.device("kiosk1", "liljan", false);
  auto r = centralCli(f.tmp, args("enroll", f, {"--site", "Liljan Söder"}));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Ogiltigt verksamhets-id"));
  r = centralCli(f.tmp, args("enroll", f, {"--site", "liljan"}));
  REQUIRE(r.code == 0);
  const std::string code = codeIn(r.out);
  CHECK(code[4] == '-');
  CHECK(code[9] == '-');
  CHECK(code.find_first_of("01OIL") == std::string::npos);
  // The offer is on the share; the code is nowhere on disk, neither there nor beside the keys.
  REQUIRE(files(f.share / "enrol").size() == 1);
  const std::string plain = *sync::normaliseEnrolmentCode(code);
  for (const auto& dir : {f.share / "enrol", f.keys})
    for (const auto& name : files(dir)) CHECK_FALSE(contains(readBytes(dir / name), plain));
  CHECK((fs::status(f.keys / "enrol-offers.txt").permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);

  const auto opened = answer(f, code, key);
  CHECK(opened.offer.centralSignPk == f.centralKeys.signPk);
  CHECK(opened.offer.centralBoxPk == f.centralKeys.boxPk);
  CHECK(opened.offer.siteId == "liljan");
  CHECK(sync::loadEnrolled(f.keys).empty()); // not before central has checked the request
  r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
  REQUIRE(r.code == 0);
  const std::string fingerprint = sync::pairFingerprint(f.centralKeys.signPk, key.signPk);
  CHECK(contains(r.out, "Enheten kiosk1 är registrerad för verksamheten liljan (fingeravtryck " + fingerprint + ")"));
  const auto enrolled = sync::loadEnrolled(f.keys);
  REQUIRE(enrolled.size() == 1);
  CHECK(enrolled[0].signPk == key.signPk);
  CHECK(enrolled[0].boxPk == key.boxPk);
  CHECK(sync::bundleRecipientKey(enrolled[0]) == key.boxPk);
  // Used once: the offer and the request are gone from the share.
  CHECK(files(f.share / "enrol").empty());

  // With a published roster the site must be one of its sites.
  REQUIRE(centralCli(f.tmp, args("publish", f, {"--roster", demoFile("participants.csv"), "--activities",
                                                 demoFile("activities.csv"), "--staff", demoFile("staff.csv"), "--sites",
                                                 demoFile("sites.csv")}))
              .code == 0);
  r = centralCli(f.tmp, args("enroll", f, {"--site", "nowhere"}));
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Okänd verksamhet"));
}

TEST_CASE("enrol: a used code is refused for a second kiosk, and the first keeps its enrolment") {
  ShareFixture f;
  const auto first = f.device("kiosk1", "liljan", false);
  const auto second = f.device("kiosk2", "liljan", false);
  auto r = centralCli(f.tmp, args("enroll", f, {"--site", "liljan"}));
  REQUIRE(r.code == 0);
  const std::string code = codeIn(r.out);
  // Both kiosks answer before central has looked (the second one had seen the code too).
  const auto opened = answer(f, code, first);
  sync::writeRequest(f.share, opened, second);
  r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
  CHECK(r.code == 1);
  CHECK(contains(r.out, "Enheten kiosk1 är registrerad"));
  CHECK(contains(r.out, "Enheten kiosk2 registrerades inte: Koden har redan använts. Gör en ny kod."));
  const auto enrolled = sync::loadEnrolled(f.keys);
  REQUIRE(enrolled.size() == 1);
  CHECK(enrolled[0].deviceId == "kiosk1");
  // Later, with the offer gone from the share, the code opens nothing.
  sync::OpenedOffer none;
  CHECK(sync::findOffer(f.share, *sync::normaliseEnrolmentCode(code), platform::SystemClock().nowUtc(), none) ==
        sync::OfferSearch::NoMatch);
}

TEST_CASE("enrol: a device enrolled again with another key needs a code made with --replace") {
  ShareFixture f;
  const auto key = f.device("kiosk1", "liljan"); // enrolled by code
  // The kiosk's key is replaced (as the kiosk does when it is enrolled again).
  const auto newKey = sync::replaceDeviceKey(f.tmp / "kiosk-kiosk1", "kiosk1");
  REQUIRE(newKey.signPk != key.signPk);
  auto r = centralCli(f.tmp, args("enroll", f, {"--site", "liljan"}));
  REQUIRE(r.code == 0);
  answer(f, codeIn(r.out), newKey);
  r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
  CHECK(r.code == 1);
  CHECK(contains(r.out, "Enheten kiosk1 registrerades inte: Enheten kiosk1 är redan registrerad med en annan nyckel. "
                        "Gör en ny kod med --replace om nyckeln ska bytas."));
  CHECK(sync::loadEnrolled(f.keys)[0].signPk == key.signPk);

  r = centralCli(f.tmp, args("enroll", f, {"--site", "liljan", "--replace"}));
  REQUIRE(r.code == 0);
  answer(f, codeIn(r.out), newKey);
  r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
  CHECK(r.code == 0);
  CHECK(sync::loadEnrolled(f.keys)[0].signPk == newKey.signPk);
  const auto revoked = sync::loadRevoked(f.keys);
  REQUIRE(revoked.size() == 1);
  CHECK(revoked[0].signPk == key.signPk);
}

TEST_CASE("enrol: requests with a wrong MAC count against the offer, which dies after five") {
  ShareFixture f;
  const auto key = f.device("kiosk1", "liljan", false);
  auto r = centralCli(f.tmp, args("enroll", f, {"--site", "liljan"}));
  REQUIRE(r.code == 0);
  const std::string code = codeIn(r.out);
  sync::OpenedOffer opened;
  REQUIRE(sync::findOffer(f.share, *sync::normaliseEnrolmentCode(code), platform::SystemClock().nowUtc(), opened) ==
          sync::OfferSearch::Found);
  // A share writer who read the offer but not the code: right offer id, key of a guessed code.
  sync::OpenedOffer guessed = opened;
  guessed.key = sync::stretchEnrolmentCode("2222222222", opened.offer.salt);
  for (int i = 1; i <= sync::kEnrolMaxBadRequests; ++i) {
    sync::writeRequest(f.share, guessed, key);
    r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
    CHECK(r.code == 1);
    CHECK(contains(r.out, "Förfrågan var inte gjord med rätt kod."));
    CHECK(files(f.share / "enrol").size() == (i < sync::kEnrolMaxBadRequests ? 1u : 0u)); // the offer, then none
  }
  CHECK(sync::loadEnrolled(f.keys).empty());
  // The right code now comes too late.
  sync::writeRequest(f.share, opened, key);
  r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
  CHECK(r.code == 1);
  CHECK(contains(r.out, "Koden har gått ut eller spärrats efter för många felaktiga försök."));
  CHECK(sync::loadEnrolled(f.keys).empty());
}

TEST_CASE("enrol: an offer past its 24 hours is refused by the kiosk and by central") {
  ShareFixture f;
  const auto key = f.device("kiosk1", "liljan", false);
  ManualClock clock(platform::SystemClock().nowUtc());
  const auto offer = central::createEnrolmentOffer(f.share, f.keys, "liljan", false, clock);
  sync::OpenedOffer opened;
  const UtcMs late = clock.nowUtc() + sync::kEnrolCodeLifetimeMs + 1;
  CHECK(sync::findOffer(f.share, offer.code, late, opened) == sync::OfferSearch::Expired);
  REQUIRE(sync::findOffer(f.share, offer.code, clock.nowUtc(), opened) == sync::OfferSearch::Found);
  sync::writeRequest(f.share, opened, key);
  clock.advanceMs(sync::kEnrolCodeLifetimeMs + 1);
  const auto outcomes = central::acceptEnrolmentRequests(f.share, f.keys, clock);
  REQUIRE(outcomes.size() == 1);
  CHECK_FALSE(outcomes[0].accepted);
  CHECK(outcomes[0].english == "offer " + offer.offerId + " expired or was given up after bad requests");
  CHECK(sync::loadEnrolled(f.keys).empty());
}
