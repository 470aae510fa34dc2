/*
 * averaging_period.c — names of the averaging periods (see averaging_period.h).
 */
#include "averaging_period.h"

#include <string.h>

static const char *const period_names[ECO_AP_COUNT] = {"1h", "8h", "24h", "year", "quarter"};

int
eco_period_parse(const char *text, size_t len)
{
	static const struct
	{
		const char *name;
		eco_air_period p;
	}			names[] = {
		{"1h", ECO_AP_1H}, {"hour", ECO_AP_1H},
		{"8h", ECO_AP_8H}, {"mda8", ECO_AP_8H},
		{"24h", ECO_AP_24H}, {"day", ECO_AP_24H},
		{"year", ECO_AP_YEAR}, {"annual", ECO_AP_YEAR},
		{"quarter", ECO_AP_QUARTER},
	};
	char		buf[16];
	size_t		n = 0;

	if (text == NULL)
		return -1;
	/* keep digits and letters, fold case: '1h', '1-h', '1 H', '24h' */
	for (size_t i = 0; i < len; i++)
	{
		char		c = text[i];

		if (c == ' ' || c == '-' || c == '_')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (n >= sizeof buf - 1)
			return -1;
		buf[n++] = c;
	}
	buf[n] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(buf, names[i].name) == 0)
			return (int) names[i].p;
	return -1;
}

int
eco_air_period_parse(const char *text)
{
	return text == NULL ? -1 : eco_period_parse(text, strlen(text));
}

const char *
eco_air_period_name(eco_air_period p)
{
	return ((int) p >= 0 && p < ECO_AP_COUNT) ? period_names[p] : "?";
}
