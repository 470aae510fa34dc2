/* Unit tests of the HJ 1312-2023 type table and the outfall lifecycle. */
#include "unit.h"
#include "outfall.h"
#include "eco_text.h"

static const char *
name_of(const char *text)
{
	const eco_outfall_type *t = eco_outfall_type_parse(text);

	return t ? t->name : "(none)";
}

static const char *
l1_of(const char *text)
{
	const eco_outfall_type *t = eco_outfall_type_parse(text);

	return t ? eco_outfall_type_ancestor(t, 1)->name : "(none)";
}

int
main(void)
{
	unit_file = "outfall";

	/* table integrity: ids unique, parents exist one level up, four level-1 types */
	{
		int			dup = 0,
					bad_parent = 0,
					l1 = 0,
					bad_rt = 0;

		for (int i = 0; i < eco_n_outfall_types; i++)
		{
			const eco_outfall_type *t = &eco_outfall_types[i];
			const eco_outfall_type *p = eco_outfall_type_by_id(t->parent);

			for (int j = i + 1; j < eco_n_outfall_types; j++)
				dup += eco_outfall_types[j].id == t->id;
			if (t->level == 1)
				l1++, bad_parent += t->parent != 0;
			else
				bad_parent += p == NULL || p->level != t->level - 1;
			/* every name parses back to the same row (pg_dump writes the type as text) */
			bad_rt += eco_outfall_type_parse(t->name) != t;
		}
		CHECK_INT(dup, 0, "type ids are unique");
		CHECK_INT(bad_parent, 0, "every parent exists one level up");
		CHECK_INT(l1, 4, "four level-1 types");
		CHECK_INT(bad_rt, 0, "every name parses back to its own row");
	}
	CHECK_STR(name_of("工业排污口"), "工业排污口", "level 1");
	CHECK_STR(name_of("工矿企业雨洪排口"), "工矿企业雨洪排口", "level 2");
	CHECK_STR(name_of("尾矿库排污口"), "尾矿库排污口", "level 3");
	CHECK_STR(l1_of("尾矿库排污口"), "工业排污口", "level 3 -> level 1");
	CHECK_STR(l1_of("规模化畜禽养殖排污口"), "农业排口", "agriculture");
	CHECK_STR(l1_of("港口码头排口"), "其他排口", "port");
	CHECK_INT(eco_outfall_type_parse("城镇污水处理厂排污口")->level, 1, "urban WWTP is one level-1 row");
	CHECK_STR(l1_of("城镇污水处理厂排污口"), "城镇污水处理厂排污口", "urban WWTP level 1");
	CHECK_STR(name_of("农村生活污水散排口"), "其他排口（其他）", "unverified subtype goes to other");
	CHECK_STR(name_of("城镇雨洪排口"), "其他排口（其他）", "城镇雨洪排口 unverified");
	CHECK_STR(name_of("工业排污口(其他)"), "工业排污口（其他）", "half-width brackets");
	CHECK_STR(name_of("工业排口"), "(none)", "unknown name rejected");
	CHECK_STR(name_of(""), "(none)", "empty rejected");
	CHECK(eco_outfall_type_ancestor(eco_outfall_type_parse("工业排污口"), 2) == NULL, "no level-2 ancestor of level 1");

	/* lifecycle */
	CHECK_INT(eco_outfall_stage_parse("销号"), ECO_OF_DONE, "销号 is 已完成");
	CHECK_INT(eco_outfall_stage_parse("整治中"), ECO_OF_IN_REMEDIATION, "整治中");
	CHECK_INT(eco_outfall_stage_parse("done"), -1, "unknown stage");
	CHECK(eco_outfall_transition_ok(ECO_OF_SUSPECTED, ECO_OF_CONFIRMED, 0), "疑似 -> 核查确认");
	CHECK(eco_outfall_transition_ok(ECO_OF_SUSPECTED, ECO_OF_NOT_OUTFALL, 0), "疑似 -> 非排口");
	CHECK(eco_outfall_transition_ok(ECO_OF_CONFIRMED, ECO_OF_IN_REMEDIATION, 0), "核查确认 -> 整治中");
	CHECK(eco_outfall_transition_ok(ECO_OF_IN_REMEDIATION, ECO_OF_DONE, 0), "整治中 -> 已完成");
	CHECK(!eco_outfall_transition_ok(ECO_OF_CONFIRMED, ECO_OF_DONE, 0), "核查确认 -> 已完成 refused");
	CHECK(eco_outfall_transition_ok(ECO_OF_CONFIRMED, ECO_OF_DONE, 1), "核查确认 -> 已完成 before the campaign");
	CHECK(!eco_outfall_transition_ok(ECO_OF_SUSPECTED, ECO_OF_IN_REMEDIATION, 0), "疑似 -> 整治中 refused");
	CHECK(!eco_outfall_transition_ok(ECO_OF_NOT_OUTFALL, ECO_OF_CONFIRMED, 0), "非排口 is final");
	CHECK(!eco_outfall_transition_ok(ECO_OF_DONE, ECO_OF_IN_REMEDIATION, 1), "已完成 is final");
	CHECK(!eco_outfall_transition_ok(ECO_OF_IN_REMEDIATION, ECO_OF_CONFIRMED, 0), "no way back");
	{
		int			n = 0;

		for (int f = 0; f < ECO_OF_N_STAGES; f++)
			for (int t = 0; t < ECO_OF_N_STAGES; t++)
				n += eco_outfall_transition_ok(f, t, 1);
		CHECK_INT(n, 5, "exactly five transitions exist");
	}
	/* lists typed once: exact lookups, aliases, the hint text */
	for (int i = 0; i < ECO_OF_N_STAGES; i++)
	{
		CHECK_INT(eco_outfall_stage_index(eco_outfall_stage_names[i]), i, "stage index of its own name");
		CHECK_INT(eco_outfall_stage_parse(eco_outfall_stage_names[i]), i, "stage parses its own name");
	}
	CHECK_INT(eco_outfall_stage_index("销号"), -1, "an alias is not a stored name");
	CHECK_INT(eco_outfall_stage_parse("已完成（销号）"), ECO_OF_DONE, "已完成（销号） is 已完成");
	CHECK_INT(eco_outfall_stage_index(NULL), -1, "NULL stage");
	for (int i = 0; i < ECO_OF_N_ACTIONS; i++)
		CHECK_INT(eco_outfall_action_index(eco_outfall_actions[i]), i, "action index of its own name");
	CHECK_INT(eco_outfall_action_index("取缔 "), -1, "actions match exactly");
	CHECK_INT(eco_outfall_action_index(NULL), -1, "NULL action");
	/* eco_list_next: the alias lists of the core tables */
	{
		const char *list = "ab|toolongname||c";
		char		buf[5];

		CHECK_INT(eco_list_next(&list, buf, sizeof buf), 1, "first name");
		CHECK_STR(buf, "ab", "first name text");
		CHECK_INT(eco_list_next(&list, buf, sizeof buf), 1, "a name too long is skipped");
		CHECK_STR(buf, "", "then the empty name");
		CHECK_INT(eco_list_next(&list, buf, sizeof buf), 1, "last name");
		CHECK_STR(buf, "c", "last name text");
		CHECK_INT(eco_list_next(&list, buf, sizeof buf), 0, "end of the list");
		list = NULL;
		CHECK_INT(eco_list_next(&list, buf, sizeof buf), 0, "NULL list");
	}

	return unit_done();
}
