/*
 * pg_report_figures.c — glue of the published figures: eco.gbt8170_round (GB/T 8170-2008 §3.2 rounding of a
 * published value) and the view eco.report_indicators (registry in src/core/report_indicators.c).
 */
#include "eco_glue.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "exact_decimal.h"
#include "pg_exact_numeric.h"
#include "report_indicators.h"

/* Columns of the view eco.report_indicators. */
#define REPORT_INDICATORS_COLUMNS 7

PG_FUNCTION_INFO_V1(yoy_round_gbt8170);
PG_FUNCTION_INFO_V1(yoy_report_indicators);

/*
 * eco.gbt8170_round(value, decimals): GB/T 8170-2008 §3.2 (四舍六入五成双) on
 * the exact decimal value, decided by the core's one rule (eco_gbt8170_carry,
 * exact_decimal.h, which the AQI input step also uses): a dropped part above
 * one half carries, below one half drops, exactly one half carries only when
 * the last kept digit is odd; the sign is restored afterwards.
 */
Datum
yoy_round_gbt8170(PG_FUNCTION_ARGS)
{
	Numeric		v = PG_GETARG_NUMERIC(0);
	int			d = exact_decimals_arg(PG_GETARG_INT32(1));
	Numeric		scaled,
				q,
				r2;
	int			c;

	exact_check_finite(v, "value");
	scaled = exact_mul(exact_abs(v), exact_pow10(d));
	q = DatumGetNumeric(DirectFunctionCall2(numeric_div_trunc, NumericGetDatum(scaled),
											NumericGetDatum(exact_num(1))));
	/* compare twice the dropped part with 1 */
	r2 = exact_mul(exact_sub(scaled, q), exact_num(2));
	c = exact_cmp(r2, exact_num(1));
	/* the one GB/T 8170 rule of the core; the dropped part is exact here, so nothing is sticky */
	if (eco_gbt8170_carry(c, 0,
						  exact_sign(DatumGetNumeric(DirectFunctionCall2(numeric_mod, NumericGetDatum(q),
																		 NumericGetDatum(exact_num(2))))) != 0))
		q = numeric_add_opt_error(q, exact_num(1), NULL);
	if (exact_sign(v) < 0)
		q = exact_negate(q);
	PG_RETURN_DATUM(exact_unscale(q, d));
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
		Datum		values[REPORT_INDICATORS_COLUMNS];
		bool		nulls[REPORT_INDICATORS_COLUMNS] = {0};

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
