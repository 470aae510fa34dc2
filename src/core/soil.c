/*
 * soil.c — GB 36600-2018 Tables 1-2 and GB 15618-2018 Tables 1-3 and the
 * screening rules.  Source: ../shared/standards/soil.md §1.3-1.6 and §2.
 */
#include "soil.h"

#include <math.h>
#include <stddef.h>

/* Relative tolerance for "c <= limit" when c is a decimal as written. */
#define SOIL_REL_EPS 1e-9

int
eco_soil_le(double c, double limit)
{
	return c <= limit + fabs(limit) * SOIL_REL_EPS;
}

/* ---------- GB 36600-2018 (soil.md §1.5, §1.6) ---------- */

/* pollutant id, table, row, screening 1st/2nd, intervention 1st/2nd, note a */
#define T1(id, row, s1, s2, i1, i2, a) {id, 1, row, {s1, s2}, {i1, i2}, a}
#define T2(id, row, s1, s2, i1, i2, a) {id, 2, row, {s1, s2}, {i1, i2}, a}

const eco_gb36600_row eco_gb36600[] = {
	/* Table 1: basic items (45) */
	T1(200, 1, 20, 60, 120, 140, 1),	/* 砷 */
	T1(201, 2, 20, 65, 47, 172, 0),		/* 镉: 1st-class intervention 47 < 2nd-class screening 65 */
	T1(202, 3, 3.0, 5.7, 30, 78, 0),	/* 铬（六价） */
	T1(203, 4, 2000, 18000, 8000, 36000, 0),	/* 铜 */
	T1(204, 5, 400, 800, 800, 2500, 0),	/* 铅 */
	T1(205, 6, 8, 38, 33, 82, 0),		/* 汞 */
	T1(206, 7, 150, 900, 600, 2000, 0),	/* 镍 */
	T1(207, 8, 0.9, 2.8, 9, 36, 0),		/* 四氯化碳 */
	T1(208, 9, 0.3, 0.9, 5, 10, 0),		/* 氯仿 */
	T1(209, 10, 12, 37, 21, 120, 0),	/* 氯甲烷 */
	T1(210, 11, 3, 9, 20, 100, 0),		/* 1,1-二氯乙烷 */
	T1(211, 12, 0.52, 5, 6, 21, 0),		/* 1,2-二氯乙烷 */
	T1(212, 13, 12, 66, 40, 200, 0),	/* 1,1-二氯乙烯 */
	T1(213, 14, 66, 596, 200, 2000, 0),	/* 顺-1,2-二氯乙烯 */
	T1(214, 15, 10, 54, 31, 163, 0),	/* 反-1,2-二氯乙烯 */
	T1(215, 16, 94, 616, 300, 2000, 0),	/* 二氯甲烷 */
	T1(216, 17, 1, 5, 5, 47, 0),		/* 1,2-二氯丙烷 */
	T1(217, 18, 2.6, 10, 26, 100, 0),	/* 1,1,1,2-四氯乙烷 */
	T1(218, 19, 1.6, 6.8, 14, 50, 0),	/* 1,1,2,2-四氯乙烷 */
	T1(219, 20, 11, 53, 34, 183, 0),	/* 四氯乙烯 */
	T1(220, 21, 701, 840, 840, 840, 0),	/* 1,1,1-三氯乙烷 */
	T1(221, 22, 0.6, 2.8, 5, 15, 0),	/* 1,1,2-三氯乙烷 */
	T1(222, 23, 0.7, 2.8, 7, 20, 0),	/* 三氯乙烯 */
	T1(223, 24, 0.05, 0.5, 0.5, 5, 0),	/* 1,2,3-三氯丙烷 */
	T1(224, 25, 0.12, 0.43, 1.2, 4.3, 0),	/* 氯乙烯 */
	T1(225, 26, 1, 4, 10, 40, 0),		/* 苯 */
	T1(226, 27, 68, 270, 200, 1000, 0),	/* 氯苯 */
	T1(227, 28, 560, 560, 560, 560, 0),	/* 1,2-二氯苯 */
	T1(228, 29, 5.6, 20, 56, 200, 0),	/* 1,4-二氯苯 */
	T1(229, 30, 7.2, 28, 72, 280, 0),	/* 乙苯 */
	T1(230, 31, 1290, 1290, 1290, 1290, 0),	/* 苯乙烯 */
	T1(231, 32, 1200, 1200, 1200, 1200, 0),	/* 甲苯 */
	T1(232, 33, 163, 570, 500, 570, 0),	/* 间二甲苯+对二甲苯 */
	T1(233, 34, 222, 640, 640, 640, 0),	/* 邻二甲苯 */
	T1(234, 35, 34, 76, 190, 760, 0),	/* 硝基苯 */
	T1(235, 36, 92, 260, 211, 663, 0),	/* 苯胺 */
	T1(236, 37, 250, 2256, 500, 4500, 0),	/* 2-氯酚 */
	T1(237, 38, 5.5, 15, 55, 151, 0),	/* 苯并[a]蒽 */
	T1(238, 39, 0.55, 1.5, 5.5, 15, 0),	/* 苯并[a]芘 */
	T1(239, 40, 5.5, 15, 55, 151, 0),	/* 苯并[b]荧蒽 */
	T1(240, 41, 55, 151, 550, 1500, 0),	/* 苯并[k]荧蒽 */
	T1(241, 42, 490, 1293, 4900, 12900, 0),	/* 䓛 */
	T1(242, 43, 0.55, 1.5, 5.5, 15, 0),	/* 二苯并[a,h]蒽 */
	T1(243, 44, 5.5, 15, 55, 151, 0),	/* 茚并[1,2,3-cd]芘 */
	T1(244, 45, 25, 70, 255, 700, 0),	/* 萘 */
	/* Table 2: other items (40) */
	T2(249, 1, 20, 180, 40, 360, 0),	/* 锑 */
	T2(250, 2, 15, 29, 98, 290, 0),		/* 铍 */
	T2(251, 3, 20, 70, 190, 350, 1),	/* 钴 (note a) */
	T2(252, 4, 5.0, 45, 10, 120, 0),	/* 甲基汞 */
	T2(253, 5, 165, 752, 330, 1500, 1),	/* 钒 (note a; scope UNVERIFIED, applied to both classes) */
	T2(254, 6, 22, 135, 44, 270, 0),	/* 氰化物 */
	T2(255, 7, 0.29, 1.2, 2.9, 12, 0),	/* 一溴二氯甲烷 */
	T2(256, 8, 32, 103, 320, 1030, 0),	/* 溴仿 */
	T2(257, 9, 9.3, 33, 93, 330, 0),	/* 二溴氯甲烷 */
	T2(258, 10, 0.07, 0.24, 0.7, 2.4, 0),	/* 1,2-二溴乙烷 */
	T2(259, 11, 1.1, 5.2, 2.3, 10, 0),	/* 六氯环戊二烯 */
	T2(260, 12, 1.8, 5.2, 18, 52, 0),	/* 2,4-二硝基甲苯 */
	T2(261, 13, 117, 843, 234, 1690, 0),	/* 2,4-二氯酚 */
	T2(262, 14, 39, 137, 78, 560, 0),	/* 2,4,6-三氯酚 */
	T2(263, 15, 78, 562, 156, 1130, 0),	/* 2,4-二硝基酚 */
	T2(264, 16, 1.1, 2.7, 12, 27, 0),	/* 五氯酚 */
	T2(265, 17, 42, 121, 420, 1210, 0),	/* 邻苯二甲酸二(2-乙基己基)酯 */
	T2(266, 18, 312, 900, 3120, 9000, 0),	/* 邻苯二甲酸丁基苄酯 */
	T2(267, 19, 390, 2812, 800, 5700, 0),	/* 邻苯二甲酸二正辛酯 */
	T2(268, 20, 1.3, 3.6, 13, 36, 0),	/* 3,3'-二氯联苯胺 */
	T2(269, 21, 2.6, 7.4, 26, 74, 0),	/* 阿特拉津 */
	T2(270, 22, 2.0, 6.2, 20, 62, 0),	/* 氯丹 */
	T2(271, 23, 2.5, 7.1, 25, 71, 0),	/* p,p'-滴滴滴 */
	T2(272, 24, 2.0, 7.0, 20, 70, 0),	/* p,p'-滴滴伊 */
	T2(273, 25, 2.0, 6.7, 21, 67, 0),	/* 滴滴涕 */
	T2(274, 26, 1.8, 5.0, 18, 50, 0),	/* 敌敌畏 */
	T2(275, 27, 86, 619, 170, 1240, 0),	/* 乐果 */
	T2(276, 28, 234, 1687, 470, 3400, 0),	/* 硫丹 */
	T2(277, 29, 0.13, 0.37, 1.3, 3.7, 0),	/* 七氯 */
	T2(278, 30, 0.09, 0.3, 0.9, 3, 0),	/* α-六六六 */
	T2(279, 31, 0.32, 0.92, 3.2, 9.2, 0),	/* β-六六六 */
	T2(280, 32, 0.62, 1.9, 6.2, 19, 0),	/* γ-六六六 */
	T2(281, 33, 0.33, 1, 3.3, 10, 0),	/* 六氯苯 */
	T2(282, 34, 0.03, 0.09, 0.3, 0.9, 0),	/* 灭蚁灵 */
	T2(283, 35, 0.14, 0.38, 1.4, 3.8, 0),	/* 多氯联苯（总量） */
	T2(284, 36, 4e-5, 1e-4, 4e-4, 1e-3, 0),	/* PCB 126 */
	T2(285, 37, 1e-4, 4e-4, 1e-3, 4e-3, 0),	/* PCB 169 */
	T2(286, 38, 1e-5, 4e-5, 1e-4, 4e-4, 0),	/* 二噁英类（总毒性当量） */
	T2(287, 39, 0.02, 0.06, 0.2, 0.6, 0),	/* 多溴联苯（总量） */
	T2(288, 40, 826, 4500, 5000, 9000, 0),	/* 石油烃（C10-C40） */
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

/* ---------- GB 15618-2018 (soil.md §2.1-2.3) ---------- */

#define F1(id, land, a, b, c, d) {id, 1, land, {a, b, c, d}}
#define F2(id, v) {id, 2, ECO_GB15618_ALL, {v, v, v, v}}
#define F3(id, a, b, c, d) {id, 3, ECO_GB15618_ALL, {a, b, c, d}}

const eco_gb15618_row eco_gb15618[] = {
	/* Table 1: screening values, basic items */
	F1(201, ECO_GB15618_PADDY, 0.3, 0.4, 0.6, 0.8),	/* 镉 */
	F1(201, ECO_GB15618_OTHER_THAN_PADDY, 0.3, 0.3, 0.3, 0.6),
	F1(205, ECO_GB15618_PADDY, 0.5, 0.5, 0.6, 1.0),	/* 汞 */
	F1(205, ECO_GB15618_OTHER_THAN_PADDY, 1.3, 1.8, 2.4, 3.4),
	F1(200, ECO_GB15618_PADDY, 30, 30, 25, 20),	/* 砷 */
	F1(200, ECO_GB15618_OTHER_THAN_PADDY, 40, 40, 30, 25),
	F1(204, ECO_GB15618_PADDY, 80, 100, 140, 240),	/* 铅 */
	F1(204, ECO_GB15618_OTHER_THAN_PADDY, 70, 90, 120, 170),
	F1(245, ECO_GB15618_PADDY, 250, 250, 300, 350),	/* 铬 */
	F1(245, ECO_GB15618_OTHER_THAN_PADDY, 150, 150, 200, 250),
	F1(203, ECO_GB15618_ORCHARD, 150, 150, 200, 200),	/* 铜: 果园 (soil.md §2.5 #1) */
	F1(203, ECO_GB15618_OTHER_THAN_ORCHARD, 50, 50, 100, 100),
	F1(206, ECO_GB15618_ALL, 60, 70, 100, 190),	/* 镍 */
	F1(246, ECO_GB15618_ALL, 200, 200, 250, 300),	/* 锌 */
	/* Table 2: screening values, other items (pH-independent) */
	F2(247, 0.10),				/* 六六六总量 */
	F2(248, 0.10),				/* 滴滴涕总量 */
	F2(238, 0.55),				/* 苯并[a]芘 */
	/* Table 3: intervention values */
	F3(201, 1.5, 2.0, 3.0, 4.0),	/* 镉 */
	F3(205, 2.0, 2.5, 4.0, 6.0),	/* 汞 */
	F3(200, 200, 150, 120, 100),	/* 砷 */
	F3(204, 400, 500, 700, 1000),	/* 铅 */
	F3(245, 800, 850, 1000, 1300),	/* 铬 */
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
