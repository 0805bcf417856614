// libFuzzer target: the CSV reader and the roster and staff files built on it. The input is
// split at 0x1e (record separator) into sites, participants, activities and staff. Any
// exception other than DagverkError, and any sanitizer report, is a finding.
#include "core/Csv.hpp"
#include "core/Error.hpp"
#include "core/RosterCsv.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  try {
    const auto table = parseCsv(in, "fuzz.csv");
    for (size_t i = 0; i < table.rows.size(); ++i)
      if (table.rows[i].size() != table.header.size() || table.rowLines.size() != table.rows.size())
        __builtin_trap(); // the reader promises rectangular tables
  } catch (const DagverkError& e) {
    if (e.swedish().empty()) __builtin_trap();
  }

  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= in.size() && parts.size() < 3; ++i) {
    if (i == in.size() || in[i] == '\x1e') {
      parts.push_back(in.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(start < in.size() ? in.substr(start) : std::string_view());
  while (parts.size() < 4) parts.emplace_back();
  try {
    auto roster = parseRosterCsv(parts[0], parts[1], parts[2]);
    parseStaffCsv(parts[3], roster);
  } catch (const DagverkError& e) {
    if (e.swedish().empty()) __builtin_trap();
  }
  return 0;
}
