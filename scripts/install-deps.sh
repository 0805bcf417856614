#!/usr/bin/env bash
# Installs the Debian 12 packages Dagverk needs, if any are missing.
# As root it runs apt-get; otherwise it prints the exact sudo line and stops.
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev
  libsqlite3-dev libcereal-dev libsodium-dev catch2
  fonts-dejavu-core sqlite3
  # the time-zone rules (Europe/Stockholm), read through the C library at start
  tzdata
  # sync and central reports
  libxlsxwriter-dev python3-openpyxl
  # tests: property tests, clock jumps, the SMB end-to-end test, fuzzing with clang's libFuzzer
  librapidcheck-dev faketime libfaketime samba smbclient smbnetfs fuse3 clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "dagverk: all build packages are installed."
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
