#!/usr/bin/env bash
# Writes data/demo/staff.csv: the demo unit's staff (invented people) with Argon2id hashes of
# their demo PINs. Builds nothing itself: it uses `dagverk hash-pin` from an existing build
# (scripts/build.sh), or the program named by $DAGVERK.
#
# Demo PIN rule: "1" followed by the last three digits of the staff id (S001 -> 1001,
# S042 -> 1042). Deterministic apart from the random salt in each hash, so a rerun changes
# only the pin_hash column.
#
# Usage: scripts/generate-demo-staff.sh [OUTPUT]   (default data/demo/staff.csv)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dagverk="${DAGVERK:-$root/build/app/kiosk/dagverk}"
out="${1:-$root/data/demo/staff.csv}"
if [[ ! -x "$dagverk" ]]; then
  echo "generate-demo-staff: $dagverk not found; build first (scripts/build.sh) or set DAGVERK" >&2
  exit 1
fi

# staff_id site_id(s; '+' joins several, '*' every site) first_name initial role
# 58 staff over the nine sites (liljan 12, ornsberg 10, trofast 4, vastertorp 6, steget 11,
# natverket 5, fruangen 4, vaxtverket 2, langsjon 4), 3 assistant managers and 1 admin.
staff=(
  "S001 liljan Annika B staff"
  "S002 liljan Björn L staff"
  "S003 liljan Camilla Ö staff"
  "S004 liljan Dennis K staff"
  "S005 liljan Elsa M staff"
  "S006 liljan Fredrik A staff"
  "S007 liljan Gunilla S staff"
  "S008 liljan Hampus R staff"
  "S009 liljan Irene T staff"
  "S010 liljan Jesper Å staff"
  "S011 liljan Katarina N staff"
  "S012 liljan Linus H staff"
  "S013 ornsberg Madeleine P staff"
  "S014 ornsberg Niklas E staff"
  "S015 ornsberg Ottilia G staff"
  "S016 ornsberg Pernilla V staff"
  "S017 ornsberg Robin D staff"
  "S018 ornsberg Susanne J staff"
  "S019 ornsberg Tobias Ä staff"
  "S020 ornsberg Ulrika W staff"
  "S021 ornsberg Valter B staff"
  "S022 ornsberg Yvonne L staff"
  "S023 trofast Zakaria M staff"
  "S024 trofast Agneta K staff"
  "S025 trofast Birgitta S staff"
  "S026 trofast Christer A staff"
  "S027 vastertorp Dorota N staff"
  "S028 vastertorp Erik R staff"
  "S029 vastertorp Fatima H staff"
  "S030 vastertorp Gabriel T staff"
  "S031 vastertorp Helena Ö staff"
  "S032 vastertorp Ibrahim E staff"
  "S033 steget Jessica P staff"
  "S034 steget Kristoffer G staff"
  "S035 steget Louise D staff"
  "S036 steget Magnus V staff"
  "S037 steget Nadia J staff"
  "S038 steget Oliver B staff"
  "S039 steget Paulina Å staff"
  "S040 steget Rickard L staff"
  "S041 steget Sanna M staff"
  "S042 steget Thomas K staff"
  "S043 steget Ylva S staff"
  "S044 natverket Amanda W staff"
  "S045 natverket Benjamin A staff"
  "S046 natverket Charlotte N staff"
  "S047 natverket Dusan R staff"
  "S048 natverket Emelie H staff"
  "S049 fruangen Fredrika T staff"
  "S050 fruangen Gösta E staff"
  "S051 fruangen Hilda P staff"
  "S052 fruangen Ivan G staff"
  "S053 vaxtverket Johanna D staff"
  "S054 vaxtverket Kent V staff"
  "S055 langsjon Lovisa J staff"
  "S056 langsjon Mattias Ä staff"
  "S057 langsjon Natalie B staff"
  "S058 langsjon Öjvind L staff"
  "S059 liljan+trofast+vaxtverket Ann-Sofie M assistant_manager"
  "S060 ornsberg+vastertorp+langsjon Mikael K assistant_manager"
  "S061 steget+natverket+fruangen Samira S assistant_manager"
  "S062 * Ronja A admin"
)

tmp="$(mktemp "${out}.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
echo "staff_id,site_id,first_name,initial,role,pin_hash" >"$tmp"
for row in "${staff[@]}"; do
  read -r id sites first initial role <<<"$row"
  pin="1${id: -3}"
  hash="$(printf '%s\n' "$pin" | "$dagverk" hash-pin)"
  # The hash holds commas (m=65536,t=2,p=1), so the field is quoted.
  echo "$id,${sites//+/ },$first,$initial,$role,\"$hash\"" >>"$tmp"
done
mv "$tmp" "$out"
trap - EXIT
echo "wrote ${#staff[@]} staff to $out"
