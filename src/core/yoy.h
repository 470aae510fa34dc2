/*
 * yoy.h — year-on-year (同比) conventions and the reproducible draw of the
 * random inspections (双随机).  Pure C: no PostgreSQL header.
 *
 * Reference: ../shared/standards/air.md §6 (year-on-year conventions), §3.8
 * (ratios and % changes reported with 1 decimal), §4.3 (composite index:
 * > 0 = 恶化, < 0 = 改善, 0 = 持平).
 */
#ifndef ECO_YOY_H
#define ECO_YOY_H

#include <stddef.h>
#include <stdint.h>

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

/* Reporting decimals of year-on-year changes (air.md §3.8) and the accepted range. */
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

/*
 * Same calendar day one year earlier; 29 February maps to 28 February.
 * Returns 0 on success, -1 for an invalid date.
 */
int			eco_same_day_last_year(int *y, int *m, int *d);

/*
 * Figures of the air summary and how they are published (air.md §3.8: SO2, NO2,
 * O3 integers; CO 1 decimal; ratios 1 decimal; composite index 2 decimals; PM2.5
 * 1 decimal as in bulletins from 2025, PM10 likewise as in the bureau's summary
 * quoted by the issue) and the kind of their year-on-year change (air.md §6).
 */
typedef struct eco_report_indicator
{
	const char *code;			/* 'PM2.5', 'good_days_ratio', ... */
	const char *name_zh;		/* PM2.5平均浓度 */
	const char *unit;
	int			decimals;		/* GB/T 8170 rounding places of the published value */
	const char *change_kind;	/* kind of eco.change_phrase */
	const char *statistic;		/* how the city value is formed */
} eco_report_indicator;

extern const eco_report_indicator eco_report_indicators[];
extern const int eco_n_report_indicators;

/* ---------- reproducible random draws (双随机) ---------- */

/* splitmix64 step: advances *state and returns the next 64-bit output. */
uint64_t	eco_splitmix64(uint64_t *state);

/* Uniform integer in [0, bound) without modulo bias (bound > 0). */
uint64_t	eco_rand_below(uint64_t *state, uint64_t bound);

/*
 * Draw k distinct positions out of 0..n-1 (partial Fisher-Yates): on return
 * perm[0..k-1] hold the draw in draw order.  perm must have room for n
 * ints.  The same (seed, stream, n, k) always gives the same draw; 'stream'
 * separates independent draws made from one seed.  Returns 0, or -1 when
 * k < 0, n < 0 or k > n.
 */
int			eco_draw_sample(int64_t seed, int64_t stream, int n, int k, int *perm);

#endif
