-- pgTAP: every list is typed once. The lists of the outfall and land-parcel family and the ledgers' fixed words live in
-- C (views eco.outfall_statuses, eco.outfall_actions, eco.outfall_lifecycle, eco.parcel_survey_statuses,
-- eco.protection_zone_levels, eco.ledger_vocabulary): the CHECK constraints call validators of the C tables, and wherever SQL still writes a
-- member of a list as a literal (a stage with a meaning of its own, a report's wording, a fixed column per action)
-- this test proves the literals equal the C tables, in their order where the order matters. Lists that exist only in
-- SQL (site kinds) are typed in a CHECK constraint and again in a function: the two are
-- proved equal. Each check compares text read from the catalogue, so renaming a member on one side fails it.
BEGIN;
SELECT plan(45);

-- Helpers (temporary): the quoted literals of a text in order; a function's body with whitespace collapsed; the
-- definition of a constraint.
CREATE FUNCTION pg_temp.lits(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(array_agg(m.m[1] ORDER BY m.o), '{}') FROM regexp_matches(t, '''([^'']*)''', 'g') WITH ORDINALITY AS m(m, o)
$$;
CREATE FUNCTION pg_temp.body(f regprocedure) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT regexp_replace(p.prosrc, '\s+', ' ', 'g') FROM pg_proc p WHERE p.oid = f
$$;
CREATE FUNCTION pg_temp.cdef(tbl regclass, con name) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.conrelid = tbl AND c.conname = con
$$;
-- Literals made only of non-ASCII characters (the Chinese words of the lists), in order.
CREATE FUNCTION pg_temp.cjk(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(array_agg(x ORDER BY o), '{}') FROM unnest(pg_temp.lits(t)) WITH ORDINALITY AS u(x, o)
    WHERE x ~ '^[^\x01-\x7f]+$'
$$;
CREATE TEMP VIEW statuses AS SELECT ord, status FROM eco.outfall_statuses;
CREATE TEMP VIEW actions AS SELECT ord, action FROM eco.outfall_actions;
CREATE TEMP VIEW surveys AS SELECT ord, survey_status FROM eco.parcel_survey_statuses;
-- every spelling the lifecycle accepts (the canonical names and the further ones)
CREATE TEMP VIEW status_words AS
    SELECT status AS w FROM statuses UNION SELECT unnest(string_to_array(also_written, '|')) FROM eco.outfall_statuses;

-- ---------- the C tables as SQL sees them ----------
SELECT is((SELECT count(*)::int FROM statuses), 5, 'five outfall statuses');
SELECT is((SELECT count(*)::int FROM actions), 3, 'three remediation actions');
SELECT is((SELECT count(*)::int FROM surveys), 4, 'four soil-survey statuses');
SELECT is_empty($$SELECT from_status FROM eco.outfall_lifecycle UNION SELECT to_status FROM eco.outfall_lifecycle
                  EXCEPT SELECT status FROM statuses$$,
                'every status of the lifecycle is a status of eco.outfall_statuses');
SELECT is_empty($$SELECT status FROM statuses EXCEPT (SELECT from_status FROM eco.outfall_lifecycle
                                                       UNION SELECT to_status FROM eco.outfall_lifecycle)$$,
                'every status takes part in the lifecycle');
SELECT is((SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a
             ON a.attrelid = d.adrelid AND a.attnum = d.adnum
           WHERE d.adrelid = 'eco.outfall'::regclass AND a.attname = 'status'),
          (SELECT quote_literal(status) || '::text' FROM statuses WHERE ord = 1),
          'eco.outfall.status defaults to the first status of the lifecycle');
SELECT is((SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a
             ON a.attrelid = d.adrelid AND a.attnum = d.adnum
           WHERE d.adrelid = 'eco.land_parcel'::regclass AND a.attname = 'survey_status'),
          (SELECT quote_literal(survey_status) || '::text' FROM surveys WHERE ord = 1),
          'eco.land_parcel.survey_status defaults to the first survey status');

-- ---------- CHECK constraints read the C tables ----------
SELECT is(pg_temp.cdef('eco.outfall', 'outfall_status_check'), 'CHECK (eco._outfall_status_known(status))',
          'the status CHECK of eco.outfall calls the validator of the C table');
SELECT is(pg_temp.cdef('eco.outfall', 'outfall_action_check'), 'CHECK (eco._outfall_action_known(action))',
          'the action CHECK of eco.outfall calls the validator of the C table');
SELECT is(pg_temp.cdef('eco.land_parcel', 'land_parcel_survey_status_check'),
          'CHECK (eco._parcel_survey_status_known(survey_status))',
          'the survey-status CHECK of eco.land_parcel calls the validator of the C table');
SELECT is((SELECT count(*)::int FROM statuses WHERE eco._outfall_status_known(status)), 5,
          'the status validator accepts every status of the view');
SELECT is((SELECT count(*)::int FROM actions WHERE eco._outfall_action_known(action)), 3,
          'the action validator accepts every action of the view');
SELECT is((SELECT count(*)::int FROM surveys WHERE eco._parcel_survey_status_known(survey_status)), 4,
          'the survey validator accepts every status of the view');
SELECT throws_ok($$SELECT eco._outfall_status_known('销号')$$, '23514', 'unknown outfall status "销号"',
                 'a spelling accepted on input is not a stored status (the trigger stores 已完成)');
SELECT throws_ok($$SELECT eco._outfall_action_known('关停')$$, '23514', 'unknown outfall remediation action "关停"',
                 'an action outside the table is 23514 naming it');
SELECT throws_ok($$SELECT eco._parcel_survey_status_known('已完成')$$, '23514', 'unknown soil survey status "已完成"',
                 'a survey status outside the table is 23514 naming it');
-- The other constraints of eco.outfall name single stages and actions (a stage with a meaning of its own).
SELECT is_empty($$SELECT unnest(pg_temp.cjk(pg_get_constraintdef(c.oid))) FROM pg_constraint c
                  WHERE c.conrelid = 'eco.outfall'::regclass AND c.contype = 'c' AND c.conname <> 'outfall_outfall_kind_check'
                  EXCEPT (SELECT status FROM statuses UNION SELECT action FROM actions)$$,
                'every status or action a CHECK constraint of eco.outfall names is in the C tables');

-- ---------- the lifecycle trigger ----------
SELECT is_empty($$SELECT unnest(pg_temp.cjk(pg_temp.body('eco._outfall_status()'))) EXCEPT SELECT w FROM status_words$$,
                'every status the trigger eco._outfall_status names is a status (or an accepted spelling) of the C table');
SELECT set_eq($$SELECT unnest(pg_temp.lits(substring(pg_temp.body('eco._outfall_status()')
                                                      FROM 'CASE NEW.status (.*?) END CASE')))$$,
              $$SELECT status FROM statuses$$,
              'the trigger dates every status of the C table (CASE NEW.status covers exactly the statuses)');
SELECT is_empty($$SELECT unnest(pg_temp.cjk(pg_temp.body('eco._outfall_log()'))) EXCEPT SELECT w FROM status_words$$,
                'the history trigger names no status outside the C table');

-- ---------- eco.outfall_progress and eco.outfalls_in_protection_zones ----------
SELECT is_empty($$SELECT unnest(pg_temp.cjk(pg_temp.body('eco.outfall_progress(text, date)')))
                  EXCEPT (SELECT status FROM statuses UNION SELECT action FROM actions)$$,
                'every word eco.outfall_progress compares with is a status or an action of the C tables');
SELECT is_empty($$SELECT status FROM statuses
                  EXCEPT SELECT unnest(pg_temp.cjk(pg_temp.body('eco.outfall_progress(text, date)')))$$,
                'eco.outfall_progress counts every status of the C table');
SELECT is(ARRAY(SELECT m[1] FROM regexp_matches(pg_temp.body('eco.outfall_progress(text, date)'),
                                                 'action = ''([^'']*)''\) AS done_', 'g') AS m),
          ARRAY(SELECT action FROM actions ORDER BY ord),
          'the columns done_abolish, done_merge, done_regularize count the actions of the C table, in its order');
SELECT is(ARRAY(SELECT m[1] FROM regexp_matches(pg_temp.body('eco.outfall_progress(text, date)'),
                                                 'c\.done_\w+ \|\| '' ([^'']*)''', 'g') AS m),
          ARRAY(SELECT action FROM actions ORDER BY ord),
          'the bulletin sentence names the actions of the C table, in its order');
SELECT is_empty($$SELECT unnest(pg_temp.cjk(substring(pg_temp.body(p.oid::regprocedure) FROM 'o.status <> ''[^'']*''')))
                  FROM pg_proc p WHERE p.oid = 'eco.outfalls_in_protection_zones()'::regprocedure
                  EXCEPT SELECT status FROM statuses$$,
                'eco.outfalls_in_protection_zones leaves out a status of the C table');
-- Protection-zone levels: typed in C (eco.protection_zone_levels); the CHECK and the order of the zones read it.
SELECT is(pg_temp.cdef('eco.protection_zone', 'protection_zone_level_check'),
          'CHECK (eco._protection_zone_level_known(level))',
          'the level CHECK of eco.protection_zone calls the validator of the C table');
SELECT ok(strpos(pg_temp.body('eco.outfalls_in_protection_zones()'), 'eco._protection_zone_level_list()') > 0
          AND NOT EXISTS (SELECT 1 FROM eco.protection_zone_levels l
                          WHERE strpos(pg_temp.body('eco.outfalls_in_protection_zones()'), quote_literal(l.level)) > 0),
          'eco.outfalls_in_protection_zones orders the zones by the C table and types none of its levels');

-- ---------- the annual report and the work summary ----------
SELECT ok(strpos(pg_temp.body('eco._report_soil(text, daterange)'),
                 (SELECT '(VALUES ' || string_agg(format('(%s, %L)', ord, survey_status), ', ' ORDER BY ord) || ')'
                  FROM surveys)) > 0,
          'eco._report_soil (section of eco.annual_report) lists the survey statuses of the C table, in its order');
SELECT ok(strpos(pg_temp.body('eco._report_outfalls(text, daterange)'),
                 (SELECT string_agg(action || '%s个', '、' ORDER BY ord) FROM actions)) > 0,
          'eco._report_outfalls (section of eco.annual_report) details the completed remediation by the actions of the C table, in its order');
SELECT is_empty($$SELECT unnest(pg_temp.lits(m[1])) FROM regexp_matches(pg_temp.body('eco._report_soil(text, daterange)'),
                  '(\(VALUES \(1, [^)]*\)(?:, \(\d+, [^)]*\))*\))', 'g') AS m
                  EXCEPT SELECT survey_status FROM surveys$$,
                'eco._report_soil names no survey status outside the C table');
SELECT ok(strpos(pg_temp.body('eco.work_summary(text, integer, date, text)'),
                 (SELECT '(VALUES ' || string_agg(format('(%s, %L)', 5 - ord, survey_status), ', ' ORDER BY ord DESC) || ')'
                  FROM surveys)) > 0,
          'eco.work_summary reads the report''s survey rows for every status of the C table (last stage first)');
SELECT set_eq($$SELECT DISTINCT m[1] FROM regexp_matches(pg_temp.body('eco.work_summary(text, integer, date, text)'),
                                                       'CASE st (WHEN .*?) ELSE', 'g') AS r(c),
                     regexp_matches(r.c[1], 'WHEN ''([^'']*)''', 'g') AS m$$,
              $$SELECT survey_status FROM surveys WHERE ord > 1$$,
              'eco.work_summary words every survey status of the C table (the first one under ELSE)');
SELECT ok(strpos(pg_temp.body('eco.work_summary(text, integer, date, text)'),
                 (SELECT format('rep ? %L', '变更为第一类用地地块（' || survey_status || '）') FROM surveys WHERE ord = 1)) > 0,
          'eco.work_summary finds the soil section by the first survey status of the C table');

-- ---------- ledgers: the fixed words live in C (eco.ledger_vocabulary) ----------
SELECT is(ARRAY(SELECT pg_temp.cdef(t::regclass, c) FROM (VALUES (1, 'eco.rectification', 'rectification_level_check'),
                     (2, 'eco.complaint', 'complaint_channel_check'), (3, 'eco.complaint', 'complaint_category_check'),
                     (4, 'eco.approval', 'approval_kind_check'), (5, 'eco.approval', 'approval_check')) AS x(o, t, c) ORDER BY o),
          ARRAY['CHECK (eco._ledger_word_known(''rectification_level''::text, level))',
                'CHECK (eco._ledger_word_known(''complaint_channel''::text, channel))',
                'CHECK (eco._ledger_word_known(''complaint_category''::text, category))',
                'CHECK (eco._ledger_word_known(''approval_kind''::text, kind))',
                'CHECK (eco._approval_category_known(kind, category))'],
          'the CHECK constraints of the ledgers call the validators of the C table');
SELECT is_empty($$SELECT list FROM eco.ledger_vocabulary
                  WHERE NOT (CASE WHEN list = 'approval_category' THEN eco._approval_category_known(parent, value)
                                  ELSE eco._ledger_word_known(list, value) END)$$,
                'the validators accept every word of eco.ledger_vocabulary');
SELECT is_empty($$SELECT unnest(ARRAY['rectification_level', 'complaint_channel', 'complaint_category', 'approval_kind',
                                      'approval_category']) EXCEPT SELECT list FROM eco.ledger_vocabulary$$,
                'every list the ledgers name is in eco.ledger_vocabulary');
SELECT is_empty($$SELECT parent FROM eco.ledger_vocabulary WHERE list = 'approval_category'
                  EXCEPT SELECT value FROM eco.ledger_vocabulary WHERE list = 'approval_kind'$$,
                'every approval category belongs to an approval kind of the C table');
SELECT is_empty($$SELECT p.proname FROM pg_proc p
                  WHERE p.oid IN ('eco.rectification_summary(text, date)'::regprocedure,
                                  'eco.complaint_summary(text, daterange)'::regprocedure,
                                  'eco.approval_summary(text, daterange)'::regprocedure)
                    AND (p.prosrc NOT LIKE '%eco._ledger_vocabulary_list()%'
                         OR cardinality(pg_temp.cjk(regexp_replace(p.prosrc, '''合计''', '', 'g'))) > 0)$$,
                'the ledger summaries order by the C table and type none of its words');

-- ---------- other lists of the family and the report ----------
-- Site kinds: the CHECK of eco.site and the check (and hint) of eco.nearest_sites.
SELECT is(pg_temp.lits(substring(pg_temp.body(p.oid::regprocedure) FROM 'IF kind NOT IN \(([^)]*)\)')),
          pg_temp.lits(pg_temp.cdef('eco.site', 'site_kind_check')),
          'eco.nearest_sites accepts the site kinds of the CHECK of eco.site, in its order')
  FROM pg_proc p WHERE p.proname = 'nearest_sites' AND p.pronamespace = 'eco'::regnamespace;
SELECT ok(strpos(pg_temp.body(p.oid::regprocedure),
                 (SELECT 'Use ' || string_agg(format('''%L''', x), ', ' ORDER BY o) FILTER (WHERE o < n)
                         || ' or ' || max(format('''%L''', x)) FILTER (WHERE o = n)
                  FROM (SELECT x, o, count(*) OVER () AS n
                        FROM unnest(pg_temp.lits(pg_temp.cdef('eco.site', 'site_kind_check'))) WITH ORDINALITY AS u(x, o)) l)
                 ) > 0,
          'the hint of eco.nearest_sites lists the site kinds of the CHECK of eco.site')
  FROM pg_proc p WHERE p.proname = 'nearest_sites' AND p.pronamespace = 'eco'::regnamespace;
-- The air indicators the annual report prints are codes of the C registry (an unknown code would drop silently).
SELECT is_empty($$SELECT unnest(pg_temp.lits(substring(pg_temp.body('eco._report_air(text, daterange)')
                                                      FROM 's.indicator IN \(([^)]*)\)')))
                  EXCEPT SELECT code FROM eco.report_indicators$$,
                'every air indicator eco.annual_report prints (eco._report_air) is a code of eco.report_indicators');
SELECT cmp_ok(cardinality(pg_temp.lits(substring(pg_temp.body('eco._report_air(text, daterange)')
                                                 FROM 's.indicator IN \(([^)]*)\)'))), '>', 0,
              'eco.annual_report selects its air indicators by code');
-- Finding statuses: those eco.rectification_status gives are those eco.rectification_summary counts.
SELECT set_eq($$SELECT unnest(pg_temp.lits(substring(pg_temp.body('eco.rectification_status(text, date)')
                                                    FROM 'THEN ''closed''.*? END')))$$,
              $$SELECT m[1] FROM regexp_matches(pg_temp.body('eco.rectification_summary(text, date)'),
                                                's\.status = ''([^'']*)''', 'g') AS m$$,
              'eco.rectification_summary counts every status eco.rectification_status gives, and no other');

-- ---------- the checks fail when a list drifts (probes on altered text) ----------
SELECT isnt_empty($$SELECT unnest(pg_temp.cjk('status = ''销号完成'' OR action = ''取缔''')) EXCEPT
                    (SELECT status FROM statuses UNION SELECT action FROM actions)$$,
                  'probe: a status outside the C table is found');
SELECT is(strpos(replace(pg_temp.body('eco._report_soil(text, daterange)'), '报告已编制', '报告编制'),
                 (SELECT '(VALUES ' || string_agg(format('(%s, %L)', ord, survey_status), ', ' ORDER BY ord) || ')'
                  FROM surveys)), 0,
          'probe: a survey status renamed in the report no longer equals the C table');

SELECT * FROM finish();
ROLLBACK;
