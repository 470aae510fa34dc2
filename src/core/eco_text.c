/*
 * eco_text.c — key normalisation for forgiving, exact name matching.
 */
#include "eco_text.h"

#include <string.h>

int
eco_utf8_decode(const unsigned char *s, unsigned int *cp)
{
	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80)
	{
		*cp = ((unsigned) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return *cp >= 0x80 ? 2 : 0;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		*cp = ((unsigned) (s[0] & 0x0F) << 12) | ((unsigned) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return *cp >= 0x800 ? 3 : 0;
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
	{
		*cp = ((unsigned) (s[0] & 0x07) << 18) | ((unsigned) (s[1] & 0x3F) << 12) |
			((unsigned) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return (*cp >= 0x10000 && *cp <= 0x10FFFF) ? 4 : 0;
	}
	return 0;
}

/* ASCII characters that carry no meaning in a name. */
static int
is_ignorable_ascii(unsigned int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_' || c == '.' ||
		c == '-' || c == ',' || c == '(' || c == ')' || c == '[' || c == ']' ||
		c == '{' || c == '}' || c == '\'' || c == '"';
}

/* Append bytes to the key; returns 0 when out of room. */
static int
put(char *out, size_t outsz, size_t *n, const char *s, size_t len)
{
	if (*n + len + 1 > outsz)
		return 0;
	memcpy(out + *n, s, len);
	*n += len;
	return 1;
}

int
eco_norm_key(const char *in, char *out, size_t outsz)
{
	static const char *const roman[] = {"i", "ii", "iii", "iv", "v", "vi",
	"vii", "viii", "ix", "x", "xi", "xii"};
	const unsigned char *s = (const unsigned char *) in;
	size_t		n = 0;

	if (outsz == 0)
		return -1;
	while (*s)
	{
		unsigned int cp;
		int			len = eco_utf8_decode(s, &cp);
		char		c;

		if (len == 0)
			return -1;
		if (cp >= 0xFF01 && cp <= 0xFF5E)	/* full-width ASCII */
			cp -= 0xFEE0;
		if (cp < 0x80)
		{
			if (!is_ignorable_ascii(cp))
			{
				c = (char) ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
				if (!put(out, outsz, &n, &c, 1))
					return -1;
			}
		}
		else if (cp >= 0x2080 && cp <= 0x2089)	/* subscript digits */
		{
			c = (char) ('0' + (cp - 0x2080));
			if (!put(out, outsz, &n, &c, 1))
				return -1;
		}
		else if (cp == 0x00B2 || cp == 0x00B3 || cp == 0x00B9 || (cp >= 0x2070 && cp <= 0x2079))
		{
			c = cp == 0x00B2 ? '2' : cp == 0x00B3 ? '3' : cp == 0x00B9 ? '1' : (char) ('0' + (cp - 0x2070));
			if (!put(out, outsz, &n, &c, 1))
				return -1;
		}
		else if ((cp >= 0x2160 && cp <= 0x216B) || (cp >= 0x2170 && cp <= 0x217B))	/* Roman numerals */
		{
			const char *r = roman[cp >= 0x2170 ? cp - 0x2170 : cp - 0x2160];

			if (!put(out, outsz, &n, r, strlen(r)))
				return -1;
		}
		else if (cp == 0x3000 || cp == 0x00B7 || cp == 0x2010 || cp == 0x2011 ||
				 cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
				 cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
				 cp == 0x3010 || cp == 0x3011 || cp == 0x3014 || cp == 0x3015 ||
				 cp == 0x30FB || cp == 0x2032)
		{
			/* ideographic space, middle dots, dashes, quotes, CJK brackets, prime: dropped */
		}
		else if (!put(out, outsz, &n, (const char *) s, (size_t) len))
			return -1;
		s += len;
	}
	out[n] = '\0';
	return (int) n;
}

int
eco_list_next(const char **list, char *buf, size_t bufsz)
{
	while (*list && **list)
	{
		const char *a = *list;
		const char *bar = strchr(a, '|');
		size_t		len = bar ? (size_t) (bar - a) : strlen(a);

		*list = bar ? bar + 1 : NULL;
		if (len < bufsz)
		{
			memcpy(buf, a, len);
			buf[len] = '\0';
			return 1;
		}
	}
	return 0;
}

int
eco_word_index(const char *const *words, int n, const char *text)
{
	if (text == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(words[i], text) == 0)
			return i;
	return -1;
}
