// The visitor tallies for the reports, read from central's event table. The payload is decoded
// with the event codec (tallies are few, a few dozen a day per meeting place), so no JSON path
// of the payload is written here.
#include "central/HeadcountRows.hpp"

#include "core/Event.hpp"
#include "store/Database.hpp"

namespace dagverk::central {

std::vector<HeadcountRow> readHeadcounts(store::Database& db, LocalDate from, LocalDate to) {
  std::vector<HeadcountRow> out;
  store::Statement st(db, std::string("SELECT site_id, payload FROM event e WHERE kind = '") +
                              HeadcountTallied::kKind +
                              "' AND local_date BETWEEN ?1 AND ?2"
                              " AND NOT EXISTS (SELECT 1 FROM voided_event v WHERE v.id = e.id)"
                              " ORDER BY recorded_utc, device_id, seq");
  st.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to));
  while (st.step()) {
    const EventPayload p = decodePayload(HeadcountTallied::kKind, st.text(1));
    const auto& t = std::get<HeadcountTallied>(p);
    out.push_back({st.text(0), t.activityId, t.at, t.count});
  }
  return out;
}

} // namespace dagverk::central
