// Cells and number text for the report's layout: every figure is made here, with the value
// rounded as shown, so HTML, XLSX and CSV carry the same number.
#include "report/ReportLayout.hpp"

#include "core/DayRecords.hpp"
#include "core/SwedishText.hpp"

#include <cmath>
#include <cstdio>

namespace dagverk::report {

std::string formatInteger(std::int64_t v) { return std::to_string(v); }

std::string formatPercent(double fraction) { return formatSwedishDecimal(fraction * 100.0, 1) + " %"; }

namespace layout {


Cell text(std::string t) {
  Cell c;
  c.text = std::move(t);
  return c;
}

Cell integer(std::int64_t v, std::string fig, std::string site, std::string key) {
  Cell c;
  c.kind = Cell::Kind::Integer;
  c.text = formatInteger(v);
  c.value = static_cast<double>(v);
  c.hasValue = true;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  return c;
}

Cell decimal(double v, int decimals, std::string fig, std::string site, std::string key) {
  Cell c;
  c.kind = Cell::Kind::Decimal;
  // The value is the rounded figure as shown, so every format carries the same number.
  const double scale = std::pow(10.0, decimals);
  c.value = std::round(v * scale) / scale;
  c.text = formatSwedishDecimal(c.value, decimals);
  c.hasValue = true;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  return c;
}

Cell percent(std::optional<double> fraction, std::string fig, std::string site, std::string key) {
  Cell c;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  if (!fraction) {
    c.text = kDash;
    return c;
  }
  c.kind = Cell::Kind::Percent;
  c.value = std::round(*fraction * 1000.0) / 1000.0; // 45,5 %
  c.text = formatPercent(c.value);
  c.hasValue = true;
  return c;
}

Cell none(std::string fig, std::string site, std::string key) {
  Cell c;
  c.text = kDash;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  return c;
}

Cell integerIf(bool has, std::int64_t v, std::string fig, std::string site, std::string key) {
  return has ? integer(v, std::move(fig), std::move(site), std::move(key))
             : none(std::move(fig), std::move(site), std::move(key));
}

Cell decimalIf(std::optional<double> v, int decimals, std::string fig, std::string site, std::string key) {
  return v ? decimal(*v, decimals, std::move(fig), std::move(site), std::move(key))
           : none(std::move(fig), std::move(site), std::move(key));
}

std::string dateTime(UtcMs t) {
  const LocalDateTime l = toStockholm(t);
  return formatIsoDate(l.date) + " " + formatHourMinute(l);
}

std::string weekdayName(size_t i) {
  static const char* kNames[] = {"Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"};
  return kNames[i];
}

std::vector<const SiteSection*> rowsOf(const ReportData& d) {
  std::vector<const SiteSection*> out;
  for (const auto& s : d.sites) out.push_back(&s);
  if (!isSiteReport(d)) out.push_back(&d.unit);
  return out;
}

const SiteSection& scopeOf(const ReportData& d) { return isSiteReport(d) ? d.sites.front() : d.unit; }

void addRow(Table& t, std::vector<Cell> row, bool emphasis) {
  t.rows.push_back(std::move(row));
  t.emphasis.push_back(emphasis);
}

std::string absenceLabelOf(const std::string& code) {
  if (code == kNoReason) return "Ej angiven";
  return absenceLabel(code);
}

} // namespace layout

} // namespace dagverk::report
