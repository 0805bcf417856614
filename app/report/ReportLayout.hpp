#pragma once
// Shared by the files that lay out the report's sections (ReportDocument.cpp and the section
// files beside it): cells with their figure identity, Swedish number text, and the rows of a
// scope. Not used by the writers, which only read the finished Document.
#include "report/ReportDocument.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dagverk::report::layout {

inline constexpr const char* kDash = "–";

Cell text(std::string t);
// A figure: its value, and its identity (figure name, site, key) for the data-* attributes.
Cell integer(std::int64_t v, std::string fig, std::string site, std::string key = {});
Cell decimal(double v, int decimals, std::string fig, std::string site, std::string key = {});
// "–" when the fraction is missing (a hidden or undefined share).
Cell percent(std::optional<double> fraction, std::string fig, std::string site, std::string key = {});

// A figure that does not exist (a site without data): "–", with its identity.
Cell none(std::string fig, std::string site, std::string key = {});
// `integer`/`decimal` when the site has data (and the value exists), else none().
Cell integerIf(bool has, std::int64_t v, std::string fig, std::string site, std::string key = {});
Cell decimalIf(std::optional<double> v, int decimals, std::string fig, std::string site, std::string key = {});

std::string dateTime(UtcMs t); // Stockholm time, "2026-11-22 09:05"
std::string weekdayName(size_t i); // 0 = Måndag
// The sites of the scope, then the unit's row for the whole-unit report.
std::vector<const SiteSection*> rowsOf(const ReportData& d);
const SiteSection& scopeOf(const ReportData& d);
void addRow(Table& t, std::vector<Cell> row, bool emphasis = false);
std::string absenceLabelOf(const std::string& code);

// The sections, one function each, in the order layoutReport puts them.
Section aboutSection(const ReportData& d);
Section attendanceSection(const ReportData& d);
Section driftSection(const ReportData& d);
Section activitySection(const ReportData& d);
Section complaintSection(const ReportData& d);
Section surveySection(const ReportData& d);
Section meetingPlaceSection(const ReportData& d); // HeadcountSection.cpp
Section dataQualitySection(const ReportData& d); // QualitySections.cpp
// The kiosks of each site with their last batch and last day, incomplete sites in red
// (QualitySections.cpp; on the first page, in "Om rapporten").
Table kioskTable(const ReportData& d);
// For a year: attendance and occupancy per tertial (QualitySections.cpp).
std::vector<Table> attendanceSplitTables(const ReportData& d);
Table activitySplitTable(const ReportData& d);

} // namespace dagverk::report::layout
