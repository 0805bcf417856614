#pragma once
// One report run: open the central database, aggregate the period, write one format.
#include "core/Clock.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::report {

enum class Format { Html, Xlsx, Csv };

struct ReportRequest {
  std::filesystem::path db;
  std::string period;              // as typed: 2025-T1, 2025, 2025-W07, 2025-03, FROM..TO
  std::optional<std::string> site; // one site's own report (the only one with the drifting list)
  Format format = Format::Html;
  std::filesystem::path out; // a file (html, xlsx) or a folder (csv)
};

struct ReportOutcome {
  bool noData = false; // the period (and site) holds no records; the report says so in words
  std::vector<std::filesystem::path> written;
};

// Throws DagverkError: UnknownPeriod, UnknownSite, DatabaseCorrupt / DatabaseTooNew /
// DataDirMissing (the database), DiskFull / Storage (the output). Nothing is half-written:
// every file goes through platform::writeFileAtomically after the whole report is rendered.
ReportOutcome writeReport(const ReportRequest& request, UtcMs now);

} // namespace dagverk::report
