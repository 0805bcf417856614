#!/usr/bin/env bash
# Configures and builds one build tree. Usage: scripts/build.sh [release|programs|asan|tsan] [target...]
# With targets, only those are built (the ThreadSanitizer tree builds only the threaded tests).
# `programs` is the release tree with only dagverk and dagverk-central (no test-only packages).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kind="${1:-release}"
jobs="$(nproc 2>/dev/null || echo 2)"
case "$kind" in
  release) dir="$root/build"; opts=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DDAGVERK_PROGRAMS_ONLY=OFF) ;;
  programs) dir="$root/build"; opts=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DDAGVERK_PROGRAMS_ONLY=ON) ;;
  asan) dir="$root/build-asan"; opts=(-DCMAKE_BUILD_TYPE=Debug -DDAGVERK_SANITIZE=ON -DDAGVERK_BUILD_BENCH=OFF) ;;
  tsan) dir="$root/build-tsan"; opts=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DDAGVERK_TSAN=ON -DDAGVERK_BUILD_BENCH=OFF) ;;
  *) echo "usage: scripts/build.sh [release|programs|asan|tsan] [target...]" >&2; exit 2 ;;
esac
# ccache, when the machine has it, only speeds up rebuilds; CI builds without it.
if command -v ccache >/dev/null 2>&1; then
  opts+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$dir" "${opts[@]}" >/dev/null
shift || true
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$dir" -j"$jobs" "${targets[@]}"
