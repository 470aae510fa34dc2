/*
 * report_indicators.h — the registry of the air summary's figures (view eco.report_indicators): code, name in
 * the bulletins, unit, published decimals and the kind of their year-on-year change.  Pure C: no PostgreSQL
 * header.
 *
 * Published decimals: SO2, NO2, O3 integers; CO 1 decimal; ratios 1 decimal; composite index 2 decimals;
 * PM2.5 and PM10 1 decimal, as in the bulletins from 2025.
 */
#ifndef ECO_REPORT_INDICATORS_H
#define ECO_REPORT_INDICATORS_H

typedef struct eco_report_indicator
{
	const char *code;			/* 'PM2.5', 'good_days_ratio', ... */
	const char *name_zh;		/* PM2.5平均浓度 */
	const char *unit;
	int			decimals;		/* GB/T 8170 rounding places of the published value */
	const char *change_kind;	/* kind of eco.change_phrase (change_wording.h) */
	const char *statistic;		/* how the city value is formed */
} eco_report_indicator;

extern const eco_report_indicator eco_report_indicators[];
extern const int eco_n_report_indicators;

#endif
