/*
 * averaging_period.h — the averaging periods of GB 3095 and HJ 633 and the one parser of their names, used by
 * eco.limit_value, the air statistics and eco.iaqi.  Pure C99: no PostgreSQL header.
 */
#ifndef ECO_AVERAGING_PERIOD_H
#define ECO_AVERAGING_PERIOD_H

#include <stddef.h>

/* Averaging periods of GB 3095 Tables 1 and 2 (the first three are also HJ 633's IAQI periods). */
typedef enum eco_air_period
{
	ECO_AP_1H = 0,				/* 1小时平均 */
	ECO_AP_8H = 1,				/* 日最大8小时平均 (O3) */
	ECO_AP_24H = 2,				/* 24小时平均 / 日平均 */
	ECO_AP_YEAR = 3,			/* 年平均 */
	ECO_AP_QUARTER = 4			/* 季平均 (Pb) */
} eco_air_period;

#define ECO_AP_COUNT 5

/*
 * The period named by len bytes of text (not NUL-terminated), -1 when unknown.  Spaces, '-' and '_' are
 * ignored and ASCII letters fold to lower case, so '1h', '1 h', '1-h', '1H', '24 h' and '8-H' are accepted;
 * the names are "1h", "8h", "24h", "year", "quarter" and the words "hour", "mda8", "day", "annual".
 */
int			eco_period_parse(const char *text, size_t len);

/* The same for a NUL-terminated text (NULL: -1). */
int			eco_air_period_parse(const char *text);

/* Canonical name ("1h", "8h", "24h", "year", "quarter"; "?" when out of range). */
const char *eco_air_period_name(eco_air_period p);

#endif
