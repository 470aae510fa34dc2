/*
 * libFuzzer target: the IAQI of src/core/aqi.c.  The fast paths (the IAQI stored per input step of HJ 633-2026 and
 * EPA tables, the double-precision ceiling of HJ 633-2012 tables) must give exactly what the exact decimal path
 * gives, on every table of every edition.  The input is either 8 raw bytes (a double, taken as its absolute value)
 * or text read by strtod (so short decimals, steps and their halves are common); a first byte picks a scale
 * so values land inside the tables' ranges as often as beyond them.
 */
#include "fuzz_common.h"
#include "aqi.h"

#include <math.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double		v;

	v = fabs(fuzz_double(data, size));
	if (!isfinite(v))
		return 0;
	for (int e = 0; e < aqi_n_editions; e++)
	{
		const aqi_rules *ed = aqi_editions[e];

		for (int i = 0; i < aqi_n_tables(ed); i++)
		{
			const aqi_table *t = aqi_table_at(ed, i);
			aqi_table	exact = *t;
			int			fast,
						slow;

			exact.step_iaqi = NULL;
			exact.ceil_top = 0;
			fast = aqi_iaqi(t, v);
			slow = aqi_iaqi(&exact, v);
			if (fast != slow)
			{
				fprintf(stderr, "%s %s %.17g: fast path %d, exact path %d\n", aqi_item_code(t->item),
						aqi_period_name(t->period), v, fast, slow);
				abort();
			}
		}
	}
	return 0;
}
