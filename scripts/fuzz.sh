#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/targets.txt: one per reader of outside input) with
# clang, ASan and UBSan in build-fuzz/ -- no sanitizer report is recoverable or suppressed -- and
# runs each on a scratch copy of its corpus (tests/fuzz/corpus/<target>/). Fails on any crash,
# sanitizer report, timeout or out-of-memory, and keeps the input under build-fuzz/fuzz-run/.
#
#   scripts/fuzz.sh [seconds]            the smoke run of the test command (default 20 s each)
#   scripts/fuzz.sh --long [--jobs N]    every target for 10 minutes, N at a time (default 1),
#                                        then merges what was found into tests/fuzz/corpus/
#                                        (libFuzzer -merge=1: only inputs that add coverage)
#   scripts/fuzz.sh --seconds S [--jobs N] [--merge] [targets...]   any other combination
#
# The long run is hours of CPU in all; start it with `nice -n 19` on a shared machine. Prints a
# table per target: executions, corpus files before/after, and libFuzzer's final coverage
# (cov: edges, ft: features).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
usage() { echo "usage: scripts/fuzz.sh [seconds] | --long [--jobs N] | --seconds S [--jobs N] [--merge] [targets...]" >&2; exit 2; }

seconds=20
jobs=1
merge=0
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --long) seconds=600; merge=1 ;;
    --seconds) shift; seconds="${1:-}" ;;
    --jobs) shift; jobs="${1:-}" ;;
    --merge) merge=1 ;;
    -*) usage ;;
    *[!0-9]*) only+=("$1") ;;
    *) seconds="$1" ;;
  esac
  shift
done
case "$seconds" in ''|*[!0-9]*) usage ;; esac
case "$jobs" in ''|*[!0-9]*|0) usage ;; esac

mapfile -t targets < <(grep -E '^[a-z_]+$' "$root/tests/fuzz/targets.txt")
if [ ${#only[@]} -gt 0 ]; then
  for t in "${only[@]}"; do
    printf '%s\n' "${targets[@]}" | grep -qx "$t" || { echo "unknown fuzz target: $t" >&2; exit 2; }
  done
  targets=("${only[@]}")
fi

dir="$root/build-fuzz"
build_jobs="$(nproc 2>/dev/null || echo 2)"
start=$(date +%s)

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# DAGVERK_BUILD_TESTS=ON is needed for tests/fuzz; only the fuzz targets (and the libraries they
# link) are built, so no other test or the kiosk is compiled here.
CC=clang CXX=clang++ cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDAGVERK_FUZZ=ON \
  -DDAGVERK_BUILD_TESTS=ON -DDAGVERK_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "fuzz_$t"); done
cmake --build "$dir" "${build_targets[@]}" -j"$build_jobs"

# Runs one target; its log and any finding stay in build-fuzz/fuzz-run/<target>/.
run_one() {
  local t="$1" work="$dir/fuzz-run/$1"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$root/tests/fuzz/corpus/$t/"* "$work/corpus/"
  ls "$work/corpus" | wc -l >"$work/before"
  local rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0:abort_on_error=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$dir/tests/fuzz/fuzz_$t" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$work/artifacts/" >"$work/fuzz.log" 2>&1 || rc=$?
  ls "$work/corpus" | wc -l >"$work/after"
  if [ "$rc" -eq 0 ] && [ "$merge" -eq 1 ]; then
    # Only inputs that add coverage go into the corpus in the repository.
    "$dir/tests/fuzz/fuzz_$t" -merge=1 -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      "$root/tests/fuzz/corpus/$t" "$work/corpus" >"$work/merge.log" 2>&1 || rc=$?
  fi
  echo "$rc" >"$work/rc"
}

echo "== fuzzing ${#targets[@]} targets for ${seconds}s each, ${jobs} at a time =="
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  echo "   $(date -u +%H:%M:%S) fuzz_$t"
  run_one "$t" &
  running=$((running + 1))
done
wait || true

status=0
printf '%-15s %12s %9s %7s %7s %7s %6s %7s  %s\n' target executions exec/s before after repo cov ft result
for t in "${targets[@]}"; do
  work="$dir/fuzz-run/$t"
  log="$work/fuzz.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  repo=$(ls "$root/tests/fuzz/corpus/$t" | wc -l)
  rc=$(cat "$work/rc" 2>/dev/null || echo 1)
  result=ok
  if [ "$rc" -ne 0 ]; then result="FAILED (see $work/)"; status=1; fi
  printf '%-15s %12s %9s %7s %7s %7s %6s %7s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$(cat "$work/before")" \
    "$(cat "$work/after")" "$repo" "${cov:-?}" "${ft:-?}" "$result"
done
for t in "${targets[@]}"; do
  work="$dir/fuzz-run/$t"
  if [ "$(cat "$work/rc" 2>/dev/null || echo 1)" -ne 0 ]; then
    echo "---- fuzz_$t: the end of $work/fuzz.log; the input is in $work/artifacts/" >&2
    tail -n 40 "$work/fuzz.log" >&2
  fi
done
echo "scripts/fuzz.sh took $(( $(date +%s) - start ))s"
exit $status
