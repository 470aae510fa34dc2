/*
 * yoy.c — year-on-year (同比) wording and the reproducible inspection draw.
 * Pure C99: no PostgreSQL header.
 *
 * Conventions (air.md §6, §3.8, §4.3): concentrations, percentile statistics
 * and the composite index change in % of the previous value; ratios (good-days
 * ratio and the like) change in percentage points; both are reported with
 * 1 decimal; an unchanged (rounded) value is "同比持平".  Where a direction
 * is better (lower concentrations, a higher good-days ratio) the bulletins say
 * 改善/恶化; for neutral quantities 上升/下降, and 增加/减少 for counts.
 */
#include "yoy.h"

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

/* The air summary's figures (see yoy.h). */
const eco_report_indicator eco_report_indicators[] = {
	{"PM2.5", "PM2.5平均浓度", "µg/m³", 1, "concentration", "period mean of the city daily means, dust days excluded"},
	{"PM10", "PM10平均浓度", "µg/m³", 1, "concentration", "period mean of the city daily means, dust days excluded"},
	{"SO2", "SO2平均浓度", "µg/m³", 0, "concentration", "period mean of the city daily means"},
	{"NO2", "NO2平均浓度", "µg/m³", 0, "concentration", "period mean of the city daily means"},
	{"CO", "CO日均值第95百分位数", "mg/m³", 1, "concentration", "95th percentile of the city daily means"},
	{"O3", "O3日最大8小时平均第90百分位数", "µg/m³", 0, "concentration", "90th percentile of the city MDA8"},
	{"good_days_ratio", "优良天数比率", "%", 1, "pp_higher_better", "days with city AQI <= 100 over days with a city AQI, dust days kept"},
	{"composite_index", "环境空气质量综合指数", "", 2, "concentration", "sum of C/S over the six published statistics above, dust days excluded"},
};
const int	eco_n_report_indicators = (int) (sizeof eco_report_indicators / sizeof eco_report_indicators[0]);

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

/* Gregorian leap year. */
static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
eco_same_day_last_year(int *y, int *m, int *d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (*m < 1 || *m > 12 || *d < 1 ||
		*d > mdays[*m - 1] + ((*m == 2 && is_leap(*y)) ? 1 : 0))
		return -1;
	*y -= 1;
	if (*m == 2 && *d == 29 && !is_leap(*y))
		*d = 28;
	return 0;
}

/* ---------- splitmix64 (Steele, Lea and Flood 2014; constants as published) ---------- */

uint64_t
eco_splitmix64(uint64_t *state)
{
	uint64_t	z = (*state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

uint64_t
eco_rand_below(uint64_t *state, uint64_t bound)
{
	/* reject the top partial block so every residue is equally likely */
	uint64_t	limit = UINT64_MAX - (UINT64_MAX % bound + 1) % bound;
	uint64_t	r;

	do
		r = eco_splitmix64(state);
	while (r > limit);
	return r % bound;
}

int
eco_draw_sample(int64_t seed, int64_t stream, int n, int k, int *perm)
{
	uint64_t	state;

	if (n < 0 || k < 0 || k > n)
		return -1;
	/* one generator per (seed, stream): mix the stream in through one splitmix step */
	state = (uint64_t) stream;
	state = (uint64_t) seed ^ eco_splitmix64(&state);
	for (int i = 0; i < n; i++)
		perm[i] = i;
	for (int i = 0; i < k; i++)
	{
		int			j = i + (int) eco_rand_below(&state, (uint64_t) (n - i));
		int			t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}
	return 0;
}
