// Bad CSV for `dagverk-central publish`: a stray quote, CRLF inside a field, a NUL,
// invalid UTF-8, a wrong column count and a 1 MB line, in each of the three files. Every one is
// refused with exit 1 and a message naming the file, line and column, and no bundle appears.
#include "SyncFaultSupport.hpp"

#include "platform/FileSystem.hpp"

#include <regex>

using namespace dagverk;
using namespace dagverk::test;

namespace {

const fs::path kDemo = fs::path(DAGVERK_SOURCE_DIR) / "data" / "demo";

struct Mutation {
  std::string name;
  std::string (*apply)(const std::string& field);
};

// Replaces the third field of line `line` (1-based; the fields before it are never quoted in
// the demo files) by apply(field).
std::string mutateThirdField(const std::string& text, int line, std::string (*apply)(const std::string&)) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  const size_t c1 = text.find(',', start), c2 = text.find(',', c1 + 1), c3 = text.find(',', c2 + 1);
  const std::string field = text.substr(c2 + 1, c3 - c2 - 1);
  return text.substr(0, c2 + 1) + apply(field) + text.substr(c3);
}

const std::vector<Mutation> kMutations = {
    {"stray-quote", [](const std::string& f) { return f.substr(0, 2) + "\"" + f.substr(2); }},
    {"crlf-in-field", [](const std::string& f) { return "\"" + f.substr(0, 2) + "\r\n" + f.substr(2) + "\""; }},
    {"nul", [](const std::string& f) { return f.substr(0, 2) + std::string(1, '\0') + f.substr(2); }},
    {"invalid-utf8", [](const std::string& f) { return f.substr(0, 2) + "\xC3\x28" + f.substr(2); }},
    {"wrong-columns", [](const std::string& f) { return f + ",extra"; }},
    {"1mb-line", [](const std::string& f) { return f + std::string(1024 * 1024, 'a'); }},
};

} // namespace

TEST_CASE("Bad CSV: publish names file line and column and exits 1 and publishes nothing") {
  World w("badcsv");
  w.init();
  w.addKiosk("liljan");
  const fs::path sites = kDemo / "sites.csv";
  std::map<std::string, fs::path> good = {{"roster", kDemo / "participants.csv"},
                                          {"activities", kDemo / "activities.csv"},
                                          {"staff", kDemo / "staff.csv"}};
  auto publish = [&](const std::map<std::string, fs::path>& files) {
    return w.centralCli({"publish", "--share", w.share.string(), "--keys", w.keys.string(), "--roster",
                         files.at("roster").string(), "--activities", files.at("activities").string(), "--staff",
                         files.at("staff").string(), "--sites", sites.string()});
  };

  // The good files publish (so the refusals below are about the faults, not the setup).
  const Proc ok = publish(good);
  INFO(ok.describe());
  REQUIRE(ok.code == 0);
  // One publish: the whole unit's bundle for central in bundles/, one per site below it.
  const auto bundlesBefore = platform::listFiles(w.share / "bundles");
  REQUIRE(bundlesBefore.size() == 1);

  int refused = 0;
  for (const auto& [which, path] : good) {
    const std::string text = readBytes(path);
    for (const auto& m : kMutations) {
      const fs::path bad = w.dir(which + "-" + m.name + ".csv");
      writeBytes(bad, mutateThirdField(text, 3, m.apply));
      auto files = good;
      files[which] = bad;
      const auto bundlesBeforeRun = filesUnder(w.share / "bundles");
      const Proc p = publish(files);
      INFO(which << " with " << m.name << "\n" << p.describe().substr(0, 4000));
      CHECK(p.code == 1);
      // "<file>:<line>:<column>" in the Swedish message.
      const std::string where = bad.string() + ":3:";
      const auto at = p.err.find(where);
      CHECK(at != std::string::npos);
      if (at != std::string::npos) CHECK(std::isdigit(static_cast<unsigned char>(p.err[at + where.size()])));
      CHECK(contains(p.err, "[dagverk"));         // the English log line
      CHECK(p.err.size() < 8192);                   // the 1 MB field is not echoed back
      CHECK(filesUnder(w.share / "bundles") == bundlesBeforeRun);
      CHECK_NO_STRAYS(w);
      if (p.code == 1) ++refused;
    }
  }
  CHECK(refused == 18);

  // Still publishable afterwards.
  const Proc again = publish(good);
  CHECK(again.code == 0);
  CHECK(platform::listFiles(w.share / "bundles").size() == bundlesBefore.size() + 1 + (18 - static_cast<size_t>(refused)));
}
