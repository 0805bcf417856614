#include "sheets/ReserveSheets.hpp"

#include "core/Error.hpp"
#include "core/Period.hpp"

#include <array>

namespace dagverk::sheets {

namespace {

// Names are data: every text from the roster goes through here.
std::string esc(const std::string& s) {
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

std::string base64(const std::string& bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const auto b = [&](size_t k) { return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u; };
    const unsigned v = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[v & 63] : '=';
  }
  return out;
}

constexpr std::array<const char*, 7> kDayShort = {"Mån", "Tis", "Ons", "Tor", "Fre", "Lör", "Sön"};

// A calm colour per person for the initials tile, from their id (the same every week).
const char* tileColour(const std::string& id) {
  static constexpr std::array<const char*, 6> kColours = {"#2f6f8f", "#6b5b95", "#3f7f5f", "#8a5a2b", "#7a4b6b",
                                                           "#4b6b8a"};
  unsigned h = 0;
  for (char c : id) h = h * 31u + static_cast<unsigned char>(c);
  return kColours[h % kColours.size()];
}

std::string picture(const std::string& id, const std::string& initials, const std::string& png) {
  if (!png.empty()) return "<img class=\"pic\" alt=\"\" src=\"data:image/png;base64," + base64(png) + "\">";
  return std::string("<div class=\"pic tile\" style=\"background:") + tileColour(id) + "\">" + esc(initials) +
         "</div>";
}

std::string weekTitle(LocalDate monday) {
  const IsoWeek w = isoWeekOf(monday);
  const LocalDate sunday = addDays(monday, 6);
  std::string range = std::to_string(monday.day);
  if (monday.month != sunday.month) range += std::string(" ") + swedishMonthName(monday.month);
  range += "–" + std::to_string(sunday.day) + " " + swedishMonthName(sunday.month) + " " + std::to_string(sunday.year);
  return "vecka " + std::to_string(w.week) + " " + std::to_string(w.year) + " (" + range + ")";
}

std::string page(const std::string& title, const std::string& body, const std::string& orientation) {
  return "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>" + esc(title) +
         "</title>\n<style>\n"
         "@page { size: A4 " + orientation + "; margin: 10mm; }\n"
         "body { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; color: #1a1a1a; margin: 0; font-size: 10pt; }\n"
         "h1 { font-size: 15pt; margin: 0 0 1mm 0; } p.note { margin: 0 0 3mm 0; color: #444; }\n"
         "table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
         "th, td { border: 0.3mm solid #555; padding: 0.8mm 1.2mm; vertical-align: middle; }\n"
         "th { background: #e8e8e8; font-size: 9pt; } thead { display: table-header-group; }\n"
         "tr { page-break-inside: avoid; break-inside: avoid; height: 13mm; }\n"
         ".pic { width: 11mm; height: 11mm; border-radius: 2mm; object-fit: cover; display: block; }\n"
         ".tile { color: #fff; font-weight: bold; font-size: 11pt; text-align: center; line-height: 11mm; "
         "-webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
         ".name { font-size: 11pt; font-weight: bold; overflow-wrap: anywhere; }\n"
         ".off { background: repeating-linear-gradient(135deg, #ddd 0 1mm, #fff 1mm 2.5mm); "
         "-webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
         ".days { font-size: 9pt; } .tick { text-align: center; }\n"
         ".box { display: inline-block; width: 7mm; height: 7mm; border: 0.4mm solid #333; }\n"
         ".sign { margin-top: 4mm; font-size: 10pt; } .sheet + .sheet { page-break-before: always; break-before: page; }\n"
         "@media screen { body { margin: 8mm; } }\n"
         "</style></head><body>\n" +
         body + "</body></html>\n";
}

int dayColumns(const SheetInput& in) {
  for (const auto& p : in.participants)
    if (p.person.expectedWeekdays[5] || p.person.expectedWeekdays[6]) return 7;
  return 5;
}

std::string expectedDays(const Participant& p) {
  std::string out;
  for (size_t d = 0; d < 7; ++d)
    if (p.expectedWeekdays[d]) out += std::string(out.empty() ? "" : " ") + kDayShort[d];
  return out.empty() ? "–" : out;
}

std::string attendanceBody(const SheetInput& in) {
  const int days = dayColumns(in);
  std::string h = "<section class=\"sheet\">\n<h1>Närvarolista – " + esc(in.site.name) + ", " + weekTitle(in.monday) +
                  "</h1>\n<p class=\"note\">Reservrutin när kiosken inte går att använda: skriv tiden när någon "
                  "kommer och går. Rutorna med streck är dagar personen inte väntas. Registrera listan i kiosken "
                  "i efterhand.</p>\n<table>\n<colgroup><col style=\"width:14mm\"><col style=\"width:34mm\">"
                  "<col style=\"width:20mm\">";
  for (int d = 0; d < days * 2; ++d) h += "<col>";
  h += "</colgroup>\n<thead><tr><th rowspan=\"2\">Bild</th><th rowspan=\"2\">Namn</th><th rowspan=\"2\">Väntas</th>";
  for (int d = 0; d < days; ++d) {
    const LocalDate date = addDays(in.monday, d);
    h += "<th colspan=\"2\">" + std::string(kDayShort[static_cast<size_t>(d)]) + " " + std::to_string(date.day) + "/" +
         std::to_string(date.month) + "</th>";
  }
  h += "</tr><tr>";
  for (int d = 0; d < days; ++d) h += "<th>In</th><th>Ut</th>";
  h += "</tr></thead>\n<tbody>\n";
  for (const auto& sp : in.participants) {
    const Participant& p = sp.person;
    h += "<tr><td>" + picture(p.id, p.initials(), sp.photoPng) + "</td><td class=\"name\">" + esc(p.displayName()) +
         "</td><td class=\"days\">" + expectedDays(p) + "</td>";
    for (int d = 0; d < days; ++d) {
      const char* cls = p.expectedWeekdays[static_cast<size_t>(d)] ? "" : " class=\"off\"";
      h += std::string("<td") + cls + "></td><td" + cls + "></td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table>\n<p class=\"sign\">Ifylld av: ______________________</p>\n</section>\n";
  return h;
}

std::string rollCallBody(const SheetInput& in) {
  std::string h = "<section class=\"sheet\">\n<h1>Upprop – " + esc(in.site.name) + ", " + weekTitle(in.monday) +
                  "</h1>\n<p class=\"note\">Vid utrymning eller larm: bocka av alla som är på plats. Datum: "
                  "__________ Tid: ______ Ansvarig: ______________________</p>\n<table>\n"
                  "<colgroup><col style=\"width:14mm\"><col style=\"width:60mm\"><col style=\"width:28mm\">"
                  "<col style=\"width:16mm\"><col></colgroup>\n<thead><tr><th>Bild</th><th>Namn</th><th>Roll</th>"
                  "<th>Här</th><th>Anteckning</th></tr></thead>\n<tbody>\n";
  const auto row = [&](const std::string& id, const std::string& initials, const std::string& png,
                       const std::string& name, const char* role) {
    h += "<tr><td>" + picture(id, initials, png) + "</td><td class=\"name\">" + esc(name) + "</td><td>" + role +
         "</td><td class=\"tick\"><span class=\"box\"></span></td><td></td></tr>\n";
  };
  for (const auto& sp : in.participants)
    row(sp.person.id, sp.person.initials(), sp.photoPng, sp.person.displayName(), "Deltagare");
  for (const auto& s : in.staff) row(s.id, s.initials(), {}, s.displayName(), "Personal");
  h += "</tbody></table>\n</section>\n";
  return h;
}

} // namespace

LocalDate parseSheetWeek(const std::string& text) {
  const auto p = parsePeriod(text);
  if (!p || p->kind != Period::Kind::IsoWeek)
    throw DagverkError(ErrorCode::BadInput,
                       "Veckan \"" + text + "\" går inte att läsa. Skriv år och veckonummer, till exempel 2026-W10.",
                       "--week is not an ISO week (YYYY-Www): " + text);
  return p->from;
}

std::string sheetWeekCode(LocalDate monday) { return formatIsoWeek(isoWeekOf(monday)); }

std::string attendanceSheetHtml(const SheetInput& in) {
  return page("Närvarolista " + in.site.name + " " + sheetWeekCode(in.monday), attendanceBody(in), "landscape");
}

std::string rollCallSheetHtml(const SheetInput& in) {
  return page("Upprop " + in.site.name + " " + sheetWeekCode(in.monday), rollCallBody(in), "portrait");
}

std::string bothSheetsHtml(const SheetInput& in) {
  // One orientation per document: the roll call's table fills landscape pages as well.
  return page("Reservlistor " + in.site.name + " " + sheetWeekCode(in.monday), attendanceBody(in) + rollCallBody(in),
              "landscape");
}

} // namespace dagverk::sheets
