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
#include "standards.h"

/* The rules of one edition (struct aqi_rules, below): the code reads them, never an edition id. */
typedef struct aqi_rules aqi_rules;

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
 * A footnote of a breakpoint table: what a concentration above the table's
 * top breakpoint gets.  FIXED: that IAQI (HJ 633-2026 Table 3 footnotes b, c;
 * EPA SO2 1-h from 305 ppb: 200).  COMPANION: no IAQI; the pollutant's index
 * comes from a companion (HJ 633-2012 Table 1 footnotes (2), (3)).  NA: no
 * index from this table (EPA O3 8-h above 0.200 ppm).
 */
typedef enum aqi_footnote_rule
{
	AQI_FN_FIXED = 0,
	AQI_FN_COMPANION,
	AQI_FN_NA
} aqi_footnote_rule;

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

typedef struct aqi_footnote
{
	aqi_item	item;			/* the table it belongs to */
	aqi_period	period;
	aqi_footnote_rule rule;
	int			iaqi;			/* FIXED: the IAQI */
	int			companion_period;	/* COMPANION: the item's table whose IAQI a companion value gets (-1: none) */
	int			companion_ind;	/* COMPANION: the indicator that reports the pollutant instead (-1: none) */
} aqi_footnote;

/*
 * Breakpoint table of one (edition, item, period), built from the edition's
 * typed columns.  HJ 633 bands are continuous (bp_lo of a band = bp_hi of
 * the band below); EPA bands are disjoint on the truncation grid.
 */
typedef struct aqi_table
{
	const aqi_rules *edition;
	aqi_item	item;
	aqi_period	period;
	const char *unit;			/* µg/m³, mg/m³, ppm, ppb */
	int			decimals;		/* input places (edition's input rule), -1: as written */
	int			n_bands;
	aqi_band	band[8];
	const char *note;			/* footnote (special rule), or NULL */
	const aqi_footnote *footnote;	/* rule above the top breakpoint, or NULL */
	/*
	 * Speed only (same results): where the edition has an input step, the
	 * IAQI of every step count 0 .. step_n - 1 (the value after the input
	 * step, in units of 10^-decimals), computed once by aqi_iaqi_dec when
	 * the tables are built.  aqi_iaqi reads it when the double decides the
	 * step without the exact decimal (see aqi.c); NULL: no such table.
	 */
	const int16_t *step_iaqi;
	int			step_n;
	int			step_round;		/* 1: GB/T 8170 rounding, 0: truncation */
	double		step_scale;		/* 10^decimals */
	double		step_vmax;		/* step_n / step_scale: larger values take the exact path */
	/*
	 * Speed only (same results): where the value is used as written with the
	 * ceiling on integer breakpoints (HJ 633-2012), the bands as doubles, for
	 * values the double decides (see aqi.c); ceil_top 0: none.
	 */
	double		ceil_top;		/* the top breakpoint */
	double		ceil_hi[8];		/* bp_hi of each band */
	double		ceil_lo[8];		/* bp_lo of each band */
	double		ceil_slope[8];	/* (i_hi - i_lo) / (bp_hi - bp_lo) */
} aqi_table;

/* Tables of an edition (built on first use from the edition's typed columns). */
int			aqi_n_tables(const aqi_rules *ed);
const aqi_table *aqi_table_at(const aqi_rules *ed, int i);

/*
 * The table of an (edition, item, period), or NULL when the standard has none
 * (or when more than 16 distinct records were passed in one process: the
 * built tables are kept per record address).
 */
const aqi_table *aqi_table_find(const aqi_rules *ed, aqi_item item, aqi_period period);

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
void		aqi_daily(const aqi_rules *ed, const double c[AQI_N_IND], const unsigned char present[AQI_N_IND],
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
void		aqi_hourly(const aqi_rules *ed, const double c[AQI_N_HOURLY_ARGS],
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
void		aqi_hourly_published(const aqi_rules *ed, const double c[AQI_N_HOURLY_ARGS],
								 const unsigned char present[AQI_N_HOURLY_ARGS], aqi_result *r);

/* Conventions of the real-time report (eco.hourly_aqi's convention argument). */
typedef enum aqi_convention
{
	AQI_CONV_PUBLISHED = 0,		/* 'published' */
	AQI_CONV_TEXT = 1			/* 'text': HJ 633-2012 as written (moving averages) */
} aqi_convention;

/* Parse 'published' / 'text' (case-insensitive); -1 when unknown. */
int			aqi_convention_parse(const char *text, int len);

/* What a report does when a used indicator is missing. */
typedef enum aqi_missing_rule
{
	AQI_MISSING_FROM_PRESENT = 0,	/* HJ 633-2012: the AQI of the indicators present */
	AQI_MISSING_WITHHOLD_LE_100		/* HJ 633-2026 §5.3.1: published only above 100 */
} aqi_missing_rule;

/*
 * AQI, level and primary pollutants from the indicators' IAQIs.  used[] marks
 * the indicators of the report; a used indicator with iaqi AQI_NA is missing
 * and handled by rule.  No indicator: NA.
 */
void		aqi_combine(aqi_missing_rule rule, const unsigned char used[AQI_N_IND], aqi_result *r);

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
void		aqi_epa(const aqi_rules *ed, const double c[AQI_N_EPA_ARGS], const unsigned char present[AQI_N_EPA_ARGS], aqi_epa_result *r);

/* ---------- levels ---------- */

typedef struct aqi_level_info
{
	short		standard;		/* eco_std_id of the edition */
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
const aqi_level_info *aqi_level_find(const aqi_rules *ed, int aqi);

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

/* ---------- editions as records ---------- */

/* Input step before the IAQI (per item, to input_decimals places). */
typedef enum aqi_input_rule
{
	AQI_INPUT_AS_WRITTEN = 0,	/* HJ 633-2012: silent; the value as written */
	AQI_INPUT_GBT8170,			/* HJ 633-2026 §4.2.2-4.2.3: GB/T 8170 rounding */
	AQI_INPUT_TRUNCATE			/* US EPA TAD §8.1: truncation */
} aqi_input_rule;

/* Interpolation between breakpoints. */
typedef enum aqi_interp
{
	AQI_INTERP_CEIL = 0,		/* continuous bands, ceiling (HJ 633-2012 §6.2, HJ 633-2026 §4.2.6) */
	AQI_INTERP_NEAREST			/* disjoint bands, nearest integer half up, extrapolation (US EPA TAD) */
} aqi_interp;

/* Kind of report an edition defines. */
typedef enum aqi_report_kind
{
	AQI_REPORT_HJ633 = 0,		/* daily and real-time reports (eco.aqi_daily, eco.aqi_hourly) */
	AQI_REPORT_EPA				/* the US EPA AQI (eco.aqi_epa) */
} aqi_report_kind;

/*
 * Where an indicator's IAQI comes from: the input c[arg] on the table
 * (item, period); companion_arg (-1: none) is the input whose IAQI on the
 * footnote's companion table stands in when a COMPANION footnote applies.
 */
typedef struct aqi_source
{
	unsigned char used;			/* an indicator of this report */
	signed char arg;			/* index of the input (aqi_indicator or aqi_hourly_arg) */
	signed char item;			/* aqi_item */
	signed char period;			/* aqi_period */
	signed char companion_arg;
} aqi_source;

/* Typed breakpoint columns (aqi.c). */
typedef struct aqi_column aqi_column;

/* A table of an edition: a typed column, on the column's period or another (1-h PM on the daily breakpoints). */
typedef struct aqi_column_use
{
	const aqi_column *column;
	int			period;			/* -1: the column's own */
} aqi_column_use;

/*
 * One edition of an AQI standard, keyed by its eco_std_id.  Every rule that
 * differs between editions is a field here; the code reads the fields.
 * Adding an edition = one record like these (aqi.c), its line in
 * aqi_editions[], its test, its docs.
 */
struct aqi_rules
{
	int			id;				/* eco_std_id */
	aqi_report_kind report;
	/* concentrations */
	aqi_input_rule input;
	signed char input_decimals[AQI_N_ITEMS];	/* places kept by the input step, per item */
	int			negative_as_zero;	/* a negative reading counts as 0 (EPA daily files), else an error */
	/* breakpoint tables */
	const aqi_column_use *tables;
	int			n_tables;
	aqi_interp	interp;
	int			top_cap;		/* IAQI above the top breakpoint without a footnote; -1: extrapolate */
	const aqi_footnote *footnotes;
	int			n_footnotes;
	/* reports (AQI_REPORT_HJ633) */
	aqi_source	daily[AQI_N_IND];	/* inputs indexed by aqi_indicator */
	aqi_missing_rule daily_missing;
	aqi_source	realtime[AQI_N_IND];	/* convention 'text': inputs indexed by aqi_hourly_arg */
	aqi_missing_rule realtime_missing;
	aqi_source	published[AQI_N_IND];	/* convention 'published' */
	aqi_missing_rule published_missing;
	/* texts */
	const aqi_level_info *levels;	/* 6 rows, level 1..6 */
	const aqi_sensitive_group *sensitive_groups;
	int			n_sensitive_groups;
};

extern const aqi_rules aqi_hj633_2012;
extern const aqi_rules aqi_hj633_2026;
extern const aqi_rules aqi_epa_2024;

/* The editions eco_monitor ships, in view order. */
extern const aqi_rules *const aqi_editions[];
extern const int aqi_n_editions;

/* The record of an eco_std_id; NULL when the standard is not an AQI edition. */
const aqi_rules *aqi_rules_find(int std_id);

#endif
