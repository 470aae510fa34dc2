/*
 * exact_sum.h — sums and means: exact, order-independent sums of non-negative
 * readings for the aggregates' means, and the overflow-safe mean of doubles.
 *
 * Two exact sums, both integer arithmetic (the same in any order, in parallel
 * plans with partial states combined in any grouping, and in window frames
 * that remove rows):
 *  - eco_exact: the double itself as a Q64.64 fixed-point integer (exact for
 *    every double in [2^-12, 2^63); smaller values lose only bits below 2^-64);
 *  - eco_wsum: the decimals as written (exact_decimal.h) at the scale 10^-6,
 *    so that 24 readings of 0.55 have the mean 0.55, not 0.5499999999999999.
 *    A value with more than 6 decimals or above 9e9 is not a reading as
 *    written: while the group holds one, the mean falls back to the Q64.64
 *    sum of the doubles (kept alongside).
 * Pure C: no PostgreSQL header.
 */
#ifndef ECO_EXACT_SUM_H
#define ECO_EXACT_SUM_H

#include <stdint.h>
#include <string.h>

typedef __int128 eco_exact;

/* v as Q64.64; returns 0 (and leaves *out) when v is negative, not finite or ≥ 2^63. */
int			eco_exact_from_double(double v, eco_exact *out);

/* *a += b (or -= b when sub); returns 0 on overflow. */
int			eco_exact_add(eco_exact *a, eco_exact b, int sub);

/* sum / n as a double: the quotient rounded to 2^-64, then one rounding; NaN when n ≤ 0. */
double		eco_exact_mean(eco_exact sum, long long n);

/*
 * Storage of an eco_exact in memory aligned to 8 bytes only (palloc, flat
 * aggregate states): a __int128 lvalue there may be accessed with 16-byte
 * aligned instructions, so states hold cells and copy through these.
 */
typedef struct eco_exact_cell
{
	uint64_t	w[2];
} eco_exact_cell;

static inline eco_exact
eco_exact_get(const eco_exact_cell *c)
{
	eco_exact	x;

	memcpy(&x, c, sizeof x);
	return x;
}

static inline void
eco_exact_set(eco_exact_cell *c, eco_exact x)
{
	memcpy(c, &x, sizeof x);
}

/* num / den correctly rounded to the nearest double (ties to even); num >= 0, den > 0. */
double		eco_ratio_to_double(unsigned __int128 num, unsigned __int128 den);

/*
 * Exact sum of decimals as written (see above).  A flat struct of integers, zero-initialised when empty:
 * it can be copied, serialised and merged byte for byte.
 */
typedef struct eco_wsum
{
	int64_t		n;				/* values */
	int64_t		n_long;			/* values not summed as decimals (more than 6 decimals, or >= 9e9) */
	eco_exact_cell dec;			/* sum of c6 of the other values (scale 10^-6) */
	eco_exact_cell bin;			/* Q64.64 sum of every value */
} eco_wsum;

/* Results of eco_wsum_add and eco_wsum_merge. */
#define ECO_WSUM_OK			0
#define ECO_WSUM_RANGE		1	/* negative, not finite, or >= 2^63 */
#define ECO_WSUM_OVERFLOW	2	/* the sum leaves its range */

/* Add v to s (remove it when sub: the inverse transition of a window frame). */
int			eco_wsum_add(eco_wsum *s, double v, int sub);

/* a += b. */
int			eco_wsum_merge(eco_wsum *a, const eco_wsum *b);

/*
 * The mean: exact decimal sum / n correctly rounded when every value was a decimal with at most 6 places, else
 * the Q64.64 mean (eco_exact_mean); NaN when empty.
 */
double		eco_wsum_mean(const eco_wsum *s);

/*
 * The overflow-safe mean of n doubles (weights w, or 1 each when w is NULL): sum(w v) / sum(w) added in index
 * order; when finite values overflow the sum, the same in units of the largest |v|.  NaN when n <= 0.
 */
double		eco_mean_safe(const double *v, const double *w, long n);

#endif
