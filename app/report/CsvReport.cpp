#include "report/ReportWriters.hpp"

#include "core/Feedback.hpp"

#include <algorithm>

namespace dagverk::report {

namespace {
// Every record of a file gets the same number of fields (RFC 4180 §2.4): shorter rows are
// padded with empty fields.
std::string line(std::vector<std::string> cells, size_t width) {
  if (cells.size() < width) cells.resize(width);
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csvCell(spreadsheetSafe(cells[i]));
  }
  return out + "\r\n";
}
} // namespace

// A section's file: its title, the period, its paragraphs, then each table as a block (title
// row, header row, data rows, empty row). Every row of a block has the table's column count.
std::vector<std::pair<std::string, std::string>> renderCsv(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const Section& s : doc.sections) {
    size_t width = 1;
    for (const Table& t : s.tables) width = std::max(width, t.columns.size());
    std::string out = "\xEF\xBB\xBF";
    out += line({s.title}, width);
    out += line({doc.scope + " – " + doc.period}, width);
    for (const auto& p : s.paragraphs) out += line({p}, width);
    for (const Table& t : s.tables) {
      out += line({}, width);
      out += line({t.title}, width);
      out += line(t.columns, width);
      for (const auto& cells : t.rows) {
        std::vector<std::string> texts;
        for (const auto& c : cells) texts.push_back(c.text);
        out += line(texts, width);
      }
      if (!t.note.empty()) out += line({t.note}, width);
    }
    files.emplace_back(s.id + ".csv", std::move(out));
  }
  return files;
}

} // namespace dagverk::report
