/* Unit tests of the reproducible inspection draw: splitmix64, bounded integers, samples. */
#include "unit.h"
#include "inspection_draw.h"

int
main(void)
{
	unit_file = "inspection_draw";

	/* splitmix64: the first outputs from state 0 (the published reference sequence) */
	{
		uint64_t	s = 0;

		CHECK(eco_splitmix64(&s) == UINT64_C(0xE220A8397B1DCDAF), "splitmix64(0) first output");
		CHECK(eco_splitmix64(&s) == UINT64_C(0x6E789E6AA1B965F4), "splitmix64(0) second output");
		CHECK(eco_splitmix64(&s) == UINT64_C(0x06C45D188009454F), "splitmix64(0) third output");
	}
	/* bounded draws stay in range and cover it */
	{
		uint64_t	s = 42;
		int			seen[7] = {0},
					out = 0;

		for (int i = 0; i < 7000; i++)
		{
			uint64_t	r = eco_rand_below(&s, 7);

			if (r >= 7)
				out++;
			else
				seen[r]++;
		}
		CHECK_INT(out, 0, "rand_below(7) in range");
		CHECK(seen[0] > 850 && seen[6] > 850 && seen[3] > 850, "rand_below(7) roughly uniform");
		CHECK_INT((long long) eco_rand_below(&s, 1), 0, "rand_below(1) is 0");
	}
	/* samples: distinct, in range, reproducible, seed- and stream-dependent */
	{
		int			a[100],
					b[100],
					c[100],
					e[100];
		int			distinct = 1,
					same = 1,
					diff_seed = 0,
					diff_stream = 0;

		CHECK_INT(eco_draw_sample(20231111, 0, 100, 10, a), 0, "draw 10 of 100");
		eco_draw_sample(20231111, 0, 100, 10, b);
		eco_draw_sample(20231112, 0, 100, 10, c);
		eco_draw_sample(20231111, 1, 100, 10, e);
		for (int i = 0; i < 10; i++)
		{
			if (a[i] < 0 || a[i] >= 100)
				distinct = 0;
			for (int j = i + 1; j < 10; j++)
				if (a[i] == a[j])
					distinct = 0;
			same &= a[i] == b[i];
			diff_seed |= a[i] != c[i];
			diff_stream |= a[i] != e[i];
		}
		CHECK(distinct, "drawn positions distinct and in range");
		CHECK(same, "same seed, same draw");
		CHECK(diff_seed, "another seed, another draw");
		CHECK(diff_stream, "another stream, another draw");
		CHECK_INT(eco_draw_sample(1, 0, 5, 5, a), 0, "draw all 5 of 5");
		{
			int			sum = 0;

			for (int i = 0; i < 5; i++)
				sum += a[i];
			CHECK_INT(sum, 10, "a full draw is a permutation");
		}
		CHECK_INT(eco_draw_sample(1, 0, 5, 6, a), -1, "k > n refused");
		CHECK_INT(eco_draw_sample(1, 0, 5, -1, a), -1, "k < 0 refused");
		CHECK_INT(eco_draw_sample(1, 0, -1, 0, a), -1, "n < 0 refused");
		CHECK_INT(eco_draw_sample(1, 0, 0, 0, a), 0, "empty draw of empty register");
	}
	return unit_done();
}
