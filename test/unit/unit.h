/*
 * unit.h — a minimal TAP-style harness for the C unit tests of the core.
 * Each check prints "ok N - name" or "not ok N - name"; unit_done() prints
 * "# unit: P passed, F failed" and returns the exit status.
 */
#ifndef ECO_UNIT_H
#define ECO_UNIT_H
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int unit_n = 0, unit_fail = 0;
static const char *unit_file = "";

static void
unit_check(int cond, const char *name, const char *detail)
{
	unit_n++;
	if (cond)
		printf("ok %d - %s: %s\n", unit_n, unit_file, name);
	else
	{
		unit_fail++;
		printf("not ok %d - %s: %s%s%s\n", unit_n, unit_file, name,
			   detail ? " -- " : "", detail ? detail : "");
	}
}

#define CHECK(cond, name) unit_check((cond) ? 1 : 0, (name), #cond)
#define CHECK_INT(got, want, name) do { long long g_ = (got), w_ = (want); char b_[96]; \
	snprintf(b_, sizeof b_, "got %lld want %lld", g_, w_); unit_check(g_ == w_, (name), b_); } while (0)
#define CHECK_DBL(got, want, tol, name) do { double g_ = (got), w_ = (want); char b_[128]; \
	snprintf(b_, sizeof b_, "got %.17g want %.17g", g_, w_); unit_check(fabs(g_ - w_) <= (tol), (name), b_); } while (0)
#define CHECK_STR(got, want, name) do { const char *g_ = (got), *w_ = (want); char b_[256]; \
	snprintf(b_, sizeof b_, "got '%s' want '%s'", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	unit_check(g_ && w_ && strcmp(g_, w_) == 0, (name), b_); } while (0)

static int
unit_done(void)
{
	printf("# unit: %d passed, %d failed (%s)\n", unit_n - unit_fail, unit_fail, unit_file);
	return unit_fail ? 1 : 0;
}

/* Deterministic pseudo-random numbers for the tests (xorshift64; one sequence per test program). */
static uint64_t unit_rng_state = 88172645463325252ULL;

static inline uint64_t
unit_rng(void)
{
	unit_rng_state ^= unit_rng_state << 13;
	unit_rng_state ^= unit_rng_state >> 7;
	unit_rng_state ^= unit_rng_state << 17;
	return unit_rng_state;
}

/* The plain double mean, added in order: the old way, kept in tests to show what the exact sums fix. */
static inline double
unit_naive_mean(const double *v, int n)
{
	double		s = 0;

	for (int i = 0; i < n; i++)
		s += v[i];
	return s / n;
}

#endif
