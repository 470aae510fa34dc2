/*
 * calendar.c — the proleptic Gregorian calendar (see calendar.h).
 */
#include "calendar.h"

#define MONTHS_PER_YEAR 12
#define FEBRUARY 2
#define LEAP_DAY 29				/* 29 February */

/* Days before month m (index m - 1) in a common year. */
static const short cum_days[MONTHS_PER_YEAR + 1] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

int
eco_cal_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
eco_cal_days_in_month(int year, int month)
{
	if (month < 1 || month > MONTHS_PER_YEAR)
		return 0;
	return cum_days[month] - cum_days[month - 1] + (month == FEBRUARY && eco_cal_is_leap(year));
}

int
eco_cal_valid_date(int year, int month, int day)
{
	return day >= 1 && day <= eco_cal_days_in_month(year, month);
}

int
eco_cal_day_of_year(int year, int month, int day)
{
	return cum_days[month - 1] + (month > FEBRUARY && eco_cal_is_leap(year)) + day - 1;
}

int
eco_cal_month_of_doy(int year, int doy)
{
	int			leap = eco_cal_is_leap(year);

	for (int m = MONTHS_PER_YEAR - 1; m > 0; m--)
		if (doy >= cum_days[m] + (m >= FEBRUARY && leap))
			return m;
	return 0;
}

void
eco_cal_hour_ending_split(int64_t hours, int64_t *day, int *hour)
{
	/* floor division: the hour of the day 0..23, then 0 (midnight) ends hour 24 of the day before */
	int64_t		d = hours / 24,
				h = hours % 24;

	if (h < 0)
	{
		h += 24;
		d--;
	}
	if (h == 0)
	{
		h = 24;
		d--;
	}
	*day = d;
	*hour = (int) h;
}

int
eco_same_day_last_year(int *y, int *m, int *d)
{
	if (!eco_cal_valid_date(*y, *m, *d))
		return -1;
	*y -= 1;
	if (*m == FEBRUARY && *d == LEAP_DAY && !eco_cal_is_leap(*y))
		*d = LEAP_DAY - 1;
	return 0;
}
