#pragma once
// Renders a Document. Each returns the bytes (or files) in memory; Report.cpp writes them.
#include "report/ReportDocument.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace dagverk::report {

// One self-contained HTML file: inline CSS (with a print stylesheet for A4) and inline SVG
// charts; figure cells carry data-fig/data-site/data-key/data-value and their table position.
std::string renderHtml(const Document& doc);

// The XLSX file's bytes: one sheet per section (libxlsxwriter, through a private temp dir).
std::string renderXlsx(const Document& doc);

// One CSV file per section: (file name, bytes). RFC 4180 with CRLF, UTF-8 with a BOM, every
// cell protected against formulas (spreadsheetSafe + csvCell from app/core/Feedback.hpp).
std::vector<std::pair<std::string, std::string>> renderCsv(const Document& doc);

std::string htmlEscape(const std::string& s);

} // namespace dagverk::report
