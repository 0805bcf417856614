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
  // `status --keys` shows the same fingerprint.
  REQUIRE(centralCli(f.tmp, {"import", "--share", f.share.string(), "--keys", f.keys.string(), "--db", f.db.string()})
              .code == 0);
  r = centralCli(f.tmp, {"status", "--db", f.db.string(), "--keys", f.keys.string()});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Registrerade enheter:\n  kiosk1 (verksamhet liljan), fingeravtryck " + fingerprint + "\n"));

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

TEST_CASE("revoke: batches signed with a revoked key are quarantined as revoked, imported events stay, and a new "
          "code with --replace brings a new key") {
  ShareFixture f;
  const auto key = f.device("kiosk1", "liljan");
  f.write(ShareFixture::batch(key, "liljan", 1, 1, 3, baseTime()), key);
  REQUIRE(f.import(baseTime() + kHour).batchesImported == 1);
  // A copy of the key (a stolen tablet) signs a batch; it waits on the share.
  const auto stolen = f.write(ShareFixture::batch(key, "liljan", 2, 4, 2, baseTime() + kHour), key);
  auto r = centralCli(f.tmp, {"revoke", "--keys", f.keys.string(), "--device", "kiosk1"});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Enhetens kiosk1 nyckel är spärrad."));
  CHECK(sync::loadEnrolled(f.keys).empty());
  const auto s = f.import(baseTime() + 2 * kHour);
  CHECK(s.batchesImported == 0);
  REQUIRE(s.quarantined.size() == 1);
  CHECK(s.quarantined[0].reason == "revoked: the batch is signed with a revoked key of device kiosk1");
  CHECK(fs::exists(f.share / "quarantine" / "kiosk1" / stolen.batch.filename()));
  {
    auto store = central::CentralStore::open(f.db);
    CHECK(store->eventCount() == 3); // what was imported before stays
  }
  r = centralCli(f.tmp, {"revoke", "--keys", f.keys.string(), "--device", "kiosk1"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Enheten kiosk1 är inte registrerad. Inget ändrades."));

  // The kiosk enrolled again: a new key, and its batches import again.
  const auto fresh = sync::replaceDeviceKey(f.tmp / "kiosk-kiosk1", "kiosk1");
  f.enrolByCode(fresh, "liljan", true);
  f.write(ShareFixture::batch(fresh, "liljan", 3, 4, 2, baseTime() + 3 * kHour), fresh);
  // ... while the old key's batches still go to quarantine.
  f.write(ShareFixture::batch(key, "liljan", 4, 6, 1, baseTime() + 3 * kHour), key);
  const auto again = f.import(baseTime() + 4 * kHour);
  CHECK(again.batchesImported == 1);
  REQUIRE(again.quarantined.size() == 1);
  CHECK(contains(again.quarantined[0].reason, "revoked"));
  // The old key may never be enrolled again.
  const auto offer = centralCli(f.tmp, args("enroll", f, {"--site", "liljan", "--replace"}));
  REQUIRE(offer.code == 0);
  answer(f, codeIn(offer.out), key);
  r = centralCli(f.tmp, args("enroll", f, {"--accept"}));
  CHECK(r.code == 1);
  CHECK(contains(r.out, "har en spärrad nyckel"));
}

TEST_CASE("status: two events under one sequence number are shown as a possible stolen key, naming both batches") {
  ShareFixture f;
  const auto key = f.device("kiosk1", "liljan");
  const auto real = f.write(ShareFixture::batch(key, "liljan", 1, 1, 3, baseTime()), key);
  REQUIRE(f.import(baseTime() + kHour).batchesImported == 1);
  // The same numbers, other events: what a second holder of the key writes.
  auto copy = ShareFixture::batch(key, "liljan", 2, 3, 2, baseTime() + kHour);
  copy.events[0].id = uuidFor(baseTime() + 7, 77);
  const auto other = f.write(copy, key);
  const auto s = f.import(baseTime() + 2 * kHour);
  REQUIRE(s.quarantined.size() == 1); // the later batch is quarantined, as before
  const auto text = centralCli(f.tmp, {"status", "--db", f.db.string()});
  REQUIRE(text.code == 0);
  CHECK(contains(text.out, "VARNING: möjligen stulen nyckel: enheten kiosk1 har använt händelsenummer 3 för två olika "
                           "händelser, i batcherna " +
                               real.batch.filename().string() + " (importerad) och " + other.batch.filename().string() +
                               " (i karantän)."));
  const auto json = centralCli(f.tmp, {"status", "--db", f.db.string(), "--json"});
  REQUIRE(json.code == 0);
  CHECK(contains(json.out, "\"seqCollisions\":[{\"deviceId\":\"kiosk1\",\"seq\":3,\"importedBatch\":\"" +
                               real.batch.filename().string() + "\",\"quarantinedBatch\":\"" +
                               other.batch.filename().string() + "\",\"possibleStolenKey\":true}]"));
}
