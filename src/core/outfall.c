/*
 * outfall.c — HJ 1312-2023 outfall classification and the remediation
 * lifecycle.  Sources: the State Council opinion of 2022 (four policy types;
 * 取缔 / 清理合并 / 规范整治), HJ 1312-2023 (the classification table: only
 * the rows that could be verified are typed here), HJ 1232-2021 and the
 * policy's 整治 / 销号 (lifecycle vocabulary).
 *
 * Subtypes the reference does not verify (规模以下水产养殖排污口,
 * 农村污水处理设施排污口, 农村生活污水散排口, 城镇雨洪排口, ...) are not
 * invented as rows: they are accepted as aliases of the catch-all
 * "其他排口（其他）", one per level-1 type whose policy list ends in 等.
 */
#include "outfall.h"
#include "eco_text.h"

#include <stdio.h>
#include <string.h>

const eco_outfall_type eco_outfall_types[] = {
	{1, 1, 0, "工业排污口", 1, NULL},
	{2, 2, 1, "工矿企业排污口", 1, NULL},
	{3, 3, 2, "工业企业排污口", 1, NULL},
	{4, 3, 2, "矿山排污口", 1, NULL},
	{5, 3, 2, "尾矿库排污口", 1, NULL},
	{6, 2, 1, "工矿企业雨洪排口", 1, NULL},
	{7, 3, 6, "工业企业雨洪排口", 1, NULL},
	{8, 3, 6, "矿山雨洪排口", 1, NULL},
	{9, 3, 6, "尾矿库雨洪排口", 1, NULL},
	{10, 2, 1, "工业及其他各类园区污水处理厂排污口", 1, NULL},
	{11, 2, 1, "工业及其他各类园区污水处理厂雨洪排口", 1, NULL},
	/*
	 * The HJ 1312 table repeats 城镇污水处理厂排污口 as its own only level-2
	 * row; one row stands for both so that every name reads back to its id
	 * (pg_dump writes types as text).  Id 13 is left unused.
	 */
	{12, 1, 0, "城镇污水处理厂排污口", 1, NULL},
	{14, 1, 0, "农业排口", 1, NULL},
	{15, 2, 14, "规模化畜禽养殖排污口", 1, NULL},
	{16, 2, 14, "规模化水产养殖排污口", 1, NULL},
	{17, 1, 0, "其他排口", 1, NULL},
	{18, 2, 17, "大中型灌区排口", 1, NULL},
	{19, 2, 17, "港口码头排口", 1, NULL},
	{20, 2, 17, "规模以下畜禽养殖排污口", 1, NULL},
	/* catch-alls for subtypes the reference could not verify */
	{21, 2, 1, "工业排污口（其他）", 0, "工业排污口/其他|工业排污口-其他"},
	{22, 2, 14, "农业排口（其他）", 0, "农业排口/其他|农业排口-其他"},
	{23, 2, 17, "其他排口（其他）", 0,
	"其他排口/其他|其他排口-其他|规模以下水产养殖排污口|农村污水处理设施排污口|农村生活污水散排口|城镇雨洪排口|城镇生活污水散排口"},
};

const int	eco_n_outfall_types = (int) (sizeof(eco_outfall_types) / sizeof(eco_outfall_types[0]));

const eco_outfall_type *
eco_outfall_type_by_id(int id)
{
	for (int i = 0; i < eco_n_outfall_types; i++)
		if (eco_outfall_types[i].id == id)
			return &eco_outfall_types[i];
	return NULL;
}

static int
name_matches(const char *name, const char *key)
{
	char		k[192];

	return name && eco_norm_key(name, k, sizeof k) > 0 && strcmp(k, key) == 0;
}

/* 1 when key (a folded key) is one of the '|' separated names of list. */
static int
alias_matches(const char *list, const char *key)
{
	char		one[192];

	while (eco_list_next(&list, one, sizeof one))
		if (name_matches(one, key))
			return 1;
	return 0;
}

const eco_outfall_type *
eco_outfall_type_parse(const char *text)
{
	char		key[192];
	const eco_outfall_type *best = NULL;

	if (text == NULL || eco_norm_key(text, key, sizeof key) <= 0)
		return NULL;
	for (int i = 0; i < eco_n_outfall_types; i++)
	{
		const eco_outfall_type *t = &eco_outfall_types[i];
		int			hit = name_matches(t->name, key) || alias_matches(t->aliases, key);

		if (hit && (best == NULL || t->level > best->level))
			best = t;
	}
	return best;
}

const eco_outfall_type *
eco_outfall_type_ancestor(const eco_outfall_type *t, int level)
{
	while (t && t->level > level)
		t = eco_outfall_type_by_id(t->parent);
	return (t && t->level == level) ? t : NULL;
}

/* ---------- lifecycle (HJ 1232 三级排查 and the policy's 整治/销号) ---------- */

const char *const eco_outfall_stage_names[ECO_OF_N_STAGES] = {
	"疑似", "核查确认", "非排口", "整治中", "已完成"
};

const char *const eco_outfall_stage_aliases[ECO_OF_N_STAGES] = {
	NULL, NULL, NULL, NULL, "销号|已完成(销号)"
};

int
eco_outfall_stage_index(const char *text)
{
	return eco_word_index(eco_outfall_stage_names, ECO_OF_N_STAGES, text);
}

int
eco_outfall_stage_parse(const char *text)
{
	char		k[64];

	if (text == NULL || eco_norm_key(text, k, sizeof k) <= 0)
		return -1;
	for (int i = 0; i < ECO_OF_N_STAGES; i++)
		if (name_matches(eco_outfall_stage_names[i], k))
			return i;
	for (int i = 0; i < ECO_OF_N_STAGES; i++)
		if (alias_matches(eco_outfall_stage_aliases[i], k))
			return i;
	return -1;
}

const eco_outfall_transition eco_outfall_transitions[] = {
	{ECO_OF_SUSPECTED, ECO_OF_CONFIRMED, 0, "field verification confirms an outfall (核查确认)"},
	{ECO_OF_SUSPECTED, ECO_OF_NOT_OUTFALL, 0, "field verification finds no outfall (非排口)"},
	{ECO_OF_CONFIRMED, ECO_OF_IN_REMEDIATION, 0, "classified remediation starts (取缔 / 清理合并 / 规范整治)"},
	{ECO_OF_IN_REMEDIATION, ECO_OF_DONE, 0, "remediation completed and closed out (销号)"},
	{ECO_OF_CONFIRMED, ECO_OF_DONE, 1, "already remediated before the campaign: closed out without a new action"},
};

const int	eco_n_outfall_transitions = (int) (sizeof(eco_outfall_transitions) / sizeof(eco_outfall_transitions[0]));

int
eco_outfall_transition_ok(int from, int to, int pre_campaign)
{
	for (int i = 0; i < eco_n_outfall_transitions; i++)
	{
		const eco_outfall_transition *t = &eco_outfall_transitions[i];

		if ((int) t->from == from && (int) t->to == to)
			return !t->pre_campaign_only || pre_campaign;
	}
	return 0;
}

const char *const eco_outfall_actions[ECO_OF_N_ACTIONS] = {"取缔", "清理合并", "规范整治"};

int
eco_outfall_action_index(const char *text)
{
	return eco_word_index(eco_outfall_actions, ECO_OF_N_ACTIONS, text);
}
