/*
 * libFuzzer target: the air parsers of averaging periods and items
 * (src/core/averaging_period.c eco_air_period_parse; src/core/aqi.c aqi_period_parse,
 * which takes a length, and aqi_item_from_code).
 * Properties: no memory error or undefined behaviour (aqi_period_parse gets
 * the raw bytes, not NUL-terminated: it must stay within len); a parsed
 * period's name parses back to it.
 */
#include "fuzz_common.h"
#include "air_eval.h"
#include "aqi.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	char	   *raw = malloc(size ? size : 1);
	int			p = eco_air_period_parse(s);
	int			q,
				item;

	if (raw == NULL)
		abort();
	memcpy(raw, data, size);
	FUZZ_ASSERT(p >= -1 && p < ECO_AP_COUNT);
	if (p >= 0)
		FUZZ_ASSERT(eco_air_period_parse(eco_air_period_name((eco_air_period) p)) == p);
	q = aqi_period_parse(raw, (int) size);
	if (q >= 0)
	{
		const char *name = aqi_period_name((aqi_period) q);

		FUZZ_ASSERT(name != NULL && aqi_period_parse(name, (int) strlen(name)) == q);
	}
	item = aqi_item_from_code(s);
	if (item >= 0)
		FUZZ_ASSERT(aqi_item_from_code(aqi_item_code((aqi_item) item)) == item);
	free(raw);
	free(s);
	return 0;
}
