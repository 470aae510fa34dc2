/*
 * air_eval.c — GB 3095 limit tables and HJ 663 statistics.  Pure C99.
 *
 * Every limit is typed once, here; SQL reads them through eco.air_limits.
 * Sources: GB 3095-2012 and GB 3095-2026 Tables 1 and 2 (limits), Table 4
 * (data validity); HJ 663-2013 (statistics, Appendix A percentiles); the
 * composite index (环境空气质量综合指数) as published by MEE/CNEMC.
 */
#include "air_eval.h"
#include "exact_decimal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Air item ids of the pollutant registry (pollutant.c). */
enum
{
	P_SO2 = 1, P_NO2 = 2, P_CO = 3, P_O3 = 4, P_PM10 = 5, P_PM25 = 6,
	P_NOX = 7, P_TSP = 8, P_PB = 9, P_BAP = 10
};

#define L(std, pol, per, tab, g1, g2) {std, pol, per, tab, g1, g2}
#define S12 ECO_STD_GB3095_2012
#define S26 ECO_STD_GB3095_2026
#define S26F ECO_STD_GB3095_2026_FINAL

const eco_air_limit eco_air_limits[] = {
	/* GB 3095—2012 Table 1; CO in mg/m³, the rest µg/m³ */
	L(S12, P_SO2, ECO_AP_YEAR, 1, 20, 60),
	L(S12, P_SO2, ECO_AP_24H, 1, 50, 150),
	L(S12, P_SO2, ECO_AP_1H, 1, 150, 500),
	L(S12, P_NO2, ECO_AP_YEAR, 1, 40, 40),
	L(S12, P_NO2, ECO_AP_24H, 1, 80, 80),
	L(S12, P_NO2, ECO_AP_1H, 1, 200, 200),
	L(S12, P_CO, ECO_AP_24H, 1, 4, 4),
	L(S12, P_CO, ECO_AP_1H, 1, 10, 10),
	L(S12, P_O3, ECO_AP_8H, 1, 100, 160),
	L(S12, P_O3, ECO_AP_1H, 1, 160, 200),
	L(S12, P_PM10, ECO_AP_YEAR, 1, 40, 70),
	L(S12, P_PM10, ECO_AP_24H, 1, 50, 150),
	L(S12, P_PM25, ECO_AP_YEAR, 1, 15, 35),
	L(S12, P_PM25, ECO_AP_24H, 1, 35, 75),
	/* GB 3095—2012 Table 2 (§1.3) */
	L(S12, P_TSP, ECO_AP_YEAR, 2, 80, 200),
	L(S12, P_TSP, ECO_AP_24H, 2, 120, 300),
	L(S12, P_NOX, ECO_AP_YEAR, 2, 50, 50),
	L(S12, P_NOX, ECO_AP_24H, 2, 100, 100),
	L(S12, P_NOX, ECO_AP_1H, 2, 250, 250),
	L(S12, P_PB, ECO_AP_YEAR, 2, 0.5, 0.5),
	L(S12, P_PB, ECO_AP_QUARTER, 2, 1, 1),
	L(S12, P_BAP, ECO_AP_YEAR, 2, 0.001, 0.001),
	L(S12, P_BAP, ECO_AP_24H, 2, 0.0025, 0.0025),

	/* GB 3095—2026 Table 1, transition limits 2026-03-01 .. 2030-12-31 (§1.4) */
	L(S26, P_SO2, ECO_AP_YEAR, 1, 20, 60),
	L(S26, P_SO2, ECO_AP_24H, 1, 50, 150),
	L(S26, P_SO2, ECO_AP_1H, 1, 150, 500),
	L(S26, P_NO2, ECO_AP_YEAR, 1, 40, 40),
	L(S26, P_NO2, ECO_AP_24H, 1, 80, 80),
	L(S26, P_NO2, ECO_AP_1H, 1, 200, 200),
	L(S26, P_CO, ECO_AP_24H, 1, 4, 4),
	L(S26, P_CO, ECO_AP_1H, 1, 10, 10),
	L(S26, P_O3, ECO_AP_8H, 1, 100, 160),
	L(S26, P_O3, ECO_AP_1H, 1, 160, 200),
	L(S26, P_PM10, ECO_AP_YEAR, 1, 40, 60),
	L(S26, P_PM10, ECO_AP_24H, 1, 50, 120),
	L(S26, P_PM25, ECO_AP_YEAR, 1, 15, 30),
	L(S26, P_PM25, ECO_AP_24H, 1, 35, 60),
	/* GB 3095—2026 Table 2 (§1.5), NOx with the transition values of footnotes a, b */
	L(S26, P_TSP, ECO_AP_YEAR, 2, 80, 200),
	L(S26, P_TSP, ECO_AP_24H, 2, 120, 300),
	L(S26, P_NOX, ECO_AP_YEAR, 2, 50, 50),
	L(S26, P_NOX, ECO_AP_24H, 2, 100, 100),
	L(S26, P_NOX, ECO_AP_1H, 2, 250, 250),
	L(S26, P_PB, ECO_AP_YEAR, 2, 0.5, 0.5),
	L(S26, P_PB, ECO_AP_QUARTER, 2, 1.0, 1.0),
	L(S26, P_BAP, ECO_AP_YEAR, 2, 0.001, 0.001),
	L(S26, P_BAP, ECO_AP_24H, 2, 0.0025, 0.0025),

	/* GB 3095—2026 Table 1, final limits from 2031-01-01 (§1.4) */
	L(S26F, P_SO2, ECO_AP_YEAR, 1, 20, 20),
	L(S26F, P_SO2, ECO_AP_24H, 1, 50, 50),
	L(S26F, P_SO2, ECO_AP_1H, 1, 150, 150),
	L(S26F, P_NO2, ECO_AP_YEAR, 1, 30, 30),
	L(S26F, P_NO2, ECO_AP_24H, 1, 50, 50),
	L(S26F, P_NO2, ECO_AP_1H, 1, 200, 200),
	L(S26F, P_CO, ECO_AP_24H, 1, 4, 4),
	L(S26F, P_CO, ECO_AP_1H, 1, 10, 10),
	L(S26F, P_O3, ECO_AP_8H, 1, 100, 160),
	L(S26F, P_O3, ECO_AP_1H, 1, 160, 200),
	L(S26F, P_PM10, ECO_AP_YEAR, 1, 20, 50),
	L(S26F, P_PM10, ECO_AP_24H, 1, 50, 100),
	L(S26F, P_PM25, ECO_AP_YEAR, 1, 10, 25),
	L(S26F, P_PM25, ECO_AP_24H, 1, 25, 50),
	/* GB 3095—2026 Table 2, final values (§1.5) */
	L(S26F, P_TSP, ECO_AP_YEAR, 2, 80, 200),
	L(S26F, P_TSP, ECO_AP_24H, 2, 120, 300),
	L(S26F, P_NOX, ECO_AP_YEAR, 2, 40, 40),
	L(S26F, P_NOX, ECO_AP_24H, 2, 70, 70),
	L(S26F, P_NOX, ECO_AP_1H, 2, 250, 250),
	L(S26F, P_PB, ECO_AP_YEAR, 2, 0.5, 0.5),
	L(S26F, P_PB, ECO_AP_QUARTER, 2, 1.0, 1.0),
	L(S26F, P_BAP, ECO_AP_YEAR, 2, 0.001, 0.001),
	L(S26F, P_BAP, ECO_AP_24H, 2, 0.0025, 0.0025),
};
const int	eco_n_air_limits = sizeof(eco_air_limits) / sizeof(eco_air_limits[0]);

const short eco_air_index_items[6] = {P_SO2, P_NO2, P_PM10, P_PM25, P_CO, P_O3};

/* ---------- HJ 663 editions ---------- */

/*
 * HJ 663-2013 §6.1.2 and GB 3095-2012 Table 4 (validity), the annual
 * statistics (P98 SO2 and NO2, P95 CO, PM10 and PM2.5 of the daily means,
 * P90 of the O3 MDA8), the composite index items.  HJ 663-2026 keeps the
 * O3 14-window rule (§6.1.2) and the annual percentiles; its other clauses
 * are recorded as in 2013 until checked against the text (docs/standards.md).
 */
#define HJ663_ANNUAL { \
	{P_SO2, 1, 0.98, ECO_AP_24H}, {P_NO2, 1, 0.98, ECO_AP_24H}, {P_CO, 0, 0.95, ECO_AP_24H}, \
	{P_O3, 0, 0.90, ECO_AP_8H}, {P_PM10, 1, 0.95, ECO_AP_24H}, {P_PM25, 1, 0.95, ECO_AP_24H}}
#define HJ663_INDEX {ECO_AP_YEAR, ECO_AP_YEAR, ECO_AP_24H, ECO_AP_8H, ECO_AP_YEAR, ECO_AP_YEAR}

const eco_air_eval_rules eco_hj663_2013 = {
	ECO_STD_HJ663_2013, ECO_STD_GB3095_2012,
	ECO_AIR_MIN_HOURS_DAY, ECO_AIR_MIN_HOURS_8H, ECO_AIR_MDA8_FIRST_END, ECO_AIR_MDA8_LAST_END,
	ECO_AIR_MIN_WINDOWS_MDA8, ECO_AIR_MIN_DAYS_YEAR, ECO_AIR_MIN_DAYS_MONTH, ECO_AIR_MIN_DAYS_FEB,
	HJ663_ANNUAL, HJ663_INDEX
};

const eco_air_eval_rules eco_hj663_2026 = {
	ECO_STD_HJ663_2026, ECO_STD_GB3095_2026,
	ECO_AIR_MIN_HOURS_DAY, ECO_AIR_MIN_HOURS_8H, ECO_AIR_MDA8_FIRST_END, ECO_AIR_MDA8_LAST_END,
	ECO_AIR_MIN_WINDOWS_MDA8, ECO_AIR_MIN_DAYS_YEAR, ECO_AIR_MIN_DAYS_MONTH, ECO_AIR_MIN_DAYS_FEB,
	HJ663_ANNUAL, HJ663_INDEX
};

const eco_air_eval_rules *const eco_air_eval_editions[] = {&eco_hj663_2013, &eco_hj663_2026};
const int	eco_air_eval_n_editions = 2;

const eco_air_eval_rules *
eco_air_eval_rules_find(int std_id)
{
	for (int i = 0; i < eco_air_eval_n_editions; i++)
		if (eco_air_eval_editions[i]->id == std_id)
			return eco_air_eval_editions[i];
	return NULL;
}

int
eco_air_annual_compliance(const eco_air_eval_rules *ed, int pollutant, int grade,
						  const double *annual_mean, const double *pct_value)
{
	for (int i = 0; i < 6; i++)
	{
		const eco_air_annual_stat *a = &ed->annual[i];
		double		lim_year = 0,
					lim_day = 0;
		int			missing = 0;

		if (a->pollutant != pollutant)
			continue;
		if (!eco_air_limit_value(ed->limits, pollutant, a->daily_period, grade, &lim_day) ||
			(a->annual_mean && !eco_air_limit_value(ed->limits, pollutant, ECO_AP_YEAR, grade, &lim_year)))
			return -2;
		if (a->annual_mean)
		{
			if (annual_mean == NULL)
				missing = 1;
			else if (*annual_mean > lim_year)
				return 0;
		}
		if (pct_value == NULL)
			missing = 1;
		else if (*pct_value > lim_day)
			return 0;
		return missing ? -1 : 1;
	}
	return -2;
}

/* The editions in force since 2026-03-01 (GB 3095-2026 transition limits until 2030). */
const eco_air_default eco_air_defaults[] = {
	{"HJ633", ECO_STD_HJ633_2026},
	{"EPA", ECO_STD_EPA_2024},
	{"HJ663", ECO_STD_HJ663_2026},
	{"GB3095", ECO_STD_GB3095_2026},
};
const int	eco_air_n_defaults = (int) (sizeof eco_air_defaults / sizeof eco_air_defaults[0]);

int
eco_air_default_standard(const char *family)
{
	for (int i = 0; family != NULL && i < eco_air_n_defaults; i++)
	{
		const char *a = family,
				   *b = eco_air_defaults[i].family;

		while (*a && *b && (*a == *b || (*a >= 'a' && *a <= 'z' && *a - 'a' + 'A' == *b)))
			a++, b++;
		if (*a == '\0' && *b == '\0')
			return eco_air_defaults[i].standard;
	}
	return 0;
}

int
eco_air_limit_value(int standard, int pollutant, eco_air_period period, int grade, double *value)
{
	if (grade != 1 && grade != 2)
		return 0;
	for (int i = 0; i < eco_n_air_limits; i++)
	{
		const eco_air_limit *l = &eco_air_limits[i];

		if (l->standard == standard && l->pollutant == pollutant && l->period == period)
		{
			*value = grade == 1 ? l->grade1 : l->grade2;
			return 1;
		}
	}
	return 0;
}

int
eco_air_index_denominator(int standard, int pollutant, double *s)
{
	eco_air_period per;

	switch (pollutant)
	{
		case P_SO2:
		case P_NO2:
		case P_PM10:
		case P_PM25:
			per = ECO_AP_YEAR;
			break;
		case P_CO:
			per = ECO_AP_24H;
			break;
		case P_O3:
			per = ECO_AP_8H;
			break;
		default:
			return 0;
	}
	return eco_air_limit_value(standard, pollutant, per, 2, s);
}

double
eco_air_exceedance_multiple(double c, double s)
{
	return eco_cmp_limit(c, s) > 0 ? (c - s) / s : 0.0;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

void
eco_air_sort(double *v, long n)
{
	if (n > 1)
		qsort(v, (size_t) n, sizeof(double), cmp_double);
}

double
eco_air_percentile_sorted(const double *v, long n, double p)
{
	double		pos,
				first;
	long		lo,
				hi;

	if (n <= 0)
		return NAN;
	/* Same expression order as PostgreSQL's percentile_cont(float8). */
	pos = p * (double) (n - 1);
	first = floor(pos);
	lo = (long) first;
	hi = (long) ceil(pos);
	if (lo == hi)
		return v[lo];
	return v[lo] + (v[hi] - v[lo]) * (pos - first);
}

int
eco_air_mda8_ed(const eco_air_eval_rules *ed, const double v[24], uint32_t mask, double lim, double *mda8,
				int *n_windows)
{
	int			nw = 0;
	double		best = NAN;

	*mda8 = NAN;
	*n_windows = 0;
	/* an 8-h window ends at hour 8 at the earliest and hour 24 at the latest */
	if (ed->mda8_first_end < 8 || ed->mda8_last_end > 24 || ed->min_hours_8h < 1 || ed->min_hours_8h > 8)
		return 0;
	for (int x = ed->mda8_first_end; x <= ed->mda8_last_end; x++)
	{
		double		win[8];
		int			n = 0;

		/* hours x-7 .. x, in hour order so the result never depends on input order */
		for (int h = x - 7; h <= x; h++)
			if (mask & (UINT32_C(1) << (h - 1)))
				win[n++] = v[h - 1];
		if (n >= ed->min_hours_8h)
		{
			double		avg = eco_mean_safe(win, NULL, n);

			if (nw == 0 || avg > best)
				best = avg;
			nw++;
		}
	}
	*mda8 = best;
	*n_windows = nw;
	if (nw >= ed->min_windows_mda8)
		return 1;
	/* Too few windows: still valid when the maximum exceeds the limit (HJ 663 §6.1.2). */
	if (nw > 0 && eco_cmp_limit(best, lim) > 0)
		return 1;
	return 0;
}

int
eco_air_mda8(const double v[24], uint32_t mask, double lim, double *mda8, int *n_windows)
{
	return eco_air_mda8_ed(&eco_hj663_2026, v, mask, lim, mda8, n_windows);
}

int
eco_air_annual_valid_ed(const eco_air_eval_rules *ed, const int month_counts[12])
{
	int			total = 0;

	for (int m = 0; m < 12; m++)
	{
		if (month_counts[m] < (m == 1 ? ed->min_days_feb : ed->min_days_month))
			return 0;
		total += month_counts[m];
	}
	return total >= ed->min_days_year;
}

int
eco_air_annual_valid(const int month_counts[12])
{
	return eco_air_annual_valid_ed(&eco_hj663_2013, month_counts);
}

/* ---------- one site-day (the daily roll-up) ---------- */

void
eco_air_day_init(eco_air_day *d)
{
	memset(d, 0, sizeof *d);
}

int
eco_air_day_add(eco_air_day *d, int hour, const double v[ECO_AIR_DAY_ITEMS], unsigned has, int dust, int *bad)
{
	uint32_t	bit;
	eco_wsum	sum[ECO_AIR_DAY_ITEMS];

	if (hour < 1 || hour > 24)
		return ECO_AIR_DAY_RANGE;
	bit = UINT32_C(1) << (hour - 1);
	if (d->hours & bit)
		return ECO_AIR_DAY_REPEAT;
	/* add to copies: the state changes only when every value is accepted */
	memcpy(sum, d->sum, sizeof sum);
	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
		if (has & (1u << i))
		{
			int			rc = eco_wsum_add(&sum[i], v[i], 0);

			if (rc == ECO_WSUM_RANGE)
			{
				*bad = i;
				return ECO_AIR_DAY_RANGE;
			}
			if (rc != ECO_WSUM_OK)
				return ECO_AIR_DAY_OVERFLOW;
		}
	memcpy(d->sum, sum, sizeof sum);
	if (has & (1u << ECO_AIR_DAY_O3))
	{
		d->o3_mask |= bit;
		d->o3[hour - 1] = v[ECO_AIR_DAY_O3];
	}
	d->hours |= bit;
	if (dust)
		d->dust = 1;
	return ECO_AIR_DAY_OK;
}

int
eco_air_day_merge(eco_air_day *a, const eco_air_day *b, int *hour)
{
	uint32_t	both = a->hours & b->hours;

	if (both)
	{
		int			h = 1;

		while (!(both & 1u))
		{
			both >>= 1;
			h++;
		}
		*hour = h;
		return ECO_AIR_DAY_REPEAT;
	}
	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
		if (eco_wsum_merge(&a->sum[i], &b->sum[i]) != ECO_WSUM_OK)
			return ECO_AIR_DAY_OVERFLOW;
	for (int h = 0; h < 24; h++)
		if (b->o3_mask & (UINT32_C(1) << h))
			a->o3[h] = b->o3[h];
	a->o3_mask |= b->o3_mask;
	a->hours |= b->hours;
	a->dust |= b->dust;
	return ECO_AIR_DAY_OK;
}

void
eco_air_day_finish(const eco_air_day *d, double lim, eco_air_day_result *r)
{
	int			n = 0;

	for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
	{
		r->mean_ok[i] = d->sum[i].n >= ECO_AIR_MIN_HOURS_DAY;
		r->mean[i] = r->mean_ok[i] ? eco_wsum_mean(&d->sum[i]) : 0;
	}
	r->o3_1h_ok = 0;
	r->o3_1h = 0;
	for (int h = 0; h < 24; h++)
		if ((d->o3_mask & (UINT32_C(1) << h)) && (!r->o3_1h_ok || d->o3[h] > r->o3_1h))
		{
			r->o3_1h = d->o3[h];
			r->o3_1h_ok = 1;
		}
	r->o3_8h = 0;
	r->o3_8h_ok = 0;
	if (d->o3_mask != 0)
	{
		double		m;
		int			nw;

		if (eco_air_mda8(d->o3, d->o3_mask, lim, &m, &nw))
		{
			r->o3_8h = m;
			r->o3_8h_ok = 1;
		}
	}
	for (uint32_t h = d->hours; h; h &= h - 1)
		n++;
	r->n_hours = n;
	r->dust = d->dust != 0;
}
