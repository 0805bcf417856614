#pragma once
// The report's figures, one function per section (ReportBuilder.cpp lists them in order). A
// new section is one more function here and one more line in that list; each reads what it
// needs from the ReportReader and fills its part of ReportData.
#include "central/ReportReader.hpp"
#include "report/ReportBuilder.hpp"
#include "report/ReportModel.hpp"

#include <unordered_map>

namespace dagverk::report::figures {

// What every section shares: the options and where each site's row is.
struct Context {
  const BuildOptions& options;
  std::unordered_map<std::string, size_t> siteIndex; // site id -> index in ReportData::sites

  SiteSection* siteOf(ReportData& d, const std::string& id) const {
    const auto it = siteIndex.find(id);
    return it == siteIndex.end() ? nullptr : &d.sites[it->second];
  }
};

using SectionFigures = void (*)(central::ReportReader& source, const Context& ctx, ReportData& data);

void attendance(central::ReportReader& source, const Context& ctx, ReportData& data);  // AttendanceFigures.cpp
void kiosks(central::ReportReader& source, const Context& ctx, ReportData& data);      // AttendanceFigures.cpp
void drift(central::ReportReader& source, const Context& ctx, ReportData& data);       // AttendanceFigures.cpp
void activities(central::ReportReader& source, const Context& ctx, ReportData& data);  // ActivityFigures.cpp
void complaints(central::ReportReader& source, const Context& ctx, ReportData& data);  // FeedbackFigures.cpp
void survey(central::ReportReader& source, const Context& ctx, ReportData& data);      // FeedbackFigures.cpp

} // namespace dagverk::report::figures
