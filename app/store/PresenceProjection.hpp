#pragma once
// "Who is here now", for participants and for staff: the `presence` table, kept in the
// transaction of every check-in and check-out, and its copy in memory that the screens and the
// tap path read.
#include "core/Presence.hpp"
#include "store/EventLog.hpp"

#include <memory>
#include <string>

namespace dagverk::store {

class Database;
class Statement;

class PresenceProjection final : public Projection {
public:
  explicit PresenceProjection(Database& db);
  ~PresenceProjection() override;

  const PresenceBoard& participants() const { return participants_; }
  const PresenceBoard& staff() const { return staff_; }
  // Participants present now at the site, counted in the table.
  int presentAt(const std::string& siteId) const;

  void apply(const Event& e) override;
  bool followsKind(const std::string& kind) const override;
  void rebuild(const EventLog& log, const std::string* siteId) override;
  void applyToMemory(const Event& e) override;
  void reload() override;

private:
  Database& db_;
  PresenceBoard participants_{PresenceBoard::Who::Participants};
  PresenceBoard staff_{PresenceBoard::Who::Staff};
  // Prepared once: a tap runs one of them.
  std::unique_ptr<Statement> insertPresence_, deletePresence_, insertStaffPresence_, deleteStaffPresence_;
  // visit_close: one row per closed visit; a plain INSERT, so a second close fails.
  std::unique_ptr<Statement> insertClose_, insertCloseOnRebuild_;
  void recordClose(const Event& e, const std::string& personId, const std::string& checkInEventId);
};

} // namespace dagverk::store
