#pragma once
// Readers for the three formats, used to compare every figure with the hand count: the HTML's
// figure cells (data-* attributes), CSV blocks, and XLSX cells dumped by python3 + openpyxl.
#include "StoreTestSupport.hpp"

#include <cstdio>
#include <cstring>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace dagverk::test {

struct HtmlFigure {
  std::string fig, site, key, value, table, text;
  size_t row = 0, col = 0;
  std::string id() const { return fig + "|" + site + "|" + key; }
};

struct HtmlTable {
  std::string id, file, sheet, title;
};

inline std::string htmlUnescape(std::string s) {
  const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + std::strlen(to)))
      s.replace(at, std::strlen(from), to);
  }
  return s;
}

inline std::vector<HtmlFigure> htmlFigures(const std::string& html) {
  static const std::regex kCell(
      "<td class=\"num\" data-fig=\"([^\"]*)\" data-site=\"([^\"]*)\" data-key=\"([^\"]*)\" data-value=\"([^\"]*)\" "
      "data-table=\"([^\"]*)\" data-r=\"([0-9]+)\" data-c=\"([0-9]+)\">([^<]*)</td>");
  std::vector<HtmlFigure> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kCell); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out.push_back({htmlUnescape(m[1]), htmlUnescape(m[2]), htmlUnescape(m[3]), m[4], htmlUnescape(m[5]),
                   htmlUnescape(m[8]), std::stoul(m[6]), std::stoul(m[7])});
  }
  return out;
}

inline std::map<std::string, HtmlTable> htmlTables(const std::string& html) {
  static const std::regex kTable(
      "<table data-table=\"([^\"]*)\" data-file=\"([^\"]*)\" data-sheet=\"([^\"]*)\" data-title=\"([^\"]*)\">");
  std::map<std::string, HtmlTable> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kTable); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out[m[1]] = {m[1], htmlUnescape(m[2]), htmlUnescape(m[3]), htmlUnescape(m[4])};
  }
  return out;
}

// RFC 4180 reader (CRLF records, quoted fields); checks the BOM and that every record of the
// file has the same number of fields.
inline std::vector<std::vector<std::string>> parseCsvFile(const std::string& bytes) {
  REQUIRE(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 3; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r') {
      REQUIRE(i + 1 < bytes.size());
      REQUIRE(bytes[i + 1] == '\n');
      ++i;
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
    } else {
      REQUIRE(c != '\n'); // a bare LF outside quotes is not RFC 4180
      field += c;
    }
    any = true;
  }
  REQUIRE(any);
  REQUIRE(field.empty());
  REQUIRE(row.empty()); // the last record ends with CRLF
  for (const auto& r : rows) REQUIRE(r.size() == rows.front().size());
  return rows;
}

// Rows of a table block: the row whose first cell is `title`, then its header, then data.
template <class Rows> size_t blockStart(const Rows& rows, const std::string& title) {
  for (size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].empty() && rows[i][0] == title) return i + 2; // skip the title and the header
  FAIL("no table titled '" << title << "'");
  return 0;
}

// Every cell of every sheet: sheet -> rows of (text, isNumber, number).
struct XlsxCell {
  std::string text;
  bool number = false;
  double value = 0;
};
using XlsxSheet = std::vector<std::vector<XlsxCell>>;

inline std::string runCapture(const std::string& command, int& status) {
  FILE* p = ::popen(command.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  status = ::pclose(p);
  return out;
}

inline std::map<std::string, XlsxSheet> readXlsx(const fs::path& file, const fs::path& scratch) {
  // One line per cell: sheet \t row \t col \t n|s|f \t value (tabs and newlines escaped).
  const fs::path script = scratch / "dump_xlsx.py";
  writeBytes(script, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def esc(s): return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
for ws in wb.worksheets:
    print('S\t' + esc(ws.title))
    for row in ws.iter_rows():
        for c in row:
            if c.value is None: continue
            if c.data_type == 'f': kind = 'f'
            elif isinstance(c.value, (int, float)): kind = 'n'
            else: kind = 's'
            print('C\t%d\t%d\t%s\t%s' % (c.row - 1, c.column - 1, kind, esc(repr(c.value) if kind == 'n' else str(c.value))))
)PY");
  int status = 0;
  const std::string out = runCapture(std::string("'") + DAGVERK_PYTHON3 + "' '" + script.string() + "' '" + file.string() + "'", status);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  std::map<std::string, XlsxSheet> sheets;
  XlsxSheet* current = nullptr;
  std::istringstream in(out);
  std::string line;
  const auto unesc = [](const std::string& s) {
    std::string r;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        const char n = s[++i];
        r += n == 't' ? '\t' : n == 'n' ? '\n' : n;
      } else {
        r += s[i];
      }
    }
    return r;
  };
  while (std::getline(in, line)) {
    if (line.rfind("S\t", 0) == 0) {
      current = &sheets[unesc(line.substr(2))];
      continue;
    }
    REQUIRE(current);
    std::vector<std::string> parts;
    std::stringstream ss(line);
    std::string part;
    while (std::getline(ss, part, '\t')) parts.push_back(part);
    REQUIRE(parts.size() == 5);
    const size_t r = std::stoul(parts[1]), c = std::stoul(parts[2]);
    REQUIRE(parts[3] != "f"); // no formulas, ever
    if (current->size() <= r) current->resize(r + 1);
    auto& row = (*current)[r];
    if (row.size() <= c) row.resize(c + 1);
    row[c].text = unesc(parts[4]);
    row[c].number = parts[3] == "n";
    if (row[c].number) row[c].value = std::stod(parts[4]);
  }
  return sheets;
}

inline std::vector<std::string> textRow(const std::vector<XlsxCell>& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}

} // namespace dagverk::test
