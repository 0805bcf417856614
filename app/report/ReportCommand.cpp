// `dagverk-central report --db central.sqlite --period P [--site S] --format html|xlsx|csv --out FILE`
#include "report/ReportCommand.hpp"

#include "core/Error.hpp"
#include "platform/Log.hpp"
#include "platform/SystemClock.hpp"
#include "report/Report.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <string>

namespace dagverk::report {

namespace {

constexpr const char* kUsage =
    "Användning / usage:\n"
    "  dagverk-central report --db central.sqlite --period P [--site S] --format html|xlsx|csv --out FIL\n"
    "\n"
    "  --period  2025-T1 (jan–apr), 2025-T2 (maj–aug), 2025-T3 (sep–dec), 2025 (året, VB),\n"
    "            2025-W07 (ISO-vecka), 2025-03 (månad) eller 2025-01-01..2025-03-31\n"
    "  --site    en verksamhets egen rapport (id ur rostern, t.ex. liljan); bara den visar\n"
    "            deltagare vars närvaro glesnat, och bara i HTML\n"
    "  --format  html: en fil med diagram; xlsx: ett blad per avsnitt; csv: --out är en mapp,\n"
    "            en fil per avsnitt (RFC 4180, UTF-8 med BOM)\n"
    "  --out     fil (html, xlsx) eller mapp (csv)\n";

struct UsageError {
  std::string message;
};

std::map<std::string, std::string> parseOptions(const std::vector<std::string>& args) {
  static const std::set<std::string> kKnown{"--db", "--period", "--site", "--format", "--out"};
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i], value;
    bool hasValue = false;
    if (const auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      hasValue = true;
    }
    if (!kKnown.count(name)) throw UsageError{"unknown argument '" + name + "' (okänt argument)"};
    if (!hasValue) {
      if (i + 1 >= args.size()) throw UsageError{name + " needs a value (saknar värde)"};
      value = args[++i];
    }
    if (value.empty()) throw UsageError{name + " needs a value (saknar värde)"};
    if (out.count(name)) throw UsageError{name + " given twice (angivet två gånger)"};
    out[name] = value;
  }
  for (const char* required : {"--db", "--period", "--format", "--out"})
    if (!out.count(required)) throw UsageError{std::string(required) + " is required (krävs)"};
  return out;
}

Format parseFormat(const std::string& f) {
  if (f == "html") return Format::Html;
  if (f == "xlsx") return Format::Xlsx;
  if (f == "csv") return Format::Csv;
  throw UsageError{"--format must be html, xlsx or csv, not '" + f + "' (okänt format)"};
}

} // namespace

int runReportCommand(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
  ReportRequest request;
  try {
    const auto options = parseOptions(args);
    request.db = options.at("--db");
    request.period = options.at("--period");
    if (auto it = options.find("--site"); it != options.end()) request.site = it->second;
    request.format = parseFormat(options.at("--format"));
    request.out = options.at("--out");
  } catch (const UsageError& e) {
    std::fprintf(stderr, "dagverk-central report: %s\n\n%s", e.message.c_str(), kUsage);
    return 2;
  }
  try {
    platform::SystemClock clock;
    const ReportOutcome outcome = writeReport(request, clock.nowUtc());
    if (outcome.noData) {
      const std::string sv = "Det finns inga registreringar för perioden " + request.period +
                             (request.site ? " på verksamheten " + *request.site : std::string()) +
                             ". Rapporten skrevs ändå och säger det: " + request.out.string();
      std::fprintf(stderr, "dagverk-central report: %s\n", sv.c_str());
      std::fprintf(stderr, "dagverk-central report: no records in the period; the report was written and says so\n");
      platform::logError("report: no data for the period, " + std::to_string(outcome.written.size()) +
                         " file(s) written");
      return 1;
    }
    std::printf("Rapporten är skriven: %s\n", request.out.string().c_str());
    for (const auto& f : outcome.written) std::printf("  %s\n", f.string().c_str());
    return 0;
  } catch (const DagverkError& e) {
    std::fprintf(stderr, "dagverk-central report: %s\n", e.swedish().c_str());
    std::fprintf(stderr, "dagverk-central report: %s\n", e.english());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dagverk-central report: oväntat fel, rapporten skrevs inte.\n");
    std::fprintf(stderr, "dagverk-central report: unexpected error: %s\n", e.what());
    return 1;
  }
}

} // namespace dagverk::report
