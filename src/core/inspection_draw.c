/*
 * inspection_draw.c — reproducible draws for the 双随机 inspections (see inspection_draw.h).
 * Pure C99: no PostgreSQL header.
 */
#include "inspection_draw.h"

/*
 * splitmix64 (Steele, Lea and Flood 2014), constants as published: the increment is the 64-bit golden ratio
 * 2^64 / phi, then two xor-shift-multiply rounds and a final xor-shift.
 */
#define SPLITMIX64_GAMMA	UINT64_C(0x9E3779B97F4A7C15)
#define SPLITMIX64_MUL1		UINT64_C(0xBF58476D1CE4E5B9)
#define SPLITMIX64_MUL2		UINT64_C(0x94D049BB133111EB)
#define SPLITMIX64_SHIFT1	30
#define SPLITMIX64_SHIFT2	27
#define SPLITMIX64_SHIFT3	31

uint64_t
eco_splitmix64(uint64_t *state)
{
	uint64_t	z = (*state += SPLITMIX64_GAMMA);

	z = (z ^ (z >> SPLITMIX64_SHIFT1)) * SPLITMIX64_MUL1;
	z = (z ^ (z >> SPLITMIX64_SHIFT2)) * SPLITMIX64_MUL2;
	return z ^ (z >> SPLITMIX64_SHIFT3);
}

uint64_t
eco_rand_below(uint64_t *state, uint64_t bound)
{
	/* reject the top partial block so every residue is equally likely */
	uint64_t	limit = UINT64_MAX - (UINT64_MAX % bound + 1) % bound;
	uint64_t	r;

	do
		r = eco_splitmix64(state);
	while (r > limit);
	return r % bound;
}

int
eco_draw_sample(int64_t seed, int64_t stream, int n, int k, int *perm)
{
	uint64_t	state;

	if (n < 0 || k < 0 || k > n)
		return -1;
	/* one generator per (seed, stream): mix the stream in through one splitmix step */
	state = (uint64_t) stream;
	state = (uint64_t) seed ^ eco_splitmix64(&state);
	for (int i = 0; i < n; i++)
		perm[i] = i;
	for (int i = 0; i < k; i++)
	{
		int			j = i + (int) eco_rand_below(&state, (uint64_t) (n - i));
		int			t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}
	return 0;
}
