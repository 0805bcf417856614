#include "kiosk/KioskApp.hpp"

#include "core/Error.hpp"
#include "core/Ids.hpp"
#include "core/Pictograms.hpp"
#include "store/CountingRows.hpp"
#include "store/Database.hpp"
#include "store/LateRegistration.hpp"
#include "store/Perform.hpp"
#include "store/Retention.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "core/LocalTime.hpp"
#include "kiosk/KioskSpeech.hpp"
#include "platform/DiskEncryption.hpp"
#include "platform/Log.hpp"
#include "platform/Paths.hpp"
#include "ui/Theme.hpp"

#include <algorithm>
#include <iterator>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

namespace dagverk::kiosk {

KioskApp::KioskApp(store::KioskStore& store, const Clock& clock, const platform::WindowOptions& window,
                   std::filesystem::path dataDir)
    : store_(store), clock_(clock), dataDir_(std::move(dataDir)) {
  window_ = std::make_unique<platform::Window>(window);
  speech_ = startSpeech(dataDir_, readSpeechSettings(store_.settings()));
  ui_ = std::make_unique<ui::KioskUi>(clock_, *this);
  applyStoredAppearance(true); // the theme, the text size and the fonts
  store::runDayRollover(store_);
  // What the retention allows goes at every start, as well as after a sync and each night.
  store::purgeExpiredQuietly(store_, clock_.nowUtc());
  model_.dataDiskEncrypted = platform::diskEncryptionOf(dataDir_) == platform::DiskEncryption::Encrypted;
  if (!model_.dataDiskEncrypted) platform::logInfo("the data directory is not on an encrypted block device");
  refreshModel();
  pollPower();
  lastMinute_ = clock_.nowUtc() / 60000;
  // The kiosk's signing key for sync is made on first start (`dagverk keys` prints it).
  try {
    sync::loadOrCreateDeviceKey(dataDir_, store_.deviceId());
  } catch (const DagverkError& e) {
    platform::logError(std::string("device key: ") + e.english());
  }
}

struct KioskApp::SyncJob {
  bool isSync = false;
  std::atomic<int> permille{0};
  std::atomic<bool> done{false};
  std::mutex mutex; // guards the strings and ok
  std::string step;
  std::string outcome;      // a sync's summary or error (Swedish)
  std::string shareProblem; // a share check's problem (empty: reachable)
  bool ok = false;
  bool shareMissing = false; // the failure was the share's marker (ShareMissing)
  std::thread thread;
  ~SyncJob() {
    if (thread.joinable()) thread.join();
  }
};

KioskApp::~KioskApp() { syncJob_.reset(); } // waits for a running sync to finish

void KioskApp::refreshModel() {
  const Site site = store_.roster().site(store_.roster().boundSiteId());
  const UtcMs now = clock_.nowUtc();
  const LocalDate today = toStockholm(now).date;
  model_.siteName = site.name;
  model_.today = today;
  model_.participants = store_.roster().participants(site.id);
  model_.presentSince.clear();
  for (const auto& [pid, visit] : store_.presence().openVisits()) model_.presentSince[pid] = visit.since;
  model_.staff = store_.roster().staff(site.id);
  model_.staffPresentSince.clear();
  for (const auto& [sid, visit] : store_.staffPresence().openVisits()) model_.staffPresentSince[sid] = visit.since;
  model_.activities = store_.roster().activities(site.id);
  const UtcMs dayStart = fromStockholm(today, 0, 0);
  const UtcMs dayEnd = fromStockholm(civilFromDays(daysFromCivil(today) + 1), 0, 0);
  const UtcMs weekStart = fromStockholm(civilFromDays(daysFromCivil(today) - (isoWeekday(today) - 1)), 0, 0);
  model_.todaysSessions = store::sessions(store_, site.id, dayStart, dayEnd);
  model_.weekSessions = store::sessions(store_, site.id, weekStart, dayEnd);
  model_.day = store::dayOverview(store_, site.id, today);
  // "Besökare": today's tallies of this site. A tally can only be voided after it was made,
  // so today's corrections are all that can void one of today's.
  model_.headcount = {};
  const auto tallies = store_.events().query(
      "site_id = ?1 AND kind IN " + store::kindList<HeadcountTallied, Corrected>() +
          " AND recorded_utc >= ?2 AND recorded_utc < ?3 ORDER BY device_id, seq",
      [&](store::Statement& st) { st.bind(1, site.id).bind(2, dayStart).bind(3, dayEnd); });
  const std::set<std::string> voided = voidedEventIds(tallies);
  for (const auto& e : tallies) {
    const auto* t = std::get_if<HeadcountTallied>(&e.payload);
    if (!t || voided.count(e.id)) continue;
    model_.headcount.today += t->count;
    if (e.deviceId == store_.deviceId() && e.recordedUtc >= model_.headcount.lastRecordedUtc) {
      model_.headcount.lastEventId = e.id;
      model_.headcount.lastRecordedUtc = e.recordedUtc;
      model_.headcount.lastCount = t->count;
    }
  }
  model_.speech.settings = readSpeechSettings(store_.settings());
  model_.speech.problem = speech_ && speechProblem(*speech_, model_.speech.settings);
  model_.homeMode = parseHomeMode(store_.settings().value(store::kSettingHomeMode).value_or("checkin"))
                        .value_or(HomeMode::CheckIn);
  model_.rollCall = store::latestRollCall(store_);
  model_.staffIdleSeconds = store_.settings().staffIdleSeconds();
  // The sync note on the home screen (cheap reads; the queued counts come with refreshSyncStatus).
  model_.sync.sharePath = store_.settings().value(store::kSettingSharePath).value_or("");
  model_.sync.lastResult = store_.settings().value(store::kSettingLastSyncResult).value_or("");
  model_.sync.lastSyncUtc.reset();
  if (const auto last = store_.settings().value(store::kSettingLastSyncUtc)) {
    try {
      model_.sync.lastSyncUtc = std::stoll(*last);
    } catch (const std::exception&) {
      platform::logError("setting last_sync_utc is not a number; treated as never synced");
    }
  }
  model_.sync.firstEventUtc = store_.ledger().firstOwnEventUtc();
  model_.enrolment.enrolled = sync::isEnrolled(store_);
  model_.rosterCreatedUtc.reset();
  if (const auto created = store_.settings().value(store::kSettingBundleCreatedUtc)) {
    try {
      model_.rosterCreatedUtc = std::stoll(*created);
    } catch (const std::exception&) {
      platform::logError("setting bundle_created_utc is not a number; no roster age shown");
    }
  }
  model_.pinLockouts = store_.lockout().states();
  model_.complaints = store::complaints(store_);
  model_.feedbackToClassify = store::feedbackToClassify(store_);
  model_.deviations = store::deviations(store_);
  model_.surveyWindow = store::surveyWindow(store_);
  model_.answeredSurvey.clear();
  model_.surveyResult = SurveyResult{};
  if (model_.surveyWindow) {
    for (const auto& p : model_.participants)
      if (store::hasAnswered(store_, model_.surveyWindow->windowId, p.id)) model_.answeredSurvey.insert(p.id);
    model_.surveyResult = store::surveyResult(store_, model_.surveyWindow->windowId);
  }
}

std::string KioskApp::record(const Command& command) {
  try {
    // A roll call already open is carried on with: a second "Utrymning" joins it.
    if (std::holds_alternative<cmd::StartRollCall>(command) && model_.rollCall && !model_.rollCall->ended) return {};
    const std::vector<Event> appended = store::perform(store_, command);
    if (appended.empty())
      platform::logInfo(std::string(commandName(command)) + " within the pressed-twice guard ignored");
    return {};
  } catch (const DagverkError& e) {
    platform::logError(std::string(commandName(command)) + " failed: " + e.english());
    return e.swedish();
  }
}

std::string KioskApp::perform(const Command& command) {
  std::string error = record(command);
  refreshModel();
  return error;
}

ui::Outcome KioskApp::answer(const ui::Ask& ask, bool& shareCheckDue) {
  ui::Outcome o;
  if (const auto* c = std::get_if<Command>(&ask)) {
    o.error = record(*c);
  } else if (const auto* pin = std::get_if<ui::ask::CheckPin>(&ask)) {
    o.pin = checkPin(pin->staffId, pin->pin);
  } else if (std::holds_alternative<ui::ask::RefreshSyncStatus>(ask)) {
    readSyncStatus();
    shareCheckDue = true; // with the share path of the refreshed model
  } else if (const auto* sync = std::get_if<ui::ask::StartSync>(&ask)) {
    o.error = startSync(sync->staffId);
  } else if (std::holds_alternative<ui::ask::RefreshStatistics>(ask)) {
    refreshStatistics();
  } else if (const auto* enrol = std::get_if<ui::ask::Enrol>(&ask)) {
    o.error = enrolWithCode(enrol->staffId, enrol->code);
  } else if (const auto* late = std::get_if<ui::ask::ReadLateDay>(&ask)) {
    model_.lateDay = {late->day, store::registeredOnDay(store_, store_.roster().boundSiteId(), late->day)};
  } else if (const auto* speech = std::get_if<ui::ask::SaveSpeech>(&ask)) {
    o.error = saveSpeech(speech->staffId, speech->settings);
  } else if (const auto* choice = std::get_if<ui::ask::ChoosePictogram>(&ask)) {
    o.error = choosePictogram(*choice);
  } else if (const auto* look = std::get_if<ui::ask::SetAppearance>(&ask)) {
    o.error = saveAppearance(look->staffId, look->appearance);
  }
  return o;
}

bool KioskApp::answerRequests() {
  bool answered = false;
  // A continuation may ask again (a form saved, then its screen's refresh); a few rounds
  // are all any screen needs.
  for (int round = 0; round < 4 && ui_->hasRequests(); ++round) {
    std::vector<ui::Request> requests = ui_->takeRequests();
    std::vector<ui::Outcome> outcomes;
    outcomes.reserve(requests.size());
    bool shareCheckDue = false;
    for (const auto& r : requests) outcomes.push_back(answer(r.ask, shareCheckDue));
    refreshModel();
    applyStoredAppearance(false);
    if (shareCheckDue) checkShare();
    for (size_t i = 0; i < requests.size(); ++i)
      if (requests[i].then) requests[i].then(outcomes[i]);
    answered = true;
  }
  return answered;
}

std::string KioskApp::saveSpeech(const std::string& staffId, const SpeechSettings& settings) {
  const StaffMember* who = model_.findStaff(staffId);
  if (!who || (who->role != StaffRole::AssistantManager && who->role != StaffRole::Admin))
    return "Bara biträdande enhetschef eller administratör kan ändra talet.";
  try {
    writeSpeechSettings(store_.settings(), settings);
    applySpeechSettings(*speech_, settings);
    platform::logInfo("speech settings changed from the screen by staff " + staffId);
    return {};
  } catch (const DagverkError& e) {
    platform::logError(std::string("saving the speech settings failed: ") + e.english());
    return e.swedish();
  }
}

ui::PinAnswer KioskApp::checkPin(const std::string& staffId, const std::string& pin) {
  ui::PinAnswer a;
  try {
    const auto r = store_.lockout().checkPin(staffId, pin);
    switch (r.result) {
    case store::PinResult::Accepted: a.result = ui::PinAnswer::Result::Accepted; break;
    case store::PinResult::LockedOut: a.result = ui::PinAnswer::Result::LockedOut; break;
    case store::PinResult::Wrong:
    case store::PinResult::Malformed: a.result = ui::PinAnswer::Result::Wrong; break;
    }
    a.secondsLeft = r.secondsLeft;
    a.attemptsLeft = r.attemptsLeft;
    if (a.result != ui::PinAnswer::Result::Accepted) platform::logInfo("staff sign-in refused for " + staffId);
  } catch (const DagverkError& e) {
    platform::logError(std::string("PIN check failed: ") + e.english());
  }
  return a;
}

void KioskApp::refreshStatistics() {
  try {
    const std::string site = store_.roster().boundSiteId();
    const LocalDate today = toStockholm(clock_.nowUtc()).date;
    const StatisticsPeriod period = statisticsPeriod(today);
    const auto sessions = store::sessions(store_, site, fromStockholm(period.from, 0, 0),
                                          fromStockholm(civilFromDays(daysFromCivil(period.to) + 1), 0, 0));
    store::KioskCountingSource rows(store_.database());
    const StatisticsSite counted{site, store_.roster().site(site).places,
                                 store::kioskRosterSpells(store_.database(), site)};
    model_.statistics = computeSiteStatistics(rows, counted, sessions, store_.roster().activities(site),
                                              store::complaints(store_), today);
    // Visitors per week: the period's tallies and the corrections that may void them (a
    // correction always comes after what it voids, so none before the period matters).
    const auto tallies = store_.events().query(
        "site_id = ?1 AND kind IN " + store::kindList<HeadcountTallied, Corrected>() +
            " AND recorded_utc >= ?2 ORDER BY device_id, seq",
        [&](store::Statement& st) { st.bind(1, site).bind(2, fromStockholm(period.from, 0, 0)); });
    model_.headcountWeeks = headcountWeeks(tallies, period.from);
    model_.statisticsError.clear();
  } catch (const DagverkError& e) {
    platform::logError(std::string("statistics failed: ") + e.english());
    model_.statistics.reset();
    model_.statisticsError = "Statistiken kunde inte räknas fram. " + e.swedish();
  }
}

ImTextureID KioskApp::pictureOf(const Participant& p) {
  // A value stored before bundles were checked could still be a path: never join one.
  if (!p.photoFile || !isPhotoFileName(*p.photoFile)) return nullptr;
  void* tex = window_->pictureTexture((dataDir_ / "photos" / *p.photoFile).string());
  if (!tex && missingPictures_.insert(p.id).second)
    platform::logError("picture for participant " + p.id + " could not be loaded; showing initials");
  return static_cast<ImTextureID>(tex);
}

std::string KioskApp::choosePictogram(const ui::ask::ChoosePictogram& c) {
  try {
    const StaffMember who = store_.roster().staffHere(c.staffId);
    if (who.role != StaffRole::AssistantManager && who.role != StaffRole::Admin)
      return "Bara biträdande enhetschef och administratör kan välja bilder.";
    store::Transaction tx(store_.database());
    if (c.activity) store_.roster().chooseActivityPictogram(c.subjectId, c.pictogram);
    else store_.roster().chooseParticipantSymbol(c.subjectId, c.pictogram, c.colour);
    tx.commit();
    store_.roster().forgetCache();
    return {};
  } catch (const DagverkError& e) {
    platform::logError(std::string("choosing a pictogram failed: ") + e.english());
    return e.swedish();
  }
}

ImTextureID KioskApp::pictogram(const std::string& key, float pixels) {
  const Pictogram* p = findPictogram(key);
  if (!p) return nullptr;
  if (!pictograms_) pictograms_ = std::make_unique<platform::PictogramTextures>(*window_, platform::emojiFontPath());
  return static_cast<ImTextureID>(pictograms_->texture(p->codePoint, pixels));
}

void KioskApp::noticeOtherWriters() {
  try {
    if (store_.reloadIfChangedElsewhere()) {
      refreshModel();
      framesOwed_ = std::max(framesOwed_, 2);
    }
  } catch (const DagverkError& e) {
    platform::logError(std::string("reload failed: ") + e.english());
  }
}

// --- the weekly sync ----------------------------------------------------------------------------

void KioskApp::readSyncStatus() {
  readEnrolment();
  try {
    model_.sync.queued.clear();
    for (const auto& [kind, n] : store_.ledger().queuedCountByKind()) model_.sync.queued.emplace_back(kindLabelSv(kind), n);
    std::sort(model_.sync.queued.begin(), model_.sync.queued.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
  } catch (const DagverkError& e) {
    platform::logError(std::string("sync status failed: ") + e.english());
  }
}

void KioskApp::checkShare() {
  if (syncJob_) return; // a sync or check runs; its result will say
  if (model_.sync.sharePath.empty()) {
    model_.sync.share = ui::KioskModel::SyncView::Share::Unknown;
    return;
  }
  // Reading the marker may hang on a dead network mount: never on the UI thread.
  model_.sync.share = ui::KioskModel::SyncView::Share::Checking;
  startSyncJob(false, model_.sync.sharePath);
}

// The code's stretch takes a fraction of a second and the offers are a few small files; an
// admin waits for the answer on the screen.
std::string KioskApp::enrolWithCode(const std::string& staffId, const std::string& code) {
  const StaffMember* who = model_.findStaff(staffId);
  if (!who || who->role != StaffRole::Admin) return "Bara en administratör kan koppla kiosken till central.";
  if (model_.sync.sharePath.empty()) return "Ingen central mapp är inställd. Be IT ställa in den.";
  try {
    const auto r = sync::enrolKiosk(store_, dataDir_, model_.sync.sharePath, code, clock_);
    platform::logInfo("kiosk enrolled from the screen by staff " + staffId);
    model_.enrolment.enrolled = true;
    model_.enrolment.siteId = r.siteId;
    model_.enrolment.fingerprint = r.fingerprint;
    return {};
  } catch (const DagverkError& e) {
    platform::logError(std::string("enrolment from the screen refused: ") + e.english());
    return e.swedish();
  }
}

void KioskApp::readEnrolment() {
  model_.enrolment.enrolled = sync::isEnrolled(store_);
  try {
    model_.enrolment.fingerprint = sync::enrolledFingerprint(store_, dataDir_).value_or("");
  } catch (const DagverkError& e) {
    platform::logError(std::string("reading the enrolment fingerprint failed: ") + e.english());
    model_.enrolment.fingerprint.clear();
  }
}

std::string KioskApp::startSync(const std::string& staffId) {
  const StaffMember* who = model_.findStaff(staffId);
  if (!who || (who->role != StaffRole::AssistantManager && who->role != StaffRole::Admin))
    return "Bara biträdande enhetschef eller administratör kan synkronisera.";
  if (syncJob_ && syncJob_->isSync) return "En synkronisering pågår redan.";
  if (model_.sync.sharePath.empty()) return "Ingen central mapp är inställd. Be IT ställa in den.";
  if (syncJob_) syncJob_.reset(); // a share check: the sync checks the share itself
  platform::logInfo("sync started from the screen by staff " + staffId);
  model_.sync.running = true;
  model_.sync.progress = 0;
  model_.sync.step = "Startar";
  model_.sync.outcome.reset();
  startSyncJob(true, model_.sync.sharePath);
  return {};
}

void KioskApp::startSyncJob(bool isSync, const std::filesystem::path& share) {
  syncJob_ = std::make_unique<SyncJob>();
  SyncJob* job = syncJob_.get();
  job->isSync = isSync;
  const std::filesystem::path dir = dataDir_;
  const Clock& clock = clock_;
  job->thread = std::thread([job, dir, share, &clock] {
    try {
      if (!job->isSync) {
        const std::string problem = sync::checkShare(share);
        const std::lock_guard<std::mutex> lock(job->mutex);
        job->shareProblem = problem;
      } else {
        // Its own connection: SQLite in WAL mode lets the kiosk go on recording meanwhile.
        auto store = store::KioskStore::open(dir, clock);
        store->checkWholeFile(); // a database too large to check at every open is checked here
        const auto result = sync::runSync(*store, dir, share, clock, [job](double p, const char* step) {
          job->permille = static_cast<int>(p * 1000);
          const std::lock_guard<std::mutex> lock(job->mutex);
          job->step = step;
        });
        const std::lock_guard<std::mutex> lock(job->mutex);
        job->outcome = result.summary();
        job->ok = result.ok();
      }
    } catch (const DagverkError& e) {
      platform::logError(std::string("sync worker: ") + e.english());
      const std::lock_guard<std::mutex> lock(job->mutex);
      job->outcome = job->shareProblem = e.swedish();
      job->ok = false;
      job->shareMissing = e.code() == ErrorCode::ShareMissing;
    } catch (const std::exception& e) {
      platform::logError(std::string("sync worker: unexpected ") + e.what());
      const std::lock_guard<std::mutex> lock(job->mutex);
      job->outcome = job->shareProblem = "Oväntat fel vid synkroniseringen. Försök igen; kontakta IT om det fortsätter.";
      job->ok = false;
    }
    job->done = true;
  });
}

void KioskApp::pollSync() {
  if (!syncJob_) return;
  SyncJob& job = *syncJob_;
  if (!job.done) {
    if (job.isSync) {
      const double p = job.permille / 1000.0;
      const std::lock_guard<std::mutex> lock(job.mutex);
      if (p != model_.sync.progress || job.step != model_.sync.step) {
        model_.sync.progress = p;
        model_.sync.step = job.step;
        framesOwed_ = std::max(framesOwed_, 1);
      }
    }
    return;
  }
  job.thread.join();
  if (job.isSync) {
    model_.sync.running = false;
    model_.sync.outcome = job.outcome;
    model_.sync.outcomeOk = job.ok;
    if (!job.shareMissing) {
      model_.sync.share = ui::KioskModel::SyncView::Share::Reachable;
    } else {
      model_.sync.share = ui::KioskModel::SyncView::Share::Missing;
      model_.sync.shareProblem = job.outcome;
    }
  } else {
    model_.sync.share = job.shareProblem.empty() ? ui::KioskModel::SyncView::Share::Reachable
                                                 : ui::KioskModel::SyncView::Share::Missing;
    model_.sync.shareProblem = job.shareProblem;
  }
  const bool wasSync = job.isSync;
  syncJob_.reset();
  if (wasSync) {
    // The worker's connection changed the database: a new roster, staff or settings show now.
    noticeOtherWriters();
    readSyncStatus(); // queued counts, the note, and the share checked again
    refreshModel();
    checkShare();
  }
  framesOwed_ = std::max(framesOwed_, 2);
}

void KioskApp::pollPower() {
  const auto r = power_.poll(store_, dataDir_);
  model_.battery = r.battery;
  model_.storage = r.storage;
}

void KioskApp::everyMinute() {
  const UtcMs minute = clock_.nowUtc() / 60000;
  if (minute == lastMinute_) return;
  lastMinute_ = minute;
  try {
    store::runDayRollover(store_);
    // The first minute of a new day: the night's purge of what the retention allows.
    if (toStockholm(clock_.nowUtc()).date != model_.today) store::purgeExpiredQuietly(store_, clock_.nowUtc());
    store_.checkpoint(); // off the tap path: taps only append to the WAL
    refreshModel();      // today's date, schedule and lists move on with the clock
    pollPower();
  } catch (const DagverkError& e) {
    platform::logError(std::string("day rollover failed: ") + e.english());
  }
}

void KioskApp::renderFrame(const std::string& screenshotPath) {
  window_->beginFrame();
  ui_->frame(model_);
  window_->endFrame(screenshotPath);
  ++frames_;
  // What the frame asked for changes the model and the screen only now, between frames.
  if (answerRequests()) requestsAnswered_ = true;
  sayPrompts(*speech_, ui_->voice().take()); // hands text to the worker: never waits

}

int KioskApp::settle(const std::string& screenshotPath) {
  int rendered = 0;
  if (window_->pumpEvents(0)) {
    ui_->noteInput();
    framesOwed_ = std::max(framesOwed_, kSettleFrames);
  }
  noticeOtherWriters();
  pollSync();
  everyMinute();
  if (clock_.nowUtc() >= ui_->nextChangeAt()) framesOwed_ = std::max(framesOwed_, 2);
  // Keep drawing while input is queued or the screen has not settled; at least one frame.
  do {
    const bool input = window_->hasPendingInput();
    const bool last = !input && framesOwed_ <= 1;
    renderFrame(last ? screenshotPath : std::string());
    ++rendered;
    // A frame that took input is followed by kSettleFrames more, so what it changed shows.
    framesOwed_ = input ? kSettleFrames : std::max(0, framesOwed_ - 1);
    if (std::exchange(requestsAnswered_, false)) framesOwed_ = std::max(framesOwed_, 2);
  } while ((window_->hasPendingInput() || framesOwed_ > 0) && rendered < 400);
  return rendered;
}

void KioskApp::run(int maxFrames) {
  while (!window_->quitRequested()) {
    const UtcMs now = clock_.nowUtc();
    int timeout = 0;
    if (framesOwed_ == 0 && !window_->hasPendingInput()) {
      // Sleep until the screen would change by itself, checking at least once a second.
      // While the sync worker runs, look at its progress ten times a second.
      timeout = static_cast<int>(std::clamp<UtcMs>(ui_->nextChangeAt() - now, 1, syncJob_ ? 100 : 1000));
    }
    if (window_->pumpEvents(timeout)) {
      ui_->noteInput();
      framesOwed_ = std::max(framesOwed_, kSettleFrames);
    }
    noticeOtherWriters();
    pollSync();
    everyMinute();
    if (clock_.nowUtc() >= ui_->nextChangeAt()) framesOwed_ = std::max(framesOwed_, 2);
    if (framesOwed_ > 0 || window_->hasPendingInput()) {
      const bool input = window_->hasPendingInput();
      renderFrame();
      framesOwed_ = input ? kSettleFrames : std::max(0, framesOwed_ - 1);
      if (std::exchange(requestsAnswered_, false)) framesOwed_ = std::max(framesOwed_, 2);
      if (maxFrames > 0 && frames_ >= maxFrames) return;
    }
  }
}

} // namespace dagverk::kiosk
