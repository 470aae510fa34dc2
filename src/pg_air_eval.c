/*
 * pg_air_eval.c — glue for GB 3095 limits and the HJ 663 assessment
 * statistics (eco.limit_value, eco.report_day, eco.daily_mean, eco.mda8,
 * eco.percentile, eco.annual_*, eco.composite_index, ...).
 */
#include "eco_glue.h"

#include <math.h>

#include "air_eval.h"
#include "calendar.h"
#include "aqi.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

/* ---------- small checks ---------- */

/* An hourly/daily reading: finite and non-negative, else ERROR 22023. */
static inline void
air_check_value(double v, const char *what)
{
	eco_check_concentration(v, what);
}

/* A percentile rank p in 0..1, else ERROR 22023. */
static inline void
air_check_p(double p)
{
	if (!(p >= 0 && p <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("percentile rank must be between 0 and 1, not %g", p),
				 errhint("Write the 90th percentile as 0.9.")));
}

/* The memory context of the aggregate, or ERROR when called as a plain function. */
static MemoryContext
air_agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext ctx;

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return ctx;
}

/* A float8[] aggregate state of exactly n elements, no NULLs. */
static double *
air_state_array(ArrayType *a, int n, const char *fn)
{
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != n || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: state must be a float8 array of %d elements without nulls", fn, n)));
	return (double *) (((char *) a) + ARR_OVERHEAD_NONULLS(1));	/* 1-D, no nulls */
}

/*
 * The state of eco.good_day_ratio: {good days, valid days}, two whole
 * counts with 0 <= good <= valid (a state passed by hand to the support
 * functions is checked, so that no NaN or negative ratio comes out).
 */
static double *
air_ratio_state(ArrayType *a)
{
	double	   *st = air_state_array(a, 2, "eco.good_day_ratio");

	if (!(st[0] >= 0 && st[0] <= st[1] && st[1] < 9007199254740992.0 &&
		  st[0] == floor(st[0]) && st[1] == floor(st[1])))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("eco.good_day_ratio: state {%g,%g} is not two counts of days with good <= valid",
						st[0], st[1])));
	return st;
}

/* The state argument, modified in place inside an aggregate, else copied. */
static ArrayType *
air_state_arg(FunctionCallInfo fcinfo, int argno)
{
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_ARRAYTYPE_P(argno);
	return PG_GETARG_ARRAYTYPE_P_COPY(argno);
}

/* ================================================================
 * Limits: eco.limit_value and the eco.air_limits view
 * ================================================================ */
PG_FUNCTION_INFO_V1(air_eval_limit_value);
PG_FUNCTION_INFO_V1(air_eval_limit_list);

Datum
air_eval_limit_value(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p = PG_GETARG_POLLUTANT(0);
	char	   *period = PG_GETARG_CSTRING_TEXT(1);
	int32		grade = PG_GETARG_INT32(2);
	const eco_standard *st = PG_GETARG_STANDARD(3);
	eco_std_id	std = eco_require_family(st, "GB3095", "eco.limit_value");
	int			per = eco_air_period_parse(period);
	double		v = 0;
	char		buf[64];

	if (per < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown averaging period \"%s\"", period),
				 errhint("Use '1h', '8h', '24h', 'year' or 'quarter'.")));
	if (grade != 1 && grade != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grade must be 1 or 2, not %d", grade)));
	if (!eco_air_limit_value(std, p->id, (eco_air_period) per, grade, &v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s sets no %s limit for %s", st->code,
						eco_air_period_name((eco_air_period) per), eco_pollutant_out(p, buf, sizeof buf)),
				 errdetail("The limits are listed in the view eco.air_limits.")));
	PG_RETURN_FLOAT8(v);
}

Datum
air_eval_limit_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_air_limits; i++)
	{
		const eco_air_limit *l = &eco_air_limits[i];
		const eco_pollutant *p = eco_pollutant_by_id(l->pollutant);
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = Int16GetDatum(l->standard);
		values[1] = Int16GetDatum(l->pollutant);
		values[2] = CStringGetTextDatum(eco_air_period_name(l->period));
		values[3] = Int16GetDatum(l->table_no);
		values[4] = Float8GetDatum(l->grade1);
		values[5] = Float8GetDatum(l->grade2);
		values[6] = CStringGetTextDatum(eco_unit_name(p->unit));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ================================================================
 * Hour-ending labels: eco.report_day, eco.report_hour
 * ================================================================ */
PG_FUNCTION_INFO_V1(air_eval_report_day);
PG_FUNCTION_INFO_V1(air_eval_report_hour);

/* Split an hour-ending label into (day, hour 1..24); ERROR unless on a full hour. */
static void
air_split_label(Timestamp ts, DateADT *day, int *hour)
{
	int64_t		d;

	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("hour label must be finite, not %s", ts < 0 ? "-infinity" : "infinity")));
	if (ts % USECS_PER_HOUR != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("hour label %s is not on a full hour",
						DatumGetCString(DirectFunctionCall1(timestamp_out, TimestampGetDatum(ts)))),
				 errdetail("Readings are labelled with the end of their hour (HJ 663).")));
	/* on a full hour: ts / USECS_PER_HOUR is exact; the calendar gives the report day and hour 1..24 */
	eco_cal_hour_ending_split(ts / USECS_PER_HOUR, &d, hour);
	if (!IS_VALID_DATE(d))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("hour label %s ends an hour of a day out of the range of type date",
						DatumGetCString(DirectFunctionCall1(timestamp_out, TimestampGetDatum(ts))))));
	*day = (DateADT) d;
}

Datum
air_eval_report_day(PG_FUNCTION_ARGS)
{
	DateADT		day;
	int			hour;

	air_split_label(PG_GETARG_TIMESTAMP(0), &day, &hour);
	PG_RETURN_DATEADT(day);
}

Datum
air_eval_report_hour(PG_FUNCTION_ARGS)
{
	DateADT		day;
	int			hour;

	air_split_label(PG_GETARG_TIMESTAMP(0), &day, &hour);
	PG_RETURN_INT32(hour);
}

/* ================================================================
 * Indices: eco.single_index, eco.composite_index, eco.exceedance_multiple
 * ================================================================ */
PG_FUNCTION_INFO_V1(air_eval_single_index);
PG_FUNCTION_INFO_V1(air_eval_composite_index_v2);
PG_FUNCTION_INFO_V1(air_eval_composite_index);
PG_FUNCTION_INFO_V1(air_eval_exceedance_multiple);

Datum
air_eval_single_index(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p = PG_GETARG_POLLUTANT(0);
	double		c = PG_GETARG_FLOAT8(1);
	eco_std_id	std = eco_require_family(PG_GETARG_STANDARD(2), "GB3095", "eco.single_index");
	double		s;
	char		buf[64];

	air_check_value(c, "concentration");
	if (!eco_air_index_denominator(std, p->id, &s))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is not an item of the composite index", eco_pollutant_out(p, buf, sizeof buf)),
				 errhint("Use SO2, NO2, PM10, PM2.5, CO or O3.")));
	PG_RETURN_FLOAT8(c / s);
}

Datum
air_eval_composite_index(PG_FUNCTION_ARGS)
{
	static const char *const what[6] = {"so2", "no2", "pm10", "pm25", "co_p95", "o3_p90"};
	eco_std_id	std = eco_require_family(PG_GETARG_STANDARD(6), "GB3095", "eco.composite_index");
	double		sum = 0;

	for (int i = 0; i < 6; i++)
	{
		double		c = PG_GETARG_FLOAT8(i);
		double		s = 0;

		air_check_value(c, what[i]);
		if (!eco_air_index_denominator(std, eco_air_index_items[i], &s))
			elog(ERROR, "no composite-index denominator for item %d", i);
		sum += c / s;
	}
	/* no overflow: every S is at least 4, so the sum stays below DBL_MAX · Σ 1/S < DBL_MAX */
	PG_RETURN_FLOAT8(sum);
}

/* eco.air_composite_index(so2, no2, co_p95, o3_p90, pm10, pm25, standard): GB 3095 Table 1 order. */
Datum
air_eval_composite_index_v2(PG_FUNCTION_ARGS)
{
	static const char *const what[6] = {"so2", "no2", "co_p95", "o3_p90", "pm10", "pm25"};
	/* argument i -> item of eco_air_index_items (SO2 NO2 PM10 PM2.5 CO O3) */
	static const int item_of[6] = {0, 1, 4, 5, 2, 3};
	eco_std_id	std = eco_require_family(PG_GETARG_STANDARD(6), "GB3095", "eco.air_composite_index");
	double		sum = 0;

	for (int i = 0; i < 6; i++)
	{
		double		c = PG_GETARG_FLOAT8(i);
		double		s = 0;

		air_check_value(c, what[i]);
		if (!eco_air_index_denominator(std, eco_air_index_items[item_of[i]], &s))
			elog(ERROR, "no composite-index denominator for item %d", i);
		sum += c / s;
	}
	/* no overflow: every S is at least 4, so the sum stays below DBL_MAX · Σ 1/S < DBL_MAX */
	PG_RETURN_FLOAT8(sum);
}

Datum
air_eval_exceedance_multiple(PG_FUNCTION_ARGS)
{
	double		c = PG_GETARG_FLOAT8(0);
	double		s = PG_GETARG_FLOAT8(1);

	air_check_value(c, "value");
	if (!(s > 0) || isinf(s))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("limit must be a finite positive number, not %g", s)));
	{
		double		b = eco_air_exceedance_multiple(c, s);

		if (isinf(b))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("exceedance multiple of %g over the limit %g is out of range", c, s)));
		PG_RETURN_FLOAT8(b);
	}
}

/* ================================================================
 * Capture-aware means: eco.daily_mean, eco.capture_avg.
 * The sum is the exact sum of the decimals as written (eco_wsum,
 * exact_sum.h), so 24 readings of 0.55 have the mean 0.55, and the result
 * does not depend on the order of the rows, on the parallel plan, or on rows
 * leaving a window frame (the inverse transition subtracts exactly).
 * ================================================================ */
typedef struct AirMean
{
	eco_wsum	sum;			/* values and their exact sum */
	int32		min_count;		/* 0 until known (eco.daily_mean: always 0) */
	int32		pad;
} AirMean;

PG_FUNCTION_INFO_V1(air_eval_mean_accum);
PG_FUNCTION_INFO_V1(air_eval_mean_inv);
PG_FUNCTION_INFO_V1(air_eval_mean_combine);
PG_FUNCTION_INFO_V1(air_eval_mean_serialize);
PG_FUNCTION_INFO_V1(air_eval_mean_deserialize);
PG_FUNCTION_INFO_V1(air_eval_daily_mean_final);
PG_FUNCTION_INFO_V1(air_eval_capture_final);

/* min_count of eco.capture_avg: a positive integer. */
static inline void
air_check_min_count(int32 m)
{
	if (m < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_count must be at least 1, not %d", m)));
}

/*
 * The min_count of a group: one value, or the result would depend on which
 * row came last (serial) or on the combine order (parallel).
 */
static void
air_set_min_count(AirMean *s, int32 m)
{
	if (s->min_count != 0 && s->min_count != m)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_count of eco.capture_avg changes within a group: %d and %d", s->min_count, m)));
	s->min_count = m;
}

/* s += v (s -= v when sub), with the errors of a reading */
static void
air_mean_add(AirMean *s, double v, int sub)
{
	int			rc;

	air_check_value(v, "value");
	rc = eco_wsum_add(&s->sum, v, sub);
	if (rc == ECO_WSUM_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value %g is out of range for a concentration", v)));
	if (rc != ECO_WSUM_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of concentrations out of range")));
}

/*
 * Transition of eco.daily_mean(value) (2 arguments) and of
 * eco.capture_avg(value, min_count) (3 arguments), plain and moving.
 */
Datum
air_eval_mean_accum(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = air_agg_context(fcinfo, "air_eval_mean_accum");
	AirMean    *s = PG_ARGISNULL(0) ? MemoryContextAllocZero(ctx, sizeof(AirMean))
		: (AirMean *) PG_GETARG_POINTER(0);

	if (PG_NARGS() > 2)
	{
		if (PG_ARGISNULL(2))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("min_count of eco.capture_avg must not be null")));
		air_check_min_count(PG_GETARG_INT32(2));
		air_set_min_count(s, PG_GETARG_INT32(2));
	}
	if (!PG_ARGISNULL(1))
		air_mean_add(s, PG_GETARG_FLOAT8(1), 0);
	PG_RETURN_POINTER(s);
}

/* Inverse transition: the row leaving the window frame. */
Datum
air_eval_mean_inv(PG_FUNCTION_ARGS)
{
	AirMean    *s;

	air_agg_context(fcinfo, "air_eval_mean_inv");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();		/* cannot happen: rows leave after they came */
	s = (AirMean *) PG_GETARG_POINTER(0);
	if (!PG_ARGISNULL(1))
		air_mean_add(s, PG_GETARG_FLOAT8(1), 1);
	PG_RETURN_POINTER(s);
}

Datum
air_eval_mean_combine(PG_FUNCTION_ARGS)
{
	AirMean *a,
			   *b;

	if (eco_flat_combine_empty(fcinfo, sizeof(AirMean), "air_eval_mean_combine", (void **) &a, (void **) &b))
		ECO_RETURN_STATE(a);
	if (eco_wsum_merge(&a->sum, &b->sum) != ECO_WSUM_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of concentrations out of range")));
	if (b->min_count != 0)
		air_set_min_count(a, b->min_count);
	PG_RETURN_POINTER(a);
}

ECO_FLAT_STATE_IO(air_eval_mean, AirMean, "capture-aware mean")

Datum
air_eval_daily_mean_final(PG_FUNCTION_ARGS)
{
	AirMean    *s = (AirMean *) PG_GETARG_POINTER(0);

	if (s->sum.n < ECO_AIR_MIN_HOURS_DAY)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(eco_wsum_mean(&s->sum));
}

Datum
air_eval_capture_final(PG_FUNCTION_ARGS)
{
	AirMean    *s = (AirMean *) PG_GETARG_POINTER(0);

	if (!eco_air_capture_ok(s->sum.n, s->min_count))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(eco_wsum_mean(&s->sum));
}

/* ================================================================
 * eco.good_day_ratio(aqi): state float8[2] = {good days, valid days}
 * ================================================================ */
PG_FUNCTION_INFO_V1(air_eval_ratio_accum);
PG_FUNCTION_INFO_V1(air_eval_ratio_combine);
PG_FUNCTION_INFO_V1(air_eval_ratio_final);

Datum
air_eval_ratio_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *a = air_state_arg(fcinfo, 0);
	double	   *st = air_ratio_state(a);
	int32		aqi = PG_GETARG_INT32(1);

	if (aqi < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("AQI must not be negative: %d", aqi)));
	if (aqi <= 100)				/* 优 + 良: AQI ≤ 100 (HJ 633 levels 1 and 2) */
		st[0] += 1;
	st[1] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
air_eval_ratio_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = air_state_arg(fcinfo, 0);
	double	   *s1 = air_ratio_state(a);
	double	   *s2 = air_ratio_state(PG_GETARG_ARRAYTYPE_P(1));

	s1[0] += s2[0];
	s1[1] += s2[1];
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
air_eval_ratio_final(PG_FUNCTION_ARGS)
{
	double	   *st = air_ratio_state(PG_GETARG_ARRAYTYPE_P(0));

	if (st[1] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * st[0] / st[1]);
}

/* ================================================================
 * eco.mda8(hour, value, lim): one value per hour 1..24, order-independent.
 * ================================================================ */
typedef struct AirMda8
{
	int32		std;			/* HJ 663 edition (eco_std_id) of eco.o3_mda8; 0: eco.mda8, HJ 663-2026 rules */
	double		lim;			/* NaN until the first row */
	uint32		mask;			/* bit h-1: hour h present */
	double		v[24];
} AirMda8;

PG_FUNCTION_INFO_V1(air_eval_mda8_accum);
PG_FUNCTION_INFO_V1(air_eval_mda8_combine);
PG_FUNCTION_INFO_V1(air_eval_mda8_serialize);
PG_FUNCTION_INFO_V1(air_eval_mda8_deserialize);
PG_FUNCTION_INFO_V1(air_eval_mda8_final);

static AirMda8 *
air_mda8_new(MemoryContext ctx)
{
	AirMda8    *s = MemoryContextAllocZero(ctx, sizeof(AirMda8));

	s->lim = NAN;
	return s;
}

static void
air_mda8_set_lim(AirMda8 *s, double lim)
{
	if (!(lim > 0) || isinf(lim))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("limit of eco.mda8 must be a finite positive number, not %g", lim)));
	if (!isnan(s->lim) && s->lim != lim)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("limit of eco.mda8 changes within a group: %g and %g", s->lim, lim)));
	s->lim = lim;
}

/* Put hour h's value into the state with the limit lim (the checks of eco.mda8). */
static void
air_mda8_put(AirMda8 *s, int32 h, double v, double lim)
{
	if (h < 1 || h > 24)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("hour of eco.mda8 must be between 1 and 24, not %d", h),
				 errhint("Use eco.report_hour(hour_ending): hour 24 ends at midnight.")));
	air_check_value(v, "hourly O3");
	air_mda8_set_lim(s, lim);
	if (s->mask & (UINT32_C(1) << (h - 1)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("hour %d appears twice in one eco.mda8 group", h),
				 errhint("Group by site and eco.report_day(hour_ending).")));
	s->mask |= UINT32_C(1) << (h - 1);
	s->v[h - 1] = v;
}

/* The grade II O3 MDA8 limit (equal in every GB 3095 edition), read from the limit table once. */
static double
air_mda8_default_lim(void)
{
	static double lim = 0;

	if (lim == 0)
	{
		const eco_pollutant *o3 = eco_pollutant_parse("O3");

		if (o3 == NULL || !eco_air_limit_value(ECO_STD_GB3095_2012, o3->id, ECO_AP_8H, 2, &lim))
			elog(ERROR, "no O3 8-h limit");
	}
	return lim;
}

Datum
air_eval_mda8_accum(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = air_agg_context(fcinfo, "air_eval_mda8_accum");
	AirMda8    *s = PG_ARGISNULL(0) ? air_mda8_new(ctx) : (AirMda8 *) PG_GETARG_POINTER(0);
	double		lim;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	if (PG_NARGS() < 4)
		lim = air_mda8_default_lim();	/* eco.mda8(hour, value) */
	else if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("limit of eco.mda8 must not be null")));
	else
		lim = PG_GETARG_FLOAT8(3);
	air_mda8_put(s, PG_GETARG_INT32(1), PG_GETARG_FLOAT8(2), lim);
	PG_RETURN_POINTER(s);
}

Datum
air_eval_mda8_combine(PG_FUNCTION_ARGS)
{
	AirMda8 *a,
			   *b;

	if (eco_flat_combine_empty(fcinfo, sizeof(AirMda8), "air_eval_mda8_combine", (void **) &a, (void **) &b))
		ECO_RETURN_STATE(a);
	if (!isnan(b->lim))
		air_mda8_set_lim(a, b->lim);
	if (b->std != 0)
		a->std = b->std;
	for (int h = 1; h <= 24; h++)
		if (b->mask & (UINT32_C(1) << (h - 1)))
		{
			if (a->mask & (UINT32_C(1) << (h - 1)))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("hour %d appears twice in one eco.mda8 group", h)));
			a->mask |= UINT32_C(1) << (h - 1);
			a->v[h - 1] = b->v[h - 1];
		}
	PG_RETURN_POINTER(a);
}

ECO_FLAT_STATE_IO(air_eval_mda8, AirMda8, "eco.mda8")

Datum
air_eval_mda8_final(PG_FUNCTION_ARGS)
{
	AirMda8    *s = (AirMda8 *) PG_GETARG_POINTER(0);
	double		m;
	int			nw;

	if (s->mask == 0)
		PG_RETURN_NULL();
	if (!eco_air_mda8_ed(s->std ? eco_air_eval_rules_find(s->std) : &eco_hj663_2026, s->v, s->mask, s->lim, &m, &nw))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(m);
}

/* ================================================================
 * eco.percentile(value, p): all values kept, sorted at the end.
 * ================================================================ */
typedef struct AirPct
{
	double		p;				/* NaN until the first row */
	int64		n;
	int64		cap;
	double	   *v;
} AirPct;

PG_FUNCTION_INFO_V1(air_eval_pct_accum);
PG_FUNCTION_INFO_V1(air_eval_pct_combine);
PG_FUNCTION_INFO_V1(air_eval_pct_serialize);
PG_FUNCTION_INFO_V1(air_eval_pct_deserialize);
PG_FUNCTION_INFO_V1(air_eval_pct_final);

static void
air_pct_set_p(double *have, double p)
{
	air_check_p(p);
	if (!isnan(*have) && *have != p)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("percentile rank changes within a group: %g and %g", *have, p)));
	*have = p;
}

static void
air_pct_push(MemoryContext ctx, AirPct *s, double v)
{
	if (s->n == s->cap)
	{
		int64		ncap = s->cap ? 2 * s->cap : 64;
		double	   *nv = MemoryContextAlloc(ctx, ncap * sizeof(double));

		if (s->n)
			memcpy(nv, s->v, s->n * sizeof(double));
		if (s->v)
			pfree(s->v);
		s->v = nv;
		s->cap = ncap;
	}
	s->v[s->n++] = v;
}

static AirPct *
air_pct_new(MemoryContext ctx)
{
	AirPct	   *s = MemoryContextAllocZero(ctx, sizeof(AirPct));

	s->p = NAN;
	return s;
}

Datum
air_eval_pct_accum(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = air_agg_context(fcinfo, "air_eval_pct_accum");
	AirPct	   *s = PG_ARGISNULL(0) ? air_pct_new(ctx) : (AirPct *) PG_GETARG_POINTER(0);
	double		v;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("percentile rank must not be null")));
	air_pct_set_p(&s->p, PG_GETARG_FLOAT8(2));
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	v = PG_GETARG_FLOAT8(1);
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("value of eco.percentile must be a finite number, not %g", v)));
	air_pct_push(ctx, s, v);
	PG_RETURN_POINTER(s);
}

Datum
air_eval_pct_combine(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = air_agg_context(fcinfo, "air_eval_pct_combine");
	AirPct	   *a = PG_ARGISNULL(0) ? NULL : (AirPct *) PG_GETARG_POINTER(0);
	AirPct	   *b = PG_ARGISNULL(1) ? NULL : (AirPct *) PG_GETARG_POINTER(1);

	if (b == NULL && a == NULL)
		PG_RETURN_NULL();		/* both partial states empty */
	if (b == NULL)
		PG_RETURN_POINTER(a);
	if (a == NULL)
		a = air_pct_new(ctx);
	if (!isnan(b->p))
		air_pct_set_p(&a->p, b->p);
	for (int64 i = 0; i < b->n; i++)
		air_pct_push(ctx, a, b->v[i]);
	PG_RETURN_POINTER(a);
}

Datum
air_eval_pct_serialize(PG_FUNCTION_ARGS)
{
	AirPct	   *s = (AirPct *) PG_GETARG_POINTER(0);
	Size		sz = sizeof(double) + sizeof(int64) + s->n * sizeof(double);
	bytea	   *b = palloc(VARHDRSZ + sz);
	char	   *d = VARDATA(b);

	SET_VARSIZE(b, VARHDRSZ + sz);
	memcpy(d, &s->p, sizeof(double));
	memcpy(d + sizeof(double), &s->n, sizeof(int64));
	if (s->n)
		memcpy(d + sizeof(double) + sizeof(int64), s->v, s->n * sizeof(double));
	PG_RETURN_BYTEA_P(b);
}

Datum
air_eval_pct_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	const char *d = VARDATA_ANY(b);
	Size		len = VARSIZE_ANY_EXHDR(b);
	AirPct	   *s = palloc0(sizeof(AirPct));

	if (len < sizeof(double) + sizeof(int64))
		elog(ERROR, "eco.percentile: serialized state too short");
	memcpy(&s->p, d, sizeof(double));
	memcpy(&s->n, d + sizeof(double), sizeof(int64));
	if (s->n < 0 || len != sizeof(double) + sizeof(int64) + s->n * sizeof(double))
		elog(ERROR, "eco.percentile: serialized state has a wrong length");
	s->cap = s->n;
	if (s->n)
	{
		s->v = palloc(s->n * sizeof(double));
		memcpy(s->v, d + sizeof(double) + sizeof(int64), s->n * sizeof(double));
	}
	PG_RETURN_POINTER(s);
}

Datum
air_eval_pct_final(PG_FUNCTION_ARGS)
{
	AirPct	   *s = (AirPct *) PG_GETARG_POINTER(0);
	double	   *v;

	if (s->n == 0)
		PG_RETURN_NULL();
	/* sort a copy: a window's final function may be called again */
	v = palloc(s->n * sizeof(double));
	memcpy(v, s->v, s->n * sizeof(double));
	eco_air_sort(v, s->n);
	PG_RETURN_FLOAT8(eco_air_percentile_sorted(v, s->n, s->p));
}

/* ================================================================
 * eco.annual_mean(day, value), eco.annual_percentile(day, value, p):
 * one value per day of one calendar year; days kept by day of year so the
 * result is independent of input order (and of the parallel plan).
 * ================================================================ */
typedef struct AirYear
{
	int32		year;			/* valid when has_year */
	int32		has_year;		/* 0 until the first row (year 0 = 1 BC is a year) */
	int32		standard;		/* HJ 663 edition (eco_std_id); 0: the forms without standard (HJ 663-2013) */
	int32		pad;
	double		p;				/* NaN for annual_mean / until the first row */
	uint8		present[366];
	double		v[366];
} AirYear;

PG_FUNCTION_INFO_V1(air_eval_year_accum);
PG_FUNCTION_INFO_V1(air_eval_year_accum_p);
PG_FUNCTION_INFO_V1(air_eval_year_combine);
PG_FUNCTION_INFO_V1(air_eval_year_serialize);
PG_FUNCTION_INFO_V1(air_eval_year_deserialize);
PG_FUNCTION_INFO_V1(air_eval_year_mean_final);
PG_FUNCTION_INFO_V1(air_eval_year_pct_final);

static AirYear *
air_year_new(MemoryContext ctx)
{
	AirYear    *s = MemoryContextAllocZero(ctx, sizeof(AirYear));

	s->p = NAN;
	return s;
}

static void
air_year_set_year(AirYear *s, int year)
{
	if (s->has_year && s->year != year)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("annual statistic over days of more than one year: %d and %d",
						Min(s->year, year), Max(s->year, year)),
				 errhint("Group by extract(year from day).")));
	s->year = year;
	s->has_year = 1;
}

/* The HJ 663 edition of eco.annual_mean / eco.annual_percentile with a standard: one per group. */
static void
air_year_set_standard(AirYear *s, int std)
{
	if (s->standard && s->standard != std)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("standard of an annual statistic changes within a group: %s and %s",
						eco_standard_arg((int16) s->standard)->code, eco_standard_arg((int16) std)->code)));
	s->standard = std;
}

static void
air_year_put(AirYear *s, DateADT day, double v)
{
	int			y,
				m,
				d,
				doy;

	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("day of an annual statistic must be finite")));
	air_check_value(v, "daily value");
	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	air_year_set_year(s, y);
	doy = eco_cal_day_of_year(y, m, d);
	if (s->present[doy])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("day %04d-%02d-%02d appears twice in one annual statistic", y, m, d),
				 errhint("Compute one value per day first (e.g. the mean over sites).")));
	s->present[doy] = 1;
	s->v[doy] = v;
}

/*
 * The transitions of eco.annual_mean and eco.annual_percentile (defined after
 * air_eval_rules_arg): (state, day, value[, p][, standard]).
 */
static Datum air_year_accum_args(FunctionCallInfo fcinfo, const char *fn, int p_arg, int std_arg);

Datum
air_eval_year_accum(PG_FUNCTION_ARGS)
{
	return air_year_accum_args(fcinfo, "air_eval_year_accum", 0, 0);
}

Datum
air_eval_year_accum_p(PG_FUNCTION_ARGS)
{
	return air_year_accum_args(fcinfo, "air_eval_year_accum_p", 3, 0);
}

Datum
air_eval_year_combine(PG_FUNCTION_ARGS)
{
	AirYear *a,
			   *b;

	if (eco_flat_combine_empty(fcinfo, sizeof(AirYear), "air_eval_year_combine", (void **) &a, (void **) &b))
		ECO_RETURN_STATE(a);
	if (!isnan(b->p))
		air_pct_set_p(&a->p, b->p);
	if (b->standard)
		air_year_set_standard(a, b->standard);
	if (b->has_year)
		air_year_set_year(a, b->year);
	for (int i = 0; i < 366; i++)
		if (b->present[i])
		{
			if (a->present[i])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("day %d of year %d appears twice in one annual statistic", i + 1, a->year)));
			a->present[i] = 1;
			a->v[i] = b->v[i];
		}
	PG_RETURN_POINTER(a);
}

ECO_FLAT_STATE_IO(air_eval_year, AirYear, "annual statistic")

/* Valid days in day-of-year order into out[]; returns their number, or -1 when the year is not valid. */
static long
air_year_values(const AirYear *s, double *out)
{
	int			months[12] = {0};
	long		n = 0;

	if (!s->has_year)
		return -1;
	for (int i = 0; i < 366; i++)
		if (s->present[i])
		{
			months[eco_cal_month_of_doy(s->year, i)]++;
			out[n++] = s->v[i];
		}
	if (!eco_air_annual_valid_ed(s->standard ? eco_air_eval_rules_find(s->standard) : &eco_hj663_2013, months))
		return -1;
	return n;
}

Datum
air_eval_year_mean_final(PG_FUNCTION_ARGS)
{
	AirYear    *s = (AirYear *) PG_GETARG_POINTER(0);
	double		v[366];
	long		n = air_year_values(s, v);

	if (n <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(eco_mean_safe(v, NULL, n));
}

Datum
air_eval_year_pct_final(PG_FUNCTION_ARGS)
{
	AirYear    *s = (AirYear *) PG_GETARG_POINTER(0);
	double		v[366];
	long		n = air_year_values(s, v);

	if (n <= 0)
		PG_RETURN_NULL();
	eco_air_sort(v, n);
	PG_RETURN_FLOAT8(eco_air_percentile_sorted(v, n, s->p));
}

/* ================================================================
 * The one-pass daily roll-up: eco._air_day_rollup(hour_ending, so2, no2,
 * co, o3, pm10, pm25, dust) aggregates one site-day of eco.air_hourly into
 * every column of eco.air_daily, the daily AQI included (computed by the
 * core under the HJ 633 edition in force that day: no SQL look-up of
 * eco.daily_aqi, so no overload can change what the refresh writes).
 * eco.refresh_air_daily drives it.
 * ================================================================ */
typedef struct AirDay
{
	int32		day;			/* DateADT of the group */
	int32		have_day;
	eco_air_day d;
} AirDay;

/* SSPACE of eco._air_day_rollup in src/sql/20_air_eval.sql */
StaticAssertDecl(sizeof(AirDay) == 504, "update SSPACE of eco._air_day_rollup");

PG_FUNCTION_INFO_V1(air_eval_day_accum);
PG_FUNCTION_INFO_V1(air_eval_day_combine);
PG_FUNCTION_INFO_V1(air_eval_day_serialize);
PG_FUNCTION_INFO_V1(air_eval_day_deserialize);
PG_FUNCTION_INFO_V1(air_eval_day_final);
PG_FUNCTION_INFO_V1(air_eval_refresh_daily);

static const char *const air_day_item_names[ECO_AIR_DAY_ITEMS] = {"so2", "no2", "co", "o3", "pm10", "pm25"};

static void
air_day_set_day(AirDay *s, DateADT day)
{
	if (s->have_day && s->day != day)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("readings of two days in one eco._air_day_rollup group"),
				 errhint("Group by site and eco.report_day(hour_ending).")));
	s->day = day;
	s->have_day = 1;
}

static void
air_day_error(int rc, int detail, double v)
{
	if (rc == ECO_AIR_DAY_REPEAT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("hour %d appears twice in one site-day", detail),
				 errhint("Group by site and eco.report_day(hour_ending).")));
	if (rc == ECO_AIR_DAY_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s value %g is out of range for a concentration", air_day_item_names[detail], v)));
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum of concentrations out of range")));
}

Datum
air_eval_day_accum(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = air_agg_context(fcinfo, "air_eval_day_accum");
	AirDay	   *s = PG_ARGISNULL(0) ? NULL : (AirDay *) PG_GETARG_POINTER(0);
	double		v[ECO_AIR_DAY_ITEMS];
	unsigned	has = 0;
	DateADT		day;
	int			hour,
				bad = 0,
				rc;

	if (s == NULL)
	{
		s = MemoryContextAllocZero(ctx, sizeof(AirDay));
		eco_air_day_init(&s->d);
	}
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);	/* no label: not a reading */
	air_split_label(PG_GETARG_TIMESTAMP(1), &day, &hour);
	air_day_set_day(s, day);
	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
	{
		v[i] = 0;
		if (!PG_ARGISNULL(2 + i))
		{
			v[i] = PG_GETARG_FLOAT8(2 + i);
			if (unlikely(!(v[i] >= 0) || isinf(v[i])))
				air_check_value(v[i], air_day_item_names[i]);
			has |= 1u << i;
		}
	}
	rc = eco_air_day_add(&s->d, hour, v, has, !PG_ARGISNULL(8) && PG_GETARG_BOOL(8), &bad);
	if (rc != ECO_AIR_DAY_OK)
		air_day_error(rc, rc == ECO_AIR_DAY_REPEAT ? hour : bad, v[bad]);
	PG_RETURN_POINTER(s);
}

Datum
air_eval_day_combine(PG_FUNCTION_ARGS)
{
	AirDay *a,
			   *b;
	int			hour = 0,
				rc;

	if (eco_flat_combine_empty(fcinfo, sizeof(AirDay), "air_eval_day_combine", (void **) &a, (void **) &b))
		ECO_RETURN_STATE(a);
	if (b->have_day)
		air_day_set_day(a, b->day);
	rc = eco_air_day_merge(&a->d, &b->d, &hour);
	if (rc != ECO_AIR_DAY_OK)
		air_day_error(rc, hour, 0);
	PG_RETURN_POINTER(a);
}

ECO_FLAT_STATE_IO(air_eval_day, AirDay, "eco._air_day_rollup")

/* What the final function keeps for the query: the result descriptor, texts and arrays by edition. */
#define AIR_DAY_NATTS 23
typedef struct AirDayCache
{
	TupleDesc	tupdesc;
	Datum		category[2][7];	/* [HJ2012, HJ2026][level] */
	Datum		primary[2][1 << AQI_N_IND];	/* text[] per indicator mask, built on first use */
} AirDayCache;

static const char *const air_day_codes[AQI_N_IND] = {"SO2", "NO2", "CO", "PM10", "PM2.5", "O3_8H", "O3_1H"};

static AirDayCache *
air_day_cache(FunctionCallInfo fcinfo)
{
	AirDayCache *c = (AirDayCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		MemoryContext old;
		TupleDesc	td;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE || td->natts != AIR_DAY_NATTS)
			elog(ERROR, "eco._air_day_rollup: unexpected result type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		c = palloc0(sizeof(AirDayCache));
		c->tupdesc = BlessTupleDesc(CreateTupleDescCopy(td));
		for (int ed = 0; ed < 2; ed++)
			for (int lv = 1; lv <= 6; lv++)
				c->category[ed][lv] = CStringGetTextDatum(aqi_editions[ed]->levels[lv - 1].category_zh);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

static Datum
air_day_primary(FunctionCallInfo fcinfo, AirDayCache *c, int ed, unsigned mask)
{
	if (c->primary[ed][mask] == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		Datum		elems[AQI_N_IND];
		int			n = 0;

		for (int i = 0; i < AQI_N_IND; i++)
			if (mask & (1u << i))
				elems[n++] = CStringGetTextDatum(air_day_codes[i]);
		c->primary[ed][mask] = PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
		MemoryContextSwitchTo(old);
	}
	return c->primary[ed][mask];
}

/* Result: the columns of eco.air_daily after site_code (eco._air_day_result). */
Datum
air_eval_day_final(PG_FUNCTION_ARGS)
{
	AirDay	   *s = (AirDay *) PG_GETARG_POINTER(0);
	AirDayCache *c = air_day_cache(fcinfo);
	eco_air_day_result r;
	Datum		values[AIR_DAY_NATTS];
	bool		nulls[AIR_DAY_NATTS];
	const eco_standard *std;
	const aqi_rules *rules;
	int			ed;
	double		conc[AQI_N_IND];
	unsigned char present[AQI_N_IND];
	aqi_result ar;
	int			y,
				m,
				dd,
				k = 0;
	/* air_daily order: so2 no2 co o3 pm10 pm25; AQI indicators: SO2 NO2 CO PM10 PM2.5 O3_8H O3_1H */
	static const int ind_item[5] = {ECO_AIR_DAY_SO2, ECO_AIR_DAY_NO2, ECO_AIR_DAY_CO, ECO_AIR_DAY_PM10,
	ECO_AIR_DAY_PM25};

	if (!s->have_day)
		PG_RETURN_NULL();
	eco_air_day_finish(&s->d, air_mda8_default_lim(), &r);
	j2date(s->day + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	std = eco_standard_in_force("HJ633", y * 10000 + m * 100 + dd);
	if (std == NULL)
		elog(ERROR, "no HJ 633 edition");
	rules = aqi_rules_find(std->id);
	for (ed = 0; ed < 2 && aqi_editions[ed] != rules; ed++)
		;						/* index of the cached level texts */
	if (ed >= 2 || rules->report != AQI_REPORT_HJ633)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("standard \"%s\" has no air quality index rules in this version", std->code)));
	for (int i = 0; i < 5; i++)
	{
		conc[i] = r.mean[ind_item[i]];
		present[i] = r.mean_ok[ind_item[i]];
	}
	conc[AQI_IND_O3_8H] = r.o3_8h;
	present[AQI_IND_O3_8H] = r.o3_8h_ok;
	conc[AQI_IND_O3_1H] = r.o3_1h;
	present[AQI_IND_O3_1H] = r.o3_1h_ok;
	aqi_daily(rules, conc, present, &ar);

	memset(nulls, 0, sizeof nulls);
	values[k++] = DateADTGetDatum(s->day);
	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++, k++)
	{
		values[k] = Float8GetDatum(r.mean[i]);
		nulls[k] = !r.mean_ok[i];
	}
	values[k] = Float8GetDatum(r.o3_1h);
	nulls[k++] = !r.o3_1h_ok;
	values[k] = Float8GetDatum(r.o3_8h);
	nulls[k++] = !r.o3_8h_ok;
	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
		values[k++] = BoolGetDatum(r.mean_ok[i]);
	values[k++] = BoolGetDatum(r.o3_8h_ok);
	values[k++] = Int32GetDatum(r.n_hours);
	values[k++] = Int16GetDatum(std->id);
	if (ar.aqi < 0)
	{
		for (int i = 0; i < 4; i++, k++)
		{
			values[k] = (Datum) 0;
			nulls[k] = true;
		}
	}
	else
	{
		values[k++] = Int32GetDatum(ar.aqi);
		values[k++] = Int32GetDatum(ar.level);
		values[k++] = c->category[ed][ar.level];
		values[k++] = air_day_primary(fcinfo, c, ed, ar.primary);
	}
	values[k++] = BoolGetDatum(r.dust);
	Assert(k == AIR_DAY_NATTS);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(c->tupdesc, values, nulls)));
}

/* ---------- eco.refresh_air_daily(from_day, to_day) ---------- */

/* Advisory-lock class of the refresh: (this key, year * 12 + month - 1) per calendar month refreshed. */
#define AIR_REFRESH_LOCK_KEY 0x65636F01	/* 'e' 'c' 'o' 1 */
/*
 * A refresh of more months than this locks the whole table (the key below,
 * which no month takes: months are year * 12 + month - 1 >= -4713 * 12)
 * instead of one lock per month.
 */
#define AIR_REFRESH_MAX_MONTH_LOCKS 120
#define AIR_REFRESH_TABLE_LOCK PG_INT32_MIN
/* Ranges up to this many days are read by the key (an index scan); longer ones one aggregate per month. */
#define AIR_REFRESH_SHORT_DAYS 31
/* Months aggregated by one statement (a UNION ALL of this many aggregates at most: bounded planning). */
#define AIR_REFRESH_BATCH_MONTHS 24
/* Statements of a refresh of any length at most (more months per aggregate beyond 24 x 5 months with rows). */
#define AIR_REFRESH_MAX_BATCHES 5

/*
 * Run one statement.  Under REPEATABLE READ and SERIALIZABLE the statement
 * sees the latest committed data (taken after the month locks), as
 * PostgreSQL's own foreign-key checks do: a refresh that waited for another
 * one over the same days then replaces that one's rows instead of colliding
 * with rows its transaction snapshot cannot see.
 */
static uint64
air_refresh_exec(const char *sql, int expect)
{
	SPIPlanPtr	plan = SPI_prepare(sql, 0, NULL);
	int			rc;

	if (plan == NULL)
		elog(ERROR, "eco.refresh_air_daily: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	if (IsolationUsesXactSnapshot())
	{
		CommandCounterIncrement();
		rc = SPI_execute_snapshot(plan, NULL, NULL, GetLatestSnapshot(), InvalidSnapshot, false, true, 0);
	}
	else
		rc = SPI_execute_plan(plan, NULL, NULL, false, 0);
	if (rc != expect)
		elog(ERROR, "eco.refresh_air_daily: unexpected SPI result %s", SPI_result_code_string(rc));
	SPI_freeplan(plan);
	return SPI_processed;
}

Datum
air_eval_refresh_daily(PG_FUNCTION_ARGS)
{
	DateADT		from_day,
				to_day;
	Oid			nsp_oid;
	const char *nsp;
	int64		written = 0;
	int			y,
				m,
				dd;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || DATE_NOT_FINITE(PG_GETARG_DATEADT(0)) ||
		DATE_NOT_FINITE(PG_GETARG_DATEADT(1)) || PG_GETARG_DATEADT(0) > PG_GETARG_DATEADT(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid day range %s .. %s",
						PG_ARGISNULL(0) ? "<NULL>" : DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(0))),
						PG_ARGISNULL(1) ? "<NULL>" : DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(1)))),
				 errhint("Give two finite days, the first not after the second.")));
	from_day = PG_GETARG_DATEADT(0);
	to_day = PG_GETARG_DATEADT(1);
	nsp_oid = get_func_namespace(fcinfo->flinfo->fn_oid);
	nsp = quote_identifier(get_namespace_name(nsp_oid));

	/*
	 * 1. Serialise with every other refresh of the same months: a shared lock
	 * on the whole table, then one lock per month in ascending order (no
	 * deadlock).  A range of more than AIR_REFRESH_MAX_MONTH_LOCKS months
	 * takes the whole-table lock exclusively instead, so that a refresh of
	 * any length holds a bounded number of locks (the lock table is shared
	 * memory).
	 */
	j2date(from_day + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	{
		int64		first = (int64) y * 12 + m - 1;
		int64		last;

		j2date(to_day + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
		last = (int64) y * 12 + m - 1;
		if (last - first + 1 > AIR_REFRESH_MAX_MONTH_LOCKS)
			DirectFunctionCall2(pg_advisory_xact_lock_int4, Int32GetDatum(AIR_REFRESH_LOCK_KEY),
								Int32GetDatum(AIR_REFRESH_TABLE_LOCK));
		else
		{
			DirectFunctionCall2(pg_advisory_xact_lock_shared_int4, Int32GetDatum(AIR_REFRESH_LOCK_KEY),
								Int32GetDatum(AIR_REFRESH_TABLE_LOCK));
			for (int64 ym = first; ym <= last; ym++)
				DirectFunctionCall2(pg_advisory_xact_lock_int4, Int32GetDatum(AIR_REFRESH_LOCK_KEY),
									Int32GetDatum((int32) ym));
		}
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "eco.refresh_air_daily: SPI_connect failed");

	/*
	 * 2. The range's rows of eco.air_daily are deleted through the key
	 * (day, site_code); then the aggregates go into a temporary table
	 * (CREATE TABLE AS may run in parallel, INSERT ... SELECT never does) and
	 * from it into eco.air_daily, a batch of months at a time.  The plan is
	 * chosen here, by the length of the range, never by statistics that
	 * autovacuum may have left stale:
	 *  - up to AIR_REFRESH_SHORT_DAYS days: the range of the key
	 *    (hour_ending, site_code), an index scan, so a refresh of one day
	 *    reads that day's rows only;
	 *  - longer: one aggregate per calendar month, each reading its month's
	 *    range of the key (a bitmap or index scan, never the whole table),
	 *    the months shared out whole among parallel workers (a Parallel
	 *    Append of complete aggregates): a site-day is never split between
	 *    processes, so no partial states are combined, and the hash table of
	 *    one month fits work_mem for a national network (it spills to disk
	 *    beyond it: memory is bounded by a month, not by the range).
	 * Days are written as offsets from 2000-01-01 (no DateStyle dependency).
	 */
	{
		/*
		 * The forced index scans need the key of a plain table; when
		 * eco.air_hourly has been replaced by a partitioned table (shards on
		 * postgres_fdw), the planner's own choice lets PostgreSQL push the
		 * whole GROUP BY site-day down to each shard (partitionwise
		 * aggregation).
		 */
		bool		plain = get_rel_relkind(get_relname_relid("air_hourly", nsp_oid)) == RELKIND_RELATION;
		bool		short_range = plain && to_day - from_day + 1 <= AIR_REFRESH_SHORT_DAYS;
		bool		by_month = plain && !short_range;
		int			save_nestlevel = NewGUCNestLevel();
		const char *off_short[] = {"enable_seqscan", "enable_hashjoin", "enable_mergejoin", "enable_material",
		"enable_sort", "enable_bitmapscan"};
		const char *off_long[] = {"enable_seqscan", "enable_sort", "parallel_leader_participation"};
		DateADT		day,
					scan_to = to_day;
		int			months_per_branch = 1;
		char	   *sql;

		/*
		 * No JIT: the expressions are calls of C functions, and compiling them
		 * cost each process about 0.6 s before its first row (a year of 800
		 * stations: 3.7-4.1 s without, 4.4-4.6 s with); a switched-off plan
		 * type's cost would also cross jit_above_cost on every short refresh.
		 */
		(void) set_config_option("jit", "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
		(void) set_config_option("enable_seqscan", "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
		sql = psprintf("DELETE FROM %1$s.air_daily WHERE day BETWEEN DATE '2000-01-01' + %2$d AND DATE '2000-01-01' + %3$d",
					   nsp, (int) from_day, (int) to_day);
		air_refresh_exec(sql, SPI_OK_DELETE);

		/*
		 * One range condition per aggregate: every plan the planner can pick
		 * reads each row of the range once.  The row-level security function
		 * (eco.site_visible) keeps its index.  The leader only collects the
		 * workers' rows into the staging table (when it ran a month itself,
		 * the workers waited on their full queues: 2.9-3.2 s against 3.9-4.1 s
		 * for a year of 800 stations).
		 */
		if (short_range)
			for (int i = 0; i < (int) lengthof(off_short); i++)
				(void) set_config_option(off_short[i], "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
		else if (by_month)
			for (int i = 0; i < (int) lengthof(off_long); i++)
				(void) set_config_option(off_long[i], "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
		/*
		 * A long range is cut to the days that have rows (the first and last
		 * hour by the key), and a range of many years takes several months
		 * per aggregate, so that a refresh of any length runs at most
		 * AIR_REFRESH_MAX_BATCHES statements of at most
		 * AIR_REFRESH_BATCH_MONTHS aggregates.
		 */
		day = from_day;
		if (by_month)
		{
			int64		months_total;

			/*
			 * Written as two ORDER BY ... LIMIT 1 (not min/max, which the
			 * planner may answer by aggregating the whole range when the
			 * statistics are stale): with sequential scans and sorts switched
			 * off, each is a scan of the key that stops at its first row.
			 */
			sql = psprintf("SELECT (SELECT (h.hour_ending - interval '1 hour')::date - DATE '2000-01-01'"
						   " FROM %1$s.air_hourly h WHERE h.hour_ending > (DATE '2000-01-01' + %2$d)::timestamp"
						   " AND h.hour_ending <= (DATE '2000-01-01' + %3$d)::timestamp ORDER BY h.hour_ending LIMIT 1),"
						   " (SELECT (h.hour_ending - interval '1 hour')::date - DATE '2000-01-01'"
						   " FROM %1$s.air_hourly h WHERE h.hour_ending > (DATE '2000-01-01' + %2$d)::timestamp"
						   " AND h.hour_ending <= (DATE '2000-01-01' + %3$d)::timestamp ORDER BY h.hour_ending DESC LIMIT 1)",
						   nsp, (int) from_day, (int) to_day + 1);
			air_refresh_exec(sql, SPI_OK_SELECT);
			if (SPI_processed != 1)
				elog(ERROR, "eco.refresh_air_daily: no row from the range probe");
			{
				bool		null_first,
							null_last;
				Datum		first = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &null_first);
				Datum		last = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &null_last);

				if (null_first || null_last)
					day = to_day + 1;	/* no rows: nothing to aggregate */
				else
				{
					day = Max(from_day, DatumGetInt32(first));
					scan_to = Min(to_day, DatumGetInt32(last));
				}
			}
			if (day <= scan_to)
			{
				int			y2,
							m2;

				j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
				j2date(scan_to + POSTGRES_EPOCH_JDATE, &y2, &m2, &dd);
				months_total = ((int64) y2 * 12 + m2) - ((int64) y * 12 + m) + 1;
				months_per_branch = (int) ((months_total + AIR_REFRESH_BATCH_MONTHS * AIR_REFRESH_MAX_BATCHES - 1) /
											 (AIR_REFRESH_BATCH_MONTHS * AIR_REFRESH_MAX_BATCHES));
			}
		}
		while (day <= scan_to)
		{
			StringInfoData q;
			int			months = 0;

			initStringInfo(&q);
			appendStringInfoString(&q, "CREATE TEMP TABLE \"eco.refresh_air_daily stage\" ON COMMIT DROP AS "
								   "SELECT s.site_code, (s.r).* FROM (");
			while (day <= scan_to && months < AIR_REFRESH_BATCH_MONTHS)
			{
				DateADT		last = scan_to;

				/* a plain table's long range: one aggregate per calendar month (or months_per_branch months) */
				if (by_month)
				{
					int64		next,
								next_y;

					/* the first day of the month months_per_branch later (floor division: years before 1 AD are <= 0) */
					j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
					next = (int64) y * 12 + (m - 1) + months_per_branch;
					next_y = next >= 0 ? next / 12 : -((-next + 11) / 12);
					last = Min(scan_to, date2j((int) next_y, (int) (next - next_y * 12) + 1, 1) - POSTGRES_EPOCH_JDATE - 1);
					Assert(last >= day);
				}
				appendStringInfo(&q,
								 "%1$sSELECT h.site_code, %2$s._air_day_rollup(h.hour_ending, h.so2, h.no2, h.co, h.o3,"
								 " h.pm10, h.pm25, h.dust) AS r FROM %2$s.air_hourly h"
								 " WHERE h.hour_ending > (DATE '2000-01-01' + %3$d)::timestamp"
								 " AND h.hour_ending <= (DATE '2000-01-01' + %4$d)::timestamp"
								 " GROUP BY h.site_code, %2$s.report_day(h.hour_ending)",
								 months == 0 ? "" : " UNION ALL ", nsp, (int) day, (int) last + 1);
				months++;
				day = last + 1;
			}
			appendStringInfoString(&q, ") s");
			air_refresh_exec(q.data, SPI_OK_UTILITY);
			sql = psprintf(
				"INSERT INTO %1$s.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,"
				" so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours,"
				" aqi_standard, aqi, aqi_level, aqi_category, primary_pollutants, dust)"
				" SELECT site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,"
				" so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours,"
				" aqi_standard, aqi, aqi_level, aqi_category, primary_pollutants, dust"
				" FROM pg_temp.\"eco.refresh_air_daily stage\"", nsp);
			written += air_refresh_exec(sql, SPI_OK_INSERT);
			air_refresh_exec("DROP TABLE pg_temp.\"eco.refresh_air_daily stage\"", SPI_OK_UTILITY);
			pfree(q.data);
			CHECK_FOR_INTERRUPTS();
		}
		AtEOXact_GUC(true, save_nestlevel);
	}
	SPI_finish();
	PG_RETURN_INT64(written);
}

/* ================================================================
 * eco._air_hourly_valid: the CHECK of eco.air_hourly in one call (finite
 * hour label on a full hour, six finite non-negative concentrations), with
 * SQLSTATE 23514 and a message naming the column and the value.
 * ================================================================ */
PG_FUNCTION_INFO_V1(air_eval_hourly_valid);

Datum
air_eval_hourly_valid(PG_FUNCTION_ARGS)
{
	if (!PG_ARGISNULL(0))
	{
		Timestamp	ts = PG_GETARG_TIMESTAMP(0);

		if (TIMESTAMP_NOT_FINITE(ts) || ts % USECS_PER_HOUR != 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("hour_ending of eco.air_hourly must be a finite timestamp on a full hour, not %s",
							DatumGetCString(DirectFunctionCall1(timestamp_out, TimestampGetDatum(ts)))),
					 errdetail("Readings are labelled with the end of their hour (HJ 663).")));
	}
	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
		if (!PG_ARGISNULL(1 + i))
		{
			double		v = PG_GETARG_FLOAT8(1 + i);

			/* NaN fails both comparisons */
			if (!(v >= 0) || isinf(v))
				ereport(ERROR,
						(errcode(ERRCODE_CHECK_VIOLATION),
						 errmsg("%s of eco.air_hourly must be a finite non-negative concentration, not %s",
								air_day_item_names[i],
								DatumGetCString(DirectFunctionCall1(float8out, Float8GetDatum(v))))));
		}
	PG_RETURN_BOOL(true);
}

/* ================================================================
 * HJ 663 editions: the records of the C core, the default edition of
 * each air family, the standard-taking statistics.
 * ================================================================ */
PG_FUNCTION_INFO_V1(air_default_standard);
PG_FUNCTION_INFO_V1(air_eval_edition_list);
PG_FUNCTION_INFO_V1(air_eval_annual_statistic_list);
PG_FUNCTION_INFO_V1(air_eval_annual_percentile_rank);
PG_FUNCTION_INFO_V1(air_eval_mda8_accum_std);
PG_FUNCTION_INFO_V1(air_eval_annual_compliance);
PG_FUNCTION_INFO_V1(air_eval_year_accum_std);
PG_FUNCTION_INFO_V1(air_eval_year_accum_p_std);

/* The HJ 663 record of a standard argument; ERROR 22023 naming the standard otherwise. */
static const eco_air_eval_rules *
air_eval_rules_arg(int16 std_id, const char *what)
{
	const eco_standard *s = eco_standard_arg(std_id);
	const eco_air_eval_rules *ed = eco_air_eval_rules_find(s->id);

	if (ed == NULL)
	{
		eco_require_family(s, "HJ663", what);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("standard \"%s\" has no air evaluation rules in this version", s->code),
				 errhint("The HJ 663 editions are listed in the view eco.air_evaluation_editions.")));
	}
	return ed;
}

/* eco.air_default_standard(family) */
Datum
air_default_standard(PG_FUNCTION_ARGS)
{
	char	   *family = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int			std = eco_air_default_standard(family);

	if (std == 0)
	{
		StringInfoData b;

		initStringInfo(&b);
		for (int i = 0; i < eco_air_n_defaults; i++)
			appendStringInfo(&b, "%s%s", i ? ", " : "", eco_air_defaults[i].family);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no default standard for the family \"%s\"", family),
				 errhint("Air families: %s.", b.data)));
	}
	PG_RETURN_INT16((int16) std);
}

/* eco.air_evaluation_editions */
Datum
air_eval_edition_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int e = 0; e < eco_air_eval_n_editions; e++)
	{
		const eco_air_eval_rules *ed = eco_air_eval_editions[e];
		Datum		values[10];
		bool		nulls[10] = {0};

		values[0] = Int16GetDatum((int16) ed->id);
		values[1] = Int16GetDatum((int16) ed->limits);
		values[2] = Int32GetDatum(ed->min_hours_day);
		values[3] = Int32GetDatum(ed->min_hours_8h);
		values[4] = Int32GetDatum(ed->mda8_first_end);
		values[5] = Int32GetDatum(ed->mda8_last_end);
		values[6] = Int32GetDatum(ed->min_windows_mda8);
		values[7] = Int32GetDatum(ed->min_days_year);
		values[8] = Int32GetDatum(ed->min_days_month);
		values[9] = Int32GetDatum(ed->min_days_feb);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* eco.air_annual_statistics */
Datum
air_eval_annual_statistic_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int e = 0; e < eco_air_eval_n_editions; e++)
	{
		const eco_air_eval_rules *ed = eco_air_eval_editions[e];

		for (int i = 0; i < 6; i++)
		{
			const eco_air_annual_stat *a = &ed->annual[i];
			Datum		values[7];
			bool		nulls[7] = {0};

			values[0] = Int16GetDatum((int16) ed->id);
			values[1] = Int32GetDatum(i + 1);
			values[2] = Int16GetDatum(a->pollutant);
			values[3] = BoolGetDatum(a->annual_mean != 0);
			values[4] = Float8GetDatum(a->percentile);
			nulls[4] = a->percentile <= 0;
			values[5] = CStringGetTextDatum(eco_air_period_name(a->daily_period));
			values[6] = CStringGetTextDatum(eco_air_period_name(ed->index_period[i]));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

/* eco.annual_percentile_rank(pollutant, standard) */
Datum
air_eval_annual_percentile_rank(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p = PG_GETARG_POLLUTANT(0);
	const eco_air_eval_rules *ed = air_eval_rules_arg(PG_GETARG_INT16(1), "eco.annual_percentile_rank");
	char		buf[64];

	for (int i = 0; i < 6; i++)
		if (ed->annual[i].pollutant == p->id && ed->annual[i].percentile > 0)
			PG_RETURN_FLOAT8(ed->annual[i].percentile);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s has no annual percentile statistic in %s", eco_pollutant_out(p, buf, sizeof buf),
					eco_standard_arg(PG_GETARG_INT16(1))->code),
			 errhint("Use SO2, NO2, CO, O3, PM10 or PM2.5 (see eco.air_annual_statistics).")));
	PG_RETURN_NULL();
}

/* eco.mda8(hour, value, standard): the limit is the grade II O3 MDA8 limit of the edition's GB 3095 edition. */
Datum
air_eval_mda8_accum_std(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = air_agg_context(fcinfo, "air_eval_mda8_accum_std");
	AirMda8    *s = PG_ARGISNULL(0) ? air_mda8_new(ctx) : (AirMda8 *) PG_GETARG_POINTER(0);
	const eco_air_eval_rules *ed;
	const eco_pollutant *o3 = eco_pollutant_parse("O3");
	double		lim;

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("standard of eco.mda8 must not be null")));
	ed = air_eval_rules_arg(PG_GETARG_INT16(3), "eco.o3_mda8");
	s->std = ed->id;
	if (o3 == NULL || !eco_air_limit_value(ed->limits, o3->id, ECO_AP_8H, 2, &lim))
		elog(ERROR, "no O3 8-h limit");
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	air_mda8_put(s, PG_GETARG_INT32(1), PG_GETARG_FLOAT8(2), lim);
	PG_RETURN_POINTER(s);
}

/*
 * p_arg and std_arg are the argument numbers of the percentile rank and of
 * the standard, 0 where the form has none; neither may be NULL.  A day with
 * a NULL date or value does not count.
 */
static Datum
air_year_accum_args(FunctionCallInfo fcinfo, const char *fn, int p_arg, int std_arg)
{
	MemoryContext ctx = air_agg_context(fcinfo, fn);
	AirYear    *s = PG_ARGISNULL(0) ? air_year_new(ctx) : (AirYear *) PG_GETARG_POINTER(0);

	if (p_arg && PG_ARGISNULL(p_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("percentile rank must not be null")));
	if (std_arg && PG_ARGISNULL(std_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("standard of an annual statistic must not be null")));
	if (std_arg)
		air_year_set_standard(s, air_eval_rules_arg(PG_GETARG_INT16(std_arg),
													p_arg ? "eco.annual_percentile" : "eco.annual_mean")->id);
	if (p_arg)
		air_pct_set_p(&s->p, PG_GETARG_FLOAT8(p_arg));
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	air_year_put(s, PG_GETARG_DATEADT(1), PG_GETARG_FLOAT8(2));
	PG_RETURN_POINTER(s);
}

Datum
air_eval_year_accum_std(PG_FUNCTION_ARGS)
{
	return air_year_accum_args(fcinfo, "air_eval_year_accum_std", 0, 3);
}

Datum
air_eval_year_accum_p_std(PG_FUNCTION_ARGS)
{
	return air_year_accum_args(fcinfo, "air_eval_year_accum_p_std", 3, 4);
}

/* eco.annual_compliance(pollutant, annual_mean, percentile_value, grade, standard) */
Datum
air_eval_annual_compliance(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p;
	const eco_air_eval_rules *ed;
	double		mean = 0,
				pct = 0;
	int32		grade;
	int			r;
	char		buf[64];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	p = PG_GETARG_POLLUTANT(0);
	grade = PG_GETARG_INT32(3);
	ed = air_eval_rules_arg(PG_GETARG_INT16(4), "eco.annual_compliance");
	if (grade != 1 && grade != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grade must be 1 or 2, not %d", grade)));
	if (!PG_ARGISNULL(1))
		air_check_value(mean = PG_GETARG_FLOAT8(1), "annual_mean");
	if (!PG_ARGISNULL(2))
		air_check_value(pct = PG_GETARG_FLOAT8(2), "percentile_value");
	r = eco_air_annual_compliance(ed, p->id, grade, PG_ARGISNULL(1) ? NULL : &mean, PG_ARGISNULL(2) ? NULL : &pct);
	if (r == -2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has no annual evaluation in %s", eco_pollutant_out(p, buf, sizeof buf),
						eco_standard_arg(PG_GETARG_INT16(4))->code),
				 errhint("Use SO2, NO2, CO, O3, PM10 or PM2.5 (see eco.air_annual_statistics).")));
	if (r < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r == 1);
}
