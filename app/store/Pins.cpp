#include "store/Pins.hpp"

#include "core/Error.hpp"
#include "core/Staff.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace dagverk::store {

void ensureSodium() {
  static const int ready = sodium_init(); // thread-safe static; -1 only if no entropy at all
  if (ready < 0) throw DagverkError(ErrorCode::Storage, "Slumptal saknas.", "libsodium could not initialise");
}

std::string hashPin(const std::string& pin) {
  if (!isWellFormedPin(pin))
    throw DagverkError(ErrorCode::BadInput, "En kod är 4–8 siffror.", "a PIN must be 4 to 8 digits");
  ensureSodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw DagverkError(ErrorCode::Storage, "Koden kunde inte sparas (för lite minne).",
                       "crypto_pwhash_str failed (out of memory)");
  return std::string(out.data());
}

namespace {
// libsodium takes the hash as char[crypto_pwhash_STRBYTES]: a NUL-terminated string in a buffer
// of that size. Copied into one, so nothing is ever read beyond our own memory.
using HashBuffer = std::array<char, crypto_pwhash_STRBYTES>;
bool toBuffer(const std::string& hash, HashBuffer& out) {
  if (hash.empty() || hash.size() >= out.size()) return false;
  out.fill('\0');
  std::copy(hash.begin(), hash.end(), out.begin());
  return true;
}
} // namespace

bool verifyPin(const std::string& hash, const std::string& pin) {
  ensureSodium();
  HashBuffer buf;
  if (!toBuffer(hash, buf)) return false;
  return crypto_pwhash_str_verify(buf.data(), pin.data(), pin.size()) == 0;
}

bool pinNeedsRehash(const std::string& hash) {
  ensureSodium();
  HashBuffer buf;
  if (!toBuffer(hash, buf)) return true;
  return crypto_pwhash_str_needs_rehash(buf.data(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

} // namespace dagverk::store
