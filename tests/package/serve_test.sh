#!/usr/bin/env bash
# `dagverk-central serve`, the program the central unit runs, on a real share: a kiosk sends a
# batch, the service imports it at start, a second batch arrives and is imported on the next
# interval, SIGTERM stops the service (exit 0), the log names no one. A bad interval is a usage
# error (2); an unmounted share is logged and the service keeps going.
# Usage: serve_test.sh DAGVERK DAGVERK_CENTRAL DEMO_DATA_DIR
set -euo pipefail
kiosk="$1" central="$2" demo="$3"
t="$(mktemp -d /tmp/dagverk-serve.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$t"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$t/serve.log" ] && cat "$t/serve.log" >&2; exit 1; }
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
wait_for() { # PATTERN COUNT: until the log has COUNT lines matching PATTERN (20 s at most)
  for _ in $(seq 1 200); do
    [ "$(grep -c -- "$1" "$t/serve.log" || true)" -ge "$2" ] && return 0
    sleep 0.1
  done
  fail "no '$1' (x$2) in the service's log"
}

mkdir "$t/share"
"$central" init --share "$t/share" --keys "$t/keys" >/dev/null
"$kiosk" --data-dir "$t/kiosk" --demo --frames 1 2>/dev/null
# Enrolment by one-time code: central's offer, the code typed on the kiosk, central accepts.
code=$("$central" enroll --share "$t/share" --keys "$t/keys" --site liljan | grep -Eo '^ +[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$' | tr -d ' ')
[ -n "$code" ] || fail "dagverk-central enroll printed no code"
"$kiosk" enroll --data-dir "$t/kiosk" --share "$t/share" --code "$code" >/dev/null
"$central" enroll --share "$t/share" --keys "$t/keys" --accept >/dev/null
"$central" publish --share "$t/share" --keys "$t/keys" --roster "$demo/participants.csv" \
  --activities "$demo/activities.csv" --staff "$demo/staff.csv" --sites "$demo/sites.csv" >/dev/null
"$kiosk" checkin --data-dir "$t/kiosk" --participant P0001 >/dev/null
"$kiosk" headcount --data-dir "$t/kiosk" --count 23 >/dev/null
"$kiosk" sync --data-dir "$t/kiosk" --share "$t/share" >/dev/null

# A bad interval: usage error, nothing started.
set +e
"$central" serve --share "$t/share" --keys "$t/keys" --db "$t/central.sqlite" --import-every 2s 2>/dev/null
rc=$?
set -e
[ $rc -eq 2 ] || fail "--import-every 2s gave exit $rc, not 2"
[ ! -e "$t/central.sqlite" ] || fail "a refused serve created the database"

"$central" serve --share "$t/share" --keys "$t/keys" --db "$t/central.sqlite" --import-every 10s 2>"$t/serve.log" &
pid=$!
wait_for "import run: 1 batches imported, 0 already imported, 0 quarantined, 2 new events" 1
echo "serve: the batch waiting at start is imported"
# A second batch, while the service waits: imported on the next run, not before.
"$kiosk" checkout --data-dir "$t/kiosk" --participant P0001 >/dev/null
"$kiosk" sync --data-dir "$t/kiosk" --share "$t/share" >/dev/null
[ "$(grep -c "import run" "$t/serve.log")" -eq 1 ] || fail "the service imported before its interval"
wait_for "import run: 1 batches imported, 1 already imported, 0 quarantined, 1 new events" 1
echo "serve: the next batch is imported on the next run"
"$central" status --db "$t/central.sqlite" --json | grep -q '"events":3' || fail "central does not hold the 3 events"

kill -TERM "$pid"
set +e
wait "$pid"
rc=$?
set -e
pid=""
[ $rc -eq 0 ] || fail "SIGTERM gave exit $rc, not 0"
grep -q "stopping on signal 15" "$t/serve.log" || fail "no stop line in the log"
# Privacy: no participant's or staff member's name in the log.
for csv in "$demo/participants.csv" "$demo/staff.csv"; do
  while IFS=, read -r _ _ first _; do
    [ -n "$first" ] || continue
    if grep -qw -- "$first" "$t/serve.log"; then fail "the log names '$first'"; fi
  done < <(tail -n +2 "$csv")
done

# The share unmounted (its marker gone): logged, and the service keeps serving.
mv "$t/share" "$t/share-away"
mkdir "$t/share"
"$central" serve --share "$t/share" --keys "$t/keys" --db "$t/central.sqlite" --import-every 10s 2>"$t/serve.log" &
pid=$!
wait_for "import run failed" 1
kill -0 "$pid" || fail "the service ended when the share was missing"
kill -INT "$pid"
set +e
wait "$pid"
rc=$?
set -e
pid=""
[ $rc -eq 0 ] || fail "SIGINT gave exit $rc, not 0"
echo "PASS: dagverk-central serve"
