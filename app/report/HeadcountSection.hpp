#pragma once
// Section 6 of the report, visitors at the open meeting places: the figures from central's
// tallies (the layout is meetingPlaceSection in ReportLayout.hpp).
#include "central/ReportReader.hpp"
#include "report/ReportModel.hpp"

namespace dagverk::report {

// Fills data.headcount for data.period and data.sites (after the sites are known).
void buildHeadcounts(central::ReportReader& source, ReportData& data);

} // namespace dagverk::report
