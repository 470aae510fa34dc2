/*
 * change_wording.c — the change kinds and the bulletin phrase of a year-on-year change (see change_wording.h).
 * Pure C99: no PostgreSQL header.
 */
#include "change_wording.h"

#include <stdio.h>
#include <string.h>

const char	eco_yoy_prefix[] = "同比";
const char	eco_yoy_same[] = "持平";

/* The kinds accepted by eco.change_phrase (view eco.change_kinds). */
const eco_change_kind eco_change_kinds[] = {
	{"pct", ECO_CHANGE_PCT, ECO_DIR_NEUTRAL, "上升", "下降", "%",
	"relative change in %, neutral wording"},
	{"pct_lower_better", ECO_CHANGE_PCT, ECO_DIR_LOWER_BETTER, "恶化", "改善", "%",
	"relative change in % of a quantity where lower is better (concentrations, composite index)"},
	{"pct_higher_better", ECO_CHANGE_PCT, ECO_DIR_HIGHER_BETTER, "改善", "恶化", "%",
	"relative change in % of a quantity where higher is better"},
	{"concentration", ECO_CHANGE_PCT, ECO_DIR_LOWER_BETTER, "恶化", "改善", "%",
	"alias of pct_lower_better: PM2.5, PM10, composite index"},
	{"count", ECO_CHANGE_PCT, ECO_DIR_NEUTRAL, "增加", "减少", "%",
	"relative change in % of a count (complaints, cases)"},
	{"pp", ECO_CHANGE_PP, ECO_DIR_NEUTRAL, "上升", "下降", "个百分点",
	"difference in percentage points, neutral wording"},
	{"pp_higher_better", ECO_CHANGE_PP, ECO_DIR_HIGHER_BETTER, "改善", "恶化", "个百分点",
	"difference in percentage points of a ratio where higher is better (good-days ratio)"},
	{"pp_lower_better", ECO_CHANGE_PP, ECO_DIR_LOWER_BETTER, "恶化", "改善", "个百分点",
	"difference in percentage points of a ratio where lower is better (exceedance-days ratio)"},
};
const int	eco_n_change_kinds = (int) (sizeof eco_change_kinds / sizeof eco_change_kinds[0]);

/* ASCII case-insensitive equality. */
static int
ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
	{
		char		ca = (*a >= 'A' && *a <= 'Z') ? (char) (*a - 'A' + 'a') : *a;
		char		cb = (*b >= 'A' && *b <= 'Z') ? (char) (*b - 'A' + 'a') : *b;

		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

const eco_change_kind *
eco_change_kind_lookup(const char *name)
{
	if (name == NULL)
		return NULL;
	for (int i = 0; i < eco_n_change_kinds; i++)
		if (ascii_ieq(name, eco_change_kinds[i].kind))
			return &eco_change_kinds[i];
	return NULL;
}

int
eco_change_phrase(const eco_change_kind *k, int sign, const char *magnitude, char *buf, size_t len)
{
	int			n;

	if (sign == 0)
		n = snprintf(buf, len, "%s%s", eco_yoy_prefix, eco_yoy_same);
	else
		n = snprintf(buf, len, "%s%s%s%s", eco_yoy_prefix,
					 sign > 0 ? k->word_up : k->word_down, magnitude, k->suffix);
	return (n < 0 || (size_t) n >= len) ? -1 : n;
}

int
eco_decimal_text(const char *scaled, int decimals, char *buf, size_t len)
{
	size_t		n,
				int_digits,
				out = 0;

	if (*scaled == '-' || *scaled == '+')
		scaled++;
	n = strlen(scaled);
	if (n == 0 || decimals < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (scaled[i] < '0' || scaled[i] > '9')
			return -1;
	/* leading zeros so that at least one digit stands before the point */
	int_digits = n > (size_t) decimals ? n - (size_t) decimals : 1;
	/* digits, the point when there are decimals, the terminating NUL */
	if (int_digits + (decimals > 0 ? 1 + (size_t) decimals : 0) + 1 > len)
		return -1;
	for (size_t i = 0; i < int_digits + (size_t) decimals; i++)
	{
		/* position i of the zero-padded digit string of length int_digits + decimals */
		size_t		pad = int_digits + (size_t) decimals - n;

		if (i == int_digits && decimals > 0)
			buf[out++] = '.';
		buf[out++] = i < pad ? '0' : scaled[i - pad];
	}
	buf[out] = '\0';
	return (int) out;
}
