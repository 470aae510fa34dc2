/*
 * eco_text.h — text normalisation shared by every forgiving input parser.
 * Pure C: no PostgreSQL header.
 */
#ifndef ECO_TEXT_H
#define ECO_TEXT_H
#include <stddef.h>

/*
 * Normalise a UTF-8 name into a lookup key: ASCII letters lower-cased;
 * full-width ASCII folded to ASCII; subscript and superscript digits and
 * Roman-numeral code points (Ⅰ..Ⅻ) folded to ASCII; spaces, '_', '.', '-',
 * ',', quotes, brackets of every width and dashes dropped.  Returns the key
 * length, or -1 when the input is not valid UTF-8 or the key does not fit.
 */
int eco_norm_key(const char *in, char *out, size_t outsz);

/* Decode one UTF-8 code point; returns bytes consumed, 0 on invalid input. */
int eco_utf8_decode(const unsigned char *s, unsigned int *cp);

#endif
