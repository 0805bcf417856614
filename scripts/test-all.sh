#!/usr/bin/env bash
# Command 2: install what is missing, build, and run every test headless: first the normal
# build, then a short libFuzzer run of every reader of outside input (clang), then the same tests
# under AddressSanitizer + UndefinedBehaviorSanitizer, then the threaded tests under
# ThreadSanitizer. Some sync tests need root: tmpfs mounts
# (a full share, a full data disk) and Samba on 127.0.0.1:445 for the SMB end-to-end test.
# After the release tests: the Debian packages (cpack, dpkg-deb, dpkg-shlibdeps, lintian) and,
# as root, installing them here, the installed programs, systemd-analyze verify and the kiosk
# session under cage (headless) — then they are purged again. Without root that stage says
# what it skipped.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export SDL_VIDEODRIVER=offscreen
export SDL_AUDIODRIVER=dummy
jobs="$(nproc 2>/dev/null || echo 2)"

"$root/scripts/install-deps.sh" --tests

echo "== build (RelWithDebInfo) =="
"$root/scripts/build.sh" release
echo "== tests (RelWithDebInfo) =="
ctest --test-dir "$root/build" --output-on-failure -j"$jobs"

echo "== Debian packages and the kiosk session under cage =="
"$root/tests/package/package_test.sh" "$root/build"

echo "== fuzzing (clang libFuzzer, 20 s per target) =="
"$root/scripts/fuzz.sh" 20

echo "== build (ASan+UBSan) =="
"$root/scripts/build.sh" asan
echo "== tests (ASan+UBSan) =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure -j"$jobs"
echo "== tests that start threads (ThreadSanitizer) =="
"$root/scripts/tsan.sh"
echo "Screenshots from the UI tests: $root/build/screenshots/"
