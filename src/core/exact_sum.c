/*
 * exact_sum.c — Q64.64 fixed-point sums (see exact_sum.h).
 */
#include <math.h>

#include "exact_sum.h"

#define TWO_POW_64 18446744073709551616.0
#define TWO_POW_63 9223372036854775808.0

int
eco_exact_from_double(double v, eco_exact *out)
{
	if (!(v >= 0) || !(v < TWO_POW_63))
		return 0;
	/* v * 2^64 is exact (a power-of-two scaling); the cast drops bits below 2^-64 */
	*out = (eco_exact) (v * TWO_POW_64);
	return 1;
}

int
eco_exact_add(eco_exact *a, eco_exact b, int sub)
{
	return sub ? !__builtin_sub_overflow(*a, b, a) : !__builtin_add_overflow(*a, b, a);
}

double
eco_exact_mean(eco_exact sum, long long n)
{
	eco_exact	q;

	if (n <= 0)
		return NAN;
	/* the quotient rounded to 2^-64 in fixed point, then one rounding to double */
	q = (sum + n / 2) / n;
	return (double) q / TWO_POW_64;
}
