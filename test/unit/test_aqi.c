/*
 * Unit tests of the AQI core (the decimal recovery and GB/T 8170 rounding are
 * tested in test_exact_decimal.c): worked single-IAQI and full-day vectors,
 * the US EPA TAD (2024) examples, every breakpoint of
 * every table, and a sweep against an independent rational computation.
 */
#include "unit.h"
#include "aqi.h"

#include <stdint.h>
#include <stdlib.h>

/*
 * The editions under test.  The suite runs twice: with the shipped records,
 * then with HJ2026 pointing at a test-only edition built purely from records
 * (test_fake_edition): the same expectations must hold without any code path
 * knowing that edition.
 */
static const aqi_rules *HJ2012 = &aqi_hj633_2012;
static const aqi_rules *HJ2026 = &aqi_hj633_2026;
static const aqi_rules *EPA2024 = &aqi_epa_2024;

static int
iq(const aqi_rules *ed, aqi_item item, aqi_period p, double v)
{
	const aqi_table *t = aqi_table_find(ed, item, p);

	return t ? aqi_iaqi(t, v) : -99;
}

static void
check_iaqi(const aqi_rules *ed, aqi_item item, aqi_period p, double v, int want)
{
	char		name[96];

	snprintf(name, sizeof name, "%s %s %s %.10g -> %d", ed == HJ2012 ? "2012" : ed == HJ2026 ? "2026" : "EPA",
			 aqi_item_code(item), aqi_period_name(p), v, want);
	CHECK_INT(iq(ed, item, p, v), want, name);
}

/* 2012 and 2026 both */
static void
both(aqi_item item, aqi_period p, double v, int w2012, int w2026)
{
	check_iaqi(HJ2012, item, p, v, w2012);
	check_iaqi(HJ2026, item, p, v, w2026);
}

/*
 * Independent reference: ceiling of the HJ interpolation on a value given as
 * num/den (exact rational), breakpoints as integers; long double free.
 */
static int
ref_hj(const int *bp, int n, long long num, long long den)
{
	static const int I[8] = {0, 50, 100, 150, 200, 300, 400, 500};

	for (int i = 1; i < n; i++)
	{
		/* num/den <= bp[i] */
		if (num <= (long long) bp[i] * den)
		{
			/* I[i-1] + dI * (num/den - bp[i-1]) / dBP = I[i-1] + dI*(num - bp*den) / (dBP*den) */
			long long	a = (long long) (I[i] - I[i - 1]) * (num - (long long) bp[i - 1] * den);
			long long	b = (long long) (bp[i] - bp[i - 1]) * den;

			return I[i - 1] + (int) (a / b) + (a % b != 0);
		}
	}
	return 500;
}

/* Deterministic pseudo-random numbers (xorshift64*). */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Du;
}

/* aqi_iaqi with the IAQI per input step against the exact path (the same table without it) on v; 1 if equal. */
static int
step_agrees(const aqi_table *t, double v)
{
	aqi_table	exact = *t;
	int			fast = aqi_iaqi(t, v),
				slow;

	exact.step_iaqi = NULL;
	exact.ceil_top = 0;
	slow = aqi_iaqi(&exact, v);
	if (fast != slow)
		printf("# %s %s %.17g: per step %d, exact %d\n", aqi_item_code(t->item), aqi_period_name(t->period), v, fast,
			   slow);
	return fast == slow;
}

/*
 * The IAQI per input step and the as-written ceiling on doubles (speed paths)
 * give what the exact path gives:
 * on every step and half step of every table (as written: every 0.01),
 * their neighbours one ulp
 * away, values a hair (1e-9 .. 1e-13 of a step) either side, daily means of
 * integer hours (19..24 hours, full-precision doubles), random doubles over
 * the table and beyond its top.
 */
static void
test_step_path(const aqi_rules *ed, const char *name)
{
	int			bad = 0,
				with_steps = 0,
				with_ceil = 0;
	long		n_values = 0;
	char		msg[128];

	for (int i = 0; i < aqi_n_tables(ed); i++)
	{
		const aqi_table *t = aqi_table_at(ed, i);
		double		scale = t->decimals >= 0 ? pow(10, t->decimals) : 1;
		int			top = (int) (t->band[t->n_bands - 1].bp_hi / 1000000 * (int64_t) scale) + 20;

		with_steps += t->step_iaqi != NULL;
		with_ceil += t->ceil_top > 0;
		for (int k = 0; k <= top; k++)
			for (int h = 0; h < 2; h++)
			{
				double		v = (k + 0.5 * h) / scale;
				static const double hair[] = {1e-9, 1e-11, 1e-13};

				bad += !step_agrees(t, v) + !step_agrees(t, nextafter(v, 0)) + !step_agrees(t, nextafter(v, 1e300));
				for (int j = 0; j < 3; j++)
					bad += !step_agrees(t, (k + 0.5 * h + hair[j]) / scale) +
						(k + h > 0 ? !step_agrees(t, (k + 0.5 * h - hair[j]) / scale) : 0);
				n_values += 12;
			}
		/* as written: every 0.01 (where the interpolation meets an integer) and its ulp neighbours */
		if (t->decimals < 0)
			for (int k = 0; k <= top * 100; k++)
			{
				double		v = k / 100.0;

				bad += !step_agrees(t, v) + !step_agrees(t, nextafter(v, 0)) + !step_agrees(t, nextafter(v, 1e300));
				n_values += 3;
			}
		for (int j = 0; j < 200000; j++)
		{
			uint64_t	r = rng_next();
			double		n = (double) (19 + r % 6),
						sum = (double) ((r >> 8) % (uint64_t) (top * n + 1)),
						u = (double) (r >> 11) / 9007199254740992.0;

			bad += !step_agrees(t, sum / n / scale) + !step_agrees(t, u * 1.2 * top / scale);
			n_values += 2;
		}
	}
	snprintf(msg, sizeof msg, "%s: the fast paths = the exact path (%ld values)", name, n_values);
	CHECK_INT(bad, 0, msg);
	snprintf(msg, sizeof msg, "%s: tables with an IAQI per input step", name);
	CHECK_INT(with_steps, ed->input == AQI_INPUT_AS_WRITTEN ? 0 : aqi_n_tables(ed), msg);
	snprintf(msg, sizeof msg, "%s: tables with the as-written ceiling on doubles", name);
	CHECK_INT(with_ceil, ed->input == AQI_INPUT_AS_WRITTEN ? aqi_n_tables(ed) : 0, msg);
}

static void
suite(void)
{
	test_step_path(HJ2012, "2012");
	test_step_path(HJ2026, "2026");
	test_step_path(EPA2024, "EPA");


	/* effect on the 2026 IAQI */
	check_iaqi(HJ2026, AQI_PM25, AQI_P24H, 35.01, 50);
	check_iaqi(HJ2026, AQI_PM25, AQI_P24H, 35.5, 52);
	check_iaqi(HJ2026, AQI_PM25, AQI_P24H, 60.5, 100);
	check_iaqi(HJ2026, AQI_CO, AQI_P24H, 1.25, 30);
	check_iaqi(HJ2026, AQI_CO, AQI_P24H, 1.15, 30);
	/* 2012 has no input step */
	check_iaqi(HJ2012, AQI_CO, AQI_P24H, 1.25, 32);
	check_iaqi(HJ2012, AQI_CO, AQI_P24H, 1.15, 29);

	/* ---------- exactness ---------- */
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 75, 100);
	check_iaqi(HJ2012, AQI_CO, AQI_P24H, 2.24, 56);
	check_iaqi(HJ2026, AQI_CO, AQI_P24H, 2.24, 55);	/* 2.24 -> 2.2 first */
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 35.0000001, 51);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 1e-9, 1);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 0, 0);
	check_iaqi(HJ2012, AQI_SO2, AQI_P24H, 0.1 + 0.2, 1);
	check_iaqi(HJ2012, AQI_CO, AQI_P24H, 0.1 + 0.2, 8);	/* 7.5000000000000009 -> 8 */
	check_iaqi(HJ2012, AQI_CO, AQI_P24H, 0.3, 8);

	/* ---------- §2.10 single IAQI ---------- */
	/* the 2026 column of 35.01 and 35.5 includes the GB/T 8170 input step */
	both(AQI_PM25, AQI_P24H, 35.01, 51, 50);
	both(AQI_PM25, AQI_P24H, 36, 52, 52);
	both(AQI_PM25, AQI_P24H, 55, 75, 90);
	both(AQI_PM25, AQI_P24H, 60, 82, 100);
	both(AQI_PM25, AQI_P24H, 75, 100, 114);
	both(AQI_PM25, AQI_P24H, 76, 102, 115);
	both(AQI_PM25, AQI_P24H, 120, 158, 158);
	both(AQI_PM10, AQI_P24H, 150, 100, 112);
	both(AQI_PM10, AQI_P24H, 151, 101, 112);
	both(AQI_PM10, AQI_P24H, 180, 115, 124);
	both(AQI_SO2, AQI_P24H, 65, 58, 58);
	both(AQI_SO2, AQI_P24H, 300, 124, 124);
	both(AQI_NO2, AQI_P24H, 150, 135, 135);
	both(AQI_CO, AQI_P24H, 1.0, 25, 25);
	both(AQI_CO, AQI_P24H, 2.1, 53, 53);
	both(AQI_CO, AQI_P24H, 4.4, 102, 102);
	both(AQI_O3, AQI_P8H, 161, 101, 101);
	both(AQI_O3, AQI_P8H, 200, 137, 137);
	both(AQI_O3, AQI_P1H, 220, 110, 110);
	both(AQI_O3, AQI_P1H, 950, 375, 375);
	both(AQI_NO2, AQI_P1H, 250, 105, 105);
	both(AQI_CO, AQI_P1H, 12.3, 105, 105);
	/* midpoints */
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 17.5, 25);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 55, 75);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 95, 125);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 132.5, 175);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 200, 250);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 300, 350);
	check_iaqi(HJ2012, AQI_PM25, AQI_P24H, 425, 450);
	/* worked example: 2026 midpoints without the input step: 47.5 -> 75, 87.5 -> 125 */
	{
		aqi_dec		d = {47500000, 0, 1};

		CHECK_INT(aqi_iaqi_dec(aqi_table_find(HJ2026, AQI_PM25, AQI_P24H), d), 75, "2026 PM2.5 47.5 unrounded -> 75");
		d.c6 = 87500000;
		CHECK_INT(aqi_iaqi_dec(aqi_table_find(HJ2026, AQI_PM25, AQI_P24H), d), 125, "2026 PM2.5 87.5 unrounded -> 125");
	}
	/* with GB/T 8170: 47.5 -> 48 (7 odd) -> 76; 87.5 -> 88 -> 125.45 -> 126 */
	check_iaqi(HJ2026, AQI_PM25, AQI_P24H, 47.5, 76);
	check_iaqi(HJ2026, AQI_PM25, AQI_P24H, 87.5, 126);
	check_iaqi(HJ2026, AQI_PM10, AQI_P24H, 85, 75);
	check_iaqi(HJ2026, AQI_PM10, AQI_P24H, 185, 125);
	/* cross-checked reference table */
	both(AQI_PM25, AQI_P24H, 10, 15, 15);
	both(AQI_PM25, AQI_P24H, 35.5, 51, 52);	/* 2026: 35.5 -> 36 */
	both(AQI_PM25, AQI_P24H, 40, 57, 60);
	both(AQI_PM25, AQI_P24H, 59, 80, 98);
	both(AQI_PM25, AQI_P24H, 80, 107, 119);
	both(AQI_CO, AQI_P24H, 1.5, 38, 38);
	both(AQI_CO, AQI_P24H, 2.5, 63, 63);
	both(AQI_CO, AQI_P24H, 3.4, 85, 85);
	both(AQI_PM10, AQI_P24H, 100, 75, 86);
	both(AQI_PM10, AQI_P24H, 118, 84, 99);
	both(AQI_PM10, AQI_P24H, 120, 85, 100);
	both(AQI_SO2, AQI_P24H, 150, 100, 100);
	both(AQI_SO2, AQI_P24H, 500, 154, 154);
	both(AQI_SO2, AQI_P24H, 650, 177, 177);
	both(AQI_O3, AQI_P8H, 120, 67, 67);
	both(AQI_NO2, AQI_P24H, 60, 75, 75);
	/* beyond the table: 500 (README, Air quality index) */
	both(AQI_PM25, AQI_P24H, 501, 500, 500);
	both(AQI_PM10, AQI_P24H, 601, 500, 500);
	both(AQI_PM25, AQI_P24H, 500.0000001, 500, 500);
	both(AQI_PM25, AQI_P24H, 1e12, 500, 500);
	/* footnotes */
	both(AQI_SO2, AQI_P1H, 800, 200, 200);
	both(AQI_SO2, AQI_P1H, 800.4, AQI_NA, 200);	/* 2026: 800.4 -> 800 */
	both(AQI_SO2, AQI_P1H, 900, AQI_NA, 200);
	both(AQI_O3, AQI_P8H, 800, 300, 300);
	both(AQI_O3, AQI_P8H, 850, AQI_NA, 300);
	both(AQI_O3, AQI_P8H, 1e11, AQI_NA, 300);
	/* pairs the standards do not have */
	CHECK(aqi_table_find(HJ2012, AQI_PM25, AQI_P1H) == NULL, "2012 has no PM2.5 1-h");
	CHECK(aqi_table_find(HJ2012, AQI_PM10, AQI_P8H) == NULL, "no PM10 8-h");
	CHECK(aqi_table_find(HJ2026, AQI_CO, AQI_P8H) == NULL, "HJ has no CO 8-h");
	check_iaqi(HJ2026, AQI_PM25, AQI_P1H, 75, 114);	/* 2026 1-h PM on daily breakpoints */
	check_iaqi(HJ2026, AQI_PM10, AQI_P1H, 150, 112);

	/* ---------- every breakpoint of every HJ table: the row's IAQI; midpoints; just above ---------- */
	{
		int			bad = 0,
					checked = 0;

		const aqi_rules *const eds[3] = {HJ2012, HJ2026, EPA2024};

		for (int e = 0; e < 3; e++)
		for (int i = 0; i < aqi_n_tables(eds[e]); i++)
		{
			const aqi_table *t = aqi_table_at(eds[e], i);

			CHECK(t->edition == eds[e], "a table belongs to its edition record");
			if (t->edition->interp == AQI_INTERP_NEAREST)
				continue;
			for (int b = 0; b < t->n_bands; b++)
			{
				const aqi_band *bd = &t->band[b];
				long long	lo = bd->bp_lo / 1000000,
							hi = bd->bp_hi / 1000000;
				/* midpoint as a rational (lo + hi) / 2; 2026 rounds it half-even first (µg/m³ to integers) */
				long long	mnum = lo + hi,
							mden = 2;
				int			g_lo = aqi_iaqi(t, (double) lo),
							g_hi = aqi_iaqi(t, (double) hi),
							g_mid = aqi_iaqi(t, (double) mnum / 2),
							w_mid,
							top = b == t->n_bands - 1;
				long long	a,
							d;

				if (t->edition->input == AQI_INPUT_GBT8170 && t->item != AQI_CO && (mnum & 1))
				{
					mnum = mnum / 2 + ((mnum / 2) & 1);	/* x.5 -> even */
					mden = 1;
				}
				/* independent ceiling: i_lo + dI * (m - lo) / dBP */
				a = (long long) (bd->i_hi - bd->i_lo) * (mnum - lo * mden);
				d = (hi - lo) * mden;
				w_mid = bd->i_lo + (int) (a / d) + (a % d != 0);
				checked++;
				if (g_lo != bd->i_lo || g_hi != bd->i_hi || g_mid != w_mid)
				{
					bad++;
					printf("# %d %s %s band %d: lo %d hi %d mid %d (want %d)\n", t->edition->id,
						   aqi_item_code(t->item), aqi_period_name(t->period), b, g_lo, g_hi, g_mid, w_mid);
				}
				if (!top && t->edition->input == AQI_INPUT_AS_WRITTEN && aqi_iaqi(t, (double) hi + 0.001) != bd->i_hi + 1)
				{
					bad++;
					printf("# 2012 %s %s just above %lld\n", aqi_item_code(t->item), aqi_period_name(t->period), hi);
				}
				if (t->edition->input == AQI_INPUT_GBT8170 &&
					aqi_iaqi(t, (double) hi + (t->item == AQI_CO ? 0.04 : 0.4)) != bd->i_hi)
				{
					bad++;
					printf("# 2026 %s %s: %lld + less than half a step does not round back\n",
						   aqi_item_code(t->item), aqi_period_name(t->period), hi);
				}
			}
		}
		CHECK_INT(bad, 0, "every HJ breakpoint gives its row's IAQI, midpoints exact, just above one more");
		CHECK(checked > 100, "all HJ bands swept");
	}

	/* ---------- sweep: every 0.01 step against the independent rational computation ---------- */
	{
		static const struct
		{
			aqi_item	item;
			aqi_period	per;
			int			n;
			int			bp[8];
		}			cols2012[] = {
			{AQI_SO2, AQI_P24H, 8, {0, 50, 150, 475, 800, 1600, 2100, 2620}},
			{AQI_NO2, AQI_P24H, 8, {0, 40, 80, 180, 280, 565, 750, 940}},
			{AQI_NO2, AQI_P1H, 8, {0, 100, 200, 700, 1200, 2340, 3090, 3840}},
			{AQI_CO, AQI_P24H, 8, {0, 2, 4, 14, 24, 36, 48, 60}},
			{AQI_CO, AQI_P1H, 8, {0, 5, 10, 35, 60, 90, 120, 150}},
			{AQI_O3, AQI_P1H, 8, {0, 160, 200, 300, 400, 800, 1000, 1200}},
			{AQI_PM10, AQI_P24H, 8, {0, 50, 150, 250, 350, 420, 500, 600}},
			{AQI_PM25, AQI_P24H, 8, {0, 35, 75, 115, 150, 250, 350, 500}},
		};
		int			bad = 0,
					n = 0;

		for (size_t c = 0; c < sizeof cols2012 / sizeof cols2012[0]; c++)
		{
			long long	top = (long long) cols2012[c].bp[cols2012[c].n - 1] * 100;

			for (long long k = 0; k <= top + 100; k += (top > 100000 ? 7 : 1))
			{
				double		v = (double) k / 100;	/* correctly rounded: the decimal k/100 as written */
				int			got = iq(HJ2012, cols2012[c].item, cols2012[c].per, v);
				int			want = ref_hj(cols2012[c].bp, cols2012[c].n, k, 100);

				n++;
				if (got != want && bad++ < 5)
					printf("# sweep %s %s %.2f: got %d want %d\n", aqi_item_code(cols2012[c].item),
						   aqi_period_name(cols2012[c].per), v, got, want);
			}
		}
		CHECK_INT(bad, 0, "2012 sweep in 0.01 steps equals exact rational arithmetic");
		CHECK(n > 100000, "sweep covers the tables");
	}

	/* ---------- §2.11 full-day vectors ---------- */
	{
		aqi_result	r;
		double		c[AQI_N_IND];
		unsigned char p[AQI_N_IND] = {1, 1, 1, 1, 1, 1, 1};

#define DAY(so2, no2, co, pm10, pm25, o38, o31) \
		(c[0] = so2, c[1] = no2, c[2] = co, c[3] = pm10, c[4] = pm25, c[5] = o38, c[6] = o31)
		/* A */
		DAY(65, 150, 1.0, 180, 120, 200, 220);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 158 && r.level == 4 && r.primary == (1u << AQI_IND_PM25) &&
			  r.iaqi[0] == 58 && r.iaqi[1] == 135 && r.iaqi[2] == 25 && r.iaqi[3] == 115 &&
			  r.iaqi[4] == 158 && r.iaqi[5] == 137 && r.iaqi[6] == 110, "A 2012: 158, PM2.5");
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 158 && r.iaqi[3] == 124 && r.iaqi[6] == AQI_NA && r.primary == (1u << AQI_IND_PM25),
			  "A 2026: 158, PM10 124, no O3 1-h");
		/* B */
		DAY(10, 30, 0.8, 150, 75, 90, 120);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 100 && r.level == 2 && r.primary == ((1u << AQI_IND_PM10) | (1u << AQI_IND_PM25)) &&
			  r.iaqi[0] == 10 && r.iaqi[1] == 38 && r.iaqi[2] == 20 && r.iaqi[5] == 45 && r.iaqi[6] == 38,
			  "B 2012: 100, PM10 + PM2.5 tie");
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 114 && r.level == 3 && r.primary == (1u << AQI_IND_PM25) && r.iaqi[3] == 112,
			  "B 2026: 114, PM2.5");
		/* C */
		DAY(8, 25, 0.6, 45, 30, 95, 110);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 48 && r.level == 1 && r.primary == 0 && r.iaqi[0] == 8 && r.iaqi[1] == 32 &&
			  r.iaqi[2] == 15 && r.iaqi[3] == 45 && r.iaqi[4] == 43 && r.iaqi[5] == 48 && r.iaqi[6] == 35,
			  "C 2012: 48, no primary");
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 48 && r.primary == 0, "C 2026: 48");
		/* D */
		DAY(12, 35, 0.9, 60, 36, 120, 150);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 67 && r.level == 2 && r.primary == (1u << AQI_IND_O3_8H) && r.iaqi[0] == 12 &&
			  r.iaqi[1] == 44 && r.iaqi[2] == 23 && r.iaqi[3] == 55 && r.iaqi[4] == 52 && r.iaqi[6] == 47,
			  "D 2012: 67, O3_8H");
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 67 && r.iaqi[3] == 58 && r.primary == (1u << AQI_IND_O3_8H), "D 2026: 67, PM10 58");
		/* F daily: O3 8-h 850, O3 1-h 950 */
		DAY(8, 25, 0.6, 45, 30, 850, 950);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 375 && r.iaqi[5] == AQI_NA && r.iaqi[6] == 375 && r.primary == (1u << AQI_IND_O3_1H),
			  "F 2012: O3 from 1-h = 375");
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 300 && r.iaqi[5] == 300 && r.level == 5, "F 2026 daily: O3 8-h 300");

		/* missing indicators */
		DAY(8, 25, 0.6, 45, 30, 95, 110);
		p[1] = 0;
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 48 && r.iaqi[1] == AQI_NA, "2012: AQI from the indicators present");
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == AQI_NA && r.level == 0 && r.iaqi[0] == 8 && r.iaqi[3] == 45, "2026 §5.3.1: <= 100 with a missing indicator is NA, IAQIs kept");
		c[4] = 120;
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 158 && r.primary == (1u << AQI_IND_PM25), "2026 §5.3.1: > 100 published");
		c[4] = 75;				/* 2026: 114 */
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 114, "2026 §5.3.1: 114 published");
		c[4] = 60;				/* 2026: exactly 100 */
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == AQI_NA, "2026 §5.3.1: exactly 100 with a missing indicator is NA");
		memset(p, 0, sizeof p);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == AQI_NA, "2012: nothing present is NA");
		/* o3_1h missing under 2026 is not an indicator: AQI published */
		memset(p, 1, sizeof p);
		p[6] = 0;
		DAY(8, 25, 0.6, 45, 30, 95, 110);
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 48, "2026 daily does not need O3 1-h");
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 48, "2012 daily without O3 1-h: from the others");
		/* zero day */
		memset(p, 1, sizeof p);
		DAY(0, 0, 0, 0, 0, 0, 0);
		aqi_daily(HJ2026, c, p, &r);
		CHECK(r.aqi == 0 && r.level == 1 && r.primary == 0, "all zero: AQI 0, level 1");
		aqi_daily(EPA2024, c, p, &r);
		CHECK(r.aqi == AQI_NA && r.iaqi[0] == AQI_NA, "daily report under EPA: all NA");
		/* three-way tie */
		DAY(150, 80, 4, 150, 75, 160, 200);
		aqi_daily(HJ2012, c, p, &r);
		CHECK(r.aqi == 100 && r.primary == 0x7f, "2012: all seven tied at 100");
#undef DAY
	}

	/* ---------- §2.11 real-time vectors ---------- */
	{
		aqi_result	r;
		double		c[AQI_N_HOURLY_ARGS] = {0};
		unsigned char p[AQI_N_HOURLY_ARGS] = {0};

		/* E: SO2 1-h 900, SO2 24-h 300 */
		c[AQI_H_SO2] = 900;
		c[AQI_H_SO2_24H] = 300;
		p[AQI_H_SO2] = p[AQI_H_SO2_24H] = 1;
		aqi_hourly(HJ2012, c, p, &r);
		CHECK(r.iaqi[AQI_IND_SO2] == 124 && r.aqi == 124 && r.primary == 1u, "E 2012: SO2 from 24-h = 124");
		aqi_hourly(HJ2026, c, p, &r);
		CHECK(r.iaqi[AQI_IND_SO2] == 200 && r.aqi == 200, "E 2026: SO2 = 200 (published: > 100)");
		p[AQI_H_SO2_24H] = 0;
		aqi_hourly(HJ2012, c, p, &r);
		CHECK(r.iaqi[AQI_IND_SO2] == AQI_NA && r.aqi == AQI_NA, "E 2012 without so2_24h: NA");
		/* F real time: O3 1-h 950, 8-h 850 */
		memset(p, 0, sizeof p);
		c[AQI_H_O3] = 950;
		c[AQI_H_O3_8H] = 850;
		p[AQI_H_O3] = p[AQI_H_O3_8H] = 1;
		aqi_hourly(HJ2012, c, p, &r);
		CHECK(r.aqi == 375 && r.iaqi[AQI_IND_O3_8H] == AQI_NA && r.primary == (1u << AQI_IND_O3_1H),
			  "F 2012 real time: 375 from O3 1-h");
		aqi_hourly(HJ2026, c, p, &r);
		CHECK(r.aqi == 375 && r.iaqi[AQI_IND_O3_8H] == AQI_NA && r.iaqi[AQI_IND_O3_1H] == 375,
			  "F 2026 real time: O3 1-h 375, no 8-h indicator");
		/* full real-time sets */
		{
			double		h[AQI_N_HOURLY_ARGS] = {20, 250, 12.3, 220, 300, 200, 161, 150, 75, 30};
			unsigned char all[AQI_N_HOURLY_ARGS] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

			aqi_hourly(HJ2012, h, all, &r);
			/* SO2 1-h 20 -> 7; NO2 105; CO 1-h 105; O3 1-h 110; PM 24-h 150 -> 100, 75 -> 100; O3 8-h 101 */
			CHECK(r.aqi == 110 && r.iaqi[AQI_IND_SO2] == 7 && r.iaqi[AQI_IND_PM10] == 100 &&
				  r.iaqi[AQI_IND_PM25] == 100 && r.iaqi[AQI_IND_O3_8H] == 101 &&
				  r.primary == (1u << AQI_IND_O3_1H), "2012 real time: 24-h PM, O3 8-h");
			aqi_hourly(HJ2026, h, all, &r);
			/* PM10 1-h 300 -> 175, PM2.5 1-h 200 -> 250 on the daily breakpoints */
			CHECK(r.aqi == 250 && r.iaqi[AQI_IND_PM10] == 175 && r.iaqi[AQI_IND_PM25] == 250 &&
				  r.iaqi[AQI_IND_O3_8H] == AQI_NA && r.primary == (1u << AQI_IND_PM25),
				  "2026 real time: 1-h PM on daily breakpoints");
			all[AQI_H_PM10_24H] = 0;
			aqi_hourly(HJ2026, h, all, &r);
			CHECK(r.aqi == 250, "2026 real time ignores the 24-h inputs");
		}
	}

	/* ---------- levels ---------- */
	CHECK_INT(aqi_level_of(0), 1, "AQI 0 level 1");
	CHECK_INT(aqi_level_of(50), 1, "AQI 50 level 1");
	CHECK_INT(aqi_level_of(51), 2, "AQI 51 level 2");
	CHECK_INT(aqi_level_of(100), 2, "AQI 100 level 2");
	CHECK_INT(aqi_level_of(101), 3, "AQI 101 level 3");
	CHECK_INT(aqi_level_of(150), 3, "AQI 150 level 3");
	CHECK_INT(aqi_level_of(151), 4, "AQI 151 level 4");
	CHECK_INT(aqi_level_of(200), 4, "AQI 200 level 4");
	CHECK_INT(aqi_level_of(201), 5, "AQI 201 level 5");
	CHECK_INT(aqi_level_of(300), 5, "AQI 300 level 5");
	CHECK_INT(aqi_level_of(301), 6, "AQI 301 level 6");
	CHECK_INT(aqi_level_of(500), 6, "AQI 500 level 6");
	CHECK_STR(aqi_level_find(HJ2012, 175)->category_zh, "中度污染", "175 is 中度污染");
	CHECK_STR(aqi_level_find(HJ2026, 250)->color, "#99004C", "China purple");
	CHECK_STR(aqi_level_find(EPA2024, 250)->color, "#8F3F97", "EPA purple");
	CHECK(strstr(aqi_level_find(HJ2012, 175)->advice, "锻练") != NULL, "2012 official 锻练");
	CHECK(strstr(aqi_level_find(HJ2026, 400)->advice, "青少年儿童") != NULL, "2026 wording");
	{
		int			bad = 0;

		for (int i = 0; i < aqi_n_levels; i++)
			bad += aqi_level_find(aqi_rules_find(aqi_levels[i].standard), aqi_levels[i].aqi_lo) != &aqi_levels[i] ||
				(aqi_levels[i].aqi_hi >= 0 &&
				 aqi_level_find(aqi_rules_find(aqi_levels[i].standard), aqi_levels[i].aqi_hi) != &aqi_levels[i]);
		CHECK_INT(bad, 0, "level rows agree with their bands");
	}

	/* ---------- EPA (§8.5) ---------- */
	check_iaqi(EPA2024, AQI_O3, AQI_P8H, 0.07853333, 126);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 35.9, 102);
	check_iaqi(EPA2024, AQI_CO, AQI_P8H, 8.4, 90);
	check_iaqi(EPA2024, AQI_O3, AQI_P1H, 0.162, 147);	/* rule text; the TAD example prints 148 */
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 9.0, 50);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 9.1, 51);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 12.0, 56);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 35.4, 100);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 35.5, 101);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 55.4, 150);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 55.5, 151);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 125.4, 200);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 125.5, 201);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 225.4, 300);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 225.5, 301);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 325.4, 500);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 400, 649);
	check_iaqi(EPA2024, AQI_O3, AQI_P8H, 0.200, 300);
	/* truncation */
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 9.09, 50);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 35.49, 100);
	check_iaqi(EPA2024, AQI_PM10, AQI_P24H, 54.9, 50);
	check_iaqi(EPA2024, AQI_CO, AQI_P8H, 4.49, 50);
	check_iaqi(EPA2024, AQI_SO2, AQI_P1H, 35.9, 50);
	check_iaqi(EPA2024, AQI_NO2, AQI_P1H, 53.9, 50);
	check_iaqi(EPA2024, AQI_O3, AQI_P8H, 0.0549, 50);
	/* special cells */
	check_iaqi(EPA2024, AQI_O3, AQI_P8H, 0.201, AQI_NA);
	check_iaqi(EPA2024, AQI_O3, AQI_P1H, 0.124, AQI_NA);
	check_iaqi(EPA2024, AQI_O3, AQI_P1H, 0.125, 101);
	check_iaqi(EPA2024, AQI_SO2, AQI_P1H, 304, 200);
	check_iaqi(EPA2024, AQI_SO2, AQI_P1H, 305, 200);
	check_iaqi(EPA2024, AQI_SO2, AQI_P1H, 1e12, 200);
	check_iaqi(EPA2024, AQI_SO2, AQI_P24H, 304, AQI_NA);
	check_iaqi(EPA2024, AQI_SO2, AQI_P24H, 305, 201);
	check_iaqi(EPA2024, AQI_SO2, AQI_P24H, 1004, 500);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 1e10, AQI_OVERFLOW);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 8.9e9, AQI_OVERFLOW);
	check_iaqi(EPA2024, AQI_PM25, AQI_P24H, 1e6, 1991844);	/* 301 + 199 * 999774.5 / 99.9 = 1991843.8 */
	/* every EPA breakpoint: lo and hi give the row's indices */
	{
		int			bad = 0;

		for (int i = 0; i < aqi_n_tables(EPA2024); i++)
		{
			const aqi_table *t = aqi_table_at(EPA2024, i);

			for (int b = 0; b < t->n_bands; b++)
			{
				int			lo = aqi_iaqi(t, (double) t->band[b].bp_lo / 1e6),
							hi = aqi_iaqi(t, (double) t->band[b].bp_hi / 1e6);

				if (lo != t->band[b].i_lo || hi != t->band[b].i_hi)
				{
					bad++;
					printf("# EPA %s %s band %d: %d %d\n", aqi_item_code(t->item), aqi_period_name(t->period), b, lo, hi);
				}
				/* bands are one truncation step apart */
				if (b > 0 && t->band[b].bp_lo - t->band[b - 1].bp_hi != (int64_t) (1e6 / pow(10, t->decimals) + 0.5))
				{
					bad++;
					printf("# EPA %s gap at band %d\n", aqi_item_code(t->item), b);
				}
			}
		}
		CHECK_INT(bad, 0, "every EPA breakpoint gives its row's index; no gaps on the truncation grid");
	}

	/* EPA report: TAD example (O3 8-h 0.07853333, PM2.5 35.9, CO 8.4) -> 126, O3 */
	{
		double		c[AQI_N_EPA_ARGS] = {0.07853333, 0, 35.9, 0, 8.4, 0, 0, 0};
		unsigned char p[AQI_N_EPA_ARGS] = {1, 0, 1, 0, 1, 0, 0, 0};
		aqi_epa_result r;

		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == 126 && r.level == 3 && r.main == (1u << AQI_EP_O3) && r.index[AQI_E_PM25] == 102 &&
			  r.index[AQI_E_CO] == 90, "EPA TAD example: 126, O3");
		/* O3: the higher of 8-h and 1-h */
		c[AQI_E_O3_1H] = 0.162;
		p[AQI_E_O3_1H] = 1;
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == 147 && r.main == (1u << AQI_EP_O3) && r.index[AQI_E_O3_8H] == 126 &&
			  r.index[AQI_E_O3_1H] == 147, "EPA O3 1-h 0.162 with 8-h 0.078: 147");
		/* SO2 1-h >= 305 without 24-h: 200; with 24-h 400: 24-h index */
		memset(p, 0, sizeof p);
		c[AQI_E_SO2] = 400;
		p[AQI_E_SO2] = 1;
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == 200 && r.index[AQI_E_SO2] == 200 && r.main == (1u << AQI_EP_SO2), "EPA SO2 1-h 400: 200");
		c[AQI_E_SO2_24H] = 400;
		p[AQI_E_SO2_24H] = 1;
		aqi_epa(EPA2024, c, p, &r);
		/* 201 + 99 * 95 / 299 = 232.45 -> 232 */
		CHECK(r.aqi == 232 && r.index[AQI_E_SO2] == 232, "EPA SO2 24-h 400: 232");
		c[AQI_E_SO2_24H] = 200;
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == 200, "EPA SO2 1-h 400, 24-h 200: 200");
		memset(p, 0, sizeof p);
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == AQI_NA && r.level == 0 && r.main == 0, "EPA nothing given: NA");
		/* PM2.5 and PM10 tie at 50 */
		c[AQI_E_PM25] = 9.0;
		c[AQI_E_PM10] = 54;
		p[AQI_E_PM25] = p[AQI_E_PM10] = 1;
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == 50 && r.main == ((1u << AQI_EP_PM25) | (1u << AQI_EP_PM10)), "EPA tie listed");
		c[AQI_E_PM25] = 1e10;
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == AQI_OVERFLOW && r.overflow_arg == AQI_E_PM25, "EPA overflow propagates, names pm25");
		c[AQI_E_PM25] = 10;
		c[AQI_E_SO2_24H] = 1e12;
		p[AQI_E_SO2_24H] = 1;
		aqi_epa(EPA2024, c, p, &r);
		CHECK(r.aqi == AQI_OVERFLOW && r.overflow_arg == AQI_E_SO2_24H, "EPA overflow of so2_24h names it");
	}

	/* ---------- NowCast ---------- */
	{
		double		v[12] = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10},
					out = -1;
		unsigned char m[12] = {0};

		CHECK(aqi_nowcast(v, m, 12, &out) && out == 10, "constant series");
		{
			double		w[3] = {20, 10, 40};

			/* w = 10/40 = 0.25 -> 0.5: (20 + 5 + 10) / 1.75 = 20 */
			CHECK(aqi_nowcast(w, m, 3, &out) && fabs(out - 20) < 1e-12, "weight clamped to 0.5");
		}
		{
			double		w[2] = {30, 40};

			/* w = 0.75: (30 + 30) / 1.75 */
			CHECK(aqi_nowcast(w, m, 2, &out) && fabs(out - 60 / 1.75) < 1e-12, "weight min/max");
		}
		m[0] = 1;
		m[1] = 1;
		CHECK(!aqi_nowcast(v, m, 12, &out), "2 of the 3 most recent hours missing: none");
		m[1] = 0;
		CHECK(aqi_nowcast(v, m, 12, &out) && out == 10, "one recent hour missing: computed");
		CHECK(!aqi_nowcast(v, m, 1, &out), "one hour only: none");
	}

	/* ---------- names ---------- */
	CHECK_INT(aqi_period_parse("1h", 2), AQI_P1H, "1h");
	CHECK_INT(aqi_period_parse("24H", 3), AQI_P24H, "24H");
	CHECK_INT(aqi_period_parse("8-h", 3), AQI_P8H, "8-h");
	CHECK_INT(aqi_period_parse("2h", 2), -1, "2h unknown");
	CHECK_INT(aqi_period_parse("", 0), -1, "empty unknown");
	CHECK_INT(aqi_period_parse("24hours!", 8), -1, "long unknown");
	CHECK_INT(aqi_item_from_code("PM2.5"), AQI_PM25, "PM2.5 item");
	CHECK_INT(aqi_item_from_code("TSP"), -1, "TSP has no IAQI");
	{
		/* huge finite values: the weighted sum overflows, the NowCast does not */
		double		h[3] = {1e308, 1e308, 1e308},
					out = 0;
		unsigned char none[3] = {0, 0, 0};

		CHECK(aqi_nowcast(h, none, 3, &out) && isfinite(out) && fabs(out - 1e308) <= 1e293,
			  "NowCast of 1e308 is 1e308, not infinity");
	}

}

/*
 * A test-only edition: a copy of the HJ 633-2026 record under another id,
 * known to no code path and not registered (aqi_rules_find does not know
 * it).  Built purely from records, it passes the whole suite in place of
 * HJ 633-2026: what an edition does is in its record.
 */
static aqi_rules fake_2026;

static void
test_fake_edition(void)
{
	fake_2026 = aqi_hj633_2026;
	fake_2026.id = 9026;
	CHECK(aqi_rules_find(9026) == NULL, "the fake edition is not registered");
	CHECK(aqi_rules_find(ECO_STD_HJ633_2026) == &aqi_hj633_2026, "HJ 633-2026 is");
	CHECK(aqi_rules_find(ECO_STD_GB3095_2026) == NULL, "a GB 3095 edition has no AQI record");
	CHECK(aqi_table_find(&fake_2026, AQI_PM25, AQI_P24H) != aqi_table_find(&aqi_hj633_2026, AQI_PM25, AQI_P24H),
		  "the fake edition has tables of its own");
	CHECK(aqi_table_find(&fake_2026, AQI_PM25, AQI_P24H)->edition == &fake_2026, "built from its record");
	CHECK_INT(aqi_n_tables(&fake_2026), aqi_n_tables(&aqi_hj633_2026), "as many tables as HJ 633-2026");
	HJ2026 = &fake_2026;
	suite();
	HJ2026 = &aqi_hj633_2026;
}

int
main(void)
{
	unit_file = "aqi";
	suite();
	unit_file = "aqi (test-only edition as HJ 633-2026)";
	test_fake_edition();
	return unit_done();
}
