#!/usr/bin/env bash
# The tests that start threads, built and run under ThreadSanitizer: the kiosk's sync worker
# (the Synkronisera screen and the share check) and writers racing on the share. Tagged
# [threads] in the test sources. Part of the test command; runs alone too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export SDL_VIDEODRIVER=offscreen
export SDL_AUDIODRIVER=dummy
"$root/scripts/build.sh" tsan ui_tests sync_tests
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
status=0
for t in tests/ui/ui_tests tests/sync/sync_tests; do
  echo "== ThreadSanitizer: $t [threads] =="
  "$root/build-tsan/$t" "[threads]" --warn NoTests || status=1
done
exit $status
