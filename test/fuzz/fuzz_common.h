/*
 * fuzz_common.h — shared by the libFuzzer targets test/fuzz/fuzz_<name>.c
 * (convention in test/fuzz/README.md).  Pure C, no PostgreSQL header.
 */
#ifndef ECO_FUZZ_COMMON_H
#define ECO_FUZZ_COMMON_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The input as a NUL-terminated C string in a heap block of exactly size + 1
 * bytes, so that AddressSanitizer catches a parser reading past the end.
 * (Text with an embedded NUL reaches the parser cut there, as from SQL.)
 */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A property the target checks: on failure print it and abort (libFuzzer saves the input). */
#define FUZZ_ASSERT(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); abort(); } } while (0)

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


/*
 * The input as a double: 8 raw bytes are the double itself, anything else is text read by strtod (so short
 * decimals and their ties are common).  The caller takes the absolute value or not as its property needs.
 */
static inline double
fuzz_double(const uint8_t *data, size_t size)
{
	double		v;

	if (size == 8)
		memcpy(&v, data, 8);
	else
	{
		char	   *s = fuzz_cstr(data, size);

		v = strtod(s, NULL);
		free(s);
	}
	return v;
}

#endif
