#include "central/Status.hpp"

#include "central/LateVisitRows.hpp"
#include "central/RosterHistory.hpp"
#include "core/LocalTime.hpp"
#include "store/Database.hpp"

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace dagverk::central {

namespace {

std::string stockholm(UtcMs t) {
  const LocalDateTime l = toStockholm(t);
  return formatIsoDate(l.date) + " " + formatHourMinute(l);
}

std::string range(std::int64_t from, std::int64_t to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "–" + std::to_string(to);
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Two different events under one device sequence number, from two batches: the later batch was
// quarantined at import. A kiosk never reuses a number, so the likely cause is a copy of its
// key signing batches somewhere else.
struct SeqCollision {
  std::string deviceId;
  std::int64_t seq = 0;
  std::string importedBatch;    // file name of the batch that holds the imported event
  std::string quarantinedBatch; // file name of the batch refused for it
};

std::vector<SeqCollision> sequenceCollisions(store::Database& db) {
  static const std::string kMarker = ": device sequence ";
  static const std::string kTail = " is already held by another event id";
  std::vector<SeqCollision> out;
  store::Statement q(db, "SELECT file_name, device_id, reason FROM quarantine WHERE reason LIKE "
                         "'%is already held by another event id%' ORDER BY at_utc, rowid");
  store::Statement holder(db, "SELECT b.file_name FROM event e JOIN batch b ON b.batch_id = e.batch_id "
                              "WHERE e.device_id = ?1 AND e.seq = ?2");
  while (q.step()) {
    const std::string reason = q.text(2);
    const auto at = reason.find(kMarker);
    const auto end = reason.find(kTail);
    if (at == std::string::npos || end == std::string::npos || end <= at + kMarker.size()) continue;
    SeqCollision c;
    c.quarantinedBatch = q.text(0);
    c.deviceId = q.text(1);
    const std::string digits = reason.substr(at + kMarker.size(), end - at - kMarker.size());
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    c.seq = std::stoll(digits);
    holder.bind(1, c.deviceId).bind(2, c.seq);
    c.importedBatch = holder.step() ? holder.text(0) : std::string("?");
    holder.reset();
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace

std::string formatStatusText(CentralStore& store) {
  std::ostringstream out;
  const auto devices = store.deviceStatus();
  out << "Central databas: " << store.eventCount() << " händelser från " << devices.size()
      << " enheter, rosterversion " << store.rosterVersion() << ".\n";
  if (devices.empty()) out << "Inga batcher har importerats än.\n";
  for (const auto& d : devices) {
    out << "\nEnhet " << d.deviceId << " (verksamhet " << d.siteId << ")\n";
    out << "  Senaste batch:     " << d.lastBatchSeq << "\n";
    out << "  Senast sedd:       " << (d.lastSeenUtc ? stockholm(*d.lastSeenUtc) + " (svensk tid)" : "aldrig") << "\n";
    out << "  Händelser:         " << d.events << " (högsta nummer " << d.maxSeq << ")\n";
    out << "  Luckor:            ";
    if (d.seqGaps.empty()) {
      out << "inga\n";
    } else {
      std::int64_t missing = 0;
      for (size_t i = 0; i < d.seqGaps.size(); ++i) {
        out << (i ? ", " : "") << range(d.seqGaps[i].first, d.seqGaps[i].second);
        missing += d.seqGaps[i].second - d.seqGaps[i].first + 1;
      }
      out << " (" << missing << " händelser saknas)\n";
    }
    out << "  Batcher som saknas: ";
    if (d.missingBatches.empty()) {
      out << "inga\n";
    } else {
      for (size_t i = 0; i < d.missingBatches.size(); ++i) out << (i ? ", " : "") << d.missingBatches[i];
      out << (d.seqGaps.empty() ? " (deras händelser har kommit i senare batcher)\n" : "\n");
    }
    out << "  Klocka:            ";
    if (d.clockBack == 0 && d.clockFuture == 0)
      out << "ok\n";
    else
      out << d.clockBack << " bakåt i tiden, " << d.clockFuture << " mer än ett dygn framåt\n";
  }
  const auto unlisted = checkInsNotOnRoster(store.db());
  if (!unlisted.empty()) {
    out << "\nDatakvalitet: incheckningar av någon som inte finns i verksamhetens schema (sparade, räknas inte):\n";
    for (const auto& n : unlisted)
      out << "  " << n.siteId << ": deltagare " << n.participantId << ", " << n.checkIns << " dagar ("
          << (n.otherSitesParticipant ? "en annan verksamhets deltagare" : "okänd") << ")\n";
  }
  if (const auto late = readLateVisitDays(store.db(), std::nullopt, std::nullopt); !late.empty()) {
    out << "\nEfterregistrerade besök (från papperslistor, räknas i närvaron på sin dag):\n";
    for (size_t i = 0; i < late.size();) {
      const std::string& site = late[i].siteId;
      std::int64_t visits = 0;
      std::string days;
      for (; i < late.size() && late[i].siteId == site; ++i) {
        visits += late[i].visits;
        days += (days.empty() ? "" : ", ") + formatIsoDate(late[i].day) + ": " + std::to_string(late[i].visits);
      }
      out << "  " << site << ": " << visits << " besök (" << days << ")\n";
    }
  }
  for (const auto& c : sequenceCollisions(store.db()))
    out << "\nVARNING: möjligen stulen nyckel: enheten " << c.deviceId << " har använt händelsenummer " << c.seq
        << " för två olika händelser, i batcherna " << c.importedBatch << " (importerad) och " << c.quarantinedBatch
        << " (i karantän). Spärra nyckeln med `dagverk-central revoke` och koppla kiosken igen med en ny kod.\n";
  if (const auto q = store.quarantinedFiles(); q > 0)
    out << "\nVARNING: " << q << " filer har lagts i karantän (se quarantine/ på den centrala mappen).\n";
  return out.str();
}

std::string formatStatusJson(CentralStore& store) {
  std::ostringstream out;
  const auto devices = store.deviceStatus();
  out << "{\"events\":" << store.eventCount() << ",\"rosterVersion\":" << store.rosterVersion()
      << ",\"quarantined\":" << store.quarantinedFiles() << ",\"devices\":[";
  for (size_t i = 0; i < devices.size(); ++i) {
    const auto& d = devices[i];
    out << (i ? "," : "") << "{\"deviceId\":" << jsonString(d.deviceId) << ",\"siteId\":" << jsonString(d.siteId)
        << ",\"lastBatchSeq\":" << d.lastBatchSeq << ",\"lastSeenUtc\":";
    if (d.lastSeenUtc)
      out << *d.lastSeenUtc << ",\"lastSeenLocal\":" << jsonString(stockholm(*d.lastSeenUtc));
    else
      out << "null,\"lastSeenLocal\":null";
    out << ",\"events\":" << d.events << ",\"maxSeq\":" << d.maxSeq << ",\"seqGaps\":[";
    for (size_t g = 0; g < d.seqGaps.size(); ++g)
      out << (g ? "," : "") << "[" << d.seqGaps[g].first << "," << d.seqGaps[g].second << "]";
    out << "],\"missingBatches\":[";
    for (size_t g = 0; g < d.missingBatches.size(); ++g) out << (g ? "," : "") << d.missingBatches[g];
    out << "],\"clockBack\":" << d.clockBack << ",\"clockFuture\":" << d.clockFuture << "}";
  }
  out << "],\"notOnRoster\":[";
  const auto unlisted = checkInsNotOnRoster(store.db());
  for (size_t i = 0; i < unlisted.size(); ++i)
    out << (i ? "," : "") << "{\"siteId\":" << jsonString(unlisted[i].siteId)
        << ",\"participantId\":" << jsonString(unlisted[i].participantId) << ",\"days\":" << unlisted[i].checkIns
        << ",\"otherSitesParticipant\":" << (unlisted[i].otherSitesParticipant ? "true" : "false") << "}";
  out << "],\"lateVisits\":[";
  const auto late = readLateVisitDays(store.db(), std::nullopt, std::nullopt);
  for (size_t i = 0; i < late.size(); ++i)
    out << (i ? "," : "") << "{\"siteId\":" << jsonString(late[i].siteId) << ",\"day\":"
        << jsonString(formatIsoDate(late[i].day)) << ",\"visits\":" << late[i].visits << "}";
  out << "],\"seqCollisions\":[";
  const auto collisions = sequenceCollisions(store.db());
  for (size_t i = 0; i < collisions.size(); ++i)
    out << (i ? "," : "") << "{\"deviceId\":" << jsonString(collisions[i].deviceId) << ",\"seq\":" << collisions[i].seq
        << ",\"importedBatch\":" << jsonString(collisions[i].importedBatch)
        << ",\"quarantinedBatch\":" << jsonString(collisions[i].quarantinedBatch) << ",\"possibleStolenKey\":true}";
  out << "]}\n";
  return out.str();
}

} // namespace dagverk::central
