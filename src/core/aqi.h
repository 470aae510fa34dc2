/*
 * aqi.h — air quality index: HJ 633-2012, HJ 633-2026 and US EPA (May 2024).
 * Pure C99 + libm: no PostgreSQL header.
 *
 * Exactness.  A concentration arrives as a double.  The standards compute on
 * the decimal value as written, so the core first recovers that decimal
 * (exact_decimal.h: c6 = floor(value * 10^6) plus a sticky flag).  Input
 * rounding (GB/T 8170, EPA truncation), band selection and the interpolation
 * with its ceiling are then done in 64-bit integers.
 */
#ifndef ECO_AQI_H
#define ECO_AQI_H

#include <stdint.h>

#include "exact_decimal.h"

typedef enum aqi_edition
{
	AQI_HJ2012 = 0,
	AQI_HJ2026 = 1,
	AQI_EPA2024 = 2,
	AQI_N_EDITIONS = 3
} aqi_edition;

/* Substances with an IAQI. */
typedef enum aqi_item
{
	AQI_SO2 = 0,
	AQI_NO2,
	AQI_CO,
	AQI_O3,
	AQI_PM10,
	AQI_PM25,
	AQI_N_ITEMS
} aqi_item;

typedef enum aqi_period
{
	AQI_P1H = 0,
	AQI_P8H,
	AQI_P24H,
	AQI_N_PERIODS
} aqi_period;

/* Indicators of a report (the fields of eco.aqi_result), in output order. */
typedef enum aqi_indicator
{
	AQI_IND_SO2 = 0,
	AQI_IND_NO2,
	AQI_IND_CO,
	AQI_IND_PM10,
	AQI_IND_PM25,
	AQI_IND_O3_8H,
	AQI_IND_O3_1H,
	AQI_N_IND
} aqi_indicator;

/* Special results of aqi_iaqi (all negative). */
#define AQI_NA			(-1)	/* the standard computes no IAQI from this value */
#define AQI_OVERFLOW	(-2)	/* EPA extrapolation beyond the integer range */

/* The core's exact decimal (exact_decimal.h) under the name the AQI code uses. */
typedef eco_decimal aqi_dec;

/* One breakpoint row: [bp_lo, bp_hi] (scaled 10^6) maps to [i_lo, i_hi]. */
typedef struct aqi_band
{
	int64_t		bp_lo;
	int64_t		bp_hi;
	int			i_lo;
	int			i_hi;
} aqi_band;

/*
 * Breakpoint table of one (edition, item, period).  HJ 633 bands are
 * continuous (bp_lo of a band = bp_hi of the band below); EPA bands are
 * disjoint on the truncation grid.
 */
typedef struct aqi_table
{
	aqi_edition edition;
	aqi_item	item;
	aqi_period	period;
	const char *unit;			/* µg/m³, mg/m³, ppm, ppb */
	int			decimals;		/* HJ633-2026: GB/T 8170 places; EPA: truncation places; 2012: -1 */
	int			n_bands;
	aqi_band	band[8];
	const char *note;			/* footnote (special rule), or NULL */
} aqi_table;

/* All tables (built on first use from the typed columns in aqi.c). */
int			aqi_n_tables(void);
const aqi_table *aqi_table_at(int i);

/* The table of an (edition, item, period), or NULL when the standard has none. */
const aqi_table *aqi_table_find(aqi_edition ed, aqi_item item, aqi_period period);

/* Parse 'SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5' (the eco.pollutant codes); -1 when none. */
int			aqi_item_from_code(const char *code);
const char *aqi_item_code(aqi_item item);

/* Parse '1h', '8h', '24h' (also '1-h', '1 h', '24H'); -1 when unknown. */
int			aqi_period_parse(const char *text, int len);
const char *aqi_period_name(aqi_period p);

/* Indicator code: 'SO2', 'NO2', 'CO', 'PM10', 'PM2.5', 'O3_8H', 'O3_1H'. */
const char *aqi_indicator_code(aqi_indicator ind);

/*
 * IAQI of a finite, non-negative concentration on table t, per the rules of
 * t's edition: HJ 633 — 2026 input rounding, continuous bands, ceiling, 500
 * above the top breakpoint, the SO2 1-h and O3 8-h footnotes (2012: AQI_NA,
 * the caller substitutes; 2026: 200 / 300); EPA — truncation, nearest
 * integer (half up), extrapolation above 500, AQI_NA where the TAD gives the
 * value no index (O3 1-h below 0.125 ppm, O3 8-h above 0.200 ppm, SO2 24-h
 * below 305 ppb), 200 for SO2 1-h of 305 ppb or more.
 */
int			aqi_iaqi(const aqi_table *t, double v);

/* IAQI on the decimal as it stands (after any input step), for the tests. */
int			aqi_iaqi_dec(const aqi_table *t, aqi_dec d);

/* ---------- reports ---------- */

typedef struct aqi_result
{
	int			aqi;			/* AQI_NA when not published */
	int			level;			/* 1..6, 0 when aqi is NA */
	unsigned	primary;		/* bit per aqi_indicator */
	int			iaqi[AQI_N_IND];	/* AQI_NA when missing or not an indicator */
} aqi_result;

/*
 * Daily report.  c[] and present[] are indexed by aqi_indicator; for the
 * daily report CO/SO2/NO2/PM are 24-h means, O3_8H the daily maximum 8-h
 * moving average, O3_1H the daily maximum 1-h mean (an indicator in 2012
 * only).  Concentrations are finite and non-negative.  HJ 633 editions only
 * (another edition gives an all-NA result).
 */
void		aqi_daily(aqi_edition ed, const double c[AQI_N_IND], const unsigned char present[AQI_N_IND],
					  aqi_result *r);

/* Inputs of the real-time (hourly) report. */
typedef enum aqi_hourly_arg
{
	AQI_H_SO2 = 0,
	AQI_H_NO2,
	AQI_H_CO,
	AQI_H_O3,
	AQI_H_PM10,
	AQI_H_PM25,
	AQI_H_O3_8H,
	AQI_H_PM10_24H,
	AQI_H_PM25_24H,
	AQI_H_SO2_24H,
	AQI_N_HOURLY_ARGS
} aqi_hourly_arg;

/*
 * Real-time report.  2012: SO2, NO2, CO, O3 1-h, O3 8-h moving, PM10 and
 * PM2.5 24-h moving averages (the 1-h PM values get no IAQI); SO2 1-h above
 * 800 takes the IAQI of so2_24h.  2026: the six 1-h means, PM on the daily
 * breakpoints; the other inputs are ignored.
 */
void		aqi_hourly(aqi_edition ed, const double c[AQI_N_HOURLY_ARGS],
					   const unsigned char present[AQI_N_HOURLY_ARGS], aqi_result *r);

/*
 * Real-time report as the national network publishes it (both editions):
 * the six 1-h means, PM10 and PM2.5 1-h values on the 24-h breakpoints, no
 * O3 8-h indicator (HJ 633-2026 §4.2.3 writes this down; the network
 * published the same under HJ 633-2012).  SO2 1-h above 800: 2012 the IAQI
 * of so2_24h (footnote 2), 2026 200.  A missing pollutant withholds an AQI
 * of 100 or less (HJ 633-2026 §5.3.1, the network's practice before 2026
 * too).  The inputs o3_8h, pm10_24h and pm25_24h are ignored.
 */
void		aqi_hourly_published(aqi_edition ed, const double c[AQI_N_HOURLY_ARGS],
								 const unsigned char present[AQI_N_HOURLY_ARGS], aqi_result *r);

/* Conventions of the real-time report (eco.hourly_aqi's convention argument). */
typedef enum aqi_convention
{
	AQI_CONV_PUBLISHED = 0,		/* 'published' */
	AQI_CONV_TEXT = 1			/* 'text': HJ 633-2012 as written (moving averages) */
} aqi_convention;

/* Parse 'published' / 'text' (case-insensitive); -1 when unknown. */
int			aqi_convention_parse(const char *text, int len);

/*
 * AQI, level and primary pollutants from the indicators' IAQIs.  used[] marks
 * the indicators of the report; a used indicator with iaqi AQI_NA is missing.
 * 2012: computed from the indicators present.  2026 §5.3.1: with a missing
 * indicator, published only when it exceeds 100.  No indicator: NA.
 */
void		aqi_combine(aqi_edition ed, const unsigned char used[AQI_N_IND], aqi_result *r);

/* ---------- US EPA AQI ---------- */

/* Inputs of eco.epa_aqi, in argument order; also the order of its index fields. */
typedef enum aqi_epa_arg
{
	AQI_E_O3_8H = 0,			/* ppm */
	AQI_E_O3_1H,				/* ppm */
	AQI_E_PM25,					/* µg/m³, 24-h */
	AQI_E_PM10,					/* µg/m³, 24-h */
	AQI_E_CO,					/* ppm, 8-h */
	AQI_E_SO2,					/* ppb, 1-h */
	AQI_E_NO2,					/* ppb, 1-h */
	AQI_E_SO2_24H,				/* ppb, 24-h */
	AQI_N_EPA_ARGS
} aqi_epa_arg;

/* Pollutants of the EPA report (main-pollutant bits). */
typedef enum aqi_epa_pollutant
{
	AQI_EP_O3 = 0,
	AQI_EP_PM25,
	AQI_EP_PM10,
	AQI_EP_CO,
	AQI_EP_SO2,
	AQI_EP_NO2,
	AQI_N_EP
} aqi_epa_pollutant;

const char *aqi_epa_pollutant_code(aqi_epa_pollutant p);

typedef struct aqi_epa_result
{
	int			aqi;			/* AQI_NA when nothing present; AQI_OVERFLOW */
	int			level;			/* 1..6, 0 when NA */
	unsigned	main;			/* bit per aqi_epa_pollutant: all at the maximum */
	int			index[AQI_N_EPA_ARGS - 1];	/* o3_8h, o3_1h, pm25, pm10, co, so2 (1-h and 24-h combined), no2 */
	int			overflow_arg;	/* first argument whose index overflows, or -1 */
} aqi_epa_result;

/*
 * US EPA AQI (a negative concentration counts as 0, as the EPA's daily
 * files publish instrument noise near zero): the index of each pollutant (O3: higher of 8-h and 1-h; SO2:
 * the 1-h index, or from 305 ppb the 24-h index, at least 200), the AQI as
 * their maximum, the main pollutants all tied at it.
 */
void		aqi_epa(const double c[AQI_N_EPA_ARGS], const unsigned char present[AQI_N_EPA_ARGS], aqi_epa_result *r);

/* ---------- levels ---------- */

typedef struct aqi_level_info
{
	aqi_edition edition;
	int			level;			/* 1..6 */
	int			aqi_lo;
	int			aqi_hi;			/* -1: open */
	const char *level_zh;		/* 一级 ... */
	const char *category_zh;
	const char *category_en;
	const char *color_zh;
	const char *color;			/* #RRGGBB */
	const char *health_effect;
	const char *advice;
} aqi_level_info;

extern const aqi_level_info aqi_levels[];
extern const int aqi_n_levels;

/* Level 1..6 of an AQI (>= 0). */
int			aqi_level_of(int aqi);

/* Level row of an edition for an AQI (>= 0). */
const aqi_level_info *aqi_level_find(aqi_edition ed, int aqi);

/* HJ 633-2026 Table 2: sensitive groups for a pollutant with IAQI above 100. */
typedef struct aqi_sensitive_group
{
	aqi_item	item;
	const char *groups;
} aqi_sensitive_group;

extern const aqi_sensitive_group aqi_sensitive_groups[];
extern const int aqi_n_sensitive_groups;

/* ---------- EPA NowCast ---------- */

/*
 * NowCast of hourly PM values, most recent first (n values; missing[i] marks
 * a missing hour).  Uses the 12 most recent hours; needs 2 of the 3 most
 * recent hours valid.  Returns 0 when no value can be computed, 1 otherwise.
 */
int			aqi_nowcast(const double *v, const unsigned char *missing, int n, double *out);

#endif
