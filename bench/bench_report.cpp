// The year report for a synthetic unit (9 sites, ~129 participants)
// and a synthetic city district (100 sites, ~1,500 participants), written into a central
// database through CentralStore::importBatch, then timed beside the equivalent plain GROUP BY
// queries run with the sqlite3 library on the same database in the same run. Medians.
//
//   bench_report [--quick] [--runs N] [--dir DIR] [--keep] [--html FILE]
//   --quick   a 9-site unit over 4 weeks and a 20-site district over 4 weeks (ctest smoke test)
//   --html    also write the 9-site year's HTML report to FILE (for scripts/render-report.sh)
#include "BenchUtil.hpp"

#include "central/CentralStore.hpp"
#include "store/Database.hpp"
#include "core/Event.hpp"
#include "core/Feedback.hpp"
#include "core/LocalTime.hpp"
#include "core/Period.hpp"
#include "platform/TimeZone.hpp"
#include "report/Report.hpp"
#include "sync/SyncFormat.hpp"

#include <sqlite3.h>

#include <map>
#include <random>

using namespace dagverk;
using namespace dagverk::bench;

namespace {

// CPU time of this process (both sides run in-process): robust when the machine is shared.
double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Timing {
  double wallMs = 0, cpuMs = 0;
};

struct Shape {
  std::string label;
  std::vector<int> participantsPerSite;
  LocalDate from, to;
};

EventRow synced(std::int64_t& nextId, const std::string& device, std::int64_t& seq, UtcMs at,
                         const std::string& site, const EventPayload& p, std::vector<EventRow>& out) {
  EventRow e;
  char id[40];
  std::snprintf(id, sizeof id, "ev-%012lld", static_cast<long long>(nextId++));
  e.id = id;
  e.deviceId = device;
  e.seq = ++seq;
  e.recordedUtc = at;
  e.zone = kSiteZone;
  e.siteId = site;
  e.kind = kindOf(p);
  e.subjectId = subjectOf(p);
  e.payloadJson = encodePayload(p);
  e.schemaVersion = kEventSchemaVersion;
  out.push_back(e);
  return e;
}

// Builds the central database; returns the number of events.
std::int64_t generate(const Shape& shape, const fs::path& dbFile) {
  std::mt19937 rng(20250101);
  const auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto central = central::CentralStore::open(dbFile);
  RosterFiles roster;
  static const char* kCategories[] = {"Skapande", "Kultur", "Musik och rörelse", "Trädgård", "Arbete", "Hälsa"};
  struct P {
    std::string id, site;
    std::array<bool, 7> days{};
  };
  std::vector<P> people;
  for (size_t s = 0; s < shape.participantsPerSite.size(); ++s) {
    const std::string site = "site" + std::to_string(s);
    roster.sites.push_back(Site{site, "Verksamhet " + std::to_string(s + 1), shape.participantsPerSite[s] - 1, 480, 960});
    for (int a = 0; a < 6; ++a)
      roster.activities.push_back(
          Activity{site + "-a" + std::to_string(a), site, std::string("Aktivitet ") + std::to_string(a + 1), kCategories[a]});
    for (int p = 0; p < shape.participantsPerSite[s]; ++p) {
      P person{site + "-p" + std::to_string(p), site, {}};
      for (int d = 0; d < 5; ++d) person.days[static_cast<size_t>(d)] = !chance(20);
      people.push_back(person);
      Participant rp;
      rp.id = person.id;
      rp.siteId = site;
      rp.firstName = "Deltagare";
      rp.initial = "X";
      rp.expectedWeekdays = person.days;
      roster.participants.push_back(rp);
    }
  }
  central->storeRoster(roster, 1, LocalDate{2025, 1, 1});

  std::int64_t nextId = 0, total = 0;
  std::map<std::string, std::int64_t> seqOf, batchOf;
  std::map<std::string, std::vector<EventRow>> pending; // device -> events of the week
  const auto flush = [&](UtcMs now) {
    for (auto& [device, events] : pending) {
      if (events.empty()) continue;
      sync::BatchContents b;
      b.deviceId = device;
      b.siteId = events.front().siteId;
      b.batchSeq = ++batchOf[device];
      b.batchId = device + "-batch-" + std::to_string(b.batchSeq);
      b.schemaVersion = kEventSchemaVersion;
      b.createdUtc = now;
      b.events = std::move(events);
      total += static_cast<std::int64_t>(b.events.size());
      central->importBatch(b, "sha-" + b.batchId, b.batchId + ".batch", now);
      events.clear();
    }
  };
  for (long day = daysFromCivil(shape.from); day <= daysFromCivil(shape.to); ++day) {
    const LocalDate d = civilFromDays(day);
    const int wd = isoWeekday(d);
    if (wd == 1 && day != daysFromCivil(shape.from)) flush(fromStockholm(d, 6, 0));
    if (!isWorkingDay(d)) continue;
    std::map<std::string, std::vector<std::string>> presentAt;
    for (const auto& p : people) {
      if (!p.days[static_cast<size_t>(wd - 1)]) continue;
      const std::string device = p.site + "-k1";
      auto& out = pending[device];
      auto& seq = seqOf[device];
      if (chance(12)) {
        if (chance(50)) {
          static const char* kReasons[] = {"sjuk", "ledig", "annan_aktivitet", "okant"};
          synced(nextId, device, seq, fromStockholm(d, 9, 30), p.site,
                 AbsenceNoted{p.id, formatIsoDate(d), kReasons[pick(4)], ""}, out);
        }
        continue;
      }
      const UtcMs in = fromStockholm(d, 8, pick(60));
      const auto ci = synced(nextId, device, seq, in, p.site, CheckedIn{p.id, in}, out);
      if (chance(1)) { // checked in by mistake, corrected
        synced(nextId, device, seq, in + 60000, p.site, Corrected{ci.id, p.id, "fel_person"}, out);
        continue;
      }
      if (chance(3)) { // also at the second kiosk
        const std::string second = p.site + "-k2";
        synced(nextId, second, seqOf[second], in + 120000, p.site, CheckedIn{p.id, in + 120000}, pending[second]);
      }
      presentAt[p.site].push_back(p.id);
      const bool automatic = chance(2);
      const UtcMs outAt = automatic ? fromStockholm(addDays(d, 1), 7, 0) : fromStockholm(d, 15, pick(60));
      synced(nextId, device, seq, outAt, p.site, CheckedOut{p.id, outAt, automatic, ci.id}, out);
    }
    for (size_t s = 0; s < shape.participantsPerSite.size(); ++s) {
      const std::string site = "site" + std::to_string(s), device = site + "-k1";
      auto& here = presentAt[site];
      if (here.empty()) continue;
      for (int k = 0; k < 3; ++k) {
        ActivitySessionLogged a;
        a.sessionId = "session-" + std::to_string(nextId);
        a.activityId = site + "-a" + std::to_string(pick(6));
        for (const auto& pid : here)
          if (chance(30)) a.participantIds.push_back(pid);
        if (a.participantIds.empty()) a.participantIds.push_back(here.front());
        a.start = fromStockholm(d, 10 + 2 * k, 0);
        a.end = a.start + 60000L * (30 + pick(120));
        a.outing = chance(10);
        a.place = a.outing ? "Stan" : "";
        synced(nextId, device, seqOf[device], a.end, site, a, pending[device]);
      }
      if (chance(4)) {
        ComplaintRegistered c;
        c.complaintId = "complaint-" + std::to_string(nextId);
        c.type = complaintTypes()[static_cast<size_t>(pick(4))].code;
        c.source = complaintSources()[static_cast<size_t>(pick(5))].code;
        c.concerns = complaintConcerns()[static_cast<size_t>(pick(15))].code;
        c.receivedDate = formatIsoDate(d);
        c.channel = "muntligt";
        synced(nextId, device, seqOf[device], fromStockholm(d, 14, 0), site, c, pending[device]);
        if (chance(70))
          synced(nextId, device, seqOf[device], fromStockholm(d, 14, 30), site,
                 ComplaintFollowedUp{c.complaintId, "aterkoppling", formatIsoDate(d), "ok"}, pending[device]);
      }
      if (chance(2)) {
        DeviationReported dv;
        dv.deviationId = "deviation-" + std::to_string(nextId);
        dv.identifiedBy = chance(80) ? "medarbetare" : "extern";
        dv.concerns = deviationConcerns()[static_cast<size_t>(pick(5))].code;
        dv.concernsWhom = chance(80) ? "egna_verksamheten" : "annan_verksamhet";
        dv.date = formatIsoDate(d);
        dv.lexSarah = chance(5);
        synced(nextId, device, seqOf[device], fromStockholm(d, 15, 0), site, dv, pending[device]);
      }
      if (chance(5)) {
        FeedbackGiven f;
        f.feedbackId = "feedback-" + std::to_string(nextId);
        f.mood = feedbackMoods()[static_cast<size_t>(pick(3))].code;
        f.topic = "aktiviteterna";
        synced(nextId, device, seqOf[device], fromStockholm(d, 12, 0), site, f, pending[device]);
      }
      if (d.month == 10 && d.day <= 7) // the survey week
        for (size_t k = 0; k < here.size(); ++k)
          if (chance(15)) {
            static const char* kA[] = {"ja", "ja", "ja", "ibland", "nej"};
            synced(nextId, device, seqOf[device], fromStockholm(d, 11, 0), site,
                   SurveyAnswered{"survey-" + site, {kA[pick(5)], kA[pick(5)], kA[pick(5)]}}, pending[device]);
          }
    }
  }
  flush(fromStockholm(addDays(shape.to, 1), 6, 0));
  return total;
}

// The same figures as plain GROUP BY queries, straight on the event table.
const std::vector<std::string>& plainQueries() {
  static const std::vector<std::string> q{
      "CREATE TEMP TABLE IF NOT EXISTS plain_voided AS SELECT json_extract(payload, '$.v.correctsEventId') AS id "
      "FROM event WHERE kind = 'Corrected'",
      // attendance days, per site, weekday and week, and distinct participants
      "SELECT site_id, count(*), count(DISTINCT subject_id) FROM (SELECT DISTINCT site_id, subject_id, local_date "
      "FROM event WHERE kind = 'CheckedIn' AND local_date BETWEEN ?1 AND ?2 AND id NOT IN (SELECT id FROM "
      "plain_voided)) GROUP BY site_id",
      "SELECT site_id, strftime('%w', local_date), count(*) FROM (SELECT DISTINCT site_id, subject_id, local_date "
      "FROM event WHERE kind = 'CheckedIn' AND local_date BETWEEN ?1 AND ?2 AND id NOT IN (SELECT id FROM "
      "plain_voided)) GROUP BY 1, 2",
      "SELECT site_id, strftime('%W', local_date), count(*) FROM (SELECT DISTINCT site_id, subject_id, local_date "
      "FROM event WHERE kind = 'CheckedIn' AND local_date BETWEEN ?1 AND ?2 AND id NOT IN (SELECT id FROM "
      "plain_voided)) GROUP BY 1, 2",
      "SELECT count(DISTINCT subject_id) FROM event WHERE kind = 'CheckedIn' AND local_date BETWEEN ?1 AND ?2",
      // automatic check-outs, absences by reason
      "SELECT site_id, count(*) FROM event WHERE kind = 'CheckedOut' AND local_date BETWEEN ?1 AND ?2 AND "
      "json_extract(payload, '$.v.automatic') = 1 GROUP BY site_id",
      "SELECT site_id, json_extract(payload, '$.v.reason'), count(*) FROM event WHERE kind = 'AbsenceNoted' AND "
      "local_date BETWEEN ?1 AND ?2 GROUP BY 1, 2",
      // activities: sessions, participant-sessions, participant-hours, distinct participants
      "SELECT site_id, json_extract(payload, '$.v.activityId'), json_extract(payload, '$.v.outing'), count(*), "
      "sum(json_array_length(payload, '$.v.participantIds')), sum((json_extract(payload, '$.v.end') - "
      "json_extract(payload, '$.v.start')) * json_array_length(payload, '$.v.participantIds')) FROM event WHERE "
      "kind = 'ActivitySessionLogged' AND local_date BETWEEN ?1 AND ?2 AND json_extract(payload, '$.v.planned') = 0 "
      "GROUP BY 1, 2, 3",
      "SELECT e.site_id, json_extract(e.payload, '$.v.activityId'), count(DISTINCT j.value) FROM event e, "
      "json_each(e.payload, '$.v.participantIds') j WHERE e.kind = 'ActivitySessionLogged' AND e.local_date BETWEEN "
      "?1 AND ?2 GROUP BY 1, 2",
      // complaints by type, source and concerns; deviations by their classifications
      "SELECT site_id, json_extract(payload, '$.v.type'), json_extract(payload, '$.v.source'), "
      "json_extract(payload, '$.v.concerns'), count(*) FROM event WHERE kind = 'ComplaintRegistered' AND "
      "json_extract(payload, '$.v.receivedDate') BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4",
      "SELECT site_id, json_extract(payload, '$.v.step'), count(*) FROM event WHERE kind = 'ComplaintFollowedUp' "
      "GROUP BY 1, 2",
      "SELECT site_id, json_extract(payload, '$.v.identifiedBy'), json_extract(payload, '$.v.concerns'), "
      "json_extract(payload, '$.v.concernsWhom'), sum(json_extract(payload, '$.v.lexSarah')), count(*) FROM event "
      "WHERE kind = 'DeviationReported' AND json_extract(payload, '$.v.date') BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4",
      "SELECT site_id, json_extract(payload, '$.v.mood'), count(*) FROM event WHERE kind = 'FeedbackGiven' AND "
      "local_date BETWEEN ?1 AND ?2 GROUP BY 1, 2",
      // survey answers
      "SELECT site_id, json_extract(payload, '$.v.answers[0]'), json_extract(payload, '$.v.answers[1]'), "
      "json_extract(payload, '$.v.answers[2]'), count(*) FROM event WHERE kind = 'SurveyAnswered' AND local_date "
      "BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4",
  };
  return q;
}

Timing runPlain(const fs::path& dbFile, const Period& period, std::int64_t& rows) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(dbFile.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + dbFile.string());
  const std::int64_t t0 = monoNs();
  const double c0 = cpuMs();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  const std::string from = formatIsoDate(period.from), to = formatIsoDate(period.to);
  rows = 0;
  for (const auto& sql : plainQueries()) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(db));
    if (sqlite3_bind_parameter_count(st) >= 2) {
      sqlite3_bind_text(st, 1, from.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, to.c_str(), -1, SQLITE_TRANSIENT);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) ++rows;
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("step: ") + sqlite3_errmsg(db));
    sqlite3_finalize(st);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  const Timing t{static_cast<double>(monoNs() - t0) / 1e6, cpuMs() - c0};
  sqlite3_close(db);
  return t;
}

Timing runReport(const fs::path& dbFile, const Period& period, const fs::path& out) {
  report::ReportRequest r;
  r.db = dbFile;
  r.period = period.code;
  r.format = report::Format::Html;
  r.out = out;
  const std::int64_t t0 = monoNs();
  const double c0 = cpuMs();
  const auto outcome = report::writeReport(r, fromStockholm(addDays(period.to, 1), 8, 0));
  const Timing t{static_cast<double>(monoNs() - t0) / 1e6, cpuMs() - c0};
  if (outcome.noData) throw std::runtime_error("the synthetic year has no data");
  return t;
}

struct Result {
  double plainMs = 0, reportMs = 0, plainCpuMs = 0, reportCpuMs = 0;
};

Result measure(const Shape& shape, const fs::path& dir, int runs, const std::string& htmlOut) {
  const fs::path db = dir / (shape.label + ".sqlite");
  int participants = 0;
  for (int n : shape.participantsPerSite) participants += n;
  std::printf("\n%s: %zu sites, %d participants, %s – %s\n", shape.label.c_str(), shape.participantsPerSite.size(),
              participants, formatIsoDate(shape.from).c_str(), formatIsoDate(shape.to).c_str());
  const std::int64_t t0 = monoNs();
  const std::int64_t events = generate(shape, db);
  std::printf("  generated and imported %lld events in %.1f s (%s)\n", static_cast<long long>(events),
              static_cast<double>(monoNs() - t0) / 1e9, fileSystemName(dir));
  const Period period = shape.from.month == 1 && shape.from.day == 1 && shape.to.month == 12 && shape.to.day == 31
                            ? yearPeriod(shape.from.year)
                            : rangePeriod(shape.from, shape.to);
  std::vector<double> plain, ours, plainCpu, oursCpu;
  std::int64_t rows = 0;
  // The first report runs on a cold connection (timed apart; central's migrations made the
  // report indexes when the database was created, and the import kept them); then both
  // alternate, so neither gets a systematic advantage from the page cache.
  const Timing first = runReport(db, period, dir / "report.html");
  runPlain(db, period, rows);
  for (int i = 0; i < runs; ++i) {
    const Timing p = runPlain(db, period, rows), o = runReport(db, period, dir / "report.html");
    plain.push_back(p.wallMs);
    plainCpu.push_back(p.cpuMs);
    ours.push_back(o.wallMs);
    oursCpu.push_back(o.cpuMs);
  }
  if (!htmlOut.empty()) fs::copy_file(dir / "report.html", htmlOut, fs::copy_options::overwrite_existing);
  Result r{median(plain), median(ours), median(plainCpu), median(oursCpu)};
  std::printf("  first report (cold): %.1f ms wall, %.1f ms CPU\n", first.wallMs, first.cpuMs);
  std::printf("  baseline: %zu plain GROUP BY queries (sqlite3, %lld rows): median %.1f ms wall, %.1f ms CPU (%d runs)\n",
              plainQueries().size(), static_cast<long long>(rows), r.plainMs, r.plainCpuMs, runs);
  std::printf("  ours:     the %s report, all sections, aggregation + HTML, written: median %.1f ms wall, %.1f ms CPU "
              "(%.0f KiB)\n",
              period.code.c_str(), r.reportMs, r.reportCpuMs,
              static_cast<double>(fs::file_size(dir / "report.html")) / 1024.0);
  std::printf("  ratio:    %.2fx the plain queries (wall), %.2fx (CPU)\n", r.reportMs / r.plainMs,
              r.reportCpuMs / r.plainCpuMs);
  return r;
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_report")) return 1;
  try {
    bool quick = false, keep = false;
    int runs = 5;
    std::string dirArg, html;
    ArgReader args{argc, argv};
    while (!args.done()) {
      const std::string a = args.next();
      if (a == "--quick") quick = true;
      else if (a == "--runs") runs = static_cast<int>(args.number(a));
      else if (a == "--dir") dirArg = args.value(a);
      else if (a == "--keep") keep = true;
      else if (a == "--html") html = args.value(a);
      else throw std::runtime_error("unknown argument " + a);
    }
    ScratchDir dir(dirArg, "bench-report", keep);
    const LocalDate from = quick ? LocalDate{2025, 3, 3} : LocalDate{2025, 1, 1};
    const LocalDate to = quick ? LocalDate{2025, 3, 30} : LocalDate{2025, 12, 31};
    Shape unit{"unit-9-sites", {35, 21, 9, 9, 32, 12, 8, 3, 5}, from, to};
    std::vector<int> district(quick ? 20 : 100);
    for (size_t i = 0; i < district.size(); ++i) district[i] = 5 + static_cast<int>((i * 11) % 21); // 5..25, 15 on average
    Shape city{quick ? "district-20-sites" : "district-100-sites", district, from, to};
    if (quick) runs = std::min(runs, 3);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("bench_report: year report vs plain GROUP BY queries (medians)%s\n", quick ? " [quick]" : "");
    const Result u = measure(unit, dir.path(), runs, html);
    const Result c = measure(city, dir.path(), runs, "");
    const bool ratioOk = u.reportMs <= 2 * u.plainMs && c.reportMs <= 2 * c.plainMs;
    const bool ratioCpuOk = u.reportCpuMs <= 2 * u.plainCpuMs && c.reportCpuMs <= 2 * c.plainCpuMs;
    std::printf("\ngoal: at most 2x the plain queries: wall %s, CPU %s\n", ratioOk ? "met" : "NOT met",
                ratioCpuOk ? "met" : "NOT met");
    if (quick)
      std::printf("goal: under 2 s for the 100-site year: not measured in --quick\n");
    else
      std::printf("goal: under 2 s for the 100-site year: wall %.0f ms %s, CPU %.0f ms %s (load average counts: wall "
                  "time on a shared machine includes waiting for a core)\n",
                  c.reportMs, c.reportMs < 2000 ? "met" : "NOT met", c.reportCpuMs,
                  c.reportCpuMs < 2000 ? "met" : "NOT met");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_report: %s\n", e.what());
    return 1;
  }
}
