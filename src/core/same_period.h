/*
 * same_period.h — the same period of the previous year (同期) on the proleptic Gregorian calendar: the same
 * calendar day one year earlier, 29 February mapping to 28 February.  Pure C: no PostgreSQL header.
 */
#ifndef ECO_SAME_PERIOD_H
#define ECO_SAME_PERIOD_H

/*
 * Same calendar day one year earlier; 29 February maps to 28 February.
 * Returns 0 on success, -1 for an invalid date.
 */
int			eco_same_day_last_year(int *y, int *m, int *d);

#endif
