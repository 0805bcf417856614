#include "kiosk/LateCommand.hpp"

#include "core/Command.hpp"
#include "core/Feedback.hpp"
#include "store/KioskStore.hpp"
#include "store/Perform.hpp"

#include <cstdio>

namespace dagverk::kiosk {

namespace {

const std::string* valueOf(const std::map<std::string, std::string>& values, const char* option) {
  const auto it = values.find(option);
  return it == values.end() ? nullptr : &it->second;
}

} // namespace

std::optional<cmd::RegisterLate> parseLateOptions(const std::map<std::string, std::string>& values, std::string& error) {
  for (const char* option : {"--date", "--participant", "--in", "--staff"})
    if (!valueOf(values, option)) {
      error = std::string("'late' needs ") + option;
      return std::nullopt;
    }
  cmd::RegisterLate c;
  const auto day = parseIsoDate(*valueOf(values, "--date"));
  if (!day) {
    error = "--date takes a date YYYY-MM-DD (ogiltigt datum: '" + *valueOf(values, "--date") + "')";
    return std::nullopt;
  }
  c.day = *day;
  LateVisitLine line;
  line.participantId = *valueOf(values, "--participant");
  for (const char* option : {"--in", "--out"}) {
    const std::string* text = valueOf(values, option);
    if (!text) continue;
    const int minute = parseHourMinute(*text);
    if (minute < 0) {
      error = std::string(option) + " takes a time HH:MM, e.g. 08:30 (ogiltig tid: '" + *text + "')";
      return std::nullopt;
    }
    (std::string(option) == "--in" ? line.arriveMinute : line.leaveMinute) = minute;
  }
  c.lines.push_back(std::move(line));
  c.actorStaffId = *valueOf(values, "--staff");
  return c;
}

int runLate(const cmd::RegisterLate& c, store::KioskStore& store) {
  const auto events = store::perform(store, Command{c});
  for (const auto& e : events) {
    const auto& v = std::get<LateVisitRegistered>(e.payload);
    std::printf("efterregistrerad %s %s seq %lld\n", v.participantId.c_str(), v.date.c_str(),
                static_cast<long long>(e.seq));
  }
  return 0;
}

} // namespace dagverk::kiosk
