/*
 * soil.c — GB 36600-2018 Tables 1-2 and GB 15618-2018 Tables 1-3, the
 * screening rules (GB 36600-2018 5.3; GB 15618-2018 use of the screening and
 * intervention values) and the item names as each standard writes them.
 */
#include "soil.h"
#include "eco_text.h"
#include "exact_decimal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* c <= limit, by the one comparison of a value with a limit (exact_decimal.h). */
int
eco_soil_le(double c, double limit)
{
	return eco_cmp_limit(c, limit) <= 0;
}

/* ---------- GB 36600-2018 Table 1 (basic items) and Table 2 (other items) ---------- */

/* pollutant id, table, row, item as the standard writes it, screening 1st/2nd, intervention 1st/2nd, note a */
#define T1(id, row, item, s1, s2, i1, i2, a) {id, 1, row, item, {s1, s2}, {i1, i2}, a}
#define T2(id, row, item, s1, s2, i1, i2, a) {id, 2, row, item, {s1, s2}, {i1, i2}, a}

const eco_gb36600_row eco_gb36600[] = {
	/* Table 1: basic items (45) */
	T1(200, 1, "砷", 20, 60, 120, 140, 1),
	T1(201, 2, "镉", 20, 65, 47, 172, 0),		/* 镉: 1st-class intervention 47 < 2nd-class screening 65 */
	T1(202, 3, "铬（六价）", 3.0, 5.7, 30, 78, 0),
	T1(203, 4, "铜", 2000, 18000, 8000, 36000, 0),
	T1(204, 5, "铅", 400, 800, 800, 2500, 0),
	T1(205, 6, "汞", 8, 38, 33, 82, 0),
	T1(206, 7, "镍", 150, 900, 600, 2000, 0),
	T1(207, 8, "四氯化碳", 0.9, 2.8, 9, 36, 0),
	T1(208, 9, "氯仿", 0.3, 0.9, 5, 10, 0),
	T1(209, 10, "氯甲烷", 12, 37, 21, 120, 0),
	T1(210, 11, "1,1-二氯乙烷", 3, 9, 20, 100, 0),
	T1(211, 12, "1,2-二氯乙烷", 0.52, 5, 6, 21, 0),
	T1(212, 13, "1,1-二氯乙烯", 12, 66, 40, 200, 0),
	T1(213, 14, "顺-1,2-二氯乙烯", 66, 596, 200, 2000, 0),
	T1(214, 15, "反-1,2-二氯乙烯", 10, 54, 31, 163, 0),
	T1(215, 16, "二氯甲烷", 94, 616, 300, 2000, 0),
	T1(216, 17, "1,2-二氯丙烷", 1, 5, 5, 47, 0),
	T1(217, 18, "1,1,1,2-四氯乙烷", 2.6, 10, 26, 100, 0),
	T1(218, 19, "1,1,2,2-四氯乙烷", 1.6, 6.8, 14, 50, 0),
	T1(219, 20, "四氯乙烯", 11, 53, 34, 183, 0),
	T1(220, 21, "1,1,1-三氯乙烷", 701, 840, 840, 840, 0),
	T1(221, 22, "1,1,2-三氯乙烷", 0.6, 2.8, 5, 15, 0),
	T1(222, 23, "三氯乙烯", 0.7, 2.8, 7, 20, 0),
	T1(223, 24, "1,2,3-三氯丙烷", 0.05, 0.5, 0.5, 5, 0),
	T1(224, 25, "氯乙烯", 0.12, 0.43, 1.2, 4.3, 0),
	T1(225, 26, "苯", 1, 4, 10, 40, 0),
	T1(226, 27, "氯苯", 68, 270, 200, 1000, 0),
	T1(227, 28, "1,2-二氯苯", 560, 560, 560, 560, 0),
	T1(228, 29, "1,4-二氯苯", 5.6, 20, 56, 200, 0),
	T1(229, 30, "乙苯", 7.2, 28, 72, 280, 0),
	T1(230, 31, "苯乙烯", 1290, 1290, 1290, 1290, 0),
	T1(231, 32, "甲苯", 1200, 1200, 1200, 1200, 0),
	T1(232, 33, "间二甲苯+对二甲苯", 163, 570, 500, 570, 0),
	T1(233, 34, "邻二甲苯", 222, 640, 640, 640, 0),
	T1(234, 35, "硝基苯", 34, 76, 190, 760, 0),
	T1(235, 36, "苯胺", 92, 260, 211, 663, 0),
	T1(236, 37, "2-氯酚", 250, 2256, 500, 4500, 0),
	T1(237, 38, "苯并[a]蒽", 5.5, 15, 55, 151, 0),
	T1(238, 39, "苯并[a]芘", 0.55, 1.5, 5.5, 15, 0),
	T1(239, 40, "苯并[b]荧蒽", 5.5, 15, 55, 151, 0),
	T1(240, 41, "苯并[k]荧蒽", 55, 151, 550, 1500, 0),
	T1(241, 42, "䓛", 490, 1293, 4900, 12900, 0),
	T1(242, 43, "二苯并[a,h]蒽", 0.55, 1.5, 5.5, 15, 0),
	T1(243, 44, "茚并[1,2,3-cd]芘", 5.5, 15, 55, 151, 0),
	T1(244, 45, "萘", 25, 70, 255, 700, 0),
	/* Table 2: other items (40) */
	T2(249, 1, "锑", 20, 180, 40, 360, 0),
	T2(250, 2, "铍", 15, 29, 98, 290, 0),
	T2(251, 3, "钴", 20, 70, 190, 350, 1),	/* 钴 (note a) */
	T2(252, 4, "甲基汞", 5.0, 45, 10, 120, 0),
	T2(253, 5, "钒", 165, 752, 330, 1500, 1),	/* 钒 (note a; scope UNVERIFIED, applied to both classes) */
	T2(254, 6, "氰化物", 22, 135, 44, 270, 0),
	T2(255, 7, "一溴二氯甲烷", 0.29, 1.2, 2.9, 12, 0),
	T2(256, 8, "溴仿", 32, 103, 320, 1030, 0),
	T2(257, 9, "二溴氯甲烷", 9.3, 33, 93, 330, 0),
	T2(258, 10, "1,2-二溴乙烷", 0.07, 0.24, 0.7, 2.4, 0),
	T2(259, 11, "六氯环戊二烯", 1.1, 5.2, 2.3, 10, 0),
	T2(260, 12, "2,4-二硝基甲苯", 1.8, 5.2, 18, 52, 0),
	T2(261, 13, "2,4-二氯酚", 117, 843, 234, 1690, 0),
	T2(262, 14, "2,4,6-三氯酚", 39, 137, 78, 560, 0),
	T2(263, 15, "2,4-二硝基酚", 78, 562, 156, 1130, 0),
	T2(264, 16, "五氯酚", 1.1, 2.7, 12, 27, 0),
	T2(265, 17, "邻苯二甲酸二(2-乙基己基)酯", 42, 121, 420, 1210, 0),
	T2(266, 18, "邻苯二甲酸丁基苄酯", 312, 900, 3120, 9000, 0),
	T2(267, 19, "邻苯二甲酸二正辛酯", 390, 2812, 800, 5700, 0),
	T2(268, 20, "3,3'-二氯联苯胺", 1.3, 3.6, 13, 36, 0),
	T2(269, 21, "阿特拉津", 2.6, 7.4, 26, 74, 0),
	T2(270, 22, "氯丹", 2.0, 6.2, 20, 62, 0),
	T2(271, 23, "p,p'-滴滴滴", 2.5, 7.1, 25, 71, 0),
	T2(272, 24, "p,p'-滴滴伊", 2.0, 7.0, 20, 70, 0),
	T2(273, 25, "滴滴涕", 2.0, 6.7, 21, 67, 0),
	T2(274, 26, "敌敌畏", 1.8, 5.0, 18, 50, 0),
	T2(275, 27, "乐果", 86, 619, 170, 1240, 0),
	T2(276, 28, "硫丹", 234, 1687, 470, 3400, 0),
	T2(277, 29, "七氯", 0.13, 0.37, 1.3, 3.7, 0),
	T2(278, 30, "α-六六六", 0.09, 0.3, 0.9, 3, 0),
	T2(279, 31, "β-六六六", 0.32, 0.92, 3.2, 9.2, 0),
	T2(280, 32, "γ-六六六", 0.62, 1.9, 6.2, 19, 0),
	T2(281, 33, "六氯苯", 0.33, 1, 3.3, 10, 0),
	T2(282, 34, "灭蚁灵", 0.03, 0.09, 0.3, 0.9, 0),
	T2(283, 35, "多氯联苯（总量）", 0.14, 0.38, 1.4, 3.8, 0),
	T2(284, 36, "3,3',4,4',5-五氯联苯（PCB 126）", 4e-5, 1e-4, 4e-4, 1e-3, 0),	/* PCB 126 */
	T2(285, 37, "3,3',4,4',5,5'-六氯联苯（PCB 169）", 1e-4, 4e-4, 1e-3, 4e-3, 0),	/* PCB 169 */
	T2(286, 38, "二噁英类（总毒性当量）", 1e-5, 4e-5, 1e-4, 4e-4, 0),
	T2(287, 39, "多溴联苯（总量）", 0.02, 0.06, 0.2, 0.6, 0),
	T2(288, 40, "石油烃（C10-C40）", 826, 4500, 5000, 9000, 0),
};

const int	eco_n_gb36600 = (int) (sizeof(eco_gb36600) / sizeof(eco_gb36600[0]));

static const eco_gb36600_row *
gb36600_lookup(const eco_pollutant *p)
{
	const eco_pollutant *s = p ? eco_pollutant_in_medium(p, ECO_SOIL) : NULL;

	if (s == NULL)
		return NULL;
	for (int i = 0; i < eco_n_gb36600; i++)
		if (eco_gb36600[i].pollutant == s->id)
			return &eco_gb36600[i];
	return NULL;
}

/* Row by the id of any item, memoised per process (ids are small and stable). */
#define GB36600_CACHE 1024
const eco_gb36600_row *
eco_gb36600_find(const eco_pollutant *p)
{
	static short cache[GB36600_CACHE];	/* 0 = not looked up, -1 = none, else row index + 1 */

	if (p == NULL)
		return NULL;
	if (p->id < 0 || p->id >= GB36600_CACHE)
		return gb36600_lookup(p);
	if (cache[p->id] == 0)
	{
		const eco_gb36600_row *r = gb36600_lookup(p);

		cache[p->id] = r ? (short) (r - eco_gb36600 + 1) : -1;
	}
	return cache[p->id] > 0 ? &eco_gb36600[cache[p->id] - 1] : NULL;
}

eco_soil_result
eco_gb36600_screen(const eco_gb36600_row *r, int land_class, double c, double background)
{
	int			k = land_class == 2 ? 1 : 0;

	if (eco_soil_le(c, r->screening[k]))
		return ECO_SOIL_BELOW_SCREENING;
	/* note a: above screening but at or below the background value: not a contaminated plot */
	if (r->background_note && background >= 0 && eco_soil_le(c, background))
		return ECO_SOIL_WITHIN_BACKGROUND;
	if (eco_soil_le(c, r->intervention[k]))
		return ECO_SOIL_BETWEEN;
	return ECO_SOIL_ABOVE_INTERVENTION;
}

const char *
eco_soil_result_name(eco_soil_result r)
{
	switch (r)
	{
		case ECO_SOIL_BELOW_SCREENING:
			return "below_screening";
		case ECO_SOIL_BETWEEN:
			return "between";
		case ECO_SOIL_ABOVE_INTERVENTION:
			return "above_intervention";
		case ECO_SOIL_WITHIN_BACKGROUND:
			return "within_background";
	}
	return "?";
}

/* ---------- GB 15618-2018 Tables 1 to 3 ---------- */

#define F1(id, item, land, a, b, c, d) {id, 1, item, land, {a, b, c, d}}
#define F2(id, item, v) {id, 2, item, ECO_GB15618_ALL, {v, v, v, v}}
#define F3(id, item, a, b, c, d) {id, 3, item, ECO_GB15618_ALL, {a, b, c, d}}

const eco_gb15618_row eco_gb15618[] = {
	/* Table 1: screening values, basic items */
	F1(201, "镉", ECO_GB15618_PADDY, 0.3, 0.4, 0.6, 0.8),
	F1(201, "镉", ECO_GB15618_OTHER_THAN_PADDY, 0.3, 0.3, 0.3, 0.6),
	F1(205, "汞", ECO_GB15618_PADDY, 0.5, 0.5, 0.6, 1.0),
	F1(205, "汞", ECO_GB15618_OTHER_THAN_PADDY, 1.3, 1.8, 2.4, 3.4),
	F1(200, "砷", ECO_GB15618_PADDY, 30, 30, 25, 20),
	F1(200, "砷", ECO_GB15618_OTHER_THAN_PADDY, 40, 40, 30, 25),
	F1(204, "铅", ECO_GB15618_PADDY, 80, 100, 140, 240),
	F1(204, "铅", ECO_GB15618_OTHER_THAN_PADDY, 70, 90, 120, 170),
	F1(245, "铬", ECO_GB15618_PADDY, 250, 250, 300, 350),
	F1(245, "铬", ECO_GB15618_OTHER_THAN_PADDY, 150, 150, 200, 250),
	F1(203, "铜", ECO_GB15618_ORCHARD, 150, 150, 200, 200),	/* 铜: the 150 row is 果园 (one transcription reads 水田) */
	F1(203, "铜", ECO_GB15618_OTHER_THAN_ORCHARD, 50, 50, 100, 100),
	F1(206, "镍", ECO_GB15618_ALL, 60, 70, 100, 190),
	F1(246, "锌", ECO_GB15618_ALL, 200, 200, 250, 300),
	/* Table 2: screening values, other items (pH-independent) */
	F2(247, "六六六总量", 0.10),
	F2(248, "滴滴涕总量", 0.10),
	F2(238, "苯并[a]芘", 0.55),
	/* Table 3: intervention values */
	F3(201, "镉", 1.5, 2.0, 3.0, 4.0),
	F3(205, "汞", 2.0, 2.5, 4.0, 6.0),
	F3(200, "砷", 200, 150, 120, 100),
	F3(204, "铅", 400, 500, 700, 1000),
	F3(245, "铬", 800, 850, 1000, 1300),
};

const int	eco_n_gb15618 = (int) (sizeof(eco_gb15618) / sizeof(eco_gb15618[0]));

int
eco_ph_band(double ph)
{
	if (!(ph >= 0 && ph <= 14))
		return -1;
	if (ph <= 5.5)
		return 0;
	if (ph <= 6.5)
		return 1;
	if (ph <= 7.5)
		return 2;
	return 3;
}

/* Land uses accepted as text, in the order a hint lists them. */
static const struct
{
	const char *name;
	eco_land_type lt;
}			land_names[] = {
	{"paddy", ECO_LAND_PADDY},
	{"水田", ECO_LAND_PADDY},
	{"orchard", ECO_LAND_ORCHARD},
	{"果园", ECO_LAND_ORCHARD},
	{"other", ECO_LAND_OTHER},
	{"其他", ECO_LAND_OTHER},
	{"dryland", ECO_LAND_OTHER},
	{"旱地", ECO_LAND_OTHER},
	{"rotation", ECO_LAND_ROTATION},	/* paddy-upland rotation: the stricter value */
	{"水旱轮作", ECO_LAND_ROTATION},
};

int
eco_land_type_parse(const char *text, eco_land_type *lt)
{
	if (text == NULL)
		return 0;
	for (size_t i = 0; i < sizeof land_names / sizeof land_names[0]; i++)
		if (strcmp(text, land_names[i].name) == 0)
		{
			*lt = land_names[i].lt;
			return 1;
		}
	return 0;
}

int
eco_land_type_names(char *buf, size_t bufsz)
{
	size_t		len = 0;

	if (bufsz > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof land_names / sizeof land_names[0]; i++)
	{
		int			n = snprintf(len < bufsz ? buf + len : NULL, len < bufsz ? bufsz - len : 0,
								 "%s'%s'", i ? ", " : "", land_names[i].name);

		if (n < 0)
			return -1;
		len += (size_t) n;
	}
	return (int) len;
}

static int
land_applies(eco_gb15618_land l, eco_land_type lt)
{
	switch (l)
	{
		case ECO_GB15618_PADDY:
			return lt == ECO_LAND_PADDY;
		case ECO_GB15618_ORCHARD:
			return lt == ECO_LAND_ORCHARD;
		case ECO_GB15618_OTHER_THAN_PADDY:
			return lt != ECO_LAND_PADDY;
		case ECO_GB15618_OTHER_THAN_ORCHARD:
			return lt != ECO_LAND_ORCHARD;
		case ECO_GB15618_ALL:
			return 1;
	}
	return 0;
}

eco_farm_result
eco_gb15618_screen(const eco_pollutant *p, eco_land_type lt, double ph, double c,
				   double *screening, double *intervention)
{
	const eco_pollutant *s = p ? eco_pollutant_in_medium(p, ECO_SOIL) : NULL;
	const eco_gb15618_row *scr[2] = {NULL, NULL},
			   *itv = NULL;
	int			band;
	double		sv;

	*screening = NAN;
	*intervention = NAN;
	if (s == NULL)
		return ECO_FARM_UNKNOWN_ITEM;
	for (int i = 0; i < eco_n_gb15618; i++)
	{
		const eco_gb15618_row *r = &eco_gb15618[i];

		if (r->pollutant != s->id)
			continue;
		if (r->table == 3)
			itv = r;
		else if (lt == ECO_LAND_ROTATION)
		{
			/* paddy-upland rotation: candidates of both land uses, the stricter wins */
			if (scr[0] == NULL && land_applies(r->land, ECO_LAND_PADDY))
				scr[0] = r;
			if (scr[1] == NULL && land_applies(r->land, ECO_LAND_OTHER))
				scr[1] = r;
		}
		else if (scr[0] == NULL && land_applies(r->land, lt))
			scr[0] = r;
	}
	if (scr[0] == NULL)
		return ECO_FARM_UNKNOWN_ITEM;
	if (scr[0]->table == 2)
		band = 0;
	else if (isnan(ph))
		return ECO_FARM_NEED_PH;
	else
		band = eco_ph_band(ph);
	sv = scr[0]->value[band];
	if (scr[1] && scr[1]->value[band] < sv)
		sv = scr[1]->value[band];
	*screening = sv;
	if (itv)
		*intervention = itv->value[band];
	if (eco_soil_le(c, sv))
		return ECO_FARM_PRIORITY;
	if (itv == NULL)
		return ECO_FARM_MONITOR;
	if (eco_soil_le(c, itv->value[band]))
		return ECO_FARM_SAFE_USE;
	return ECO_FARM_STRICT;
}

const char *
eco_farm_result_name(eco_farm_result r)
{
	switch (r)
	{
		case ECO_FARM_PRIORITY:
			return "优先保护";
		case ECO_FARM_SAFE_USE:
			return "安全利用";
		case ECO_FARM_STRICT:
			return "严格管控";
		case ECO_FARM_MONITOR:
			return "monitor";
		case ECO_FARM_NEED_PH:
		case ECO_FARM_UNKNOWN_ITEM:
			break;
	}
	return NULL;
}

const char *
eco_gb15618_land_name(eco_gb15618_land l)
{
	switch (l)
	{
		case ECO_GB15618_PADDY:
			return "paddy";
		case ECO_GB15618_ORCHARD:
			return "orchard";
		case ECO_GB15618_OTHER_THAN_PADDY:
			return "other (not paddy)";
		case ECO_GB15618_OTHER_THAN_ORCHARD:
			return "other (not orchard)";
		case ECO_GB15618_ALL:
			return "all";
	}
	return "?";
}

/* ---------- item names in the context of a standard ---------- */

/* Row i of standard std's tables: its item id, table and name as written; 0 past the end or for another standard. */
static int
std_row(int std, int i, short *pollutant, short *table, const char **item)
{
	if (std == ECO_STD_GB36600_2018 && i >= 0 && i < eco_n_gb36600)
	{
		*pollutant = eco_gb36600[i].pollutant;
		*table = eco_gb36600[i].table;
		*item = eco_gb36600[i].item;
		return 1;
	}
	if (std == ECO_STD_GB15618_2018 && i >= 0 && i < eco_n_gb15618)
	{
		*pollutant = eco_gb15618[i].pollutant;
		*table = eco_gb15618[i].table;
		*item = eco_gb15618[i].item;
		return 1;
	}
	return 0;
}

static int
is_soil_std(int std)
{
	return std == ECO_STD_GB36600_2018 || std == ECO_STD_GB15618_2018;
}

int
eco_soil_std_lists(int std, const eco_pollutant *p)
{
	const eco_pollutant *s = p ? eco_pollutant_in_medium(p, ECO_SOIL) : NULL;
	short		id,
				table;
	const char *item;

	if (s == NULL)
		return 0;
	for (int i = 0; std_row(std, i, &id, &table, &item); i++)
		if (id == s->id)
			return 1;
	return 0;
}

/*
 * The look-up keys (eco_norm_key) of the names as written, computed once per
 * process: row i of GB 36600 at [i], row i of GB 15618 at [ROWS_36600 + i].
 */
#define ROWS_36600 (sizeof(eco_gb36600) / sizeof(eco_gb36600[0]))
#define ROWS_15618 (sizeof(eco_gb15618) / sizeof(eco_gb15618[0]))
#define ITEM_KEY_LEN 96
static char item_keys[ROWS_36600 + ROWS_15618][ITEM_KEY_LEN];

static const char *
item_key(int std, int i)
{
	static int	ready = 0;

	if (!ready)
	{
		for (size_t j = 0; j < ROWS_36600; j++)
			if (eco_norm_key(eco_gb36600[j].item, item_keys[j], ITEM_KEY_LEN) <= 0)
				item_keys[j][0] = '\0';
		for (size_t j = 0; j < ROWS_15618; j++)
			if (eco_norm_key(eco_gb15618[j].item, item_keys[ROWS_36600 + j], ITEM_KEY_LEN) <= 0)
				item_keys[ROWS_36600 + j][0] = '\0';
		ready = 1;
	}
	return item_keys[(std == ECO_STD_GB15618_2018 ? (int) ROWS_36600 : 0) + i];
}

const eco_pollutant *
eco_soil_item_parse(int std, const char *text)
{
	char		key[ITEM_KEY_LEN];
	short		id,
				table;
	const char *item;
	const eco_pollutant *p;

	if (text == NULL || !is_soil_std(std))
		return NULL;
	/* the names as the standard writes them come first */
	if (eco_norm_key(text, key, sizeof key) > 0)
		for (int i = 0; std_row(std, i, &id, &table, &item); i++)
			if (strcmp(key, item_key(std, i)) == 0)
				return eco_pollutant_by_id(id);
	/* then any name of the registry, mapped to its soil item */
	p = eco_pollutant_parse(text);
	if (p == NULL || !eco_soil_std_lists(std, p))
		return NULL;
	return eco_pollutant_in_medium(p, ECO_SOIL);
}

int
eco_soil_item_names(int std, char *buf, size_t bufsz)
{
	size_t		len = 0;
	short		id,
				table,
				prev_table = 0;
	const char *item;

	if (!is_soil_std(std))
		return -1;
	if (bufsz > 0)
		buf[0] = '\0';
	for (int i = 0; std_row(std, i, &id, &table, &item); i++)
	{
		short		id2,
					table2;
		const char *item2;
		int			seen = 0,
					n;

		/* each item once: GB 15618 repeats an item per land type and in Table 3 */
		for (int j = 0; j < i && std_row(std, j, &id2, &table2, &item2); j++)
			seen |= id2 == id;
		if (seen)
			continue;
		if (table != prev_table)
			n = snprintf(len < bufsz ? buf + len : NULL, len < bufsz ? bufsz - len : 0,
						 "%sTable %d: %s", prev_table ? "; " : "", table, item);
		else
			n = snprintf(len < bufsz ? buf + len : NULL, len < bufsz ? bufsz - len : 0, ", %s", item);
		if (n < 0)
			return -1;
		len += (size_t) n;
		prev_table = table;
	}
	return (int) len;
}
