/*
 * exact_decimal.h — the decimal as written of a double, exactly, and what the standards do with it:
 * GB/T 8170-2008 §3.2 rounding (四舍六入五成双), truncation, and the comparison of a value with a limit.
 * Pure C99 + libm: no PostgreSQL header.
 *
 * A reading arrives as a double, but the standards compute on the decimal the laboratory wrote.  That decimal is
 * the shortest decimal that rounds to the double (what PostgreSQL prints), recovered here as an exact fixed-point
 * number: c6 = floor(value * 10^6) plus a "sticky" flag telling whether the decimal has further non-zero digits.
 * Every value with at most 6 decimals below 9e9 (all the concentrations and limits of the standards) is then
 * exact integer arithmetic: sums (exact_sum.h), rounding, comparison.
 */
#ifndef ECO_EXACT_DECIMAL_H
#define ECO_EXACT_DECIMAL_H

#include <stdint.h>

/* Exact decimal value as written: value = c6 / 10^6 (+ something when sticky). */
typedef struct eco_decimal
{
	int64_t		c6;				/* floor(value * 10^6) */
	int			sticky;			/* the decimal has non-zero digits below 10^-6 */
	int			decimals;		/* decimals of the shortest decimal (7: more than 6) */
} eco_decimal;

/* Largest value handled exactly (c6 must fit in a double's 53 bits). */
#define ECO_DECIMAL_MAX 9.0e9

/* 10^6: the scale of c6. */
#define ECO_DECIMAL_SCALE INT64_C(1000000)

/*
 * Recover the decimal as written of a finite, non-negative double.
 * Returns 0 when v >= ECO_DECIMAL_MAX or v is NaN (too large for the fixed-point form).
 */
int			eco_decimal_of(double v, eco_decimal *out);

/*
 * The rule of GB/T 8170-2008 §3.2 (四舍六入五成双) at one place: cmp_half is the sign of (dropped part - one
 * half of the last kept unit), sticky says non-zero digits follow beyond the dropped part compared, odd that the
 * last kept digit is odd.  Returns 1 when the kept part carries (> 5 carries; 5 then non-zero digits carries;
 * exactly 5 carries to even), 0 when the dropped part is dropped.  Every GB/T 8170 rounding of the project (the
 * AQI input step, eco.gbt8170_round) decides here.
 */
int			eco_gbt8170_carry(int cmp_half, int sticky, int odd);

/*
 * GB/T 8170 rounding (half to even on the decimal) to 'decimals' (0..5) places: the digit after the last kept
 * place must be one of the six the form holds (the tables keep at most 3 decimals).
 */
void		eco_decimal_round_gbt8170(eco_decimal *d, int decimals);

/* Truncation to 'decimals' (0..6) places. */
void		eco_decimal_truncate(eco_decimal *d, int decimals);

/*
 * A value as written to 15 significant digits (DBL_DIG: the digits every double carries faithfully): m * 10^e,
 * m < 10^15 without trailing zeros; zero for v <= 0 or not finite.  The form of comparisons and of the water
 * exceedance multiples, where values are often computed (means) and carry binary noise beyond the 15th digit.
 */
typedef struct eco_dec
{
	int64_t		m;
	int			e;
} eco_dec;

eco_dec		eco_dec_from_double(double v);

/* Exact order of two such decimals: -1, 0, 1. */
int			eco_dec_cmp(eco_dec a, eco_dec b);

/* 10^k as a 128-bit integer, 0 <= k <= 38. */
__int128	eco_pow10_128(int k);

/*
 * Compare a value with a limit: -1, 0 or 1 as the value is below, equal to or above the limit.  Both are taken
 * as written to 15 significant digits (DBL_DIG: the digits every double carries faithfully, what PostgreSQL
 * prints with extra_float_digits = 0) and compared exactly.  A reading as written keeps its digits; a value
 * computed from readings (a mean, a difference) loses only binary noise beyond the 15th digit, so a mean that
 * is 0.05 in decimal is equal to a 0.05 limit whatever the binary rounding did.  NaN compares above every limit.
 * This is the one comparison of values with limits (air, water, soil); docs/choices.md states it.
 */
int			eco_cmp_limit(double v, double limit);

#endif
