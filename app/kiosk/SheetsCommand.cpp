#include "kiosk/SheetsCommand.hpp"

#include "core/Ids.hpp"
#include "core/InputLimits.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "platform/PhotoFile.hpp"
#include "sheets/ReserveSheets.hpp"

#include <algorithm>

namespace dagverk::kiosk {

namespace {

// The photo's bytes if it is a PNG the kiosk itself would show; empty otherwise (initials).
std::string photoBytes(const std::filesystem::path& dataDir, const Participant& p) {
  if (!p.photoFile || !isPhotoFileName(*p.photoFile)) return {};
  const std::filesystem::path file = dataDir / "photos" / *p.photoFile;
  if (!platform::fileExists(file)) return {};
  try {
    std::string bytes;
    if (!platform::readFileWithin(file, limits::kPhotoFileBytes, bytes)) return {};
    platform::decodePhoto(bytes); // throws for anything but a sound PNG within the limits
    return bytes;
  } catch (const DagverkError& e) {
    platform::logError("picture for participant " + p.id + " left off the reserve sheet: " + e.english());
    return {};
  }
}

} // namespace

std::vector<std::filesystem::path> saveReserveSheets(const store::KioskStore& store,
                                                     const std::filesystem::path& dataDir, LocalDate monday,
                                                     const std::filesystem::path& outDir) {
  const std::string siteId = store.roster().boundSiteId();
  sheets::SheetInput in;
  in.site = store.roster().site(siteId);
  in.monday = monday;
  for (const auto& p : store.roster().participants(siteId)) in.participants.push_back({p, photoBytes(dataDir, p)});
  // Those who work at the site itself; an administrator of every site ("*") is not on its
  // roll call.
  for (auto& s : store.roster().staff(siteId))
    if (std::find(s.siteIds.begin(), s.siteIds.end(), siteId) != s.siteIds.end()) in.staff.push_back(std::move(s));
  platform::createPrivateDirectory(outDir);
  const std::string week = sheets::sheetWeekCode(monday);
  const std::filesystem::path attendance = outDir / ("narvarolista-" + siteId + "-" + week + ".html");
  const std::filesystem::path rollCall = outDir / ("upprop-" + siteId + "-" + week + ".html");
  platform::writeFileAtomically(attendance, sheets::attendanceSheetHtml(in));
  platform::writeFileAtomically(rollCall, sheets::rollCallSheetHtml(in));
  return {attendance, rollCall};
}

} // namespace dagverk::kiosk
