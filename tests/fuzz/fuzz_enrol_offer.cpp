// libFuzzer target: an enrolment offer (enrol/<offer-id>.offer) as a kiosk reads it while it
// looks for the offer its typed code opens. Anyone who can write the share can place one, and the
// kiosk parses it before the MAC can be checked (the MAC key needs the offer's salt). A parsed
// offer is written again with the project's writer and must read back the same, with a valid MAC:
// what the parser accepts is exactly what the writer can say.
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"
#include "sync/Enrolment.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sync::EnrolKey key = fuzz::fixedEnrolKey();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] {
    const sync::EnrolmentOffer offer = sync::parseOffer(in);
    (void)sync::offerMacValid(in, key);
    const std::string again = sync::encodeOffer(offer, key);
    const sync::EnrolmentOffer back = sync::parseOffer(again);
    if (back.offerId != offer.offerId || back.unit != offer.unit || back.siteId != offer.siteId ||
        back.expiresUtc != offer.expiresUtc || back.salt != offer.salt || back.centralSignPk != offer.centralSignPk ||
        back.centralBoxPk != offer.centralBoxPk || !sync::offerMacValid(again, key))
      __builtin_trap();
  });
  return 0;
}
