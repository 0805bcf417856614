#pragma once
// What the share-reader fuzz targets share: the rule that only DagverkError (with both its
// messages) may come out of a reader, and re-signing mutated input so that it gets past the
// signature check to the parts behind it.
#include "core/Error.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

#include <string>
#include <string_view>

namespace dagverk::fuzz {

// Runs `f`; a DagverkError is the expected refusal and must carry a Swedish message for the
// screen and an English one for the log. Any other exception escapes and is a finding.
template <class F> void expectOnlyDagverkErrors(F&& f) {
  try {
    f();
  } catch (const DagverkError& e) {
    if (e.swedish().empty() || std::string_view(e.english()).empty()) __builtin_trap();
  }
}

// The input with its last 64 bytes replaced by a valid signature of the rest, so that mutations
// get past the signature check and reach the sealed key, the stream and the payload parser.
inline std::string resigned(std::string_view in, const sync::SigningSecret& sk) {
  std::string out(in);
  if (out.size() < crypto_sign_BYTES) return out;
  const size_t n = out.size() - crypto_sign_BYTES;
  crypto_sign_detached(reinterpret_cast<unsigned char*>(out.data() + n), nullptr,
                       reinterpret_cast<const unsigned char*>(out.data()), n, sk.data());
  return out;
}

} // namespace dagverk::fuzz
