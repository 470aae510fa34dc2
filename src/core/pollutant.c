/*
 * pollutant.c — the registry of monitored items and unit conversion.
 *
 * Sources: GB 3095-2012/-2026 Tables 1 and 2 (items) and GB 3095-2026 §4.3
 * (reference state); GB 3838-2002 Tables 1 and 2, HJ 212-style water codes,
 * TLI parameters of 环办〔2011〕22号; GB 36600-2018 Table 1, GB 15618-2018
 * Tables 1 and 2 (basic and other items) and CAS numbers.  HJ 212-2017 air codes other than a34004 and
 * a21026 are from background knowledge of HJ 212-2017 (see README).
 */
#include "pollutant.h"
#include "eco_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AIR(id, code, unit, zh, en, mm, hj, al) {id, code, ECO_AIR, unit, zh, en, mm, hj, NULL, al}
#define WAT(id, code, unit, zh, en, hj, al) {id, code, ECO_WATER, unit, zh, en, 0, hj, NULL, al}
#define SOIL(id, code, zh, en, cas, al) {id, code, ECO_SOIL, ECO_U_MGKG, zh, en, 0, NULL, cas, al}

const eco_pollutant eco_pollutants[] = {
	/* Air: GB 3095 Tables 1 and 2.  Gases carry molar masses for ppb/ppm conversion. */
	AIR(1, "SO2", ECO_U_UGM3, "二氧化硫", "sulfur dioxide", 64.066, "a21026", "sulphur dioxide"),
	AIR(2, "NO2", ECO_U_UGM3, "二氧化氮", "nitrogen dioxide", 46.0055, "a21004", NULL),
	AIR(3, "CO", ECO_U_MGM3, "一氧化碳", "carbon monoxide", 28.010, "a21005", NULL),
	AIR(4, "O3", ECO_U_UGM3, "臭氧", "ozone", 47.997, "a05024", NULL),
	AIR(5, "PM10", ECO_U_UGM3, "可吸入颗粒物", "particulate matter PM10", 0, "a34002",
		"颗粒物(粒径小于等于10μm)|颗粒物PM10|PM₁₀"),
	AIR(6, "PM2.5", ECO_U_UGM3, "细颗粒物", "fine particulate matter PM2.5", 0, "a34004",
		"颗粒物(粒径小于等于2.5μm)|颗粒物PM2.5|PM₂.₅"),
	AIR(7, "NOx", ECO_U_UGM3, "氮氧化物", "nitrogen oxides (as NO2)", 46.0055, "a21002", NULL),
	AIR(8, "TSP", ECO_U_UGM3, "总悬浮颗粒物", "total suspended particulates", 0, "a34001", NULL),
	AIR(9, "Pb", ECO_U_UGM3, "铅", "lead", 0, NULL, NULL),
	AIR(10, "BaP", ECO_U_UGM3, "苯并[a]芘", "benzo[a]pyrene", 0, NULL, "苯并(a)芘|B[a]P|50-32-8"),

	/* Water: GB 3838-2002 Table 1 (24 basic items). */
	WAT(100, "WT", ECO_U_DEGC, "水温", "water temperature", "w01010", "temperature"),
	WAT(101, "pH", ECO_U_PH, "pH值", "pH", "w01001", "pH"),
	WAT(102, "DO", ECO_U_MGL, "溶解氧", "dissolved oxygen", "w01009", NULL),
	WAT(103, "CODMn", ECO_U_MGL, "高锰酸盐指数", "permanganate index", "w01019", "CODMn|IMn"),
	WAT(104, "COD", ECO_U_MGL, "化学需氧量", "chemical oxygen demand", "w01018", "CODCr"),
	WAT(105, "BOD5", ECO_U_MGL, "五日生化需氧量", "five-day biochemical oxygen demand", "w01017", "BOD₅|生化需氧量"),
	WAT(106, "NH3-N", ECO_U_MGL, "氨氮", "ammonia nitrogen", "w21003", "NH₃-N|氨氮(NH3-N)"),
	WAT(107, "TP", ECO_U_MGL, "总磷", "total phosphorus", "w21011", "总磷(以P计)"),
	WAT(108, "TN", ECO_U_MGL, "总氮", "total nitrogen", "w21001", "总氮(以N计)"),
	WAT(109, "Cu", ECO_U_MGL, "铜", "copper", "w20122", NULL),
	WAT(110, "Zn", ECO_U_MGL, "锌", "zinc", "w20123", NULL),
	WAT(111, "F", ECO_U_MGL, "氟化物", "fluoride", "w21017", "氟化物(以F-计)"),
	WAT(112, "Se", ECO_U_MGL, "硒", "selenium", "w20128", NULL),
	WAT(113, "As", ECO_U_MGL, "砷", "arsenic", "w20141", NULL),
	WAT(114, "Hg", ECO_U_MGL, "汞", "mercury", "w20111", NULL),
	WAT(115, "Cd", ECO_U_MGL, "镉", "cadmium", "w20115", NULL),
	WAT(116, "Cr(VI)", ECO_U_MGL, "铬(六价)", "hexavalent chromium", "w20117", "六价铬|Cr6+|CrVI"),
	WAT(117, "Pb", ECO_U_MGL, "铅", "lead", "w20120", NULL),
	WAT(118, "CN", ECO_U_MGL, "氰化物", "cyanide", "w21016", NULL),
	WAT(119, "phenol", ECO_U_MGL, "挥发酚", "volatile phenol", "w23002", "volatile phenols"),
	WAT(120, "oil", ECO_U_MGL, "石油类", "petroleum", "w22001", "petroleum oil"),
	WAT(121, "LAS", ECO_U_MGL, "阴离子表面活性剂", "anionic surfactant", "w19002", NULL),
	WAT(122, "sulfide", ECO_U_MGL, "硫化物", "sulfide", "w21019", "sulphide"),
	WAT(123, "FC", ECO_U_COUNT_L, "粪大肠菌群", "fecal coliform", "w02003", "faecal coliform"),
	/* Water: GB 3838-2002 Table 2 (supplementary items for drinking-water sources). */
	WAT(124, "SO4", ECO_U_MGL, "硫酸盐", "sulfate", NULL, "硫酸盐(以SO4 2-计)|sulphate"),
	WAT(125, "Cl", ECO_U_MGL, "氯化物", "chloride", NULL, "氯化物(以Cl-计)"),
	WAT(126, "NO3-N", ECO_U_MGL, "硝酸盐", "nitrate (as N)", NULL, "硝酸盐(以N计)|nitrate"),
	WAT(127, "Fe", ECO_U_MGL, "铁", "iron", NULL, NULL),
	WAT(128, "Mn", ECO_U_MGL, "锰", "manganese", NULL, NULL),
	/* Water: lake trophic-state parameters (TLI). */
	WAT(129, "chla", ECO_U_MGM3, "叶绿素a", "chlorophyll a", NULL, "chl-a|chlorophyll"),
	WAT(130, "SD", ECO_U_M, "透明度", "Secchi depth (transparency)", NULL, "transparency"),

	/* Soil: GB 36600-2018 Table 1 (45 basic items). */
	SOIL(200, "As", "砷", "arsenic", "7440-38-2", NULL),
	SOIL(201, "Cd", "镉", "cadmium", "7440-43-9", NULL),
	SOIL(202, "Cr(VI)", "铬(六价)", "hexavalent chromium", "18540-29-9", "六价铬"),
	SOIL(203, "Cu", "铜", "copper", "7440-50-8", NULL),
	SOIL(204, "Pb", "铅", "lead", "7439-92-1", NULL),
	SOIL(205, "Hg", "汞", "mercury", "7439-97-6", NULL),
	SOIL(206, "Ni", "镍", "nickel", "7440-02-0", NULL),
	SOIL(207, "CCl4", "四氯化碳", "carbon tetrachloride", "56-23-5", NULL),
	SOIL(208, "CHCl3", "氯仿", "chloroform", "67-66-3", "三氯甲烷"),
	SOIL(209, "CH3Cl", "氯甲烷", "chloromethane", "74-87-3", NULL),
	SOIL(210, "1,1-DCA", "1,1-二氯乙烷", "1,1-dichloroethane", "75-34-3", NULL),
	SOIL(211, "1,2-DCA", "1,2-二氯乙烷", "1,2-dichloroethane", "107-06-2", NULL),
	SOIL(212, "1,1-DCE", "1,1-二氯乙烯", "1,1-dichloroethene", "75-35-4", "1,1-dichloroethylene"),
	SOIL(213, "cis-1,2-DCE", "顺-1,2-二氯乙烯", "cis-1,2-dichloroethene", "156-59-2", "cis-1,2-dichloroethylene"),
	SOIL(214, "trans-1,2-DCE", "反-1,2-二氯乙烯", "trans-1,2-dichloroethene", "156-60-5", "trans-1,2-dichloroethylene"),
	SOIL(215, "CH2Cl2", "二氯甲烷", "dichloromethane", "75-09-2", "methylene chloride"),
	SOIL(216, "1,2-DCP", "1,2-二氯丙烷", "1,2-dichloropropane", "78-87-5", NULL),
	SOIL(217, "1,1,1,2-TeCA", "1,1,1,2-四氯乙烷", "1,1,1,2-tetrachloroethane", "630-20-6", NULL),
	SOIL(218, "1,1,2,2-TeCA", "1,1,2,2-四氯乙烷", "1,1,2,2-tetrachloroethane", "79-34-5", NULL),
	SOIL(219, "PCE", "四氯乙烯", "tetrachloroethene", "127-18-4", "tetrachloroethylene"),
	SOIL(220, "1,1,1-TCA", "1,1,1-三氯乙烷", "1,1,1-trichloroethane", "71-55-6", NULL),
	SOIL(221, "1,1,2-TCA", "1,1,2-三氯乙烷", "1,1,2-trichloroethane", "79-00-5", NULL),
	SOIL(222, "TCE", "三氯乙烯", "trichloroethene", "79-01-6", "trichloroethylene"),
	SOIL(223, "1,2,3-TCP", "1,2,3-三氯丙烷", "1,2,3-trichloropropane", "96-18-4", NULL),
	SOIL(224, "VC", "氯乙烯", "vinyl chloride", "75-01-4", "chloroethene"),
	SOIL(225, "benzene", "苯", "benzene", "71-43-2", NULL),
	SOIL(226, "chlorobenzene", "氯苯", "chlorobenzene", "108-90-7", NULL),
	SOIL(227, "1,2-DCB", "1,2-二氯苯", "1,2-dichlorobenzene", "95-50-1", NULL),
	SOIL(228, "1,4-DCB", "1,4-二氯苯", "1,4-dichlorobenzene", "106-46-7", NULL),
	SOIL(229, "ethylbenzene", "乙苯", "ethylbenzene", "100-41-4", NULL),
	SOIL(230, "styrene", "苯乙烯", "styrene", "100-42-5", NULL),
	SOIL(231, "toluene", "甲苯", "toluene", "108-88-3", NULL),
	SOIL(232, "m,p-xylene", "间二甲苯+对二甲苯", "m-xylene + p-xylene", "108-38-3", "106-42-3|间,对-二甲苯"),
	SOIL(233, "o-xylene", "邻二甲苯", "o-xylene", "95-47-6", NULL),
	SOIL(234, "nitrobenzene", "硝基苯", "nitrobenzene", "98-95-3", NULL),
	SOIL(235, "aniline", "苯胺", "aniline", "62-53-3", NULL),
	SOIL(236, "2-CP", "2-氯酚", "2-chlorophenol", "95-57-8", NULL),
	SOIL(237, "BaA", "苯并[a]蒽", "benz[a]anthracene", "56-55-3", "苯并(a)蒽"),
	SOIL(238, "BaP", "苯并[a]芘", "benzo[a]pyrene", "50-32-8", "苯并(a)芘"),
	SOIL(239, "BbF", "苯并[b]荧蒽", "benzo[b]fluoranthene", "205-99-2", "苯并(b)荧蒽"),
	SOIL(240, "BkF", "苯并[k]荧蒽", "benzo[k]fluoranthene", "207-08-9", "苯并(k)荧蒽"),
	SOIL(241, "chrysene", "䓛", "chrysene", "218-01-9", NULL),
	SOIL(242, "DBahA", "二苯并[a,h]蒽", "dibenz[a,h]anthracene", "53-70-3", "二苯并(a,h)蒽"),
	SOIL(243, "IcdP", "茚并[1,2,3-cd]芘", "indeno[1,2,3-cd]pyrene", "193-39-5", "茚并(1,2,3-cd)芘"),
	SOIL(244, "naphthalene", "萘", "naphthalene", "91-20-3", NULL),
	/* Soil: GB 15618-2018 basic items not in GB 36600 Table 1, and its other items. */
	SOIL(245, "Cr", "铬", "chromium (total)", "7440-47-3", "总铬"),
	SOIL(246, "Zn", "锌", "zinc", "7440-66-6", NULL),
	SOIL(247, "HCH", "六六六总量", "hexachlorocyclohexane (total)", NULL, "六六六"),
	SOIL(248, "DDT", "滴滴涕总量", "DDT (total)", NULL, "滴滴涕"),
	/*
	 * Soil: GB 36600-2018 Table 2 (40 other items), in table order.  CAS
	 * numbers are background knowledge (GB 36600-2018 Table 2 lists none);
	 * sums and mixtures carry none.  Cobalt's code is "cobalt": "Co" already
	 * names carbon monoxide.
	 */
	SOIL(249, "Sb", "锑", "antimony", "7440-36-0", NULL),
	SOIL(250, "Be", "铍", "beryllium", "7440-41-7", NULL),
	SOIL(251, "cobalt", "钴", "cobalt", "7440-48-4", NULL),
	SOIL(252, "MeHg", "甲基汞", "methylmercury", "22967-92-6", NULL),
	SOIL(253, "V", "钒", "vanadium", "7440-62-2", NULL),
	SOIL(254, "CN", "氰化物", "cyanide", "57-12-5", NULL),
	SOIL(255, "BDCM", "一溴二氯甲烷", "bromodichloromethane", "75-27-4", NULL),
	SOIL(256, "bromoform", "溴仿", "bromoform", "75-25-2", "三溴甲烷|tribromomethane"),
	SOIL(257, "DBCM", "二溴氯甲烷", "dibromochloromethane", "124-48-1", NULL),
	SOIL(258, "1,2-DBE", "1,2-二溴乙烷", "1,2-dibromoethane", "106-93-4", NULL),
	SOIL(259, "HCCPD", "六氯环戊二烯", "hexachlorocyclopentadiene", "77-47-4", NULL),
	SOIL(260, "2,4-DNT", "2,4-二硝基甲苯", "2,4-dinitrotoluene", "121-14-2", NULL),
	SOIL(261, "2,4-DCP", "2,4-二氯酚", "2,4-dichlorophenol", "120-83-2", NULL),
	SOIL(262, "2,4,6-TCP", "2,4,6-三氯酚", "2,4,6-trichlorophenol", "88-06-2", NULL),
	SOIL(263, "2,4-DNP", "2,4-二硝基酚", "2,4-dinitrophenol", "51-28-5", NULL),
	SOIL(264, "PCP", "五氯酚", "pentachlorophenol", "87-86-5", NULL),
	SOIL(265, "DEHP", "邻苯二甲酸二(2-乙基己基)酯", "bis(2-ethylhexyl) phthalate", "117-81-7", NULL),
	SOIL(266, "BBP", "邻苯二甲酸丁基苄酯", "butyl benzyl phthalate", "85-68-7", NULL),
	SOIL(267, "DnOP", "邻苯二甲酸二正辛酯", "di-n-octyl phthalate", "117-84-0", NULL),
	SOIL(268, "3,3'-DCBZ", "3,3'-二氯联苯胺", "3,3'-dichlorobenzidine", "91-94-1", NULL),
	SOIL(269, "atrazine", "阿特拉津", "atrazine", "1912-24-9", NULL),
	SOIL(270, "chlordane", "氯丹", "chlordane (alpha + gamma)", NULL, NULL),
	SOIL(271, "p,p'-DDD", "p,p'-滴滴滴", "p,p'-DDD", "72-54-8", NULL),
	SOIL(272, "p,p'-DDE", "p,p'-滴滴伊", "p,p'-DDE", "72-55-9", NULL),
	SOIL(273, "DDT(o,p'+p,p')", "滴滴涕(o,p'+p,p')", "DDT (o,p' + p,p')", NULL, NULL),
	SOIL(274, "dichlorvos", "敌敌畏", "dichlorvos", "62-73-7", NULL),
	SOIL(275, "dimethoate", "乐果", "dimethoate", "60-51-5", NULL),
	SOIL(276, "endosulfan", "硫丹", "endosulfan (alpha + beta)", NULL, NULL),
	SOIL(277, "heptachlor", "七氯", "heptachlor", "76-44-8", NULL),
	SOIL(278, "alpha-HCH", "α-六六六", "alpha-hexachlorocyclohexane", "319-84-6", NULL),
	SOIL(279, "beta-HCH", "β-六六六", "beta-hexachlorocyclohexane", "319-85-7", NULL),
	SOIL(280, "gamma-HCH", "γ-六六六", "gamma-hexachlorocyclohexane", "58-89-9", "林丹|lindane"),
	SOIL(281, "HCB", "六氯苯", "hexachlorobenzene", "118-74-1", NULL),
	SOIL(282, "mirex", "灭蚁灵", "mirex", "2385-85-5", NULL),
	SOIL(283, "PCBs", "多氯联苯(总量)", "polychlorinated biphenyls (total)", NULL, "多氯联苯"),
	SOIL(284, "PCB126", "3,3',4,4',5-五氯联苯", "PCB 126", "57465-28-8", NULL),
	SOIL(285, "PCB169", "3,3',4,4',5,5'-六氯联苯", "PCB 169", "32774-16-6", NULL),
	SOIL(286, "PCDD/F", "二噁英类(总毒性当量)", "dioxins (total TEQ)", NULL, "二噁英类|二噁英|PCDD/Fs"),
	SOIL(287, "PBBs", "多溴联苯(总量)", "polybrominated biphenyls (total)", NULL, "多溴联苯"),
	SOIL(288, "TPH", "石油烃(C10-C40)", "petroleum hydrocarbons (C10-C40)", NULL, "石油烃"),
};

const int	eco_n_pollutants = (int) (sizeof(eco_pollutants) / sizeof(eco_pollutants[0]));

/* ---------- look-up index (built once per process) ---------- */

typedef struct key_entry
{
	char		key[96];
	short		idx;			/* index into eco_pollutants */
} key_entry;

static key_entry *keys = NULL;
static int	n_keys = 0;
static short id_to_idx[1024];

static int
key_cmp(const void *a, const void *b)
{
	const key_entry *x = a,
			   *y = b;
	int			c = strcmp(x->key, y->key);

	return c ? c : (x->idx - y->idx);
}

static void
add_key(key_entry *arr, int *n, const char *name, int idx)
{
	if (name == NULL || eco_norm_key(name, arr[*n].key, sizeof arr[*n].key) <= 0)
		return;
	arr[*n].idx = (short) idx;
	(*n)++;
}

static int
build_index(void)
{
	static key_entry *arr;
	int			cap = 0,
				n = 0;

	if (keys)
		return 1;
	for (int i = 0; i < eco_n_pollutants; i++)
	{
		const char *a = eco_pollutants[i].aliases;

		cap += 5;
		for (; a && *a; a++)
			cap += (*a == '|');
		cap += (eco_pollutants[i].aliases != NULL);
	}
	arr = malloc(sizeof(key_entry) * (size_t) cap);
	if (arr == NULL)
		return 0;
	memset(id_to_idx, -1, sizeof id_to_idx);
	for (int i = 0; i < eco_n_pollutants; i++)
	{
		const eco_pollutant *p = &eco_pollutants[i];
		const char *a = p->aliases;
		char		one[96];

		id_to_idx[p->id] = (short) i;
		add_key(arr, &n, p->code, i);
		add_key(arr, &n, p->name_zh, i);
		add_key(arr, &n, p->name_en, i);
		add_key(arr, &n, p->hj212, i);
		add_key(arr, &n, p->cas, i);
		while (eco_list_next(&a, one, sizeof one))
			add_key(arr, &n, one, i);
	}
	qsort(arr, (size_t) n, sizeof(key_entry), key_cmp);
	n_keys = n;
	keys = arr;
	return 1;
}

const eco_pollutant *
eco_pollutant_by_id(int id)
{
	if (id < 0 || id >= (int) (sizeof id_to_idx / sizeof id_to_idx[0]) || !build_index())
		return NULL;
	return id_to_idx[id] >= 0 ? &eco_pollutants[id_to_idx[id]] : NULL;
}

/* First index (lowest registry position) whose key equals k and, when m >= 0, whose medium is m. */
static const eco_pollutant *
find_key(const char *k, int m)
{
	int			lo = 0,
				hi = n_keys;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (strcmp(keys[mid].key, k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n_keys && strcmp(keys[lo].key, k) == 0; lo++)
		if (m < 0 || eco_pollutants[keys[lo].idx].medium == (eco_medium) m)
			return &eco_pollutants[keys[lo].idx];
	return NULL;
}

const char *
eco_medium_name(eco_medium m)
{
	switch (m)
	{
		case ECO_AIR:
			return "air";
		case ECO_WATER:
			return "water";
		case ECO_SOIL:
			return "soil";
	}
	return "?";
}

const eco_pollutant *
eco_pollutant_parse(const char *text)
{
	char		k[96];
	int			medium = -1;
	const char *colon;

	if (text == NULL || !build_index())
		return NULL;
	colon = strchr(text, ':');
	if (colon)
	{
		char		pre[16];
		size_t		len = (size_t) (colon - text);

		if (len >= sizeof pre)
			return NULL;
		memcpy(pre, text, len);
		pre[len] = '\0';
		if (eco_norm_key(pre, k, sizeof k) < 0)
			return NULL;
		for (int m = ECO_AIR; m <= ECO_SOIL; m++)
			if (strcmp(k, eco_medium_name((eco_medium) m)) == 0)
				medium = m;
		if (medium < 0)
			return NULL;
		text = colon + 1;
	}
	if (eco_norm_key(text, k, sizeof k) <= 0)
		return NULL;
	return find_key(k, medium);
}

const eco_pollutant *
eco_pollutant_in_medium(const eco_pollutant *p, eco_medium m)
{
	if (p->medium == m)
		return p;
	for (int i = 0; i < eco_n_pollutants; i++)
		if (eco_pollutants[i].medium == m && strcmp(eco_pollutants[i].code, p->code) == 0)
			return &eco_pollutants[i];
	return NULL;
}

const char *
eco_pollutant_out(const eco_pollutant *p, char *buf, size_t bufsz)
{
	/* the bare code belongs to the first registered item with that code */
	for (int i = 0; i < eco_n_pollutants; i++)
	{
		if (strcmp(eco_pollutants[i].code, p->code) == 0)
		{
			if (&eco_pollutants[i] == p)
				return p->code;
			break;
		}
	}
	snprintf(buf, bufsz, "%s:%s", eco_medium_name(p->medium), p->code);
	return buf;
}

const char *
eco_unit_name(eco_unit u)
{
	switch (u)
	{
		case ECO_U_UGM3:
			return "µg/m³";
		case ECO_U_MGM3:
			return "mg/m³";
		case ECO_U_MGL:
			return "mg/L";
		case ECO_U_COUNT_L:
			return "个/L";
		case ECO_U_MGKG:
			return "mg/kg";
		case ECO_U_PH:
			return "dimensionless";
		case ECO_U_DEGC:
			return "℃";
		case ECO_U_M:
			return "m";
	}
	return "?";
}

/* ---------- units ---------- */

typedef enum dimension
{
	DIM_AIR_MASS,				/* base µg/m³ */
	DIM_MIXING,					/* base ppb */
	DIM_WATER_MASS,				/* base mg/L */
	DIM_SOIL_MASS,				/* base mg/kg */
	DIM_COUNT,					/* base 个/L */
	DIM_PH,
	DIM_TEMP,					/* ℃ */
	DIM_LENGTH					/* base m */
} dimension;

typedef struct unit_def
{
	const char *name;			/* normalised spelling (see unit_key) */
	dimension	dim;
	int			exp10;			/* value in base unit = value * 10^exp10 */
} unit_def;

/* Unit spellings after unit_key(): lower case, µ/μ -> u, superscript 3 -> 3, spaces dropped. */
static const unit_def unit_defs[] = {
	{"ug/m3", DIM_AIR_MASS, 0}, {"mg/m3", DIM_AIR_MASS, 3}, {"ng/m3", DIM_AIR_MASS, -3},
	{"ppb", DIM_MIXING, 0}, {"ppm", DIM_MIXING, 3},
	{"mg/l", DIM_WATER_MASS, 0}, {"ug/l", DIM_WATER_MASS, -3}, {"ng/l", DIM_WATER_MASS, -6}, {"g/l", DIM_WATER_MASS, 3},
	{"mg/kg", DIM_SOIL_MASS, 0}, {"ug/kg", DIM_SOIL_MASS, -3}, {"ng/kg", DIM_SOIL_MASS, -6}, {"g/kg", DIM_SOIL_MASS, 3},
	{"个/l", DIM_COUNT, 0}, {"mpn/l", DIM_COUNT, 0}, {"cfu/l", DIM_COUNT, 0},
	{"个/100ml", DIM_COUNT, 1}, {"mpn/100ml", DIM_COUNT, 1}, {"cfu/100ml", DIM_COUNT, 1},
	{"ph", DIM_PH, 0}, {"dimensionless", DIM_PH, 0}, {"无量纲", DIM_PH, 0}, {"1", DIM_PH, 0},
	{"℃", DIM_TEMP, 0}, {"°c", DIM_TEMP, 0}, {"degc", DIM_TEMP, 0},
	{"m", DIM_LENGTH, 0}, {"cm", DIM_LENGTH, -2},
};

/* Normalise a unit spelling; returns 0 when it does not fit or is not UTF-8. */
static int
unit_key(const char *in, char *out, size_t outsz)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		n = 0;

	while (*s)
	{
		unsigned int cp;
		int			len = eco_utf8_decode(s, &cp);
		const char *rep = NULL;
		char		c;
		size_t		rl;

		if (len == 0)
			return 0;
		if (cp == 0xB5 || cp == 0x3BC)	/* micro sign, Greek mu */
			rep = "u";
		else if (cp == 0xB3)
			rep = "3";
		else if (cp == 0xB0)
			rep = "°";
		else if (cp == ' ' || cp == '\t')
			rep = "";
		else if (cp < 0x80)
		{
			c = (char) ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
			rep = NULL;
			if (n + 2 > outsz)
				return 0;
			out[n++] = c;
			s += len;
			continue;
		}
		if (rep == NULL)
		{
			if (n + (size_t) len + 1 > outsz)
				return 0;
			memcpy(out + n, s, (size_t) len);
			n += (size_t) len;
		}
		else
		{
			rl = strlen(rep);
			if (n + rl + 1 > outsz)
				return 0;
			memcpy(out + n, rep, rl);
			n += rl;
		}
		s += len;
	}
	out[n] = '\0';
	return 1;
}

static const unit_def *
find_unit(const char *unit)
{
	char		k[64];

	if (!unit_key(unit, k, sizeof k))
		return NULL;
	for (size_t i = 0; i < sizeof unit_defs / sizeof unit_defs[0]; i++)
		if (strcmp(unit_defs[i].name, k) == 0)
			return &unit_defs[i];
	return NULL;
}

/* The standard unit of an item as (dimension, exponent). */
static void
std_unit(const eco_pollutant *p, dimension *dim, int *exp10)
{
	switch (p->unit)
	{
		case ECO_U_UGM3:
			*dim = DIM_AIR_MASS, *exp10 = 0;
			return;
		case ECO_U_MGM3:
			if (p->medium == ECO_WATER)
				*dim = DIM_WATER_MASS, *exp10 = -3;		/* mg/m³ of water = µg/L */
			else
				*dim = DIM_AIR_MASS, *exp10 = 3;
			return;
		case ECO_U_MGL:
			*dim = DIM_WATER_MASS, *exp10 = 0;
			return;
		case ECO_U_COUNT_L:
			*dim = DIM_COUNT, *exp10 = 0;
			return;
		case ECO_U_MGKG:
			*dim = DIM_SOIL_MASS, *exp10 = 0;
			return;
		case ECO_U_PH:
			*dim = DIM_PH, *exp10 = 0;
			return;
		case ECO_U_DEGC:
			*dim = DIM_TEMP, *exp10 = 0;
			return;
		case ECO_U_M:
			*dim = DIM_LENGTH, *exp10 = 0;
			return;
	}
}

/* value * 10^e, by multiplication for e >= 0 and division otherwise (each correctly rounded). */
static double
scale10(double v, int e)
{
	static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

	return e >= 0 ? v * p10[e] : v / p10[-e];
}

eco_conv_status
eco_unit_plan(const eco_pollutant *p, const char *unit, eco_unit_conv *conv)
{
	const unit_def *u = find_unit(unit);
	dimension	sdim = DIM_PH;
	int			sexp = 0;
	dimension	udim;
	int			uexp;

	if (u == NULL)
		return ECO_CONV_UNKNOWN_UNIT;
	std_unit(p, &sdim, &sexp);
	udim = u->dim;
	uexp = u->exp10;
	/* mass per cubic metre of water (chlorophyll a) reads as water mass */
	if (p->medium == ECO_WATER && udim == DIM_AIR_MASS)
		udim = DIM_WATER_MASS, uexp -= 6;
	conv->allow_negative = p->unit == ECO_U_DEGC;
	conv->molar_factor = 0;
	if (udim == DIM_MIXING && sdim == DIM_AIR_MASS && p->molar_mass > 0)
	{
		/* ppb -> µg/m³ at the reference state, then to the standard unit */
		conv->in_exp10 = uexp;
		conv->molar_factor = p->molar_mass / ECO_MOLAR_VOLUME_L;
		conv->out_exp10 = -sexp;
		return ECO_CONV_OK;
	}
	if (udim != sdim)
		return ECO_CONV_WRONG_DIMENSION;
	conv->in_exp10 = uexp - sexp;
	conv->out_exp10 = 0;
	return ECO_CONV_OK;
}

eco_conv_status
eco_unit_apply(const eco_unit_conv *conv, double value, double *result)
{
	if (isnan(value) || isinf(value) || (value < 0 && !conv->allow_negative))
		return ECO_CONV_BAD_VALUE;
	if (conv->molar_factor > 0)
		*result = scale10(scale10(value, conv->in_exp10) * conv->molar_factor, conv->out_exp10);
	else
		*result = scale10(value, conv->in_exp10);
	return ECO_CONV_OK;
}

eco_conv_status
eco_to_standard_unit(const eco_pollutant *p, double value, const char *unit, double *result)
{
	eco_unit_conv conv;
	eco_conv_status st = eco_unit_plan(p, unit, &conv);

	return st != ECO_CONV_OK ? st : eco_unit_apply(&conv, value, result);
}
