#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + libFuzzer) in build-fuzz/ and runs each
# for N seconds on a scratch copy of its seed corpus. Fails on any crash, sanitizer report,
# timeout or out-of-memory. Usage: scripts/fuzz.sh [seconds-per-target, default 20]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-20}"
case "$seconds" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [seconds-per-target]" >&2; exit 2 ;; esac
dir="$root/build-fuzz"
jobs="$(nproc 2>/dev/null || echo 2)"
start=$(date +%s)

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# DAGVERK_BUILD_TESTS=ON is needed for tests/fuzz; only the two fuzz targets (and the libraries
# they link) are built, so no other test or the kiosk is compiled here.
CC=clang CXX=clang++ cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDAGVERK_FUZZ=ON \
  -DDAGVERK_BUILD_TESTS=ON -DDAGVERK_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$dir" --target fuzz_batch_reader fuzz_csv_reader -j"$jobs"

status=0
for target in batch csv; do
  work="$dir/fuzz-run/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$root/tests/fuzz/corpus/$target/"* "$work/corpus/"
  echo "== fuzz_${target}_reader for ${seconds}s =="
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions="$root/tests/fuzz/ubsan.supp" \
      "$dir/tests/fuzz/fuzz_${target}_reader" "$work/corpus" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      >"$work/fuzz.log" 2>&1; then
    echo "FAILED: fuzz_${target}_reader found a problem; see $work/fuzz.log and $work/artifacts/" >&2
    tail -n 40 "$work/fuzz.log" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$work/fuzz.log" || true
    echo "fuzz_${target}_reader: no crash ($(ls "$work/corpus" | wc -l) corpus files after the run)"
  fi
done
echo "scripts/fuzz.sh took $(( $(date +%s) - start ))s"
exit $status
