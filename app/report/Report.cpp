#include "report/Report.hpp"

#include "central/ReportReader.hpp"
#include "core/Error.hpp"
#include "core/Period.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "report/ReportBuilder.hpp"
#include "report/ReportDocument.hpp"
#include "report/ReportWriters.hpp"

#include <system_error>

namespace dagverk::report {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void cannotWrite(const fs::path& out, const DagverkError& cause) {
  throw DagverkError(cause.code() == ErrorCode::DiskFull ? ErrorCode::DiskFull : ErrorCode::Storage,
                     "Rapporten kunde inte skrivas till " + out.string() + ". " + cause.swedish() +
                         " Ingen halvfärdig fil finns kvar.",
                     std::string("report output not written: ") + cause.english());
}

[[noreturn]] void notAFolder(const fs::path& out, bool wantFolder) {
  throw DagverkError(ErrorCode::Storage,
                     wantFolder ? "--out ska vara en mapp för CSV, men " + out.string() + " är en fil."
                                : "--out ska vara en fil, men " + out.string() + " är en mapp.",
                     wantFolder ? "csv output path exists and is not a directory: " + out.string()
                                : "output path is a directory: " + out.string());
}

void writeOne(const fs::path& path, const std::string& bytes) {
  // A .tmp left by a killed earlier run would block the O_EXCL temp file.
  platform::removeFile(path.string() + ".tmp");
  platform::writeFileAtomically(path, bytes);
}

} // namespace

ReportOutcome writeReport(const ReportRequest& request, UtcMs now) {
  const Period period = periodFromText(request.period);
  auto source = central::openReportReader(request.db);
  BuildOptions options;
  options.site = request.site;
  options.includeDrift = request.format == Format::Html && request.site.has_value();
  options.now = now;
  const ReportData data = buildReport(*source, period, options);
  source.reset(); // the read transaction ends before any output is written
  const Document doc = layoutReport(data, request.format);

  ReportOutcome outcome;
  outcome.noData = data.noData;
  std::error_code ec;
  if (request.format == Format::Csv) {
    const auto files = renderCsv(doc);
    if (fs::exists(request.out, ec) && !fs::is_directory(request.out, ec)) notAFolder(request.out, true);
    std::vector<fs::path> written;
    try {
      platform::createDirectories(request.out);
      for (const auto& [name, bytes] : files) {
        writeOne(request.out / name, bytes);
        written.push_back(request.out / name);
      }
    } catch (const DagverkError& e) {
      // All or nothing: the files this run already wrote go too, so no partial set is left.
      for (const auto& f : written) platform::removeFile(f);
      cannotWrite(request.out, e);
    }
    outcome.written = written;
  } else {
    if (fs::is_directory(request.out, ec)) notAFolder(request.out, false);
    const std::string bytes = request.format == Format::Html ? renderHtml(doc) : renderXlsx(doc);
    try {
      writeOne(request.out, bytes);
    } catch (const DagverkError& e) {
      cannotWrite(request.out, e);
    }
    outcome.written.push_back(request.out);
  }
  platform::logInfo("report " + period.code + " written: " + std::to_string(outcome.written.size()) + " file(s), " +
                    std::to_string(data.sites.size()) + " site(s)");
  return outcome;
}

} // namespace dagverk::report
