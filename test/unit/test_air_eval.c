/* Unit tests of the GB 3095 limit tables and the HJ 663 statistics (air_eval.c). */
#include "unit.h"
#include "air_eval.h"
#include "pollutant.h"
#include "standards.h"

#define NAN_MASK_ALL UINT32_C(0xFFFFFF)

static double
lim(int std, const char *pol, eco_air_period per, int grade)
{
	double		v = -1;

	if (!eco_air_limit_value(std, eco_pollutant_parse(pol)->id, per, grade, &v))
		return -1;
	return v;
}

/* mask of hours 1..24 without hours first..last */
static uint32_t
without(int first, int last)
{
	uint32_t	m = NAN_MASK_ALL;

	for (int h = first; h <= last; h++)
		m &= ~(UINT32_C(1) << (h - 1));
	return m;
}

static void
fill(double v[24], double x)
{
	for (int i = 0; i < 24; i++)
		v[i] = x;
}

int
main(void)
{
	double		v[24],
				m;
	int			nw;

	unit_file = "air_eval";

	/* ---- limit tables: size, uniqueness, spot values of each edition ---- */
	CHECK_INT(eco_n_air_limits, 69, "23 rows per edition, 3 editions");
	{
		int			dup = 0;

		for (int i = 0; i < eco_n_air_limits; i++)
			for (int j = i + 1; j < eco_n_air_limits; j++)
				if (eco_air_limits[i].standard == eco_air_limits[j].standard &&
					eco_air_limits[i].pollutant == eco_air_limits[j].pollutant &&
					eco_air_limits[i].period == eco_air_limits[j].period)
					dup++;
		CHECK_INT(dup, 0, "no duplicate (standard, pollutant, period)");
	}
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "SO2", ECO_AP_1H, 2), 500, 0, "2012 SO2 1h II 500");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "SO2", ECO_AP_YEAR, 1), 20, 0, "2012 SO2 year I 20");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "PM2.5", ECO_AP_24H, 2), 75, 0, "2012 PM2.5 24h II 75");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "PM2.5", ECO_AP_YEAR, 2), 35, 0, "2012 PM2.5 year II 35");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "PM10", ECO_AP_YEAR, 2), 70, 0, "2012 PM10 year II 70");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "O3", ECO_AP_8H, 1), 100, 0, "2012 O3 8h I 100");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "O3", ECO_AP_8H, 2), 160, 0, "2012 O3 8h II 160");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "CO", ECO_AP_24H, 2), 4, 0, "2012 CO 24h 4 mg/m3");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "NOx", ECO_AP_24H, 2), 100, 0, "2012 NOx 24h 100");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "BaP", ECO_AP_24H, 2), 0.0025, 0, "2012 BaP 24h 0.0025");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "Pb", ECO_AP_QUARTER, 2), 1, 0, "2012 Pb quarter 1");
	CHECK_DBL(lim(ECO_STD_GB3095_2026, "PM10", ECO_AP_YEAR, 2), 60, 0, "2026 transition PM10 year II 60");
	CHECK_DBL(lim(ECO_STD_GB3095_2026, "PM10", ECO_AP_24H, 2), 120, 0, "2026 transition PM10 24h II 120");
	CHECK_DBL(lim(ECO_STD_GB3095_2026, "PM2.5", ECO_AP_YEAR, 2), 30, 0, "2026 transition PM2.5 year II 30");
	CHECK_DBL(lim(ECO_STD_GB3095_2026, "PM2.5", ECO_AP_24H, 2), 60, 0, "2026 transition PM2.5 24h II 60");
	CHECK_DBL(lim(ECO_STD_GB3095_2026, "NOx", ECO_AP_YEAR, 2), 50, 0, "2026 transition NOx year 50 (footnote a)");
	CHECK_DBL(lim(ECO_STD_GB3095_2026, "NOx", ECO_AP_24H, 1), 100, 0, "2026 transition NOx 24h 100 (footnote b)");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "SO2", ECO_AP_YEAR, 2), 20, 0, "2026 final SO2 year II 20");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "SO2", ECO_AP_1H, 2), 150, 0, "2026 final SO2 1h II 150");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "NO2", ECO_AP_YEAR, 1), 30, 0, "2026 final NO2 year 30");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "NO2", ECO_AP_24H, 2), 50, 0, "2026 final NO2 24h 50");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "PM10", ECO_AP_YEAR, 1), 20, 0, "2026 final PM10 year I 20");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "PM2.5", ECO_AP_24H, 1), 25, 0, "2026 final PM2.5 24h I 25");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "PM2.5", ECO_AP_YEAR, 2), 25, 0, "2026 final PM2.5 year II 25");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "NOx", ECO_AP_24H, 2), 70, 0, "2026 final NOx 24h 70");
	CHECK_DBL(lim(ECO_STD_GB3095_2026_FINAL, "NOx", ECO_AP_YEAR, 2), 40, 0, "2026 final NOx year 40");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "CO", ECO_AP_YEAR, 2), -1, 0, "no CO annual limit");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "O3", ECO_AP_24H, 2), -1, 0, "no O3 24h limit");
	CHECK_DBL(lim(ECO_STD_GB3095_2012, "SO2", ECO_AP_1H, 3), -1, 0, "grade 3 rejected");
	CHECK_DBL(lim(ECO_STD_HJ633_2012, "SO2", ECO_AP_1H, 2), -1, 0, "HJ 633 has no limits");

	/* ---- periods ---- */
	CHECK_INT(eco_air_period_parse("24h"), ECO_AP_24H, "24h");
	CHECK_INT(eco_air_period_parse("YEAR"), ECO_AP_YEAR, "YEAR");
	CHECK_INT(eco_air_period_parse("8h"), ECO_AP_8H, "8h");
	CHECK_INT(eco_air_period_parse("quarter"), ECO_AP_QUARTER, "quarter");
	CHECK_INT(eco_air_period_parse("week"), -1, "week rejected");
	CHECK_INT(eco_air_period_parse(""), -1, "empty rejected");

	/* ---- percentile (HJ 663-2013 Appendix A) ---- */
	{
		double		d[] = {3, 4, 8, 2, 5, 4};
		double		y[365];

		eco_air_sort(d, 6);
		CHECK_DBL(eco_air_percentile_sorted(d, 6, 0.9), 6.5, 1e-12, "P90 {3,4,8,2,5,4} = 6.5");
		CHECK_DBL(eco_air_percentile_sorted(d, 6, 0.5), 4.0, 1e-12, "P50 = 4.0");
		CHECK_DBL(eco_air_percentile_sorted(d, 6, 0.95), 7.25, 1e-12, "P95 = 7.25");
		CHECK_DBL(eco_air_percentile_sorted(d, 6, 0.98), 7.7, 1e-12, "P98 = 7.7");
		CHECK_DBL(eco_air_percentile_sorted(d, 6, 0), 2, 0, "P0 = min");
		CHECK_DBL(eco_air_percentile_sorted(d, 6, 1), 8, 0, "P100 = max");
		CHECK_DBL(eco_air_percentile_sorted(d, 1, 0.9), 2, 0, "one value");
		for (int i = 0; i < 365; i++)
			y[i] = i + 1;
		CHECK_DBL(eco_air_percentile_sorted(y, 365, 0.90), 328.6, 1e-9, "1..365 P90 = 328.6");
		CHECK_DBL(eco_air_percentile_sorted(y, 365, 0.95), 346.8, 1e-9, "1..365 P95 = 346.8");
		CHECK_DBL(eco_air_percentile_sorted(y, 365, 0.98), 357.72, 1e-9, "1..365 P98 = 357.72");
	}

	/* ---- MDA8 (HJ 663 §6.1.2; 6 of 8 hours, 14 of 17 windows) ---- */
	fill(v, 100);
	CHECK_INT(eco_air_mda8(v, NAN_MASK_ALL, 160, &m, &nw), 1, "full day valid");
	CHECK_INT(nw, 17, "17 windows end 08..24");
	CHECK_DBL(m, 100, 0, "flat day MDA8 100");
	for (int h = 1; h <= 24; h++)
		v[h - 1] = h;
	eco_air_mda8(v, NAN_MASK_ALL, 160, &m, &nw);
	CHECK_DBL(m, 20.5, 1e-12, "rising day: window 17..24 mean 20.5");
	fill(v, 100);
	/* window ending 08 covers hours 1..8: 6 values valid, 5 not */
	eco_air_mda8(v, without(1, 2), 160, &m, &nw);
	CHECK_INT(nw, 17, "6 of 8 values: window 08 valid");
	eco_air_mda8(v, without(1, 3), 160, &m, &nw);
	CHECK_INT(nw, 16, "5 of 8 values: window 08 invalid");
	/* hours 1..5 missing: windows 08, 09, 10 invalid -> 14 windows */
	CHECK_INT(eco_air_mda8(v, without(1, 5), 160, &m, &nw), 1, "14 windows valid");
	CHECK_INT(nw, 14, "hours 1..5 missing leave 14 windows");
	CHECK_INT(eco_air_mda8(v, without(1, 6), 160, &m, &nw), 0, "13 windows, no exceedance: invalid");
	CHECK_INT(nw, 13, "hours 1..6 missing leave 13 windows");
	CHECK_DBL(m, 100, 0, "invalid MDA8 still reports the maximum");
	for (int h = 17; h <= 24; h++)
		v[h - 1] = 200;
	CHECK_INT(eco_air_mda8(v, without(1, 6), 160, &m, &nw), 1, "13 windows with exceedance: valid");
	CHECK_DBL(m, 200, 0, "MDA8 200");
	CHECK_INT(eco_air_mda8(v, without(1, 6), 200, &m, &nw), 0, "13 windows, max equal to lim: invalid");
	CHECK_INT(eco_air_mda8(v, without(1, 6), 100, &m, &nw), 1, "grade I limit 100");
	CHECK_INT(eco_air_mda8(v, 0, 160, &m, &nw), 0, "no data");
	/* every recorded HJ 663 edition has the MDA8 rules of 2026 (what eco.mda8 applies) */
	for (int e = 0; e < eco_air_eval_n_editions; e++)
	{
		const eco_air_eval_rules *ed = eco_air_eval_editions[e];

		CHECK_INT(ed->mda8_first_end == eco_hj663_2026.mda8_first_end && ed->mda8_last_end == eco_hj663_2026.mda8_last_end
				  && ed->min_hours_8h == eco_hj663_2026.min_hours_8h
				  && ed->min_windows_mda8 == eco_hj663_2026.min_windows_mda8, 1, "MDA8 rules equal across editions");
	}
	/* the rules are read from the record: a record with a 12-window minimum makes 13 windows valid */
	{
		eco_air_eval_rules fake = eco_hj663_2026;
		double		m2;
		int			nw2;

		fake.min_windows_mda8 = 12;
		CHECK_INT(eco_air_mda8_ed(&fake, v, without(1, 6), 200, &m2, &nw2), 1, "record with 12-window minimum");
		fake.mda8_first_end = 3;
		CHECK_INT(eco_air_mda8_ed(&fake, v, NAN_MASK_ALL, 200, &m2, &nw2), 0, "record with an impossible window: refused");
	}
	CHECK_INT(nw, 0, "no windows");

	/* ---- annual validity: 324 days, 27 a month, 25 in February ---- */
	{
		int			mc[12] = {27, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 29};	/* 324 */

		CHECK_INT(eco_air_annual_valid(mc), 1, "324 days, Feb 25, others 27: valid");
		mc[11] = 28;
		CHECK_INT(eco_air_annual_valid(mc), 0, "323 days: invalid");
		mc[11] = 29;
		mc[1] = 24;
		mc[2] = 28;
		CHECK_INT(eco_air_annual_valid(mc), 0, "324 days but February 24: invalid");
		mc[1] = 25;
		mc[2] = 26;
		mc[11] = 30;
		CHECK_INT(eco_air_annual_valid(mc), 0, "324 days but a month of 26: invalid");
		mc[2] = 27;
		mc[11] = 29;
		CHECK_INT(eco_air_annual_valid(mc), 1, "back to valid");
	}

	/* ---- composite index (worked examples from published city figures) ---- */
	{
		double		c[6] = {9, 15, 39, 21, 0.7, 192};	/* SO2 NO2 PM10 PM2.5 CO O3 */
		double		sum = 0,
					s;

		for (int i = 0; i < 6; i++)
		{
			eco_air_index_denominator(ECO_STD_GB3095_2012, eco_air_index_items[i], &s);
			sum += c[i] / s;
		}
		CHECK_DBL(sum, 3.0571428571428571, 1e-12, "tianqi example 3.0571");
		CHECK_DBL(floor(sum * 100 + 0.5) / 100, 3.06, 1e-12, "rounds to 3.06");
		CHECK_INT(eco_air_index_denominator(ECO_STD_GB3095_2026, 6, &s), 1, "2026 PM2.5 denominator");
		CHECK_DBL(s, 30, 0, "2026 PM2.5 denominator 30 (transition annual II)");
		eco_air_index_denominator(ECO_STD_GB3095_2026, 3, &s);
		CHECK_DBL(s, 4, 0, "CO denominator 4");
		eco_air_index_denominator(ECO_STD_GB3095_2026, 4, &s);
		CHECK_DBL(s, 160, 0, "O3 denominator 160");
		CHECK_INT(eco_air_index_denominator(ECO_STD_GB3095_2012, 7, &s), 0, "NOx not an index item");
	}

	/* ---- exceedance multiple ---- */
	CHECK_DBL(eco_air_exceedance_multiple(112.5, 75), 0.5, 1e-15, "112.5 over 75: 0.5");
	CHECK_DBL(eco_air_exceedance_multiple(75, 75), 0, 0, "at the limit: 0");
	CHECK_DBL(eco_air_exceedance_multiple(10, 75), 0, 0, "below: 0");
	CHECK_DBL(eco_air_exceedance_multiple(0.1 + 0.2, 0.3), 0, 0, "0.1 + 0.2 over 0.3: at the limit as written, 0");

	/* ---- exact fixed-point sums ---- */
	{
		eco_air_fixed a = 0,
					f;
		double		vals[] = {0.1, 0.2, 0.3, 1e-3, 123.456, 0.0025};

		for (int i = 0; i < 6; i++)
		{
			eco_air_to_fixed(vals[i], &f);
			eco_air_fixed_add(&a, f, 0);
		}
		for (int i = 5; i >= 0; i--)
		{
			eco_air_to_fixed(vals[i], &f);
			eco_air_fixed_add(&a, f, 1);
		}
		CHECK(a == 0, "adding then removing returns exactly to 0");
		a = 0;
		for (int i = 0; i < 24; i++)
		{
			eco_air_to_fixed(0.8, &f);
			eco_air_fixed_add(&a, f, 0);
		}
		CHECK_DBL(eco_air_fixed_mean(a, 24), 0.8, 0, "24 x 0.8 has mean exactly 0.8");
		CHECK_INT(eco_air_to_fixed(-1, &f), 0, "negative rejected");
		CHECK_INT(eco_air_to_fixed(1e19, &f), 0, "2^63 and above rejected");
		CHECK_INT(eco_air_to_fixed(NAN, &f), 0, "NaN rejected");
		eco_air_to_fixed(9e18, &f);
		a = f;
		CHECK_INT(eco_air_fixed_add(&a, f, 0), 0, "overflow detected");
	}

	/* huge finite values: the 8-h sum overflows, the mean does not */
	fill(v, 1e308);
	CHECK_INT(eco_air_mda8(v, NAN_MASK_ALL, 160, &m, &nw), 1, "MDA8 of 1e308 valid");
	CHECK(isfinite(m) && fabs(m - 1e308) <= 1e293, "MDA8 of 1e308 is 1e308, not infinity");

	/* ---- one site-day: order-independent, split-independent, same as the separate statistics ---- */
	{
		eco_air_day fwd, rev, a, b;
		eco_air_day_result r1, r2, r3;
		double		hv[24][ECO_AIR_DAY_ITEMS];
		int			bad = -1,
					hour = 0;
		uint32_t	o3mask = 0;
		double		o3v[24],
					mref;
		int			nwref;

		eco_air_day_init(&fwd);
		eco_air_day_init(&rev);
		eco_air_day_init(&a);
		eco_air_day_init(&b);
		for (int h = 1; h <= 24; h++)
			for (int i = 0; i < ECO_AIR_DAY_ITEMS; i++)
				hv[h - 1][i] = 0.1 * (h * 7 + i * 13) + 1.0 / (h + i + 3);
		/* hours 5 and 6 missing, O3 missing at hour 20, PM2.5 missing at hours 1-4 */
		for (int h = 1; h <= 24; h++)
		{
			unsigned	has = 0x3F;

			if (h == 5 || h == 6)
				continue;
			if (h == 20)
				has &= ~(1u << ECO_AIR_DAY_O3);
			if (h <= 4)
				has &= ~(1u << ECO_AIR_DAY_PM25);
			CHECK_INT(eco_air_day_add(&fwd, h, hv[h - 1], has, h == 12, &bad), ECO_AIR_DAY_OK, "day: add hour");
			eco_air_day_add(h % 2 ? &a : &b, h, hv[h - 1], has, h == 12, &bad);
			if (has & (1u << ECO_AIR_DAY_O3))
			{
				o3mask |= UINT32_C(1) << (h - 1);
				o3v[h - 1] = hv[h - 1][ECO_AIR_DAY_O3];
			}
			else
				o3v[h - 1] = 0;
		}
		o3v[4] = o3v[5] = 0;
		for (int h = 24; h >= 1; h--)
		{
			unsigned	has = 0x3F;

			if (h == 5 || h == 6)
				continue;
			if (h == 20)
				has &= ~(1u << ECO_AIR_DAY_O3);
			if (h <= 4)
				has &= ~(1u << ECO_AIR_DAY_PM25);
			eco_air_day_add(&rev, h, hv[h - 1], has, h == 12, &bad);
		}
		CHECK_INT(eco_air_day_merge(&b, &a, &hour), ECO_AIR_DAY_OK, "day: merge of two halves");
		eco_air_day_finish(&fwd, 160, &r1);
		eco_air_day_finish(&rev, 160, &r2);
		eco_air_day_finish(&b, 160, &r3);
		CHECK(memcmp(&r1, &r2, sizeof r1) == 0, "day: reverse order gives the same result bit for bit");
		CHECK(memcmp(&r1, &r3, sizeof r1) == 0, "day: merged halves give the same result bit for bit");
		CHECK_INT(r1.n_hours, 22, "day: 22 hours");
		CHECK_INT(r1.mean_ok[ECO_AIR_DAY_SO2], 1, "day: SO2 22 values valid");
		CHECK_INT(r1.mean_ok[ECO_AIR_DAY_O3], 1, "day: O3 21 values valid");
		CHECK_INT(r1.mean_ok[ECO_AIR_DAY_PM25], 0, "day: PM2.5 18 values not valid");
		CHECK_INT(r1.dust, 1, "day: dust hour");
		CHECK_INT(eco_air_mda8(o3v, o3mask, 160, &mref, &nwref), 1, "day: MDA8 valid (eco_air_mda8)");
		CHECK_INT(r1.o3_8h_ok, 1, "day: MDA8 valid");
		CHECK_DBL(r1.o3_8h, mref, 0, "day: MDA8 as eco_air_mda8");
		{
			eco_wsum	s;
			double		mx = 0;

			memset(&s, 0, sizeof s);
			for (int h = 1; h <= 24; h++)
				if (h != 5 && h != 6)
					eco_wsum_add(&s, hv[h - 1][ECO_AIR_DAY_NO2], 0);
			CHECK(r1.mean[ECO_AIR_DAY_NO2] == eco_wsum_mean(&s), "day: NO2 mean as eco.daily_mean's exact mean");
			for (int h = 1; h <= 24; h++)
				if ((o3mask >> (h - 1)) & 1u && o3v[h - 1] > mx)
					mx = o3v[h - 1];
			CHECK(r1.o3_1h == mx && r1.o3_1h_ok, "day: O3 1-h maximum");
		}
		CHECK_INT(eco_air_day_add(&fwd, 7, hv[0], 1, 0, &bad), ECO_AIR_DAY_REPEAT, "day: repeated hour refused");
		CHECK_INT(eco_air_day_merge(&fwd, &rev, &hour), ECO_AIR_DAY_REPEAT, "day: overlapping merge refused");
		CHECK_INT(hour, 1, "day: first repeated hour reported");
		{
			double		big[ECO_AIR_DAY_ITEMS] = {1, 1, 1e19, 1, 1, 1};

			CHECK_INT(eco_air_day_add(&rev, 5, big, 0x3F, 0, &bad), ECO_AIR_DAY_RANGE, "day: 1e19 out of range");
			CHECK_INT(bad, ECO_AIR_DAY_CO, "day: the item out of range is named");
			CHECK_INT(rev.hours & (1u << 4), 0, "day: a refused hour leaves the state unchanged");
		}
		eco_air_day_init(&a);
		eco_air_day_finish(&a, 160, &r1);
		CHECK(r1.n_hours == 0 && !r1.o3_1h_ok && !r1.o3_8h_ok && !r1.mean_ok[0], "day: empty state");
		/* 12 x 0.15 + 12 x 0.95 mg/m3 CO: the mean of the values as written is 0.55 (the binary sum gives 0.5499999999999999) */
		{
			eco_air_day co;
			double		hv1[ECO_AIR_DAY_ITEMS] = {0};

			eco_air_day_init(&co);
			for (int h = 1; h <= 24; h++)
			{
				hv1[ECO_AIR_DAY_CO] = h <= 12 ? 0.15 : 0.95;
				eco_air_day_add(&co, h, hv1, 1u << ECO_AIR_DAY_CO, 0, &bad);
			}
			eco_air_day_finish(&co, 160, &r1);
			CHECK(r1.mean_ok[ECO_AIR_DAY_CO] && r1.mean[ECO_AIR_DAY_CO] == 0.55, "day: CO mean 0.55 exactly as written");
		}
	}

	/* ---------- HJ 663 edition records, family defaults, annual evaluation ---------- */
	{
		const eco_air_eval_rules *e13 = eco_air_eval_rules_find(ECO_STD_HJ663_2013),
				   *e26 = eco_air_eval_rules_find(ECO_STD_HJ663_2026);
		int			m[12] = {31, 25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
					ok = 1;
		double		mean = 32,
					p95 = 70,
					co = 4.0,
					o3 = 160.5;
		eco_air_eval_rules strict;

		CHECK(e13 == &eco_hj663_2013 && e26 == &eco_hj663_2026, "HJ 663 records found by id");
		CHECK(eco_air_eval_rules_find(ECO_STD_HJ633_2026) == NULL, "an HJ 633 edition is no HJ 663 record");
		CHECK_INT(e13->limits, ECO_STD_GB3095_2012, "HJ 663-2013 compares with GB 3095-2012");
		CHECK_INT(e26->limits, ECO_STD_GB3095_2026, "HJ 663-2026 compares with GB 3095-2026");
		for (int i = 0; i < 6; i++)
			ok &= e13->annual[i].pollutant == eco_air_index_items[(int[]) {0, 1, 4, 5, 2, 3}[i]];
		CHECK(ok, "annual statistics in GB 3095 Table 1 order, the composite-index items");
		CHECK_DBL(e26->annual[5].percentile, 0.95, 0, "PM2.5 P95");
		CHECK_DBL(e26->annual[3].percentile, 0.90, 0, "O3 MDA8 P90");
		CHECK_INT(eco_air_annual_valid_ed(e26, m), 1, "325 days, February 25: valid");
		m[1] = 24;
		CHECK_INT(eco_air_annual_valid_ed(e26, m), 0, "February 24: not valid");
		/* a record with other minimums changes the result without code (built from the 2026 record) */
		strict = eco_hj663_2026;
		strict.min_days_feb = 28;
		m[1] = 25;
		CHECK_INT(eco_air_annual_valid_ed(&strict, m), 0, "a record's minimums are what the check reads");
		CHECK_INT(eco_air_default_standard("HJ633"), ECO_STD_HJ633_2026, "HJ633 default");
		CHECK_INT(eco_air_default_standard("hj663"), ECO_STD_HJ663_2026, "HJ663 default, any case");
		CHECK_INT(eco_air_default_standard("GB3095"), ECO_STD_GB3095_2026, "GB3095 default");
		CHECK_INT(eco_air_default_standard("EPA"), ECO_STD_EPA_2024, "EPA default");
		CHECK_INT(eco_air_default_standard("GB3838"), 0, "no air default for water");
		CHECK_INT(eco_air_default_standard("HJ63"), 0, "a prefix is no family");
		/* PM2.5 32 / P95 70: GB 3095-2026 grade II (30 / 60) exceeded, GB 3095-2012 (35 / 75) met */
		CHECK_INT(eco_air_annual_compliance(e26, 6, 2, &mean, &p95), 0, "2026 PM2.5 32/70 exceeds");
		CHECK_INT(eco_air_annual_compliance(e13, 6, 2, &mean, &p95), 1, "2013 PM2.5 32/70 complies");
		CHECK_INT(eco_air_annual_compliance(e13, 6, 2, NULL, &p95), -1, "annual mean missing: unknown");
		CHECK_INT(eco_air_annual_compliance(e26, 3, 2, NULL, &co), 1, "CO P95 at the 24-h limit complies");
		CHECK_INT(eco_air_annual_compliance(e26, 4, 2, NULL, &o3), 0, "O3 P90 above the MDA8 limit");
		CHECK_INT(eco_air_annual_compliance(e26, 8, 2, &mean, &p95), -2, "TSP: no annual evaluation");
	}

	return unit_done();
}
