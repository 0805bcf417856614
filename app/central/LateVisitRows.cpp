#include "central/LateVisitRows.hpp"

#include "central/PayloadFields.hpp"
#include "core/Feedback.hpp"
#include "store/Database.hpp"

namespace dagverk::central {

std::vector<LateVisitDayRow> readLateVisitDays(store::Database& db, std::optional<LocalDate> from,
                                               std::optional<LocalDate> to) {
  // A visit is entered on a later day than its own, so local_date >= from narrows the scan by
  // the (kind, local_date) index before the payload's day is read.
  const std::string day = field::kLateVisitDate.sql();
  store::Statement st(db, "SELECT site_id, " + day + " AS day, count(*) FROM event e WHERE kind = '" +
                              std::string(LateVisitRegistered::kKind) +
                              "' AND local_date >= ?1 AND day BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM "
                              "voided_event v WHERE v.id = e.id) GROUP BY site_id, day ORDER BY site_id, day");
  st.bind(1, from ? formatIsoDate(*from) : std::string("0000-00-00"))
      .bind(2, to ? formatIsoDate(*to) : std::string("9999-99-99"));
  std::vector<LateVisitDayRow> out;
  while (st.step())
    if (const auto d = parseIsoDate(st.text(1))) out.push_back({st.text(0), *d, st.integer(2)});
  return out;
}

} // namespace dagverk::central
