// Property tests (RapidCheck): random logs from several kiosks imported into a real central
// database, aggregated, and compared with an independent count and with each other.
#include "ReportFixture.hpp"

#include "report/ReportBuilder.hpp"
#include "report/ReportDocument.hpp"

#include <rapidcheck/catch.h>

#include <set>

using namespace dagverk;
using namespace dagverk::test;
using namespace dagverk::report;

namespace {

struct Generated {
  std::vector<std::string> sites;
  std::vector<std::pair<std::string, std::string>> participants; // id, site
  std::vector<sync::BatchContents> batches;
  std::set<std::tuple<std::string, std::string, std::string>> attendance; // site, participant, day (the model)
  LocalDate from, to;
};

EventRow synced(const std::string& id, const std::string& device, std::int64_t seq, UtcMs at,
                         const std::string& site, const EventPayload& p) {
  EventRow e;
  e.id = id;
  e.deviceId = device;
  e.seq = seq;
  e.recordedUtc = at;
  e.zone = kSiteZone;
  e.siteId = site;
  e.kind = kindOf(p);
  e.subjectId = subjectOf(p);
  e.payloadJson = encodePayload(p);
  e.schemaVersion = kEventSchemaVersion;
  return e;
}

// A random unit: 1–4 sites, 1–5 participants each, a period of 1–21 days in 2025, two kiosks
// per site checking people in (often the same person twice), some check-ins voided, automatic
// check-outs, absences and activity sessions.
Generated generate() {
  Generated g;
  const int siteCount = *rc::gen::inRange(1, 5);
  const int startDay = *rc::gen::inRange(0, 300);
  const int length = *rc::gen::inRange(1, 22);
  g.from = addDays(LocalDate{2025, 1, 1}, startDay);
  g.to = addDays(g.from, length - 1);
  for (int s = 0; s < siteCount; ++s) {
    const std::string site = "site" + std::to_string(s);
    g.sites.push_back(site);
    const int people = *rc::gen::inRange(1, 6);
    for (int p = 0; p < people; ++p) g.participants.push_back({site + "-p" + std::to_string(p), site});
  }
  int nextId = 0;
  const auto id = [&] { return "ev-" + std::to_string(nextId++); };
  for (const auto& site : g.sites) {
    for (int k = 0; k < 2; ++k) {
      sync::BatchContents b;
      b.deviceId = site + "-kiosk" + std::to_string(k);
      b.batchId = "batch-" + b.deviceId;
      b.siteId = site;
      b.batchSeq = 1;
      b.schemaVersion = kEventSchemaVersion;
      std::int64_t seq = 0;
      for (int d = 0; d < length; ++d) {
        const LocalDate day = addDays(g.from, d);
        for (const auto& [pid, psite] : g.participants) {
          if (psite != site) continue;
          const int roll = *rc::gen::inRange(0, 10);
          if (roll < 4) { // checked in here (the other kiosk may do the same)
            const UtcMs t = fromStockholm(day, 8 + roll, 0);
            const std::string inId = id();
            b.events.push_back(synced(inId, b.deviceId, ++seq, t, site, CheckedIn{pid, t}));
            const bool voided = *rc::gen::inRange(0, 6) == 0;
            if (voided) {
              b.events.push_back(synced(id(), b.deviceId, ++seq, t + 60000, site, Corrected{inId, pid, "fel_person"}));
            } else {
              g.attendance.insert({site, pid, formatIsoDate(day)});
              CheckedOut out{pid, t + 3600000, *rc::gen::inRange(0, 4) == 0, inId};
              b.events.push_back(synced(id(), b.deviceId, ++seq, t + 3600000, site, out));
            }
          } else if (roll == 4) {
            AbsenceNoted a{pid, formatIsoDate(day), *rc::gen::element<std::string>("sjuk", "ledig", "okant"), ""};
            b.events.push_back(synced(id(), b.deviceId, ++seq, fromStockholm(day, 10, 0), site, a));
          }
        }
        if (*rc::gen::inRange(0, 3) == 0) {
          ActivitySessionLogged s;
          s.sessionId = "session-" + std::to_string(nextId);
          s.activityId = *rc::gen::element<std::string>("a-mal", "a-musik", "a-okand");
          for (const auto& [pid, psite] : g.participants)
            if (psite == site && *rc::gen::inRange(0, 2) == 0) s.participantIds.push_back(pid);
          s.start = fromStockholm(day, 13, 0);
          s.end = s.start + 60000L * *rc::gen::inRange(15, 240);
          s.outing = *rc::gen::inRange(0, 4) == 0;
          b.events.push_back(synced(id(), b.deviceId, ++seq, s.end, site, s));
        }
      }
      b.createdUtc = fromStockholm(g.to, 18, 0);
      if (!b.events.empty()) g.batches.push_back(std::move(b));
    }
  }
  return g;
}

RosterFiles rosterOf(const Generated& g) {
  RosterFiles r;
  for (const auto& s : g.sites) r.sites.push_back(Site{s, "Verksamhet " + s, 3, 8 * 60, 16 * 60});
  for (const auto& [pid, site] : g.participants) {
    Participant p;
    p.id = pid;
    p.siteId = site;
    p.firstName = "P";
    p.initial = "X";
    p.expectedWeekdays = *parseWeekdays("135");
    r.participants.push_back(p);
  }
  for (const auto& s : g.sites) {
    r.activities.push_back(Activity{"a-mal", s, "Måleri", "Skapande"});
    r.activities.push_back(Activity{"a-musik", s, "Musik", "Musik"});
  }
  return r;
}

// Activity ids are shared between sites in the generated roster; keep one row per id (the
// central roster keys activities by id).
void dedupeActivities(RosterFiles& r) {
  std::set<std::string> seen;
  std::vector<Activity> out;
  for (auto& a : r.activities)
    if (seen.insert(a.id).second) out.push_back(a);
  r.activities = out;
}

template <class F> void sumOfSitesIsUnit(const ReportData& d, F figure) {
  std::int64_t sum = 0;
  for (const auto& s : d.sites) sum += figure(s);
  RC_ASSERT(sum == figure(d.unit));
}

} // namespace

TEST_CASE("report properties: attendance, weekdays, sites and the unit agree on random logs") {
  rc::prop("random logs from two kiosks per site", [] {
    const Generated g = generate();
    TempDir dir("report-prop");
    const fs::path db = dir / "central.sqlite";
    {
      auto central = central::CentralStore::open(db);
      RosterFiles roster = rosterOf(g);
      dedupeActivities(roster);
      central->storeRoster(roster, 1, LocalDate{2025, 1, 1});
      for (const auto& b : g.batches) central->importBatch(b, "sha-" + b.batchId, b.batchId + ".batch", 0);
      // The same batches again under new ids (re-sent events): nothing may be counted twice.
      for (auto b : g.batches) {
        b.batchId += "-again";
        b.batchSeq = 2;
        central->importBatch(b, "sha-" + b.batchId, b.batchId + ".batch", 0);
      }
    }
    auto source = central::openReportReader(db);
    const Period period = rangePeriod(g.from, g.to);
    const ReportData d = buildReport(*source, period, BuildOptions{});

    // No participant counted twice on a day: the figures equal the independent model's set.
    std::int64_t modelTotal = 0;
    for (const auto& s : d.sites) {
      std::int64_t model = 0;
      std::set<std::string> people;
      for (const auto& [site, pid, day] : g.attendance)
        if (site == s.id) {
          ++model;
          people.insert(pid);
        }
      RC_ASSERT(s.attendance.attendanceDays == model);
      RC_ASSERT(s.attendance.distinctParticipants == static_cast<std::int64_t>(people.size()));
      RC_ASSERT(s.attendance.attendanceDays <= s.attendance.distinctParticipants * period.dayCount());
      modelTotal += model;
      // The sum of weekdays (and of weeks) equals the period.
      std::int64_t weekdays = 0, weeks = 0;
      for (auto n : s.attendance.byWeekday) weekdays += n;
      for (auto n : s.attendance.byWeek) weeks += n;
      RC_ASSERT(weekdays == s.attendance.attendanceDays);
      RC_ASSERT(weeks == s.attendance.attendanceDays);
      std::int64_t reasons = 0;
      for (const auto& [r, n] : s.attendance.absentByReason) reasons += n;
      RC_ASSERT(reasons == s.attendance.expectedAbsentDays);
    }
    RC_ASSERT(d.unit.attendance.attendanceDays == modelTotal);
    RC_ASSERT(d.unit.attendance.distinctParticipants <= d.unit.attendance.attendanceDays);

    // The sum of the sites equals the unit, for every additive figure.
    sumOfSitesIsUnit(d, [](const SiteSection& s) { return s.attendance.attendanceDays; });
    sumOfSitesIsUnit(d, [](const SiteSection& s) { return s.attendance.expectedAbsentDays; });
    sumOfSitesIsUnit(d, [](const SiteSection& s) { return s.attendance.automaticCheckouts; });
    sumOfSitesIsUnit(d, [](const SiteSection& s) { return s.attendance.placeDays; });
    for (size_t w = 0; w < 7; ++w) sumOfSitesIsUnit(d, [w](const SiteSection& s) { return s.attendance.byWeekday[w]; });
    for (size_t i = 0; i < d.weeks.size(); ++i)
      sumOfSitesIsUnit(d, [i](const SiteSection& s) { return s.attendance.byWeek[i]; });
    for (const auto& [reason, n] : d.unit.attendance.absentByReason)
      sumOfSitesIsUnit(d, [&reason = reason](const SiteSection& s) { return s.attendance.absentByReason.at(reason); });
    std::map<std::string, std::array<std::int64_t, 3>> siteCats, unitCats;
    for (const auto& c : d.categories) {
      auto& slot = (c.siteId == kUnitId ? unitCats : siteCats)[c.category];
      slot[0] += c.sessions;
      slot[1] += c.participantSessions;
      slot[2] += c.participantMinutes;
    }
    RC_ASSERT(siteCats.size() == unitCats.size());
    for (const auto& [cat, v] : unitCats) {
      RC_ASSERT(siteCats.at(cat)[0] == v[0]);
      RC_ASSERT(siteCats.at(cat)[1] == v[1]);
      // Minutes are rounded per row; the sites' sum may differ from the unit's by that rounding.
      RC_ASSERT(std::llabs(siteCats.at(cat)[2] - v[2]) <= static_cast<std::int64_t>(d.sites.size()));
    }
    std::int64_t activitySessions = 0, categorySessions = 0;
    for (const auto& a : d.activities) activitySessions += a.sessions;
    for (const auto& [cat, v] : unitCats) categorySessions += v[0];
    RC_ASSERT(activitySessions == categorySessions);
  });
}

TEST_CASE("report properties: survey suppression never reveals a group under 5") {
  rc::prop("random answer counts per site", [] {
    const auto counts = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 14));
    std::vector<SurveyFigures> sites(counts.size());
    SurveyFigures unit;
    for (size_t i = 0; i < counts.size(); ++i) {
      sites[i].answers = counts[i];
      sites[i].counts[0] = {counts[i], 0, 0};
      unit.answers += counts[i];
    }
    std::vector<SurveyFigures*> ptrs;
    for (auto& s : sites) ptrs.push_back(&s);
    const bool withUnit = *rc::gen::arbitrary<bool>();
    suppressSurvey(ptrs, withUnit ? &unit : nullptr);
    int hidden = 0;
    for (const auto& s : sites) {
      if (s.answers < kSurveyMinAnswers) RC_ASSERT(!s.shown); // a small group is never shown
      if (s.shown) RC_ASSERT(s.answers >= kSurveyMinAnswers);
      if (!s.shown) hidden += s.answers;
      if (s.hiddenToProtectOthers) RC_ASSERT(s.answers >= kSurveyMinAnswers);
    }
    if (withUnit) {
      RC_ASSERT(unit.shown == (unit.answers >= kSurveyMinAnswers));
      // unit - shown = the hidden groups together: never a group of 1–4 answers.
      if (unit.shown) RC_ASSERT(hidden == 0 || hidden >= kSurveyMinAnswers);
    }
    // Only as many groups as needed are hidden for the others' sake (at most one per round,
    // and never when the small ones together already reach 5).
    int small = 0;
    for (const auto& s : sites)
      if (s.answers > 0 && s.answers < kSurveyMinAnswers) small += s.answers;
    if (!withUnit || small == 0 || small >= kSurveyMinAnswers)
      for (const auto& s : sites) RC_ASSERT(!s.hiddenToProtectOthers);
  });
}

TEST_CASE("report properties: a hidden survey group shows no number in the laid-out report") {
  rc::prop("hidden groups are dashes in every cell", [] {
    ReportData d;
    d.period = rangePeriod({2025, 3, 3}, {2025, 3, 7});
    d.weeks = isoWeeksBetween(d.period.from, d.period.to);
    const auto n = static_cast<size_t>(*rc::gen::inRange(1, 6));
    const auto counts = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(0, 12));
    for (size_t i = 0; i < counts.size(); ++i) {
      SiteSection s;
      s.id = "s" + std::to_string(i);
      s.name = s.id;
      s.attendance.byWeek.assign(d.weeks.size(), 0);
      s.survey.answers = counts[i];
      s.survey.counts = {{{counts[i], 0, 0}, {0, counts[i], 0}, {0, 0, counts[i]}}};
      d.unit.survey.answers += counts[i];
      d.sites.push_back(s);
    }
    d.unit.id = kUnitId;
    d.unit.attendance.byWeek.assign(d.weeks.size(), 0);
    std::vector<SurveyFigures*> ptrs;
    for (auto& s : d.sites) ptrs.push_back(&s.survey);
    suppressSurvey(ptrs, &d.unit.survey);
    const Document doc = layoutReport(d, Format::Csv);
    bool found = false;
    for (const auto& sec : doc.sections)
      for (const auto& t : sec.tables) {
        if (t.id != "survey") continue;
        found = true;
        for (const auto& row : t.rows) {
          const std::string& site = row[0].text;
          const SurveyFigures& f = site == kUnitId ? d.unit.survey : d.sites[std::stoul(site.substr(1))].survey;
          for (size_t c = 2; c <= 5; ++c) {
            RC_ASSERT(row[c].hasValue == f.shown);
            if (!f.shown) RC_ASSERT(row[c].text == "–");
          }
        }
      }
    RC_ASSERT(found);
  });
}
