-- ===================================================================
-- Year-on-year (同比) wording and the published figures: the same period
-- last year, relative and percentage-point changes, the bulletin's change
-- phrases, shares, GB/T 8170 rounding and the registry of the report's
-- indicators.  The rules live in src/core/ (same_period.c, change_wording.c,
-- report_indicators.c); the ledgers that use them are in 52_ledgers.sql.
-- ===================================================================

-- ---------- year-on-year ----------
CREATE FUNCTION @extschema@.same_day_last_year(d date) RETURNS date
    AS 'MODULE_PATHNAME', 'yoy_same_day_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.same_day_last_year(date) IS
    'the same calendar day one year earlier; 29 February maps to 28 February';

CREATE FUNCTION @extschema@.same_period_last_year(period daterange) RETURNS daterange
    AS 'MODULE_PATHNAME', 'yoy_same_period_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.same_period_last_year(daterange) IS
    'the same days one year earlier (first and last day each moved back a year, 29 February -> 28 February)';

CREATE FUNCTION @extschema@.pct_change(cur numeric, prev numeric) RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_pct_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pct_change(numeric, numeric) IS
    'relative change in %, (cur - prev) / |prev| x 100, unrounded; NULL when prev is 0 or NULL';

CREATE FUNCTION @extschema@.pp_change(cur numeric, prev numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF cur IN ('NaN', 'Infinity', '-Infinity') THEN
        RAISE EXCEPTION 'pp_change: cur must be a finite number, not %', cur USING ERRCODE = '22023';
    END IF;
    IF prev IN ('NaN', 'Infinity', '-Infinity') THEN
        RAISE EXCEPTION 'pp_change: prev must be a finite number, not %', prev USING ERRCODE = '22023';
    END IF;
    RETURN cur - prev;
END
$$;
COMMENT ON FUNCTION @extschema@.pp_change(numeric, numeric) IS
    'change in percentage points of a ratio given in %: cur - prev; NULL when either is NULL; ERROR 22023 for NaN or infinity';

CREATE FUNCTION @extschema@.improvement(cur numeric, prev numeric, lower_is_better boolean DEFAULT true)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_improvement' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.improvement(numeric, numeric, boolean) IS
    'relative improvement in % (positive = better): -pct_change when lower is better, pct_change otherwise; NULL when prev is 0 or NULL';

CREATE FUNCTION @extschema@.change_rounded(cur numeric, prev numeric, kind text, decimals integer DEFAULT 1)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_change_rounded' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_rounded(numeric, numeric, text, integer) IS
    'the change in the measure of the kind (% or percentage points), rounded half away from zero exactly; NULL for a % change against 0';

CREATE FUNCTION @extschema@.change_phrase(cur numeric, prev numeric, kind text, decimals integer DEFAULT 1)
    RETURNS text
    AS 'MODULE_PATHNAME', 'yoy_change_phrase' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_phrase(numeric, numeric, text, integer) IS
    'bulletin wording of a year-on-year change: 同比改善13.6%, 同比上升1.9个百分点, 同比持平 (rounded change 0); kinds in eco.change_kinds';

CREATE FUNCTION @extschema@.share(part numeric, whole numeric, decimals integer DEFAULT 1) RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share(numeric, numeric, integer) IS
    'part / whole in %, rounded half away from zero exactly (1 decimal by default); NULL when whole is 0';

CREATE FUNCTION @extschema@._change_kind_list(
    OUT kind text, OUT measure text, OUT direction text, OUT word_up text, OUT word_down text,
    OUT suffix text, OUT description text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'yoy_change_kinds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@._change_kind_list() IS 'rows of the view eco.change_kinds, from the C table (src/core/change_wording.c)';
CREATE VIEW @extschema@.change_kinds AS SELECT * FROM @extschema@._change_kind_list();
GRANT SELECT ON @extschema@.change_kinds TO PUBLIC;
COMMENT ON VIEW @extschema@.change_kinds IS
    'kinds of eco.change_phrase: measure (% or percentage points), which direction is better, and the words used';

-- ---------- the years a report can cover ----------
-- A report year needs 1 January and 31 December of the year and of the year before as dates (make_date): years
-- 1..9999, the range of make_date's four-digit years.  Outside it: 22003 (value out of range), as for every number
-- outside the range a function supports; NULL and other bad values stay 22023.
CREATE FUNCTION @extschema@._report_year_check(year integer) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF year < 1 OR year > 9999 THEN
        RAISE EXCEPTION 'year out of range: %', year USING ERRCODE = '22003', HINT = 'a report year is 1 to 9999';
    END IF;
    RETURN year;
END
$$;
COMMENT ON FUNCTION @extschema@._report_year_check(integer) IS
    'the year when a report, a report section or a chart can cover it (1..9999), else ERROR 22003';
-- A report period is a bounded, non-empty date range; anything else is 22023 (a NULL period gives no rows: the
-- callers test it first).
CREATE FUNCTION @extschema@._report_period_check(period daterange) RETURNS daterange
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF isempty(period) OR lower_inf(period) OR upper_inf(period) THEN
        RAISE EXCEPTION 'period must be a bounded, non-empty date range: %', period USING ERRCODE = '22023';
    END IF;
    RETURN period;
END
$$;
COMMENT ON FUNCTION @extschema@._report_period_check(daterange) IS
    'the period when a report or a chart can cover it (bounded, non-empty), else ERROR 22023';

-- ---------- published figures ----------
CREATE FUNCTION @extschema@.gbt8170_round(value numeric, decimals integer DEFAULT 0) RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_round_gbt8170' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gbt8170_round(numeric, integer) IS
    'GB/T 8170-2008 rounding (四舍六入五成双) of the exact decimal value to 0..4 decimals: 1.15 -> 1.2, 1.25 -> 1.2, 1.251 -> 1.3';

CREATE FUNCTION @extschema@._report_indicator_list(
    OUT ord integer, OUT code text, OUT name_zh text, OUT unit text, OUT decimals integer,
    OUT change_kind text, OUT statistic text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'yoy_report_indicators' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@._report_indicator_list() IS 'rows of the view eco.report_indicators, from the C table (src/core/report_indicators.c)';
CREATE VIEW @extschema@.report_indicators AS SELECT * FROM @extschema@._report_indicator_list();
GRANT SELECT ON @extschema@.report_indicators TO PUBLIC;
COMMENT ON VIEW @extschema@.report_indicators IS
    'figures of eco.air_summary: Chinese name, unit, published decimals (GB/T 8170), kind of the year-on-year change, and how the city value is formed';
