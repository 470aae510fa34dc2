/*
 * change_wording.h — how a year-on-year (同比) change is measured and worded in the bulletins:
 * the change kinds (view eco.change_kinds), the phrase ("同比改善13.6%") and the decimal text of a
 * rounded change.  Pure C: no PostgreSQL header.
 *
 * Conventions of the bulletins: concentrations, percentile statistics and the composite index change in %
 * of the previous value; ratios (the good-days ratio and the like) change in percentage points; both are
 * published with 1 decimal; an unchanged (rounded) value is "同比持平".  Where a direction is better (lower
 * concentrations, a higher good-days ratio) the bulletins say 改善/恶化; for neutral quantities 上升/下降,
 * and 增加/减少 for counts.
 */
#ifndef ECO_CHANGE_WORDING_H
#define ECO_CHANGE_WORDING_H

#include <stddef.h>

/* How a change is measured. */
typedef enum eco_change_measure
{
	ECO_CHANGE_PCT,				/* relative change in %: (cur - prev) / |prev| x 100 */
	ECO_CHANGE_PP				/* difference in percentage points: cur - prev */
} eco_change_measure;

/* Which direction is better, if any. */
typedef enum eco_change_direction
{
	ECO_DIR_NEUTRAL,			/* 上升/下降 (增加/减少 for counts) */
	ECO_DIR_LOWER_BETTER,		/* a decrease is 改善, an increase 恶化 */
	ECO_DIR_HIGHER_BETTER		/* an increase is 改善, a decrease 恶化 */
} eco_change_direction;

typedef struct eco_change_kind
{
	const char *kind;			/* name used by eco.change_phrase */
	eco_change_measure measure;
	eco_change_direction direction;
	const char *word_up;		/* word for a positive rounded change */
	const char *word_down;		/* word for a negative rounded change */
	const char *suffix;			/* "%" or "个百分点" */
	const char *description;
} eco_change_kind;

extern const eco_change_kind eco_change_kinds[];
extern const int eco_n_change_kinds;

/* Word for a rounded change of 0 and the prefix of every phrase. */
extern const char eco_yoy_prefix[];		/* 同比 */
extern const char eco_yoy_same[];		/* 持平 */

/* A percentage: a relative change is (cur - prev) / |prev| x ECO_PERCENT. */
#define ECO_PERCENT 100
/* Published decimals of year-on-year changes and shares, and the accepted range of the decimals argument. */
#define ECO_YOY_DECIMALS 1
#define ECO_YOY_MAX_DECIMALS 4

/* Kind by name (exact, ASCII case-insensitive); NULL when unknown. */
const eco_change_kind *eco_change_kind_lookup(const char *name);

/*
 * The bulletin phrase for a change already rounded: 'sign' is the sign of the
 * rounded change (-1, 0, 1) and 'magnitude' its absolute value as decimal
 * text ("13.6").  Writes "同比改善13.6%", "同比上升1.9个百分点" or "同比持平".
 * Returns the length written, or -1 when buf is too small.
 */
int			eco_change_phrase(const eco_change_kind *k, int sign, const char *magnitude,
							  char *buf, size_t len);

/*
 * The absolute value of a scaled integer given as decimal text ("-136",
 * optionally signed, digits only) with 'decimals' places put back: "-136", 1
 * -> "13.6"; "5", 2 -> "0.05".  Returns the length, or -1 for text that is not
 * an integer or a buffer too small.
 */
int			eco_decimal_text(const char *scaled, int decimals, char *buf, size_t len);

#endif
