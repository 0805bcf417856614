#include "central/Status.hpp"

#include "central/RosterHistory.hpp"
#include "core/LocalTime.hpp"

#include <cstdio>
#include <sstream>

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
  out << "]}\n";
  return out.str();
}

} // namespace dagverk::central
