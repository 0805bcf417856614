#pragma once
// The reserve sheets of the continuity plan, printed in advance for when the kiosk cannot be
// used (a broken, stolen or flat tablet, a long power cut): per site and ISO week an attendance
// sheet (each participant's picture or initials, name, the days they are expected, boxes for
// arrival and departure per day) and a roll-call sheet (everyone on the roster and the site's
// staff, with a tick column). Self-contained HTML with an A4 print stylesheet, like the reports.
// Built from roster structs only: the kiosk and central each read their own store.
#include "core/LocalTime.hpp"
#include "core/Roster.hpp"
#include "core/Staff.hpp"

#include <string>
#include <vector>

namespace dagverk::sheets {

struct SheetParticipant {
  Participant person;   // name, initials and expected weekdays (those valid that week)
  std::string photoPng; // the photo file's bytes, already checked to be a PNG; empty: initials
};

struct SheetInput {
  Site site;
  LocalDate monday; // the ISO week's Monday
  std::vector<SheetParticipant> participants;
  std::vector<StaffMember> staff;
};

// "2026-W10" -> that week's Monday. Throws DagverkError(BadInput) with a Swedish message for
// anything else.
LocalDate parseSheetWeek(const std::string& text);
// "2026-W10", the form the file names and --week use.
std::string sheetWeekCode(LocalDate monday);

// Saturday and Sunday get columns only when someone on the sheet is expected on them: most
// sites are weekday-only, and two empty columns would make every box smaller.
std::string attendanceSheetHtml(const SheetInput& in);
std::string rollCallSheetHtml(const SheetInput& in);
// Both in one document (the attendance sheet, then the roll call on a page of its own).
std::string bothSheetsHtml(const SheetInput& in);

} // namespace dagverk::sheets
