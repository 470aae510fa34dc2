/*
 * pg_change.c — glue of the year-on-year (同比) change functions and shares: eco.pct_change,
 * eco.improvement, eco.change_rounded, eco.change_phrase, eco.share and the view eco.change_kinds.
 *
 * Changes are computed on numeric, exactly: the rounded change of a phrase is found by integer division
 * with remainder, never by a rounded quotient.  The wording lives in src/core/change_wording.c.
 */
#include "eco_glue.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "change_wording.h"
#include "pg_exact_numeric.h"

/* Columns of the view eco.change_kinds. */
#define CHANGE_KINDS_COLUMNS 7
/* Room for the magnitude text of a phrase and for the phrase (prefix, word, magnitude, suffix). */
#define PHRASE_MAGNITUDE_LEN 128
#define PHRASE_LEN (PHRASE_MAGNITUDE_LEN + 64)

/*
 * The change of cur against prev in the kind's measure, rounded half away
 * from zero to 'decimals' places, as a scaled integer (value x 10^decimals).
 * Returns NULL for a relative change against a zero previous value.
 */
static Numeric
change_rounded_scaled(Numeric cur, Numeric prev, eco_change_measure measure, int decimals)
{
	Numeric		diff = exact_sub(cur, prev);
	Numeric		scale = exact_pow10(decimals);

	if (measure == ECO_CHANGE_PP)
		return exact_div_round(exact_mul(diff, scale), exact_num(1));
	if (exact_sign(prev) == 0)
		return NULL;
	return exact_div_round(exact_mul(exact_mul(diff, exact_num(ECO_PERCENT)), scale), exact_abs(prev));
}

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

	exact_check_finite(part, "part");
	exact_check_finite(whole, "whole");
	if (PG_NARGS() > 2)
		d = exact_decimals_arg(PG_GETARG_INT32(2));
	else
		d = ECO_YOY_DECIMALS;
	if (exact_sign(whole) == 0)
		PG_RETURN_NULL();
	scaled = exact_div_round(exact_mul(exact_mul(part, exact_num(ECO_PERCENT)), exact_pow10(d)), whole);
	PG_RETURN_DATUM(exact_unscale(scaled, d));
}

/* ---------- year-on-year functions ---------- */
PG_FUNCTION_INFO_V1(yoy_pct_change);
PG_FUNCTION_INFO_V1(yoy_improvement);
PG_FUNCTION_INFO_V1(yoy_change_rounded);
PG_FUNCTION_INFO_V1(yoy_change_phrase);
PG_FUNCTION_INFO_V1(yoy_change_kinds);

/* (cur - prev) / |prev| x 100, unrounded; NULL when prev = 0. */
static Numeric
change_pct(Numeric cur, Numeric prev)
{
	exact_check_finite(cur, "current value");
	exact_check_finite(prev, "previous value");
	if (exact_sign(prev) == 0)
		return NULL;
	return numeric_div_opt_error(exact_mul(exact_sub(cur, prev), exact_num(ECO_PERCENT)),
								 exact_abs(prev), NULL);
}

Datum
yoy_pct_change(PG_FUNCTION_ARGS)
{
	Numeric		r = change_pct(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1));

	if (r == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(r);
}

/* Relative improvement in %: positive when the change goes the better way. */
Datum
yoy_improvement(PG_FUNCTION_ARGS)
{
	Numeric		r = change_pct(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1));
	bool		lower_is_better = PG_GETARG_BOOL(2);

	if (r == NULL)
		PG_RETURN_NULL();
	if (lower_is_better)
		r = exact_negate(r);
	PG_RETURN_NUMERIC(r);
}

/* Kind by name, or ERROR 22023 pointing to the known kinds. */
static const eco_change_kind *
change_kind_arg(text *t)
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

/*
 * Rounded change of cur against prev in the measure of 'kind', as a scaled
 * integer (change x 10^decimals); NULL for a relative change against 0.
 * Common part of eco.change_rounded and eco.change_phrase.
 */
static Numeric
change_common(FunctionCallInfo fcinfo, const eco_change_kind **kp, int *dp)
{
	Numeric		cur = PG_GETARG_NUMERIC(0);
	Numeric		prev = PG_GETARG_NUMERIC(1);
	const eco_change_kind *k = change_kind_arg(PG_GETARG_TEXT_PP(2));
	int			d = exact_decimals_arg(PG_GETARG_INT32(3));

	exact_check_finite(cur, "current value");
	exact_check_finite(prev, "previous value");
	*kp = k;
	*dp = d;
	return change_rounded_scaled(cur, prev, k->measure, d);
}

Datum
yoy_change_rounded(PG_FUNCTION_ARGS)
{
	const eco_change_kind *k;
	int			d;
	Numeric		scaled = change_common(fcinfo, &k, &d);

	if (scaled == NULL)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(exact_unscale(scaled, d));
}

Datum
yoy_change_phrase(PG_FUNCTION_ARGS)
{
	const eco_change_kind *k;
	int			d;
	Numeric		scaled = change_common(fcinfo, &k, &d);
	char	   *digits;
	char		mag[PHRASE_MAGNITUDE_LEN];
	char		buf[PHRASE_LEN];

	if (scaled == NULL)
		PG_RETURN_NULL();
	/* the scaled integer's digits with the decimal point put back (no numeric division) */
	digits = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(scaled)));
	if (eco_decimal_text(digits, d, mag, sizeof mag) < 0 ||
		eco_change_phrase(k, exact_sign(scaled), mag, buf, sizeof buf) < 0)
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
		Datum		values[CHANGE_KINDS_COLUMNS];
		bool		nulls[CHANGE_KINDS_COLUMNS] = {0};

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
