/*
 * water.h — surface water: GB 3838-2002 classes and the national evaluation
 * method 环办〔2011〕22号 (section class, main pollutants, basin status,
 * Spearman trend, lake trophic state).  Pure C: no PostgreSQL header.
 *
 * Sources: GB 3838-2002 Tables 1 and 2; 环办〔2011〕22号.  Every limit is typed once, in the
 * tables of water.c.
 */
#ifndef ECO_WATER_H
#define ECO_WATER_H
#include <stdint.h>

#include "exact_decimal.h"
#include "exact_sum.h"

/* Classes 1..6 (6 = 劣Ⅴ, worse than Class Ⅴ); 0 = no class. */
#define ECO_WC_NONE 0
#define ECO_WC_I 1
#define ECO_WC_II 2
#define ECO_WC_III 3
#define ECO_WC_IV 4
#define ECO_WC_V 5
#define ECO_WC_WORSE_V 6

typedef enum eco_water_body
{
	ECO_RIVER = 0,
	ECO_LAKE = 1				/* lakes and reservoirs (湖、库) */
} eco_water_body;

typedef enum eco_wdir
{
	ECO_WDIR_MAX,				/* "≤": inclusive upper limit */
	ECO_WDIR_MIN,				/* "≥": inclusive lower limit (DO) */
	ECO_WDIR_RANGE,				/* inclusive range lim[0]..lim[1] (pH), else 劣Ⅴ */
	ECO_WDIR_NONE				/* no class (water temperature) */
} eco_wdir;

/* Item flags */
#define ECO_WF_RIVER 0x01		/* row applies to rivers */
#define ECO_WF_LAKE 0x02		/* row applies to lakes and reservoirs */
#define ECO_WF_EVAL 0x04		/* one of the 21 evaluation items (§2.1) */
#define ECO_WF_HEAVY 0x08		/* heavy-metal / cyanide priority for main pollutants */
#define ECO_WF_NOMULT 0x10		/* never gets an exceedance multiple (WT, pH, DO) */

typedef struct eco_water_item
{
	short		pollutant_id;	/* eco.pollutant id (registry, medium water) */
	short		table_row;		/* row number in GB 3838 Table 1 */
	eco_wdir	dir;
	unsigned	flags;
	double		lim[5];			/* Classes Ⅰ..Ⅴ (for RANGE: lim[0] low, lim[1] high) */
} eco_water_item;

extern const eco_water_item eco_water_items[];
extern const int eco_n_water_items;

typedef struct eco_water_single
{
	short		pollutant_id;
	short		table_row;		/* row in GB 3838 Table 2 */
	double		limit;			/* single upper limit (mg/L) */
} eco_water_single;

extern const eco_water_single eco_water_table2[];
extern const int eco_n_water_table2;

/*
 * An edition of the surface-water standard (family GB3838 in standards.c) is
 * a record: its Table 1 rows and Table 2 limits.  Every function that takes
 * an eco.standard finds its edition here; adding an edition is adding a
 * record (and its tables), not a code path.  The record with is_default set
 * is the family default (eco.water_default_standard()).
 */
typedef struct eco_water_edition
{
	short		std_id;			/* eco_standards id, family GB3838 */
	int			is_default;		/* exactly one record: the default of every water function */
	const eco_water_item *items;
	int			n_items;
	const eco_water_single *table2;
	int			n_table2;
} eco_water_edition;

extern const eco_water_edition eco_water_editions[];
extern const int eco_n_water_editions;

/* The edition record of a standard id, or NULL when the standard is not a water edition. */
const eco_water_edition *eco_water_edition_find(int std_id);
/* The default edition (the record with is_default). */
const eco_water_edition *eco_water_edition_default(void);
/* The Table 1 row of an edition for an item and water body, or NULL (no class). */
const eco_water_item *eco_water_edition_item(const eco_water_edition *ed, int pollutant_id, eco_water_body body);
/* The Table 2 row of an edition for an item, or NULL. */
const eco_water_single *eco_water_edition_table2(const eco_water_edition *ed, int pollutant_id);

/* Registry ids of water items are 100..130: a slot is id - 100. */
#define ECO_WATER_ID0 100
#define ECO_WATER_SLOTS 31

/* The Table 1 row of the GB 3838-2002 tables for an item and water body, or NULL (no class). */
const eco_water_item *eco_water_item_find(int pollutant_id, eco_water_body body);
/* The Table 2 row for an item, or NULL. */
const eco_water_single *eco_water_table2_find(int pollutant_id);

/* The words accepted for a water body (folded by eco_norm_key). */
typedef struct eco_water_body_word
{
	const char *word;
	eco_water_body body;
} eco_water_body_word;
extern const eco_water_body_word eco_water_body_words[];
extern const int eco_n_water_body_words;

/* Water body from text: river|河流|河 and lake|reservoir|湖库|湖泊|水库; -1 if unknown. */
int			eco_water_body_parse(const char *s);
const char *eco_water_body_name(eco_water_body b);

/* Class text: 'III', 'Ⅲ', '3', 'III类', 'Ⅲ类', '劣V', '劣Ⅴ类', 'worse than V'; 0 if unknown. */
int			eco_water_class_parse(const char *s);
const char *eco_water_class_out(int c);
#define ECO_WATER_N_LABEL_STYLES 4
extern const char *const eco_water_label_styles[ECO_WATER_N_LABEL_STYLES];
/* Labels: style "zh" ('Ⅲ类'), "roman" ('Ⅲ'), "ascii" ('III'), "en" ('Class III'); NULL for an unknown style. */
const char *eco_water_class_label(int c, const char *style);

/* Status word (优, 良好, 轻度污染, 中度污染, 重度污染) and colour of a section class. */
const char *eco_water_status(int c);
const char *eco_water_status_en(int c);
const char *eco_water_colour(int c, int en);
/* Screen colour #RRGGBB of a section class (maps, charts); NULL outside 1..6. */
const char *eco_water_colour_hex(int c);

/* value vs limit by the one comparison of the core (eco_cmp_limit, exact_decimal.h): -1, 0, 1 */
int			eco_value_cmp_limit(double v, double lim);

/* Class of a (non-negative, finite) value for one item row; 0 for ECO_WDIR_NONE. */
int			eco_water_classify(const eco_water_item *it, double v);

/*
 * Exceedance multiple (C − S)/S against the limit of class 'target' (1..5),
 * rounded half-up to 'decimals' (0..6) decimal places on the decimals as
 * written; *scaled = multiple * 10^decimals (0 when the limit is met).
 * Returns 0 when the item gets no multiple (WT, pH, DO, no class), -1 when
 * the multiple cannot be computed exactly (the decimals of value and limit
 * are more than 16 orders of magnitude apart) or its scaled form does not
 * fit in an int64 (out of range: *scaled is 0), else 1.
 */
int			eco_water_multiple(const eco_water_item *it, double v, int target, int decimals,
							   int64_t *scaled);
/* The unrounded multiple over class 'target' (for ordering); 0 when met. */
double		eco_water_multiple_exact(const eco_water_item *it, double v, int target);

/* ---------- a section's (or a period's) item means ---------- */

/*
 * Per-item sums are exact (exact_sum.h): the means, hence the class, main
 * pollutants and drinking-source verdict, do not depend on the order of the
 * rows or on how a parallel plan splits and combines them.
 */
typedef struct eco_water_means
{
	eco_exact_cell sum[ECO_WATER_SLOTS];
	int64_t		n[ECO_WATER_SLOTS];
} eco_water_means;

/* Add value v (finite, 0 ≤ v < 2^63) to item slot: 1, or (means unchanged) -1 when v is out of range, 0 when the sum is. */
int			eco_water_means_add(eco_water_means *m, int slot, double v);
/* *a += *b; returns 0 (a partly updated) when a sum is out of range. */
int			eco_water_means_merge(eco_water_means *a, const eco_water_means *b);
/* Mean of an item slot (NaN when it has no value). */
double		eco_water_mean(const eco_water_means *m, int slot);

/* Worst class over the 21 evaluation items present, under edition ed; 0 when none is present. */
int			eco_water_section_class(const eco_water_edition *ed, const eco_water_means *m, eco_water_body body);

typedef struct eco_water_main
{
	const eco_water_item *item;
	int			cls;
	int			has_multiple;
	int			overflow;		/* the multiple is out of range (see eco_water_multiple) */
	int64_t		scaled;			/* multiple over Class Ⅲ * 10^decimals */
} eco_water_main;

/*
 * Main pollutants (§2.4): items worse than Class Ⅲ, at most three, ordered by
 * (heavy-metal priority when heavy_first), class (worst first), multiple
 * (largest first; items without a multiple after those with one), item
 * order.  Returns the count (0..3).
 */
int			eco_water_main_pollutants(const eco_water_edition *ed, const eco_water_means *m, eco_water_body body,
									  int heavy_first, int decimals, eco_water_main out[3]);

/*
 * Drinking-water source (GB 3838 §5.3): the 21 evaluation items against
 * Class Ⅲ plus Table 2.  Writes failing pollutant ids (registry order) into
 * fail[] (room for ECO_WATER_SLOTS) and returns their count; *n_items is the
 * number of items evaluated.
 */
int			eco_water_drinking(const eco_water_edition *ed, const eco_water_means *m, eco_water_body body,
							   short *fail, int *n_items);

/* ---------- basin (river, lake group) status by class shares (§2.5) ---------- */

typedef struct eco_basin
{
	int64_t		n;				/* sections */
	int64_t		good;			/* Ⅰ–Ⅲ */
	int64_t		worse_v;		/* 劣Ⅴ */
	int			status;			/* 1 优 .. 5 重度污染 (same scale as section classes 2..6), 0 below 5 sections */
} eco_basin;

void		eco_basin_status(const int64_t counts[7], eco_basin *out);
const char *eco_basin_status_word(int status);
const char *eco_basin_colour(int status);

/* ---------- Spearman trend (§2.7) ---------- */

/* Critical value W_p for n periods, alpha 0.05 (a=0) or 0.01 (a=1); 0 for n < 5. */
double		eco_spearman_critical(int n, int a);
extern const int eco_spearman_table_n[];
extern const double eco_spearman_table[2][16];
#define ECO_SPEARMAN_TABLE_LEN 16

/*
 * r_s of n (period, value) pairs: time rank by period, value rank ascending
 * with average ranks for ties; r_s = 1 − 6 Σd² / (n³ − n) without ties, the
 * Pearson correlation of the ranks with ties.  The arrays are sorted in
 * place.  Returns 0, 1 when every value is equal (r_s undefined; *rs not
 * set), -1 when two pairs share a period, -2 when out of memory.
 */
int			eco_spearman(int n, int32_t *period, double *value, double *rs);

/* ---------- lake trophic state TLI(Σ) (§2.6) ---------- */

typedef struct eco_tli_param
{
	short		pollutant_id;
	double		r;				/* correlation with chla */
	double		a,
				b;				/* TLI(j) = 10 (a + b ln x) */
} eco_tli_param;

extern const eco_tli_param eco_tli_params[5];

/* TLI(Σ) from chla (mg/m³), TP, TN (mg/L), SD (m), CODMn (mg/L); inputs must be > 0. */
double		eco_tli(const double x[5]);
const char *eco_tli_grade(double tli);

#endif
