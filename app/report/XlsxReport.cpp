#include "report/ReportWriters.hpp"

#include "core/Error.hpp"
#include "platform/FileSystem.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>

namespace dagverk::report {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void xlsxFail(const std::string& what) {
  throw DagverkError(ErrorCode::Storage, "Excel-filen kunde inte skapas (" + what + ").", "xlsx: " + what);
}

// libxlsxwriter writes to a path of its own: a private scratch directory, removed afterwards.
platform::TemporaryDirectory scratchDirectory() {
  try {
    return platform::TemporaryDirectory("dagverk-xlsx-");
  } catch (const DagverkError&) {
    xlsxFail("no temporary directory");
  }
}

lxw_row_t row(size_t r) { return static_cast<lxw_row_t>(r); }
lxw_col_t col(size_t c) { return static_cast<lxw_col_t>(c); }

} // namespace

std::string renderXlsx(const Document& doc) {
  const platform::TemporaryDirectory scratch = scratchDirectory(); // the bytes are read back below
  const fs::path file = scratch.path() / "report.xlsx";
  lxw_workbook* wb = workbook_new(file.c_str());
  if (!wb) xlsxFail("workbook_new");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* caption = workbook_add_format(wb);
  format_set_bold(caption);
  format_set_font_size(caption, 11);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xEEF3F6);
  format_set_text_wrap(header);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* plain = workbook_add_format(wb);
  format_set_border(plain, LXW_BORDER_THIN);
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "0");
  format_set_border(integer, LXW_BORDER_THIN);
  lxw_format* decimal = workbook_add_format(wb);
  format_set_num_format(decimal, "0.0");
  format_set_border(decimal, LXW_BORDER_THIN);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  format_set_border(percent, LXW_BORDER_THIN);
  lxw_format* alert = workbook_add_format(wb);
  format_set_border(alert, LXW_BORDER_THIN);
  format_set_bold(alert);
  format_set_font_color(alert, 0xB00020);
  lxw_format* note = workbook_add_format(wb);
  format_set_italic(note);
  format_set_font_color(note, 0x5B6B75);

  for (const Section& s : doc.sections) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.sheet.c_str());
    if (!ws) {
      workbook_close(wb);
      xlsxFail("worksheet " + s.id);
    }
    size_t r = 0;
    worksheet_write_string(ws, row(r++), 0, s.title.c_str(), title);
    worksheet_write_string(ws, row(r++), 0, (doc.scope + " – " + doc.period).c_str(), nullptr);
    for (const auto& p : s.paragraphs) worksheet_write_string(ws, row(r++), 0, p.c_str(), note);
    size_t widest = 2;
    for (const Table& t : s.tables) {
      ++r;
      worksheet_write_string(ws, row(r++), 0, t.title.c_str(), caption);
      for (size_t c = 0; c < t.columns.size(); ++c) worksheet_write_string(ws, row(r), col(c), t.columns[c].c_str(), header);
      ++r;
      for (const auto& cells : t.rows) {
        for (size_t c = 0; c < cells.size(); ++c) {
          const Cell& cell = cells[c];
          if (cell.hasValue && cell.kind != Cell::Kind::Text) {
            lxw_format* f = cell.kind == Cell::Kind::Integer ? integer : cell.kind == Cell::Kind::Decimal ? decimal : percent;
            worksheet_write_number(ws, row(r), col(c), cell.value, f);
          } else {
            worksheet_write_string(ws, row(r), col(c), cell.text.c_str(), cell.alert ? alert : plain);
          }
        }
        ++r;
      }
      if (!t.note.empty()) worksheet_write_string(ws, row(r++), 0, t.note.c_str(), note);
      widest = std::max(widest, t.columns.size());
    }
    worksheet_set_column(ws, 0, 0, 24, nullptr);
    worksheet_set_column(ws, 1, 1, 34, nullptr);
    if (widest > 2) worksheet_set_column(ws, 2, col(widest - 1), 16, nullptr);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) xlsxFail(lxw_strerror(err));
  return platform::readWholeFile(file);
}

} // namespace dagverk::report
