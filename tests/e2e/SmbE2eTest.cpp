// End to end over a real SMB share: a Samba server (Debian `samba`) on loopback with the share
// definition and the folder layout that ship in packaging/samba/, one account for central and
// one per kiosk, each mounted with smbnetfs (FUSE; these machines have no kernel CIFS). The
// kiosk syncs INTO its mount, the central tool imports through its own, and the receipt travels
// back. A second kiosk's account then tries, with smbclient, what a stolen tablet would.
// Everything is torn down (fusermount -u, smbd stopped, the test's Unix accounts removed) on
// every path. Needs root (port 445, useradd).
#include "SyncFaultSupport.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <memory>

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

// The test's own Unix accounts and group (as dagverk-share-setup.sh makes them), removed again
// when it ends, also when it fails; leftovers of an earlier run that was killed go first.
struct TestAccounts {
  std::vector<std::string> users;
  std::string group;
  void removeAll() const {
    for (const auto& u : users) runProcess({"/usr/sbin/userdel", u}, {}, 30);
    runProcess({"/usr/sbin/groupdel", group}, {}, 30);
  }
  TestAccounts(std::vector<std::string> u, std::string g) : users(std::move(u)), group(std::move(g)) { removeAll(); }
  ~TestAccounts() { removeAll(); }
  TestAccounts(const TestAccounts&) = delete;
  TestAccounts& operator=(const TestAccounts&) = delete;
};

std::string tail(const fs::path& log) {
  std::error_code ec;
  if (!fs::exists(log, ec)) return "(no log)";
  const std::string text = readBytes(log);
  return text.size() > 3000 ? text.substr(text.size() - 3000) : text;
}

// One account's view of the share: smbnetfs logged in as that account, mounted at `dir`.
// The mount goes before smbnetfs stops.
class SmbMount {
public:
  SmbMount(const fs::path& root, const std::string& name, const std::string& user, const std::string& password) {
    const fs::path home = root / ("home-" + name);
    dir_ = root / ("mnt-" + name);
    fs::create_directories(home / ".smb");
    fs::create_directories(dir_);
    writeBytes(home / ".smb" / "smb.conf", "[global]\n  client min protocol = NT1\n  workgroup = WORKGROUP\n");
    writeBytes(home / ".smb" / "smbnetfs.conf",
               "smb_query_browsers \"false\"\nshow_$_shares \"false\"\ninclude \"smbnetfs.auth\"\n");
    writeBytes(home / ".smb" / "smbnetfs.auth", "auth \"" + user + "\" \"" + password + "\"\n");
    fs::permissions(home / ".smb" / "smbnetfs.auth", fs::perms::owner_read | fs::perms::owner_write);
    fs::permissions(home / ".smb" / "smbnetfs.conf", fs::perms::owner_read | fs::perms::owner_write);
    log_ = root / "logs" / ("smbnetfs-" + name + ".out");
    daemon_ = std::make_unique<Daemon>(std::vector<std::string>{"/usr/bin/smbnetfs", dir_.string(), "-f"},
                                       Env{{"HOME", home.string()}}, log_);
    unmount_.dir = dir_;
  }
  fs::path share() const { return dir_ / "127.0.0.1" / "dagverk"; }
  bool running() { return daemon_->running(); }
  std::string log() const { return tail(log_); }

private:
  fs::path dir_, log_;
  std::unique_ptr<Daemon> daemon_;
  FuseMount unmount_; // destroyed first
};

// smbclient as one account: runs `commands` (local files by absolute path) on the share; the
// output says what was refused. Its captured output goes to `scratch`.
Proc smbclient(const std::string& user, const std::string& password, const std::string& commands,
               const fs::path& scratch) {
  return runProcess({"/usr/bin/smbclient", "//127.0.0.1/dagverk", "-U", user + "%" + password, "-c", commands}, {}, 60,
                    scratch);
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string octalMode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  return buf;
}
} // namespace

TEST_CASE("SMB: each kiosk syncs through its own Samba account, and one kiosk's account cannot touch another's files") {
  const auto started = std::chrono::steady_clock::now();
  for (const char* tool : {"/usr/sbin/smbd", "/usr/bin/smbpasswd", "/usr/bin/smbnetfs", "/usr/bin/fusermount",
                           "/usr/bin/smbclient", "/usr/sbin/useradd"})
    if (!fs::exists(tool)) FAIL(tool << " is missing (Debian packages samba, smbclient, smbnetfs, fuse, passwd)");
  if (!fs::exists("/dev/fuse")) FAIL("/dev/fuse is missing: smbnetfs (FUSE) cannot mount");
  if (portOpen(445)) FAIL("something already listens on 127.0.0.1:445; the test needs the port for its smbd");

  // The accounts, as on a file server: central, two kiosks, the kiosks' group.
  const std::string central = "dvk-e2e-central", kiosk1 = "dvk-e2e-kiosk1", kiosk2 = "dvk-e2e-kiosk2",
                    kiosksGroup = "dvk-e2e-kiosks";
  const TestAccounts accounts({kiosk1, kiosk2, central}, kiosksGroup);
  const std::string password = "dagverk-e2e";

  World w("smb", true);
  const fs::path root = w.tmp().path();
  // smbd serves each account as its own Unix user: they must reach the share folder.
  fs::permissions(root, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  const fs::path backing = root / "smb-share", logs = root / "logs";
  for (const auto& d : {logs, root / "samba" / "private", root / "samba" / "lock", root / "samba" / "state",
                        root / "samba" / "cache", root / "samba" / "pid"})
    fs::create_directories(d);
  const fs::path setup = fs::path(DAGVERK_SOURCE_DIR) / "packaging" / "samba" / "dagverk-share-setup.sh";
  {
    const Proc p = runProcess({"/bin/sh", setup.string(), "init", backing.string(), central, kiosksGroup}, {}, 60, root);
    INFO(p.describe());
    REQUIRE(p.code == 0);
  }
  // The shipped share definition, with this test's folder and account names.
  std::string share = readBytes(fs::path(DAGVERK_SOURCE_DIR) / "packaging" / "samba" / "dagverk-share.conf");
  share = replaceAll(share, "path = /srv/dagverk", "path = " + backing.string());
  share = replaceAll(share, "@dagverk-kiosks dagverk-central", "@" + kiosksGroup + " " + central);
  REQUIRE(contains(share, "valid users = @" + kiosksGroup + " " + central));
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
                   "  server min protocol = NT1\n" +
                   share);

  Daemon smbd({"/usr/sbin/smbd", "--foreground", "--no-process-group", "-s", conf.string(), "--debug-stdout", "-d",
               "1"},
              {}, logs / "smbd.out");
  if (!waitFor([] { return portOpen(445); }, std::chrono::seconds(15)))
    FAIL("smbd did not start listening on 127.0.0.1:445 within 15 s:\n" << tail(logs / "smbd.out"));

  // Central's account and its mount; central prepares the share through it, as IT would.
  const auto addSmbPassword = [&](const std::string& user) {
    const Proc pw = runProcess({"/bin/sh", "-c",
                                "printf '%s\\n%s\\n' " + shellQuoted(password) + " " + shellQuoted(password) +
                                    " | /usr/bin/smbpasswd -c " + shellQuoted(conf.string()) + " -a -s " + shellQuoted(user)},
                               {}, 30, root);
    INFO(pw.describe());
    REQUIRE(pw.code == 0);
  };
  addSmbPassword(central);
  SmbMount centralMount(root, "central", central, password);
  const fs::path centralShare = centralMount.share();
  if (!waitFor([&] { return fs::exists(centralShare / "inbox"); }, std::chrono::seconds(20)))
    FAIL("the Samba share did not appear at " << centralShare << " through smbnetfs within 20 s\nsmbnetfs:\n"
                                               << centralMount.log() << "\nsmbd:\n"
                                               << tail(logs / "smbd.log"));
  w.share = centralShare;
  {
    const Proc init = w.centralCli({"init", "--share", centralShare.string(), "--keys", w.keys.string()});
    INFO(init.describe());
    REQUIRE(init.code == 0);
  }
  REQUIRE(fs::exists(backing / "dagverk-share.json"));
  CHECK(octalMode(backing / "dagverk-share.json") == "0640"); // written through Samba: the share's mask

  // Two kiosks of one site, each with its own account, folders and mount.
  const Kiosk k = w.addKiosk("liljan");
  const Kiosk other = w.addKiosk("liljan");
  for (const auto& [account, kiosk] : {std::pair{kiosk1, k}, std::pair{kiosk2, other}}) {
    const Proc p = runProcess({"/bin/sh", setup.string(), "add-kiosk", backing.string(), kiosksGroup, account,
                               kiosk.site, kiosk.deviceId},
                              {}, 60, root);
    INFO(p.describe());
    REQUIRE(p.code == 0);
    addSmbPassword(account);
  }
  SmbMount kioskMount(root, "kiosk1", kiosk1, password);
  const fs::path share1 = kioskMount.share();
  if (!waitFor([&] { return fs::exists(share1 / "dagverk-share.json"); }, std::chrono::seconds(20)))
    FAIL("the share did not appear for the kiosk's account at " << share1 << "\nsmbnetfs:\n" << kioskMount.log());
  const auto mounted = std::chrono::steady_clock::now();
  const auto firstIds = w.record(k, 5, true);

  // The kiosk writes its batch through its own account.
  const auto syncStart = std::chrono::steady_clock::now();
  const Proc s1 = w.sync(k, {}, share1);
  const auto syncMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - syncStart);
  INFO(s1.describe());
  REQUIRE(s1.code == 0);
  CHECK(contains(s1.out, "Skickade 11 poster"));
  w.share = backing; // the test looks at the server's folder directly
  REQUIRE(w.inboxFiles(".batch").size() == 1);
  CHECK(w.inboxFiles(".manifest").size() == 1);
  CHECK_NO_STRAYS(w);

  // What a stolen tablet's account (the other kiosk's) tries against the first kiosk's batch,
  // the bundles and the marker. Each try is refused by the server and changes nothing.
  const fs::path batch = fs::path(w.inboxFiles(".batch").front());
  const fs::path batchOnServer = backing / "inbox" / k.site / k.deviceId / batch.filename();
  REQUIRE(fs::exists(batchOnServer));
  const std::string batchBefore = readBytes(batchOnServer);
  const std::string markerBefore = readBytes(backing / "dagverk-share.json");
  const std::string inbox1 = "inbox/" + k.site + "/" + k.deviceId;
  const std::string junk = (root / "junk.bin").string();
  writeBytes(junk, "not a batch");
  const std::vector<std::pair<std::string, std::string>> attacks = {
      {"delete another kiosk's batch", "del " + inbox1 + "/" + batch.filename().string()},
      {"overwrite another kiosk's batch", "put " + junk + " " + inbox1 + "/" + batch.filename().string()},
      {"add a batch to another kiosk's folder", "put " + junk + " " + inbox1 + "/99999999-x.batch"},
      {"rename another kiosk's batch", "rename " + inbox1 + "/" + batch.filename().string() + " " + inbox1 + "/x.batch"},
      {"write a bundle", "put " + junk + " bundles/99999999.bundle"},
      {"overwrite the marker", "put " + junk + " dagverk-share.json"},
      {"delete the marker", "del dagverk-share.json"},
      {"make a folder for another device", "mkdir inbox/" + k.site + "/fake-device"},
      {"read the quarantine", "ls quarantine/*"},
  };
  for (const auto& [what, command] : attacks) {
    const Proc p = smbclient(kiosk2, password, command, root);
    INFO(what << ": " << p.describe());
    CHECK((contains(p.out + p.err, "NT_STATUS_ACCESS_DENIED") || contains(p.out + p.err, "NT_STATUS_OBJECT_NAME_NOT_FOUND") ||
           contains(p.out + p.err, "NT_STATUS_NO_SUCH_FILE") || contains(p.out + p.err, "NT_STATUS_OBJECT_PATH_NOT_FOUND")));
  }
  CHECK(readBytes(batchOnServer) == batchBefore);
  CHECK(readBytes(backing / "dagverk-share.json") == markerBefore);
  CHECK_FALSE(fs::exists(backing / "bundles" / "99999999.bundle"));
  CHECK_FALSE(fs::exists(backing / "inbox" / k.site / k.deviceId / "99999999-x.batch"));
  CHECK_FALSE(fs::exists(backing / "inbox" / k.site / "fake-device"));
  // Its own folder it may write, and enrol/ takes new files from any kiosk; but a kiosk cannot
  // remove or overwrite what another kiosk left there.
  {
    const Proc own = smbclient(kiosk2, password, "put " + junk + " inbox/" + other.site + "/" + other.deviceId + "/x.tmp", root);
    INFO(own.describe());
    CHECK(own.code == 0);
    CHECK(fs::exists(backing / "inbox" / other.site / other.deviceId / "x.tmp"));
    fs::remove(backing / "inbox" / other.site / other.deviceId / "x.tmp");
    const Proc req = smbclient(kiosk2, password, "put " + junk + " enrol/request-kiosk2", root);
    INFO(req.describe());
    CHECK(req.code == 0);
    REQUIRE(fs::exists(backing / "enrol" / "request-kiosk2"));
    for (const std::string& command : {std::string("del enrol/request-kiosk2"), std::string("put " + conf.string() + " enrol/request-kiosk2")}) {
      const Proc p = smbclient(kiosk1, password, command, root);
      INFO(p.describe());
      CHECK(contains(p.out + p.err, "NT_STATUS_ACCESS_DENIED"));
    }
    CHECK(readBytes(backing / "enrol" / "request-kiosk2") == "not a batch");
    fs::remove(backing / "enrol" / "request-kiosk2");
  }

  const Proc imp = w.import({}, {}, centralShare); // central imports through its own account
  INFO(imp.describe());
  REQUIRE(imp.code == 0);
  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  CHECK(w.quarantined().empty());

  // The receipt is visible to the kiosk's account, and the next sync marks the events acknowledged.
  const fs::path receipts = share1 / "receipts" / k.deviceId;
  CHECK(waitFor([&] { return !filesUnder(receipts).empty(); }, std::chrono::seconds(10)));
  const Proc s2 = w.sync(k, {}, share1);
  INFO(s2.describe());
  REQUIRE(s2.code == 0);
  CHECK(contains(s2.out, "bekräftat"));
  CHECK(World::acked(k) == static_cast<long long>(firstIds.size()));
  // The other kiosk's account cannot even read that receipt.
  {
    const Proc p = smbclient(kiosk2, password, "ls receipts/" + k.deviceId + "/*", root);
    INFO(p.describe());
    CHECK_FALSE(contains(p.out, ".receipt"));
  }

  // A second week: more check-ins, sync, import, sync; still every event exactly once.
  w.record(k, 4);
  REQUIRE(w.sync(k, {}, share1).code == 0);
  REQUIRE(w.import({}, {}, centralShare).code == 0);
  const Proc s3 = w.sync(k, {}, share1);
  INFO(s3.describe());
  REQUIRE(s3.code == 0);
  CHECK_CENTRAL_EQUALS_KIOSKS(w);
  CHECK(World::acked(k) == static_cast<long long>(World::kioskEvents(k).size()));
  CHECK(w.centralIntegrity() == "ok");
  CHECK_NO_STRAYS(w);
  CHECK(smbd.running());
  CHECK(centralMount.running());
  CHECK(kioskMount.running());

  const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  WARN("SMB end-to-end: " << ms(std::chrono::steady_clock::now() - started) << " ms in all, "
                          << ms(mounted - started) << " ms to start smbd and mount, first sync through the mount "
                          << syncMs.count() << " ms");
}
