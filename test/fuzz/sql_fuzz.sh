#!/usr/bin/env bash
# TAP: the SQL fuzz driver over every SQL-callable function of eco_monitor (see test/fuzz/README.md).
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth): make test provides it.
#   FUZZ_CALLS    calls to make (default 20000)          FUZZ_SEED  random seed, -1..1 (default 0.42)
#   FUZZ_TIMEOUT  statement_timeout of one call (20s)    FUZZ_KEEP  directory to keep the calls and logs in
#   FUZZ_CHUNK    calls per session and transaction (2000)
# Each call is one line of calls.sql, run by psql with ON_ERROR_ROLLBACK (a savepoint per call) inside a
# transaction that is rolled back: functions that write or take locks leave nothing behind.  A crash ends the
# psql session: the crashing call is recorded, the server's recovery awaited, and the run goes on after it.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --bindir)
[ -x "$BIN/psql" ] || BIN=/usr/lib/postgresql/15/bin
CALLS=${FUZZ_CALLS:-20000}
SEED=${FUZZ_SEED:-0.42}
TIMEOUT=${FUZZ_TIMEOUT:-20s}
CHUNK=${FUZZ_CHUNK:-2000}
KNOWN=test/fuzz/known_findings.tsv
db="eco_fuzz_$$"
role="eco_fuzz_user_$$"
tmp=$(mktemp -d /tmp/eco_fuzz.XXXXXX)
cleanup() {
  "$BIN/dropdb" --if-exists "$db" >/dev/null 2>&1
  "$BIN/psql" -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
  if [ -n "${FUZZ_KEEP:-}" ]; then mkdir -p "$FUZZ_KEEP" && cp "$tmp"/* "$FUZZ_KEEP"/; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/# /'; }
psql_db() { "$BIN/psql" -X -q -At -d "$db" "$@"; }

nknown=$(grep -cv '^#' "$KNOWN" 2>/dev/null); nknown=${nknown:-0}
echo "1..$((8 + nknown))"
t0=$(date +%s)

# 1. database with the extension and a few rows
if "$BIN/createdb" "$db" 2>"$tmp/err" && psql_db -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION eco_monitor CASCADE' 2>>"$tmp/err"; then
  ok "fuzz database with eco_monitor"
else
  not_ok "fuzz database with eco_monitor" "$(head -5 "$tmp/err")"
  exit 1
fi
psql_db -f test/fuzz/sql_fuzz_data.sql >/dev/null 2>"$tmp/data.err"
# a role that is neither superuser nor owner, with one area: every other chunk of calls runs as it
psql_db -c "CREATE ROLE $role NOLOGIN" -c "INSERT INTO eco.area_grant VALUES ('$role', '4207')" >/dev/null 2>>"$tmp/data.err"
if grep -q ERROR "$tmp/data.err"; then
  echo "# seed rows: $(grep -c ERROR "$tmp/data.err") statement(s) failed (fuzzing goes on):"
  grep ERROR "$tmp/data.err" | head -5 | sed 's/^/#   /'
fi

# 2. the calls, one per line (deterministic for a seed and a catalogue)
psql_db -v ON_ERROR_STOP=1 -v seed="$SEED" -v calls="$CALLS" -f test/fuzz/sql_fuzz_gen.sql >"$tmp/gen.out" 2>"$tmp/gen.err"
header=$(grep -m1 '^-- functions:' "$tmp/gen.out")
grep '^SELECT ' "$tmp/gen.out" >"$tmp/calls.sql"
total=$(wc -l <"$tmp/calls.sql")
if [ "$total" -ge "$CALLS" ]; then
  ok "$total calls generated (seed $SEED) ${header#-- }; every other $CHUNK as a role that is not the owner"
else
  not_ok "$total calls generated, want at least $CALLS" "$(head -5 "$tmp/gen.err")"
fi
awk '{ s = $0; sub(/.* -- /, "", s); print NR "\t" s }' "$tmp/calls.sql" >"$tmp/sigs.tsv"

# 3. run them, CHUNK calls per session and transaction (a transaction keeps the lock of every subtransaction
# that wrote until it ends: the lock table must not fill up); resume after a crash
: >"$tmp/out"; : >"$tmp/errors.tsv"; : >"$tmp/crashes.tsv"
start=1
while [ "$start" -le "$total" ]; do
  sed -n "${start},$((start + CHUNK - 1))p" "$tmp/calls.sql" >"$tmp/part.sql"
  as="RESET ROLE"; [ $(( (start / CHUNK) % 2 )) -eq 1 ] && as="SET ROLE $role"
  "$BIN/psql" -X -q -At -d "$db" -v ON_ERROR_ROLLBACK=on -v VERBOSITY=verbose \
    -c "SET statement_timeout = '$TIMEOUT'" -c "$as" -c 'BEGIN' -f "$tmp/part.sql" -c 'ROLLBACK' >>"$tmp/out" 2>"$tmp/part.err"
  rc=$?
  # "psql:FILE:LINE: ERROR:  SQLSTATE: message" -> call id, SQLSTATE, message
  awk -v off=$((start - 1)) '
    match($0, /^psql:[^:]*:[0-9]+: ERROR:  [0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]: /) {
      split($0, a, ":"); msg = substr($0, RLENGTH + 1); st = substr($0, RLENGTH - 6, 5)
      print a[3] + off "\t" st "\t" msg
    }' "$tmp/part.err" >>"$tmp/errors.tsv"
  if [ "$rc" -eq 0 ]; then start=$((start + CHUNK)); continue; fi
  last=$(grep -oE '^psql:[^:]*:[0-9]+:' "$tmp/part.err" | tail -1 | cut -d: -f3)
  if [ -z "$last" ] || ! grep -qiE 'connection|terminated|server closed' "$tmp/part.err"; then
    echo "# psql stopped (rc $rc) without a crash:"; tail -5 "$tmp/part.err" | sed 's/^/#   /'
    break
  fi
  id=$((start - 1 + last))
  printf '%s\t%s\n' "$id" "$(sed -n "${id}p" "$tmp/calls.sql" | cut -c1-600)" >>"$tmp/crashes.tsv"
  for _ in $(seq 1 240); do "$BIN/pg_isready" -q && psql_db -c 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
  start=$((id + 1))
done
secs=$(( $(date +%s) - t0 ))

returned=$(grep -cE '^[0-9]+\|[0-9]+\|[0-9]+$' "$tmp/out")
errors=$(wc -l <"$tmp/errors.tsv")
crashes=$(wc -l <"$tmp/crashes.tsv")
echo "# sql fuzz: $total calls in ${secs}s: $returned returned, $errors refused with an error, $crashes crashed the server"
echo "# SQLSTATEs: $(cut -f2 "$tmp/errors.tsv" | sort | uniq -c | sort -rn | awk '{printf "%s %s, ", $2, $1}')"

# failures as "kind<TAB>signature<TAB>id<TAB>detail"
{
  awk -F'\t' '$2 ~ /^XX/ { print $1 "\t" $2 "\t" $3 }' "$tmp/errors.tsv" | while IFS=$'\t' read -r id st msg; do
    printf '%s\t%s\t%s\t%s\n' "$st" "$(sed -n "${id}p" "$tmp/sigs.tsv" | cut -f2)" "$id" "$msg"; done
  grep -E '^[0-9]+\|[0-9]+\|[1-9][0-9]*$' "$tmp/out" | cut -d'|' -f1 | while read -r id; do
    printf 'NaN\t%s\t%s\t%s\n' "$(sed -n "${id}p" "$tmp/sigs.tsv" | cut -f2)" "$id" "NaN returned"; done
} >"$tmp/failures.tsv"
# known findings: "kind<TAB>signature<TAB>why" (test/fuzz/known_findings.tsv)
is_known() { grep -v '^#' "$KNOWN" 2>/dev/null | awk -F'\t' -v k="$1" -v s="$2" '$1 == k && $2 == s { f = 1 } END { exit !f }'; }
: >"$tmp/new.tsv"
while IFS=$'\t' read -r kind sig id detail; do
  is_known "$kind" "$sig" || printf '%s\t%s\t%s\t%s\n' "$kind" "$sig" "$id" "$detail" >>"$tmp/new.tsv"
done <"$tmp/failures.tsv"
show() { # kind: the first few new failures with their calls
  awk -F'\t' -v k="$1" '$1 ~ k' "$tmp/new.tsv" | head -8 | while IFS=$'\t' read -r kind sig id detail; do
    echo "$sig: $detail"; echo "  $(sed -n "${id}p" "$tmp/calls.sql" | cut -c1-400)"; done
}

# 4-8. the guards
accounted=$((returned + errors + crashes))
if [ "$accounted" -eq "$total" ]; then ok "every call ran: $returned returned + $errors errors + $crashes crashes = $total"
else not_ok "every call ran: $returned returned + $errors errors + $crashes crashes <> $total"; fi
if [ "$crashes" -eq 0 ]; then ok "the server stayed up: 0 crashes"
else not_ok "the server stayed up: $crashes crash(es)" "$(cut -c1-600 "$tmp/crashes.tsv")"; fi
nx=$(awk -F'\t' '$1 ~ /^XX/' "$tmp/new.tsv" | wc -l)
if [ "$nx" -eq 0 ]; then ok "no internal error (SQLSTATE XX000) outside the known findings"
else not_ok "no internal error (SQLSTATE XX000): $nx call(s)" "$(show '^XX')"; fi
nn=$(awk -F'\t' '$1 == "NaN"' "$tmp/new.tsv" | wc -l)
if [ "$nn" -eq 0 ]; then ok "no NaN returned outside the known findings"
else not_ok "no NaN returned: $nn call(s)" "$(show '^NaN$')"; fi
nr=$(awk -F'\t' '$2 ~ /^53/' "$tmp/errors.tsv" | wc -l)
if [ "$nr" -eq 0 ]; then ok "no resource exhausted (SQLSTATE class 53)"
else not_ok "no resource exhausted (SQLSTATE class 53): $nr call(s)" \
  "$(awk -F'\t' '$2 ~ /^53/ {print $1 "\t" $3}' "$tmp/errors.tsv" | head -3)"; fi
nt=$(awk -F'\t' '$2 == "57014"' "$tmp/errors.tsv" | wc -l)
if [ "$nt" -eq 0 ]; then ok "no call ran past the $TIMEOUT statement timeout"
else not_ok "no call ran past the $TIMEOUT statement timeout: $nt call(s)" \
  "$(awk -F'\t' '$2 == "57014" {print $1}' "$tmp/errors.tsv" | head -5 | while read -r id; do sed -n "${id}p" "$tmp/calls.sql" | cut -c1-300; done)"; fi

# 9-. known findings (TAP TODO: listed, explained, still reported; "unexpectedly succeeded" once fixed)
grep -v '^#' "$KNOWN" 2>/dev/null | while IFS=$'\t' read -r kind sig why; do
  c=$(awk -F'\t' -v k="$kind" -v s="$sig" '$1 == k && $2 == s' "$tmp/failures.tsv" | wc -l)
  n=$((n + 1))
  if [ "$c" -gt 0 ]; then echo "not ok $n - known finding: $sig gives $kind ($c calls) # TODO $why"
  else echo "ok $n - known finding: $sig gives $kind (not seen in this run) # TODO $why"; fi
done
exit 0
