#pragma once
// Helpers for the sync-format tests: temporary directories, raw file bytes, sample batches.
#include "core/Error.hpp"
#include "sync/SyncFormat.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace dagverk::test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed (with everything in it) at scope exit.
class SyncTempDir {
public:
  SyncTempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("dagverk-sync-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~SyncTempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  SyncTempDir(const SyncTempDir&) = delete;
  SyncTempDir& operator=(const SyncTempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

private:
  fs::path path_;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// Runs `f`, expects a DagverkError with `code`, and returns it for further checks.
template <class F> DagverkError expectError(ErrorCode code, F&& f) {
  try {
    f();
  } catch (const DagverkError& e) {
    INFO("english: " << e.english() << " / swedish: " << e.swedish());
    CHECK(e.code() == code);
    return e;
  }
  FAIL("expected a DagverkError, none was thrown");
  throw std::logic_error("unreachable");
}

inline EventRow sampleEvent(const std::string& deviceId, std::int64_t seq) {
  EventRow e;
  e.id = "0190a0b0-0000-7000-8000-" + std::string(12 - std::to_string(seq).size(), '0') + std::to_string(seq);
  e.deviceId = deviceId;
  e.seq = seq;
  e.recordedUtc = 1'780'000'000'000 + seq * 60'000;
  e.zone = "Europe/Stockholm";
  e.siteId = "gubbangen";
  if (seq % 2 == 0) e.actorStaffId = "staff-7";
  e.kind = seq % 3 == 0 ? "FeedbackGiven" : "CheckedIn";
  e.subjectId = "p-" + std::to_string(seq);
  e.payloadJson = R"({"value0":{"participantId":"p-)" + std::to_string(seq) + R"(","text":"Åsa tyckte \"bra\"; ÄÖ"}})";
  e.schemaVersion = 3;
  return e;
}

inline sync::BatchContents sampleBatch(const std::string& deviceId, int events) {
  sync::BatchContents b;
  b.batchId = "0190a0b0-1111-7000-8000-000000000001";
  b.deviceId = deviceId;
  b.siteId = "gubbangen";
  b.batchSeq = 4;
  b.schemaVersion = 3;
  b.createdUtc = 1'780'000'123'456;
  for (int i = 1; i <= events; ++i) b.events.push_back(sampleEvent(deviceId, i));
  return b;
}

} // namespace dagverk::test
