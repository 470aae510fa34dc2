/*
 * exact_sum.c — Q64.64 fixed-point sums (see exact_sum.h).
 */
#include <math.h>

#include "exact_sum.h"
#include "exact_decimal.h"

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

double
eco_ratio_to_double(unsigned __int128 num, unsigned __int128 den)
{
	const unsigned __int128 two62 = (unsigned __int128) 1 << 62,
				two64 = (unsigned __int128) 1 << 64;
	unsigned __int128 q,
				r;
	int			e = 0,
				sticky,
				s;
	uint64_t	lo,
				half,
				top;

	if (den == 0)
		return NAN;
	if (num == 0)
		return 0.0;
	q = num / den;
	r = num % den;
	/* binary long division until the quotient has at least 63 bits (r < den < 2^126: 2r does not overflow) */
	while (q < two62)
	{
		r <<= 1;
		q <<= 1;
		if (r >= den)
		{
			q |= 1;
			r -= den;
		}
		e--;
	}
	sticky = r != 0;
	while (q >= two64)
	{
		sticky |= (int) (q & 1);
		q >>= 1;
		e++;
	}
	/* q has 63 or 64 bits: keep 53, round the rest to nearest, ties to even */
	s = q >= ((unsigned __int128) 1 << 63) ? 11 : 10;
	lo = (uint64_t) q & ((UINT64_C(1) << s) - 1);
	half = UINT64_C(1) << (s - 1);
	top = (uint64_t) (q >> s);
	if (lo > half || (lo == half && (sticky || (top & 1))))
		top++;
	return ldexp((double) top, e + s);
}

int
eco_wsum_add(eco_wsum *s, double v, int sub)
{
	eco_exact	b,
				d;
	eco_decimal dec;
	int			is_dec;

	if (!eco_exact_from_double(v, &b))
		return ECO_WSUM_RANGE;
	is_dec = eco_decimal_of(v, &dec) && !dec.sticky;
	d = eco_exact_get(&s->bin);
	if (!eco_exact_add(&d, b, sub))
		return ECO_WSUM_OVERFLOW;
	if (is_dec)
	{
		eco_exact	c = eco_exact_get(&s->dec);

		if (!eco_exact_add(&c, (eco_exact) dec.c6, sub))
			return ECO_WSUM_OVERFLOW;
		eco_exact_set(&s->dec, c);
	}
	else
		s->n_long += sub ? -1 : 1;
	eco_exact_set(&s->bin, d);
	s->n += sub ? -1 : 1;
	return ECO_WSUM_OK;
}

int
eco_wsum_merge(eco_wsum *a, const eco_wsum *b)
{
	eco_exact	d = eco_exact_get(&a->dec),
				x = eco_exact_get(&a->bin);

	if (!eco_exact_add(&d, eco_exact_get(&b->dec), 0) || !eco_exact_add(&x, eco_exact_get(&b->bin), 0))
		return ECO_WSUM_OVERFLOW;
	eco_exact_set(&a->dec, d);
	eco_exact_set(&a->bin, x);
	a->n += b->n;
	a->n_long += b->n_long;
	return ECO_WSUM_OK;
}

double
eco_wsum_mean(const eco_wsum *s)
{
	eco_exact	d = eco_exact_get(&s->dec);

	if (s->n <= 0)
		return NAN;
	if (s->n_long == 0 && d >= 0)
		return eco_ratio_to_double((unsigned __int128) d, (unsigned __int128) s->n * ECO_DECIMAL_SCALE);
	return eco_exact_mean(eco_exact_get(&s->bin), s->n);
}

double
eco_mean_safe(const double *v, const double *w, long n)
{
	double		num = 0,
				den = 0,
				mx = 0;

	if (n <= 0)
		return NAN;
	for (long i = 0; i < n; i++)
	{
		double		wi = w ? w[i] : 1.0;

		num += wi * v[i];
		den += wi;
	}
	if (!isinf(num))
		return num / den;
	/* finite values whose (weighted) sum overflows: work in units of the largest */
	for (long i = 0; i < n; i++)
		if (fabs(v[i]) > mx)
			mx = fabs(v[i]);
	num = 0;
	for (long i = 0; i < n; i++)
		num += (w ? w[i] : 1.0) * (v[i] / mx);
	return num / den * mx;
}
