// libFuzzer target: everything that reads files from the share (batches, manifests, receipts,
// bundles, the marker, device public keys). Any exception other than DagverkError, and any
// sanitizer report, is a finding.
#include "core/Error.hpp"
#include "FuzzKeys.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace dagverk;
using namespace dagverk::sync;

namespace {

template <class F> void expectOnlyDagverkErrors(F&& f) {
  try {
    f();
  } catch (const DagverkError& e) {
    // The messages must be there: the kiosk shows one and logs the other.
    if (e.swedish().empty() || std::string_view(e.english()).empty()) __builtin_trap();
  }
}

// The input with its last 64 bytes replaced by a valid signature of the rest, so that mutations
// get past the signature check and reach the sealed key, the stream and the payload parser.
std::string resigned(std::string_view in, const SigningSecret& sk) {
  std::string out(in);
  if (out.size() < crypto_sign_BYTES) return out;
  const size_t n = out.size() - crypto_sign_BYTES;
  crypto_sign_detached(reinterpret_cast<unsigned char*>(out.data() + n), nullptr,
                       reinterpret_cast<const unsigned char*>(out.data()), n, sk.data());
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  expectOnlyDagverkErrors([&] { peekBatchDeviceId(in); });
  expectOnlyDagverkErrors([&] {
    const auto b = openBatch(in, keys.device.signPk, keys.central);
    if (b.deviceId != peekBatchDeviceId(in)) __builtin_trap();
  });
  expectOnlyDagverkErrors([&] { openBatch(resigned(in, keys.device.signSk), keys.device.signPk, keys.central); });
  expectOnlyDagverkErrors([&] { decodeManifest(in); });
  expectOnlyDagverkErrors([&] { decodeMarker(in); });
  expectOnlyDagverkErrors([&] { parseDevicePublicKey(in); });
  expectOnlyDagverkErrors([&] { openReceipt(in, keys.central.signPk); });
  expectOnlyDagverkErrors([&] { openReceipt(resigned(in, keys.central.signSk), keys.central.signPk); });
  expectOnlyDagverkErrors([&] { peekBundleVersion(in); });
  expectOnlyDagverkErrors([&] {
    const auto b = openBundle(in, keys.central.signPk, keys.device);
    if (b.version != peekBundleVersion(in)) __builtin_trap();
  });
  const std::string bundle = resigned(in, keys.central.signSk);
  expectOnlyDagverkErrors([&] { openBundle(bundle, keys.central.signPk, keys.device); });
  expectOnlyDagverkErrors([&] { openBundleAsCentral(bundle, keys.central); });

  // The payload parsers directly (what a valid signature and stream would hand them): only
  // their own PayloadError and cereal's exceptions may come out, never a crash or a huge
  // allocation.
  try {
    detail::decodeBatchPayload(in);
  } catch (const detail::PayloadError&) {
  } catch (const cereal::Exception&) {
  }
  try {
    detail::decodeBundlePayload(in);
  } catch (const detail::PayloadError&) {
  } catch (const cereal::Exception&) {
  }
  return 0;
}
