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

/* US EPA TAD May 2024, Table 6: one disjoint band. */
typedef struct epa_row
{
	double		lo,
				hi;
	int			ilo,
				ihi;
} epa_row;

/*
 * A typed breakpoint column: HJ 633 continuous breakpoints (bp[], IAQI rows
 * hj_iaqi) or US EPA disjoint rows (row[]).
 */
struct aqi_column
{
	aqi_item	item;
	aqi_period	period;
	const char *unit;
	int			n;				/* breakpoints (HJ) or rows (EPA) */
	int			bp[8];
	epa_row		row[6];
	const char *note;
};

#define HJ(item, per, unit, n, bps, note) {item, per, unit, n, bps, {{0, 0, 0, 0}}, note}
#define EPA(item, per, unit, n, note, ...) {item, per, unit, n, {0}, {__VA_ARGS__}, note}
#define BP(...) {__VA_ARGS__}

/* Gas columns: HJ 633-2012 Table 1 = HJ 633-2026 Table 3. */
static const aqi_column hj_gases[] = {
	HJ(AQI_SO2, AQI_P24H, UG, 8, BP(0, 50, 150, 475, 800, 1600, 2100, 2620), NULL),
	HJ(AQI_SO2, AQI_P1H, UG, 5, BP(0, 150, 500, 650, 800), "above 800: 2012 reports the SO2 24-h IAQI; 2026 IAQI = 200"),
	HJ(AQI_NO2, AQI_P24H, UG, 8, BP(0, 40, 80, 180, 280, 565, 750, 940), NULL),
	HJ(AQI_NO2, AQI_P1H, UG, 8, BP(0, 100, 200, 700, 1200, 2340, 3090, 3840), NULL),
	HJ(AQI_CO, AQI_P24H, MG, 8, BP(0, 2, 4, 14, 24, 36, 48, 60), NULL),
	HJ(AQI_CO, AQI_P1H, MG, 8, BP(0, 5, 10, 35, 60, 90, 120, 150), NULL),
	HJ(AQI_O3, AQI_P1H, UG, 8, BP(0, 160, 200, 300, 400, 800, 1000, 1200), NULL),
	HJ(AQI_O3, AQI_P8H, UG, 6, BP(0, 100, 160, 215, 265, 800), "above 800: 2012 reports the O3 1-h IAQI; 2026 IAQI = 300"),
};

/* Particulate columns, HJ 633-2012 Table 1. */
static const aqi_column hj2012_pm[] = {
	HJ(AQI_PM10, AQI_P24H, UG, 8, BP(0, 50, 150, 250, 350, 420, 500, 600), NULL),
	HJ(AQI_PM25, AQI_P24H, UG, 8, BP(0, 35, 75, 115, 150, 250, 350, 500), NULL),
};

/* Particulate columns, HJ 633-2026 Table 3 (IAQI 100 at 120 and 60). */
static const aqi_column hj2026_pm[] = {
	HJ(AQI_PM10, AQI_P24H, UG, 8, BP(0, 50, 120, 250, 350, 420, 500, 600), NULL),
	HJ(AQI_PM25, AQI_P24H, UG, 8, BP(0, 35, 60, 115, 150, 250, 350, 500), NULL),
};

/* US EPA TAD May 2024, Table 6: disjoint bands. */
static const aqi_column epa_cols[] = {
	EPA(AQI_O3, AQI_P8H, "ppm", 5, "above 0.200 ppm no 8-h index (use 1-h O3)",
		{0.000, 0.054, 0, 50}, {0.055, 0.070, 51, 100}, {0.071, 0.085, 101, 150},
		{0.086, 0.105, 151, 200}, {0.106, 0.200, 201, 300}),
	EPA(AQI_O3, AQI_P1H, "ppm", 4, "below 0.125 ppm no 1-h index (use 8-h O3)",
		{0.125, 0.164, 101, 150}, {0.165, 0.204, 151, 200}, {0.205, 0.404, 201, 300},
		{0.405, 0.604, 301, 500}),
	EPA(AQI_PM25, AQI_P24H, UG, 6, NULL,
		{0.0, 9.0, 0, 50}, {9.1, 35.4, 51, 100}, {35.5, 55.4, 101, 150},
		{55.5, 125.4, 151, 200}, {125.5, 225.4, 201, 300}, {225.5, 325.4, 301, 500}),
	EPA(AQI_PM10, AQI_P24H, UG, 6, NULL,
		{0, 54, 0, 50}, {55, 154, 51, 100}, {155, 254, 101, 150},
		{255, 354, 151, 200}, {355, 424, 201, 300}, {425, 604, 301, 500}),
	EPA(AQI_CO, AQI_P8H, "ppm", 6, NULL,
		{0.0, 4.4, 0, 50}, {4.5, 9.4, 51, 100}, {9.5, 12.4, 101, 150},
		{12.5, 15.4, 151, 200}, {15.5, 30.4, 201, 300}, {30.5, 50.4, 301, 500}),
	EPA(AQI_SO2, AQI_P1H, "ppb", 4, "305 ppb or more: 200 (higher values come from 24-h SO2)",
		{0, 35, 0, 50}, {36, 75, 51, 100}, {76, 185, 101, 150},
		{186, 304, 151, 200}),
	EPA(AQI_SO2, AQI_P24H, "ppb", 2, "below 305 ppb no 24-h index (use 1-h SO2)",
		{305, 604, 201, 300}, {605, 1004, 301, 500}),
	EPA(AQI_NO2, AQI_P1H, "ppb", 6, NULL,
		{0, 53, 0, 50}, {54, 100, 51, 100}, {101, 360, 101, 150},
		{361, 649, 151, 200}, {650, 1249, 201, 300}, {1250, 2049, 301, 500}),
};

#define PM_1H_NOTE "1-h value on the daily breakpoints (HJ 633-2026 式(1) note)"

/* ---------- built tables (per edition record, on first use) ---------- */

#define MAX_TABLES 16
#define MAX_BUILT 16			/* editions: the shipped ones and any a test passes */

typedef struct built_tables
{
	const aqi_rules *ed;
	int			n;
	aqi_table	t[MAX_TABLES];
	const aqi_table *index[AQI_N_ITEMS][AQI_N_PERIODS];
} built_tables;

static built_tables built[MAX_BUILT];
static int	n_built_eds = 0;
static built_tables *last_built = NULL;

/*
 * IAQI per input step (aqi_table.step_iaqi), for the editions with an input
 * step: HJ 633-2026 needs 14,512 entries, EPA-2024 8,531.  A table beyond
 * STEP_MAX steps, or once the pool is used up (many test editions), has none
 * and takes the exact path.
 */
#define STEP_MAX 8192
#define STEP_POOL 65536
static int16_t step_pool[STEP_POOL];
static int	step_used = 0;

/* scale a typed breakpoint to 10^6 (values have at most 3 decimals) */
static int64_t
scale6(double x)
{
	return (int64_t) llround(x * 1e6);
}

static const aqi_footnote *
footnote_of(const aqi_rules *ed, int item, int period)
{
	for (int i = 0; i < ed->n_footnotes; i++)
		if ((int) ed->footnotes[i].item == item && (int) ed->footnotes[i].period == period)
			return &ed->footnotes[i];
	return NULL;
}

static void
build_table(const aqi_rules *ed, const aqi_column_use *u, aqi_table *t)
{
	const aqi_column *c = u->column;
	int			own = u->period < 0 || u->period == (int) c->period;

	t->edition = ed;
	t->item = c->item;
	t->period = own ? c->period : (aqi_period) u->period;
	t->unit = c->unit;
	t->decimals = ed->input == AQI_INPUT_AS_WRITTEN ? -1 : ed->input_decimals[c->item];
	if (ed->interp == AQI_INTERP_CEIL)
	{
		t->n_bands = c->n - 1;
		for (int i = 1; i < c->n; i++)
		{
			t->band[i - 1].bp_lo = (int64_t) c->bp[i - 1] * 1000000;
			t->band[i - 1].bp_hi = (int64_t) c->bp[i] * 1000000;
			t->band[i - 1].i_lo = hj_iaqi[i - 1];
			t->band[i - 1].i_hi = hj_iaqi[i];
		}
	}
	else
	{
		t->n_bands = c->n;
		for (int j = 0; j < c->n; j++)
		{
			t->band[j].bp_lo = scale6(c->row[j].lo);
			t->band[j].bp_hi = scale6(c->row[j].hi);
			t->band[j].i_lo = c->row[j].ilo;
			t->band[j].i_hi = c->row[j].ihi;
		}
	}
	t->note = own ? c->note : PM_1H_NOTE;
	t->footnote = footnote_of(ed, t->item, t->period);
}

/*
 * Fill t's IAQI per input step: entry n is aqi_iaqi_dec of the decimal
 * n * 10^-decimals, exactly what the exact path computes after the input
 * step rounded or truncated a value to n steps.
 */
static void
build_steps(aqi_table *t)
{
	static const int64_t unit_of[6] = {1000000, 100000, 10000, 1000, 100, 10};
	int64_t		unit,
				n;
	int16_t    *lut;

	t->step_iaqi = NULL;
	t->step_n = 0;
	if (t->decimals < 0 || t->decimals > 5 || t->n_bands < 1 ||
		(t->edition->input != AQI_INPUT_GBT8170 && t->edition->input != AQI_INPUT_TRUNCATE))
		return;
	unit = unit_of[t->decimals];
	n = t->band[t->n_bands - 1].bp_hi / unit + 1;	/* 0 .. the top breakpoint */
	if (n < 1 || n > STEP_MAX || n > STEP_POOL - step_used)
		return;
	lut = &step_pool[step_used];
	for (int64_t k = 0; k < n; k++)
	{
		aqi_dec		d;
		int			r;

		d.c6 = k * unit;
		d.sticky = 0;
		d.decimals = t->decimals;
		r = aqi_iaqi_dec(t, d);
		if (r < INT16_MIN || r > INT16_MAX)
			return;
		lut[k] = (int16_t) r;
	}
	step_used += (int) n;
	t->step_iaqi = lut;
	t->step_n = (int) n;
	t->step_round = t->edition->input == AQI_INPUT_GBT8170;
	t->step_scale = (double) (ECO_DECIMAL_SCALE / unit);
	t->step_vmax = (double) n / t->step_scale;
}

/*
 * Fill t's bands as doubles for the as-written ceiling (HJ 633-2012), when
 * every breakpoint is an integer below 65536 and every band's IAQI span
 * divides 10^6 (then no IAQI step falls strictly between two 10^-6 steps, so
 * the exact path's ceiling on floor(D * 10^6) and the sticky flag is the
 * ceiling of the interpolation on D itself, what the fast path computes).
 */
static void
build_ceil(aqi_table *t)
{
	t->ceil_top = 0;
	if (t->edition->input != AQI_INPUT_AS_WRITTEN || t->edition->interp != AQI_INTERP_CEIL ||
		t->n_bands < 1 || t->n_bands > 8 || t->band[t->n_bands - 1].bp_hi > INT64_C(65536) * 1000000)
		return;
	for (int i = 0; i < t->n_bands; i++)
	{
		const aqi_band *b = &t->band[i];
		int			di = b->i_hi - b->i_lo;

		if (b->bp_lo % 1000000 != 0 || b->bp_hi % 1000000 != 0 || b->bp_hi <= b->bp_lo || b->bp_lo < 0 ||
			di <= 0 || 1000000 % di != 0 || (i > 0 && b->bp_lo != t->band[i - 1].bp_hi) ||
			(double) di / ((double) (b->bp_hi - b->bp_lo) / 1e6) > 1000)
			return;
		t->ceil_hi[i] = (double) (b->bp_hi / 1000000);
		t->ceil_lo[i] = (double) (b->bp_lo / 1000000);
		t->ceil_slope[i] = (double) di / (double) ((b->bp_hi - b->bp_lo) / 1000000);
	}
	if (t->band[0].bp_lo != 0)
		return;
	t->ceil_top = t->ceil_hi[t->n_bands - 1];
}

static const built_tables *
built_of(const aqi_rules *ed)
{
	built_tables *b;

	if (last_built != NULL && last_built->ed == ed)
		return last_built;
	for (int i = 0; i < n_built_eds; i++)
		if (built[i].ed == ed)
			return last_built = &built[i];
	if (ed == NULL || n_built_eds >= MAX_BUILT || ed->n_tables > MAX_TABLES)
		return NULL;
	b = &built[n_built_eds];
	memset(b, 0, sizeof *b);
	for (int i = 0; i < ed->n_tables; i++)
	{
		aqi_table  *t = &b->t[b->n++];

		build_table(ed, &ed->tables[i], t);
		build_steps(t);
		build_ceil(t);
		b->index[t->item][t->period] = t;
	}
	b->ed = ed;
	n_built_eds++;
	return last_built = b;
}

int
aqi_n_tables(const aqi_rules *ed)
{
	const built_tables *b = built_of(ed);

	return b ? b->n : 0;
}

const aqi_table *
aqi_table_at(const aqi_rules *ed, int i)
{
	const built_tables *b = built_of(ed);

	return b && i >= 0 && i < b->n ? &b->t[i] : NULL;
}

const aqi_table *
aqi_table_find(const aqi_rules *ed, aqi_item item, aqi_period period)
{
	const built_tables *b;

	if ((unsigned) item >= AQI_N_ITEMS || (unsigned) period >= AQI_N_PERIODS)
		return NULL;
	b = built_of(ed);
	return b ? b->index[item][period] : NULL;
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

/* The rule of the table's footnote above its top breakpoint. */
static int
footnote_iaqi(const aqi_footnote *fn)
{
	return fn->rule == AQI_FN_FIXED ? fn->iaqi : AQI_NA;
}

/* Continuous bands, ceiling (向上进位取整). */
static int
ceil_iaqi_dec(const aqi_table *t, aqi_dec d)
{
	const aqi_band *top = &t->band[t->n_bands - 1];

	if (!dec_le(d, top->bp_hi))
	{
		if (t->footnote != NULL)
			return footnote_iaqi(t->footnote);
		return t->edition->top_cap;	/* the standard defines nothing above: cap (README, Air quality index) */
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
	return t->edition->top_cap;	/* not reached */
}

/* Disjoint bands on the truncation grid, nearest integer (half up), extrapolation. */
static int
nearest_iaqi_dec(const aqi_table *t, aqi_dec d)
{
	const aqi_band *b = NULL;
	int64_t		num,
				den,
				r;

	if (t->footnote != NULL && d.c6 > t->band[t->n_bands - 1].bp_hi)
		return footnote_iaqi(t->footnote);
	if (d.c6 < t->band[0].bp_lo)
		return AQI_NA;			/* below the first band (EPA: O3 1-h below 0.125, SO2 24-h below 305) */
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
	return t->edition->interp == AQI_INTERP_NEAREST ? nearest_iaqi_dec(t, d) : ceil_iaqi_dec(t, d);
}

/*
 * Fast path of aqi_iaqi on the tables with an input step: the step count n
 * from the double alone, when the double decides it.  Let D be the decimal as
 * written (the shortest that reads back as v) and x = v * 10^decimals
 * computed in double.  D reads back as v, so |v - D| <= 2^-53 v; scaled,
 * that is at most 2^-53 x, and the product adds at most 2^-53 x: below
 * step_vmax (x < 8192) |x - D * 10^decimals| < 2^-38.  With f = floor(x) and
 * r = x - f (exact: Sterbenz, or f = 0):
 *   GB/T 8170 rounding: r < 1/2 - 2^-20 puts D * 10^decimals strictly within
 *     (f - 1/2, f + 1/2): it rounds to f; r > 1/2 + 2^-20 puts it within
 *     (f + 1/2, f + 3/2): f + 1.  (Not a tie, so the half-to-even rule is not
 *     involved; when D has no more places than kept, D * 10^decimals is the
 *     integer nearest x, the same n.)
 *   truncation: 2^-20 < r < 1 - 2^-20 puts it within (f, f + 1): f.
 * Otherwise (near a tie, near a step for truncation, beyond the table, NaN,
 * negative) the exact path decides.  Returns -1 for "not decided".
 */
#define STEP_EPS 0x1p-20

static inline int
step_count(const aqi_table *t, double v)
{
	double		x,
				r;
	int			f,
				n;

	if (!(v >= 0 && v < t->step_vmax))
		return -1;
	x = v * t->step_scale;
	f = (int) x;
	r = x - (double) f;
	if (t->step_round)
	{
		/* the side of the half is data (no branch on it); a near tie is rare */
		if (fabs(r - 0.5) <= STEP_EPS)
			return -1;
		n = f + (r > 0.5);
	}
	else
	{
		if (r <= STEP_EPS || r >= 1 - STEP_EPS)
			return -1;
		n = f;
	}
	return n < t->step_n ? n : -1;
}

/*
 * Fast path of the as-written ceiling (HJ 633-2012) on integer breakpoints:
 * D (the decimal as written) is within 2^-53 v <= 2^-37 of v.  When v is
 * more than 2^-20 away from every integer, so is D, on the same side of
 * every breakpoint: the band is the count of band tops below v.  The
 * interpolation y = (v - bp_lo) * slope is then within 2^-26 of its value on
 * D (slope <= 1000, a few roundings of values below 2^16); when y is more
 * than 2^-20 away from an integer, the ceiling on D is floor(y) + 1.
 * Otherwise (a value near an integer: short decimals, ties on a step; at or
 * above the top; zero, negative, NaN) the exact path decides.  Returns
 * AQI_NA - 100 for "not decided".
 */
#define CEIL_UNDECIDED (AQI_NA - 100)

static inline int
ceil_fast(const aqi_table *t, double v)
{
	double		r,
				y;
	int			k,
				i = 0,
				q;

	if (!(v > 0 && v < t->ceil_top))
		return CEIL_UNDECIDED;
	k = (int) v;
	r = v - (double) k;
	if (r <= STEP_EPS || r >= 1 - STEP_EPS)
		return CEIL_UNDECIDED;
	for (int j = 0; j < t->n_bands - 1; j++)
		i += v > t->ceil_hi[j];
	y = (v - t->ceil_lo[i]) * t->ceil_slope[i];
	q = (int) y;
	r = y - (double) q;
	if (r <= STEP_EPS || r >= 1 - STEP_EPS)
		return CEIL_UNDECIDED;
	return t->band[i].i_lo + q + 1;
}

static int	iaqi_exact(const aqi_table *t, double v);

/* aqi_iaqi, inlined into the reports: a fast path when the double decides, else the exact path. */
static inline int
iaqi_of(const aqi_table *t, double v)
{
	if (t->step_iaqi != NULL)
	{
		int			n = step_count(t, v);

		if (n >= 0)
			return t->step_iaqi[n];
	}
	else if (t->ceil_top > 0)
	{
		int			r = ceil_fast(t, v);

		if (r != CEIL_UNDECIDED)
			return r;
	}
	return iaqi_exact(t, v);
}

int
aqi_iaqi(const aqi_table *t, double v)
{
	return iaqi_of(t, v);
}

/* The exact path: the decimal as written, the input step on it, the bands. */
static int
iaqi_exact(const aqi_table *t, double v)
{
	const aqi_rules *ed = t->edition;
	aqi_dec		d;

	if (!eco_decimal_of(v, &d))
	{
		/* beyond 9e9: above every table; every extrapolation overflows */
		if (t->footnote != NULL)
			return footnote_iaqi(t->footnote);
		if (ed->interp == AQI_INTERP_NEAREST)
			return AQI_OVERFLOW;
		d.c6 = INT64_MAX / 4;
		d.sticky = 0;
		return ceil_iaqi_dec(t, d);
	}
	/* input step only when the value has more decimals than kept */
	if (d.decimals > t->decimals && t->decimals >= 0)
	{
		if (ed->input == AQI_INPUT_GBT8170)
			eco_decimal_round_gbt8170(&d, t->decimals);
		else
			eco_decimal_truncate(&d, t->decimals);
	}
	return aqi_iaqi_dec(t, d);
}

/* ---------- reports ---------- */

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
aqi_combine(aqi_missing_rule rule, const unsigned char used[AQI_N_IND], aqi_result *r)
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
	if (max < 0 || (missing && rule == AQI_MISSING_WITHHOLD_LE_100 && max <= 100))
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
 * A COMPANION footnote (HJ 633-2012 footnotes (2) and (3)) routes an index to
 * a companion (SO2 1-h above 800 to the SO2 24-h value; O3 8-h above 800 to
 * the O3 1-h indicator).  When the concentration is given but the companion
 * is not, the pollutant has no index although it is known to be high: an AQI
 * from the other indicators would understate, so the AQI is NA (the
 * individual indices stay).
 */
static void
aqi_mark_unresolved(aqi_result *r)
{
	r->aqi = AQI_NA;
	r->level = 0;
	r->primary = 0;
}

/* The result of a report the edition does not define: every index and the AQI NA. */
static void
aqi_result_na(aqi_result *r)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < AQI_N_IND; i++)
		r->iaqi[i] = AQI_NA;
	r->aqi = AQI_NA;
}

/*
 * One report from its sources (the edition's daily, real-time or published
 * indicator set): the IAQIs, the COMPANION footnotes, the AQI under the
 * missing-data rule.
 */
static void
aqi_report(const aqi_rules *ed, const aqi_source src[AQI_N_IND], aqi_missing_rule missing,
		   const double *c, const unsigned char *present, aqi_result *r)
{
	unsigned char used[AQI_N_IND];
	const built_tables *b;

	if (ed == NULL || ed->report != AQI_REPORT_HJ633 || (b = built_of(ed)) == NULL)
	{
		aqi_result_na(r);
		return;
	}
	for (int i = 0; i < AQI_N_IND; i++)
	{
		const aqi_source *s = &src[i];
		const aqi_table *t;
		int			v = AQI_NA;

		used[i] = s->used;
		if (s->used && present[s->arg] && (t = b->index[s->item][s->period]) != NULL)
		{
			v = iaqi_of(t, c[s->arg]);
			if (v == AQI_NA && t->footnote != NULL && t->footnote->rule == AQI_FN_COMPANION &&
				t->footnote->companion_period >= 0 && s->companion_arg >= 0 && present[s->companion_arg])
			{
				const aqi_table *ct = aqi_table_find(ed, t->item, (aqi_period) t->footnote->companion_period);

				if (ct != NULL)
					v = iaqi_of(ct, c[s->companion_arg]);
			}
		}
		r->iaqi[i] = v;
	}
	aqi_combine(missing, used, r);
	/* a given concentration without an index whose companion is missing too: the AQI is not known */
	for (int i = 0; i < AQI_N_IND; i++)
	{
		const aqi_source *s = &src[i];
		const aqi_footnote *fn;

		if (!s->used || !present[s->arg] || r->iaqi[i] != AQI_NA)
			continue;
		fn = footnote_of(ed, s->item, s->period);
		if (fn != NULL && fn->rule == AQI_FN_COMPANION &&
			(fn->companion_ind < 0 || r->iaqi[fn->companion_ind] < 0))
		{
			aqi_mark_unresolved(r);
			return;
		}
	}
}

void
aqi_daily(const aqi_rules *ed, const double c[AQI_N_IND], const unsigned char present[AQI_N_IND], aqi_result *r)
{
	if (ed == NULL)
	{
		aqi_result_na(r);
		return;
	}
	aqi_report(ed, ed->daily, ed->daily_missing, c, present, r);
}

void
aqi_hourly(const aqi_rules *ed, const double c[AQI_N_HOURLY_ARGS], const unsigned char present[AQI_N_HOURLY_ARGS],
		   aqi_result *r)
{
	if (ed == NULL)
	{
		aqi_result_na(r);
		return;
	}
	aqi_report(ed, ed->realtime, ed->realtime_missing, c, present, r);
}

void
aqi_hourly_published(const aqi_rules *ed, const double c[AQI_N_HOURLY_ARGS],
					 const unsigned char present[AQI_N_HOURLY_ARGS], aqi_result *r)
{
	if (ed == NULL)
	{
		aqi_result_na(r);
		return;
	}
	aqi_report(ed, ed->published, ed->published_missing, c, present, r);
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
aqi_epa(const aqi_rules *ed, const double c[AQI_N_EPA_ARGS], const unsigned char present[AQI_N_EPA_ARGS],
		aqi_epa_result *r)
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
	if (ed == NULL || ed->report != AQI_REPORT_EPA)
	{
		memset(r, 0, sizeof *r);
		for (int i = 0; i < AQI_N_EPA_ARGS - 1; i++)
			r->index[i] = AQI_NA;
		r->aqi = AQI_NA;
		r->overflow_arg = -1;
		return;
	}
	for (int i = 0; i < AQI_N_EPA_ARGS; i++)
	{
		/* a negative reading (instrument noise near zero) counts as 0, as the EPA's daily files publish it */
		const aqi_table *t = present[i] ? aqi_table_find(ed, item[i], per[i]) : NULL;

		idx[i] = t != NULL ? iaqi_of(t, c[i] < 0 && ed->negative_as_zero ? 0.0 : c[i]) : AQI_NA;
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
	{ECO_STD_HJ633_2012, 1, 0, 50, "一级", "优", "Excellent", "绿色", "#00E400",
		"空气质量令人满意，基本无空气污染", "各类人群可正常活动"},
	{ECO_STD_HJ633_2012, 2, 51, 100, "二级", "良", "Good", "黄色", "#FFFF00",
		"空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响", "极少数异常敏感人群应减少户外活动"},
	{ECO_STD_HJ633_2012, 3, 101, 150, "三级", "轻度污染", "Lightly Polluted", "橙色", "#FF7E00",
		"易感人群症状有轻度加剧，健康人群出现刺激症状",
	"儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼"},
	{ECO_STD_HJ633_2012, 4, 151, 200, "四级", "中度污染", "Moderately Polluted", "红色", "#FF0000",
		"进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响",
	"儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻练，一般人群适量减少户外运动"},
	{ECO_STD_HJ633_2012, 5, 201, 300, "五级", "重度污染", "Heavily Polluted", "紫色", "#99004C",
		"心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状",
	"儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动"},
	{ECO_STD_HJ633_2012, 6, 301, -1, "六级", "严重污染", "Severely Polluted", "褐红色", "#7E0023",
		"健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病",
	"儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动"},
	/* HJ 633-2026 Table 1 [OFFICIAL]; level 一 reads 1～50 (AQI 0 also gets it, README, Air quality index) */
	{ECO_STD_HJ633_2026, 1, 1, 50, "一级", "优", "Excellent", "绿色", "#00E400",
		"空气质量令人满意，基本无空气污染", "各类人群可正常活动"},
	{ECO_STD_HJ633_2026, 2, 51, 100, "二级", "良", "Good", "黄色", "#FFFF00",
		"空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响", "极少数异常敏感人群应减少户外活动"},
	{ECO_STD_HJ633_2026, 3, 101, 150, "三级", "轻度污染", "Lightly Polluted", "橙色", "#FF7E00",
		"敏感人群症状有轻度加剧，健康人群出现刺激症状",
	"青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼"},
	{ECO_STD_HJ633_2026, 4, 151, 200, "四级", "中度污染", "Moderately Polluted", "红色", "#FF0000",
		"进一步加剧敏感人群症状，可能对健康人群心血管系统、呼吸系统有影响",
	"青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动"},
	{ECO_STD_HJ633_2026, 5, 201, 300, "五级", "重度污染", "Heavily Polluted", "紫色", "#99004C",
		"心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状",
	"青少年儿童、老年人和心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，一般人群减少户外运动"},
	{ECO_STD_HJ633_2026, 6, 301, -1, "六级", "严重污染", "Severely Polluted", "褐红色", "#7E0023",
		"健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病",
	"青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动"},
	/* US EPA: bands of Table 6; names and colours (maroon) from background knowledge, README, Air quality index */
	{ECO_STD_EPA_2024, 1, 0, 50, NULL, NULL, "Good", NULL, "#00E400", NULL, NULL},
	{ECO_STD_EPA_2024, 2, 51, 100, NULL, NULL, "Moderate", NULL, "#FFFF00", NULL, NULL},
	{ECO_STD_EPA_2024, 3, 101, 150, NULL, NULL, "Unhealthy for Sensitive Groups", NULL, "#FF7E00", NULL, NULL},
	{ECO_STD_EPA_2024, 4, 151, 200, NULL, NULL, "Unhealthy", NULL, "#FF0000", NULL, NULL},
	{ECO_STD_EPA_2024, 5, 201, 300, NULL, NULL, "Very Unhealthy", NULL, "#8F3F97", NULL, NULL},
	{ECO_STD_EPA_2024, 6, 301, -1, NULL, NULL, "Hazardous", NULL, "#7E0023", NULL, NULL},
};

const int	aqi_n_levels = (int) (sizeof aqi_levels / sizeof aqi_levels[0]);

const aqi_level_info *
aqi_level_find(const aqi_rules *ed, int aqi)
{
	if (aqi < 0 || ed == NULL || ed->levels == NULL)
		return NULL;
	return &ed->levels[aqi_level_of(aqi) - 1];
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

/* ---------- editions as records ---------- */

/* Tables of each edition: the typed columns above, on their own period or another. */
static const aqi_column_use hj2012_tables[] = {
	{&hj_gases[0], -1}, {&hj_gases[1], -1}, {&hj_gases[2], -1}, {&hj_gases[3], -1},
	{&hj_gases[4], -1}, {&hj_gases[5], -1}, {&hj_gases[6], -1}, {&hj_gases[7], -1},
	{&hj2012_pm[0], -1}, {&hj2012_pm[1], -1},
};

static const aqi_column_use hj2026_tables[] = {
	{&hj_gases[0], -1}, {&hj_gases[1], -1}, {&hj_gases[2], -1}, {&hj_gases[3], -1},
	{&hj_gases[4], -1}, {&hj_gases[5], -1}, {&hj_gases[6], -1}, {&hj_gases[7], -1},
	{&hj2026_pm[0], -1}, {&hj2026_pm[1], -1},
	/* 式(1) note: PM 1-h values on the daily breakpoints */
	{&hj2026_pm[0], AQI_P1H}, {&hj2026_pm[1], AQI_P1H},
};

static const aqi_column_use epa2024_tables[] = {
	{&epa_cols[0], -1}, {&epa_cols[1], -1}, {&epa_cols[2], -1}, {&epa_cols[3], -1},
	{&epa_cols[4], -1}, {&epa_cols[5], -1}, {&epa_cols[6], -1}, {&epa_cols[7], -1},
};

/* HJ 633-2012 Table 1 footnotes (2), (3): the index comes from a companion. */
static const aqi_footnote hj2012_footnotes[] = {
	{AQI_SO2, AQI_P1H, AQI_FN_COMPANION, 0, AQI_P24H, -1},	/* the SO2 24-h value's IAQI */
	{AQI_O3, AQI_P8H, AQI_FN_COMPANION, 0, -1, AQI_IND_O3_1H},	/* the O3 1-h indicator */
};

/* HJ 633-2026 Table 3 footnotes b, c: fixed IAQIs. */
static const aqi_footnote hj2026_footnotes[] = {
	{AQI_SO2, AQI_P1H, AQI_FN_FIXED, 200, -1, -1},
	{AQI_O3, AQI_P8H, AQI_FN_FIXED, 300, -1, -1},
};

/* US EPA TAD (2024) Table 6 notes. */
static const aqi_footnote epa2024_footnotes[] = {
	{AQI_O3, AQI_P8H, AQI_FN_NA, 0, -1, -1},	/* above 0.200 ppm: the 1-h O3 index */
	{AQI_SO2, AQI_P1H, AQI_FN_FIXED, 200, -1, -1},	/* 305 ppb or more: 200 (24-h SO2 gives more) */
};

/* source {used, input, item, period, companion input} */
#define SRC(arg, item, per) {1, arg, item, per, -1}
#define SRC_C(arg, item, per, carg) {1, arg, item, per, carg}
#define NO_SRC {0, 0, 0, 0, -1}

/* Daily report inputs (aqi_indicator order): 24-h means, O3 8-h, O3 1-h. */
#define DAILY_GASES_PM \
	SRC(AQI_IND_SO2, AQI_SO2, AQI_P24H), SRC(AQI_IND_NO2, AQI_NO2, AQI_P24H), SRC(AQI_IND_CO, AQI_CO, AQI_P24H), \
	SRC(AQI_IND_PM10, AQI_PM10, AQI_P24H), SRC(AQI_IND_PM25, AQI_PM25, AQI_P24H), \
	SRC(AQI_IND_O3_8H, AQI_O3, AQI_P8H)

/* Published real-time convention (HJ 633-2026 §4.2.3; the network's practice under 2012): six 1-h means, PM on the 24-h breakpoints. */
#define PUBLISHED(so2_companion) { \
	SRC_C(AQI_H_SO2, AQI_SO2, AQI_P1H, so2_companion), SRC(AQI_H_NO2, AQI_NO2, AQI_P1H), \
	SRC(AQI_H_CO, AQI_CO, AQI_P1H), SRC(AQI_H_PM10, AQI_PM10, AQI_P24H), SRC(AQI_H_PM25, AQI_PM25, AQI_P24H), \
	NO_SRC, SRC(AQI_H_O3, AQI_O3, AQI_P1H)}

const aqi_rules aqi_hj633_2012 = {
	.id = ECO_STD_HJ633_2012,
	.report = AQI_REPORT_HJ633,
	.input = AQI_INPUT_AS_WRITTEN,	/* the standard is silent */
	.input_decimals = {-1, -1, -1, -1, -1, -1},
	.negative_as_zero = 0,
	.tables = hj2012_tables,
	.n_tables = (int) (sizeof hj2012_tables / sizeof hj2012_tables[0]),
	.interp = AQI_INTERP_CEIL,		/* §6.2 全部进位取整数 */
	.top_cap = 500,
	.footnotes = hj2012_footnotes,
	.n_footnotes = 2,
	/* §5.1.2-5.1.3: seven daily indicators, O3 daily maximum 1-h among them */
	.daily = {DAILY_GASES_PM, SRC(AQI_IND_O3_1H, AQI_O3, AQI_P1H)},
	.daily_missing = AQI_MISSING_FROM_PRESENT,
	/* §5.1.4: 1-h gases, O3 8-h moving average, PM 24-h moving averages */
	.realtime = {
		SRC_C(AQI_H_SO2, AQI_SO2, AQI_P1H, AQI_H_SO2_24H), SRC(AQI_H_NO2, AQI_NO2, AQI_P1H),
		SRC(AQI_H_CO, AQI_CO, AQI_P1H), SRC(AQI_H_PM10_24H, AQI_PM10, AQI_P24H),
		SRC(AQI_H_PM25_24H, AQI_PM25, AQI_P24H), SRC(AQI_H_O3_8H, AQI_O3, AQI_P8H), SRC(AQI_H_O3, AQI_O3, AQI_P1H)},
	.realtime_missing = AQI_MISSING_FROM_PRESENT,
	.published = PUBLISHED(AQI_H_SO2_24H),
	.published_missing = AQI_MISSING_WITHHOLD_LE_100,
	.levels = &aqi_levels[0],
	.sensitive_groups = NULL,
	.n_sensitive_groups = 0,
};

const aqi_rules aqi_hj633_2026 = {
	.id = ECO_STD_HJ633_2026,
	.report = AQI_REPORT_HJ633,
	.input = AQI_INPUT_GBT8170,		/* §4.2.2-4.2.3 */
	.input_decimals = {0, 0, 1, 0, 0, 0},	/* SO2 NO2 CO O3 PM10 PM2.5: integers, CO 1 decimal */
	.negative_as_zero = 0,
	.tables = hj2026_tables,
	.n_tables = (int) (sizeof hj2026_tables / sizeof hj2026_tables[0]),
	.interp = AQI_INTERP_CEIL,		/* §4.2.6 向上进位 */
	.top_cap = 500,
	.footnotes = hj2026_footnotes,
	.n_footnotes = 2,
	/* §4.2.2: six daily indicators, no O3 1-h */
	.daily = {DAILY_GASES_PM, NO_SRC},
	.daily_missing = AQI_MISSING_WITHHOLD_LE_100,	/* §5.3.1 */
	/* §4.2.3: the six 1-h means, PM on the daily breakpoints (式(1) note) */
	.realtime = {
		SRC(AQI_H_SO2, AQI_SO2, AQI_P1H), SRC(AQI_H_NO2, AQI_NO2, AQI_P1H), SRC(AQI_H_CO, AQI_CO, AQI_P1H),
		SRC(AQI_H_PM10, AQI_PM10, AQI_P1H), SRC(AQI_H_PM25, AQI_PM25, AQI_P1H), NO_SRC,
		SRC(AQI_H_O3, AQI_O3, AQI_P1H)},
	.realtime_missing = AQI_MISSING_WITHHOLD_LE_100,
	.published = PUBLISHED(-1),
	.published_missing = AQI_MISSING_WITHHOLD_LE_100,
	.levels = &aqi_levels[6],
	.sensitive_groups = aqi_sensitive_groups,	/* Table 2 */
	.n_sensitive_groups = (int) (sizeof aqi_sensitive_groups / sizeof aqi_sensitive_groups[0]),
};

const aqi_rules aqi_epa_2024 = {
	.id = ECO_STD_EPA_2024,
	.report = AQI_REPORT_EPA,
	.input = AQI_INPUT_TRUNCATE,	/* TAD §8.1 */
	.input_decimals = {0, 0, 1, 3, 0, 1},	/* SO2 ppb, NO2 ppb, CO 0.1 ppm, O3 0.001 ppm, PM10, PM2.5 0.1 */
	.negative_as_zero = 1,
	.tables = epa2024_tables,
	.n_tables = (int) (sizeof epa2024_tables / sizeof epa2024_tables[0]),
	.interp = AQI_INTERP_NEAREST,
	.top_cap = -1,				/* extrapolate above 500 */
	.footnotes = epa2024_footnotes,
	.n_footnotes = 2,
	.daily = {NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC},
	.realtime = {NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC},
	.published = {NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC, NO_SRC},
	.levels = &aqi_levels[12],
	.sensitive_groups = NULL,
	.n_sensitive_groups = 0,
};

const aqi_rules *const aqi_editions[] = {&aqi_hj633_2012, &aqi_hj633_2026, &aqi_epa_2024};
const int	aqi_n_editions = (int) (sizeof aqi_editions / sizeof aqi_editions[0]);

const aqi_rules *
aqi_rules_find(int std_id)
{
	for (int i = 0; i < aqi_n_editions; i++)
		if (aqi_editions[i]->id == std_id)
			return aqi_editions[i];
	return NULL;
}

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
