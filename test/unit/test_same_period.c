/* Unit tests of the same day last year (29 February -> 28 February). */
#include "unit.h"
#include "same_period.h"

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
	unit_file = "same_period";

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

	return unit_done();
}
