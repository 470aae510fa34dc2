#!/usr/bin/env bash
# make docs: regenerate docs/reference.md from the catalogue of a fresh installation.
#   scripts/gen_docs.sh            set-up, build, install, throwaway cluster, write docs/reference.md
#   scripts/gen_docs.sh --print DB print the page from database DB (eco_monitor installed; PGHOST etc. set)
# Families: each object belongs to the install piece src/sql/NN_name.sql that creates it; the titles below name the
# pieces (a piece without a title is named after its file). An object created in a DO block is placed by its COMMENT
# statement, else by the piece that quotes its name; objects no piece names go under "Other".
set -euo pipefail
cd "$(dirname "$0")/.."

title() {
  case "$1" in
    00_pollutant) echo "Pollutants" ;;
    01_standard) echo "Standards and editions" ;;
    03_water_class|30_water) echo "Surface water" ;;
    05_area) echo "Areas and row-level security" ;;
    06_site) echo "Monitoring sites" ;;
    10_air_aqi) echo "Air quality index" ;;
    20_air_eval) echo "Air quality evaluation" ;;
    40_sites) echo "Outfalls, protection zones and land parcels" ;;
    45_soil) echo "Soil screening" ;;
    50_change_wording) echo "Year-on-year wording and published figures" ;;
    52_ledgers) echo "Ledgers" ;;
    90_annual_report) echo "Annual report" ;;
    *) echo "${1#[0-9][0-9]_}" | tr '_' ' ' ;;
  esac
}

# INSERTs of (object name, family, rank, priority): rank orders the families as their first pieces are ordered.
piece_rows() {
  local f base fam rank=0 seen=""
  for f in src/sql/*.sql; do
    base=$(basename "$f" .sql); fam=$(title "$base")
    case "|$seen|" in *"|$fam|"*) ;; *) seen="$seen|$fam"; rank=$((rank + 1)) ;; esac
    local r; r=$(printf '%s' "$seen" | tr '|' '\n' | grep -nxF -- "$fam" | head -1 | cut -d: -f1)
    { grep -ohE "(CREATE (OR REPLACE )?|COMMENT ON )(FUNCTION|AGGREGATE|TYPE|TABLE|VIEW|MATERIALIZED VIEW) (IF NOT EXISTS )?@extschema@\.[a-z_0-9]+" "$f" || true; } \
      | sed -E 's/.*@extschema@\.//' | sort -u \
      | while read -r name; do printf "INSERT INTO doc_piece VALUES ('%s', '%s', %d, 0);\n" "$name" "$fam" "$r"; done
    # second choice: a name quoted in a piece (objects created in a loop over a list of names)
    { grep -ohE "'[a-z_][a-z_0-9]*'" "$f" || true; } | tr -d "'" | sort -u \
      | while read -r name; do printf "INSERT INTO doc_piece VALUES ('%s', '%s', %d, 1);\n" "$name" "$fam" "$r"; done
  done
}

print_page() {
  { echo "CREATE TEMP TABLE doc_piece (name text, family text, rank int, prio int);"
    piece_rows
    cat scripts/reference.sql; } | psql -X -q -At -v ON_ERROR_STOP=1 -d "$1"
}

if [ "${1:-}" = "--print" ]; then
  print_page "${2:?usage: gen_docs.sh --print DB}"
  exit
fi

source scripts/lib.sh
eco_cluster_with_db eco_docs
mkdir -p docs
print_page eco_docs > docs/reference.md.tmp
mv docs/reference.md.tmp docs/reference.md
echo "docs/reference.md: $(grep -c '^| `' docs/reference.md) objects and columns"
