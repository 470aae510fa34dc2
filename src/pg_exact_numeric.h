/*
 * pg_exact_numeric.h — exact numeric arithmetic shared by the glue of published figures (changes, shares,
 * GB/T 8170 rounding): small constants built once, finite checks, and rounding by integer division with
 * remainder, never by a rounded quotient.
 */
#ifndef ECO_PG_EXACT_NUMERIC_H
#define ECO_PG_EXACT_NUMERIC_H

#include "postgres.h"
#include "utils/numeric.h"

/* A small integer as numeric (0, 1, 2, 100 and the powers of ten up to ECO_YOY_MAX_DECIMALS built once). */
Numeric		exact_num(int64 v);

/* ERROR 22023 unless n is a finite number; 'what' names the argument. */
void		exact_check_finite(Numeric n, const char *what);

/* Sign of a numeric (-1, 0, 1). */
int			exact_sign(Numeric n);
int			exact_cmp(Numeric a, Numeric b);
Numeric		exact_sub(Numeric a, Numeric b);
Numeric		exact_mul(Numeric a, Numeric b);
Numeric		exact_abs(Numeric a);
Numeric		exact_negate(Numeric a);

/* 10^d for 0 <= d <= ECO_YOY_MAX_DECIMALS. */
Numeric		exact_pow10(int d);

/* round(n / den) half away from zero, exactly; den must be non-zero. */
Numeric		exact_div_round(Numeric n, Numeric den);

/* scaled / 10^d with display scale d (exact: scaled is an integer). */
Datum		exact_unscale(Numeric scaled, int d);

/* The decimals argument, or ERROR 22023 outside 0..ECO_YOY_MAX_DECIMALS. */
int			exact_decimals_arg(int32 d);

#endif
