/*
 * aqi.c — IAQI and AQI under HJ 633-2012, HJ 633-2026 and the US EPA TAD
 * (EPA-454/B-24-002, May 2024).
 *
 * Sources: HJ 633-2012 Table 1, HJ 633-2026 Table 3 and its footnotes
 * (breakpoints); HJ 633-2012 式(1)(2) and §6.2, HJ 633-2026 §4.2.2-4.2.3
 * and §4.2.6 (formula, ceiling, GB/T 8170 input rounding); HJ 633-2012
 * Table 2 and HJ 633-2026 Table 2 (levels, texts, colours); HJ 633 on
 * primary pollutants, indicators and missing data; US EPA Technical
 * Assistance Document (2024) Table 6, truncation, extrapolation, NowCast.  Choices where the texts are silent are listed
 * in README, Air quality index.
 */
#include "aqi.h"
#include "averaging_period.h"
#include "exact_decimal.h"
#include "exact_sum.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* d <= x (x scaled 10^6) */
static inline int
dec_le(aqi_dec d, int64_t x)
{
	return d.c6 < x || (d.c6 == x && !d.sticky);
}

/* ---------- tables ---------- */

#define UG "µg/m³"
#define MG "mg/m³"

/*
 * HJ 633: IAQI rows of Table 1 (2012) / Table 3 (2026).
 */
static const int hj_iaqi[8] = {0, 50, 100, 150, 200, 300, 400, 500};

typedef struct hj_column
{
	aqi_item	item;
	aqi_period	period;
	const char *unit;
	int			n;				/* breakpoints */
	int			bp[8];
	const char *note;
} hj_column;

/* Gas columns: HJ 633-2012 Table 1 = HJ 633-2026 Table 3. */
static const hj_column hj_gases[] = {
	{AQI_SO2, AQI_P24H, UG, 8, {0, 50, 150, 475, 800, 1600, 2100, 2620}, NULL},
	{AQI_SO2, AQI_P1H, UG, 5, {0, 150, 500, 650, 800}, "above 800: 2012 reports the SO2 24-h IAQI; 2026 IAQI = 200"},
	{AQI_NO2, AQI_P24H, UG, 8, {0, 40, 80, 180, 280, 565, 750, 940}, NULL},
	{AQI_NO2, AQI_P1H, UG, 8, {0, 100, 200, 700, 1200, 2340, 3090, 3840}, NULL},
	{AQI_CO, AQI_P24H, MG, 8, {0, 2, 4, 14, 24, 36, 48, 60}, NULL},
	{AQI_CO, AQI_P1H, MG, 8, {0, 5, 10, 35, 60, 90, 120, 150}, NULL},
	{AQI_O3, AQI_P1H, UG, 8, {0, 160, 200, 300, 400, 800, 1000, 1200}, NULL},
	{AQI_O3, AQI_P8H, UG, 6, {0, 100, 160, 215, 265, 800}, "above 800: 2012 reports the O3 1-h IAQI; 2026 IAQI = 300"},
};

/* Particulate columns, HJ 633-2012 Table 1. */
static const hj_column hj2012_pm[] = {
	{AQI_PM10, AQI_P24H, UG, 8, {0, 50, 150, 250, 350, 420, 500, 600}, NULL},
	{AQI_PM25, AQI_P24H, UG, 8, {0, 35, 75, 115, 150, 250, 350, 500}, NULL},
};

/* Particulate columns, HJ 633-2026 Table 3 (IAQI 100 at 120 and 60). */
static const hj_column hj2026_pm[] = {
	{AQI_PM10, AQI_P24H, UG, 8, {0, 50, 120, 250, 350, 420, 500, 600}, NULL},
	{AQI_PM25, AQI_P24H, UG, 8, {0, 35, 60, 115, 150, 250, 350, 500}, NULL},
};

/* US EPA TAD May 2024, Table 6: disjoint bands. */
typedef struct epa_row
{
	double		lo,
				hi;
	int			ilo,
				ihi;
} epa_row;

typedef struct epa_column
{
	aqi_item	item;
	aqi_period	period;
	const char *unit;
	int			decimals;		/* truncation (§8.1) */
	int			n;
	epa_row		row[6];
	const char *note;
} epa_column;

static const epa_column epa_cols[] = {
	{AQI_O3, AQI_P8H, "ppm", 3, 5, {
			{0.000, 0.054, 0, 50}, {0.055, 0.070, 51, 100}, {0.071, 0.085, 101, 150},
	{0.086, 0.105, 151, 200}, {0.106, 0.200, 201, 300}}, "above 0.200 ppm no 8-h index (use 1-h O3)"},
	{AQI_O3, AQI_P1H, "ppm", 3, 4, {
			{0.125, 0.164, 101, 150}, {0.165, 0.204, 151, 200}, {0.205, 0.404, 201, 300},
	{0.405, 0.604, 301, 500}}, "below 0.125 ppm no 1-h index (use 8-h O3)"},
	{AQI_PM25, AQI_P24H, UG, 1, 6, {
			{0.0, 9.0, 0, 50}, {9.1, 35.4, 51, 100}, {35.5, 55.4, 101, 150},
	{55.5, 125.4, 151, 200}, {125.5, 225.4, 201, 300}, {225.5, 325.4, 301, 500}}, NULL},
	{AQI_PM10, AQI_P24H, UG, 0, 6, {
			{0, 54, 0, 50}, {55, 154, 51, 100}, {155, 254, 101, 150},
	{255, 354, 151, 200}, {355, 424, 201, 300}, {425, 604, 301, 500}}, NULL},
	{AQI_CO, AQI_P8H, "ppm", 1, 6, {
			{0.0, 4.4, 0, 50}, {4.5, 9.4, 51, 100}, {9.5, 12.4, 101, 150},
	{12.5, 15.4, 151, 200}, {15.5, 30.4, 201, 300}, {30.5, 50.4, 301, 500}}, NULL},
	{AQI_SO2, AQI_P1H, "ppb", 0, 4, {
			{0, 35, 0, 50}, {36, 75, 51, 100}, {76, 185, 101, 150},
	{186, 304, 151, 200}}, "305 ppb or more: 200 (higher values come from 24-h SO2)"},
	{AQI_SO2, AQI_P24H, "ppb", 0, 2, {
	{305, 604, 201, 300}, {605, 1004, 301, 500}}, "below 305 ppb no 24-h index (use 1-h SO2)"},
	{AQI_NO2, AQI_P1H, "ppb", 0, 6, {
			{0, 53, 0, 50}, {54, 100, 51, 100}, {101, 360, 101, 150},
	{361, 649, 151, 200}, {650, 1249, 201, 300}, {1250, 2049, 301, 500}}, NULL},
};

#define N_HJ_GASES ((int) (sizeof hj_gases / sizeof hj_gases[0]))
#define N_HJ_PM ((int) (sizeof hj2012_pm / sizeof hj2012_pm[0]))
#define N_EPA ((int) (sizeof epa_cols / sizeof epa_cols[0]))
/* 2012: gases + PM 24h; 2026: gases + PM 24h + PM 1h on the daily breakpoints */
#define N_TABLES (N_HJ_GASES + N_HJ_PM + N_HJ_GASES + 2 * N_HJ_PM + N_EPA)

static aqi_table tables[N_TABLES];
static int	n_built = 0;
static const aqi_table *index_[AQI_N_EDITIONS][AQI_N_ITEMS][AQI_N_PERIODS];

/* scale a typed breakpoint to 10^6 (values have at most 3 decimals) */
static int64_t
scale6(double x)
{
	return (int64_t) llround(x * 1e6);
}

static void
add_hj(aqi_edition ed, const hj_column *c, aqi_period period)
{
	aqi_table  *t = &tables[n_built++];

	t->edition = ed;
	t->item = c->item;
	t->period = period;
	t->unit = c->unit;
	t->decimals = ed == AQI_HJ2026 ? (c->item == AQI_CO ? 1 : 0) : -1;
	t->n_bands = c->n - 1;
	for (int i = 1; i < c->n; i++)
	{
		t->band[i - 1].bp_lo = (int64_t) c->bp[i - 1] * 1000000;
		t->band[i - 1].bp_hi = (int64_t) c->bp[i] * 1000000;
		t->band[i - 1].i_lo = hj_iaqi[i - 1];
		t->band[i - 1].i_hi = hj_iaqi[i];
	}
	t->note = period != c->period ? "1-h value on the daily breakpoints (HJ 633-2026 式(1) note)" : c->note;
	index_[ed][t->item][period] = t;
}

static void
build_tables(void)
{
	if (n_built)
		return;
	for (int e = AQI_HJ2012; e <= AQI_HJ2026; e++)
	{
		const hj_column *pm = e == AQI_HJ2012 ? hj2012_pm : hj2026_pm;

		for (int i = 0; i < N_HJ_GASES; i++)
			add_hj((aqi_edition) e, &hj_gases[i], hj_gases[i].period);
		for (int i = 0; i < N_HJ_PM; i++)
			add_hj((aqi_edition) e, &pm[i], pm[i].period);
		if (e == AQI_HJ2026)
			for (int i = 0; i < N_HJ_PM; i++)
				add_hj((aqi_edition) e, &pm[i], AQI_P1H);
	}
	for (int i = 0; i < N_EPA; i++)
	{
		const epa_column *c = &epa_cols[i];
		aqi_table  *t = &tables[n_built++];

		t->edition = AQI_EPA2024;
		t->item = c->item;
		t->period = c->period;
		t->unit = c->unit;
		t->decimals = c->decimals;
		t->n_bands = c->n;
		for (int j = 0; j < c->n; j++)
		{
			t->band[j].bp_lo = scale6(c->row[j].lo);
			t->band[j].bp_hi = scale6(c->row[j].hi);
			t->band[j].i_lo = c->row[j].ilo;
			t->band[j].i_hi = c->row[j].ihi;
		}
		t->note = c->note;
		index_[AQI_EPA2024][t->item][t->period] = t;
	}
}

int
aqi_n_tables(void)
{
	build_tables();
	return n_built;
}

const aqi_table *
aqi_table_at(int i)
{
	build_tables();
	return i >= 0 && i < n_built ? &tables[i] : NULL;
}

const aqi_table *
aqi_table_find(aqi_edition ed, aqi_item item, aqi_period period)
{
	if ((unsigned) ed >= AQI_N_EDITIONS || (unsigned) item >= AQI_N_ITEMS || (unsigned) period >= AQI_N_PERIODS)
		return NULL;
	build_tables();
	return index_[ed][item][period];
}

/* ---------- names ---------- */

static const char *const item_codes[AQI_N_ITEMS] = {"SO2", "NO2", "CO", "O3", "PM10", "PM2.5"};
static const char *const indicator_codes[AQI_N_IND] = {"SO2", "NO2", "CO", "PM10", "PM2.5", "O3_8H", "O3_1H"};

int
aqi_item_from_code(const char *code)
{
	for (int i = 0; i < AQI_N_ITEMS; i++)
		if (strcmp(code, item_codes[i]) == 0)
			return i;
	return -1;
}

const char *
aqi_item_code(aqi_item item)
{
	return (unsigned) item < AQI_N_ITEMS ? item_codes[item] : "?";
}

const char *
aqi_period_name(aqi_period p)
{
	return (unsigned) p < AQI_N_PERIODS ? eco_air_period_name((eco_air_period) p) : "?";
}

const char *
aqi_indicator_code(aqi_indicator ind)
{
	return (unsigned) ind < AQI_N_IND ? indicator_codes[ind] : "?";
}

int
aqi_period_parse(const char *text, int len)
{
	/* the one parser of averaging periods; HJ 633 has the first three */
	int			p = len < 0 ? -1 : eco_period_parse(text, (size_t) len);

	return p < AQI_N_PERIODS ? p : -1;
}

/* ---------- IAQI ---------- */

/*
 * floor(num / den) and whether it leaves a remainder, for 0 <= num, 0 < den.
 * Below 2^53 both are exact doubles: the double quotient is at most one off,
 * and the integer remainder corrects it (cheaper than a 64-bit idiv).
 */
static inline int64_t
div_floor(int64_t num, int64_t den, int *rem)
{
	int64_t		q,
				r;

	if (num < ((int64_t) 1 << 53) && den < ((int64_t) 1 << 53))
	{
		q = (int64_t) ((double) num / (double) den);
		r = num - q * den;
		if (r < 0)
		{
			q--;
			r += den;
		}
		else if (r >= den)
		{
			q++;
			r -= den;
		}
		*rem = r != 0;
		return q;
	}
	q = num / den;
	*rem = num % den != 0;
	return q;
}

/* HJ 633: continuous bands, ceiling (向上进位取整). */
static int
hj_iaqi_dec(const aqi_table *t, aqi_dec d)
{
	const aqi_band *top = &t->band[t->n_bands - 1];

	if (!dec_le(d, top->bp_hi))
	{
		/* footnotes (2)/(3) of 2012, b/c of 2026 */
		if (t->item == AQI_SO2 && t->period == AQI_P1H)
			return t->edition == AQI_HJ2012 ? AQI_NA : 200;
		if (t->item == AQI_O3 && t->period == AQI_P8H)
			return t->edition == AQI_HJ2012 ? AQI_NA : 300;
		return 500;				/* the standard defines nothing above: cap (README, Air quality index) */
	}
	for (int i = 0; i < t->n_bands; i++)
	{
		const aqi_band *b = &t->band[i];

		if (dec_le(d, b->bp_hi))
		{
			int			rem;
			int64_t		q = div_floor((int64_t) (b->i_hi - b->i_lo) * (d.c6 - b->bp_lo), b->bp_hi - b->bp_lo, &rem);

			/* sticky: the exact value lies strictly above c6, below the next 10^-6 step */
			return b->i_lo + (int) q + (rem || d.sticky ? 1 : 0);
		}
	}
	return 500;					/* not reached */
}

/* EPA: disjoint bands on the truncation grid, nearest integer (half up), extrapolation. */
static int
epa_iaqi_dec(const aqi_table *t, aqi_dec d)
{
	const aqi_band *b = NULL;
	int64_t		num,
				den,
				r;

	if (t->item == AQI_O3 && t->period == AQI_P8H && d.c6 > t->band[t->n_bands - 1].bp_hi)
		return AQI_NA;
	if (t->item == AQI_SO2 && t->period == AQI_P1H && d.c6 > t->band[t->n_bands - 1].bp_hi)
		return 200;
	if (d.c6 < t->band[0].bp_lo)
		return AQI_NA;			/* O3 1-h below 0.125, SO2 24-h below 305 */
	for (int i = 0; i < t->n_bands && b == NULL; i++)
		if (d.c6 <= t->band[i].bp_hi)
			b = &t->band[i];
	if (b == NULL)
		b = &t->band[t->n_bands - 1];	/* above 500: extrapolate on the top band */
	if (d.c6 < b->bp_lo)
		return AQI_NA;			/* between bands: impossible after truncation */
	/* c6 < 9e15, i_hi - i_lo <= 199: 2 * num < 3.6e18 fits */
	num = (int64_t) (b->i_hi - b->i_lo) * (d.c6 - b->bp_lo);
	den = b->bp_hi - b->bp_lo;
	{
		int			rem;

		r = b->i_lo + div_floor(2 * num + den, 2 * den, &rem);
	}
	return r > 2147483647 ? AQI_OVERFLOW : (int) r;
}

int
aqi_iaqi_dec(const aqi_table *t, aqi_dec d)
{
	return t->edition == AQI_EPA2024 ? epa_iaqi_dec(t, d) : hj_iaqi_dec(t, d);
}

int
aqi_iaqi(const aqi_table *t, double v)
{
	aqi_dec		d;

	if (!eco_decimal_of(v, &d))
	{
		/* beyond 9e9: above every HJ table; every EPA extrapolation overflows */
		if (t->edition != AQI_EPA2024)
		{
			d.c6 = INT64_MAX / 4;
			d.sticky = 0;
			return hj_iaqi_dec(t, d);
		}
		if (t->item == AQI_O3 && t->period == AQI_P8H)
			return AQI_NA;
		if (t->item == AQI_SO2 && t->period == AQI_P1H)
			return 200;
		return AQI_OVERFLOW;
	}
	/* input step only when the value has more decimals than kept */
	if (d.decimals > t->decimals && t->decimals >= 0)
	{
		if (t->edition == AQI_HJ2026)
			eco_decimal_round_gbt8170(&d, t->decimals);
		else
			eco_decimal_truncate(&d, t->decimals);
	}
	return aqi_iaqi_dec(t, d);
}

/* ---------- reports ---------- */

static int
iaqi_of(aqi_edition ed, aqi_item item, aqi_period p, double v)
{
	return aqi_iaqi(aqi_table_find(ed, item, p), v);
}

int
aqi_level_of(int aqi)
{
	if (aqi <= 50)
		return 1;
	if (aqi <= 100)
		return 2;
	if (aqi <= 150)
		return 3;
	if (aqi <= 200)
		return 4;
	if (aqi <= 300)
		return 5;
	return 6;
}

void
aqi_combine(aqi_edition ed, const unsigned char used[AQI_N_IND], aqi_result *r)
{
	int			max = AQI_NA,
				missing = 0;

	r->primary = 0;
	for (int i = 0; i < AQI_N_IND; i++)
	{
		if (!used[i])
			r->iaqi[i] = AQI_NA;
		else if (r->iaqi[i] < 0)
			missing = 1;
		else if (r->iaqi[i] > max)
			max = r->iaqi[i];
	}
	/* 2026 §5.3.1: with a missing indicator, publish only above 100 */
	if (max < 0 || (missing && ed == AQI_HJ2026 && max <= 100))
	{
		r->aqi = AQI_NA;
		r->level = 0;
		return;
	}
	r->aqi = max;
	r->level = aqi_level_of(max);
	if (max > 50)
		for (int i = 0; i < AQI_N_IND; i++)
			if (used[i] && r->iaqi[i] == max)
				r->primary |= 1u << i;
}

/*
 * HJ 633-2012 footnotes (2) and (3) route an index to a companion value (SO2
 * 1-h above 800 to the SO2 24-h value; O3 8-h above 800 to the O3 1-h value).
 * When the concentration is given but the companion is not, the pollutant has
 * no index although it is known to be high: an AQI from the other indicators
 * would understate, so the AQI is NA (the individual indices stay).
 */
static void
aqi_mark_unresolved(aqi_result *r)
{
	r->aqi = AQI_NA;
	r->level = 0;
	r->primary = 0;
}

/* The result of an edition this module does not know: every index and the AQI NA. */
static void
aqi_result_na(aqi_result *r)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < AQI_N_IND; i++)
		r->iaqi[i] = AQI_NA;
	r->aqi = AQI_NA;
}

static const unsigned char used_2012_daily[AQI_N_IND] = {1, 1, 1, 1, 1, 1, 1};
static const unsigned char used_2026_daily[AQI_N_IND] = {1, 1, 1, 1, 1, 1, 0};
static const unsigned char used_2012_hourly[AQI_N_IND] = {1, 1, 1, 1, 1, 1, 1};
static const unsigned char used_2026_hourly[AQI_N_IND] = {1, 1, 1, 1, 1, 0, 1};

void
aqi_daily(aqi_edition ed, const double c[AQI_N_IND], const unsigned char present[AQI_N_IND], aqi_result *r)
{
	static const aqi_item item[AQI_N_IND] = {AQI_SO2, AQI_NO2, AQI_CO, AQI_PM10, AQI_PM25, AQI_O3, AQI_O3};
	static const aqi_period per[AQI_N_IND] = {AQI_P24H, AQI_P24H, AQI_P24H, AQI_P24H, AQI_P24H, AQI_P8H, AQI_P1H};
	static const aqi_table *tab[2][AQI_N_IND];	/* per HJ edition, looked up once */
	const unsigned char *used = ed == AQI_HJ2012 ? used_2012_daily : used_2026_daily;

	if ((unsigned) ed > AQI_HJ2026)
	{
		aqi_result_na(r);
		return;
	}
	if (tab[ed][0] == NULL)
		for (int i = 0; i < AQI_N_IND; i++)
			tab[ed][i] = aqi_table_find(ed, item[i], per[i]);
	for (int i = 0; i < AQI_N_IND; i++)
		r->iaqi[i] = used[i] && present[i] ? aqi_iaqi(tab[ed][i], c[i]) : AQI_NA;
	/* 2012 O3 8-h above 800 (footnote 3): no 8-h IAQI; the O3 IAQI is the 1-h one, an indicator anyway */
	aqi_combine(ed, used, r);
	if (used[AQI_IND_O3_8H] && present[AQI_IND_O3_8H] && r->iaqi[AQI_IND_O3_8H] == AQI_NA &&
		r->iaqi[AQI_IND_O3_1H] < 0)
		aqi_mark_unresolved(r);
}

void
aqi_hourly(aqi_edition ed, const double c[AQI_N_HOURLY_ARGS], const unsigned char present[AQI_N_HOURLY_ARGS],
		   aqi_result *r)
{
	const unsigned char *used = ed == AQI_HJ2012 ? used_2012_hourly : used_2026_hourly;

	if ((unsigned) ed > AQI_HJ2026)
	{
		aqi_result_na(r);
		return;
	}
#define IQ(ind, arg, item, per) \
	r->iaqi[ind] = used[ind] && present[arg] ? iaqi_of(ed, item, per, c[arg]) : AQI_NA
	IQ(AQI_IND_SO2, AQI_H_SO2, AQI_SO2, AQI_P1H);
	IQ(AQI_IND_NO2, AQI_H_NO2, AQI_NO2, AQI_P1H);
	IQ(AQI_IND_CO, AQI_H_CO, AQI_CO, AQI_P1H);
	IQ(AQI_IND_O3_1H, AQI_H_O3, AQI_O3, AQI_P1H);
	if (ed == AQI_HJ2012)
	{
		IQ(AQI_IND_PM10, AQI_H_PM10_24H, AQI_PM10, AQI_P24H);
		IQ(AQI_IND_PM25, AQI_H_PM25_24H, AQI_PM25, AQI_P24H);
		IQ(AQI_IND_O3_8H, AQI_H_O3_8H, AQI_O3, AQI_P8H);
		/* footnote (2): SO2 1-h above 800 reports the SO2 24-h IAQI (NA without it) */
		if (present[AQI_H_SO2] && r->iaqi[AQI_IND_SO2] == AQI_NA)
			r->iaqi[AQI_IND_SO2] = present[AQI_H_SO2_24H]
				? iaqi_of(ed, AQI_SO2, AQI_P24H, c[AQI_H_SO2_24H]) : AQI_NA;
	}
	else
	{
		IQ(AQI_IND_PM10, AQI_H_PM10, AQI_PM10, AQI_P1H);
		IQ(AQI_IND_PM25, AQI_H_PM25, AQI_PM25, AQI_P1H);
		r->iaqi[AQI_IND_O3_8H] = AQI_NA;
	}
#undef IQ
	aqi_combine(ed, used, r);
	if (ed == AQI_HJ2012 &&
		((present[AQI_H_SO2] && r->iaqi[AQI_IND_SO2] == AQI_NA) ||
		 (present[AQI_H_O3_8H] && r->iaqi[AQI_IND_O3_8H] == AQI_NA && r->iaqi[AQI_IND_O3_1H] < 0)))
		aqi_mark_unresolved(r);
}

static const unsigned char used_published[AQI_N_IND] = {1, 1, 1, 1, 1, 0, 1};

void
aqi_hourly_published(aqi_edition ed, const double c[AQI_N_HOURLY_ARGS],
					 const unsigned char present[AQI_N_HOURLY_ARGS], aqi_result *r)
{
	if ((unsigned) ed > AQI_HJ2026)
	{
		aqi_result_na(r);
		return;
	}
#define PQ(ind, arg, item, per) \
	r->iaqi[ind] = present[arg] ? iaqi_of(ed, item, per, c[arg]) : AQI_NA
	PQ(AQI_IND_SO2, AQI_H_SO2, AQI_SO2, AQI_P1H);
	PQ(AQI_IND_NO2, AQI_H_NO2, AQI_NO2, AQI_P1H);
	PQ(AQI_IND_CO, AQI_H_CO, AQI_CO, AQI_P1H);
	PQ(AQI_IND_O3_1H, AQI_H_O3, AQI_O3, AQI_P1H);
	/* PM 1-h values on the 24-h (daily) breakpoints */
	PQ(AQI_IND_PM10, AQI_H_PM10, AQI_PM10, AQI_P24H);
	PQ(AQI_IND_PM25, AQI_H_PM25, AQI_PM25, AQI_P24H);
#undef PQ
	r->iaqi[AQI_IND_O3_8H] = AQI_NA;
	/* 2012 footnote (2): SO2 1-h above 800 reports the SO2 24-h IAQI (NA without it) */
	if (ed == AQI_HJ2012 && present[AQI_H_SO2] && r->iaqi[AQI_IND_SO2] == AQI_NA && present[AQI_H_SO2_24H])
		r->iaqi[AQI_IND_SO2] = iaqi_of(ed, AQI_SO2, AQI_P24H, c[AQI_H_SO2_24H]);
	/* a missing pollutant withholds an AQI of 100 or less: the 2026 rule of aqi_combine */
	aqi_combine(AQI_HJ2026, used_published, r);
	if (ed == AQI_HJ2012 && present[AQI_H_SO2] && r->iaqi[AQI_IND_SO2] == AQI_NA)
		aqi_mark_unresolved(r);
}

int
aqi_convention_parse(const char *text, int len)
{
	static const char *const names[] = {"published", "text"};

	for (int k = 0; k < 2; k++)
	{
		int			n = (int) strlen(names[k]);
		int			ok = n == len;

		for (int i = 0; ok && i < n; i++)
		{
			char		ch = text[i];

			if (ch >= 'A' && ch <= 'Z')
				ch = (char) (ch - 'A' + 'a');
			ok = ch == names[k][i];
		}
		if (ok)
			return k;
	}
	return -1;
}

/* ---------- US EPA AQI (Technical Assistance Document, 2024) ---------- */

static const char *const epa_codes[AQI_N_EP] = {"O3", "PM2.5", "PM10", "CO", "SO2", "NO2"};

const char *
aqi_epa_pollutant_code(aqi_epa_pollutant p)
{
	return (unsigned) p < AQI_N_EP ? epa_codes[p] : "?";
}

/* max of two indices where AQI_NA is "none" (AQI_OVERFLOW wins) */
static int
idx_max(int a, int b)
{
	if (a == AQI_OVERFLOW || b == AQI_OVERFLOW)
		return AQI_OVERFLOW;
	return a > b ? a : b;
}

void
aqi_epa(const double c[AQI_N_EPA_ARGS], const unsigned char present[AQI_N_EPA_ARGS], aqi_epa_result *r)
{
	static const aqi_item item[AQI_N_EPA_ARGS] = {AQI_O3, AQI_O3, AQI_PM25, AQI_PM10, AQI_CO, AQI_SO2, AQI_NO2, AQI_SO2};
	static const aqi_period per[AQI_N_EPA_ARGS] = {AQI_P8H, AQI_P1H, AQI_P24H, AQI_P24H, AQI_P8H, AQI_P1H, AQI_P1H, AQI_P24H};
	/* pollutant of each argument */
	static const aqi_epa_pollutant pol[AQI_N_EPA_ARGS] = {AQI_EP_O3, AQI_EP_O3, AQI_EP_PM25, AQI_EP_PM10, AQI_EP_CO,
	AQI_EP_SO2, AQI_EP_NO2, AQI_EP_SO2};
	int			idx[AQI_N_EPA_ARGS],
				best[AQI_N_EP],
				max = AQI_NA;

	r->overflow_arg = -1;
	for (int i = 0; i < AQI_N_EPA_ARGS; i++)
	{
		/* a negative reading (instrument noise near zero) counts as 0, as the EPA's daily files publish it */
		idx[i] = present[i] ? iaqi_of(AQI_EPA2024, item[i], per[i], c[i] < 0 ? 0.0 : c[i]) : AQI_NA;
		if (idx[i] == AQI_OVERFLOW && r->overflow_arg < 0)
			r->overflow_arg = i;
	}
	for (int p = 0; p < AQI_N_EP; p++)
		best[p] = AQI_NA;
	for (int i = 0; i < AQI_N_EPA_ARGS; i++)
		best[pol[i]] = idx_max(best[pol[i]], idx[i]);
	/* SO2: a 1-h value of 305 ppb or more indexes 200; the 24-h value (from 305) gives more */
	for (int i = 0; i < AQI_N_EPA_ARGS - 1; i++)
		r->index[i] = idx[i];
	r->index[AQI_E_SO2] = best[AQI_EP_SO2];
	for (int p = 0; p < AQI_N_EP; p++)
		max = idx_max(max, best[p]);
	r->main = 0;
	r->aqi = max;
	r->level = max >= 0 ? aqi_level_of(max) : 0;
	if (max >= 0)
		for (int p = 0; p < AQI_N_EP; p++)
			if (best[p] == max)
				r->main |= 1u << p;
}

/* ---------- levels (HJ 633 Table 2; EPA TAD Table 6) ---------- */

const aqi_level_info aqi_levels[] = {
	/* HJ 633-2012 Table 2 [OFFICIAL]; 四级 advice keeps the official "锻练" */
	{AQI_HJ2012, 1, 0, 50, "一级", "优", "Excellent", "绿色", "#00E400",
		"空气质量令人满意，基本无空气污染", "各类人群可正常活动"},
	{AQI_HJ2012, 2, 51, 100, "二级", "良", "Good", "黄色", "#FFFF00",
		"空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响", "极少数异常敏感人群应减少户外活动"},
	{AQI_HJ2012, 3, 101, 150, "三级", "轻度污染", "Lightly Polluted", "橙色", "#FF7E00",
		"易感人群症状有轻度加剧，健康人群出现刺激症状",
	"儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼"},
	{AQI_HJ2012, 4, 151, 200, "四级", "中度污染", "Moderately Polluted", "红色", "#FF0000",
		"进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响",
	"儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻练，一般人群适量减少户外运动"},
	{AQI_HJ2012, 5, 201, 300, "五级", "重度污染", "Heavily Polluted", "紫色", "#99004C",
		"心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状",
	"儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动"},
	{AQI_HJ2012, 6, 301, -1, "六级", "严重污染", "Severely Polluted", "褐红色", "#7E0023",
		"健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病",
	"儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动"},
	/* HJ 633-2026 Table 1 [OFFICIAL]; level 一 reads 1～50 (AQI 0 also gets it, README, Air quality index) */
	{AQI_HJ2026, 1, 1, 50, "一级", "优", "Excellent", "绿色", "#00E400",
		"空气质量令人满意，基本无空气污染", "各类人群可正常活动"},
	{AQI_HJ2026, 2, 51, 100, "二级", "良", "Good", "黄色", "#FFFF00",
		"空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响", "极少数异常敏感人群应减少户外活动"},
	{AQI_HJ2026, 3, 101, 150, "三级", "轻度污染", "Lightly Polluted", "橙色", "#FF7E00",
		"敏感人群症状有轻度加剧，健康人群出现刺激症状",
	"青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼"},
	{AQI_HJ2026, 4, 151, 200, "四级", "中度污染", "Moderately Polluted", "红色", "#FF0000",
		"进一步加剧敏感人群症状，可能对健康人群心血管系统、呼吸系统有影响",
	"青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动"},
	{AQI_HJ2026, 5, 201, 300, "五级", "重度污染", "Heavily Polluted", "紫色", "#99004C",
		"心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状",
	"青少年儿童、老年人和心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，一般人群减少户外运动"},
	{AQI_HJ2026, 6, 301, -1, "六级", "严重污染", "Severely Polluted", "褐红色", "#7E0023",
		"健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病",
	"青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动"},
	/* US EPA: bands of Table 6; names and colours (maroon) from background knowledge, README, Air quality index */
	{AQI_EPA2024, 1, 0, 50, NULL, NULL, "Good", NULL, "#00E400", NULL, NULL},
	{AQI_EPA2024, 2, 51, 100, NULL, NULL, "Moderate", NULL, "#FFFF00", NULL, NULL},
	{AQI_EPA2024, 3, 101, 150, NULL, NULL, "Unhealthy for Sensitive Groups", NULL, "#FF7E00", NULL, NULL},
	{AQI_EPA2024, 4, 151, 200, NULL, NULL, "Unhealthy", NULL, "#FF0000", NULL, NULL},
	{AQI_EPA2024, 5, 201, 300, NULL, NULL, "Very Unhealthy", NULL, "#8F3F97", NULL, NULL},
	{AQI_EPA2024, 6, 301, -1, NULL, NULL, "Hazardous", NULL, "#7E0023", NULL, NULL},
};

const int	aqi_n_levels = (int) (sizeof aqi_levels / sizeof aqi_levels[0]);

const aqi_level_info *
aqi_level_find(aqi_edition ed, int aqi)
{
	int			lv;

	if (aqi < 0 || (unsigned) ed >= AQI_N_EDITIONS)
		return NULL;
	lv = aqi_level_of(aqi);
	return &aqi_levels[ed * 6 + lv - 1];
}

/* HJ 633-2026 Table 2 */
const aqi_sensitive_group aqi_sensitive_groups[] = {
	{AQI_SO2, "患有哮喘的人、青少年儿童以及老年人"},
	{AQI_NO2, "患有呼吸系统疾病（如哮喘）的人、青少年儿童以及老年人"},
	{AQI_CO, "患有心血管系统疾病的人"},
	{AQI_O3, "患有呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人"},
	{AQI_PM10, "患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人"},
	{AQI_PM25, "患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人"},
};

const int	aqi_n_sensitive_groups = (int) (sizeof aqi_sensitive_groups / sizeof aqi_sensitive_groups[0]);

/* ---------- NowCast (US EPA TAD, 2024) ---------- */

int
aqi_nowcast(const double *v, const unsigned char *missing, int n, double *out)
{
	int			valid3 = 0,
				any = 0;
	double		mn = 0,
				mx = 0,
				w,
				wi = 1,
				vv[12],
				ww[12];
	int			k = 0;

	if (n > 12)
		n = 12;
	for (int i = 0; i < n && i < 3; i++)
		valid3 += !missing[i];
	if (valid3 < 2)
		return 0;
	for (int i = 0; i < n; i++)
	{
		if (missing[i])
			continue;
		if (!any || v[i] < mn)
			mn = v[i];
		if (!any || v[i] > mx)
			mx = v[i];
		any = 1;
	}
	/* w* = 1 - (max - min) / max = min / max, at least 0.5 (all zero: 1) */
	w = mx > 0 ? mn / mx : 1.0;
	if (w < 0.5)
		w = 0.5;
	for (int i = 0; i < n; i++)
	{
		if (!missing[i])
		{
			vv[k] = v[i];
			ww[k++] = wi;
		}
		wi *= w;
	}
	*out = eco_mean_safe(vv, ww, k);
	return 1;
}
