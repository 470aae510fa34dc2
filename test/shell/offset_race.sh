#!/usr/bin/env bash
# TAP: the offset capacity (倍量替代) holds with two real concurrent sessions at READ COMMITTED, REPEATABLE READ and
# SERIALIZABLE.  Each case: both sessions take their snapshot, session A writes and holds its transaction open,
# session B writes the conflicting change (and must block), A commits, then B must fail (23514 at READ COMMITTED,
# where it sees A's row; 40001 at the snapshot levels) and the committed uses never exceed the reductions.
# Case 1: two projects together need more than the reductions.  Case 2: a project is approved while a reduction it
# needs is deleted.  Both sessions run as a role that is not the owner.
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
db="eco_race_$$"
role="eco_race_role_$$"
work=$(mktemp -d /tmp/eco_race.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  "$BIN/dropdb" --if-exists "$db" >/dev/null 2>&1
  "$BIN/psql" -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" -c "$1"; }

# wait_for APP CONDITION: poll pg_stat_activity until the session named APP satisfies the SQL condition (20 s).
wait_for() {
  for _ in $(seq 1 200); do
    [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1' AND ($2)")" = 1 ] && return 0
    sleep 0.1
  done
  return 1
}

# session NAME: a psql reading statements from a fifo (file descriptor 3 for A, 4 for B), output in $work/NAME.out.
start_session() {
  mkfifo "$work/$1.in"
  PGAPPNAME="race_$1" "$BIN/psql" -X -q -v ON_ERROR_STOP=0 -v VERBOSITY=verbose -d "$db" <"$work/$1.in" >"$work/$1.out" 2>&1 &
  pids+=($!)
}

echo "1..19"
"$BIN/createdb" "$db" 2>"$work/err" &&
  q "CREATE EXTENSION eco_monitor CASCADE; CREATE ROLE $role; INSERT INTO eco.area_grant VALUES ('$role', '3201');" \
    >/dev/null 2>>"$work/err"
tap "database with eco_monitor and a role limited to area 3201" $? "$(head -3 "$work/err")"

# run_case LEVEL CASE: returns after both sessions ended; B's output in $work/B.out.
run_case() {
  local level=$1 kase=$2 a_sql b_sql
  q "DELETE FROM eco.offset_use; DELETE FROM eco.emission_reduction;" >/dev/null
  if [ "$kase" = 1 ]; then
    # 100 t/a of reductions; each project needs 30 x 2 = 60: one fits, two do not.
    q "INSERT INTO eco.emission_reduction (area, pollutant, reduction_tpa, achieved_on) VALUES ('320100', 'VOCs', 100, '2023-01-01')" >/dev/null
    a_sql="INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, ratio, approved_on) VALUES ('320100', 'VOCs', 'A', 30, 2, '2024-01-01');"
    b_sql="INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, ratio, approved_on) VALUES ('320100', 'VOCs', 'B', 30, 2, '2024-01-01');"
  else
    # 70 + 50 t/a of reductions; A's project needs 60; B deletes the 70 (alone, harmless; with A's project, not).
    q "INSERT INTO eco.emission_reduction (area, pollutant, source, reduction_tpa, achieved_on) VALUES
         ('320100', 'VOCs', 'r70', 70, '2023-01-01'), ('320100', 'VOCs', 'r50', 50, '2023-01-01')" >/dev/null
    a_sql="INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, ratio, approved_on) VALUES ('320100', 'VOCs', 'A', 30, 2, '2024-01-01');"
    b_sql="DELETE FROM eco.emission_reduction WHERE source = 'r70';"
  fi
  rm -f "$work"/A.* "$work"/B.*
  pids=()
  start_session A; exec 3>"$work/A.in"
  start_session B; exec 4>"$work/B.in"
  # Both snapshots first (the first query of a REPEATABLE READ or SERIALIZABLE transaction takes it).
  echo "SET ROLE $role; BEGIN ISOLATION LEVEL $level; SELECT count(*) FROM eco.offset_use;" >&3
  wait_for race_A "state = 'idle in transaction'" || return 1
  echo "SET ROLE $role; BEGIN ISOLATION LEVEL $level; SELECT count(*) FROM eco.offset_use;" >&4
  wait_for race_B "state = 'idle in transaction'" || return 1
  echo "$a_sql" >&3
  wait_for race_A "state = 'idle in transaction' AND query LIKE '%''A''%'" || return 1
  echo "$b_sql" >&4
  # B must block behind A (a lock wait), not decide on its stale snapshot.
  wait_for race_B "wait_event_type = 'Lock'"; blocked=$?
  echo "COMMIT;" >&3; exec 3>&-
  echo "COMMIT;" >&4; exec 4>&-
  wait "${pids[@]}" 2>/dev/null
  pids=()
  return 0
}

for level in "READ COMMITTED" "REPEATABLE READ" "SERIALIZABLE"; do
  for kase in 1 2; do
    if [ "$kase" = 1 ]; then what="two projects at once"; else what="a project while its reduction is deleted"; fi
    blocked=1
    run_case "$level" "$kase"
    tap "$level, $what: the second session waits for the first" "$blocked" "$(cat "$work/B.out" 2>/dev/null)"
    if [ "$level" = "READ COMMITTED" ]; then want=23514; else want=40001; fi
    grep -q "ERROR:  $want" "$work/B.out" 2>/dev/null
    tap "$level, $what: the second session fails with $want" $? "$(cat "$work/A.out" "$work/B.out" 2>/dev/null)"
    state=$(q "SELECT (SELECT count(*) FROM eco.offset_use) || ' ' ||
                      ((SELECT coalesce(sum(emission_tpa * ratio), 0) FROM eco.offset_use)
                       <= (SELECT coalesce(sum(reduction_tpa), 0) FROM eco.emission_reduction))")
    tap "$level, $what: project A committed and the reductions still cover the uses" \
        "$([ "$state" = "1 true" ]; echo $?)" "uses, covered: $state"
  done
done

[ "$bad" -eq 0 ]
