#!/usr/bin/env bash
# Renders an HTML report to A4 pages: Chromium (headless) prints it to PDF with the report's
# print stylesheet, then pdftoppm turns each page into a PNG.
#
#   scripts/render-report.sh REPORT.html OUT_PREFIX [DPI]
#   -> OUT_PREFIX.pdf and OUT_PREFIX-1.png, OUT_PREFIX-2.png, ... (DPI default 60)
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 REPORT.html OUT_PREFIX [DPI]" >&2
  exit 2
fi
html=$(realpath "$1")
prefix=$2
dpi=${3:-60}
[[ -f "$html" ]] || { echo "$0: no such file: $1" >&2; exit 1; }
chromium=${CHROMIUM:-/usr/bin/chromium}
command -v "$chromium" >/dev/null || { echo "$0: chromium not found at $chromium" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "$0: pdftoppm (poppler-utils) not found" >&2; exit 1; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$(dirname "$prefix")"
rm -f "$prefix".pdf "$prefix"-*.png
# --no-pdf-header-footer keeps the page as the stylesheet lays it out (no URL or date added).
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$prefix.pdf" "file://$html" >/dev/null 2>&1
[[ -s "$prefix.pdf" ]] || { echo "$0: chromium wrote no PDF" >&2; exit 1; }
pdftoppm -png -r "$dpi" "$prefix.pdf" "$prefix"
ls "$prefix".pdf "$prefix"-*.png
