/*
 * exact_decimal.c — the decimal as written of a double (see exact_decimal.h).
 */
#include "exact_decimal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const double pow10d[7] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
static const int64_t pow10i[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};

int
eco_decimal_of(double v, eco_decimal *out)
{
	double		t;
	int64_t		m;

	if (!(v < ECO_DECIMAL_MAX))
		return 0;
	/*
	 * Fast path: the shortest decimal that rounds to v has k <= 6 decimals.
	 * m / 10^k is correctly rounded, so equality means the decimal m*10^-k
	 * reads back as v; the smallest such k gives the shortest decimal.  (m is
	 * v*10^k rounded half up by conversion: no libm call on the hot path.)
	 */
	m = (int64_t) v;
	if ((double) m == v)
	{
		out->c6 = m * 1000000;
		out->sticky = 0;
		out->decimals = 0;
		return 1;
	}
	if (v < 16777216.0)
	{
		/*
		 * Below 2^24 a double is within 2^-30 of any decimal that reads back
		 * as it, so v * 10^6 rounded is that decimal's 10^6 multiple N (the
		 * error stays far below 1/2) and two 6-decimal numbers never read
		 * back as the same double: one test decides whether the shortest
		 * decimal has at most 6 decimals (it is then N / 10^6, its decimals
		 * those of N without trailing zeros), with no loop over k.
		 */
		double		p = v * 1e6,
					d;

		m = (int64_t) (p + 0.5);
		d = p - (double) m;
		/*
		 * A decimal with at most 6 places leaves p within 2^-8 of N (see
		 * above): farther away, the decimal has more places, and p is also
		 * far enough from an integer for its floor to be exact (below), so
		 * a full-precision value needs neither the division nor the fma.
		 */
		if (d > 0x1p-7 || d < -0x1p-7)
		{
			out->c6 = d > 0 ? m : m - 1;
			out->sticky = 1;
			out->decimals = 7;
			return 1;
		}
		if ((double) m / 1e6 == v)
		{
			int			k = 6;

			out->c6 = m;
			out->sticky = 0;
			while (k > 0 && m % 10 == 0)
			{
				m /= 10;
				k--;
			}
			out->decimals = k;
			return 1;
		}
		goto sticky;
	}
	for (int k = 1; k <= 6; k++)
	{
		/*
		 * m: the integer nearest to the exact v * 10^k.  Above 2^24 the product is rounded (its ulp reaches 1
		 * near 9e15), so the exact residual v * 10^k - m (fma; it spans few bits) corrects m by one.  When the
		 * nearest k-decimal number does not read back as v, none does; when it does, it is the shortest
		 * decimal's choice (the closest to v; of two as close, the even one).
		 */
		double		r;

		m = (int64_t) (v * pow10d[k] + 0.5);
		r = fma(v, pow10d[k], -(double) m);
		if (r > 0.5 || (r == 0.5 && (m & 1)))
			m++;
		else if (r < -0.5 || (r == -0.5 && (m & 1)))
			m--;
		if ((double) m / pow10d[k] == v)
		{
			out->c6 = m * pow10i[6 - k];
			out->sticky = 0;
			out->decimals = k;
			return 1;
		}
	}

	/*
	 * The shortest decimal D has more than 6 decimals, so it is not any
	 * 6-decimal number P; P does not round to v either (the fast path would
	 * have found it), so D and v lie on the same side of every P and
	 * floor(D * 10^6) = floor(v * 10^6), computed exactly with fma.
	 */
sticky:
	t = floor(v * 1e6);
	/*
	 * Below 2^24, v * 1e6 < 2^44 is rounded by at most 2^-9: a fractional
	 * part at least 2^-8 away from an integer already gives the floor.
	 */
	if (v < 16777216.0 && v * 1e6 - t >= 0x1p-8 && v * 1e6 - t <= 1 - 0x1p-8)
		;
	else if (fma(v, 1e6, -t) < 0)
		t -= 1;
	else if (fma(v, 1e6, -(t + 1)) >= 0)
		t += 1;
	out->c6 = (int64_t) t;
	out->sticky = 1;
	out->decimals = 7;
	return 1;
}

void
eco_decimal_round_gbt8170(eco_decimal *d, int decimals)
{
	int64_t		unit = pow10i[6 - decimals],
				half = unit / 2,
				q,
				r;

	/* constant divisors for the places the tables use (no 64-bit idiv) */
	if (decimals == 0)
	{
		q = d->c6 / 1000000;
		r = d->c6 % 1000000;
	}
	else if (decimals == 1)
	{
		q = d->c6 / 100000;
		r = d->c6 % 100000;
	}
	else
	{
		q = d->c6 / unit;
		r = d->c6 % unit;
	}

	if (eco_gbt8170_carry((r > half) - (r < half), d->sticky, (int) (q & 1)))
		q++;
	d->c6 = q * unit;
	d->sticky = 0;
	if (d->decimals > decimals)
		d->decimals = decimals;
}

void
eco_decimal_truncate(eco_decimal *d, int decimals)
{
	int64_t		unit = pow10i[6 - decimals];

	d->c6 -= d->c6 % unit;
	d->sticky = 0;
	if (d->decimals > decimals)
		d->decimals = decimals;
}

int
eco_gbt8170_carry(int cmp_half, int sticky, int odd)
{
	/* < 5 drop; > 5 carry; 5 then non-zero digits carry; 5 then nothing: to even */
	return cmp_half > 0 || (cmp_half == 0 && (sticky || odd));
}

/* ---------- decimals to 15 significant digits ---------- */

eco_dec
eco_dec_from_double(double v)
{
	eco_dec		d = {0, 0};
	char		buf[40];
	int64_t		m = 0;
	int			exp10 = 0;
	char	   *p;

	if (!(v > 0) || isinf(v))
		return d;
	/* 15 significant digits: d.dddddddddddddde±X */
	snprintf(buf, sizeof buf, "%.14e", v);
	for (p = buf; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			m = m * 10 + (*p - '0');
	if (*p == 'e')
		exp10 = atoi(p + 1);
	d.e = exp10 - 14;
	while (m != 0 && m % 10 == 0)
	{
		m /= 10;
		d.e++;
	}
	d.m = m;
	return d;
}

static int
ndigits(int64_t m)
{
	int			n = 1;

	while (m >= 10)
	{
		m /= 10;
		n++;
	}
	return n;
}

__int128
eco_pow10_128(int k)
{
	__int128	r = 1;

	while (k-- > 0)
		r *= 10;
	return r;
}

int
eco_dec_cmp(eco_dec a, eco_dec b)
{
	int			la,
				lb,
				e;
	__int128	x,
				y;

	if (a.m == 0 || b.m == 0)
		return (a.m > 0) - (b.m > 0);
	la = a.e + ndigits(a.m);
	lb = b.e + ndigits(b.m);
	if (la != lb)
		return la < lb ? -1 : 1;
	/* same leading position: exponents differ by at most 14 */
	e = a.e < b.e ? a.e : b.e;
	x = (__int128) a.m * eco_pow10_128(a.e - e);
	y = (__int128) b.m * eco_pow10_128(b.e - e);
	return (x > y) - (x < y);
}

int
eco_cmp_limit(double v, double limit)
{
	if (isnan(v))
		return 1;
	/*
	 * Outside a relative band of 1e-12 around the limit the binary comparison already decides (15 digits move a
	 * value by at most 5e-15 relative); inside it, compare the decimals exactly.
	 */
	if (v < limit - fabs(limit) * 1e-12)
		return -1;
	if (v > limit + fabs(limit) * 1e-12)
		return 1;
	return eco_dec_cmp(eco_dec_from_double(v), eco_dec_from_double(limit));
}
