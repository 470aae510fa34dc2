/* Unit tests of the fixed words of the ledgers. */
#include "unit.h"
#include "ledger_vocabulary.h"

static int
count(int list)
{
	int			n = 0;

	for (int i = 0; i < eco_n_ledger_words; i++)
		n += (int) eco_ledger_words[i].list == list;
	return n;
}

int
main(void)
{
	unit_file = "ledger_vocabulary";

	CHECK_INT(count(ECO_LV_RECTIFICATION_LEVEL), 3, "three inspection levels");
	CHECK_INT(count(ECO_LV_COMPLAINT_CHANNEL), 5, "five complaint channels");
	CHECK_INT(count(ECO_LV_COMPLAINT_CATEGORY), 5, "five complaint categories");
	CHECK_INT(count(ECO_LV_APPROVAL_KIND), 2, "two approval kinds");
	CHECK_INT(count(ECO_LV_APPROVAL_CATEGORY), 6, "six approval categories");
	/* each list is contiguous (the summaries' order is the table's), words distinct within a list */
	{
		int			bad = 0;

		for (int i = 1; i < eco_n_ledger_words; i++)
			bad += eco_ledger_words[i].list < eco_ledger_words[i - 1].list;
		for (int i = 0; i < eco_n_ledger_words; i++)
			for (int j = i + 1; j < eco_n_ledger_words; j++)
				bad += eco_ledger_words[i].list == eco_ledger_words[j].list
					&& strcmp(eco_ledger_words[i].value, eco_ledger_words[j].value) == 0;
		CHECK_INT(bad, 0, "lists contiguous and without duplicates");
	}
	/* every category's parent is an approval kind; only categories have one */
	for (int i = 0; i < eco_n_ledger_words; i++)
	{
		const eco_ledger_word *w = &eco_ledger_words[i];

		if (w->list == ECO_LV_APPROVAL_CATEGORY)
			CHECK(eco_ledger_word_known(ECO_LV_APPROVAL_KIND, w->parent, NULL), "category under a known kind");
		else
			CHECK(w->parent == NULL, "no parent outside the approval categories");
		CHECK(eco_ledger_word_known(w->list, w->value, w->parent), "a word is known in its list");
	}
	CHECK_INT(eco_ledger_list_parse("complaint_channel"), ECO_LV_COMPLAINT_CHANNEL, "list by code");
	CHECK_INT(eco_ledger_list_parse("channel"), -1, "unknown list");
	CHECK_INT(eco_ledger_list_parse(NULL), -1, "NULL list");
	for (int i = 0; i < ECO_LV_N_LISTS; i++)
		CHECK_INT(eco_ledger_list_parse(eco_ledger_lists[i].code), i, "every list parses its code");
	CHECK(!eco_ledger_word_known(ECO_LV_COMPLAINT_CHANNEL, "微博", NULL), "unknown channel");
	CHECK(eco_ledger_word_known(ECO_LV_COMPLAINT_CATEGORY, "其他", NULL), "其他 is a category too");
	CHECK(!eco_ledger_word_known(ECO_LV_APPROVAL_CATEGORY, "重点管理", "环评"), "a permit class is not an EIA document");
	CHECK(eco_ledger_word_known(ECO_LV_APPROVAL_CATEGORY, "重点管理", "排污许可"), "a permit class");
	CHECK(!eco_ledger_word_known(ECO_LV_RECTIFICATION_LEVEL, NULL, NULL), "NULL word");
	CHECK(!eco_ledger_word_known(ECO_LV_RECTIFICATION_LEVEL, "县", NULL), "县 is not a level");
	return unit_done();
}
