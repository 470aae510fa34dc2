/*
 * soil.h — soil screening: GB 36600-2018 (construction land, Tables 1 and 2)
 * and GB 15618-2018 (agricultural land, Tables 1 to 3).  Pure C: no
 * PostgreSQL header.  Values in mg/kg dry weight, typed once, here, each
 * row with its item's name as the standard writes it.
 */
#ifndef ECO_SOIL_H
#define ECO_SOIL_H
#include "pollutant.h"
#include "standards.h"

/* ---------- GB 36600-2018 ---------- */

typedef struct eco_gb36600_row
{
	short		pollutant;		/* eco.pollutant id (soil item) */
	short		table;			/* 1 = basic items, 2 = other items */
	short		row;			/* row number in its table */
	const char *item;			/* the item's name as GB 36600-2018 writes it */
	double		screening[2];	/* 筛选值, first and second class */
	double		intervention[2];	/* 管制值, first and second class */
	int			background_note;	/* note a: As, Co, V background rule */
} eco_gb36600_row;

extern const eco_gb36600_row eco_gb36600[];
extern const int eco_n_gb36600;

typedef enum eco_soil_result
{
	ECO_SOIL_BELOW_SCREENING = 0,	/* C <= screening value */
	ECO_SOIL_BETWEEN = 1,		/* screening < C <= intervention */
	ECO_SOIL_ABOVE_INTERVENTION = 2,	/* C > intervention */
	ECO_SOIL_WITHIN_BACKGROUND = 3	/* note a: screening < C <= background */
} eco_soil_result;

/* Row of a soil item (mapped with eco_pollutant_in_medium), or NULL. */
const eco_gb36600_row *eco_gb36600_find(const eco_pollutant *p);

/*
 * Screen value c against row r for land class 1 or 2; background < 0 means
 * none given (it is used only for items carrying note a).
 */
eco_soil_result eco_gb36600_screen(const eco_gb36600_row *r, int land_class, double c, double background);

const char *eco_soil_result_name(eco_soil_result r);

/* ---------- GB 15618-2018 ---------- */

typedef enum eco_land_type
{
	ECO_LAND_PADDY = 0,			/* 水田 */
	ECO_LAND_ORCHARD = 1,		/* 果园 */
	ECO_LAND_OTHER = 2,			/* 其他 */
	ECO_LAND_ROTATION = 3		/* 水旱轮作: the stricter of the paddy and other values */
} eco_land_type;

/*
 * A land use as text: English word or the Chinese term (paddy/水田, orchard/果园,
 * other/其他/dryland/旱地, rotation/水旱轮作).  Returns 0 when unknown.
 */
int			eco_land_type_parse(const char *text, eco_land_type *lt);

/* The accepted land-use words, from the same table, for a hint; snprintf semantics. */
int			eco_land_type_names(char *buf, size_t bufsz);

/* Row selector of GB 15618 Table 1: which land types a row applies to. */
typedef enum eco_gb15618_land
{
	ECO_GB15618_PADDY,			/* 水田 */
	ECO_GB15618_ORCHARD,		/* 果园 (Cu) */
	ECO_GB15618_OTHER_THAN_PADDY,	/* 其他 in the Cd/Hg/As/Pb/Cr rows: orchard and other */
	ECO_GB15618_OTHER_THAN_ORCHARD,	/* 其他 in the Cu row: paddy and other */
	ECO_GB15618_ALL				/* Ni, Zn */
} eco_gb15618_land;

typedef struct eco_gb15618_row
{
	short		pollutant;
	short		table;			/* 1 = screening (pH bands), 2 = screening (no pH), 3 = intervention */
	const char *item;			/* the item's name as GB 15618-2018 writes it */
	eco_gb15618_land land;		/* table 1 only; ECO_GB15618_ALL otherwise */
	double		value[4];		/* pH <= 5.5, 5.5 < pH <= 6.5, 6.5 < pH <= 7.5, pH > 7.5; table 2: value[0] */
} eco_gb15618_row;

extern const eco_gb15618_row eco_gb15618[];
extern const int eco_n_gb15618;

typedef enum eco_farm_result
{
	ECO_FARM_PRIORITY = 0,		/* 优先保护类: C <= screening */
	ECO_FARM_SAFE_USE = 1,		/* 安全利用类: screening < C <= intervention */
	ECO_FARM_STRICT = 2,		/* 严格管控类: C > intervention */
	ECO_FARM_MONITOR = 3,		/* 加强监测: C > screening, no intervention value */
	ECO_FARM_NEED_PH = 4,		/* pH-dependent item, no pH given */
	ECO_FARM_UNKNOWN_ITEM = 5	/* item not in GB 15618 */
} eco_farm_result;

/* pH band 0..3 (edges belong to the lower band); -1 when ph is not in 0..14. */
int			eco_ph_band(double ph);

/*
 * Screen c for soil item p on land type lt at pH ph (NaN = no pH).
 * The screening and intervention values used are returned through
 * *screening / *intervention (NaN when none).
 */
eco_farm_result eco_gb15618_screen(const eco_pollutant *p, eco_land_type lt, double ph, double c,
								   double *screening, double *intervention);

const char *eco_farm_result_name(eco_farm_result r);
const char *eco_gb15618_land_name(eco_gb15618_land l);

/* ---------- item names in the context of a standard ---------- */

/*
 * The soil item a user's name means under standard std (ECO_STD_GB36600_2018
 * or ECO_STD_GB15618_2018): first the names as that standard's tables write
 * them (the item fields above, compared as eco_norm_key keys), then any
 * eco.pollutant input (code, Chinese or English name, CAS number, alias,
 * medium prefix) mapped to its soil item.  NULL unless the standard has a
 * value for the item.  So '滴滴涕' is GB 36600's 滴滴涕 (o,p' + p,p') under
 * GB 36600-2018 and 滴滴涕总量 under GB 15618-2018.
 */
const eco_pollutant *eco_soil_item_parse(int std, const char *text);

/* Whether standard std has a value for item p (any medium, mapped to soil). */
int			eco_soil_std_lists(int std, const eco_pollutant *p);

/*
 * The names of std's items as its tables write them, each item once, in table
 * order: "Table 1: 砷, 镉, ...; Table 2: ...".  snprintf semantics (returns the
 * length needed); -1 for a standard that is not a soil standard.
 */
int			eco_soil_item_names(int std, char *buf, size_t bufsz);

/* Inclusive comparison c <= limit, tolerant of binary rounding of decimal input. */
int			eco_soil_le(double c, double limit);

#endif
