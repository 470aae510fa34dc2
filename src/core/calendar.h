/*
 * calendar.h — the proleptic Gregorian calendar of the whole core: leap years, days in a month, date validity,
 * day of the year, and the same period of the previous year (同期).  Every date rule of the project is here
 * (air statistics, network files, HJ 212 data times, year-on-year figures).  Pure C99: no PostgreSQL header.
 */
#ifndef ECO_CALENDAR_H
#define ECO_CALENDAR_H

#include <stdint.h>

/* Gregorian leap year: every 4th year, except centuries not divisible by 400. */
int			eco_cal_is_leap(int year);

/* Days in month 1..12 of year; 0 for a month outside 1..12. */
int			eco_cal_days_in_month(int year, int month);

/* 1 when (year, month 1..12, day 1..days in month) is a date, else 0. */
int			eco_cal_valid_date(int year, int month, int day);

/* Day of the year 0..365 of a valid date. */
int			eco_cal_day_of_year(int year, int month, int day);

/* Month 0..11 of day of the year 0..365. */
int			eco_cal_month_of_doy(int year, int doy);

/*
 * Hour-ending labels (HJ 663: a reading is labelled with the end of its hour, and hour 24 of a day ends at the next
 * midnight).  hours: a label as whole hours since some midnight (negative before it); sets *day to the report day as
 * days since that midnight and *hour to 1..24.
 */
void		eco_cal_hour_ending_split(int64_t hours, int64_t *day, int *hour);

/*
 * Same period of the previous year (同期): the same calendar day one year earlier, 29 February mapping to
 * 28 February.  Returns 0 on success, -1 for an invalid date (left unchanged).
 */
int			eco_same_day_last_year(int *y, int *m, int *d);

#endif
