#!/usr/bin/env bash
# TAP: docs/reference.md is what `make docs` generates from a fresh installation (the COMMENTs in the catalogue),
# and the documentation cites no file outside the repository and no issue number.
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster with eco_monitor installed (make test).
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --bindir)
export PATH="$BIN:$PATH"
db="eco_docs_$$"
work=$(mktemp -d /tmp/eco_docs.XXXXXX)
trap 'dropdb --if-exists "$db" >/dev/null 2>&1; rm -rf "$work"' EXIT

source test/shell/tap.bash
echo "1..6"

createdb "$db" && psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION eco_monitor CASCADE' 2>"$work/err" &&
  bash scripts/gen_docs.sh --print "$db" >"$work/reference.md" 2>>"$work/err"
tap "the reference generates from a fresh installation" $? "$(head -3 "$work/err")"

# Every member function, type, table and view appears in the generated page (the generator misses nothing).
missing=$(psql -X -At -d "$db" -c "
  SELECT string_agg(n, ' ') FROM (
    SELECT DISTINCT coalesce(p.proname, t.typname, c.relname)::text AS n
    FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
    LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
    LEFT JOIN pg_type t ON d.classid = 'pg_type'::regclass AND t.oid = d.objid AND t.typtype <> 'c'
    LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid AND c.relkind IN ('r','p','v','m','f')
    WHERE d.deptype = 'e') x WHERE n IS NOT NULL" | tr ' ' '\n' | while read -r n; do
      [ -z "$n" ] || grep -qF "eco.$n" "$work/reference.md" || printf '%s ' "$n"; done)
tap "every function, aggregate, type, table and view is in the generated reference" "$([ -z "$missing" ]; echo $?)" \
  "missing: $missing"

diff -u docs/reference.md "$work/reference.md" >"$work/diff" 2>&1
tap "docs/reference.md is up to date (run make docs)" $? "$(head -20 "$work/diff" | tr '\n' ' ')"

# Users cannot open the maintainers' notes or the issue tracker: no citation of either in what ships.
cites=$(grep -nE '/work/|/shared/standards|\b(air|water|soil|outfalls|hj212|network-files)\.md\b|[Ii]ssue #?[0-9]+|#[0-9]{1,4}\b' README.md CHANGELOG.md docs/*.md bench/README.md \
          2>/dev/null | head -5)
tap "the documentation cites no file outside the repository and no issue number" "$([ -z "$cites" ]; echo $?)" "$cites"

# The same rule in the code, tests, benchmarks and demo (comments are read by users too, and regression comments are
# echoed into expected output).  Only the files the repository holds: generated output such as demo/out is not read.
cites=$(grep -rnIE '/work/|/shared/standards|\b(air|water|soil|outfalls|hj212|network-files)\.md\b|\b[Ii]ssues? #?[0-9]+' \
          $(git ls-files src sql expected test bench demo scripts 2>/dev/null || echo src sql expected test bench demo scripts) \
          2>/dev/null \
        | grep -vE '^test/shell/docs\.sh:' \
        | head -5)
tap "the code, tests, benchmarks and demo cite no file outside the repository and no issue number" \
  "$([ -z "$cites" ]; echo $?)" "$cites"
# The layering drawing of docs/contributing.md is computed from the #include lines: no core file includes a PostgreSQL
# or glue header, the core includes have no cycle, and the drawing is what the sources say.
python3 scripts/gen_layers.py --check >"$work/layers" 2>&1
tap "the core is layered without cycles and docs/contributing.md draws it as it is (run make docs)" $? \
  "$(head -5 "$work/layers" | tr '\n' ' ')"
exit $((bad > 0))
