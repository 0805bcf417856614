#include "platform/Speech.hpp"

#include "core/Error.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "platform/SpeechEngine.hpp"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace dagverk::platform {

namespace fs = std::filesystem;

namespace {
// FNV-1a, 64 bits: a stable file name per (voice, rate, text) that does not show the text.
std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
constexpr std::size_t kMaxTextBytes = 2000; // a prompt, not a book
} // namespace

Speech::Speech(fs::path cacheDir) : cacheDir_(std::move(cacheDir)) {
  espeak_ = findInPath("espeak-ng");
  if (!output_.isOpen()) {
    noteProblem(State::NoDevice, output_.problem() + "; the kiosk is silent");
  } else if (espeak_.empty()) {
    noteProblem(State::NoEngine, "espeak-ng not found on PATH; the kiosk speaks no prompts");
  } else if (!audible()) {
    logInfo("audio driver '" + output_.driver() + "' discards sound; prompts are not rendered");
  }
  try {
    createPrivateDirectory(cacheDir_);
    keepDirectoryPrivate(cacheDir_);
  } catch (const DagverkError& e) {
    logError(std::string("speech cache folder: ") + e.english());
  }
  worker_ = std::thread([this] { work(); });
}

Speech::~Speech() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void Speech::noteProblem(State state, const std::string& english) {
  state_ = state;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (std::exchange(problemLogged_, true)) return;
  logError("speech: " + english);
}

bool Speech::audible() const { return output_.isOpen() && output_.driver() != "dummy"; }

void Speech::configure(bool on, int volumePercent, int rate) {
  const std::lock_guard<std::mutex> lock(mutex_);
  on_ = on;
  volume_ = std::clamp(volumePercent, 0, 100);
  rate_ = rate;
  if (!on_) {
    ++generation_;
    pending_.reset();
    output_.clear();
  }
}

void Speech::say(const std::string& text, Tone tone) {
  if (!audible()) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!on_) return;
  ++generation_;
  output_.clear();
  if (tone != Tone::None) output_.queue(toneSamples(tone, AudioOutput::kRate), volume_);
  if (text.empty() || espeak_.empty()) {
    pending_.reset();
    return;
  }
  pending_ = Job{text.substr(0, kMaxTextBytes), rate_, generation_};
  wake_.notify_all();
}

bool Speech::idle() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return !pending_ && !busy_;
}

fs::path Speech::cacheFileOf(const std::string& text, int rate) const {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.wav",
                static_cast<unsigned long long>(fnv1a(std::string(kVoice) + '\0' + std::to_string(rate) + '\0' +
                                                      text.substr(0, kMaxTextBytes))));
  return cacheDir_ / name;
}

std::optional<PcmSound> Speech::soundOf(const Job& job) {
  const fs::path file = cacheFileOf(job.text, job.rate);
  std::string bytes;
  try {
    if (fileExists(file) && readFileWithin(file, 16u * 1024 * 1024, bytes)) {
      if (auto sound = parseWav(bytes)) {
        // Used now: the oldest file to go when the cache is full is the one used longest ago.
        ::utimensat(AT_FDCWD, file.c_str(), nullptr, 0);
        return sound;
      }
      logError("speech cache file " + file.filename().string() + " is not a WAV file; rendering it again");
      tryRemoveFile(file);
    }
  } catch (const DagverkError& e) {
    logError(std::string("speech cache: ") + e.english());
  }
  ++renders_;
  const RenderedSpeech r = renderSpeech(espeak_, job.text, kVoice, job.rate, kRenderTimeoutMs);
  std::optional<PcmSound> sound = r.ok ? parseWav(r.wav) : std::nullopt;
  if (!sound) {
    noteProblem(State::NoEngine, "rendering prompt " + file.stem().string() + " failed: " +
                                     (r.ok ? std::string("no WAV in espeak-ng's output") : r.problem));
    return std::nullopt;
  }
  if (state_ == State::NoEngine) {
    state_ = State::Working;
    logInfo("speech: espeak-ng renders again");
  }
  sound->samples = resample(sound->samples, sound->rate, AudioOutput::kRate);
  sound->rate = AudioOutput::kRate;
  try {
    writeFileAtomically(file, encodeWav(*sound));
    trimCache();
  } catch (const DagverkError& e) {
    logError(std::string("speech cache: ") + e.english()); // the prompt is still played
  }
  return sound;
}

void Speech::trimCache() {
  struct Entry {
    fs::path path;
    std::int64_t size;
    fs::file_time_type used;
  };
  std::vector<Entry> entries;
  std::int64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cacheDir_, ec)) {
    if (!e.is_regular_file(ec)) continue;
    const auto size = static_cast<std::int64_t>(e.file_size(ec));
    entries.push_back({e.path(), size, e.last_write_time(ec)});
    total += size;
  }
  if (total <= kCacheLimitBytes) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  int removed = 0;
  for (const auto& e : entries) {
    if (total <= kCacheTrimToBytes) break;
    if (tryRemoveFile(e.path)) {
      total -= e.size;
      ++removed;
    }
  }
  logInfo("speech cache over its limit: " + std::to_string(removed) + " prompts used longest ago removed");
}

void Speech::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || pending_; });
    if (stopping_) return;
    const Job job = *pending_;
    pending_.reset();
    busy_ = true;
    lock.unlock();
    const std::optional<PcmSound> sound = soundOf(job);
    lock.lock();
    // Only the newest prompt is played: one asked for while this rendered replaces it.
    if (sound && job.generation == generation_ && on_) output_.queue(sound->samples, volume_);
    busy_ = false;
  }
}

} // namespace dagverk::platform
