#!/bin/sh
# Lays out the Dagverk share folder on the Samba file server and sets who may do what there
# (see dagverk-share.conf beside this script for the table and the reasons). Run as root on
# the file server; running it again repairs ownership and modes and changes nothing else.
#
#   dagverk-share-setup.sh init <folder> <central account> <kiosks group>
#       creates the Unix group and central's account (no login, no home) if missing, and
#       the folders inbox/ bundles/ receipts/ quarantine/ enrol/
#   dagverk-share-setup.sh add-kiosk <folder> <kiosks group> <account> <site id> <device id>
#       creates the kiosk's account (no login, no home) in the group if missing, and its own
#       folders inbox/<site>/<device>/ (it writes) and receipts/<device>/ (it reads)
#
# Samba passwords are set apart: `smbpasswd -a <account>` for each account.
set -eu

usage() {
  echo "usage: $0 init <folder> <central account> <kiosks group>" >&2
  echo "       $0 add-kiosk <folder> <kiosks group> <account> <site id> <device id>" >&2
  exit 2
}

# Site and device ids become folder names: letters, digits, '-', '_' and '.' only, and never
# '.' or '..', so no argument can point outside the share.
checkName() {
  case "$2" in
    "" | . | .. | *[!A-Za-z0-9._-]*) echo "$0: invalid $1: '$2'" >&2; exit 2 ;;
  esac
}

ensureGroup() {
  getent group "$1" >/dev/null || groupadd --system "$1"
}

# A system account with its own group, no home and no shell: it exists for Samba only.
ensureUser() {
  if ! getent passwd "$1" >/dev/null; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$1"
  fi
}

# install -d sets owner, group and mode also on a folder that exists.
folder() { # <owner> <group> <mode> <path>
  install -d -o "$1" -g "$2" -m "$3" "$4"
}

[ $# -ge 1 ] || usage
command="$1"
shift
case "$command" in
  init)
    [ $# -eq 3 ] || usage
    root="$1" central="$2" kiosks="$3"
    checkName "central account" "$central"
    checkName "kiosks group" "$kiosks"
    ensureGroup "$kiosks"
    ensureUser "$central"
    usermod -a -G "$kiosks" "$central" # reads the kiosks' enrolment requests
    # Kiosks list and read; only central creates, renames or removes.
    folder "$central" "$kiosks" 2750 "$root"
    folder "$central" "$kiosks" 2750 "$root/bundles"
    folder "$central" "$kiosks" 2750 "$root/receipts"
    folder "$central" "$kiosks" 2750 "$root/inbox"
    # Central only.
    folder "$central" "$central" 2700 "$root/quarantine"
    # Kiosks add files; the sticky bit keeps each file's removal to its owner and central.
    folder "$central" "$kiosks" 3770 "$root/enrol"
    ;;
  add-kiosk)
    [ $# -eq 5 ] || usage
    root="$1" kiosks="$2" account="$3" site="$4" device="$5"
    checkName "kiosks group" "$kiosks"
    checkName "kiosk account" "$account"
    checkName "site id" "$site"
    checkName "device id" "$device"
    [ -d "$root/inbox" ] || { echo "$0: $root is not set up; run init first" >&2; exit 1; }
    central="$(stat -c %U "$root/inbox")"
    ensureUser "$account"
    usermod -a -G "$kiosks" "$account"
    folder "$central" "$kiosks" 2750 "$root/inbox/$site"
    # The kiosk writes here, central reads and removes; no other kiosk gets in.
    folder "$account" "$central" 2770 "$root/inbox/$site/$device"
    # Central writes the kiosk's receipts; only this kiosk (its own group) reads them.
    folder "$central" "$account" 2750 "$root/receipts/$device"
    ;;
  *) usage ;;
esac
