#include "central/SiteBundles.hpp"

#include "core/Csv.hpp"

#include <map>
#include <sstream>

namespace dagverk::central {

namespace {

// RFC 4180: a field with a quote, comma or line end is quoted, its quotes doubled.
void appendField(std::string& out, const std::string& field) {
  if (field.find_first_of("\",\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void appendRow(std::string& out, const std::vector<std::string>& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    appendField(out, row[i]);
  }
  out += '\n';
}

std::string headerLine(const CsvTable& t) {
  std::string out;
  appendRow(out, t.header);
  return out;
}

// Rows of `t` go to the part of the site in their `site_id` column.
void splitBySiteColumn(const CsvTable& t, const std::string& fileName, std::map<std::string, std::string*>& target) {
  const size_t col = t.column("site_id", fileName);
  for (const auto& row : t.rows)
    if (const auto it = target.find(row[col]); it != target.end()) appendRow(*it->second, row);
}

} // namespace

std::vector<SiteRosterPart> splitRosterBySite(const std::string& sitesCsv, const std::string& participantsCsv,
                                              const std::string& activitiesCsv, const std::string& staffCsv) {
  const CsvTable sites = parseCsv(sitesCsv, "sites.csv");
  const CsvTable people = parseCsv(participantsCsv, "participants.csv");
  const CsvTable acts = parseCsv(activitiesCsv, "activities.csv");
  const CsvTable staff = parseCsv(staffCsv, "staff.csv");
  const size_t siteCol = sites.column("site_id", "sites.csv");

  std::vector<SiteRosterPart> parts(sites.rows.size());
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < sites.rows.size(); ++i) {
    auto& p = parts[i];
    p.siteId = sites.rows[i][siteCol];
    index[p.siteId] = i;
    p.sitesCsv = headerLine(sites);
    appendRow(p.sitesCsv, sites.rows[i]);
    p.participantsCsv = headerLine(people);
    p.activitiesCsv = headerLine(acts);
    p.staffCsv = headerLine(staff);
  }
  std::map<std::string, std::string*> peopleOf, actsOf;
  for (auto& p : parts) {
    peopleOf[p.siteId] = &p.participantsCsv;
    actsOf[p.siteId] = &p.activitiesCsv;
  }
  splitBySiteColumn(people, "participants.csv", peopleOf);
  splitBySiteColumn(acts, "activities.csv", actsOf);

  const size_t staffSiteCol = staff.column("site_id", "staff.csv");
  for (const auto& row : staff.rows) {
    std::vector<size_t> at;
    std::istringstream ids(row[staffSiteCol]);
    for (std::string id; ids >> id;) {
      if (id == "*") {
        for (size_t i = 0; i < parts.size(); ++i) at.push_back(i);
        break;
      }
      if (const auto it = index.find(id); it != index.end()) at.push_back(it->second);
    }
    for (const size_t i : at) {
      auto narrowed = row;
      narrowed[staffSiteCol] = parts[i].siteId;
      appendRow(parts[i].staffCsv, narrowed);
    }
  }
  return parts;
}

} // namespace dagverk::central
