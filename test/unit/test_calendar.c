/* Unit tests of the calendar: leap years, days in a month, day of the year, same day last year. */
#include "unit.h"
#include "calendar.h"

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
	unit_file = "calendar";

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

	/* leap years, days in month, validity */
	CHECK_INT(eco_cal_is_leap(2024), 1, "2024 leap");
	CHECK_INT(eco_cal_is_leap(2100), 0, "2100 not leap");
	CHECK_INT(eco_cal_is_leap(2000), 1, "2000 leap");
	CHECK_INT(eco_cal_is_leap(2026), 0, "2026 not leap");
	CHECK_INT(eco_cal_days_in_month(2024, 2), 29, "Feb 2024");
	CHECK_INT(eco_cal_days_in_month(2026, 2), 28, "Feb 2026");
	CHECK_INT(eco_cal_days_in_month(2026, 4), 30, "April");
	CHECK_INT(eco_cal_days_in_month(2026, 12), 31, "December");
	CHECK_INT(eco_cal_days_in_month(2026, 0), 0, "month 0");
	CHECK_INT(eco_cal_days_in_month(2026, 13), 0, "month 13");
	CHECK_INT(eco_cal_valid_date(2026, 2, 29), 0, "29 Feb 2026 invalid");
	CHECK_INT(eco_cal_valid_date(2028, 2, 29), 1, "29 Feb 2028 valid");
	CHECK_INT(eco_cal_valid_date(2026, 6, 0), 0, "day 0 invalid");

	/* day of the year and back, every day of a leap and a common year */
	CHECK_INT(eco_cal_day_of_year(2026, 1, 1), 0, "1 Jan is day 0");
	CHECK_INT(eco_cal_day_of_year(2026, 12, 31), 364, "31 Dec 2026 is day 364");
	CHECK_INT(eco_cal_day_of_year(2024, 12, 31), 365, "31 Dec 2024 is day 365");
	CHECK_INT(eco_cal_day_of_year(2024, 3, 1), 60, "1 Mar 2024 is day 60");
	CHECK_INT(eco_cal_day_of_year(2026, 3, 1), 59, "1 Mar 2026 is day 59");
	CHECK_INT(eco_cal_day_of_year(2024, 3, 1), 60, "leap year 1 March is day 61");
	CHECK_INT(eco_cal_day_of_year(2023, 12, 31), 364, "31 December of 2023");
	CHECK_INT(eco_cal_month_of_doy(2024, 59), 1, "29 Feb 2024 is February");
	CHECK_INT(eco_cal_month_of_doy(2023, 59), 2, "day 60 of 2023 is March");
	CHECK_INT(eco_cal_month_of_doy(2024, 365), 11, "31 Dec 2024");
	CHECK_INT(eco_cal_month_of_doy(2023, 0), 0, "1 January");
	for (int y = 2023; y <= 2024; y++)
	{
		int			doy = 0,
					bad = 0;

		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= eco_cal_days_in_month(y, m); d++, doy++)
				if (eco_cal_day_of_year(y, m, d) != doy || eco_cal_month_of_doy(y, doy) != m - 1)
					bad++;
		CHECK_INT(bad, 0, "day of year and month of day of year agree on every day");
		CHECK_INT(doy, 365 + eco_cal_is_leap(y), "days in the year");
	}

	/* hour-ending labels: 01:00 ends hour 1, midnight ends hour 24 of the day before */
	{
		int64_t		day;
		int			hour;

		eco_cal_hour_ending_split(1, &day, &hour);
		CHECK(day == 0 && hour == 1, "01:00 of day 0: day 0 hour 1");
		eco_cal_hour_ending_split(24, &day, &hour);
		CHECK(day == 0 && hour == 24, "midnight ending day 0: day 0 hour 24");
		eco_cal_hour_ending_split(0, &day, &hour);
		CHECK(day == -1 && hour == 24, "midnight of day 0: hour 24 of day -1");
		eco_cal_hour_ending_split(-1, &day, &hour);
		CHECK(day == -1 && hour == 23, "23:00 of day -1: hour 23");
		eco_cal_hour_ending_split(-24, &day, &hour);
		CHECK(day == -2 && hour == 24, "midnight of day -1: hour 24 of day -2");
		eco_cal_hour_ending_split(48 + 13, &day, &hour);
		CHECK(day == 2 && hour == 13, "13:00 of day 2");
	}

	return unit_done();
}
