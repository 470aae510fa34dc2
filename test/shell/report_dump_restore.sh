#!/usr/bin/env bash
# TAP: the report area's ledgers survive pg_dump -Fc / pg_restore into a new database, including offset uses
# whose check trigger fires during the restore, and the restored ledgers keep working.
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
src="eco_rep_src_$$"
dst="eco_rep_dst_$$"
work=$(mktemp -d /tmp/eco_rep_dump.XXXXXX)
chmod 755 "$work"
trap '"$BIN/dropdb" --if-exists "$src" >/dev/null 2>&1; "$BIN/dropdb" --if-exists "$dst" >/dev/null 2>&1; rm -rf "$work"' EXIT

source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }

ledgers="rectification complaint inspection_enterprise inspector inspection_draw inspection_check enforcement_case
         emission_reduction offset_use approval task"
echo "1..17"

"$BIN/createdb" "$src" 2>"$work/err" && q "$src" "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>>"$work/err"
tap "source database" $? "$(head -3 "$work/err")"
q "$src" "
INSERT INTO eco.rectification (area, level, finding, deadline) VALUES ('320100', '中央', 'f', '2023-06-30');
INSERT INTO eco.complaint (area, received_on, channel, category) VALUES ('320100', '2023-05-01', '电话', '气');
INSERT INTO eco.inspection_enterprise (area, code, name) SELECT '320100', 'E' || g, 'e' || g FROM generate_series(1, 5) g;
INSERT INTO eco.inspector (area, code, name) SELECT '320100', 'I' || g, 'i' || g FROM generate_series(1, 3) g;
SELECT count(*) FROM eco.draw_inspections(2, 42, '3201', '2023-05-01');
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty) VALUES ('320100', 'C1', 'e', '2023-05-01', 827750);
-- Uses that consume every ton of the reductions: a restore that checked uses before reductions would fail.
INSERT INTO eco.emission_reduction (area, pollutant, reduction_tpa, achieved_on) VALUES ('320100', 'VOCs', 100, '2023-01-01');
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on) VALUES ('320100', 'VOCs', 'p', 50, '2023-02-01');
INSERT INTO eco.approval (area, kind, category, decided_on) VALUES ('320100', '环评', '报告书', '2023-03-01');
INSERT INTO eco.task (area, program, item, plan_year) VALUES ('320100', '燃煤锅炉淘汰', 'b1', 2023);
" >/dev/null 2>"$work/err"
tap "rows in every ledger" $? "$(head -3 "$work/err")"

snapshot() {
  for t in $ledgers; do
    q "$1" "SELECT '$t', count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM eco.$t x"
  done
}
snapshot "$src" >"$work/before" 2>>"$work/err"
"$BIN/pg_dump" -Fc -f "$work/dump" "$src" 2>"$work/err"
tap "pg_dump" $? "$(head -3 "$work/err")"
"$BIN/createdb" "$dst" 2>"$work/err" && "$BIN/pg_restore" --exit-on-error -d "$dst" "$work/dump" 2>"$work/err"
tap "pg_restore into a new database" $? "$(head -5 "$work/err")"
snapshot "$dst" >"$work/after" 2>>"$work/err"
for t in $ledgers; do
  [ "$(grep "^$t|" "$work/before")" = "$(grep "^$t|" "$work/after")" ] && grep -q "^$t|[1-9]" "$work/after"
  tap "eco.$t restored unchanged" $? "before: $(grep "^$t|" "$work/before") after: $(grep "^$t|" "$work/after")"
done
# The restored ledgers keep working: sequences continue, the offset check still refuses an overdraft.
got=$(q "$dst" "INSERT INTO eco.complaint (area, received_on, channel, category) VALUES ('320100', '2023-06-01', '网络', '水')
                RETURNING id" 2>"$work/err")
tap "complaint ids continue after the restore" "$([ "$got" = "2" ]; echo $?)" "got id $got $(head -2 "$work/err")"
q "$dst" "INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on)
          VALUES ('320100', 'VOCs', 'too much', 0.01, '2023-03-01')" >/dev/null 2>"$work/err"
grep -q "need 100.02 t/a" "$work/err"
tap "the offset check still refuses an overdraft" $? "$(head -2 "$work/err")"

[ "$bad" -eq 0 ]
