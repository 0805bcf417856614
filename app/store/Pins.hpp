#pragma once
// Staff PINs as Argon2id strings (libsodium crypto_pwhash_str). Shared by the store's
// checkPin and `dagverk hash-pin`, so both use the same parameters.
#include <string>

namespace dagverk::store {

// Today's parameters: crypto_pwhash_OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (2 passes,
// 64 MiB); one verification takes well under 0.5 s on the kiosk hardware.
// Throws DagverkError(BadInput) for a PIN that is not 4–8 digits, Storage if libsodium fails.
std::string hashPin(const std::string& pin);
// True if `pin` matches `hash`. False for a wrong PIN and for a hash that is not an Argon2 string.
bool verifyPin(const std::string& hash, const std::string& pin);
// True if `hash` was made with other parameters than today's (or is not a valid hash).
bool pinNeedsRehash(const std::string& hash);
// Makes sure libsodium is initialised; throws Storage if it cannot be.
void ensureSodium();

} // namespace dagverk::store
