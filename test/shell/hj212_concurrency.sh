#!/usr/bin/env bash
# TAP: eco.hj212_ingest run by two sessions at once (two real connections), at
# READ COMMITTED, REPEATABLE READ and SERIALIZABLE: two roles stage packets with
# the same keys (\copy into the table eco.hj212_staging as each role) and ingest together.  Nothing is lost or stored twice: each
# packet key is stored once, each session's counts add up (given = loaded +
# rejected), and a session that loses a race either counts duplicates or fails
# whole with a serialization failure (40001), leaving its lines staged for a
# retry.  Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster.
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
db="eco_hj212_conc_$$"
tmp=$(mktemp -d /tmp/eco_hj212_conc.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  "$BIN/dropdb" --if-exists "$db" >/dev/null 2>&1
  "$BIN/psql" -X -q -d postgres -c "DROP ROLE IF EXISTS hj212_conc_a; DROP ROLE IF EXISTS hj212_conc_b" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

echo "1..12"
"$BIN/createdb" "$db" && q -c "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>"$tmp/err"
check "database with eco_monitor" '[ $? -eq 0 ]' "$(head -3 "$tmp/err")"
q -c "
CREATE ROLE hj212_conc_a; CREATE ROLE hj212_conc_b;
INSERT INTO eco.area_grant VALUES ('hj212_conc_a', '4207'), ('hj212_conc_b', '4207');
INSERT INTO eco.pollution_source (code, name, area) VALUES ('C1', 'c', '420702');
INSERT INTO eco.outlet (mn, source_id, outlet_code, medium, area)
SELECT 'CONC' || o, (SELECT id FROM eco.pollution_source), 'DA' || o, '废气', '420702' FROM generate_series(1, 20) o;
" >/dev/null 2>"$tmp/err"
check "two roles, 20 outlets" '[ $? -eq 0 ]' "$(head -3 "$tmp/err")"

for iso in "READ COMMITTED" "REPEATABLE READ" "SERIALIZABLE"; do
  q -c "DELETE FROM eco.outlet_reading; DELETE FROM eco.hj212_reject; DELETE FROM eco.hj212_staging" >/dev/null
  # Both roles stage the same 2000 keys (role b with other values) plus 10 bad lines each.
  # The lines go in with \copy as each role (each role may insert the column line; staged_by is set to it).
  q -c "\copy (SELECT eco.hj212_frame(format('ST=31;CN=2051;MN=CONC%s;CP=&&DataTime=%s;a21026-Avg=%s,a21026-Flag=N&&', 1 + i % 20, to_char(timestamp '2026-05-01' + (i / 20) * interval '1 minute', 'YYYYMMDDHH24MISS'), i), false) FROM generate_series(0, 1999) i UNION ALL SELECT 'garbage ' || i FROM generate_series(1, 10) i) TO '$tmp/a.txt'" >/dev/null
  q -c "\copy (SELECT eco.hj212_frame(format('ST=31;CN=2051;MN=CONC%s;CP=&&DataTime=%s;a21026-Avg=%s,a21026-Flag=N&&', 1 + i % 20, to_char(timestamp '2026-05-01' + (i / 20) * interval '1 minute', 'YYYYMMDDHH24MISS'), i + 0.5), false) FROM generate_series(0, 1999) i UNION ALL SELECT 'garbage ' || i FROM generate_series(1, 10) i) TO '$tmp/b.txt'" >/dev/null
  for r in a b; do
    q -c "SET ROLE hj212_conc_$r" -c "\copy eco.hj212_staging (line) FROM '$tmp/$r.txt'" >/dev/null 2>"$tmp/copy.err" || { echo "# $(cat "$tmp/copy.err")"; }
  done
  for r in a b; do
    ( q -c "SET ROLE hj212_conc_$r; BEGIN ISOLATION LEVEL $iso;
            SELECT given, loaded, rejected, duplicate, replaced FROM eco.hj212_ingest(batch_size => 300); COMMIT;" \
        >"$tmp/$r.out" 2>"$tmp/$r.err"; echo $? >"$tmp/$r.rc" ) &
  done
  wait
  stored=$(q -c "SELECT count(*) FROM eco.outlet_reading")
  keys=$(q -c "SELECT count(DISTINCT (mn, cn, data_time)) FROM eco.outlet_reading")
  left=$(q -c "SELECT count(*) FROM eco.hj212_staging")
  sums=""; good=1
  for r in a b; do
    if [ "$(cat "$tmp/$r.rc")" -eq 0 ]; then
      IFS='|' read -r g l j d p <"$tmp/$r.out"
      [ "$g" -eq 2010 ] && [ $((l + j)) -eq "$g" ] && [ "$j" -eq 10 ] || good=0
      sums="$sums $r:$g/$l/$j/$d/$p"
    else
      grep -q "could not serialize\|40001" "$tmp/$r.err" || good=0
      sums="$sums $r:serialization-failure"
    fi
  done
  ok_runs=$(cat "$tmp/a.rc" "$tmp/b.rc" | grep -c '^0$')
  check "$iso: each packet key stored once ($stored rows, $keys keys)" '[ "$stored" -eq 2000 ] && [ "$keys" -eq 2000 ]' "$sums"
  check "$iso: counts add up in each session ($sums)" '[ "$good" -eq 1 ] && [ "$ok_runs" -ge 1 ]' "$(cat "$tmp/a.err" "$tmp/b.err" | head -3)"
  check "$iso: a failed session leaves its lines staged, a finished one consumes them ($left left)" \
        '[ "$left" -eq $(( (2 - ok_runs) * 2010 )) ]' "$sums"
done
q -c "SELECT 1" >/dev/null
check "the database is still usable" '[ $? -eq 0 ]'
exit $((bad > 0))
