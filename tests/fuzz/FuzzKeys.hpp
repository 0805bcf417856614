#pragma once
// Fixed keys for the fuzz targets and the seed generator: made from constant seeds, so the
// seeds in corpus/batch/ are real, valid files for the keys the fuzz target checks with.
#include "sync/Enrolment.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

#include <cstdlib>

namespace dagverk::fuzz {

inline constexpr const char* kFuzzDeviceId = "fuzz-device-1";

struct FuzzKeys {
  sync::DeviceKey device;
  sync::CentralKeys central;
};

inline FuzzKeys makeFuzzKeys() {
  if (sodium_init() < 0) std::abort();
  FuzzKeys k;
  k.device.deviceId = kFuzzDeviceId;
  unsigned char seed[32];
  for (unsigned i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(i + 1);
  crypto_sign_seed_keypair(k.device.signPk.data(), k.device.signSk.data(), seed);
  for (unsigned i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(0x20 + i);
  crypto_box_seed_keypair(k.device.boxPk.data(), k.device.boxSk.data(), seed);
  for (unsigned i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(0x40 + i);
  crypto_box_seed_keypair(k.central.boxPk.data(), k.central.boxSk.data(), seed);
  for (unsigned i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(0x80 + i);
  crypto_sign_seed_keypair(k.central.signPk.data(), k.central.signSk.data(), seed);
  return k;
}

// A fixed stretched code: the enrolment targets check MACs without paying an Argon2id stretch
// per input, and the seeds carry MACs made with it.
inline sync::EnrolKey fixedEnrolKey() {
  sync::EnrolKey k{};
  for (unsigned i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(0xA0 + i);
  return k;
}

} // namespace dagverk::fuzz
