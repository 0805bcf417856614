// The iofail shim itself: it fails exactly the chosen call, only under its directory, and its
// kill leaves a torn file, as the fault tests assume.
#include "SyncFaultSupport.hpp"

using namespace dagverk::test;

namespace {
Proc victim(const fs::path& dir, const Env& env) { return runProcess({IOFAIL_VICTIM, dir.string()}, env); }
} // namespace

TEST_CASE("Shim: counts the calls under its directory and changes nothing when n is 0") {
  TempDir tmp("shim");
  struct Expect {
    const char* op;
    int calls;
  };
  for (const Expect& e : {Expect{"write", 2}, Expect{"fsync", 3}, Expect{"rename", 1}, Expect{"link", 1},
                          Expect{"open", 2}}) {
    INFO("op " << e.op);
    const fs::path dir = tmp / (std::string("count-") + e.op);
    fs::create_directories(dir);
    const fs::path trace = tmp / (std::string("trace-") + e.op);
    const Proc p = victim(dir, iofail(dir, e.op, 0, "EIO", false, trace));
    INFO(p.describe());
    CHECK(p.code == 0);
    CHECK(countLines(trace) == e.calls);
  }
}

TEST_CASE("Shim: fails the nth matching call with the chosen errno") {
  TempDir tmp("shim");
  struct Case {
    const char* op;
    int n;
    const char* err;
    const char* line;
  };
  for (const Case& c : {Case{"write", 1, "EIO", "write Input/output error"},
                        Case{"write", 2, "ENOSPC", "ofstream No space left on device"},
                        Case{"fsync", 1, "EIO", "fsync Input/output error"},
                        Case{"fsync", 2, "EIO", "fdatasync Input/output error"},
                        Case{"fsync", 3, "EIO", "dirfsync Input/output error"},
                        Case{"rename", 1, "EIO", "rename Input/output error"},
                        Case{"link", 1, "EIO", "link Input/output error"},
                        Case{"open", 1, "ENOSPC", "open No space left on device"}}) {
    INFO(c.op << " #" << c.n);
    const fs::path dir = tmp / (std::string(c.op) + std::to_string(c.n));
    fs::create_directories(dir);
    const Proc p = victim(dir, iofail(dir, c.op, c.n, c.err));
    INFO(p.describe());
    CHECK(p.code == 1);
    CHECK(contains(p.out, c.line));
    CHECK(contains(p.err, "iofail: injected"));
  }
}

TEST_CASE("Shim: leaves other directories alone") {
  TempDir tmp("shim");
  const fs::path dir = tmp / "work", other = tmp / "other";
  fs::create_directories(dir);
  fs::create_directories(other);
  for (const char* op : {"write", "fsync", "rename", "link", "open"}) {
    const Proc p = victim(dir, iofail(other, op, 1));
    INFO(p.describe());
    CHECK(p.code == 0);
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
}

TEST_CASE("Shim: a kill in a write leaves half of it written") {
  TempDir tmp("shim");
  const fs::path dir = tmp / "work";
  fs::create_directories(dir);
  const Proc p = victim(dir, iofail(dir, "write", 1, "EIO", true));
  INFO(p.describe());
  CHECK(p.signal == SIGKILL);
  CHECK(readBytes(dir / "a.tmp") == "01234567");
  fs::create_directories(tmp / "k2");
  const Proc k = victim(tmp / "k2", iofail(tmp / "k2", "rename", 1, "EIO", true));
  CHECK(k.signal == SIGKILL);
  CHECK(fs::exists(tmp / "k2" / "a.tmp"));
  CHECK_FALSE(fs::exists(tmp / "k2" / "b"));
}
