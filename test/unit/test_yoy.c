/* Unit tests of the year-on-year wording, the date shift and the draw generator. */
#include "unit.h"
#include "yoy.h"

static const char *
phrase(const char *kind, int sign, const char *mag)
{
	static char buf[128];
	const eco_change_kind *k = eco_change_kind_lookup(kind);

	if (k == NULL || eco_change_phrase(k, sign, mag, buf, sizeof buf) < 0)
		return "(error)";
	return buf;
}

static int
shifted(int y, int m, int d)
{
	if (eco_same_day_last_year(&y, &m, &d) != 0)
		return -1;
	return y * 10000 + m * 100 + d;
}

int
main(void)
{
	unit_file = "yoy";

	/* kinds and wording */
	CHECK(eco_change_kind_lookup("PCT_LOWER_BETTER") != NULL, "kind lookup ignores ASCII case");
	CHECK(eco_change_kind_lookup("percent") == NULL, "unknown kind rejected");
	CHECK(eco_change_kind_lookup(NULL) == NULL, "NULL kind rejected");
	CHECK_STR(phrase("concentration", -1, "13.6"), "同比改善13.6%", "PM2.5 down is 改善");
	CHECK_STR(phrase("concentration", 1, "2.0"), "同比恶化2.0%", "PM2.5 up is 恶化");
	CHECK_STR(phrase("pct", -1, "3.3"), "同比下降3.3%", "neutral % down");
	CHECK_STR(phrase("pct", 1, "0.1"), "同比上升0.1%", "neutral % up");
	CHECK_STR(phrase("pct_higher_better", 1, "5.0"), "同比改善5.0%", "higher better up");
	CHECK_STR(phrase("pct_higher_better", -1, "5.0"), "同比恶化5.0%", "higher better down");
	CHECK_STR(phrase("pp", 1, "1.9"), "同比上升1.9个百分点", "neutral pp up");
	CHECK_STR(phrase("pp", -1, "1.0"), "同比下降1.0个百分点", "neutral pp down");
	CHECK_STR(phrase("pp_higher_better", 1, "1.9"), "同比改善1.9个百分点", "good-days ratio up is 改善");
	CHECK_STR(phrase("pp_higher_better", -1, "1.9"), "同比恶化1.9个百分点", "good-days ratio down is 恶化");
	CHECK_STR(phrase("pp_lower_better", 1, "0.5"), "同比恶化0.5个百分点", "exceedance ratio up is 恶化");
	CHECK_STR(phrase("count", -1, "40.3"), "同比减少40.3%", "complaints down");
	CHECK_STR(phrase("count", 1, "12.0"), "同比增加12.0%", "complaints up");
	CHECK_STR(phrase("concentration", 0, "0.0"), "同比持平", "rounded 0 is 持平");
	CHECK_STR(phrase("pp", 0, "0.0"), "同比持平", "pp rounded 0 is 持平");
	{
		char		small[8];

		CHECK_INT(eco_change_phrase(eco_change_kind_lookup("pp"), 1, "1.9", small, sizeof small), -1,
				  "short buffer refused");
	}
	{
		int			dup = 0;

		for (int i = 0; i < eco_n_change_kinds; i++)
			for (int j = i + 1; j < eco_n_change_kinds; j++)
				dup += strcmp(eco_change_kinds[i].kind, eco_change_kinds[j].kind) == 0;
		CHECK_INT(dup, 0, "kind names unique");
	}
	CHECK_INT(ECO_YOY_DECIMALS, 1, "changes reported with 1 decimal (air.md 3.8)");

	/* published figures: decimals of air.md 3.8, valid change kinds */
	{
		int			bad_kind = 0;

		for (int i = 0; i < eco_n_report_indicators; i++)
			bad_kind += eco_change_kind_lookup(eco_report_indicators[i].change_kind) == NULL;
		CHECK_INT(bad_kind, 0, "every indicator has a known change kind");
		for (int i = 0; i < eco_n_report_indicators; i++)
		{
			const eco_report_indicator *r = &eco_report_indicators[i];
			int			want = -1;

			if (strcmp(r->code, "SO2") == 0 || strcmp(r->code, "NO2") == 0 || strcmp(r->code, "O3") == 0)
				want = 0;
			else if (strcmp(r->code, "CO") == 0 || strcmp(r->code, "good_days_ratio") == 0 ||
					 strcmp(r->code, "PM2.5") == 0 || strcmp(r->code, "PM10") == 0)
				want = 1;
			else if (strcmp(r->code, "composite_index") == 0)
				want = 2;
			CHECK_INT(r->decimals, want, r->code);
		}
		CHECK_STR(eco_report_indicators[6].change_kind, "pp_higher_better", "good-days ratio changes in points");
	}

	/* scaled integers back to decimals */
	{
		char		b[16];

		CHECK_INT(eco_decimal_text("-136", 1, b, sizeof b), 4, "length of 13.6");
		CHECK_STR(b, "13.6", "-136 at 1 decimal");
		eco_decimal_text("5", 2, b, sizeof b);
		CHECK_STR(b, "0.05", "5 at 2 decimals");
		eco_decimal_text("0", 1, b, sizeof b);
		CHECK_STR(b, "0.0", "0 at 1 decimal");
		eco_decimal_text("40", 0, b, sizeof b);
		CHECK_STR(b, "40", "40 at 0 decimals");
		eco_decimal_text("+1000", 4, b, sizeof b);
		CHECK_STR(b, "0.1000", "1000 at 4 decimals");
		eco_decimal_text("200000", 1, b, sizeof b);
		CHECK_STR(b, "20000.0", "200000 at 1 decimal");
		CHECK_INT(eco_decimal_text("12.5", 1, b, sizeof b), -1, "not an integer");
		CHECK_INT(eco_decimal_text("-", 1, b, sizeof b), -1, "no digits");
		CHECK_INT(eco_decimal_text("123456", 1, b, 7), -1, "buffer too small");
		CHECK_INT(eco_decimal_text("123456", 1, b, 8), 7, "buffer just large enough");
	}

	/* same day last year */
	CHECK_INT(shifted(2024, 2, 29), 20230228, "29 Feb 2024 -> 28 Feb 2023");
	CHECK_INT(shifted(2024, 2, 28), 20230228, "28 Feb 2024 -> 28 Feb 2023");
	CHECK_INT(shifted(2024, 3, 1), 20230301, "1 Mar 2024 -> 1 Mar 2023");
	CHECK_INT(shifted(2021, 2, 28), 20200228, "28 Feb 2021 -> 28 Feb 2020 (leap target)");
	CHECK_INT(shifted(2001, 2, 28), 20000228, "2000 is leap, no change needed");
	CHECK_INT(shifted(2023, 12, 31), 20221231, "31 Dec");
	CHECK_INT(shifted(2023, 1, 1), 20220101, "1 Jan");
	CHECK_INT(shifted(2023, 2, 29), -1, "29 Feb 2023 is invalid");
	CHECK_INT(shifted(2100, 2, 29), -1, "29 Feb 2100 is invalid (not leap)");
	CHECK_INT(shifted(2000, 2, 29), 19990228, "29 Feb 2000 (leap by 400)");
	CHECK_INT(shifted(2023, 13, 1), -1, "month 13 invalid");
	CHECK_INT(shifted(2023, 4, 31), -1, "31 April invalid");

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
