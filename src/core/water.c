/*
 * water.c — GB 3838-2002 limits and the 环办〔2011〕22号 evaluation method.
 *
 * Sources: GB 3838-2002 Table 1 and Table 2; 环办〔2011〕22号 (section class
 * and status, main pollutants and exceedance multiple, river/basin status,
 * lake trophic state TLI, Spearman trend).
 */
#include "water.h"
#include "eco_text.h"
#include "exact_decimal.h"
#include "pollutant.h"
#include "standards.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RL (ECO_WF_RIVER | ECO_WF_LAKE)
#define EV ECO_WF_EVAL
#define HM ECO_WF_HEAVY
#define NM ECO_WF_NOMULT

/* GB 3838-2002 Table 1; pollutant ids from pollutant.c. */
const eco_water_item eco_water_items[] = {
	{100, 1, ECO_WDIR_NONE, RL | NM, {0, 0, 0, 0, 0}},	/* 水温: no class */
	{101, 2, ECO_WDIR_RANGE, RL | EV | NM, {6, 9, 0, 0, 0}},	/* pH 6～9 */
	{102, 3, ECO_WDIR_MIN, RL | EV | NM, {7.5, 6, 5, 3, 2}},	/* DO ≥; Ⅰ: 7.5 (GB 3838-2002 Table 1: 饱和率90% or 7.5) */
	{103, 4, ECO_WDIR_MAX, RL | EV, {2, 4, 6, 10, 15}},	/* CODMn */
	{104, 5, ECO_WDIR_MAX, RL | EV, {15, 15, 20, 30, 40}},	/* COD */
	{105, 6, ECO_WDIR_MAX, RL | EV, {3, 3, 4, 6, 10}},	/* BOD5 */
	{106, 7, ECO_WDIR_MAX, RL | EV, {0.15, 0.5, 1.0, 1.5, 2.0}},	/* NH3-N */
	{107, 8, ECO_WDIR_MAX, ECO_WF_RIVER | EV, {0.02, 0.1, 0.2, 0.3, 0.4}},	/* TP, rivers */
	{107, 8, ECO_WDIR_MAX, ECO_WF_LAKE | EV, {0.01, 0.025, 0.05, 0.1, 0.2}},	/* TP, 湖、库 */
	{108, 9, ECO_WDIR_MAX, ECO_WF_LAKE, {0.2, 0.5, 1.0, 1.5, 2.0}},	/* TN, 湖、库 only; reference */
	{109, 10, ECO_WDIR_MAX, RL | EV, {0.01, 1.0, 1.0, 1.0, 1.0}},	/* Cu */
	{110, 11, ECO_WDIR_MAX, RL | EV, {0.05, 1.0, 1.0, 2.0, 2.0}},	/* Zn */
	{111, 12, ECO_WDIR_MAX, RL | EV, {1.0, 1.0, 1.0, 1.5, 1.5}},	/* F */
	{112, 13, ECO_WDIR_MAX, RL | EV, {0.01, 0.01, 0.01, 0.02, 0.02}},	/* Se */
	{113, 14, ECO_WDIR_MAX, RL | EV | HM, {0.05, 0.05, 0.05, 0.1, 0.1}},	/* As */
	{114, 15, ECO_WDIR_MAX, RL | EV | HM, {0.00005, 0.00005, 0.0001, 0.001, 0.001}},	/* Hg */
	{115, 16, ECO_WDIR_MAX, RL | EV | HM, {0.001, 0.005, 0.005, 0.005, 0.01}},	/* Cd */
	{116, 17, ECO_WDIR_MAX, RL | EV | HM, {0.01, 0.05, 0.05, 0.05, 0.1}},	/* Cr(VI) */
	{117, 18, ECO_WDIR_MAX, RL | EV | HM, {0.01, 0.01, 0.05, 0.05, 0.1}},	/* Pb */
	{118, 19, ECO_WDIR_MAX, RL | EV | HM, {0.005, 0.05, 0.2, 0.2, 0.2}},	/* CN */
	{119, 20, ECO_WDIR_MAX, RL | EV, {0.002, 0.002, 0.005, 0.01, 0.1}},	/* volatile phenol */
	{120, 21, ECO_WDIR_MAX, RL | EV, {0.05, 0.05, 0.05, 0.5, 1.0}},	/* petroleum */
	{121, 22, ECO_WDIR_MAX, RL | EV, {0.2, 0.2, 0.2, 0.3, 0.3}},	/* LAS */
	{122, 23, ECO_WDIR_MAX, RL | EV, {0.05, 0.1, 0.2, 0.5, 1.0}},	/* sulfide */
	{123, 24, ECO_WDIR_MAX, RL, {200, 2000, 10000, 20000, 40000}},	/* fecal coliform (个/L); reference */
};
const int	eco_n_water_items = (int) (sizeof(eco_water_items) / sizeof(eco_water_items[0]));

/* GB 3838-2002 Table 2. */
const eco_water_single eco_water_table2[] = {
	{124, 1, 250},				/* sulfate */
	{125, 2, 250},				/* chloride */
	{126, 3, 10},				/* nitrate (as N) */
	{127, 4, 0.3},				/* iron */
	{128, 5, 0.1},				/* manganese */
};
const int	eco_n_water_table2 = (int) (sizeof(eco_water_table2) / sizeof(eco_water_table2[0]));

/*
 * The editions of the surface-water standard (water.h): GB 3838-2002 only.
 * A new edition is a record here with its own tables (and its registry row
 * in standards.c); the functions find it by the standard id.
 */
const eco_water_edition eco_water_editions[] = {
	{ECO_STD_GB3838_2002, 1, eco_water_items, (int) (sizeof(eco_water_items) / sizeof(eco_water_items[0])),
	eco_water_table2, (int) (sizeof(eco_water_table2) / sizeof(eco_water_table2[0]))},
};
const int	eco_n_water_editions = (int) (sizeof(eco_water_editions) / sizeof(eco_water_editions[0]));

const eco_water_edition *
eco_water_edition_find(int std_id)
{
	for (int i = 0; i < eco_n_water_editions; i++)
		if (eco_water_editions[i].std_id == std_id)
			return &eco_water_editions[i];
	return NULL;
}

const eco_water_edition *
eco_water_edition_default(void)
{
	for (int i = 0; i < eco_n_water_editions; i++)
		if (eco_water_editions[i].is_default)
			return &eco_water_editions[i];
	return &eco_water_editions[0];
}

const eco_water_item *
eco_water_edition_item(const eco_water_edition *ed, int pollutant_id, eco_water_body body)
{
	unsigned	flag = body == ECO_LAKE ? ECO_WF_LAKE : ECO_WF_RIVER;

	if (ed == NULL)
		return NULL;
	if (ed->items == eco_water_items)
		return eco_water_item_find(pollutant_id, body);	/* indexed */
	for (int i = 0; i < ed->n_items; i++)
		if (ed->items[i].pollutant_id == pollutant_id && (ed->items[i].flags & flag))
			return &ed->items[i];
	return NULL;
}

const eco_water_single *
eco_water_edition_table2(const eco_water_edition *ed, int pollutant_id)
{
	if (ed == NULL)
		return NULL;
	for (int i = 0; i < ed->n_table2; i++)
		if (ed->table2[i].pollutant_id == pollutant_id)
			return &ed->table2[i];
	return NULL;
}

/* slot -> row index + 1 per water body, built on first use */
static signed char item_index[2][ECO_WATER_SLOTS];
static int	item_index_built = 0;

const eco_water_item *
eco_water_item_find(int pollutant_id, eco_water_body body)
{
	int			b = body == ECO_LAKE ? 1 : 0;
	int			slot = pollutant_id - ECO_WATER_ID0;

	if (!item_index_built)
	{
		for (int i = eco_n_water_items - 1; i >= 0; i--)
		{
			int			sl = eco_water_items[i].pollutant_id - ECO_WATER_ID0;

			if (eco_water_items[i].flags & ECO_WF_RIVER)
				item_index[0][sl] = (signed char) (i + 1);
			if (eco_water_items[i].flags & ECO_WF_LAKE)
				item_index[1][sl] = (signed char) (i + 1);
		}
		item_index_built = 1;
	}
	if (slot < 0 || slot >= ECO_WATER_SLOTS || item_index[b][slot] == 0)
		return NULL;
	return &eco_water_items[item_index[b][slot] - 1];
}

const eco_water_single *
eco_water_table2_find(int pollutant_id)
{
	for (int i = 0; i < eco_n_water_table2; i++)
		if (eco_water_table2[i].pollutant_id == pollutant_id)
			return &eco_water_table2[i];
	return NULL;
}

/* ---------- words ---------- */

/* The words of the water bodies, as eco_norm_key folds them (the hint lists them from here). */
const eco_water_body_word eco_water_body_words[] = {
	{"river", ECO_RIVER}, {"rivers", ECO_RIVER}, {"河流", ECO_RIVER}, {"河", ECO_RIVER}, {"河流断面", ECO_RIVER},
	{"stream", ECO_RIVER},
	{"lake", ECO_LAKE}, {"lakes", ECO_LAKE}, {"reservoir", ECO_LAKE}, {"reservoirs", ECO_LAKE}, {"湖库", ECO_LAKE},
	{"湖泊", ECO_LAKE}, {"水库", ECO_LAKE}, {"湖", ECO_LAKE}, {"lakereservoir", ECO_LAKE}, {"湖、库", ECO_LAKE},
};
const int	eco_n_water_body_words = (int) (sizeof(eco_water_body_words) / sizeof(eco_water_body_words[0]));

int
eco_water_body_parse(const char *s)
{
	char		k[64];

	if (s == NULL || eco_norm_key(s, k, sizeof k) <= 0)
		return -1;
	for (int i = 0; i < eco_n_water_body_words; i++)
		if (strcmp(k, eco_water_body_words[i].word) == 0)
			return eco_water_body_words[i].body;
	return -1;
}

const char *
eco_water_body_name(eco_water_body b)
{
	return b == ECO_LAKE ? "lake" : "river";
}

static const char *const class_ascii[7] = {"", "I", "II", "III", "IV", "V", "劣V"};
static const char *const class_roman[7] = {"", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"};
static const char *const class_zh[7] = {"", "Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"};
static const char *const class_en[7] = {"", "Class I", "Class II", "Class III", "Class IV", "Class V",
"worse than Class V"};

int
eco_water_class_parse(const char *s)
{
	static const char *const num[7] = {"", "1", "2", "3", "4", "5", "6"};
	char		k[64];
	char	   *p;
	int			worse = 0;

	if (s == NULL || eco_norm_key(s, k, sizeof k) <= 0)
		return 0;
	p = k;
	/* optional prefix "class"; optional suffix "类" */
	if (strncmp(p, "class", 5) == 0)
		p += 5;
	if (strncmp(p, "劣", strlen("劣")) == 0)
	{
		worse = 1;
		p += strlen("劣");
	}
	else if (strncmp(p, "worsethan", 9) == 0)
	{
		worse = 1;
		p += 9;
		if (strncmp(p, "class", 5) == 0)
			p += 5;
	}
	{
		size_t		len = strlen(p);
		size_t		lz = strlen("类");

		if (len > lz && strcmp(p + len - lz, "类") == 0)
			p[len - lz] = '\0';
	}
	if (worse)
		return (strcmp(p, "v") == 0 || strcmp(p, "5") == 0) ? ECO_WC_WORSE_V : 0;
	for (int c = 1; c <= 6; c++)
	{
		char		low[8];
		const char *a = class_ascii[c];
		int			j = 0;

		for (; a[j] && j < 7; j++)
			low[j] = (a[j] >= 'A' && a[j] <= 'Z') ? (char) (a[j] - 'A' + 'a') : a[j];
		low[j] = '\0';
		if (c < 6 && strcmp(p, low) == 0)
			return c;
		if (strcmp(p, num[c]) == 0)
			return c;
	}
	return 0;
}

const char *
eco_water_class_out(int c)
{
	return (c >= 1 && c <= 6) ? class_ascii[c] : NULL;
}

/* The label styles, in the order the hint lists them. */
const char *const eco_water_label_styles[ECO_WATER_N_LABEL_STYLES] = {"zh", "roman", "ascii", "en"};

const char *
eco_water_class_label(int c, const char *style)
{
	static const char *const *const by_style[ECO_WATER_N_LABEL_STYLES] = {class_zh, class_roman, class_ascii,
	class_en};

	if (c < 1 || c > 6 || style == NULL)
		return NULL;
	for (int i = 0; i < ECO_WATER_N_LABEL_STYLES; i++)
		if (strcmp(style, eco_water_label_styles[i]) == 0)
			return by_style[i][c];
	return NULL;
}

/* §2.3: Ⅰ–Ⅱ 优 蓝色, Ⅲ 良好 绿色, Ⅳ 轻度污染 黄色, Ⅴ 中度污染 橙色, 劣Ⅴ 重度污染 红色. */
static const char *const status_zh[7] = {NULL, "优", "优", "良好", "轻度污染", "中度污染", "重度污染"};
static const char *const status_en[7] = {NULL, "excellent", "excellent", "good", "slightly polluted",
"moderately polluted", "heavily polluted"};
static const char *const colour_zh[7] = {NULL, "蓝色", "蓝色", "绿色", "黄色", "橙色", "红色"};
static const char *const colour_en[7] = {NULL, "blue", "blue", "green", "yellow", "orange", "red"};

const char *
eco_water_status(int c)
{
	return (c >= 1 && c <= 6) ? status_zh[c] : NULL;
}

const char *
eco_water_status_en(int c)
{
	return (c >= 1 && c <= 6) ? status_en[c] : NULL;
}

const char *
eco_water_colour(int c, int en)
{
	return (c >= 1 && c <= 6) ? (en ? colour_en[c] : colour_zh[c]) : NULL;
}

/*
 * Screen colour (#RRGGBB) of a section class for maps and charts.  The method names the colours (§2.3: 蓝色, 绿色,
 * 黄色, 橙色, 红色) without RGB values: green, yellow, orange and red take the RGB of HJ 633-2012 Appendix A
 * Table A.1 (the same names in the air colour scale); blue is #0070FF.  A choice, documented in docs/outputs.md.
 */
static const char *const colour_hex[7] = {NULL, "#0070FF", "#0070FF", "#00E400", "#FFFF00", "#FF7E00", "#FF0000"};

const char *
eco_water_colour_hex(int c)
{
	return (c >= 1 && c <= 6) ? colour_hex[c] : NULL;
}

/* The one comparison of a value with a limit (exact_decimal.h). */
int
eco_value_cmp_limit(double v, double lim)
{
	return eco_cmp_limit(v, lim);
}

int
eco_water_classify(const eco_water_item *it, double v)
{
	switch (it->dir)
	{
		case ECO_WDIR_NONE:
			return ECO_WC_NONE;
		case ECO_WDIR_RANGE:
			return (eco_value_cmp_limit(v, it->lim[0]) >= 0 &&
					eco_value_cmp_limit(v, it->lim[1]) <= 0) ? ECO_WC_I : ECO_WC_WORSE_V;
		case ECO_WDIR_MIN:
			for (int c = 0; c < 5; c++)
				if (eco_value_cmp_limit(v, it->lim[c]) >= 0)
					return c + 1;
			return ECO_WC_WORSE_V;
		case ECO_WDIR_MAX:
			for (int c = 0; c < 5; c++)
				if (eco_value_cmp_limit(v, it->lim[c]) <= 0)
					return c + 1;
			return ECO_WC_WORSE_V;
	}
	return ECO_WC_NONE;
}

int
eco_water_multiple(const eco_water_item *it, double v, int target, int decimals, int64_t *scaled)
{
	eco_dec		c,
				s;
	int			e;

	*scaled = 0;
	if (it->dir != ECO_WDIR_MAX || (it->flags & ECO_WF_NOMULT) || target < 1 || target > 5)
		return 0;
	if (eco_value_cmp_limit(v, it->lim[target - 1]) <= 0)
		return 1;
	c = eco_dec_from_double(v);
	s = eco_dec_from_double(it->lim[target - 1]);
	if (eco_dec_cmp(c, s) <= 0)
		return 1;
	e = c.e < s.e ? c.e : s.e;
	if (decimals < 0 || decimals > 6)
		return -1;
	if (c.e - e > 16 || s.e - e > 16)
		return -1;				/* beyond exact decimal arithmetic (about 10^16 times the limit) */
	{
		__int128	cn = (__int128) c.m * eco_pow10_128(c.e - e);
		__int128	sn = (__int128) s.m * eco_pow10_128(s.e - e);
		__int128	num = (cn - sn) * eco_pow10_128(decimals) * 2 + sn;
		__int128	q;

		/* half-up: floor(((C - S) * 10^d) / S + 1/2); |num| < 2·10^38 fits */
		q = num / (2 * sn);
		if (q > (__int128) INT64_MAX)
			return -1;
		*scaled = (int64_t) q;
	}
	return 1;
}

double
eco_water_multiple_exact(const eco_water_item *it, double v, int target)
{
	double		s;

	if (it->dir != ECO_WDIR_MAX || (it->flags & ECO_WF_NOMULT) || target < 1 || target > 5)
		return 0;
	s = it->lim[target - 1];
	if (eco_value_cmp_limit(v, s) <= 0)
		return 0;
	return (v - s) / s;
}

/* ---------- sections ---------- */

int
eco_water_means_add(eco_water_means *m, int slot, double v)
{
	eco_exact	f,
				sum;

	if (slot < 0 || slot >= ECO_WATER_SLOTS || !eco_exact_from_double(v, &f))
		return -1;
	sum = eco_exact_get(&m->sum[slot]);
	if (!eco_exact_add(&sum, f, 0))
		return 0;
	eco_exact_set(&m->sum[slot], sum);
	m->n[slot]++;
	return 1;
}

int
eco_water_means_merge(eco_water_means *a, const eco_water_means *b)
{
	for (int slot = 0; slot < ECO_WATER_SLOTS; slot++)
	{
		eco_exact	sum = eco_exact_get(&a->sum[slot]);

		if (!eco_exact_add(&sum, eco_exact_get(&b->sum[slot]), 0))
			return 0;
		eco_exact_set(&a->sum[slot], sum);
		a->n[slot] += b->n[slot];
	}
	return 1;
}

double
eco_water_mean(const eco_water_means *m, int slot)
{
	return eco_exact_mean(eco_exact_get(&m->sum[slot]), m->n[slot]);
}


int
eco_water_section_class(const eco_water_edition *ed, const eco_water_means *m, eco_water_body body)
{
	int			worst = ECO_WC_NONE;

	for (int slot = 0; slot < ECO_WATER_SLOTS; slot++)
	{
		const eco_water_item *it;
		int			c;

		if (m->n[slot] == 0)
			continue;
		it = eco_water_edition_item(ed, ECO_WATER_ID0 + slot, body);
		if (it == NULL || !(it->flags & ECO_WF_EVAL))
			continue;
		c = eco_water_classify(it, eco_water_mean(m, slot));
		if (c > worst)
			worst = c;
	}
	return worst;
}

typedef struct main_cand
{
	eco_water_main m;
	int			heavy;
	double		exact;
} main_cand;

static int
main_cmp(const void *a, const void *b)
{
	const main_cand *x = a,
			   *y = b;

	if (x->heavy != y->heavy)
		return y->heavy - x->heavy;
	if (x->m.cls != y->m.cls)
		return y->m.cls - x->m.cls;
	if (x->m.has_multiple != y->m.has_multiple)
		return y->m.has_multiple - x->m.has_multiple;
	if (x->exact != y->exact)
		return x->exact < y->exact ? 1 : -1;
	return x->m.item->pollutant_id - y->m.item->pollutant_id;
}

int
eco_water_main_pollutants(const eco_water_edition *ed, const eco_water_means *m, eco_water_body body,
						  int heavy_first, int decimals, eco_water_main out[3])
{
	main_cand	cand[ECO_WATER_SLOTS];
	int			n = 0;

	for (int slot = 0; slot < ECO_WATER_SLOTS; slot++)
	{
		const eco_water_item *it;
		double		v;
		int			c,
					rc;

		if (m->n[slot] == 0)
			continue;
		it = eco_water_edition_item(ed, ECO_WATER_ID0 + slot, body);
		if (it == NULL || !(it->flags & ECO_WF_EVAL))
			continue;
		v = eco_water_mean(m, slot);
		c = eco_water_classify(it, v);
		if (c <= ECO_WC_III)
			continue;
		cand[n].m.item = it;
		cand[n].m.cls = c;
		rc = eco_water_multiple(it, v, ECO_WC_III, decimals, &cand[n].m.scaled);
		cand[n].m.has_multiple = rc != 0;
		cand[n].m.overflow = rc < 0;
		/* heavy-metal priority as a sort key, or no key at all */
		cand[n].heavy = heavy_first && (it->flags & ECO_WF_HEAVY) != 0;
		cand[n].exact = eco_water_multiple_exact(it, v, ECO_WC_III);
		n++;
	}
	qsort(cand, (size_t) n, sizeof cand[0], main_cmp);
	if (n > 3)
		n = 3;
	for (int i = 0; i < n; i++)
		out[i] = cand[i].m;
	return n;
}

int
eco_water_drinking(const eco_water_edition *ed, const eco_water_means *m, eco_water_body body, short *fail,
				   int *n_items)
{
	int			nf = 0;

	*n_items = 0;
	for (int slot = 0; slot < ECO_WATER_SLOTS; slot++)
	{
		int			id = ECO_WATER_ID0 + slot;
		const eco_water_item *it;
		const eco_water_single *t2;

		if (m->n[slot] == 0)
			continue;
		it = eco_water_edition_item(ed, id, body);
		t2 = eco_water_edition_table2(ed, id);
		if (it != NULL && (it->flags & ECO_WF_EVAL))
		{
			(*n_items)++;
			if (eco_water_classify(it, eco_water_mean(m, slot)) > ECO_WC_III)
				fail[nf++] = (short) id;
		}
		else if (t2 != NULL)
		{
			(*n_items)++;
			if (eco_value_cmp_limit(eco_water_mean(m, slot), t2->limit) > 0)
				fail[nf++] = (short) id;
		}
	}
	return nf;
}

/* ---------- basin ---------- */

/*
 * §2.5 with the suggested resolutions: ≥ 5 sections; exact rational
 * comparison; the 重度污染 row reads "Ⅰ–Ⅲ < 75% and 劣Ⅴ ≥ 40%".
 * Thresholds in percent.
 */
static const int basin_good_excellent = 90;
static const int basin_good_good = 75;
static const int basin_bad_moderate = 20;
static const int basin_bad_heavy = 40;
static const int basin_min_sections = 5;

void
eco_basin_status(const int64_t counts[7], eco_basin *out)
{
	int64_t		n = 0;

	for (int c = 1; c <= 6; c++)
		n += counts[c];
	out->n = n;
	out->good = counts[1] + counts[2] + counts[3];
	out->worse_v = counts[6];
	out->status = 0;
	if (n < basin_min_sections)
		return;
	if (out->good * 100 >= basin_good_excellent * n)
		out->status = 1;
	else if (out->good * 100 >= basin_good_good * n)
		out->status = 2;
	else if (out->worse_v * 100 < basin_bad_moderate * n)
		out->status = 3;
	else if (out->worse_v * 100 < basin_bad_heavy * n)
		out->status = 4;
	else
		out->status = 5;
}

const char *
eco_basin_status_word(int status)
{
	return (status >= 1 && status <= 5) ? status_zh[status + 1] : NULL;
}

const char *
eco_basin_colour(int status)
{
	return (status >= 1 && status <= 5) ? colour_zh[status + 1] : NULL;
}

/* ---------- Spearman ---------- */

/* §2.7 critical values W_p (one-sided), α = 0.05 and α = 0.01. */
const int	eco_spearman_table_n[ECO_SPEARMAN_TABLE_LEN] = {5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
const double eco_spearman_table[2][ECO_SPEARMAN_TABLE_LEN] = {
	{0.900, 0.829, 0.714, 0.643, 0.600, 0.564, 0.506, 0.456, 0.425, 0.399, 0.377, 0.359, 0.343, 0.329, 0.317, 0.306},
	{1.000, 0.943, 0.893, 0.833, 0.783, 0.746, 0.712, 0.645, 0.601, 0.564, 0.534, 0.508, 0.485, 0.465, 0.448, 0.432},
};

/* z_α of the normal approximation W_p = z_α / √(N − 1) used above N = 30 (环办〔2011〕22号, Spearman trend). */
static const double spearman_z[2] = {1.645, 2.326};

double
eco_spearman_critical(int n, int a)
{
	if (n < 5 || a < 0 || a > 1)
		return 0;
	if (n > 30)
		return spearman_z[a] / sqrt((double) (n - 1));
	/* N absent from the table (11, 13, ..., 29): the next smaller N, which is stricter */
	for (int i = ECO_SPEARMAN_TABLE_LEN - 1; i >= 0; i--)
		if (eco_spearman_table_n[i] <= n)
			return eco_spearman_table[a][i];
	return 0;
}

typedef struct sp_pair
{
	int32_t		period;
	double		value;
	int			t;				/* time rank */
} sp_pair;

static int
sp_by_period(const void *a, const void *b)
{
	const sp_pair *x = a,
			   *y = b;

	return (x->period > y->period) - (x->period < y->period);
}

static int
sp_by_value(const void *a, const void *b)
{
	const sp_pair *x = a,
			   *y = b;

	return (x->value > y->value) - (x->value < y->value);
}

int
eco_spearman(int n, int32_t *period, double *value, double *rs)
{
	sp_pair    *p = malloc(sizeof(sp_pair) * (size_t) (n > 0 ? n : 1));
	double		sumd2 = 0,
				ties = 0;
	double		nn = n;

	if (p == NULL)
		return -2;
	for (int i = 0; i < n; i++)
	{
		p[i].period = period[i];
		p[i].value = value[i];
	}
	qsort(p, (size_t) n, sizeof *p, sp_by_period);
	for (int i = 0; i < n; i++)
	{
		if (i > 0 && p[i].period == p[i - 1].period)
		{
			free(p);
			return -1;
		}
		p[i].t = i + 1;
	}
	qsort(p, (size_t) n, sizeof *p, sp_by_value);
	for (int i = 0; i < n;)
	{
		int			j = i;
		double		rank,
					g;

		while (j + 1 < n && p[j + 1].value == p[i].value)
			j++;
		/* average rank of positions i..j (1-based) */
		rank = (i + 1 + j + 1) / 2.0;
		for (int k = i; k <= j; k++)
			sumd2 += (rank - p[k].t) * (rank - p[k].t);
		g = j - i + 1;
		ties += g * g * g - g;
		i = j + 1;
	}
	for (int i = 0; i < n; i++)
	{
		period[i] = p[i].period;
		value[i] = p[i].value;
	}
	free(p);
	if (ties == 0)
	{
		*rs = 1.0 - 6.0 * sumd2 / (nn * nn * nn - nn);
		return 0;
	}
	/*
	 * Ties: r_s is the Pearson correlation of the (average) ranks.  With
	 * Sx = Σ(x − x̄)² = (n³ − n − Σ(g³ − g)) / 12 and St = (n³ − n) / 12,
	 * r_s = (Sx + St − Σd²) / (2 √(Sx St)).  The tie-free formula would give
	 * a constant series r_s = 0.5, a "significant increase" from N = 14 on.
	 */
	{
		double		st = (nn * nn * nn - nn) / 12.0;
		double		sx = (nn * nn * nn - nn - ties) / 12.0;

		if (sx <= 0)
			return 1;			/* every value equal: no ranking, r_s undefined */
		*rs = (sx + st - sumd2) / (2.0 * sqrt(sx * st));
	}
	return 0;
}

/* ---------- TLI ---------- */

/* §2.6 (总站生字〔2001〕090号): r_ij with chla, TLI(j) = 10 (a + b ln x). */
const eco_tli_param eco_tli_params[5] = {
	{129, 1.0, 2.5, 1.086},		/* chla (mg/m³) */
	{107, 0.84, 9.436, 1.624},	/* TP (mg/L) */
	{108, 0.82, 5.453, 1.694},	/* TN (mg/L) */
	{130, -0.83, 5.118, -1.94},	/* SD (m) */
	{103, 0.83, 0.109, 2.661},	/* CODMn (mg/L) */
};

double
eco_tli(const double x[5])
{
	double		sr2 = 0,
				t = 0;

	for (int j = 0; j < 5; j++)
		sr2 += eco_tli_params[j].r * eco_tli_params[j].r;
	for (int j = 0; j < 5; j++)
	{
		double		w = eco_tli_params[j].r * eco_tli_params[j].r / sr2;

		t += w * 10.0 * (eco_tli_params[j].a + eco_tli_params[j].b * log(x[j]));
	}
	return t;
}

/* §2.6 grades (S9 总站 text): < 30; 30..50 inclusive; (50, 60]; (60, 70]; > 70. */
static const double tli_bounds[4] = {30, 50, 60, 70};

const char *
eco_tli_grade(double tli)
{
	if (isnan(tli))
		return NULL;
	if (tli < tli_bounds[0])
		return "贫营养";
	if (tli <= tli_bounds[1])
		return "中营养";
	if (tli <= tli_bounds[2])
		return "轻度富营养";
	if (tli <= tli_bounds[3])
		return "中度富营养";
	return "重度富营养";
}
