/*
 * libFuzzer target: standard codes (src/core/standards.c): eco_standard_parse
 * and eco_standard_in_force (the input as a family, a date taken from its
 * first bytes).
 * Properties: no memory error or undefined behaviour; a parsed standard's
 * code parses back to it; a standard in force belongs to the family asked
 * (as a lookup key: case and punctuation folded).
 */
#include "fuzz_common.h"
#include "eco_text.h"
#include "standards.h"

/* the family of f is the one asked for, compared as lookup keys (case and punctuation folded) */
static int
same_family(const eco_standard *f, const char *asked)
{
	char		a[64],
				b[64];

	return eco_norm_key(asked, a, sizeof a) > 0 && eco_norm_key(f->family, b, sizeof b) > 0 && strcmp(a, b) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	const eco_standard *p = eco_standard_parse(s);
	const eco_standard *f;
	int32_t		ymd = 20260301;

	if (p != NULL)
	{
		FUZZ_ASSERT(eco_standard_parse(p->code) == p);
		FUZZ_ASSERT(eco_standard_by_id(p->id) == p);
	}
	if (size >= 4)
		memcpy(&ymd, data, 4);
	f = eco_standard_in_force(s, ymd);
	FUZZ_ASSERT(f == NULL || same_family(f, s));
	f = eco_standard_in_force(s, 20260301);
	FUZZ_ASSERT(f == NULL || same_family(f, s));
	free(s);
	return 0;
}
