/*
 * libFuzzer target: the decimal recovery and rounding of src/core/exact_decimal.c.
 * The input is either 8 raw bytes (a double, taken as its absolute value) or text read by strtod (so short
 * decimals and their ties are common).  Properties, against an independent definition built from the C library:
 *  - eco_decimal_of gives floor(D * 10^6) and the sticky flag of D, the shortest decimal that reads back as the
 *    double (found by printing with 1..17 significant digits), and D's number of decimals (7: more than 6);
 *  - GB/T 8170 rounding to 0..5 places and truncation to 0..6 places agree with the rule applied to D's digits;
 *  - the comparison with a limit is antisymmetric and reflexive.
 */
#include "fuzz_common.h"
#include "exact_decimal.h"

#include <math.h>

/* The shortest decimal of v as digits dig[0..nd) and the position of the decimal point (value = 0.dig * 10^pt). */
static void
shortest(double v, char *dig, int *nd, int *pt)
{
	char		buf[64];

	for (int p = 1; p <= 17; p++)
	{
		snprintf(buf, sizeof buf, "%.*e", p - 1, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	/* d.ddde±X: digits without the point; 0.dig * 10^(X+1) */
	*nd = 0;
	for (char *c = buf; *c && *c != 'e'; c++)
		if (*c >= '0' && *c <= '9')
			dig[(*nd)++] = *c;
	*pt = atoi(strchr(buf, 'e') + 1) + 1;
	while (*nd > 1 && dig[*nd - 1] == '0')
		(*nd)--;
}

/* Digit at decimal place k (1 = tenths; k <= 0: the integer digits, 10^-k). */
static int
digit_at(const char *dig, int nd, int pt, int k)
{
	int			i = pt + k - 1;

	return (i >= 0 && i < nd) ? dig[i] - '0' : 0;
}

/* floor(D * 10^places) for places 0..6 */
static int64_t
floor_scaled(const char *dig, int nd, int pt, int places)
{
	int64_t		r = 0;

	for (int k = 1 - pt; k <= places; k++)
		if (k <= places)
			r = r * 10 + (k >= 1 - pt ? digit_at(dig, nd, pt, k) : 0);
	return r;
}

/* any non-zero digit below place 'places' */
static int
beyond(const char *dig, int nd, int pt, int places)
{
	for (int i = 0; i < nd; i++)
		if (i - pt + 1 > places && dig[i] != '0')
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double		v;
	char		dig[32];
	int			nd,
				pt;
	eco_decimal d;
	int			ndec;

	v = fabs(fuzz_double(data, size));
	if (!isfinite(v))
	{
		FUZZ_ASSERT(!eco_decimal_of(v, &d) || isinf(v) == 0);
		return 0;
	}
	FUZZ_ASSERT(eco_cmp_limit(v, v) == 0);
	FUZZ_ASSERT(eco_cmp_limit(v, 0.05) == -eco_cmp_limit(0.05, v));
	if (v >= ECO_DECIMAL_MAX)
	{
		FUZZ_ASSERT(!eco_decimal_of(v, &d));
		return 0;
	}
	FUZZ_ASSERT(eco_decimal_of(v, &d));
	shortest(v, dig, &nd, &pt);
	ndec = 0;
	for (int i = 0; i < nd; i++)
		if (i - pt + 1 > ndec && dig[i] != '0')
			ndec = i - pt + 1;
	FUZZ_ASSERT(d.c6 == floor_scaled(dig, nd, pt, 6));
	FUZZ_ASSERT(d.sticky == beyond(dig, nd, pt, 6));
	FUZZ_ASSERT(d.decimals == (ndec > 6 ? 7 : ndec));
	for (int k = 0; k <= 6; k++)
	{
		eco_decimal r = d,
					t = d;
		int64_t		kept = floor_scaled(dig, nd, pt, k),
					unit = 1;
		int			next = digit_at(dig, nd, pt, k + 1),
					rest = beyond(dig, nd, pt, k + 1),
					carry = next > 5 || (next == 5 && (rest || (kept & 1)));

		for (int i = k; i < 6; i++)
			unit *= 10;
		eco_decimal_round_gbt8170(&r, k);
		eco_decimal_truncate(&t, k);
		if (k < 6)
			FUZZ_ASSERT(r.c6 == (kept + carry) * unit && !r.sticky);
		FUZZ_ASSERT(t.c6 == kept * unit && !t.sticky);
	}
	return 0;
}
