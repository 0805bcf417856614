// End to end over a real SMB share: a Samba server (Debian `samba`) on loopback, mounted
// with smbnetfs (FUSE; these machines have no kernel CIFS). The kiosk syncs INTO the mount, the
// central tool imports from the server's directory, and the receipt travels back through the mount.
// Everything is torn down (fusermount -u, smbd stopped) on every path. Needs root (port 445).
#include "SyncFaultSupport.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

// A child process that runs until this object is destroyed (SIGTERM, then SIGKILL). It gets a
// process group of its own: smbd stops its children with kill(0, SIGTERM), which would otherwise
// reach this test (and whoever started it).
class Daemon {
public:
  Daemon(const std::vector<std::string>& argv, const Env& extra, const fs::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> envStrings = childEnvironment(extra), args = argv;
    std::vector<char*> envp, argp;
    for (auto& s : envStrings) envp.push_back(s.data());
    envp.push_back(nullptr);
    for (auto& s : args) argp.push_back(s.data());
    argp.push_back(nullptr);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    const int rc = posix_spawn(&pid_, argp[0], &actions, &attr, argp.data(), envp.data());
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      pid_ = -1;
      FAIL("cannot start " << argv[0] << ": " << std::strerror(rc));
    }
  }
  ~Daemon() { stop(); }
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;
  bool running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    return true;
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM); // its group: the daemon and the helpers it forked, nothing else
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

private:
  pid_t pid_ = -1;
};

bool portOpen(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

template <class F> bool waitFor(F&& ready, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return ready();
}

// Unmounts the FUSE mount when it goes out of scope (before smbnetfs and smbd are stopped).
struct FuseMount {
  fs::path dir;
  ~FuseMount() {
    if (!dir.empty()) runProcess({"/usr/bin/fusermount", "-u", "-z", dir.string()}, {}, 20);
  }
};

std::string tail(const fs::path& log) {
  std::error_code ec;
  if (!fs::exists(log, ec)) return "(no log)";
  const std::string text = readBytes(log);
  return text.size() > 3000 ? text.substr(text.size() - 3000) : text;
}

} // namespace

TEST_CASE("SMB: kiosk syncs into an smbnetfs mount of a loopback Samba share and gets its receipts back") {
  const auto started = std::chrono::steady_clock::now();
  for (const char* tool : {"/usr/sbin/smbd", "/usr/bin/smbpasswd", "/usr/bin/smbnetfs", "/usr/bin/fusermount"})
    if (!fs::exists(tool)) FAIL(tool << " is missing (Debian packages samba, smbnetfs, fuse)");
  if (!fs::exists("/dev/fuse")) FAIL("/dev/fuse is missing: smbnetfs (FUSE) cannot mount");
  if (portOpen(445)) FAIL("something already listens on 127.0.0.1:445; the test needs the port for its smbd");

  World w("smb", true);
  const fs::path root = w.tmp().path();
  const fs::path backing = root / "smb-share", mnt = root / "mnt", home = root / "home", logs = root / "logs";
  for (const auto& d : {backing, mnt, home / ".smb", logs, root / "samba" / "private", root / "samba" / "lock",
                        root / "samba" / "state", root / "samba" / "cache", root / "samba" / "pid"})
    fs::create_directories(d);
  const fs::path conf = root / "smb.conf";
  const std::string s = (root / "samba").string();
  writeBytes(conf, "[global]\n"
                   "  workgroup = WORKGROUP\n"
                   "  server role = standalone server\n"
                   "  smb ports = 445\n"
                   "  bind interfaces only = yes\n"
                   "  interfaces = lo\n"
                   "  private dir = " + s + "/private\n"
                   "  lock directory = " + s + "/lock\n"
                   "  state directory = " + s + "/state\n"
                   "  cache directory = " + s + "/cache\n"
                   "  pid directory = " + s + "/pid\n"
                   "  ncalrpc dir = " + s + "/lock/ncalrpc\n"
                   "  passdb backend = tdbsam:" + s + "/private/passdb.tdb\n"
                   "  log file = " + (logs / "smbd.log").string() + "\n"
                   "  load printers = no\n  printing = bsd\n  printcap name = /dev/null\n  disable spoolss = yes\n"
                   "  server min protocol = NT1\n"
                   "[dagverk]\n"
                   "  path = " + backing.string() + "\n"
                   "  read only = no\n"
                   "  force user = root\n");
  {
    const Proc pw = runProcess({"/bin/sh", "-c",
                                "printf 'dagverk-e2e\\ndagverk-e2e\\n' | /usr/bin/smbpasswd -c " +
                                    shellQuoted(conf.string()) + " -a -s root"},
                               {}, 30, root);
    INFO(pw.describe());
    REQUIRE(pw.code == 0);
  }
  Daemon smbd({"/usr/sbin/smbd", "--foreground", "--no-process-group", "-s", conf.string(), "--debug-stdout", "-d",
               "1"},
              {}, logs / "smbd.out");
  if (!waitFor([] { return portOpen(445); }, std::chrono::seconds(15)))
    FAIL("smbd did not start listening on 127.0.0.1:445 within 15 s:\n" << tail(logs / "smbd.out"));

  // smbnetfs reads $HOME/.smb/{smb.conf,smbnetfs.conf,smbnetfs.auth}.
  writeBytes(home / ".smb" / "smb.conf", "[global]\n  client min protocol = NT1\n  workgroup = WORKGROUP\n");
  writeBytes(home / ".smb" / "smbnetfs.conf",
             "smb_query_browsers \"false\"\nshow_$_shares \"false\"\ninclude \"smbnetfs.auth\"\n");
  writeBytes(home / ".smb" / "smbnetfs.auth", "auth \"root\" \"dagverk-e2e\"\n");
  fs::permissions(home / ".smb" / "smbnetfs.auth", fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(home / ".smb" / "smbnetfs.conf", fs::perms::owner_read | fs::perms::owner_write);
  Daemon smbnetfs({"/usr/bin/smbnetfs", mnt.string(), "-f"}, {{"HOME", home.string()}}, logs / "smbnetfs.out");
  FuseMount unmountFirst{mnt}; // destroyed before smbnetfs and smbd
  const fs::path share = mnt / "127.0.0.1" / "dagverk";
  writeBytes(backing / "probe.txt", "probe");
  if (!waitFor([&] { return fs::exists(share / "probe.txt"); }, std::chrono::seconds(20)))
    FAIL("the Samba share did not appear at " << share << " through smbnetfs within 20 s\nsmbnetfs:\n"
                                               << tail(logs / "smbnetfs.out") << "\nsmbd:\n"
                                               << tail(logs / "smbd.log"));
  fs::remove(backing / "probe.txt");
  const auto mounted = std::chrono::steady_clock::now();

  // The central tool prepares the share through the mount, as IT would from another machine.
  w.share = share;
  {
    const Proc init = w.centralCli({"init", "--share", share.string(), "--keys", w.keys.string()});
    INFO(init.describe());
    REQUIRE(init.code == 0);
  }
  REQUIRE(fs::exists(backing / "dagverk-share.json"));
  const Kiosk k = w.addKiosk("liljan");
  const auto firstIds = w.record(k, 5, true);

  // The kiosk writes its batch into the mount.
  const auto syncStart = std::chrono::steady_clock::now();
  const Proc s1 = w.sync(k, {}, share);
  const auto syncMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - syncStart);
  INFO(s1.describe());
  REQUIRE(s1.code == 0);
  CHECK(contains(s1.out, "Skickade 11 poster"));
  w.share = backing; // the central machine reads the server's directory
  CHECK(w.inboxFiles(".batch").size() == 1);
  CHECK(w.inboxFiles(".manifest").size() == 1);
  CHECK_NO_STRAYS(w);

  const Proc imp = w.import({}, {}, backing);
  INFO(imp.describe());
  REQUIRE(imp.code == 0);
  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  CHECK(w.quarantined().empty());

  // The receipt is visible through the mount, and the next sync marks the events acknowledged.
  const fs::path receipts = share / "receipts" / k.deviceId;
  CHECK(waitFor([&] { return !filesUnder(receipts).empty(); }, std::chrono::seconds(10)));
  const Proc s2 = w.sync(k, {}, share);
  INFO(s2.describe());
  REQUIRE(s2.code == 0);
  CHECK(contains(s2.out, "bekräftat"));
  CHECK(World::acked(k) == static_cast<long long>(firstIds.size()));

  // A second week: more check-ins, sync, import, sync; still every event exactly once.
  w.record(k, 4);
  REQUIRE(w.sync(k, {}, share).code == 0);
  REQUIRE(w.import({}, {}, backing).code == 0);
  const Proc s3 = w.sync(k, {}, share);
  INFO(s3.describe());
  REQUIRE(s3.code == 0);
  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  CHECK(World::acked(k) == static_cast<long long>(World::kioskEvents(k).size()));
  CHECK(w.centralIntegrity() == "ok");
  CHECK_NO_STRAYS(w);
  CHECK(smbd.running());
  CHECK(smbnetfs.running());

  const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  WARN("SMB end-to-end: " << ms(std::chrono::steady_clock::now() - started) << " ms in all, "
                          << ms(mounted - started) << " ms to start smbd and mount, first sync through the mount "
                          << syncMs.count() << " ms");
}
