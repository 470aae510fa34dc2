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

/*
 * The next name of a '|' separated list (e.g. a table's aliases): copied
 * into buf as a NUL-terminated string, *list advanced past it; names that do
 * not fit in buf are skipped.  Returns 0 when the list (or NULL) is used up.
 */
int eco_list_next(const char **list, char *buf, size_t bufsz);

/* Position of text in a list of n words (exact, byte for byte); -1 when absent or NULL. */
int eco_word_index(const char *const *words, int n, const char *text);

/* Decode one UTF-8 code point; returns bytes consumed, 0 on invalid input. */
int eco_utf8_decode(const unsigned char *s, unsigned int *cp);

#endif
