#!/usr/bin/env bash
# Command 1: install what the programs need, build only the two programs (no tests, no
# benchmarks: scripts/test-all.sh builds those), and start the kiosk on the demo unit.
# The demo data directory is made on the first run (default: build/demo-data; or $DAGVERK_DEMO_DIR).
# Extra arguments go to dagverk, e.g. --site trofast or --fullscreen.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" programs
data="${DAGVERK_DEMO_DIR:-$root/build/demo-data}"
bin="$root/build/app/kiosk/dagverk"
if [ -f "$data/dagverk.sqlite" ]; then
  exec "$bin" --data-dir "$data" "$@"
else
  exec "$bin" --data-dir "$data" --demo "$@"
fi
