/*
 * ledger_vocabulary.c — the fixed words of the ledgers, in the order the
 * bureau's summaries list them: 中央 / 省 / 市 inspections; complaints by
 * channel and by category (其他 last); 环评 documents and 排污许可 classes.
 */
#include "ledger_vocabulary.h"

#include <string.h>

const eco_ledger_list_info eco_ledger_lists[ECO_LV_N_LISTS] = {
	[ECO_LV_RECTIFICATION_LEVEL] = {"rectification_level", "inspection level"},
	[ECO_LV_COMPLAINT_CHANNEL] = {"complaint_channel", "complaint channel"},
	[ECO_LV_COMPLAINT_CATEGORY] = {"complaint_category", "complaint category"},
	[ECO_LV_APPROVAL_KIND] = {"approval_kind", "approval kind"},
	[ECO_LV_APPROVAL_CATEGORY] = {"approval_category", "approval category"},
};

const eco_ledger_word eco_ledger_words[] = {
	{ECO_LV_RECTIFICATION_LEVEL, "中央", NULL},
	{ECO_LV_RECTIFICATION_LEVEL, "省", NULL},
	{ECO_LV_RECTIFICATION_LEVEL, "市", NULL},
	{ECO_LV_COMPLAINT_CHANNEL, "电话", NULL},
	{ECO_LV_COMPLAINT_CHANNEL, "网络", NULL},
	{ECO_LV_COMPLAINT_CHANNEL, "来信", NULL},
	{ECO_LV_COMPLAINT_CHANNEL, "来访", NULL},
	{ECO_LV_COMPLAINT_CHANNEL, "其他", NULL},
	{ECO_LV_COMPLAINT_CATEGORY, "水", NULL},
	{ECO_LV_COMPLAINT_CATEGORY, "气", NULL},
	{ECO_LV_COMPLAINT_CATEGORY, "噪声", NULL},
	{ECO_LV_COMPLAINT_CATEGORY, "固废", NULL},
	{ECO_LV_COMPLAINT_CATEGORY, "其他", NULL},
	{ECO_LV_APPROVAL_KIND, "环评", NULL},
	{ECO_LV_APPROVAL_KIND, "排污许可", NULL},
	{ECO_LV_APPROVAL_CATEGORY, "报告书", "环评"},
	{ECO_LV_APPROVAL_CATEGORY, "报告表", "环评"},
	{ECO_LV_APPROVAL_CATEGORY, "登记表备案", "环评"},
	{ECO_LV_APPROVAL_CATEGORY, "重点管理", "排污许可"},
	{ECO_LV_APPROVAL_CATEGORY, "简化管理", "排污许可"},
	{ECO_LV_APPROVAL_CATEGORY, "登记管理", "排污许可"},
};

const int	eco_n_ledger_words = (int) (sizeof(eco_ledger_words) / sizeof(eco_ledger_words[0]));

int
eco_ledger_list_parse(const char *code)
{
	if (code == NULL)
		return -1;
	for (int i = 0; i < ECO_LV_N_LISTS; i++)
		if (strcmp(eco_ledger_lists[i].code, code) == 0)
			return i;
	return -1;
}

int
eco_ledger_word_known(int list, const char *value, const char *parent)
{
	if (value == NULL)
		return 0;
	for (int i = 0; i < eco_n_ledger_words; i++)
	{
		const eco_ledger_word *w = &eco_ledger_words[i];

		if ((int) w->list == list && strcmp(w->value, value) == 0
			&& (parent == NULL || (w->parent != NULL && strcmp(w->parent, parent) == 0)))
			return 1;
	}
	return 0;
}
