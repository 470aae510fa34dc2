/* Unit tests of the year-on-year wording: change kinds, phrases, decimal text of a rounded change. */
#include "unit.h"
#include "change_wording.h"

static const char *
phrase(const char *kind, int sign, const char *mag)
{
	static char buf[128];
	const eco_change_kind *k = eco_change_kind_lookup(kind);

	if (k == NULL || eco_change_phrase(k, sign, mag, buf, sizeof buf) < 0)
		return "(error)";
	return buf;
}

int
main(void)
{
	unit_file = "change_wording";

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
	CHECK_INT(ECO_YOY_DECIMALS, 1, "changes published with 1 decimal");

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

	return unit_done();
}
