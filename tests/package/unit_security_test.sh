#!/usr/bin/env bash
# The hardening of a systemd unit file, scored by `systemd-analyze security --offline=true`
# (0 = fully locked down, 10 = nothing). Usage: unit_security_test.sh <unit file> <max score>
# Prints the score; fails above the maximum; exits 77 (ctest SKIP_RETURN_CODE) when
# systemd-analyze is absent or too old to score a unit file that is not installed.
set -euo pipefail
unit="$1"
max="$2"
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "SKIP: systemd-analyze is not installed"
  exit 77
fi
# --offline (systemd 250 and later) reads the file itself; no running systemd is needed.
if ! out="$(systemd-analyze security --no-pager --offline=true "$unit" 2>&1)"; then
  if grep -q -- "--offline" <<<"$out"; then
    echo "SKIP: this systemd-analyze cannot score a unit file offline: $out"
    exit 77
  fi
  echo "FAIL: systemd-analyze could not score $unit:"
  echo "$out"
  exit 1
fi
score="$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9][0-9.]*\).*/\1/p' <<<"$out")"
if [ -z "$score" ]; then
  echo "FAIL: no exposure score in the output of systemd-analyze:"
  echo "$out"
  exit 1
fi
echo "$(basename "$unit"): exposure $score (at most $max allowed)"
if awk -v s="$score" -v m="$max" 'BEGIN { exit !(s > m) }'; then
  echo "FAIL: $(basename "$unit") is exposed more than $max; what systemd-analyze finds open:"
  grep '✗' <<<"$out" || true
  exit 1
fi
