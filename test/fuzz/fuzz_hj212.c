/*
 * fuzz_hj212.c — libFuzzer target for the HJ 212-2017 packet parser
 * (src/core/hj212.c).  Any input must return a status without reading
 * outside the buffer; on success every value is finite and its code is in
 * the item table, and a parse without the CRC check agrees on every field.
 * The input cut at its first LF is also read as two parts of a split packet
 * (hj212_parse_frame each, hj212_reassemble both): the join must return a
 * status, and on success hold finite values of known items only.
 */
#include "hj212.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static hj212_packet a,
			b,
			p1,
			p2,
			joined;
static char cpbuf[HJ212_MAX_PARTS * (HJ212_MAX_DATA + 1)];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hj212_error e;
	hj212_status s1,
				s2;

	/* Copy into an exact-size buffer so that ASan catches any over-read. */
	char	   *buf = malloc(size ? size : 1);

	if (size)
		memcpy(buf, data, size);
	s1 = hj212_parse(buf, size, 1, 1, &a, &e);
	s2 = hj212_parse(buf, size, 1, 0, &b, &e);
	if (s1 == HJ212_OK)
	{
		if (s2 != HJ212_OK || a.n_values != b.n_values || a.crc_sent != a.crc_computed)
			abort();
		for (int i = 0; i < a.n_values; i++)
		{
			int			lg;

			if (!isfinite(a.values[i].value) || a.values[i].item == NULL
				|| hj212_item_lookup(a.values[i].code.p, (size_t) a.values[i].code.len, &lg) != a.values[i].item)
				abort();
		}
	}
	else if (s1 != HJ212_ERR_CRC && s2 != s1)
		abort();
	(void) hj212_crc16(buf, size);
	{
		const char *lf = size ? memchr(buf, '\n', size) : NULL;

		if (lf)
		{
			size_t		n1 = (size_t) (lf - buf);
			const hj212_packet *parts[2] = {&p1, &p2};

			if (hj212_parse_frame(buf, n1, 1, 0, &p1, &e) == HJ212_OK
				&& hj212_parse_frame(lf + 1, size - n1 - 1, 1, 0, &p2, &e) == HJ212_OK
				&& hj212_reassemble(parts, 2, cpbuf, sizeof cpbuf, &joined, &e) == HJ212_OK)
			{
				if (joined.n_values > HJ212_MAX_VALUES || hj212_pnum(&p1) != 2 || hj212_pno(&p2) != 2)
					abort();
				for (int i = 0; i < joined.n_values; i++)
					if (!isfinite(joined.values[i].value) || joined.values[i].item == NULL)
						abort();
			}
		}
	}
	free(buf);
	return 0;
}
