/* Unit tests of the surface-water core: GB 3838 tables, worked examples W1–W7, multiples, basin, Spearman, TLI. */
#include "unit.h"
#include "pollutant.h"
#include "water.h"
#include "standards.h"

#include <string.h>

static int
id_of(const char *code)
{
	const eco_pollutant *p = eco_pollutant_parse(code);

	p = p ? eco_pollutant_in_medium(p, ECO_WATER) : NULL;
	return p ? p->id : -1;
}

static int
cls(const char *code, double v, eco_water_body b)
{
	const eco_water_item *it = eco_water_item_find(id_of(code), b);

	return it ? eco_water_classify(it, v) : -1;
}

static long long
mult(const char *code, double v, int target, eco_water_body b, int d)
{
	const eco_water_item *it = eco_water_item_find(id_of(code), b);
	int64_t		s = 0;
	int			rc;

	if (it == NULL)
		return -1;
	rc = eco_water_multiple(it, v, target, d, &s);
	if (rc == 0)
		return -1;
	if (rc < 0)
		return -2;				/* out of range */
	return (long long) s;
}

/* Class I values of the items W1–W7 leave unlisted (worked examples). */
static const char *const rest_codes[] = {"Cu", "Zn", "F", "Se", "As", "Hg", "Cd", "Cr(VI)", "water:Pb", "CN", "phenol",
"oil", "LAS", "sulfide"};
static const double rest_values[] = {0.004, 0.02, 0.4, 0.0004, 0.002, 0.00002, 0.0005, 0.004, 0.002, 0.002, 0.0008,
0.02, 0.05, 0.01};

static void
put(eco_water_means *m, const char *code, double v)
{
	int			slot = id_of(code) - ECO_WATER_ID0;

	eco_water_means_add(m, slot, v);
}

static void
start(eco_water_means *m, int with_rest)
{
	memset(m, 0, sizeof *m);
	if (with_rest)
		for (size_t i = 0; i < sizeof rest_codes / sizeof rest_codes[0]; i++)
			put(m, rest_codes[i], rest_values[i]);
}

static const char *
main_text(const eco_water_means *m, eco_water_body b)
{
	static char buf[256];
	eco_water_main mp[3];
	int			n = eco_water_main_pollutants(eco_water_edition_default(), m, b, 1, 2, mp);

	buf[0] = '\0';
	for (int i = 0; i < n; i++)
	{
		char		one[64];
		char		buf2[32];
		const char *code = eco_pollutant_out(eco_pollutant_by_id(mp[i].item->pollutant_id), buf2, sizeof buf2);

		if (mp[i].has_multiple)
			snprintf(one, sizeof one, "%s%s(%lld)", i ? "," : "", code, (long long) mp[i].scaled);
		else
			snprintf(one, sizeof one, "%s%s", i ? "," : "", code);
		strncat(buf, one, sizeof buf - strlen(buf) - 1);
	}
	return buf;
}

int
main(void)
{
	eco_water_means m;
	char		name[128];

	unit_file = "water";

	/* ---- class text ---- */
	CHECK_INT(eco_water_class_parse("III"), 3, "III");
	CHECK_INT(eco_water_class_parse("Ⅲ"), 3, "Ⅲ");
	CHECK_INT(eco_water_class_parse("3"), 3, "3");
	CHECK_INT(eco_water_class_parse("III类"), 3, "III类");
	CHECK_INT(eco_water_class_parse("Ⅲ类"), 3, "Ⅲ类");
	CHECK_INT(eco_water_class_parse("iv"), 4, "iv");
	CHECK_INT(eco_water_class_parse("劣V"), 6, "劣V");
	CHECK_INT(eco_water_class_parse("劣Ⅴ"), 6, "劣Ⅴ");
	CHECK_INT(eco_water_class_parse("劣Ⅴ类"), 6, "劣Ⅴ类");
	CHECK_INT(eco_water_class_parse("worse than V"), 6, "worse than V");
	CHECK_INT(eco_water_class_parse("I"), 1, "I");
	CHECK_INT(eco_water_class_parse("Ⅴ类"), 5, "Ⅴ类");
	CHECK_INT(eco_water_class_parse("VI"), 0, "VI rejected");
	CHECK_INT(eco_water_class_parse("0"), 0, "0 rejected");
	CHECK_INT(eco_water_class_parse("劣III"), 0, "劣III rejected");
	CHECK_INT(eco_water_class_parse(""), 0, "empty rejected");
	CHECK_STR(eco_water_class_out(6), "劣V", "out 劣V");
	CHECK_STR(eco_water_class_label(3, "zh"), "Ⅲ类", "label zh");
	CHECK_STR(eco_water_class_label(6, "zh"), "劣Ⅴ类", "label zh 劣Ⅴ类");
	CHECK(eco_water_class_label(3, "xx") == NULL, "unknown label style");
	CHECK_INT(eco_water_body_parse("river"), ECO_RIVER, "river");
	CHECK_INT(eco_water_body_parse("Reservoir"), ECO_LAKE, "reservoir is lake");
	CHECK_INT(eco_water_body_parse("湖库"), ECO_LAKE, "湖库");
	CHECK_INT(eco_water_body_parse("sea"), -1, "sea unknown");

	/* ---- decimals ---- */
	CHECK_INT(eco_dec_cmp(eco_dec_from_double(0.1 + 0.2), eco_dec_from_double(0.3)), 0, "0.1+0.2 = 0.3 as written");
	CHECK_INT(eco_dec_cmp(eco_dec_from_double(0.2000001), eco_dec_from_double(0.2)), 1, "0.2000001 > 0.2");
	CHECK_INT(eco_dec_cmp(eco_dec_from_double(0.00005), eco_dec_from_double(0.0001)), -1, "5e-5 < 1e-4");

	CHECK_INT(eco_value_cmp_limit(0.1 + 0.2, 0.3), 0, "band: 0.1+0.2 equals limit 0.3");
	CHECK_INT(eco_value_cmp_limit(0.2 * (1 + 1e-13), 0.2), 1, "band: 0.20000000000002 above 0.2");
	CHECK_INT(eco_value_cmp_limit(0.2 * (1 - 1e-13), 0.2), -1, "band: 0.19999999999998 below 0.2");
	CHECK_INT(eco_value_cmp_limit(6.42 / 1.07, 6), 0, "band: 6.42/1.07 is 6 as written");
	CHECK_INT(eco_value_cmp_limit(0, 0.00005), -1, "zero below every limit");

	/* ---- every boundary of Table 1: a limit meets its class, just above does not ---- */
	for (int i = 0; i < eco_n_water_items; i++)
	{
		const eco_water_item *it = &eco_water_items[i];

		if (it->dir == ECO_WDIR_MAX)
			for (int c = 0; c < 5; c++)
			{
				int			best = c;

				while (best > 0 && it->lim[best - 1] == it->lim[c])
					best--;
				snprintf(name, sizeof name, "row %d item %d class %d limit %g meets", it->table_row, it->pollutant_id, c + 1, it->lim[c]);
				CHECK_INT(eco_water_classify(it, it->lim[c]), best + 1, name);
				{
					int			next = c;

					while (next < 5 && it->lim[next] == it->lim[c])
						next++;
					snprintf(name, sizeof name, "row %d item %d above class %d limit", it->table_row, it->pollutant_id, c + 1);
					CHECK_INT(eco_water_classify(it, it->lim[c] * 1.000001), next + 1, name);
				}
			}
		else if (it->dir == ECO_WDIR_MIN)
			for (int c = 0; c < 5; c++)
			{
				snprintf(name, sizeof name, "DO class %d limit %g meets", c + 1, it->lim[c]);
				CHECK_INT(eco_water_classify(it, it->lim[c]), c + 1, name);
				snprintf(name, sizeof name, "DO just below class %d limit", c + 1);
				CHECK_INT(eco_water_classify(it, it->lim[c] * 0.999999), c + 2, name);
			}
	}
	/* every Class III limit meets III (worked example W6: limits inclusive) */
	for (int i = 0; i < eco_n_water_items; i++)
		if (eco_water_items[i].dir == ECO_WDIR_MAX || eco_water_items[i].dir == ECO_WDIR_MIN)
		{
			snprintf(name, sizeof name, "Class III limit of item %d row %d meets III", eco_water_items[i].pollutant_id,
					 eco_water_items[i].table_row);
			CHECK(eco_water_classify(&eco_water_items[i], eco_water_items[i].lim[2]) <= 3, name);
		}
	CHECK_INT(cls("pH", 6.0, ECO_RIVER), 1, "pH 6 in range");
	CHECK_INT(cls("pH", 9.0, ECO_RIVER), 1, "pH 9 in range");
	CHECK_INT(cls("pH", 5.99, ECO_RIVER), 6, "pH 5.99 is 劣V");
	CHECK_INT(cls("pH", 9.01, ECO_RIVER), 6, "pH 9.01 is 劣V");
	CHECK_INT(cls("DO", 1.9, ECO_RIVER), 6, "DO 1.9 is 劣V");
	CHECK_INT(cls("DO", 0, ECO_RIVER), 6, "DO 0 is 劣V");
	CHECK_INT(cls("DO", 7.5, ECO_RIVER), 1, "DO 7.5 is I");
	CHECK_INT(cls("COD", 15, ECO_RIVER), 1, "COD 15 is I (shared limit)");
	CHECK_INT(cls("CODMn", 0, ECO_RIVER), 1, "zero is I");
	CHECK_INT(cls("NH3-N", 2.3, ECO_RIVER), 6, "NH3-N 2.3 劣V");
	CHECK_INT(cls("TP", 0.06, ECO_LAKE), 4, "TP 0.06 lake IV");
	CHECK_INT(cls("TP", 0.06, ECO_RIVER), 2, "TP 0.06 river II");
	CHECK_INT(cls("TP", 0.2, ECO_RIVER), 3, "TP 0.2 river III");
	CHECK_INT(cls("TP", 0.2, ECO_LAKE), 5, "TP 0.2 lake V");
	CHECK_INT(cls("TN", 2.5, ECO_RIVER), -1, "TN has no river class");
	CHECK_INT(cls("TN", 1.2, ECO_LAKE), 4, "TN 1.2 lake IV");
	CHECK_INT(cls("WT", 20, ECO_RIVER), 0, "water temperature has no class");
	CHECK_INT(cls("FC", 3000, ECO_RIVER), 3, "FC 3000 is III");
	CHECK_INT(cls("Pb", 0.07, ECO_RIVER), 5, "'Pb' maps to water:Pb");
	CHECK_INT(cls("Hg", 0.0001, ECO_RIVER), 3, "Hg 0.0001 III");
	CHECK_INT(cls("Hg", 0.00011, ECO_RIVER), 4, "Hg 0.00011 IV");

	/* every water item of the registry has a slot of eco_water_means (the aggregates index by id - 100) */
	{
		int			outside = 0;

		for (int i = 0; i < eco_n_pollutants; i++)
			if (eco_pollutants[i].medium == ECO_WATER &&
				(eco_pollutants[i].id < ECO_WATER_ID0 || eco_pollutants[i].id >= ECO_WATER_ID0 + ECO_WATER_SLOTS))
				outside++;
		CHECK_INT(outside, 0, "every water pollutant id is within the aggregate slots 100..130");
		for (int i = 0; i < eco_n_water_items; i++)
			if (eco_water_items[i].pollutant_id - ECO_WATER_ID0 >= ECO_WATER_SLOTS)
				outside++;
		CHECK_INT(outside, 0, "every Table 1 row is within the slots");
	}
	/* ---- exceedance multiples (环办〔2011〕22号; worked examples) ---- */
	CHECK_INT(mult("CODMn", 6.42, 3, ECO_RIVER, 2), 7, "CODMn 6.42 -> 0.07");
	CHECK_INT(mult("CODMn", 6.40, 3, ECO_RIVER, 2), 7, "CODMn 6.40 -> 0.07 half-up");
	CHECK_INT(mult("TP", 0.214, 3, ECO_RIVER, 2), 7, "TP river 0.214 -> 0.07");
	CHECK_INT(mult("TP", 0.06, 3, ECO_LAKE, 2), 20, "TP lake 0.06 -> 0.20");
	CHECK_INT(mult("NH3-N", 0.9, 3, ECO_RIVER, 2), 0, "NH3-N 0.9 not exceeded");
	CHECK_INT(mult("DO", 3.5, 3, ECO_RIVER, 2), -1, "DO never gets a multiple");
	CHECK_INT(mult("DO", 1.9, 3, ECO_RIVER, 2), -1, "DO 1.9 no multiple");
	CHECK_INT(mult("pH", 9.3, 3, ECO_RIVER, 2), -1, "pH no multiple");
	/* huge values: the scaled multiple must not wrap around int64 (it used to) */
	CHECK_INT(mult("Hg", 1e11, 3, ECO_RIVER, 6), -2, "Hg 1e11, 6 decimals: out of range, not wrapped");
	CHECK_INT(mult("Hg", 1.23456789012345e26, 3, ECO_RIVER, 0), -2, "Hg 1.2e26, 0 decimals: out of range");
	CHECK_INT(mult("Hg", 1e300, 3, ECO_RIVER, 2), -2, "Hg 1e300: out of range");
	CHECK_INT(mult("Hg", 1e11, 3, ECO_RIVER, 2), 99999999999999900LL, "Hg 1e11, 2 decimals: exact 999999999999999.00");
	CHECK_INT(mult("COD", 20 * 9.3e12, 3, ECO_RIVER, 6), -2, "COD 20·9.3e12 at 6 decimals: out of range");
	CHECK_INT(mult("COD", 20 * 9.2e12, 3, ECO_RIVER, 6), 9199999999999000000LL, "COD 20·9.2e12 at 6 decimals: fits");
	CHECK_INT(mult("COD", 1e30, 3, ECO_RIVER, 0), -2, "COD 1e30: out of range");
	CHECK_INT(mult("CODMn", 6.03, 3, ECO_RIVER, 2), 1, "CODMn 6.03 -> 0.005 -> 0.01 half-up (float would give 0.00)");
	CHECK_INT(mult("CODMn", 6.0, 3, ECO_RIVER, 2), 0, "on the limit: 0");
	CHECK_INT(mult("CODMn", 6.42, 3, ECO_RIVER, 4), 700, "4 decimals");
	CHECK_INT(mult("BOD5", 5.5, 3, ECO_RIVER, 2), 38, "BOD5 5.5 -> 0.375 -> 0.38");
	CHECK_INT(mult("NH3-N", 2.3, 3, ECO_RIVER, 1), 13, "1 decimal: 1.3");
	CHECK_INT(mult("COD", 32, 4, ECO_RIVER, 2), 7, "target IV: COD 32 over 30 -> 0.07");
	CHECK_INT(mult("Hg", 0.00012, 3, ECO_RIVER, 2), 20, "Hg 0.00012 -> 0.20");
	CHECK_INT(mult("COD", 1e20, 3, ECO_RIVER, 0), -2, "COD 1e20: beyond exact arithmetic, out of range (no rounded double)");
	CHECK_INT(mult("COD", 1.00000000000001e20, 3, ECO_RIVER, 0), 5000000000000049999LL,
			  "COD 1.00000000000001e20: exact (15 digits as written)");

	/* ---- W1 ---- */
	start(&m, 1);
	put(&m, "pH", 7.6); put(&m, "DO", 6.5); put(&m, "CODMn", 4.5); put(&m, "COD", 18); put(&m, "BOD5", 3.5);
	put(&m, "NH3-N", 0.8); put(&m, "TP", 0.15); put(&m, "TN", 2.5); put(&m, "FC", 3000);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 3, "W1 class III (TN excluded)");
	CHECK_STR(eco_water_status(3), "良好", "W1 良好");
	CHECK_STR(main_text(&m, ECO_RIVER), "", "W1 no main pollutants");
	/* ---- W2 ---- */
	start(&m, 1);
	put(&m, "pH", 7.2); put(&m, "DO", 4.2); put(&m, "CODMn", 7.5); put(&m, "COD", 32); put(&m, "BOD5", 5.0);
	put(&m, "NH3-N", 2.3); put(&m, "TP", 0.34);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 6, "W2 劣V");
	CHECK_STR(eco_water_status(6), "重度污染", "W2 重度污染");
	CHECK_STR(main_text(&m, ECO_RIVER), "NH3-N(130),TP(70),COD(60)", "W2 main pollutants");
	/* ---- W3 / W3b ---- */
	start(&m, 1);
	put(&m, "pH", 8.1); put(&m, "DO", 8.0); put(&m, "CODMn", 3.2); put(&m, "COD", 12); put(&m, "BOD5", 2.0);
	put(&m, "NH3-N", 0.12); put(&m, "TP", 0.06); put(&m, "TN", 1.2);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_LAKE), 4, "W3 lake IV");
	CHECK_STR(eco_water_status(4), "轻度污染", "W3 轻度污染");
	CHECK_STR(main_text(&m, ECO_LAKE), "TP(20)", "W3 main pollutant TP(0.20), TN reference only");
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 2, "W3b river II");
	CHECK_STR(eco_water_status(2), "优", "W3b 优");
	/* ---- W4 ---- */
	start(&m, 1);
	memset(&m.sum[id_of("water:Pb") - ECO_WATER_ID0], 0, sizeof m.sum[0]); m.n[id_of("water:Pb") - ECO_WATER_ID0] = 0;
	memset(&m.sum[id_of("Cd") - ECO_WATER_ID0], 0, sizeof m.sum[0]); m.n[id_of("Cd") - ECO_WATER_ID0] = 0;
	put(&m, "pH", 7.0); put(&m, "DO", 5.5); put(&m, "CODMn", 9.0); put(&m, "COD", 28); put(&m, "BOD5", 5.5);
	put(&m, "NH3-N", 1.2); put(&m, "TP", 0.18); put(&m, "Pb", 0.07); put(&m, "Cd", 0.004);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 5, "W4 V");
	CHECK_STR(eco_water_status(5), "中度污染", "W4 中度污染");
	CHECK_STR(main_text(&m, ECO_RIVER), "water:Pb(40),CODMn(50),COD(40)", "W4 main pollutants");
	/* heavy-metal priority: a Class V cadmium (0.02) ahead of a Class V COD (0.75) */
	start(&m, 0);
	put(&m, "COD", 35); put(&m, "Cd", 0.0051); put(&m, "BOD5", 7);
	{
		eco_water_main mp[3];

		CHECK_INT(eco_water_main_pollutants(eco_water_edition_default(), &m, ECO_RIVER, 1, 2, mp), 3, "priority: three items");
		CHECK_INT(mp[0].item->pollutant_id, id_of("Cd"), "priority: Cd first");
		eco_water_main_pollutants(eco_water_edition_default(), &m, ECO_RIVER, 0, 2, mp);
		CHECK_INT(mp[0].item->pollutant_id, id_of("COD"), "no priority: COD (V) first");
		/* a Class IV arsenic (0.06) ahead of Class V items; last without priority */
		start(&m, 0);
		put(&m, "COD", 35); put(&m, "As", 0.06); put(&m, "BOD5", 7); put(&m, "NH3-N", 1.6);
		CHECK_INT(eco_water_classify(eco_water_item_find(id_of("As"), ECO_RIVER), 0.06), 4, "As 0.06 is IV");
		eco_water_main_pollutants(eco_water_edition_default(), &m, ECO_RIVER, 1, 2, mp);
		CHECK_INT(mp[0].item->pollutant_id, id_of("As"), "priority: Class IV As before Class V items");
		CHECK_INT(eco_water_main_pollutants(eco_water_edition_default(), &m, ECO_RIVER, 0, 2, mp), 3, "no priority: three items");
		CHECK(mp[0].item->pollutant_id != id_of("As") && mp[1].item->pollutant_id != id_of("As")
			  && mp[2].item->pollutant_id != id_of("As"), "no priority: the Class IV As is not among the three");
	}
	/* ---- W5 ---- */
	start(&m, 1);
	put(&m, "pH", 9.3); put(&m, "DO", 8); put(&m, "CODMn", 2); put(&m, "COD", 10); put(&m, "BOD5", 2);
	put(&m, "NH3-N", 0.1); put(&m, "TP", 0.01);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 6, "W5 劣V");
	CHECK_STR(main_text(&m, ECO_RIVER), "pH", "W5 main pollutant pH, no multiple");
	/* ---- W6 ---- */
	start(&m, 1);
	put(&m, "pH", 6.0); put(&m, "DO", 5.0); put(&m, "CODMn", 6.0); put(&m, "COD", 20); put(&m, "BOD5", 4);
	put(&m, "NH3-N", 1.0); put(&m, "TP", 0.2);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 3, "W6 boundaries III");
	/* ---- W7 ---- */
	start(&m, 1);
	put(&m, "pH", 7); put(&m, "DO", 1.9); put(&m, "CODMn", 3); put(&m, "COD", 15); put(&m, "BOD5", 3);
	put(&m, "NH3-N", 0.4); put(&m, "TP", 0.05);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 6, "W7 劣V");
	CHECK_STR(main_text(&m, ECO_RIVER), "DO", "W7 main pollutant DO, no multiple");
	/* means: 12 monthly values averaging 6.42 */
	start(&m, 0);
	for (int i = 0; i < 12; i++)
		put(&m, "CODMn", i % 2 ? 6.12 : 6.72);
	CHECK_STR(main_text(&m, ECO_RIVER), "CODMn(7)", "mean 6.42 of 12 values -> 0.07");
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 4, "mean 6.42 -> IV");
	start(&m, 0);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 0, "no items: no class");
	put(&m, "TN", 3); put(&m, "FC", 99999); put(&m, "WT", 30);
	CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 0, "reference items only: no class");

	/* ---- drinking-water source ---- */
	{
		short		fail[ECO_WATER_SLOTS];
		int			n_items;

		start(&m, 1);
		put(&m, "SO4", 250); put(&m, "Fe", 0.31); put(&m, "NH3-N", 1.0);
		CHECK_INT(eco_water_drinking(eco_water_edition_default(), &m, ECO_RIVER, fail, &n_items), 1, "drinking: one failure");
		CHECK_INT(fail[0], id_of("Fe"), "drinking: Fe 0.31 > 0.3 fails, SO4 250 passes");
		CHECK_INT(n_items, 17, "drinking: 17 items evaluated");
	}

	/* ---- basin (环办〔2011〕22号; worked examples) ---- */
	{
		eco_basin	b;
		int64_t		t1[7] = {0, 0, 2, 4, 2, 1, 1};
		int64_t		t2[7] = {0, 0, 18, 0, 1, 0, 1};
		int64_t		t3[7] = {0, 0, 2, 5, 1, 0, 0};
		int64_t		t4[7] = {0, 0, 0, 2, 2, 1, 2};
		int64_t		t5[7] = {0, 0, 0, 1, 2, 2, 5};
		int64_t		t6[7] = {0, 1, 1, 1, 0, 0, 2};
		int64_t		t7[7] = {0, 0, 3, 0, 0, 0, 1};
		int64_t		t8[7] = {0, 0, 15, 0, 5, 0, 0};

		eco_basin_status(t1, &b);
		CHECK_STR(eco_basin_status_word(b.status), "轻度污染", "basin 60%/10% 轻度污染");
		eco_basin_status(t2, &b);
		CHECK_STR(eco_basin_status_word(b.status), "优", "basin 90% 优 (boundary)");
		eco_basin_status(t3, &b);
		CHECK_STR(eco_basin_status_word(b.status), "良好", "basin 87.5% 良好");
		eco_basin_status(t4, &b);
		CHECK_STR(eco_basin_status_word(b.status), "中度污染", "basin 28.6%/28.6% 中度污染");
		eco_basin_status(t5, &b);
		CHECK_STR(eco_basin_status_word(b.status), "重度污染", "basin 10%/50% 重度污染");
		eco_basin_status(t6, &b);
		CHECK_STR(eco_basin_status_word(b.status), "重度污染", "basin edge 60%/40% 重度污染 (< 75% reading)");
		CHECK_STR(eco_basin_colour(b.status), "红色", "basin edge colour");
		eco_basin_status(t7, &b);
		CHECK_INT(b.status, 0, "basin 4 sections: no share status");
		CHECK_INT(b.n, 4, "basin 4 sections counted");
		eco_basin_status(t8, &b);
		CHECK_STR(eco_basin_status_word(b.status), "良好", "basin exactly 75% 良好");
	}

	/* ---- Spearman (环办〔2011〕22号; worked examples) ---- */
	{
		int32_t		p1[7] = {2015, 2016, 2017, 2018, 2019, 2020, 2021};
		double		v1[7] = {5.8, 5.2, 5.5, 4.9, 4.6, 4.1, 4.3};
		int32_t		p2[6] = {6, 5, 4, 3, 2, 1};	/* periods given out of order */
		double		v2[6] = {0.18, 0.22, 0.20, 0.23, 0.19, 0.21};
		int32_t		p3[5] = {1, 2, 3, 4, 5};
		double		v3[5] = {1, 1, 2, 2, 3};
		int32_t		p4[5] = {1, 2, 2, 4, 5};
		double		v4[5] = {1, 2, 3, 4, 5};
		double		rs = 0;

		CHECK_INT(eco_spearman(7, p1, v1, &rs), 0, "spearman 7 years");
		CHECK_DBL(rs, 1.0 - 6.0 * 108 / 336, 1e-12, "CODMn r_s = -0.929");
		CHECK(fabs(rs) > eco_spearman_critical(7, 0) && fabs(rs) > eco_spearman_critical(7, 1), "significant at both alphas");
		CHECK_INT(eco_spearman(6, p2, v2, &rs), 0, "spearman 6 years");
		CHECK_DBL(rs, 1.0 - 6.0 * 44 / 210, 1e-12, "TP r_s = -0.257");
		CHECK(fabs(rs) < eco_spearman_critical(6, 0), "TP no significant trend");
		CHECK_INT(eco_spearman(5, p3, v3, &rs), 0, "ties");
		/*
		 * ranks 1.5,1.5,3.5,3.5,5 vs 1..5: Pearson of the ranks, Σ(x−x̄)(t−t̄) = 9,
		 * Σ(x−x̄)² = 9, Σ(t−t̄)² = 10 → 9/√90 (the tie-free formula gave 0.95)
		 */
		CHECK_DBL(rs, 9.0 / sqrt(90.0), 1e-12, "ties: Pearson correlation of the average ranks");
		{
			int32_t		pc[14];
			double		vc[14];

			for (int i = 0; i < 14; i++)
			{
				pc[i] = 2011 + i;
				vc[i] = 5.0;
			}
			CHECK_INT(eco_spearman(14, pc, vc, &rs), 1, "constant series: r_s undefined (was 0.5, a 'significant increase')");
			for (int i = 0; i < 14; i++)
				vc[i] = i % 2 ? 2.0 : 1.0;	/* alternating: no trend */
			CHECK_INT(eco_spearman(14, pc, vc, &rs), 0, "alternating series");
			/* x ranks 4 and 11 alternating, t 1..14: Σ(x−x̄)(t−t̄) = 24.5, Sx = 171.5, St = 227.5 */
			CHECK_DBL(rs, 24.5 / sqrt(171.5 * 227.5), 1e-12, "alternating series: Pearson of ranks");
		}
		CHECK_INT(eco_spearman(5, p4, v4, &rs), -1, "duplicate period rejected");
		CHECK_DBL(eco_spearman_critical(5, 0), 0.900, 0, "W 5");
		CHECK_DBL(eco_spearman_critical(10, 1), 0.746, 0, "W 10 0.01 printed");
		CHECK_DBL(eco_spearman_critical(11, 0), 0.564, 0, "W 11 -> N 10 (stricter)");
		CHECK_DBL(eco_spearman_critical(30, 0), 0.306, 0, "W 30");
		CHECK_DBL(eco_spearman_critical(4, 0), 0, 0, "W 4 none");
		CHECK_DBL(eco_spearman_critical(50, 0), 1.645 / 7.0, 1e-12, "W 50 normal approximation");
	}

	/* ---- TLI (环办〔2011〕22号, lakes and reservoirs) ---- */
	{
		double		x[5] = {10, 0.05, 1.0, 1.0, 4.0};
		double		sr2 = 1 + 0.7056 + 0.6724 + 0.6889 + 0.6889;
		double		want = (1 * 10 * (2.5 + 1.086 * log(10)) + 0.7056 * 10 * (9.436 + 1.624 * log(0.05))
							+ 0.6724 * 10 * (5.453 + 1.694 * log(1.0)) + 0.6889 * 10 * (5.118 - 1.94 * log(1.0))
							+ 0.6889 * 10 * (0.109 + 2.661 * log(4.0))) / sr2;

		CHECK_DBL(eco_tli(x), want, 1e-9, "TLI(Σ) by the formula");
		CHECK_DBL(1 / sr2, 0.2663, 0.00005, "chla weight 0.2663");
		CHECK_STR(eco_tli_grade(29.99), "贫营养", "TLI < 30");
		CHECK_STR(eco_tli_grade(30), "中营养", "TLI 30");
		CHECK_STR(eco_tli_grade(50), "中营养", "TLI 50");
		CHECK_STR(eco_tli_grade(50.01), "轻度富营养", "TLI 50.01");
		CHECK_STR(eco_tli_grade(60), "轻度富营养", "TLI 60");
		CHECK_STR(eco_tli_grade(70), "中度富营养", "TLI 70");
		CHECK_STR(eco_tli_grade(70.5), "重度富营养", "TLI 70.5");
	}
	/* ---- exact sums: a mean within rounding of the NH3-N Class III limit, in three orders and two halves ---- */
	{
		static const double edge[8] = {0.72, 0.85, 0.237628944668331, 0.278847079685397, 0.210197957071943, 0.51,
		0.92, 4.2733260185743696};
		eco_water_means fw, bw, h1, h2;
		int			nh3 = id_of("NH3-N") - ECO_WATER_ID0;
		double		dsum = 0;

		memset(&fw, 0, sizeof fw); memset(&bw, 0, sizeof bw); memset(&h1, 0, sizeof h1); memset(&h2, 0, sizeof h2);
		for (int i = 0; i < 8; i++)
		{
			eco_water_means_add(&fw, nh3, edge[i]);
			eco_water_means_add(&bw, nh3, edge[7 - i]);
			eco_water_means_add(i % 2 ? &h1 : &h2, nh3, edge[i]);
			dsum += edge[7 - i];
		}
		CHECK_INT(eco_water_classify(eco_water_item_find(ECO_WATER_ID0 + nh3, ECO_RIVER), dsum / 8), 3,
				  "the crafted case: a floating-point sum right to left gives III (the order problem is real)");
		CHECK(eco_water_means_merge(&h1, &h2), "merge of two partial means");
		CHECK(memcmp(&fw, &bw, sizeof fw) == 0 && memcmp(&fw, &h1, sizeof fw) == 0,
			  "exact sums: forward, backward and merged halves are the same bits");
		CHECK_INT(eco_water_section_class(eco_water_edition_default(), &bw, ECO_RIVER), 4, "exact mean 1.000000000000005 is IV in every order");
		CHECK_INT(eco_water_means_add(&fw, nh3, 9223372036854775808.0), -1, "2^63 is out of range");
		memset(&h2, 0, sizeof h2);
		CHECK_INT(eco_water_means_add(&h2, nh3, 9e18), 1, "9e18 fits");
		CHECK_INT(eco_water_means_add(&h2, nh3, 9e18), 0, "a sum beyond 2^63 is out of range");
		CHECK_INT(h2.n[nh3], 1, "a value whose sum is out of range is not counted");
		CHECK_INT(eco_water_means_add(&fw, nh3, -1), -1, "negative refused");
		CHECK_INT(fw.n[nh3], 8, "a refused value is not counted");
	}
	/* ---- editions are records: the registry, the default, and a test-only edition built from records ---- */
	{
		static eco_water_item fake_items[64];
		eco_water_edition fake;
		eco_water_means m;
		int			ndef = 0,
					cod = id_of("COD");

		for (int i = 0; i < eco_n_water_editions; i++)
		{
			const eco_standard *st = eco_standard_by_id(eco_water_editions[i].std_id);

			CHECK(st != NULL && strcmp(st->family, "GB3838") == 0, "every water edition record is a GB3838 standard");
			ndef += eco_water_editions[i].is_default != 0;
		}
		CHECK_INT(ndef, 1, "exactly one default water edition");
		CHECK_INT(eco_water_edition_default()->std_id, ECO_STD_GB3838_2002, "the default is GB 3838-2002");
		CHECK(eco_water_edition_find(ECO_STD_GB3838_2002) == eco_water_edition_default(), "GB3838-2002 finds its record");
		CHECK(eco_water_edition_find(ECO_STD_HJ633_2026) == NULL, "HJ633-2026 is not a water edition");
		CHECK(eco_water_edition_find(ECO_STD_SWQE_2011) == NULL, "the 2011 evaluation method is not a limits edition");
		CHECK(eco_water_edition_item(eco_water_edition_default(), cod, ECO_RIVER) == eco_water_item_find(cod, ECO_RIVER),
			  "the default record's item lookup is the indexed one");
		CHECK(eco_water_edition_table2(eco_water_edition_default(), id_of("Fe")) == eco_water_table2_find(id_of("Fe")),
			  "the default record's Table 2 lookup");

		/* a fake edition: the 2002 tables with COD Class III at 25 instead of 20, and no Table 2 */
		CHECK(eco_n_water_items <= 64, "room for the fake edition's rows");
		memcpy(fake_items, eco_water_items, sizeof(eco_water_item) * (size_t) eco_n_water_items);
		for (int i = 0; i < eco_n_water_items; i++)
			if (fake_items[i].pollutant_id == cod)
				fake_items[i].lim[2] = 25;
		fake.std_id = 999;
		fake.is_default = 0;
		fake.items = fake_items;
		fake.n_items = eco_n_water_items;
		fake.table2 = NULL;
		fake.n_table2 = 0;
		CHECK_INT(eco_water_classify(eco_water_edition_item(&fake, cod, ECO_RIVER), 22), 3, "fake edition: COD 22 is III");
		CHECK_INT(eco_water_classify(eco_water_edition_item(eco_water_edition_default(), cod, ECO_RIVER), 22), 4,
				  "GB 3838-2002: COD 22 is IV");
		CHECK(eco_water_edition_item(&fake, id_of("TN"), ECO_RIVER) == NULL, "fake edition: TN has no river row");
		CHECK(eco_water_edition_item(&fake, id_of("TP"), ECO_LAKE)->lim[2] == 0.05, "fake edition: TP lake row");
		memset(&m, 0, sizeof m);
		eco_water_means_add(&m, cod - ECO_WATER_ID0, 22);
		eco_water_means_add(&m, id_of("Fe") - ECO_WATER_ID0, 0.5);
		CHECK_INT(eco_water_section_class(&fake, &m, ECO_RIVER), 3, "fake edition: section class III");
		CHECK_INT(eco_water_section_class(eco_water_edition_default(), &m, ECO_RIVER), 4, "2002: section class IV");
		{
			short		fail[ECO_WATER_SLOTS];
			int			n_items;

			CHECK_INT(eco_water_drinking(&fake, &m, ECO_RIVER, fail, &n_items), 0, "fake edition: COD 22 passes, no Table 2");
			CHECK_INT(n_items, 1, "fake edition: one item evaluated");
			CHECK_INT(eco_water_drinking(eco_water_edition_default(), &m, ECO_RIVER, fail, &n_items), 2,
					  "2002: COD and Fe fail");
		}
	}
	/* ---- the word tables behind the hints ---- */
	for (int i = 0; i < eco_n_water_body_words; i++)
		CHECK_INT(eco_water_body_parse(eco_water_body_words[i].word), eco_water_body_words[i].body,
				  eco_water_body_words[i].word);
	for (int i = 0; i < ECO_WATER_N_LABEL_STYLES; i++)
		CHECK(eco_water_class_label(3, eco_water_label_styles[i]) != NULL, eco_water_label_styles[i]);
	CHECK_STR(eco_water_class_label(6, "en"), "worse than Class V", "en label of 劣V");
	CHECK(eco_water_class_label(3, "fr") == NULL, "unknown style");
	return unit_done();
}
