#!/usr/bin/env bash
# Copies the screenshots the UI tests saved into docs/screenshots/ (after scripts/test-all.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$root/docs/screenshots"
cp "$root"/build/screenshots/*.png "$root/docs/screenshots/"
ls "$root/docs/screenshots"
