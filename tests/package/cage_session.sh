#!/usr/bin/env bash
# The kiosk session as dagverk-kiosk.service runs it, proven headless: cage with wlroots'
# headless backend and software rendering, the kiosk as a Wayland client, fullscreen. grim
# screenshots the output, tesseract reads the site's name from it, and after `kill -9` of the
# kiosk a second start comes back on the same data (what Restart=always relies on).
# Usage (as root): cage_session.sh USER BIN DATA_DIR SITE_NAME OUT_DIR
# cage refuses to run as root, so the session runs as USER (the package's `dagverk`).
set -euo pipefail
user="$1" bin="$2" data="$3" site_name="$4" out="$5"
mkdir -p "$out"
# Debian's cage 0.1.4 always starts Xwayland, whose socket directory must belong to root.
if [ ! -d /tmp/.X11-unix ]; then install -d -m 1777 -o root -g root /tmp/.X11-unix; fi
[ "$(stat -c %U /tmp/.X11-unix)" = root ] || { echo "FAIL: /tmp/.X11-unix is not owned by root" >&2; exit 1; }
run="$(mktemp -d /tmp/dagverk-cage.XXXXXX)"
chown "$user" "$run"
chmod 0700 "$run"
cage_pid=""
cleanup() {
  if [ -n "$cage_pid" ]; then kill -- "-$cage_pid" 2>/dev/null || true; fi
  rm -rf "$run"
}
trap cleanup EXIT

as_user() { runuser -u "$user" -- env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$run" "$@"; }

# Corner pixels of a PPM screenshot: the kiosk's background in all four corners means it fills
# the output (fullscreen, no black border, no desktop behind it).
corners_filled() {
  python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:  # P6 width height maxval, separated by whitespace
    while data[pos:pos + 1].isspace(): pos += 1
    start = pos
    while not data[pos:pos + 1].isspace(): pos += 1
    fields.append(data[start:pos])
pos += 1
w, h = int(fields[1]), int(fields[2])
def px(x, y):
    i = pos + (y * w + x) * 3
    return tuple(data[i:i + 3])
corners = [px(2, 2), px(w - 3, 2), px(2, h - 3), px(w - 3, h - 3)]
print(f"output {w}x{h}, corners {corners}")
ok = all(c == corners[0] for c in corners) and sum(corners[0]) > 600
sys.exit(0 if ok else 1)
PY
}

start_session() { # $1: round name
  local log="$out/cage-$1.log"
  rm -f "$run"/wayland-*
  # setsid: cage, Xwayland and the kiosk in a process group of their own, stopped together.
  setsid runuser -u "$user" -- env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$run" WLR_BACKENDS=headless \
    WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman WLR_HEADLESS_OUTPUTS=1 SDL_VIDEODRIVER=wayland \
    DAGVERK_DATA_DIR="$data" cage -- "$bin" --fullscreen >"$log" 2>&1 &
  cage_pid=$!
  # The kiosk logs "kiosk started" once its window and renderer are up.
  for _ in $(seq 1 100); do
    if grep -q "kiosk started" "$log" && [ -S "$run/wayland-0" ]; then break; fi
    if ! kill -0 "$cage_pid" 2>/dev/null; then
      echo "FAIL: cage ($1) exited early:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
  grep -q "kiosk started" "$log" || { echo "FAIL: the kiosk did not start under cage ($1)" >&2; cat "$log" >&2; exit 1; }
  grep -q "renderer accelerated" "$log" || { echo "FAIL: the kiosk is not drawing through OpenGL ES under cage" >&2; exit 1; }
  sleep 2 # the first frames, and the fullscreen configure
  as_user WAYLAND_DISPLAY=wayland-0 grim -t ppm "$run/shot.ppm"
  as_user WAYLAND_DISPLAY=wayland-0 grim "$run/shot.png"
  cp "$run/shot.png" "$out/cage-$1.png"
  corners_filled "$run/shot.ppm" || { echo "FAIL: the kiosk does not fill the output ($1)" >&2; exit 1; }
  local text
  text="$(tesseract "$run/shot.png" - -l swe 2>/dev/null)"
  if ! grep -qF "$site_name" <<<"$text"; then
    echo "FAIL: the screenshot ($out/cage-$1.png) does not show the site's name '$site_name'; tesseract read:" >&2
    echo "$text" >&2
    exit 1
  fi
  echo "cage ($1): fullscreen, '$site_name' read from $out/cage-$1.png"
}

start_session first
kiosk_pid="$(pgrep -u "$user" -x "$(basename "$bin")" | head -1)"
[ -n "$kiosk_pid" ] || { echo "FAIL: no kiosk process under cage" >&2; exit 1; }
kill -9 "$kiosk_pid"
# cage ends with its only client.
for _ in $(seq 1 50); do kill -0 "$cage_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$cage_pid" 2>/dev/null; then echo "FAIL: cage outlived its killed kiosk" >&2; exit 1; fi
wait "$cage_pid" || true
cage_pid=""
echo "cage: kiosk killed with SIGKILL, cage ended"
start_session after-kill
kill -- "-$cage_pid"
wait "$cage_pid" || true
cage_pid=""
for _ in $(seq 1 50); do pgrep -u "$user" >/dev/null || break; sleep 0.1; done
if pgrep -u "$user" >/dev/null; then echo "FAIL: the session left processes of $user" >&2; exit 1; fi
echo "PASS: cage session (fullscreen, site name on screen, back after kill -9)"
