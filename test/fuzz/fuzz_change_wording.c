/*
 * libFuzzer target: the year-on-year wording (src/core/change_wording.c): change
 * kinds by name, the decimal text of a scaled integer, the bulletin phrase
 * with the input as its magnitude, into buffers of every small size.
 * Properties: no memory error or undefined behaviour; a result fits its
 * buffer and is NUL-terminated with the length returned.
 */
#include "fuzz_common.h"
#include "change_wording.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstr(data, size);
	const eco_change_kind *k = eco_change_kind_lookup(s);
	int			decimals = size ? (int) (data[0] % 8) - 1 : 2;	/* -1..6: out of range too */

	if (k == NULL)
		k = &eco_change_kinds[size % 2];
	else
		FUZZ_ASSERT(eco_change_kind_lookup(k->kind) == k);
	for (size_t len = 0; len <= 40; len += (len < 12 ? 1 : 14))
	{
		char	   *buf = malloc(len ? len : 1);
		int			n;

		if (buf == NULL)
			abort();
		n = eco_decimal_text(s, decimals, buf, len);
		FUZZ_ASSERT(n < 0 || ((size_t) n < len && strlen(buf) == (size_t) n));
		for (int sign = -1; sign <= 1; sign++)
		{
			n = eco_change_phrase(k, sign, s, buf, len);
			FUZZ_ASSERT(n < 0 || ((size_t) n < len && strlen(buf) == (size_t) n));
		}
		free(buf);
	}
	free(s);
	return 0;
}
