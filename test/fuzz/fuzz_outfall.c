/*
 * libFuzzer target: river-outfall text parsers (src/core/outfall.c): the
 * HJ 1312 type names and aliases, and the lifecycle stages.
 * Properties: no memory error or undefined behaviour; a parsed type's name
 * and a parsed stage's name parse back to it; ancestors are well formed.
 */
#include "fuzz_common.h"
#include "outfall.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	const eco_outfall_type *t = eco_outfall_type_parse(s);
	int			st = eco_outfall_stage_parse(s);

	if (t != NULL)
	{
		FUZZ_ASSERT(eco_outfall_type_parse(t->name) == t);
		FUZZ_ASSERT(eco_outfall_type_by_id(t->id) == t);
		FUZZ_ASSERT(t->level >= 1 && t->level <= 3);
		for (int level = 0; level <= 4; level++)
		{
			const eco_outfall_type *a = eco_outfall_type_ancestor(t, level);

			FUZZ_ASSERT(a == NULL || a->level == level);
		}
	}
	FUZZ_ASSERT(st >= -1 && st < ECO_OF_N_STAGES);
	if (st >= 0)
		FUZZ_ASSERT(eco_outfall_stage_parse(eco_outfall_stage_names[st]) == st);
	free(s);
	return 0;
}
