#!/usr/bin/env bash
# TAP: ALTER EXTENSION eco_monitor UPDATE from the 0.1.0 release gives exactly what a fresh install of the current
# version gives (functions, types, operators, operator classes, casts, aggregates, tables, columns, constraints,
# indexes, triggers, policies, views, sequences, comments, privileges, the dump configuration) and no user row changes.
# 0.1.0 is installed from upgrade/eco_monitor--0.1.0.sql, the script exactly as released.
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
old="eco_upg_old_$$"
new="eco_upg_new_$$"
work=$(mktemp -d /tmp/eco_upgrade.XXXXXX)
chmod 755 "$work"
trap '"$BIN/dropdb" --if-exists "$old" >/dev/null 2>&1; "$BIN/dropdb" --if-exists "$new" >/dev/null 2>&1; rm -rf "$work"' EXIT

source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$(dirname "$0")/../../eco_monitor.control")
echo "1..8"

"$BIN/createdb" "$old" 2>"$work/err" &&
  q "$old" "CREATE EXTENSION postgis; CREATE EXTENSION eco_monitor VERSION '0.1.0'" >/dev/null 2>>"$work/err"
tap "install the 0.1.0 release" $? "$(head -3 "$work/err")"

# Rows in every user table of 0.1.0, written through the 0.1.0 API.
"$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$old" -f test/fixtures/site_rows.sql -c "
INSERT INTO eco.area_grant VALUES ('upgrade_role', '4207');
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
  SELECT 'A01', timestamp '2025-12-31 01:00' + g * interval '1 hour', 8, 30 + g % 7, 0.6, 40 + g % 50, 70, 35 + g % 11
  FROM generate_series(0, 72) g;
SELECT eco.refresh_air_daily('2025-12-31', '2026-01-03');
INSERT INTO eco.rectification (area, level, finding, deadline) VALUES ('420702', '中央', 'f', '2023-06-30');
INSERT INTO eco.complaint (area, received_on, channel, category) VALUES ('420702', '2023-05-01', '电话', '气');
INSERT INTO eco.inspection_enterprise (area, code, name) SELECT '420702', 'E' || g, 'e' || g FROM generate_series(1, 5) g;
INSERT INTO eco.inspector (area, code, name) SELECT '420702', 'I' || g, 'i' || g FROM generate_series(1, 3) g;
SELECT count(*) FROM eco.draw_inspections(2, 42, '4207', '2023-05-01');
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty) VALUES ('420702', 'C1', 'e', '2023-05-01', 827750);
INSERT INTO eco.emission_reduction (area, pollutant, reduction_tpa, achieved_on) VALUES ('420702', 'VOCs', 100, '2023-01-01');
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on) VALUES ('420702', 'VOCs', 'p', 50, '2023-02-01');
INSERT INTO eco.approval (area, kind, category, decided_on) VALUES ('420702', '环评', '报告书', '2023-03-01');
INSERT INTO eco.task (area, program, item, plan_year) VALUES ('420702', '燃煤锅炉淘汰', 'b1', 2023);
" >/dev/null 2>"$work/err"
tap "rows in every user table of 0.1.0" $? "$(head -3 "$work/err")"

# Every user table of the old version has rows (so the data check below covers all of them).
tables=$(q "$old" "SELECT string_agg(c.oid::regclass::text, ' ' ORDER BY c.oid::regclass::text)
                   FROM pg_depend d JOIN pg_class c ON c.oid = d.objid AND d.classid = 'pg_class'::regclass
                   WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND c.relkind IN ('r', 'p')
                     AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'eco_monitor')")
empty=""
for t in $tables; do
  [ "$(q "$old" "SELECT count(*) > 0 FROM $t")" = t ] || empty="$empty $t"
done
tap "every user table of 0.1.0 has rows" "$([ -z "$empty" ]; echo $?)" "empty:$empty"

snapshot() {
  for t in $tables; do
    q "$1" "SELECT '$t', count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM $t x"
  done
}
snapshot "$old" >"$work/rows_before" 2>>"$work/err"

q "$old" "ALTER EXTENSION eco_monitor UPDATE" >/dev/null 2>"$work/err"
tap "ALTER EXTENSION eco_monitor UPDATE" $? "$(head -5 "$work/err")"
got=$(q "$old" "SELECT extversion FROM pg_extension WHERE extname = 'eco_monitor'")
tap "updated to $current" "$([ "$got" = "$current" ]; echo $?)" "extversion is $got"

"$BIN/createdb" "$new" 2>"$work/err" && q "$new" "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>>"$work/err"
tap "fresh install of $current" $? "$(head -3 "$work/err")"

# The catalogue of the extension, one line per property, in a stable order.
catalogue() {
  q "$1" "
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'eco_monitor'),
mem AS (SELECT d.classid, d.objid FROM pg_depend d, ext
        WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
obj AS (SELECT m.classid, m.objid, pg_describe_object(m.classid, m.objid, 0) AS name FROM mem m)
SELECT line FROM (
  SELECT 'member ' || name AS line FROM obj
  UNION ALL
  SELECT 'comment ' || name || ': ' || coalesce(obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid)), '<none>')
  FROM obj
  UNION ALL
  SELECT 'function ' || p.oid::regprocedure::text || ' returns ' || pg_get_function_result(p.oid)
         || ' kind=' || p.prokind::text || ' vol=' || p.provolatile::text || ' strict=' || p.proisstrict || ' par=' || p.proparallel::text
         || ' secdef=' || p.prosecdef || ' leak=' || p.proleakproof || ' cost=' || p.procost || ' rows=' || p.prorows
         || ' lang=' || l.lanname || ' config=' || coalesce(p.proconfig::text, '') || ' acl=' || coalesce(p.proacl::text, '')
         || ' args=' || pg_get_function_arguments(p.oid) || ' bin=' || coalesce(p.probin, '')
         || ' src=' || md5(p.prosrc) || ' owner=' || p.proowner::regrole::text
  FROM obj o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND p.oid = o.objid JOIN pg_language l ON l.oid = p.prolang
  UNION ALL
  SELECT 'aggregate ' || a.aggfnoid::regprocedure::text || ' ' || concat_ws(' ', a.aggkind::text, a.aggnumdirectargs,
         a.aggtransfn::regproc, a.aggfinalfn::regproc, a.aggcombinefn::regproc, a.aggserialfn::regproc,
         a.aggdeserialfn::regproc, a.aggmtransfn::regproc, a.aggfinalextra, a.aggfinalmodify, a.aggsortop::regoper,
         a.aggtranstype::regtype, a.aggtransspace, a.agginitval)
  FROM obj o JOIN pg_aggregate a ON o.classid = 'pg_proc'::regclass AND a.aggfnoid = o.objid
  UNION ALL
  SELECT 'type ' || t.oid::regtype::text || ' ' || concat_ws(' ', t.typtype, t.typlen, t.typbyval, t.typalign,
         t.typstorage, t.typcategory, t.typinput::regproc, t.typoutput::regproc, t.typreceive::regproc,
         t.typsend::regproc, t.typanalyze::regproc, t.typbasetype::regtype, t.typnotnull, t.typdefault, t.typacl,
         (SELECT string_agg(pg_get_constraintdef(c.oid), ',' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid),
         (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
         (SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
          FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
  FROM obj o JOIN pg_type t ON o.classid = 'pg_type'::regclass AND t.oid = o.objid
  UNION ALL
  SELECT 'operator ' || op.oid::regoperator::text || ' ' || concat_ws(' ', op.oprcode::regproc, op.oprrest::regproc,
         op.oprjoin::regproc, op.oprcom::regoperator, op.oprnegate::regoperator, op.oprcanmerge, op.oprcanhash)
  FROM obj o JOIN pg_operator op ON o.classid = 'pg_operator'::regclass AND op.oid = o.objid
  UNION ALL
  SELECT 'opclass ' || name || ' ' || concat_ws(' ', oc.opcdefault, oc.opcintype::regtype,
         (SELECT string_agg(ao.amopstrategy || '=' || ao.amopopr::regoperator::text, ',' ORDER BY ao.amopstrategy)
          FROM pg_amop ao WHERE ao.amopfamily = oc.opcfamily),
         (SELECT string_agg(ap.amprocnum || '=' || ap.amproc::regprocedure::text, ',' ORDER BY ap.amprocnum)
          FROM pg_amproc ap WHERE ap.amprocfamily = oc.opcfamily))
  FROM obj o JOIN pg_opclass oc ON o.classid = 'pg_opclass'::regclass AND oc.oid = o.objid
  UNION ALL
  SELECT 'cast ' || name || ' ' || concat_ws(' ', ca.castfunc::regprocedure, ca.castcontext, ca.castmethod)
  FROM obj o JOIN pg_cast ca ON o.classid = 'pg_cast'::regclass AND ca.oid = o.objid
  UNION ALL
  SELECT 'relation ' || c.oid::regclass::text || ' ' || concat_ws(' ', c.relkind, c.relpersistence, c.relrowsecurity,
         c.relforcerowsecurity, c.reloptions, c.relacl, c.relowner::regrole, c.relispartition,
         pg_get_partkeydef(c.oid), CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END)
  FROM obj o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
  UNION ALL
  SELECT 'column ' || c.oid::regclass::text || '.' || a.attname || ' ' || concat_ws(' ', a.attnum,
         format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated, a.attacl,
         pg_get_expr(ad.adbin, ad.adrelid), col_description(c.oid, a.attnum))
  FROM obj o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
  UNION ALL
  SELECT 'constraint ' || c.oid::regclass::text || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
         || ' ' || coalesce(obj_description(con.oid, 'pg_constraint'), '')
  FROM obj o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
  JOIN pg_constraint con ON con.conrelid = c.oid
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' ' || coalesce(obj_description(i.indexrelid, 'pg_class'), '')
  FROM obj o JOIN pg_index i ON o.classid = 'pg_class'::regclass AND i.indrelid = o.objid
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(tg.oid) || ' ' || tg.tgenabled::text || ' ' || coalesce(obj_description(tg.oid, 'pg_trigger'), '')
  FROM obj o JOIN pg_trigger tg ON o.classid = 'pg_class'::regclass AND tg.tgrelid = o.objid AND NOT tg.tgisinternal
  UNION ALL
  SELECT 'policy ' || p.tablename || ' ' || concat_ws(' ', p.policyname, p.permissive, p.roles, p.cmd, p.qual, p.with_check)
         || ' ' || coalesce((SELECT obj_description(pol.oid, 'pg_policy') FROM pg_policy pol
                            WHERE pol.polname = p.policyname AND pol.polrelid = (p.schemaname || '.' || p.tablename)::regclass), '')
  FROM pg_policies p WHERE p.schemaname = 'eco'
  UNION ALL
  SELECT 'statistics ' || s.stxname || ' ' || pg_get_statisticsobjdef(s.oid)
  FROM pg_statistic_ext s WHERE s.stxnamespace = 'eco'::regnamespace
  UNION ALL
  SELECT 'schema ' || n.nspname || ' ' || n.nspowner::regrole::text || ' ' || coalesce(n.nspacl::text, '')
         || ' ' || coalesce(obj_description(n.oid, 'pg_namespace'), '')
  FROM pg_namespace n WHERE n.nspname = 'eco'
  UNION ALL
  SELECT 'dump-config ' || c::regclass::text || ' ' || coalesce(e.extcondition[i], '')
  FROM pg_extension e, ext, unnest(e.extconfig) WITH ORDINALITY AS u(c, i) WHERE e.oid = ext.oid
  UNION ALL
  SELECT 'unowned-in-schema ' || c.oid::regclass::text FROM pg_class c
  WHERE c.relnamespace = 'eco'::regnamespace AND c.relkind NOT IN ('i', 't', 'I')
    AND NOT EXISTS (SELECT 1 FROM mem WHERE mem.classid = 'pg_class'::regclass AND mem.objid = c.oid)
  UNION ALL
  SELECT 'unowned-in-schema ' || p.oid::regprocedure::text FROM pg_proc p
  WHERE p.pronamespace = 'eco'::regnamespace
    AND NOT EXISTS (SELECT 1 FROM mem WHERE mem.classid = 'pg_proc'::regclass AND mem.objid = p.oid)
) x ORDER BY line COLLATE \"C\""
}
catalogue "$old" >"$work/cat_updated" 2>"$work/err"
catalogue "$new" >"$work/cat_fresh" 2>>"$work/err"
lines=$(wc -l <"$work/cat_fresh")
diff "$work/cat_fresh" "$work/cat_updated" >"$work/cat_diff"
tap "catalogue after the update equals a fresh install ($lines properties compared)" \
    "$([ -s "$work/err" ] || [ -s "$work/cat_diff" ] || [ "$lines" -lt 500 ]; [ $? -ne 0 ]; echo $?)" \
    "$(head -40 "$work/cat_diff" | sed 's/^/# /'; head -3 "$work/err")"

snapshot "$old" >"$work/rows_after" 2>>"$work/err"
diff "$work/rows_before" "$work/rows_after" >"$work/rows_diff"
tap "no user row changed by the update" "$([ -s "$work/rows_diff" ]; [ $? -ne 0 ]; echo $?)" "$(head -20 "$work/rows_diff")"

[ "$bad" -eq 0 ]
