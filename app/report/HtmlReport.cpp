#include "report/ReportWriters.hpp"

#include "core/SwedishText.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dagverk::report {

std::string htmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

constexpr const char* kCss = R"CSS(
:root { --ink: #1d2a33; --muted: #5b6b75; --line: #c9d3d9; --accent: #2f6f8f; --accent2: #8fb9cc; --band: #eef3f6; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto;
       max-width: 190mm; padding: 12mm 8mm; font-size: 10.5pt; line-height: 1.4; }
header.report { border-bottom: 3px solid var(--accent); margin-bottom: 6mm; padding-bottom: 3mm; }
header.report h1 { font-size: 17pt; margin: 0 0 2mm 0; }
header.report p { margin: 0.5mm 0; color: var(--muted); }
header.report p strong { color: var(--ink); }
nav.toc { font-size: 9.5pt; margin-bottom: 5mm; }
nav.toc ol { margin: 1mm 0 0 0; padding-left: 6mm; columns: 2; }
section { margin-bottom: 7mm; }
h2 { font-size: 13.5pt; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 1mm; margin: 6mm 0 3mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1.5mm 0; }
.charts { display: flex; flex-wrap: wrap; gap: 4mm; }
figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
figure.half { flex: 0 0 88mm; max-width: 88mm; }
figure.full { flex: 1 1 100%; max-width: 180mm; }
figcaption { font-size: 9.5pt; font-weight: bold; margin-bottom: 1mm; }
svg { width: 100%; height: auto; display: block; }
.tablewrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 1mm 0 1mm; }
caption { text-align: left; font-weight: bold; font-size: 10pt; padding: 1mm 0; }
th, td { border: 1px solid var(--line); padding: 0.8mm 1.5mm; vertical-align: top; }
th { background: var(--band); text-align: left; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f6f9fb; }
td.id { color: var(--muted); font-size: 8pt; }
td.alert, p.alert { color: #b00020; font-weight: bold; }
.note { font-size: 8.5pt; color: var(--muted); margin-top: 0.5mm; }
.nodata { font-size: 11pt; padding: 3mm; background: var(--band); border-left: 4px solid var(--accent); }
footer { font-size: 8pt; color: var(--muted); border-top: 1px solid var(--line); margin-top: 8mm; padding-top: 2mm; }
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  section { break-before: auto; }
  section.major { break-before: page; page-break-before: always; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .tablewrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A "nice" axis for values up to v: the top (1, 2, 2.5, 5 x 10^n at or above v) and a tick
// count that makes round steps (2 -> 4 steps of 0.5, the others 5 steps).
struct Axis {
  double top = 1;
  int ticks = 5;
};
Axis niceAxis(double v) {
  if (v <= 0) return {};
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v - 1e-12) return {m * p, m == 2.0 ? 4 : 5};
  return {10 * p, 5};
}

std::string svgText(double x, double y, const std::string& s, const char* anchor, int size = 11,
                    const char* fill = "#1d2a33") {
  return "<text x=\"" + num(x, 1) + "\" y=\"" + num(y, 1) + "\" text-anchor=\"" + anchor + "\" font-size=\"" +
         std::to_string(size) + "\" fill=\"" + fill + "\">" + htmlEscape(s) + "</text>";
}

std::string verticalBars(const Chart& c) {
  const double w = 360, h = 220, left = 34, right = 8, top = 18, bottom = 30;
  const double plotW = w - left - right, plotH = h - top - bottom;
  const Axis axis = niceAxis(*std::max_element(c.values.begin(), c.values.end()));
  const double maxV = axis.top;
  std::string s = "<svg viewBox=\"0 0 " + num(w, 0) + " " + num(h, 0) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + htmlEscape(c.title) + "\">";
  for (int i = 0; i <= axis.ticks; ++i) {
    const double v = maxV * i / axis.ticks, y = top + plotH - plotH * i / axis.ticks;
    s += "<line x1=\"" + num(left, 1) + "\" x2=\"" + num(w - right, 1) + "\" y1=\"" + num(y, 1) + "\" y2=\"" +
         num(y, 1) + "\" stroke=\"#c9d3d9\" stroke-width=\"0.6\"/>";
    s += svgText(left - 4, y + 3.5, formatSwedishDecimal(v, v == std::floor(v) ? 0 : 1), "end", 9, "#5b6b75");
  }
  const double slot = plotW / static_cast<double>(c.values.size());
  for (size_t i = 0; i < c.values.size(); ++i) {
    const double bh = plotH * c.values[i] / maxV, x = left + slot * static_cast<double>(i) + slot * 0.18;
    const double bw = slot * 0.64, y = top + plotH - bh;
    s += "<rect x=\"" + num(x, 1) + "\" y=\"" + num(y, 1) + "\" width=\"" + num(bw, 1) + "\" height=\"" +
         num(bh, 1) + "\" fill=\"#2f6f8f\"/>";
    s += svgText(x + bw / 2, y - 3, formatSwedishDecimal(c.values[i], c.decimals), "middle", 10);
    s += svgText(x + bw / 2, top + plotH + 14, c.labels[i], "middle", 10);
  }
  s += svgText(left, h - 3, c.unitLabel, "start", 9, "#5b6b75");
  return s + "</svg>";
}

std::string horizontalBars(const Chart& c) {
  const double rowH = 18, labelW = 150, right = 40, top = 6, w = 560;
  const double h = top * 2 + rowH * static_cast<double>(c.values.size()) + 14;
  const double plotW = w - labelW - right;
  const double maxV = niceAxis(*std::max_element(c.values.begin(), c.values.end())).top;
  std::string s = "<svg viewBox=\"0 0 " + num(w, 0) + " " + num(h, 0) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + htmlEscape(c.title) + "\">";
  for (size_t i = 0; i < c.values.size(); ++i) {
    const double y = top + rowH * static_cast<double>(i);
    const double bw = plotW * c.values[i] / maxV;
    std::string label = c.labels[i];
    if (label.size() > 28) label = label.substr(0, 26) + "…";
    s += svgText(labelW - 6, y + 12.5, label, "end", 10);
    s += "<rect x=\"" + num(labelW, 1) + "\" y=\"" + num(y + 3, 1) + "\" width=\"" + num(std::max(bw, 0.5), 1) +
         "\" height=\"" + num(rowH - 6, 1) + "\" fill=\"#2f6f8f\"/>";
    s += svgText(labelW + bw + 4, y + 12.5, formatSwedishDecimal(c.values[i], c.decimals), "start", 10);
  }
  s += svgText(labelW, h - 3, c.unitLabel, "start", 9, "#5b6b75");
  return s + "</svg>";
}

std::string lineChart(const Chart& c) {
  const double w = 560, h = 200, left = 40, right = 10, top = 14, bottom = 30;
  const double plotW = w - left - right, plotH = h - top - bottom;
  const Axis axis = niceAxis(*std::max_element(c.values.begin(), c.values.end()));
  const double maxV = axis.top;
  const size_t n = c.values.size();
  const auto xAt = [&](size_t i) {
    return n <= 1 ? left + plotW / 2 : left + plotW * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  const auto yAt = [&](double v) { return top + plotH - plotH * v / maxV; };
  std::string s = "<svg viewBox=\"0 0 " + num(w, 0) + " " + num(h, 0) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + htmlEscape(c.title) + "\">";
  for (int i = 0; i <= axis.ticks; ++i) {
    const double v = maxV * i / axis.ticks, y = yAt(v);
    s += "<line x1=\"" + num(left, 1) + "\" x2=\"" + num(w - right, 1) + "\" y1=\"" + num(y, 1) + "\" y2=\"" +
         num(y, 1) + "\" stroke=\"#c9d3d9\" stroke-width=\"0.6\"/>";
    s += svgText(left - 4, y + 3.5, formatSwedishDecimal(v, v == std::floor(v) ? 0 : 1), "end", 9, "#5b6b75");
  }
  std::string points;
  for (size_t i = 0; i < n; ++i) points += num(xAt(i), 1) + "," + num(yAt(c.values[i]), 1) + " ";
  s += "<polyline fill=\"none\" stroke=\"#2f6f8f\" stroke-width=\"2\" points=\"" + points + "\"/>";
  const size_t every = n <= 14 ? 1 : (n + 12) / 13;
  for (size_t i = 0; i < n; ++i) {
    s += "<circle cx=\"" + num(xAt(i), 1) + "\" cy=\"" + num(yAt(c.values[i]), 1) + "\" r=\"" +
         (n > 30 ? "1.8" : "2.8") + "\" fill=\"#2f6f8f\"/>";
    if (i % every == 0) s += svgText(xAt(i), top + plotH + 14, c.labels[i], "middle", 9);
    if (n <= 14) s += svgText(xAt(i), yAt(c.values[i]) - 6, formatSwedishDecimal(c.values[i], c.decimals), "middle", 9);
  }
  s += svgText(left, h - 3, c.unitLabel, "start", 9, "#5b6b75");
  return s + "</svg>";
}

std::string chartHtml(const Chart& c) {
  if (c.values.empty()) return {};
  bool longLabels = false;
  for (const auto& l : c.labels) longLabels = longLabels || l.size() > 10;
  std::string svg;
  std::string cls = "half";
  if (c.kind == Chart::Kind::Line) {
    svg = lineChart(c);
    cls = "full";
  } else if (longLabels || c.values.size() > 8) {
    svg = horizontalBars(c);
    cls = "full";
  } else {
    svg = verticalBars(c);
  }
  return "<figure class=\"" + cls + "\"><figcaption>" + htmlEscape(c.title) + "</figcaption>" + svg + "</figure>\n";
}

std::string tableHtml(const Table& t, const Section& s) {
  std::string h = "<div class=\"tablewrap\"><table data-table=\"" + htmlEscape(t.id) + "\" data-file=\"" +
                  htmlEscape(s.id) + "\" data-sheet=\"" + htmlEscape(s.sheet) + "\" data-title=\"" +
                  htmlEscape(t.title) + "\">\n<caption>" + htmlEscape(t.title) + "</caption>\n<thead><tr>";
  for (const auto& c : t.columns) h += "<th>" + htmlEscape(c) + "</th>";
  h += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    h += t.emphasis[r] ? "<tr class=\"total\">" : "<tr>";
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& cell = t.rows[r][c];
      const bool numeric = cell.kind != Cell::Kind::Text || !cell.fig.empty();
      const bool idColumn = c == 0 && !t.columns.empty() && t.columns[0] == "Verksamhet-id";
      h += "<td";
      if (cell.alert) h += numeric ? " class=\"num alert\"" : " class=\"alert\"";
      else if (numeric) h += " class=\"num\"";
      else if (idColumn) h += " class=\"id\"";
      if (!cell.fig.empty()) {
        char value[64] = "";
        if (cell.hasValue) std::snprintf(value, sizeof value, "%.10g", cell.value);
        h += " data-fig=\"" + htmlEscape(cell.fig) + "\" data-site=\"" + htmlEscape(cell.site) + "\" data-key=\"" +
             htmlEscape(cell.key) + "\" data-value=\"" + value + "\" data-table=\"" + htmlEscape(t.id) +
             "\" data-r=\"" + std::to_string(r) + "\" data-c=\"" + std::to_string(c) + "\"";
      }
      h += ">" + htmlEscape(cell.text) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table></div>\n";
  if (!t.note.empty()) h += "<p class=\"note\">" + htmlEscape(t.note) + "</p>\n";
  return h;
}

} // namespace

std::string renderHtml(const Document& doc) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                  htmlEscape(doc.title + " – " + doc.scope + " – " + doc.period) + "</title>\n<style>" + kCss +
                  "</style>\n</head>\n<body>\n";
  h += "<header class=\"report\"><h1>" + htmlEscape(doc.title) + "</h1>\n<p><strong>" + htmlEscape(doc.scope) +
       "</strong></p>\n<p>Period: <strong data-period>" + htmlEscape(doc.period) + "</strong></p>\n<p>Framtagen " +
       htmlEscape(doc.generated) + " ur den centrala databasen. Se \"Om rapporten\" för när varje verksamhet senast "
       "synkroniserades.</p></header>\n";
  h += "<nav class=\"toc\"><strong>Innehåll</strong><ol>";
  for (const auto& s : doc.sections) h += "<li><a href=\"#" + htmlEscape(s.id) + "\">" + htmlEscape(s.title) + "</a></li>";
  h += "</ol></nav>\n";
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    const bool major = i > 0 && !s.tables.empty();
    h += "<section id=\"" + htmlEscape(s.id) + "\"" + (major ? " class=\"major\"" : "") + ">\n<h2>" +
         htmlEscape(s.title) + "</h2>\n";
    for (const auto& p : s.paragraphs)
      h += (s.tables.empty() && s.charts.empty() ? "<p class=\"nodata\">" : "<p>") + htmlEscape(p) + "</p>\n";
    if (!s.charts.empty()) {
      h += "<div class=\"charts\">\n";
      for (const auto& c : s.charts) h += chartHtml(c);
      h += "</div>\n";
    }
    for (const auto& t : s.tables) h += tableHtml(t, s);
    h += "</section>\n";
  }
  h += "<footer>Dagverk – " + htmlEscape(doc.scope) + " – " + htmlEscape(doc.period) + "</footer>\n</body>\n</html>\n";
  return h;
}

} // namespace dagverk::report
