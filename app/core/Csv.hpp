#pragma once
// RFC 4180 CSV, UTF-8 with or without BOM; rows end in CRLF, LF or a lone CR. Every error names
// the file, line and column.
#include <string>
#include <string_view>
#include <vector>

namespace dagverk {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> rowLines; // the line each row starts on, for messages about its fields
  // Index of a header column; throws DagverkError(BadInput) naming the file if it is missing.
  size_t column(const std::string& name, const std::string& fileName) const;
};

// Parses the whole text; throws DagverkError(BadInput) with file, line and column on any fault:
// a stray quote, an unterminated field, a NUL byte, invalid UTF-8, a row of the wrong width.
CsvTable parseCsv(std::string_view text, const std::string& fileName);

} // namespace dagverk
