/*
 * libFuzzer target (test/fuzz/README.md): soil item names in the context of a standard and the
 * GB 15618 land uses (src/core/soil.c).
 * Properties: no memory error or undefined behaviour; a resolved item is a
 * soil item the standard has a value for; its name as the standard writes it
 * resolves back to it; the name lists fit every buffer size like snprintf.
 */
#include "fuzz_common.h"
#include "soil.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	const int	stds[] = {ECO_STD_GB36600_2018, ECO_STD_GB15618_2018, ECO_STD_HJ633_2026};
	eco_land_type lt;
	char		small[8];

	for (size_t k = 0; k < sizeof stds / sizeof stds[0]; k++)
	{
		const eco_pollutant *p = eco_soil_item_parse(stds[k], s);

		if (p == NULL)
			continue;
		FUZZ_ASSERT(stds[k] != ECO_STD_HJ633_2026);
		FUZZ_ASSERT(p->medium == ECO_SOIL);
		FUZZ_ASSERT(eco_soil_std_lists(stds[k], p));
		if (stds[k] == ECO_STD_GB36600_2018)
		{
			const eco_gb36600_row *r = eco_gb36600_find(p);

			FUZZ_ASSERT(r != NULL);
			FUZZ_ASSERT(eco_soil_item_parse(stds[k], r->item) == p);
		}
		else
			for (int i = 0; i < eco_n_gb15618; i++)
				if (eco_gb15618[i].pollutant == p->id)
					FUZZ_ASSERT(eco_soil_item_parse(stds[k], eco_gb15618[i].item) == p);
	}
	if (eco_land_type_parse(s, &lt))
		FUZZ_ASSERT(lt >= ECO_LAND_PADDY && lt <= ECO_LAND_ROTATION);
	{
		size_t		n = size % sizeof small;
		int			need = eco_soil_item_names(ECO_STD_GB15618_2018, small, n);

		FUZZ_ASSERT(need > 0);
		FUZZ_ASSERT(n == 0 || strlen(small) == ((size_t) need < n ? (size_t) need : n - 1));
	}
	free(s);
	return 0;
}
