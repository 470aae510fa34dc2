/*
 * libFuzzer target: surface-water text parsers (src/core/water.c): class
 * ('III', 'Ⅲ类', '劣V', 'worse than V'...), water body (river, 湖库...) and
 * the label style of eco_water_class_label.
 * Properties: no memory error or undefined behaviour; results in range; a
 * parsed class's and body's canonical text parses back to it.
 */
#include "fuzz_common.h"
#include "water.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	int			c = eco_water_class_parse(s);
	int			b = eco_water_body_parse(s);

	FUZZ_ASSERT(c >= ECO_WC_NONE && c <= ECO_WC_WORSE_V);
	if (c != ECO_WC_NONE)
	{
		FUZZ_ASSERT(eco_water_class_parse(eco_water_class_out(c)) == c);
		FUZZ_ASSERT(eco_water_status(c) != NULL);
	}
	FUZZ_ASSERT(b >= -1 && b <= ECO_LAKE);
	if (b >= 0)
		FUZZ_ASSERT(eco_water_body_parse(eco_water_body_name((eco_water_body) b)) == b);
	/* the input as a label style, for every class (0 included) */
	for (int k = ECO_WC_NONE; k <= ECO_WC_WORSE_V; k++)
	{
		const char *l = eco_water_class_label(k, s);

		if (l != NULL && k != ECO_WC_NONE)
			FUZZ_ASSERT(strlen(l) > 0);
	}
	free(s);
	return 0;
}
