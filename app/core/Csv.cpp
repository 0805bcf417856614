#include "core/Csv.hpp"

#include "core/Error.hpp"
#include "core/InputLimits.hpp"
#include "core/SwedishText.hpp"

namespace dagverk {

namespace {
[[noreturn]] void fail(const std::string& file, int line, int col, const std::string& en,
                       const std::string& sv) {
  const std::string where = file + ":" + std::to_string(line) + ":" + std::to_string(col);
  throw DagverkError(ErrorCode::BadInput, "Fel i " + where + ": " + sv, where + ": " + en);
}
} // namespace

size_t CsvTable::column(const std::string& name, const std::string& fileName) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  fail(fileName, 1, 1, "missing column '" + name + "'", "kolumnen \"" + name + "\" saknas");
}

CsvTable parseCsv(std::string_view text, const std::string& fileName) {
  // Roster files reach the kiosk inside a bundle; the central tool refuses a larger file before
  // reading it, and this keeps the limit for text from anywhere else.
  if (text.size() > limits::kRosterCsvBytes)
    throw DagverkError(ErrorCode::BadInput,
                       "Filen " + fileName + " är för stor (högst " + std::to_string(limits::kRosterCsvBytes / limits::kMiB) +
                           " MiB).",
                       "CSV file " + fileName + " refused: " + std::to_string(text.size()) + " bytes, at most " +
                           std::to_string(limits::kRosterCsvBytes));
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable table;
  std::vector<std::string> row;
  std::string field;
  int line = 1, col = 1;
  int rowLine = 1;
  bool quoted = false;     // inside a quoted field
  bool wasQuoted = false;  // current field was quoted and is closed
  bool fieldStarted = false;
  int quoteLine = 1, quoteCol = 1; // where the open quoted field began, for the error

  auto endField = [&] {
    if (!isValidUtf8(field)) fail(fileName, line, col, "invalid UTF-8", "ogiltig teckenkodning (inte UTF-8)");
    row.push_back(std::move(field));
    field.clear();
    wasQuoted = false;
    fieldStarted = false;
  };
  auto endRow = [&] {
    endField();
    if (row.size() == 1 && row[0].empty()) { // blank line
      row.clear();
      return;
    }
    if (table.header.empty()) {
      table.header = std::move(row);
    } else {
      if (row.size() != table.header.size())
        fail(fileName, rowLine, 1,
             "expected " + std::to_string(table.header.size()) + " columns, found " + std::to_string(row.size()),
             "raden har " + std::to_string(row.size()) + " kolumner, men ska ha " +
                 std::to_string(table.header.size()));
      table.rows.push_back(std::move(row));
      table.rowLines.push_back(rowLine);
    }
    row.clear();
  };

  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0') fail(fileName, line, col, "NUL byte", "otillåtet tecken (NUL)");
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
          ++col;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        field += c;
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) { ++line; col = 0; }
      }
      ++col;
      continue;
    }
    if (c == ',') {
      endField();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CRLF row end: handled at the '\n'
    } else if (c == '\n' || c == '\r') {
      // A lone CR ends a row too: spreadsheets on old Macs still export so, and read as text
      // such a file was one long header with no rows at all.
      endRow();
      ++line;
      col = 0;
      rowLine = line;
    } else if (c == '"') {
      if (fieldStarted || wasQuoted) fail(fileName, line, col, "stray quote inside an unquoted field", "citattecken mitt i ett fält");
      quoted = true;
      quoteLine = line;
      quoteCol = col;
    } else {
      if (wasQuoted) fail(fileName, line, col, "text after a closing quote", "text efter avslutande citattecken");
      field += c;
      fieldStarted = true;
    }
    ++col;
  }
  if (quoted) fail(fileName, quoteLine, quoteCol, "unterminated quoted field", "citattecken som aldrig avslutas");
  if (fieldStarted || wasQuoted || !row.empty()) endRow();
  if (table.header.empty()) fail(fileName, 1, 1, "empty file, no header row", "filen är tom (ingen rubrikrad)");
  return table;
}

} // namespace dagverk
