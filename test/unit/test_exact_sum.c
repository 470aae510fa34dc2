/*
 * Unit tests of exact_sum.c: the exact ratio, the exact sums of decimals as written (the CO days whose mean is
 * exactly 0.55 mg/m3), order, grouping and removal bit for bit, the fallback, and the overflow-safe mean.
 */
#include "unit.h"
#include "exact_sum.h"

#include <stdint.h>
#include <stdlib.h>


static double
wsum_mean_of(const double *v, int n)
{
	eco_wsum	s;

	memset(&s, 0, sizeof s);
	for (int i = 0; i < n; i++)
		if (eco_wsum_add(&s, v[i], 0) != ECO_WSUM_OK)
			return -1;
	return eco_wsum_mean(&s);
}

int
main(void)
{
	unit_file = "exact_sum";

	/* ---------- exact ratio ---------- */
	CHECK_DBL(eco_ratio_to_double(0, 7), 0, 0, "0/7");
	CHECK(eco_ratio_to_double(13200000, 24000000) == 0.55, "13.2/24 is the double nearest 0.55");
	CHECK(eco_ratio_to_double(1, 3) == 1.0 / 3.0, "1/3");
	CHECK(isnan(eco_ratio_to_double(1, 0)), "x/0 is NaN");
	{
		/* below 2^53 both operands are exact doubles and IEEE division is correctly rounded: the reference */
		int			bad = 0;

		for (int i = 0; i < 1000000; i++)
		{
			uint64_t	a = unit_rng() >> (11 + unit_rng() % 50),
						b = (unit_rng() >> (11 + unit_rng() % 50)) | 1;

			if (eco_ratio_to_double(a, b) != (double) a / (double) b)
				bad++;
		}
		CHECK_INT(bad, 0, "num/den correctly rounded on 1,000,000 pairs below 2^53");
		bad = 0;
		for (int i = 0; i < 100000; i++)
		{
			uint64_t	a = unit_rng() >> 11,
						b = (unit_rng() >> 11) | 1;
			int			k = (int) (unit_rng() % 60),
						j = (int) (unit_rng() % 60);
			unsigned __int128 num = (unsigned __int128) a << k,
						den = (unsigned __int128) b << j;

			if (eco_ratio_to_double(num, den) != ldexp((double) a / (double) b, k - j))
				bad++;
		}
		CHECK_INT(bad, 0, "num/den correctly rounded with 128-bit operands");
	}

	/* ---------- exact sums of decimals as written ---------- */
	{
		/* 12 x 0.15 + 12 x 0.95 mg/m3 CO: the exact sum of the binary values gave 0.5499999999999999 */
		double		day[24];
		eco_exact	b = 0,
					f;

		for (int i = 0; i < 24; i++)
		{
			day[i] = i % 2 ? 0.95 : 0.15;
			eco_exact_from_double(day[i], &f);
			eco_exact_add(&b, f, 0);
		}
		CHECK(eco_exact_mean(b, 24) == 0.5499999999999999, "binary exact mean of 12 x 0.15 + 12 x 0.95: 0.5499999999999999");
		CHECK(wsum_mean_of(day, 24) == 0.55, "12 x 0.15 + 12 x 0.95: the mean of the decimals is 0.55");
	}
	{
		double		co[24],
					mixed[24];

		for (int i = 0; i < 24; i++)
			co[i] = 0.55;
		CHECK(unit_naive_mean(co, 24) != 0.55, "the plain double mean of 24 x 0.55 is not 0.55 (the old bug)");
		CHECK(wsum_mean_of(co, 24) == 0.55, "24 x 0.55 mg/m3: the exact mean is 0.55");
		/* a day whose hours differ but whose mean is exactly 0.55 */
		for (int i = 0; i < 24; i++)
			mixed[i] = i % 2 ? 0.45 : 0.65;
		CHECK(wsum_mean_of(mixed, 24) == 0.55, "12 x 0.45 + 12 x 0.65: mean 0.55");
		for (int i = 0; i < 24; i++)
			mixed[i] = 1.15;
		CHECK(wsum_mean_of(mixed, 24) == 1.15, "24 x 1.15: mean 1.15");
		for (int i = 0; i < 20; i++)
			mixed[i] = 0.35;
		CHECK(wsum_mean_of(mixed, 20) == 0.35, "20 x 0.35: mean 0.35");
		for (int i = 0; i < 24; i++)
			mixed[i] = 28.175;
		CHECK(wsum_mean_of(mixed, 24) == 28.175, "24 x 28.175: mean 28.175");
		mixed[0] = 0.1 + 0.2;	/* 0.30000000000000004: more than 6 decimals, the Q64.64 fallback */
		{
			eco_wsum	s;
			eco_exact	b = 0,
						f;

			memset(&s, 0, sizeof s);
			for (int i = 0; i < 24; i++)
			{
				eco_wsum_add(&s, mixed[i], 0);
				eco_exact_from_double(mixed[i], &f);
				eco_exact_add(&b, f, 0);
			}
			CHECK_INT(s.n_long, 1, "one value with more than 6 decimals");
			CHECK(eco_wsum_mean(&s) == eco_exact_mean(b, 24), "fallback: the Q64.64 mean of the doubles");
			/* the long value leaves the window frame: exact again */
			eco_wsum_add(&s, mixed[0], 1);
			eco_wsum_add(&s, 28.175, 0);
			CHECK_INT(s.n_long, 0, "the long value removed");
			CHECK(eco_wsum_mean(&s) == 28.175, "after the inverse transition the mean is exact again");
		}
	}
	{
		/* order, grouping and removal: bit for bit */
		double		v[1000];
		eco_wsum	fwd,
					rev,
					part[7],
					merged;
		int			bad = 0;

		memset(&fwd, 0, sizeof fwd);
		memset(&rev, 0, sizeof rev);
		memset(part, 0, sizeof part);
		memset(&merged, 0, sizeof merged);
		for (int i = 0; i < 1000; i++)
			v[i] = i % 10 == 9 ? (double) (unit_rng() % 1000000) / 7.0 : (double) (unit_rng() % 10000000) / 1000.0;
		for (int i = 0; i < 1000; i++)
		{
			eco_wsum_add(&fwd, v[i], 0);
			eco_wsum_add(&rev, v[999 - i], 0);
			eco_wsum_add(&part[i % 7], v[i], 0);
		}
		for (int k = 6; k >= 0; k--)
			eco_wsum_merge(&merged, &part[k]);
		CHECK(memcmp(&fwd, &rev, sizeof fwd) == 0, "any order: the same state");
		CHECK(memcmp(&fwd, &merged, sizeof fwd) == 0, "partial states merged: the same state");
		for (int i = 0; i < 1000; i++)
		{
			eco_wsum	w;

			memset(&w, 0, sizeof w);
			for (int j = 0; j < 3; j++)
				eco_wsum_add(&w, v[(i + j) % 1000], 0);
			eco_wsum_add(&w, v[(i + 3) % 1000], 0);
			eco_wsum_add(&w, v[i], 1);
			{
				eco_wsum	x;

				memset(&x, 0, sizeof x);
				for (int j = 1; j <= 3; j++)
					eco_wsum_add(&x, v[(i + j) % 1000], 0);
				if (eco_wsum_mean(&w) != eco_wsum_mean(&x))
					bad++;
			}
		}
		CHECK_INT(bad, 0, "a row leaving the frame: the mean of the rows that stay");
	}
	{
		eco_wsum	s;

		memset(&s, 0, sizeof s);
		CHECK(isnan(eco_wsum_mean(&s)), "empty: NaN");
		CHECK_INT(eco_wsum_add(&s, -1, 0), ECO_WSUM_RANGE, "negative rejected");
		CHECK_INT(eco_wsum_add(&s, NAN, 0), ECO_WSUM_RANGE, "NaN rejected");
		CHECK_INT(eco_wsum_add(&s, INFINITY, 0), ECO_WSUM_RANGE, "infinity rejected");
		CHECK_INT(s.n, 0, "nothing added");
		CHECK_INT(eco_wsum_add(&s, 9.1e9, 0), ECO_WSUM_OK, "9.1e9: beyond the decimal range, summed as a double");
		CHECK(eco_wsum_mean(&s) == 9.1e9, "mean of 9.1e9");
	}

	/* ---------- the overflow-safe mean ---------- */
	CHECK(eco_mean_safe((const double[]){1, 2, 4}, NULL, 3) == 7.0 / 3, "plain mean");
	CHECK(eco_mean_safe((const double[]){1, 2}, (const double[]){1, 0.5}, 2) == 2.0 / 1.5, "weighted mean");
	CHECK(isnan(eco_mean_safe(NULL, NULL, 0)), "no value: NaN");
	{
		double		m = eco_mean_safe((const double[]){1e308, 1e308, 1e308}, NULL, 3);

		CHECK(isfinite(m) && fabs(m - 1e308) <= 1e293, "mean of 1e308 x3 is 1e308, not infinity");
	}

	return unit_done();
}
