#pragma once
// A hand count of a report's figures and the checks that compare it with every format: each
// figure of the HTML (data-fig cells) against the hand count and back, the same cell in the
// CSV files and in the XLSX workbook (read back with openpyxl).
#include "ReportTestSupport.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace dagverk::test {

// "fig|site|key" -> the number, or nullopt for a figure shown as "–".
using Expected = std::map<std::string, std::optional<double>>;

inline void put(Expected& e, const std::string& fig, const std::string& site, const std::string& key,
                std::optional<double> v) {
  e[fig + "|" + site + "|" + key] = v;
}

// "12,5" -> 12.5, "62,5 %" -> 0.625, "–" -> nullopt.
inline std::optional<double> numberOf(const std::string& text) {
  if (text == "–") return std::nullopt;
  std::string t = text;
  bool pct = false;
  if (t.size() > 2 && t.compare(t.size() - 2, 2, " %") == 0) {
    pct = true;
    t.resize(t.size() - 2);
  }
  for (auto& c : t)
    if (c == ',') c = '.';
  size_t used = 0;
  const double v = std::stod(t, &used);
  REQUIRE(used == t.size());
  return pct ? v / 100.0 : v;
}

inline bool same(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return !a && !b;
  return std::fabs(*a - *b) < 1e-9;
}

// Every HTML figure is in the hand count with the same value and text, and every hand-counted
// figure is shown exactly once.
inline void checkHtmlAgainst(const std::string& html, const Expected& expected) {
  std::set<std::string> seen;
  for (const auto& f : htmlFigures(html)) {
    INFO(f.id() << " shown as '" << f.text << "'");
    const auto it = expected.find(f.id());
    REQUIRE(it != expected.end()); // no figure escapes the hand count
    CHECK(seen.insert(f.id()).second);
    const std::optional<double> value = f.value.empty() ? std::nullopt : std::optional<double>(std::stod(f.value));
    CHECK(same(value, it->second));
    CHECK(same(numberOf(f.text), it->second));
  }
  for (const auto& [id, v] : expected) {
    INFO(id);
    CHECK(seen.count(id) == 1);
  }
}

// The same figures in the CSV files of `csvDir` (found by the HTML table's file and title).
inline void checkCsvAgainst(const std::string& html, const fs::path& csvDir, const Expected& expected) {
  std::map<std::string, std::vector<std::vector<std::string>>> csv;
  for (const auto& f : listDir(csvDir)) csv[f] = parseCsvFile(readBytes(csvDir / f));
  const auto tables = htmlTables(html);
  size_t compared = 0;
  for (const auto& f : htmlFigures(html)) {
    INFO(f.id());
    const HtmlTable& t = tables.at(f.table);
    const auto& rows = csv.at(t.file + ".csv");
    const size_t start = blockStart(rows, t.title);
    REQUIRE(start + f.row < rows.size());
    const std::string& cell = rows[start + f.row].at(f.col);
    CHECK(cell == f.text);
    CHECK(same(numberOf(cell), expected.at(f.id())));
    ++compared;
  }
  CHECK(compared == expected.size());
}

// The same figures in the XLSX workbook: numbers as numbers, "–" as text.
inline void checkXlsxAgainst(const std::string& html, const std::map<std::string, XlsxSheet>& sheets,
                             const Expected& expected) {
  const auto tables = htmlTables(html);
  size_t compared = 0;
  for (const auto& f : htmlFigures(html)) {
    INFO(f.id());
    const HtmlTable& t = tables.at(f.table);
    const XlsxSheet& sheet = sheets.at(t.sheet);
    std::vector<std::vector<std::string>> texts;
    for (const auto& r : sheet) texts.push_back(textRow(r));
    const size_t start = blockStart(texts, t.title);
    REQUIRE(start + f.row < sheet.size());
    REQUIRE(f.col < sheet[start + f.row].size());
    const XlsxCell& cell = sheet[start + f.row][f.col];
    const auto want = expected.at(f.id());
    if (want) {
      CHECK(cell.number);
      CHECK(same(cell.value, want));
    } else {
      CHECK_FALSE(cell.number);
      CHECK(cell.text == "–");
    }
    ++compared;
  }
  CHECK(compared == expected.size());
}

} // namespace dagverk::test
