#!/usr/bin/env bash
# The Debian packages, proven: `cpack -G DEB` in a build tree, then for each package its file
# name, files, Depends (against dpkg-shlibdeps run here on the packaged binary), maintainer
# scripts and lintian (no errors). As root it installs both packages on this machine, checks the
# system users and 0700 data directories the maintainer scripts made, runs the installed
# programs (--version, a headless start with the installed fonts, the kiosk session under cage)
# and `systemd-analyze verify` on the installed units, then purges them and removes the users
# and directories it made. Without root it unpacks the kiosk into a throw-away root instead and
# says what it skipped.
# Usage: tests/package/package_test.sh [BUILD_DIR]   (default: build, the release tree)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
work="$(mktemp -d /tmp/dagverk-package.XXXXXX)"
shots="$build/screenshots"
installed_here=0
cleanup() {
  if [ "$installed_here" = 1 ]; then
    dpkg --purge dagverk dagverk-central >/dev/null 2>&1 || true
    for u in dagverk dagverk-central; do
      if getent passwd "$u" >/dev/null; then deluser --system "$u" >/dev/null 2>&1 || true; fi
      if getent group "$u" >/dev/null; then delgroup --system "$u" >/dev/null 2>&1 || true; fi
    done
    rm -rf /var/lib/dagverk /var/lib/dagverk-central
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps lintian; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh --tests installs it)"
done
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"

echo "-- cpack -G DEB in $build"
cmake --build "$build" --target dagverk dagverk-central dagverk_changelog -j"$(nproc)" >/dev/null
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack"; }
kiosk_deb="$build/dagverk_${version}_amd64.deb"
central_deb="$build/dagverk-central_${version}_amd64.deb"
[ -f "$kiosk_deb" ] || fail "no $kiosk_deb"
[ -f "$central_deb" ] || fail "no $central_deb"

# has_file DEB PATH MODE: the package holds PATH with the permissions MODE (ls -l form).
has_file() {
  dpkg-deb -c "$1" | awk -v p="./$2" -v m="$3" '$6 == p && $1 == m { found = 1 } END { exit !found }' ||
    fail "$(basename "$1") has no $2 with mode $3"
}
check_depends() { # DEB BINARY-IN-PACKAGE
  local deb="$1" bin="$2" x="$work/x-$(basename "$1")" depends shlibs dep
  mkdir -p "$x/debian" && : >"$x/debian/control"
  dpkg-deb -x "$deb" "$x"
  depends="$(dpkg-deb -f "$deb" Depends)"
  shlibs="$(cd "$x" && dpkg-shlibdeps -O "$bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
  [ -n "$shlibs" ] || fail "dpkg-shlibdeps found nothing for $bin"
  IFS=',' read -ra wanted <<<"$shlibs"
  for dep in "${wanted[@]}"; do
    dep="$(echo "$dep" | sed 's/^ *//; s/ *$//')"
    grep -qF "$dep" <<<"$depends" || fail "$(basename "$deb"): Depends lacks '$dep' (dpkg-shlibdeps); it has: $depends"
  done
  echo "$(basename "$deb"): Depends: $depends"
}
check_scripts() { # DEB USER
  local deb="$1" user="$2" c="$work/c-$(basename "$1")"
  dpkg-deb -e "$deb" "$c"
  for s in postinst prerm postrm; do
    [ -x "$c/$s" ] || fail "$(basename "$deb") has no executable $s"
    sh -n "$c/$s" || fail "$(basename "$deb"): $s is not valid sh"
  done
  grep -q "adduser --system --group --home /var/lib/$user" "$c/postinst" || fail "$(basename "$deb"): postinst makes no user $user"
  grep -q "install -d -o $user -g $user -m 0700 /var/lib/$user" "$c/postinst" || fail "$(basename "$deb"): postinst makes no 0700 /var/lib/$user"
}

echo "-- contents"
has_file "$kiosk_deb" usr/bin/dagverk -rwxr-xr-x
has_file "$kiosk_deb" lib/systemd/system/dagverk-kiosk.service -rw-r--r--
has_file "$kiosk_deb" usr/share/applications/dagverk.desktop -rw-r--r--
has_file "$kiosk_deb" usr/share/doc/dagverk/copyright -rw-r--r--
has_file "$kiosk_deb" usr/share/doc/dagverk/changelog.gz -rw-r--r--
has_file "$central_deb" usr/bin/dagverk-central -rwxr-xr-x
has_file "$central_deb" lib/systemd/system/dagverk-central.service -rw-r--r--
has_file "$central_deb" etc/default/dagverk-central -rw-r--r--
has_file "$central_deb" usr/share/doc/dagverk-central/copyright -rw-r--r--
if dpkg-deb -c "$kiosk_deb" | grep -q dagverk-central; then fail "the kiosk package holds central files"; fi
if dpkg-deb -c "$central_deb" | grep -q "usr/bin/dagverk$"; then fail "the central package holds the kiosk"; fi
dpkg-deb -I "$central_deb" conffiles | grep -qx /etc/default/dagverk-central || fail "/etc/default/dagverk-central is no conffile"
check_depends "$kiosk_deb" usr/bin/dagverk
check_depends "$central_deb" usr/bin/dagverk-central
for d in fonts-dejavu-core fonts-noto-color-emoji tzdata adduser; do
  dpkg-deb -f "$kiosk_deb" Depends | grep -q "$d" || fail "the kiosk does not depend on $d"
done
check_scripts "$kiosk_deb" dagverk
check_scripts "$central_deb" dagverk-central

echo "-- lintian"
lintian --tag-display-limit 0 --fail-on error "$kiosk_deb" "$central_deb" 2>&1 | grep -v "root privileges" | tee "$work/lintian.txt" ||
  true
if grep -q "^E:" "$work/lintian.txt"; then fail "lintian reports errors"; fi
echo "lintian: no errors ($(grep -c "^W:" "$work/lintian.txt" || true) warnings)"

# Headless start of an installed kiosk: the demo unit, a few frames, a screenshot. Run with a
# clean environment and from / so nothing of the build tree (fonts, data) can be found.
headless_start() { # BIN USER(or "") DATA SHOT
  local as=()
  [ -n "$2" ] && as=(runuser -u "$2" --)
  (cd / && "${as[@]}" env -i PATH=/usr/bin:/bin SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy \
    "$1" --data-dir "$3" --demo --size 1280x800 --screenshot "$4") >"$work/headless.log" 2>&1 ||
    { cat "$work/headless.log" >&2; fail "headless start of $1"; }
  [ -s "$4" ] || fail "headless start wrote no screenshot"
  grep -q "kiosk started" "$work/headless.log" || fail "headless start did not log its start"
  echo "headless start of $1: ok"
}

if [ "$(id -u)" -ne 0 ]; then
  skip "installing the packages, their maintainer scripts, systemd-analyze verify and the cage session need root; unpacking the kiosk into a throw-away root instead"
  tr="$work/root"
  dpkg-deb -x "$kiosk_deb" "$tr"
  "$tr/usr/bin/dagverk" --version | grep -qF "dagverk $version" || fail "--version of the unpacked kiosk"
  mkdir -p "$work/data" && chmod 0700 "$work/data"
  headless_start "$tr/usr/bin/dagverk" "" "$work/data" "$work/headless.png"
  echo "PASS: packages (unpacked, not installed)"
  exit 0
fi

echo "-- install on this machine"
for p in dagverk dagverk-central; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    skip "$p is already installed on this machine; the test does not replace or remove it"
    echo "PASS: packages (built and checked, not installed)"
    exit 0
  fi
done
for u in dagverk dagverk-central; do
  if getent passwd "$u" >/dev/null || [ -e "/var/lib/$u" ]; then
    skip "the user $u or /var/lib/$u exists already; the test does not install over them"
    echo "PASS: packages (built and checked, not installed)"
    exit 0
  fi
done
installed_here=1
dpkg -i "$kiosk_deb" "$central_deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
for u in dagverk dagverk-central; do
  getent passwd "$u" >/dev/null || fail "postinst made no user $u"
  [ "$(getent passwd "$u" | cut -d: -f7)" = /usr/sbin/nologin ] || fail "$u can log in"
  [ "$(stat -c '%a %U %G' "/var/lib/$u")" = "700 $u $u" ] || fail "/var/lib/$u is $(stat -c '%a %U %G' "/var/lib/$u")"
done
echo "maintainer scripts: users dagverk and dagverk-central, /var/lib/dagverk and /var/lib/dagverk-central 0700"
/usr/bin/dagverk --version | grep -qF "dagverk $version" || fail "/usr/bin/dagverk --version: $(/usr/bin/dagverk --version)"
/usr/bin/dagverk-central --version | grep -qF "dagverk-central $version" || fail "/usr/bin/dagverk-central --version"
echo "$(/usr/bin/dagverk --version); $(/usr/bin/dagverk-central --version)"
mkdir -p "$shots"
headless_start /usr/bin/dagverk dagverk /var/lib/dagverk /var/lib/dagverk/headless.png
cp /var/lib/dagverk/headless.png "$shots/package-headless.png"
rm /var/lib/dagverk/headless.png
[ "$(stat -c '%a' /var/lib/dagverk/dagverk.sqlite)" = 600 ] || fail "the installed kiosk's database is not 0600"

echo "-- systemd-analyze verify"
systemd-analyze verify /lib/systemd/system/dagverk-kiosk.service /lib/systemd/system/dagverk-central.service \
  >"$work/verify.log" 2>&1 || { cat "$work/verify.log" >&2; fail "systemd-analyze verify"; }
if [ -s "$work/verify.log" ]; then cat "$work/verify.log" >&2; fail "systemd-analyze verify printed warnings"; fi
echo "systemd-analyze verify: both units clean"

echo "-- the kiosk session under cage"
if ! command -v cage >/dev/null || ! command -v grim >/dev/null || ! command -v tesseract >/dev/null; then
  skip "cage session: cage, grim or tesseract is not installed (scripts/install-deps.sh --tests)"
else
  site_name="$(runuser -u dagverk -- /usr/bin/dagverk status --data-dir /var/lib/dagverk --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["siteName"])')"
  "$root/tests/package/cage_session.sh" dagverk /usr/bin/dagverk /var/lib/dagverk "$site_name" "$shots"
fi

dpkg --purge dagverk dagverk-central >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg --purge"; }
[ ! -e /usr/bin/dagverk ] || fail "purge left /usr/bin/dagverk"
echo "PASS: packages (built, checked, installed, run, purged)"
