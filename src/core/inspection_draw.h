/*
 * inspection_draw.h — the reproducible random draw of the 双随机 inspections (random enterprises, random
 * inspectors): a splitmix64 generator, unbiased bounded integers and a partial Fisher-Yates sample.
 * Pure C: no PostgreSQL header.
 */
#ifndef ECO_INSPECTION_DRAW_H
#define ECO_INSPECTION_DRAW_H

#include <stdint.h>

/* splitmix64 step: advances *state and returns the next 64-bit output. */
uint64_t	eco_splitmix64(uint64_t *state);

/* Uniform integer in [0, bound) without modulo bias (bound > 0). */
uint64_t	eco_rand_below(uint64_t *state, uint64_t bound);

/*
 * Draw k distinct positions out of 0..n-1 (partial Fisher-Yates): on return
 * perm[0..k-1] hold the draw in draw order.  perm must have room for n
 * ints.  The same (seed, stream, n, k) always gives the same draw; 'stream'
 * separates independent draws made from one seed.  Returns 0, or -1 when
 * k < 0, n < 0 or k > n.
 */
int			eco_draw_sample(int64_t seed, int64_t stream, int n, int k, int *perm);

#endif
