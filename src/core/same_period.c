/*
 * same_period.c — the same day of the previous year (see same_period.h).  Pure C99: no PostgreSQL header.
 */
#include "same_period.h"

#define MONTHS_PER_YEAR 12
#define FEBRUARY 2
#define LEAP_DAY 29				/* 29 February */

/* Gregorian leap year: every 4th year, except centuries not divisible by 400. */
static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
eco_same_day_last_year(int *y, int *m, int *d)
{
	/* days of each month in a common year */
	static const int mdays[MONTHS_PER_YEAR] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (*m < 1 || *m > MONTHS_PER_YEAR || *d < 1 ||
		*d > mdays[*m - 1] + ((*m == FEBRUARY && is_leap(*y)) ? 1 : 0))
		return -1;
	*y -= 1;
	if (*m == FEBRUARY && *d == LEAP_DAY && !is_leap(*y))
		*d = LEAP_DAY - 1;
	return 0;
}
