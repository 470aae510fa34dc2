/*
 * Unit tests of exact_decimal.c: the decimal as written, GB/T 8170-2008 §3.2 rounding with its examples,
 * truncation, the decimals to 15 significant digits and the one comparison of a value with a limit.
 */
#include "unit.h"
#include "exact_decimal.h"

#include <stdint.h>
#include <stdlib.h>


static void
check_dec(double v, long long c6, int sticky)
{
	eco_decimal		d;
	char		name[96];

	snprintf(name, sizeof name, "decimal of %.17g", v);
	CHECK(eco_decimal_of(v, &d) && d.c6 == c6 && d.sticky == sticky, name);
}

static double
gbt(double v, int decimals)
{
	eco_decimal		d;

	eco_decimal_of(v, &d);
	eco_decimal_round_gbt8170(&d, decimals);
	return (double) d.c6 / 1e6;
}


/* The decimal recovery by the definition (try k = 0..6 decimals, else floor with fma): the reference for the
 * one-test fast path of eco_decimal_of below 2^24. */
static int
ref_decimal(double v, eco_decimal *out)
{
	static const double p10[7] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
	static const int64_t p10i[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	double		t;

	for (int k = 0; k <= 6; k++)
	{
		int64_t		m = (int64_t) (v * p10[k] + 0.5);

		if ((double) m / p10[k] == v)
		{
			out->c6 = m * p10i[6 - k];
			out->sticky = 0;
			out->decimals = k;
			return 1;
		}
	}
	t = floor(v * 1e6);
	if (fma(v, 1e6, -t) < 0)
		t -= 1;
	else if (fma(v, 1e6, -(t + 1)) >= 0)
		t += 1;
	out->c6 = (int64_t) t;
	out->sticky = 1;
	out->decimals = 7;
	return 1;
}


int
main(void)
{
	unit_file = "exact_decimal";

	/* ---------- exact decimal recovery ---------- */
	check_dec(75, 75000000, 0);
	check_dec(2.24, 2240000, 0);
	check_dec(1.15, 1150000, 0);
	check_dec(0.07853333, 78533, 1);
	check_dec(35.000001, 35000001, 0);
	check_dec(35.0000001, 35000000, 1);
	check_dec(0.1 + 0.2, 300000, 1);	/* 0.30000000000000004 as written */
	check_dec(1e-20, 0, 1);
	check_dec(0, 0, 0);
	check_dec(8999999999.5, 8999999999500000LL, 0);
	check_dec(8053063705.600019, 8053063705600019LL, 0);	/* above 2^24 v * 10^6 is rounded (found by fuzzing) */
	check_dec(8053063705.6000195, 8053063705600019LL, 0);	/* the same double */
	{
		eco_decimal		d;

		CHECK(!eco_decimal_of(9e9, &d), "9e9 is beyond the exact range");
	}

	/* ---------- GB/T 8170-2008 §3.2 ---------- */
	CHECK_DBL(gbt(1.15, 1), 1.2, 0, "CO 1.15 -> 1.2");
	CHECK_DBL(gbt(1.25, 1), 1.2, 0, "CO 1.25 -> 1.2");
	CHECK_DBL(gbt(1.35, 1), 1.4, 0, "CO 1.35 -> 1.4");
	CHECK_DBL(gbt(1.251, 1), 1.3, 0, "CO 1.251 -> 1.3");
	CHECK_DBL(gbt(1.249, 1), 1.2, 0, "CO 1.249 -> 1.2");
	CHECK_DBL(gbt(34.5, 0), 34, 0, "PM2.5 34.5 -> 34");
	CHECK_DBL(gbt(35.5, 0), 36, 0, "PM2.5 35.5 -> 36");
	CHECK_DBL(gbt(60.5, 0), 60, 0, "PM2.5 60.5 -> 60");
	CHECK_DBL(gbt(75.5, 0), 76, 0, "PM2.5 75.5 -> 76");
	CHECK_DBL(gbt(35.01, 0), 35, 0, "PM2.5 35.01 -> 35");
	CHECK_DBL(gbt(1.050, 1), 1.0, 0, "1.050 -> 1.0 (GB/T 8170 example)");
	CHECK_DBL(gbt(0.35, 1), 0.4, 0, "0.35 -> 0.4 (GB/T 8170 example)");
	CHECK_DBL(gbt(0.5000001, 0), 1, 0, "0.5000001 -> 1 (5 then non-zero, beyond 10^-6)");
	CHECK_DBL(gbt(28.175, 2), 28.18, 0, "28.175 -> 28.18 (GB/T 8170 example)");
	CHECK_DBL(gbt(28.165, 2), 28.16, 0, "28.165 -> 28.16 (GB/T 8170 example)");
	CHECK_DBL(gbt(28.350, 1), 28.4, 0, "28.350 -> 28.4 (GB/T 8170 example)");
	CHECK_DBL(gbt(28.250, 1), 28.2, 0, "28.250 -> 28.2 (GB/T 8170 example)");
	CHECK_DBL(gbt(2.5, 0), 2, 0, "2.5 -> 2");
	CHECK_DBL(gbt(3.5, 0), 4, 0, "3.5 -> 4");
	CHECK_DBL(gbt(0.05, 1), 0.0, 0, "0.05 -> 0.0");
	CHECK_DBL(gbt(0.15, 1), 0.2, 0, "0.15 -> 0.2");
	CHECK_DBL(gbt(0.5, 0), 0, 0, "0.5 -> 0");
	/* eco_decimal_of equals the definition on short decimals, full-precision means and random doubles */
	{
		static const int64_t p10[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
		int			bad = 0;
		uint64_t	x = 88172645463325252ULL;

		for (long i = 0; i < 2000000; i++)
		{
			double		v;
			eco_decimal		a,
						b;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			switch (i % 4)
			{
				case 0:			/* a decimal with 0..6 places */
					v = (double) (int64_t) (x % 900000000ULL) / (double) p10[(x >> 50) % 7];
					break;
				case 1:			/* a mean of n integers */
					v = (double) (x % 20000ULL) / (double) (19 + (x >> 32) % 6);
					break;
				case 2:			/* any double in [0, 2^24) */
					v = (double) (x >> 11) * 0x1p-53 * 16777216.0;
					break;
				default:		/* near 2^24 and above */
					v = 16000000.0 + (double) (x >> 11) * 0x1p-53 * 2000000.0;
					break;
			}
			eco_decimal_of(v, &a);
			ref_decimal(v, &b);
			if (a.c6 != b.c6 || a.sticky != b.sticky || a.decimals != b.decimals)
				bad++;
		}
		CHECK_INT(bad, 0, "eco_decimal_of = the definition on 2,000,000 values");
	}

	/* ---------- the one GB/T 8170 rule ---------- */
	CHECK_INT(eco_gbt8170_carry(-1, 0, 1), 0, "below one half drops (odd)");
	CHECK_INT(eco_gbt8170_carry(-1, 1, 1), 0, "below one half drops (sticky)");
	CHECK_INT(eco_gbt8170_carry(1, 0, 0), 1, "above one half carries");
	CHECK_INT(eco_gbt8170_carry(0, 0, 0), 0, "exactly one half, even: drops");
	CHECK_INT(eco_gbt8170_carry(0, 0, 1), 1, "exactly one half, odd: carries");
	CHECK_INT(eco_gbt8170_carry(0, 1, 0), 1, "one half then non-zero digits: carries");
	{
		eco_decimal d;

		eco_decimal_of(1.29, &d);
		eco_decimal_truncate(&d, 1);
		CHECK_INT(d.c6, 1200000, "truncation 1.29 -> 1.2");
		CHECK_INT(d.decimals, 1, "truncation keeps 1 decimal");
	}

	/* ---------- the one comparison of a value with a limit ---------- */
	CHECK_INT(eco_cmp_limit(0.05, 0.05), 0, "0.05 equals the limit 0.05");
	CHECK_INT(eco_cmp_limit(0.1 + 0.2, 0.3), 0, "0.1+0.2 equals the limit 0.3 (binary noise)");
	CHECK_INT(eco_cmp_limit(0.15 / 3, 0.05), 0, "0.15/3 equals the limit 0.05");
	CHECK_INT(eco_cmp_limit(unit_naive_mean((const double[]){0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05}, 7), 0.05), 0,
			  "a plain mean of seven 0.05 equals the limit 0.05");
	CHECK_INT(eco_cmp_limit(0.0500000000001, 0.05), 1, "0.0500000000001 is above 0.05");
	CHECK_INT(eco_cmp_limit(0.0499999999999, 0.05), -1, "0.0499999999999 is below 0.05");
	CHECK_INT(eco_cmp_limit(0.2 * (1 + 1e-13), 0.2), 1, "0.20000000000002 above 0.2");
	CHECK_INT(eco_cmp_limit(0.2 * (1 - 1e-13), 0.2), -1, "0.19999999999998 below 0.2");
	CHECK_INT(eco_cmp_limit(6.42 / 1.07, 6), 0, "6.42/1.07 is 6 as written");
	CHECK_INT(eco_cmp_limit(75.0000001, 75), 1, "75.0000001 above 75");
	CHECK_INT(eco_cmp_limit(0, 0.00005), -1, "zero below every limit");
	CHECK_INT(eco_cmp_limit(0, 0), 0, "zero equals a zero limit");
	CHECK_INT(eco_cmp_limit(1e-300, 0), 1, "any positive value is above a zero limit");
	CHECK_INT(eco_cmp_limit(NAN, 1), 1, "NaN above every limit");
	CHECK_INT(eco_cmp_limit(1e308, 1e308), 0, "huge values");
	{
		/* away from the limit (outside the band) the comparison is the binary one */
		int			bad = 0;

		for (int i = 0; i < 100000; i++)
		{
			double		lim = (double) (unit_rng() % 100000) / 1000.0,
						v = lim * (1 + ((double) (unit_rng() % 2000) - 1000.0) * 1e-9);
			int			want = fabs(v - lim) <= fabs(lim) * 1e-12 ? 0 : (v > lim) - (v < lim);

			if (eco_cmp_limit(v, lim) != want)
				bad++;
		}
		CHECK_INT(bad, 0, "value near a limit: binary order outside the band, equal inside it");
	}

	return unit_done();
}
