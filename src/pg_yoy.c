/*
 * pg_yoy.c — glue for the year-on-year (同比) functions and the
 * reproducible random draw of the 双随机 inspections.
 *
 * Changes are computed on numeric, exactly: the rounded change of a phrase is
 * found by integer division with remainder, never by a rounded quotient.
 */
#include "eco_glue.h"

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/numeric.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"

#include "yoy.h"

/* ---------- numeric helpers ---------- */

/* A small integer as numeric; the constants used on every call are built once per backend. */
static Numeric
yoy_num(int64 v)
{
	static const int64 keys[] = {0, 1, 2, 10, 100, 1000, 10000};
	static Numeric cache[lengthof(keys)];

	for (int i = 0; i < (int) lengthof(keys); i++)
		if (keys[i] == v)
		{
			if (cache[i] == NULL)
			{
				MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

				cache[i] = int64_to_numeric(v);
				MemoryContextSwitchTo(old);
			}
			return cache[i];
		}
	return int64_to_numeric(v);
}

/* ERROR 22023 unless n is a finite number; 'what' names the argument. */
static inline void
yoy_check_finite(Numeric n, const char *what)
{
	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not %s", what,
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n))))));
}

/* Sign of a numeric (-1, 0, 1). */
static inline int
yoy_sign(Numeric n)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(n),
											 NumericGetDatum(yoy_num(0))));
}

static inline Numeric
yoy_sub(Numeric a, Numeric b)
{
	return numeric_sub_opt_error(a, b, NULL);
}

static inline Numeric
yoy_mul(Numeric a, Numeric b)
{
	return numeric_mul_opt_error(a, b, NULL);
}

static inline Numeric
yoy_abs(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(a)));
}

/* 10^d for 0 <= d <= ECO_YOY_MAX_DECIMALS. */
static Numeric
yoy_pow10(int d)
{
	int64		p = 1;

	for (int i = 0; i < d; i++)
		p *= 10;
	return yoy_num(p);
}

/*
 * round(n / den) half away from zero, exactly: q = trunc(n / den),
 * r = n - q * den, and q moves one away from zero when 2|r| >= |den|.
 * den must be non-zero.
 */
static Numeric
yoy_div_round(Numeric n, Numeric den)
{
	Numeric		q = DatumGetNumeric(DirectFunctionCall2(numeric_div_trunc, NumericGetDatum(n),
														NumericGetDatum(den)));
	Numeric		r = yoy_sub(n, yoy_mul(q, den));
	Numeric		twice_r = yoy_abs(yoy_mul(r, yoy_num(2)));

	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(twice_r),
										  NumericGetDatum(yoy_abs(den)))) >= 0)
	{
		/* the quotient's sign is the sign of n / den */
		int			s = yoy_sign(n) * yoy_sign(den);

		q = numeric_add_opt_error(q, yoy_num(s), NULL);
	}
	return q;
}

/*
 * The change of cur against prev in the kind's measure, rounded half away
 * from zero to 'decimals' places, as a scaled integer (value x 10^decimals).
 * Returns NULL for a relative change against a zero previous value.
 */
static Numeric
yoy_rounded_scaled(Numeric cur, Numeric prev, eco_change_measure measure, int decimals)
{
	Numeric		diff = yoy_sub(cur, prev);
	Numeric		scale = yoy_pow10(decimals);

	if (measure == ECO_CHANGE_PP)
		return yoy_div_round(yoy_mul(diff, scale), yoy_num(1));
	if (yoy_sign(prev) == 0)
		return NULL;
	return yoy_div_round(yoy_mul(yoy_mul(diff, yoy_num(100)), scale), yoy_abs(prev));
}

static int yoy_decimals_arg(int32 d);

/* ---------- shares ---------- */
PG_FUNCTION_INFO_V1(yoy_share);

/*
 * eco.share(part, whole, decimals): part / whole x 100 rounded half away from
 * zero to 'decimals' places, exactly; NULL when whole = 0.
 */
Datum
yoy_share(PG_FUNCTION_ARGS)
{
	Numeric		part = PG_GETARG_NUMERIC(0);
	Numeric		whole = PG_GETARG_NUMERIC(1);
	int			d;
	Numeric		scaled;

	yoy_check_finite(part, "part");
	yoy_check_finite(whole, "whole");
	if (PG_NARGS() > 2)
		d = yoy_decimals_arg(PG_GETARG_INT32(2));
	else
		d = ECO_YOY_DECIMALS;
	if (yoy_sign(whole) == 0)
		PG_RETURN_NULL();
	scaled = yoy_div_round(yoy_mul(yoy_mul(part, yoy_num(100)), yoy_pow10(d)), whole);
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_round,
										NumericGetDatum(numeric_div_opt_error(scaled, yoy_pow10(d), NULL)),
										Int32GetDatum(d)));
}

/* ---------- year-on-year functions ---------- */
PG_FUNCTION_INFO_V1(yoy_pct_change);
PG_FUNCTION_INFO_V1(yoy_improvement);
PG_FUNCTION_INFO_V1(yoy_change_rounded);
PG_FUNCTION_INFO_V1(yoy_change_phrase);
PG_FUNCTION_INFO_V1(yoy_change_kinds);

/* (cur - prev) / |prev| x 100, unrounded; NULL when prev = 0. */
static Numeric
yoy_pct(Numeric cur, Numeric prev)
{
	yoy_check_finite(cur, "current value");
	yoy_check_finite(prev, "previous value");
	if (yoy_sign(prev) == 0)
		return NULL;
	return numeric_div_opt_error(yoy_mul(yoy_sub(cur, prev), yoy_num(100)),
								 yoy_abs(prev), NULL);
}

Datum
yoy_pct_change(PG_FUNCTION_ARGS)
{
	Numeric		r = yoy_pct(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1));

	if (r == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(r);
}

/* Relative improvement in %: positive when the change goes the better way. */
Datum
yoy_improvement(PG_FUNCTION_ARGS)
{
	Numeric		r = yoy_pct(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1));
	bool		lower_is_better = PG_GETARG_BOOL(2);

	if (r == NULL)
		PG_RETURN_NULL();
	if (lower_is_better)
		r = DatumGetNumeric(DirectFunctionCall1(numeric_uminus, NumericGetDatum(r)));
	PG_RETURN_NUMERIC(r);
}

/* Kind by name, or ERROR 22023 listing the known kinds. */
static const eco_change_kind *
yoy_kind_arg(text *t)
{
	char	   *name = text_to_cstring(t);
	const eco_change_kind *k = eco_change_kind_lookup(name);

	if (k == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown change kind \"%s\"", name),
				 errhint("Known kinds are listed in the view eco.change_kinds.")));
	return k;
}

/* decimals argument, or ERROR 22023. */
static int
yoy_decimals_arg(int32 d)
{
	if (d < 0 || d > ECO_YOY_MAX_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and %d, not %d", ECO_YOY_MAX_DECIMALS, d)));
	return (int) d;
}

/*
 * Rounded change of cur against prev in the measure of 'kind', as a scaled
 * integer (change x 10^decimals); NULL for a relative change against 0.
 * Common part of eco.change_rounded and eco.change_phrase.
 */
static Numeric
yoy_change_common(FunctionCallInfo fcinfo, const eco_change_kind **kp, int *dp)
{
	Numeric		cur = PG_GETARG_NUMERIC(0);
	Numeric		prev = PG_GETARG_NUMERIC(1);
	const eco_change_kind *k = yoy_kind_arg(PG_GETARG_TEXT_PP(2));
	int			d = yoy_decimals_arg(PG_GETARG_INT32(3));

	yoy_check_finite(cur, "current value");
	yoy_check_finite(prev, "previous value");
	*kp = k;
	*dp = d;
	return yoy_rounded_scaled(cur, prev, k->measure, d);
}

Datum
yoy_change_rounded(PG_FUNCTION_ARGS)
{
	const eco_change_kind *k;
	int			d;
	Numeric		scaled = yoy_change_common(fcinfo, &k, &d);

	if (scaled == NULL)
		PG_RETURN_NULL();
	/* scaled / 10^d is exact; numeric_round fixes the display scale to d */
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_round,
										NumericGetDatum(numeric_div_opt_error(scaled, yoy_pow10(d), NULL)),
										Int32GetDatum(d)));
}

Datum
yoy_change_phrase(PG_FUNCTION_ARGS)
{
	const eco_change_kind *k;
	int			d;
	Numeric		scaled = yoy_change_common(fcinfo, &k, &d);
	char	   *digits;
	char		mag[128];
	char		buf[192];

	if (scaled == NULL)
		PG_RETURN_NULL();
	/* the scaled integer's digits with the decimal point put back (no numeric division) */
	digits = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(scaled)));
	if (eco_decimal_text(digits, d, mag, sizeof mag) < 0 ||
		eco_change_phrase(k, yoy_sign(scaled), mag, buf, sizeof buf) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("a change of %d digits is too long to phrase", (int) strlen(digits))));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* eco.change_kinds view. */
Datum
yoy_change_kinds(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_change_kinds; i++)
	{
		const eco_change_kind *k = &eco_change_kinds[i];
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = CStringGetTextDatum(k->kind);
		values[1] = CStringGetTextDatum(k->measure == ECO_CHANGE_PCT ? "percent" : "percentage points");
		values[2] = CStringGetTextDatum(k->direction == ECO_DIR_NEUTRAL ? "neutral" :
										k->direction == ECO_DIR_LOWER_BETTER ? "lower is better" :
										"higher is better");
		values[3] = CStringGetTextDatum(k->word_up);
		values[4] = CStringGetTextDatum(k->word_down);
		values[5] = CStringGetTextDatum(k->suffix);
		values[6] = CStringGetTextDatum(k->description);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- same period last year ---------- */
PG_FUNCTION_INFO_V1(yoy_same_day_last_year);
PG_FUNCTION_INFO_V1(yoy_same_period_last_year);

/* A finite date one year earlier (29 Feb -> 28 Feb); infinite dates stay. */
static DateADT
yoy_shift(DateADT d)
{
	int			y,
				m,
				day;
	int			j;

	if (DATE_NOT_FINITE(d))
		return d;
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	if (eco_same_day_last_year(&y, &m, &day) != 0)
		elog(ERROR, "invalid date from j2date");
	if (!IS_VALID_JULIAN(y, m, day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range: one year before %s",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d))))));
	j = date2j(y, m, day) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(j))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range: one year before %s",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d))))));
	return (DateADT) j;
}

Datum
yoy_same_day_last_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(yoy_shift(PG_GETARG_DATEADT(0)));
}

/*
 * The same days one year earlier: first and last days each move back one
 * year (29 Feb -> 28 Feb), so [2024-02-01, 2024-02-29] -> [2023-02-01,
 * 2023-02-28] and [2024-02-29, 2024-02-29] -> [2023-02-28, 2023-02-28].
 */
Datum
yoy_same_period_last_year(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *tc = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	RangeBound	lo,
				hi;
	bool		empty;

	range_deserialize(tc, r, &lo, &hi, &empty);
	if (empty)
		PG_RETURN_RANGE_P(r);
	/* daterange is canonical: finite lower bounds inclusive, finite upper exclusive */
	if (!lo.infinite)
		lo.val = DateADTGetDatum(yoy_shift(DatumGetDateADT(lo.val)));
	if (!hi.infinite)
	{
		DateADT		u = DatumGetDateADT(hi.val);

		if (!DATE_NOT_FINITE(u))
			u = yoy_shift(u - 1) + 1;
		hi.val = DateADTGetDatum(u);
	}
	PG_RETURN_RANGE_P(make_range(tc, &lo, &hi, false));
}

/* ---------- reproducible draws ---------- */
PG_FUNCTION_INFO_V1(yoy_draw_sample);

/* Upper bound on the population of one draw (the registers of one bureau). */
#define YOY_MAX_POPULATION 10000000

/*
 * eco._draw_sample(seed, stream, n, k): k distinct positions out of 1..n in
 * draw order, as int[].  Same arguments, same draw.
 */
Datum
yoy_draw_sample(PG_FUNCTION_ARGS)
{
	int64		seed = PG_GETARG_INT64(0);
	int64		stream = PG_GETARG_INT64(1);
	int32		n = PG_GETARG_INT32(2);
	int32		k = PG_GETARG_INT32(3);
	int		   *perm;
	Datum	   *elems;

	if (n < 0 || n > YOY_MAX_POPULATION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("population size %d is out of range", n),
				 errdetail("A draw takes from 0 to %d items.", YOY_MAX_POPULATION)));
	if (k < 0 || k > n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot draw %d items out of %d", k, n)));
	perm = palloc(sizeof(int) * (n > 0 ? n : 1));
	if (eco_draw_sample(seed, stream, n, k, perm) != 0)
		elog(ERROR, "eco_draw_sample rejected checked arguments");
	elems = palloc(sizeof(Datum) * (k > 0 ? k : 1));
	for (int i = 0; i < k; i++)
		elems[i] = Int32GetDatum(perm[i] + 1);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, k, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}

/* ---------- published figures ---------- */
PG_FUNCTION_INFO_V1(yoy_round_gbt8170);
PG_FUNCTION_INFO_V1(yoy_report_indicators);

/*
 * eco.gbt8170_round(value, decimals): GB/T 8170-2008 §3.2 (四舍六入五成双) on
 * the exact decimal value: a dropped part above one half carries, below one
 * half drops, exactly one half carries only when the last kept digit is odd;
 * the sign is restored afterwards (air.md §2.4).
 */
Datum
yoy_round_gbt8170(PG_FUNCTION_ARGS)
{
	Numeric		v = PG_GETARG_NUMERIC(0);
	int			d = yoy_decimals_arg(PG_GETARG_INT32(1));
	Numeric		scaled,
				q,
				r2;
	int			c;

	yoy_check_finite(v, "value");
	scaled = yoy_mul(yoy_abs(v), yoy_pow10(d));
	q = DatumGetNumeric(DirectFunctionCall2(numeric_div_trunc, NumericGetDatum(scaled),
											NumericGetDatum(yoy_num(1))));
	/* compare twice the dropped part with 1 */
	r2 = yoy_mul(yoy_sub(scaled, q), yoy_num(2));
	c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(r2),
										  NumericGetDatum(yoy_num(1))));
	if (c > 0 ||
		(c == 0 && yoy_sign(DatumGetNumeric(DirectFunctionCall2(numeric_mod, NumericGetDatum(q),
																NumericGetDatum(yoy_num(2))))) != 0))
		q = numeric_add_opt_error(q, yoy_num(1), NULL);
	if (yoy_sign(v) < 0)
		q = DatumGetNumeric(DirectFunctionCall1(numeric_uminus, NumericGetDatum(q)));
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_round,
										NumericGetDatum(numeric_div_opt_error(q, yoy_pow10(d), NULL)),
										Int32GetDatum(d)));
}

/* eco.report_indicators view. */
Datum
yoy_report_indicators(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_report_indicators; i++)
	{
		const eco_report_indicator *r = &eco_report_indicators[i];
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(r->code);
		values[2] = CStringGetTextDatum(r->name_zh);
		values[3] = CStringGetTextDatum(r->unit);
		values[4] = Int32GetDatum(r->decimals);
		values[5] = CStringGetTextDatum(r->change_kind);
		values[6] = CStringGetTextDatum(r->statistic);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
