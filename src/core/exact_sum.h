/*
 * exact_sum.h — exact, order-independent sums of non-negative readings for
 * the aggregates' means (air capture-aware means, water section means).
 *
 * Each value is turned into a Q64.64 fixed-point integer (exact for every
 * double in [2^-12, 2^63); smaller values lose only bits below 2^-64), so
 * sums and differences are integer arithmetic: the same in any order, in
 * parallel plans (partial states combined in any grouping) and in window
 * frames that remove rows.  Pure C: no PostgreSQL header.
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

#endif
