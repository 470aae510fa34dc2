/*
 * pg_exact_numeric.c — exact numeric arithmetic for published figures (see pg_exact_numeric.h).
 */
#include "eco_glue.h"

#include "utils/builtins.h"
#include "utils/memutils.h"

#include "change_wording.h"
#include "pg_exact_numeric.h"

/* The constants used on every call: 0, 1, 2 (twice a remainder), a percentage, and 10^0 .. 10^max decimals. */
static const int64 exact_small[] = {0, 1, 2, ECO_PERCENT};
static Numeric exact_small_cache[lengthof(exact_small)];
static Numeric exact_pow10_cache[ECO_YOY_MAX_DECIMALS + 1];

/* exact_pow10 computes 10^d in an int64: 10^18 is the largest power of ten that fits. */
StaticAssertDecl(ECO_YOY_MAX_DECIMALS >= 0 && ECO_YOY_MAX_DECIMALS <= 18,
				 "the powers of ten of the decimals argument must fit in an int64");
/* The published decimals of a change are accepted by the decimals argument. */
StaticAssertDecl(ECO_YOY_DECIMALS <= ECO_YOY_MAX_DECIMALS, "default decimals out of the accepted range");

/* Build v as numeric once, in the backend's long-lived memory. */
static Numeric
exact_cached(Numeric *slot, int64 v)
{
	if (*slot == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		*slot = int64_to_numeric(v);
		MemoryContextSwitchTo(old);
	}
	return *slot;
}

Numeric
exact_num(int64 v)
{
	for (int i = 0; i < (int) lengthof(exact_small); i++)
		if (exact_small[i] == v)
			return exact_cached(&exact_small_cache[i], v);
	return int64_to_numeric(v);
}

Numeric
exact_pow10(int d)
{
	int64		p = 1;

	Assert(d >= 0 && d <= ECO_YOY_MAX_DECIMALS);
	for (int i = 0; i < d; i++)
		p *= 10;
	return exact_cached(&exact_pow10_cache[d], p);
}

void
exact_check_finite(Numeric n, const char *what)
{
	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not %s", what,
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n))))));
}

int
exact_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

int
exact_sign(Numeric n)
{
	return exact_cmp(n, exact_num(0));
}

Numeric
exact_sub(Numeric a, Numeric b)
{
	return numeric_sub_opt_error(a, b, NULL);
}

Numeric
exact_mul(Numeric a, Numeric b)
{
	return numeric_mul_opt_error(a, b, NULL);
}

Numeric
exact_abs(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(a)));
}

Numeric
exact_negate(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_uminus, NumericGetDatum(a)));
}

/*
 * round(n / den) half away from zero, exactly: q = trunc(n / den),
 * r = n - q * den, and q moves one away from zero when 2|r| >= |den|.
 */
Numeric
exact_div_round(Numeric n, Numeric den)
{
	Numeric		q = DatumGetNumeric(DirectFunctionCall2(numeric_div_trunc, NumericGetDatum(n),
														NumericGetDatum(den)));
	Numeric		r = exact_sub(n, exact_mul(q, den));
	Numeric		twice_r = exact_abs(exact_mul(r, exact_num(2)));

	if (exact_cmp(twice_r, exact_abs(den)) >= 0)
	{
		/* the quotient's sign is the sign of n / den */
		int			s = exact_sign(n) * exact_sign(den);

		q = numeric_add_opt_error(q, exact_num(s), NULL);
	}
	return q;
}

Datum
exact_unscale(Numeric scaled, int d)
{
	/* scaled / 10^d is exact; numeric_round fixes the display scale to d */
	return DirectFunctionCall2(numeric_round,
							   NumericGetDatum(numeric_div_opt_error(scaled, exact_pow10(d), NULL)),
							   Int32GetDatum(d));
}

int
exact_decimals_arg(int32 d)
{
	if (d < 0 || d > ECO_YOY_MAX_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and %d, not %d", ECO_YOY_MAX_DECIMALS, d)));
	return (int) d;
}
