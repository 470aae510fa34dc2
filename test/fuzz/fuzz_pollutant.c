/*
 * libFuzzer target: pollutant names (src/core/pollutant.c) and the text
 * normalisation every forgiving parser shares (src/core/eco_text.c).
 * Properties: no memory error or undefined behaviour; a parsed pollutant's
 * canonical output parses back to it; the key fits its buffer.
 */
#include "fuzz_common.h"
#include "eco_text.h"
#include "pollutant.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	const eco_pollutant *p = eco_pollutant_parse(s);
	char		key[64],
				tiny[3];
	int			n;
	const unsigned char *u;
	unsigned int cp;

	if (p != NULL)
	{
		char		buf[256];
		const char *out = eco_pollutant_out(p, buf, sizeof buf);

		FUZZ_ASSERT(out != NULL);
		FUZZ_ASSERT(eco_pollutant_parse(out) == p);
		FUZZ_ASSERT(eco_pollutant_by_id(p->id) == p);
		for (int m = ECO_AIR; m <= ECO_SOIL; m++)
		{
			const eco_pollutant *q = eco_pollutant_in_medium(p, (eco_medium) m);

			FUZZ_ASSERT(q == NULL || strcmp(q->code, p->code) == 0);
		}
	}
	n = eco_norm_key(s, key, sizeof key);
	FUZZ_ASSERT(n < (int) sizeof key);
	FUZZ_ASSERT(n < 0 || (size_t) n == strlen(key));
	n = eco_norm_key(s, tiny, sizeof tiny);
	FUZZ_ASSERT(n < (int) sizeof tiny);
	for (u = (const unsigned char *) s; *u;)
	{
		int			k = eco_utf8_decode(u, &cp);

		if (k == 0)
			break;
		FUZZ_ASSERT(k >= 1 && k <= 4 && cp <= 0x10FFFF);
		u += k;
	}
	free(s);
	return 0;
}
