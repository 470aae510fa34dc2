/*
 * air_eval.h — GB 3095 concentration limits and the HJ 663 assessment
 * statistics: data-validity minimums, MDA8, percentiles, annual validity,
 * single and composite indices.  Pure C: no PostgreSQL header.
 */
#ifndef ECO_AIR_EVAL_H
#define ECO_AIR_EVAL_H

#include <stdint.h>

#include "averaging_period.h"
#include "exact_sum.h"
#include "standards.h"

/* One row of a GB 3095 limit table. */
typedef struct eco_air_limit
{
	short		standard;		/* eco_std_id: GB3095-2012, -2026 (transition), -2026-final */
	short		pollutant;		/* eco_pollutant id (air items 1..10) */
	eco_air_period period;
	short		table_no;		/* 1 = basic items, 2 = other items */
	double		grade1;			/* 一级浓度限值 */
	double		grade2;			/* 二级浓度限值 */
} eco_air_limit;

extern const eco_air_limit eco_air_limits[];
extern const int eco_n_air_limits;

/* Table 4 (GB 3095) and HJ 663 §6.1.2 data-validity minimums. */
#define ECO_AIR_MIN_HOURS_DAY		20	/* hourly values for a daily mean */
#define ECO_AIR_MIN_HOURS_8H		6	/* hourly values in an 8-h window */
#define ECO_AIR_MDA8_FIRST_END		8	/* first 8-h window ends at 08时 */
#define ECO_AIR_MDA8_LAST_END		24	/* last ends at 24时: 17 windows */
#define ECO_AIR_MIN_WINDOWS_MDA8	14	/* valid 8-h values for an MDA8 */
#define ECO_AIR_MIN_DAYS_YEAR		324 /* daily values per year */
#define ECO_AIR_MIN_DAYS_MONTH		27	/* daily values per month ... */
#define ECO_AIR_MIN_DAYS_FEB		25	/* ... except February */

/*
 * The limit of (standard, pollutant, period, grade 1|2).  Returns 1 and sets
 * *value when the standard limits that pair, else 0.
 */
int			eco_air_limit_value(int standard, int pollutant, eco_air_period period,
								int grade, double *value);

/*
 * Composite index (综合指数) denominators: SO2, NO2, PM10, PM2.5 annual
 * grade II limits, CO 24-h grade II limit, O3 MDA8 grade II limit, all taken
 * from eco_air_limits.  Returns 1 and sets *s, 0 for a pollutant that is not
 * one of the six.
 */
int			eco_air_index_denominator(int standard, int pollutant, double *s);

/* The six items of the composite index, in its order: SO2 NO2 PM10 PM2.5 CO O3. */
extern const short eco_air_index_items[6];

/* Exceedance multiple (C − S)/S when C is above S by the one comparison with a limit (exact_decimal.h), else 0. */
double		eco_air_exceedance_multiple(double c, double s);

/*
 * HJ 663 percentile of n sorted values (ascending), p in 0..1:
 * position (n−1)p, linear interpolation — percentile_cont's arithmetic.
 */
double		eco_air_percentile_sorted(const double *v, long n, double p);

/* Sort ascending (qsort). */
void		eco_air_sort(double *v, long n);

/*
 * MDA8 of one day.  v[0..23] are hours 1..24; present bit h-1 of mask says
 * hour h has a value.  Returns 1 and sets *mda8 and *n_windows when the
 * statistic is valid (≥ 14 valid windows, or fewer when the maximum exceeds
 * lim); 0 otherwise (then *n_windows and *mda8 still report what was found,
 * *mda8 NaN when no window is valid).
 */
int			eco_air_mda8(const double v[24], uint32_t mask, double lim,
						 double *mda8, int *n_windows);

/*
 * Exact, order-independent sums for the capture-aware means: the Q64.64
 * fixed point of exact_sum.h, under the names the air code uses.
 */
typedef eco_exact eco_air_fixed;
#define eco_air_to_fixed(v, out) eco_exact_from_double((v), (out))
#define eco_air_fixed_add(a, b, sub) eco_exact_add((a), (b), (sub))
#define eco_air_fixed_mean(sum, n) eco_exact_mean((sum), (n))

/* Capture check for a mean of n values with minimum min_count. */
#define eco_air_capture_ok(n, min_count) ((n) >= (min_count) && (n) > 0)

/* ---------- HJ 663 editions as records ---------- */

/* One annual statistic of HJ 663 (§3.5 of the evaluation rules): a pollutant's annual mean and/or percentile. */
typedef struct eco_air_annual_stat
{
	short		pollutant;		/* eco_pollutant id */
	unsigned char annual_mean;	/* the annual mean is evaluated (against the annual limit) */
	double		percentile;		/* rank p (0..1) of the daily statistic, 0: none */
	eco_air_period daily_period;	/* the daily statistic: 24-h mean, or MDA8 (O3) */
} eco_air_annual_stat;

/*
 * One edition of HJ 663, keyed by its eco_std_id.  The rules the statistics
 * read; fields are kept even where the editions agree.
 */
typedef struct eco_air_eval_rules
{
	int			id;				/* ECO_STD_HJ663_2013, ECO_STD_HJ663_2026 */
	int			limits;			/* GB 3095 edition the statistics are compared with (and of the MDA8 validity limit) */
	int			min_hours_day;	/* hourly values for a daily mean */
	int			min_hours_8h;	/* hourly values in an 8-h window */
	int			mda8_first_end; /* first 8-h window ends at this hour */
	int			mda8_last_end;	/* last ends at this hour */
	int			min_windows_mda8;	/* valid 8-h values for an MDA8 (fewer: valid above the limit) */
	int			min_days_year;	/* daily values per calendar year */
	int			min_days_month; /* daily values per month ... */
	int			min_days_feb;	/* ... except February */
	eco_air_annual_stat annual[6];	/* SO2 NO2 CO O3 PM10 PM2.5 (GB 3095 Table 1 order) */
	/* composite index: the six items (annual[] order) divided by the grade II limit of these periods */
	eco_air_period index_period[6];
} eco_air_eval_rules;

extern const eco_air_eval_rules eco_hj663_2013;
extern const eco_air_eval_rules eco_hj663_2026;
extern const eco_air_eval_rules *const eco_air_eval_editions[];
extern const int eco_air_eval_n_editions;

/* The record of an eco_std_id; NULL when the standard is not an HJ 663 edition. */
const eco_air_eval_rules *eco_air_eval_rules_find(int std_id);

/*
 * MDA8 of one day under the windows, hours per window and window minimum of
 * edition ed (HJ 663 §6.1.2); eco_air_mda8 above is this under HJ 663-2026
 * (every recorded edition has the same MDA8 rules; a unit test checks it).
 */
int			eco_air_mda8_ed(const eco_air_eval_rules *ed, const double v[24], uint32_t mask, double lim,
							double *mda8, int *n_windows);

/*
 * HJ 663 annual evaluation (年评价) of one of the six pollutants under edition
 * ed and grade 1|2: the annual mean (where the edition evaluates it) and the
 * percentile statistic each at most the limit of the edition's GB 3095
 * edition (annual limit; 24-h limit, or the MDA8 limit for O3), compared as
 * given.  annual_mean / pct_value NULL = not available.  Returns 1 complies,
 * 0 does not, -1 a statistic the rule needs is missing (and nothing
 * exceeds), -2 not one of the six or no limit.
 */
int			eco_air_annual_compliance(const eco_air_eval_rules *ed, int pollutant, int grade,
									  const double *annual_mean, const double *pct_value);

/*
 * Default edition of each air standard family (HJ633, EPA, HJ663, GB3095):
 * the default of every air function's standard argument, stated once here.
 * Returns the eco_std_id, 0 for a family without one.
 */
typedef struct eco_air_default
{
	const char *family;
	int			standard;
} eco_air_default;

extern const eco_air_default eco_air_defaults[];
extern const int eco_air_n_defaults;
int			eco_air_default_standard(const char *family);

/*
 * Annual validity: month_counts[0..11] daily values per month, total the
 * sum.  1 when total ≥ 324, every month ≥ 27, February ≥ 25 (the
 * minimums of edition ed; eco_air_annual_valid: HJ 663-2013).
 */
int			eco_air_annual_valid_ed(const eco_air_eval_rules *ed, const int month_counts[12]);
int			eco_air_annual_valid(const int month_counts[12]);

/*
 * One site-day of hourly readings, for the one-pass daily roll-up
 * (eco.refresh_air_daily): the six daily means (exact sums as above), the O3
 * hours for the MDA8 and the 1-h maximum, the hours seen and the dust flag.
 * Items in the column order of eco.air_hourly.  Order-independent: adding
 * the hours in any order, or merging partial states in any order, gives the
 * same result bit for bit.  A flat struct (no pointers).
 */
enum
{
	ECO_AIR_DAY_SO2 = 0, ECO_AIR_DAY_NO2, ECO_AIR_DAY_CO, ECO_AIR_DAY_O3,
	ECO_AIR_DAY_PM10, ECO_AIR_DAY_PM25, ECO_AIR_DAY_ITEMS
};

typedef struct eco_air_day
{
	uint32_t	hours;			/* bit h-1: a reading for hour h (1..24) */
	uint32_t	o3_mask;		/* bit h-1: hour h has an O3 value */
	int32_t		dust;			/* any hour flagged dust */
	int32_t		pad;
	double		o3[24];			/* O3 by hour */
	eco_wsum	sum[ECO_AIR_DAY_ITEMS];	/* exact sums of the values as written, and their count (eco.daily_mean's) */
} eco_air_day;

/* Results of eco_air_day_add and eco_air_day_merge. */
#define ECO_AIR_DAY_OK			0
#define ECO_AIR_DAY_REPEAT		1	/* the hour is already in the state */
#define ECO_AIR_DAY_RANGE		2	/* a value is not finite, negative or >= 2^63 */
#define ECO_AIR_DAY_OVERFLOW	3	/* a sum overflows (cannot happen with 24 values) */

void		eco_air_day_init(eco_air_day *d);

/*
 * Add hour 1..24: v[i] counts when bit i of has is set; *bad is set to the
 * item index on ECO_AIR_DAY_RANGE.
 */
int			eco_air_day_add(eco_air_day *d, int hour, const double v[ECO_AIR_DAY_ITEMS], unsigned has,
							int dust, int *bad);

/* a += b; *hour is set to the first repeated hour on ECO_AIR_DAY_REPEAT. */
int			eco_air_day_merge(eco_air_day *a, const eco_air_day *b, int *hour);

typedef struct eco_air_day_result
{
	double		mean[ECO_AIR_DAY_ITEMS];	/* daily means */
	unsigned char mean_ok[ECO_AIR_DAY_ITEMS];	/* at least 20 values */
	unsigned char o3_1h_ok;
	unsigned char o3_8h_ok;
	double		o3_1h;			/* maximum hourly O3 (any number of hours) */
	double		o3_8h;			/* MDA8 (eco_air_mda8 with lim) */
	int			n_hours;		/* hours with a reading */
	int			dust;
} eco_air_day_result;

void		eco_air_day_finish(const eco_air_day *d, double lim, eco_air_day_result *r);

#endif
