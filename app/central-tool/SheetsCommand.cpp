#include "central-tool/SheetsCommand.hpp"

#include "central/CentralStore.hpp"
#include "central/SheetRoster.hpp"
#include "core/Error.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "sheets/ReserveSheets.hpp"

#include <cstdio>
#include <map>

namespace dagverk::central_tool {

namespace {
constexpr const char* kSheetsUsage =
    "Användning / usage:\n"
    "  dagverk-central sheets --db central.sqlite --site SITE --week YYYY-Www --out FILE\n"
    "      Writes the site's reserve sheets for the week (the attendance sheet and the roll call,\n"
    "      one self-contained HTML file for A4, 0600) from the roster valid that week.\n";
} // namespace

int runSheetsCommand(const std::vector<std::string>& args) {
  std::map<std::string, std::string> v;
  for (size_t i = 0; i < args.size(); i += 2) {
    const std::string& name = args[i];
    if ((name != "--db" && name != "--site" && name != "--week" && name != "--out") || i + 1 >= args.size() ||
        v.count(name)) {
      std::fprintf(stderr, "dagverk-central sheets: unexpected '%s'\n\n%s", name.c_str(), kSheetsUsage);
      return 2;
    }
    v[name] = args[i + 1];
  }
  for (const char* need : {"--db", "--site", "--week", "--out"})
    if (!v.count(need)) {
      std::fprintf(stderr, "dagverk-central sheets: needs %s\n\n%s", need, kSheetsUsage);
      return 2;
    }
  try {
    const LocalDate monday = sheets::parseSheetWeek(v["--week"]); // before anything is opened
    auto store = central::CentralStore::openExisting(v["--db"]);
    const auto roster = central::siteRosterForWeek(store->db(), v["--site"], monday);
    sheets::SheetInput in;
    in.site = roster.site;
    in.monday = monday;
    for (const auto& p : roster.participants) in.participants.push_back({p, {}}); // central holds no photos
    in.staff = roster.staff;
    platform::writeFileAtomically(v["--out"], sheets::bothSheetsHtml(in));
    std::printf("%s\n", v["--out"].c_str());
    return 0;
  } catch (const DagverkError& e) {
    std::fprintf(stderr, "dagverk-central: %s\n", e.swedish().c_str());
    platform::logError(e.english());
    return 1;
  }
}

} // namespace dagverk::central_tool
