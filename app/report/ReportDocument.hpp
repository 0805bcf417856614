#pragma once
// The report laid out once as sections of tables (and charts for HTML); the HTML, XLSX and CSV
// writers render the same document, so every figure appears with the same value everywhere.
#include "report/Report.hpp"
#include "report/ReportModel.hpp"

#include <string>
#include <vector>

namespace dagverk::report {

struct Cell {
  enum class Kind { Text, Integer, Decimal, Percent };
  Kind kind = Kind::Text;
  std::string text;  // as shown (Swedish: 12,5 and 45,5 %; "–" for a hidden or missing figure)
  double value = 0;  // Integer/Decimal: the number; Percent: the fraction (0.455)
  bool hasValue = false; // false: text only (also "–")
  bool alert = false;    // a warning (an incomplete site): red in HTML and XLSX
  // A figure's machine identity (HTML data-* attributes; tests compare them to the hand count).
  std::string fig, site, key;
};

struct Table {
  std::string id;    // unique in the document
  std::string title; // printed above the table and used as its first CSV/XLSX row
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> emphasis; // per row: the unit's total row
  std::string note;           // printed under the table
};

struct Chart {
  enum class Kind { Bars, Line };
  Kind kind = Kind::Bars;
  std::string title;
  std::string unitLabel; // "närvarande i genomsnitt", "närvarodagar", ...
  std::vector<std::string> labels;
  std::vector<double> values;
  int decimals = 0;
};

struct Section {
  std::string id;    // file stem of the CSV file, e.g. "1-narvaro"
  std::string sheet; // XLSX sheet name (at most 31 characters)
  std::string title;
  std::vector<std::string> paragraphs;
  std::vector<Chart> charts; // HTML only
  std::vector<Table> tables;
};

struct Document {
  std::string title;    // "Närvaro, aktiviteter, synpunkter och brukarundersökning"
  std::string scope;    // "Hela enheten" or the site's name
  std::string period;   // the period in words, with its dates
  std::string generated; // "2026-11-22 09:05"
  std::vector<Section> sections;
};

// Lays out the report for one format: the drifting list only when data.driftIncluded (the
// HTML for one site); the XLSX/CSV never carry it.
Document layoutReport(const ReportData& data, Format format);

// Swedish number text: 12 and 45,5 % (decimals: formatSwedishDecimal, core/SwedishText.hpp).
std::string formatInteger(std::int64_t v);
std::string formatPercent(double fraction);

} // namespace dagverk::report
