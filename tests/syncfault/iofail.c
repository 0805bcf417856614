/* iofail: an LD_PRELOAD shim that makes one file-system call fail, or kills the process in it.
 *
 * Environment (read once, at load):
 *   IOFAIL_DIR    only calls on paths under this directory count (prefix match; for calls on a
 *                 file descriptor the path comes from /proc/self/fd). Unset: the shim does nothing.
 *   IOFAIL_OP     which calls count: write (write, pwrite, pwrite64, writev), fsync (fsync,
 *                 fdatasync), rename (rename, renameat, renameat2), link (link, linkat),
 *                 open (open, open64, openat, openat64, fopen, fopen64; only opens that may
 *                 create or write).
 *   IOFAIL_N      the matching call (1-based) that fails; 0 = never (count only). Default 1.
 *   IOFAIL_ERRNO  EIO, ENOSPC, EDQUOT, EROFS, EACCES or a number. Default EIO.
 *   IOFAIL_KILL   1: instead of failing, SIGKILL the process in that call (a write first writes
 *                 half of its bytes, so the file is left torn as by a power cut).
 *   IOFAIL_TRACE  a file that gets one line "<op> <n> <path>" per matching call, and the line
 *                 "iofail: injected <op> #<n> <path>" when the fault fires.
 *
 * The tests use the trace of a clean run to know how many matching calls there are, then run
 * once per call number with the fault at that call.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

enum op_kind { OP_NONE, OP_WRITE, OP_FSYNC, OP_RENAME, OP_LINK, OP_OPEN };

static int g_ready;
static enum op_kind g_op = OP_NONE;
static char g_dir[PATH_MAX];
static char g_dir_real[PATH_MAX];
static long g_target = 1;
static int g_errno = EIO;
static int g_kill;
static int g_trace_fd = -1;
static long g_count;
static __thread int t_inside;

static const char* op_name(enum op_kind op) {
  switch (op) {
  case OP_WRITE: return "write";
  case OP_FSYNC: return "fsync";
  case OP_RENAME: return "rename";
  case OP_LINK: return "link";
  case OP_OPEN: return "open";
  default: return "none";
  }
}

static int parse_errno(const char* s) {
  if (!s || !*s) return EIO;
  if (strcmp(s, "EIO") == 0) return EIO;
  if (strcmp(s, "ENOSPC") == 0) return ENOSPC;
  if (strcmp(s, "EDQUOT") == 0) return EDQUOT;
  if (strcmp(s, "EROFS") == 0) return EROFS;
  if (strcmp(s, "EACCES") == 0) return EACCES;
  return atoi(s) > 0 ? atoi(s) : EIO;
}

static void strip_slashes(char* p) {
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/') p[--n] = '\0';
}

__attribute__((constructor)) static void iofail_init(void) {
  const char* dir = getenv("IOFAIL_DIR");
  const char* op = getenv("IOFAIL_OP");
  if (!dir || !*dir || !op || !*op) return;
  if (strcmp(op, "write") == 0) g_op = OP_WRITE;
  else if (strcmp(op, "fsync") == 0) g_op = OP_FSYNC;
  else if (strcmp(op, "rename") == 0) g_op = OP_RENAME;
  else if (strcmp(op, "link") == 0) g_op = OP_LINK;
  else if (strcmp(op, "open") == 0 || strcmp(op, "openat") == 0) g_op = OP_OPEN;
  else {
    static const char msg[] = "iofail: unknown IOFAIL_OP\n";
    (void)syscall(SYS_write, 2, msg, sizeof msg - 1);
    _exit(97);
  }
  snprintf(g_dir, sizeof g_dir, "%s", dir);
  strip_slashes(g_dir);
  if (!realpath(g_dir, g_dir_real)) snprintf(g_dir_real, sizeof g_dir_real, "%s", g_dir);
  const char* n = getenv("IOFAIL_N");
  if (n && *n) g_target = atol(n);
  g_errno = parse_errno(getenv("IOFAIL_ERRNO"));
  const char* k = getenv("IOFAIL_KILL");
  g_kill = k && strcmp(k, "1") == 0;
  const char* trace = getenv("IOFAIL_TRACE");
  if (trace && *trace)
    g_trace_fd = (int)syscall(SYS_openat, AT_FDCWD, trace, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  g_ready = 1;
}

static int under(const char* dir, const char* path) {
  const size_t n = strlen(dir);
  if (n == 0 || strncmp(dir, path, n) != 0) return 0;
  return path[n] == '\0' || path[n] == '/' || (n == 1 && dir[0] == '/');
}

/* The absolute form of `path` (relative to dirfd), without resolving symlinks. */
static void absolute(int dirfd, const char* path, char* out, size_t size) {
  if (path[0] == '/') {
    snprintf(out, size, "%s", path);
    return;
  }
  char base[PATH_MAX] = "";
  if (dirfd == AT_FDCWD) {
    if (!getcwd(base, sizeof base)) base[0] = '\0';
  } else {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
    const ssize_t len = readlink(link, base, sizeof base - 1);
    base[len > 0 ? len : 0] = '\0';
  }
  snprintf(out, size, "%s/%s", base, path);
}

static int path_matches(int dirfd, const char* path) {
  if (!path) return 0;
  char abs[PATH_MAX * 2];
  absolute(dirfd, path, abs, sizeof abs);
  return under(g_dir, abs) || under(g_dir_real, abs);
}

static int fd_path(int fd, char* out, size_t size) {
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t len = readlink(link, out, size - 1);
  if (len <= 0) return 0;
  out[len] = '\0';
  return 1;
}

static void trace_line(const char* prefix, long n, const char* path) {
  if (g_trace_fd < 0) return;
  char line[PATH_MAX + 128];
  const int len = snprintf(line, sizeof line, "%s%s %ld %s\n", prefix, op_name(g_op), n, path);
  if (len > 0) (void)syscall(SYS_write, g_trace_fd, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
}

/* 0: let the call through; 1: fail it (errno set); 2: kill in it (caller decides how). */
static int decide(enum op_kind op, const char* path) {
  if (!g_ready || op != g_op || t_inside) return 0;
  const long n = __atomic_add_fetch(&g_count, 1, __ATOMIC_SEQ_CST);
  trace_line("", n, path);
  if (g_target <= 0 || n != g_target) return 0;
  trace_line("iofail: injected ", n, path);
  if (g_kill) return 2;
  {
    char msg[PATH_MAX + 96];
    const int len = snprintf(msg, sizeof msg, "iofail: injected %s #%ld (%s) on %s\n", op_name(op), n,
                             strerror(g_errno), path);
    if (len > 0) (void)syscall(SYS_write, 2, msg, (size_t)len < sizeof msg ? (size_t)len : sizeof msg - 1);
  }
  errno = g_errno;
  return 1;
}

static void die_now(void) {
  (void)syscall(SYS_kill, getpid(), SIGKILL);
  for (;;) pause();
}

static int decide_path(enum op_kind op, int dirfd, const char* path) {
  if (!g_ready || op != g_op || t_inside) return 0;
  if (!path_matches(dirfd, path)) return 0;
  char abs[PATH_MAX * 2];
  absolute(dirfd, path, abs, sizeof abs);
  return decide(op, abs);
}

static int decide_fd(enum op_kind op, int fd) {
  if (!g_ready || op != g_op || t_inside) return 0;
  char path[PATH_MAX];
  if (!fd_path(fd, path, sizeof path)) return 0;
  if (!under(g_dir, path) && !under(g_dir_real, path)) return 0;
  return decide(op, path);
}

#define REAL(name, type)                                                                                             \
  static type real_##name;                                                                                           \
  if (!real_##name) {                                                                                                \
    t_inside++;                                                                                                      \
    void* sym_ = dlsym(RTLD_NEXT, #name);                                                                            \
    memcpy(&real_##name, &sym_, sizeof sym_); /* ISO C has no object-to-function pointer cast */                     \
    t_inside--;                                                                                                      \
  }

/* --- write --------------------------------------------------------------------------------- */
typedef ssize_t (*write_fn)(int, const void*, size_t);
typedef ssize_t (*pwrite_fn)(int, const void*, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void*, size_t, off64_t);
typedef ssize_t (*writev_fn)(int, const struct iovec*, int);

EXPORT ssize_t write(int fd, const void* buf, size_t count) {
  REAL(write, write_fn);
  const int d = decide_fd(OP_WRITE, fd);
  if (d == 1) return -1;
  if (d == 2) {
    if (count > 1) (void)real_write(fd, buf, count / 2);
    die_now();
  }
  return real_write(fd, buf, count);
}

EXPORT ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
  REAL(pwrite, pwrite_fn);
  const int d = decide_fd(OP_WRITE, fd);
  if (d == 1) return -1;
  if (d == 2) {
    if (count > 1) (void)real_pwrite(fd, buf, count / 2, offset);
    die_now();
  }
  return real_pwrite(fd, buf, count, offset);
}

EXPORT ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset) {
  REAL(pwrite64, pwrite64_fn);
  const int d = decide_fd(OP_WRITE, fd);
  if (d == 1) return -1;
  if (d == 2) {
    if (count > 1) (void)real_pwrite64(fd, buf, count / 2, offset);
    die_now();
  }
  return real_pwrite64(fd, buf, count, offset);
}

EXPORT ssize_t writev(int fd, const struct iovec* iov, int iovcnt) {
  REAL(writev, writev_fn);
  const int d = decide_fd(OP_WRITE, fd);
  if (d == 1) return -1;
  if (d == 2) {
    if (iovcnt > 0 && iov[0].iov_len > 1) (void)syscall(SYS_write, fd, iov[0].iov_base, iov[0].iov_len / 2);
    die_now();
  }
  return real_writev(fd, iov, iovcnt);
}

/* --- fsync --------------------------------------------------------------------------------- */
typedef int (*fsync_fn)(int);

EXPORT int fsync(int fd) {
  REAL(fsync, fsync_fn);
  const int d = decide_fd(OP_FSYNC, fd);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_fsync(fd);
}

EXPORT int fdatasync(int fd) {
  REAL(fdatasync, fsync_fn);
  const int d = decide_fd(OP_FSYNC, fd);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_fdatasync(fd);
}

/* --- rename -------------------------------------------------------------------------------- */
typedef int (*rename_fn)(const char*, const char*);
typedef int (*renameat_fn)(int, const char*, int, const char*);
typedef int (*renameat2_fn)(int, const char*, int, const char*, unsigned int);

static int decide_two(enum op_kind op, int fd1, const char* p1, int fd2, const char* p2) {
  if (!g_ready || op != g_op || t_inside) return 0;
  if (path_matches(fd2, p2)) return decide_path(op, fd2, p2);
  return decide_path(op, fd1, p1);
}

EXPORT int rename(const char* from, const char* to) {
  REAL(rename, rename_fn);
  const int d = decide_two(OP_RENAME, AT_FDCWD, from, AT_FDCWD, to);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_rename(from, to);
}

EXPORT int renameat(int fromfd, const char* from, int tofd, const char* to) {
  REAL(renameat, renameat_fn);
  const int d = decide_two(OP_RENAME, fromfd, from, tofd, to);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_renameat(fromfd, from, tofd, to);
}

EXPORT int renameat2(int fromfd, const char* from, int tofd, const char* to, unsigned int flags) {
  REAL(renameat2, renameat2_fn);
  const int d = decide_two(OP_RENAME, fromfd, from, tofd, to);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_renameat2(fromfd, from, tofd, to, flags);
}

/* --- link ---------------------------------------------------------------------------------- */
typedef int (*link_fn)(const char*, const char*);
typedef int (*linkat_fn)(int, const char*, int, const char*, int);

EXPORT int link(const char* from, const char* to) {
  REAL(link, link_fn);
  const int d = decide_two(OP_LINK, AT_FDCWD, from, AT_FDCWD, to);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_link(from, to);
}

EXPORT int linkat(int fromfd, const char* from, int tofd, const char* to, int flags) {
  REAL(linkat, linkat_fn);
  const int d = decide_two(OP_LINK, fromfd, from, tofd, to);
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_linkat(fromfd, from, tofd, to, flags);
}

/* --- open ---------------------------------------------------------------------------------- */
typedef int (*open_fn)(const char*, int, ...);
typedef int (*openat_fn)(int, const char*, int, ...);

static int opens_for_writing(int flags) { return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0; }

static mode_t mode_of(int flags, va_list ap) {
  if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) return (mode_t)va_arg(ap, unsigned int);
  return 0;
}

EXPORT int open(const char* path, int flags, ...) {
  REAL(open, open_fn);
  va_list ap;
  va_start(ap, flags);
  const mode_t mode = mode_of(flags, ap);
  va_end(ap);
  const int d = opens_for_writing(flags) ? decide_path(OP_OPEN, AT_FDCWD, path) : 0;
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_open(path, flags, mode);
}

EXPORT int open64(const char* path, int flags, ...) {
  REAL(open64, open_fn);
  va_list ap;
  va_start(ap, flags);
  const mode_t mode = mode_of(flags, ap);
  va_end(ap);
  const int d = opens_for_writing(flags) ? decide_path(OP_OPEN, AT_FDCWD, path) : 0;
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_open64(path, flags, mode);
}

EXPORT int openat(int dirfd, const char* path, int flags, ...) {
  REAL(openat, openat_fn);
  va_list ap;
  va_start(ap, flags);
  const mode_t mode = mode_of(flags, ap);
  va_end(ap);
  const int d = opens_for_writing(flags) ? decide_path(OP_OPEN, dirfd, path) : 0;
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_openat(dirfd, path, flags, mode);
}

EXPORT int openat64(int dirfd, const char* path, int flags, ...) {
  REAL(openat64, openat_fn);
  va_list ap;
  va_start(ap, flags);
  const mode_t mode = mode_of(flags, ap);
  va_end(ap);
  const int d = opens_for_writing(flags) ? decide_path(OP_OPEN, dirfd, path) : 0;
  if (d == 1) return -1;
  if (d == 2) die_now();
  return real_openat64(dirfd, path, flags, mode);
}

/* std::ofstream opens through fopen (whose own open is internal to glibc). */
typedef FILE* (*fopen_fn)(const char*, const char*);

static int mode_writes(const char* mode) { return mode && (strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, '+')); }

EXPORT FILE* fopen(const char* path, const char* mode) {
  REAL(fopen, fopen_fn);
  const int d = mode_writes(mode) ? decide_path(OP_OPEN, AT_FDCWD, path) : 0;
  if (d == 1) return NULL;
  if (d == 2) die_now();
  return real_fopen(path, mode);
}

EXPORT FILE* fopen64(const char* path, const char* mode) {
  REAL(fopen64, fopen_fn);
  const int d = mode_writes(mode) ? decide_path(OP_OPEN, AT_FDCWD, path) : 0;
  if (d == 1) return NULL;
  if (d == 2) die_now();
  return real_fopen64(path, mode);
}
