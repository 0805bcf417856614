#!/usr/bin/env bash
# Installs the Debian 12 packages Dagverk needs, if any are missing.
#   scripts/install-deps.sh          what building and running the two programs needs
#   scripts/install-deps.sh --tests  that, plus what the test command needs
# As root it runs apt-get; otherwise it prints the exact sudo line and stops.
set -euo pipefail

# Building and running dagverk and dagverk-central.
PACKAGES=(
  cmake g++ make pkg-config
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev
  libsqlite3-dev libcereal-dev libsodium-dev
  fonts-dejavu-core
  # the kiosk's pictograms (colour emoji, read through FreeType)
  fonts-noto-color-emoji
  # the time-zone rules (Europe/Stockholm), read through the C library at start
  tzdata
  # central reports
  libxlsxwriter-dev
  # the kiosk's voice: Swedish prompts rendered by espeak-ng, run as a separate program
  espeak-ng
)

# Only the tests, the benchmarks and the package checks.
TEST_PACKAGES=(
  catch2 sqlite3 python3-openpyxl
  # property tests, clock jumps, the SMB end-to-end test, fuzzing with clang's libFuzzer
  librapidcheck-dev faketime libfaketime samba smbclient smbnetfs fuse3 clang libclang-rt-14-dev
  # the Debian packages: dpkg-shlibdeps and lintian
  dpkg-dev lintian
  # the kiosk session under cage (headless), its screenshot and the OCR that reads it
  cage xwayland libegl1 libgles2 libgl1-mesa-dri grim tesseract-ocr tesseract-ocr-swe
  # the reserve sheets rendered to A4 pages (scripts/render-report.sh); nm/strings for the
  # check that the power-cut VFS is not in the production binary
  chromium poppler-utils binutils
)

wanted=("${PACKAGES[@]}")
case "${1:-}" in
  "") ;;
  --tests) wanted+=("${TEST_PACKAGES[@]}") ;;
  *) echo "usage: scripts/install-deps.sh [--tests]" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "dagverk: all ${1:+test and }build packages are installed."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "dagverk: these Debian packages are missing. Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "dagverk: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
