/*
 * pollutant.h — the registry of monitored items (eco.pollutant) and unit
 * conversion to the units the standards use.  Pure C: no PostgreSQL header.
 *
 * An item is a substance in one medium (air, water, soil).  Its id is
 * stable: it is what eco.pollutant stores on disk and sends on the wire, so
 * ids are never reused or renumbered; new items get new ids.
 */
#ifndef ECO_POLLUTANT_H
#define ECO_POLLUTANT_H
#include <stddef.h>

typedef enum eco_medium
{
	ECO_AIR = 0,
	ECO_WATER = 1,
	ECO_SOIL = 2
} eco_medium;

typedef enum eco_unit
{
	ECO_U_UGM3,					/* µg/m³, air */
	ECO_U_MGM3,					/* mg/m³: CO in air; chlorophyll a in water (= µg/L) */
	ECO_U_MGL,					/* mg/L */
	ECO_U_COUNT_L,				/* 个/L */
	ECO_U_MGKG,					/* mg/kg dry weight */
	ECO_U_PH,					/* dimensionless */
	ECO_U_DEGC,					/* ℃ */
	ECO_U_M						/* metre (Secchi depth) */
} eco_unit;

typedef struct eco_pollutant
{
	short		id;				/* stable on-disk id */
	const char *code;			/* canonical code; items of one substance share it */
	eco_medium	medium;
	eco_unit	unit;
	const char *name_zh;
	const char *name_en;
	double		molar_mass;		/* g/mol for gases reported at the reference state, else 0 */
	const char *hj212;			/* HJ 212-2017 code or NULL */
	const char *cas;			/* CAS number or NULL */
	const char *aliases;		/* further accepted names, '|' separated, or NULL */
} eco_pollutant;

/* GB 3095 reference state (2018 amendment): 298.15 K, 1013.25 hPa. */
#define ECO_MOLAR_VOLUME_L 24.465

extern const eco_pollutant eco_pollutants[];
extern const int eco_n_pollutants;

/* Look-up by stable id; NULL when unknown. */
const eco_pollutant *eco_pollutant_by_id(int id);

/*
 * Parse a user's text: canonical code, Chinese or English name, HJ 212 code,
 * CAS number or alias, case- and punctuation-insensitively.  A "medium:"
 * prefix (air:, water:, soil:) picks the item of that medium; without it the
 * first registered item of that name wins (air, then water, then soil).
 * NULL when nothing matches.
 */
const eco_pollutant *eco_pollutant_parse(const char *text);

/* The item of the same substance in another medium, or NULL. */
const eco_pollutant *eco_pollutant_in_medium(const eco_pollutant *p, eco_medium m);

/* Canonical output: the code, prefixed "water:"/"soil:" when another medium owns the bare code. */
const char *eco_pollutant_out(const eco_pollutant *p, char *buf, size_t bufsz);

const char *eco_medium_name(eco_medium m);
const char *eco_unit_name(eco_unit u);

typedef enum eco_conv_status
{
	ECO_CONV_OK = 0,
	ECO_CONV_UNKNOWN_UNIT,		/* the unit text is not recognised */
	ECO_CONV_WRONG_DIMENSION,	/* the unit cannot express this item */
	ECO_CONV_BAD_VALUE			/* NaN, infinite or negative */
} eco_conv_status;

/* A conversion from one unit to an item's standard unit, planned once. */
typedef struct eco_unit_conv
{
	int			in_exp10;		/* value * 10^in_exp10 ... */
	double		molar_factor;	/* ... * M / 24.465 for ppb -> µg/m³, 0 for mass units ... */
	int			out_exp10;		/* ... * 10^out_exp10 */
	int			allow_negative; /* temperatures */
} eco_unit_conv;

/* Plan the conversion of 'unit' to the item's standard unit (value-independent errors). */
eco_conv_status eco_unit_plan(const eco_pollutant *p, const char *unit, eco_unit_conv *conv);

/* Apply a plan; ECO_CONV_BAD_VALUE for NaN, infinite or negative values. */
eco_conv_status eco_unit_apply(const eco_unit_conv *conv, double value, double *result);

/* Convert value in unit 'unit' to the item's standard unit (plan + apply). */
eco_conv_status eco_to_standard_unit(const eco_pollutant *p, double value,
									 const char *unit, double *result);

#endif
