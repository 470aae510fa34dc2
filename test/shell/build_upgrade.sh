#!/usr/bin/env bash
# TAP: scripts/build_upgrade.py, the generator of the upgrade script (docs/contributing.md, "Changing installed SQL"):
# literal pieces pass through unchanged, every directive of src/upgrade expands to statements of its install piece,
# a directive that matches no statement or more than one fails the build naming the directive.  No server needed.
set -uo pipefail
cd "$(dirname "$0")/../.."
source test/shell/tap.bash
work=$(mktemp -d /tmp/eco_build_upgrade.XXXXXX)
trap 'rm -rf "$work"' EXIT
gen() { python3 scripts/build_upgrade.py "$@"; }
echo "1..10"

# 1. A piece without directives (a symlinked family piece) comes out byte for byte.
gen src/sql/45_soil.sql >"$work/lit.sql" 2>"$work/err" && cmp -s src/sql/45_soil.sql "$work/lit.sql"
tap "a literal piece is copied unchanged" $? "$(head -3 "$work/err")"

# 2. The pieces of src/upgrade build; no directive is left and each one expanded to at least one statement.
pieces=$(ls src/upgrade/*.sql | LC_ALL=C sort)
gen $pieces >"$work/up.sql" 2>"$work/err"
r=$?
left=$(grep -c '^--@' "$work/up.sql")
empty=$(awk '/^-- from src\/sql\// { if (d) print d; d = $0; next } d && /^[A-Za-z]/ { d = "" } END { if (d) print d }' "$work/up.sql")
tap "src/upgrade builds, every directive expanded" "$([ "$r" -eq 0 ] && [ "$left" -eq 0 ] && [ -z "$empty" ]; echo $?)" \
    "rc=$r, directives left: $left, expanded to nothing: $empty $(head -3 "$work/err")"

# 3. A function directive gives CREATE OR REPLACE and the COMMENT of that signature, word for word from the piece.
printf -- '--@ from src/sql/50_change_wording.sql: function eco.pp_change(numeric, numeric)\n' >"$work/f.sql"
gen "$work/f.sql" >"$work/f.out" 2>"$work/err"
body=$(sed -n '/^CREATE FUNCTION @extschema@.pp_change/,/^COMMENT ON FUNCTION @extschema@.pp_change/p' src/sql/50_change_wording.sql |
       sed '1s/^CREATE FUNCTION/CREATE OR REPLACE FUNCTION/')
grep -qF "$body" "$work/f.out" && grep -q "^COMMENT ON FUNCTION @extschema@.pp_change(numeric, numeric) IS" "$work/f.out"
tap "function directive: CREATE OR REPLACE and its COMMENT from the install piece" $? "$(head -5 "$work/f.out")"

# 4-6. A directive that matches no statement or more than one, or names no piece, fails the build naming it.
printf -- '--@ from src/sql/45_soil.sql: function eco.soil_screen\n' >"$work/amb.sql"
gen "$work/amb.sql" >/dev/null 2>"$work/err"
r=$?
tap "a directive matching two statements fails, naming it" \
    "$([ "$r" -ne 0 ] && grep -q 'amb.sql:1: 2 CREATE FUNCTION statements match' "$work/err" && grep -q 'eco.soil_screen' "$work/err"; echo $?)" \
    "rc=$r $(cat "$work/err")"
printf -- '-- literal\n--@ from src/sql/50_change_wording.sql: function eco.pp_change(numeric, numeric, numeric)\n' >"$work/none.sql"
gen "$work/none.sql" >/dev/null 2>"$work/err"
r=$?
tap "a directive matching nothing fails, naming it" \
    "$([ "$r" -ne 0 ] && grep -q 'none.sql:2: 0 CREATE FUNCTION statements match' "$work/err"; echo $?)" "rc=$r $(cat "$work/err")"
printf -- '--@ from src/sql/99_nothing.sql: view eco.x\n' >"$work/missing.sql"
gen "$work/missing.sql" >/dev/null 2>"$work/err"
r=$?
tap "a directive naming a missing install piece fails" \
    "$([ "$r" -ne 0 ] && grep -q 'no such install piece src/sql/99_nothing.sql' "$work/err"; echo $?)" "rc=$r $(cat "$work/err")"

# 7. A function made by a template inside a DO block: one DO block with the block's DECLARE and that EXECUTE only.
printf -- '--@ from src/sql/06_site.sql: function eco._geom_to_cgcs2000()\n' >"$work/do.sql"
gen "$work/do.sql" >"$work/do.out" 2>"$work/err"
tmpl=$(sed -n '/^    CREATE FUNCTION @extschema@._geom_to_cgcs2000/,/\$fn\$\$sql\$, g);/p' src/sql/06_site.sql | sed '1s/CREATE FUNCTION/CREATE OR REPLACE FUNCTION/')
[ "$(grep -c '^DO \$do\$' "$work/do.out")" -eq 1 ] && grep -qF "$tmpl" "$work/do.out" &&
  grep -q '_postgis_schema()' "$work/do.out" && ! grep -q 'CREATE TABLE' "$work/do.out"
tap "a function from a DO-block template: its own DO block, word for word" $? "$(head -3 "$work/err")"

# 8. The committed upgrade script (what make install ships) is what the pieces generate today.
make -s --no-print-directory upgrade-script UPGRADE_SCRIPT="$work/fresh.sql" >/dev/null 2>"$work/err"
cmp -s "$work/fresh.sql" upgrade/eco_monitor--0.1.0--0.2.0.sql
tap "upgrade/eco_monitor--0.1.0--0.2.0.sql equals a fresh generation from src/upgrade (run make upgrade-script)" $? \
    "$(head -3 "$work/err"; diff "$work/fresh.sql" upgrade/eco_monitor--0.1.0--0.2.0.sql | head -10)"

# 9. The generated SQL of the four enum-like base types is fresh (scripts/gen_base_types.py, run make base-types).
out=$(python3 scripts/gen_base_types.py --check 2>&1)
tap "the base types' generated regions and src/upgrade/02_base_types.sql are fresh (run make base-types)" $? "$out"

# 10. The renames of scripts/renames.tsv are applied everywhere (scripts/apply_renames.sh; the lead re-runs it after
#     merging a branch that still writes an old name).
out=$(bash scripts/apply_renames.sh -n 2>&1)
tap "no reference to a renamed function's old name is left (run scripts/apply_renames.sh)" $? "$out"
exit $((bad > 0))
