/* Unit tests of GB 36600-2018 and GB 15618-2018 screening (Tables 1-3 and worked examples). */
#include "unit.h"
#include "pollutant.h"
#include "soil.h"
#include "eco_text.h"

static const char *
s36600(const char *item, int land_class, double c, double bg)
{
	const eco_gb36600_row *r = eco_gb36600_find(eco_pollutant_parse(item));

	return r ? eco_soil_result_name(eco_gb36600_screen(r, land_class, c, bg)) : "(no row)";
}

static const char *
s15618(const char *item, eco_land_type lt, double ph, double c)
{
	double		s,
				i;
	eco_farm_result r = eco_gb15618_screen(eco_pollutant_parse(item), lt, ph, c, &s, &i);
	const char *n = eco_farm_result_name(r);

	return n ? n : (r == ECO_FARM_NEED_PH ? "(need pH)" : "(unknown)");
}

int
main(void)
{
	unit_file = "soil";

	/* table integrity */
	{
		int			t1 = 0,
					t2 = 0,
					inverted = 0,
					not_soil = 0,
					dup = 0,
					notes = 0;

		for (int i = 0; i < eco_n_gb36600; i++)
		{
			const eco_gb36600_row *r = &eco_gb36600[i];
			const eco_pollutant *p = eco_pollutant_by_id(r->pollutant);

			t1 += r->table == 1;
			t2 += r->table == 2;
			notes += r->background_note;
			for (int k = 0; k < 2; k++)
				inverted += r->screening[k] > r->intervention[k];
			not_soil += p == NULL || p->medium != ECO_SOIL;
			for (int j = i + 1; j < eco_n_gb36600; j++)
				dup += eco_gb36600[j].pollutant == r->pollutant;
		}
		CHECK_INT(t1, 45, "GB 36600 Table 1 has 45 items");
		CHECK_INT(t2, 40, "GB 36600 Table 2 has 40 items");
		CHECK_INT(inverted, 0, "screening <= intervention in every row and class");
		CHECK_INT(not_soil, 0, "every row names a soil item");
		CHECK_INT(dup, 0, "no item twice");
		CHECK_INT(notes, 3, "note a on As, Co, V");
	}

	/* GB 36600-2018 worked examples */
	CHECK_STR(s36600("As", 1, 45, -1), "between", "As 45 first class");
	CHECK_STR(s36600("As", 2, 45, -1), "below_screening", "As 45 second class");
	CHECK_STR(s36600("As", 1, 45, 45), "within_background", "As 45, background 45");
	CHECK_STR(s36600("As", 1, 45, 44), "between", "As 45, background 44");
	CHECK_STR(s36600("Pb", 1, 900, -1), "above_intervention", "Pb 900 first class");
	CHECK_STR(s36600("Pb", 2, 900, -1), "between", "Pb 900 second class");
	CHECK_STR(s36600("苯并[a]芘", 1, 2.0, -1), "between", "BaP 2.0 first class");
	CHECK_STR(s36600("苯并[a]芘", 2, 2.0, -1), "between", "BaP 2.0 second class");
	CHECK_STR(s36600("Cd", 1, 50, -1), "above_intervention", "Cd 50 first class (47 < 65)");
	CHECK_STR(s36600("Cd", 2, 50, -1), "below_screening", "Cd 50 second class");
	CHECK_STR(s36600("苯", 1, 4.0, -1), "between", "benzene 4.0 first class");
	CHECK_STR(s36600("苯", 2, 4.0, -1), "below_screening", "benzene 4.0 second class (inclusive)");

	/* boundaries: every row, both classes */
	{
		int			bad = 0;

		for (int i = 0; i < eco_n_gb36600; i++)
		{
			const eco_gb36600_row *r = &eco_gb36600[i];

			for (int k = 0; k < 2; k++)
			{
				double		s = r->screening[k],
							v = r->intervention[k];

				bad += eco_gb36600_screen(r, k + 1, s, -1) != ECO_SOIL_BELOW_SCREENING;
				bad += eco_gb36600_screen(r, k + 1, s * 1.0001, -1) == ECO_SOIL_BELOW_SCREENING;
				if (v > s)
				{
					bad += eco_gb36600_screen(r, k + 1, v, -1) != ECO_SOIL_BETWEEN;
					bad += eco_gb36600_screen(r, k + 1, v * 1.0001, -1) != ECO_SOIL_ABOVE_INTERVENTION;
				}
				else
					bad += eco_gb36600_screen(r, k + 1, v * 1.0001, -1) != ECO_SOIL_ABOVE_INTERVENTION;
			}
		}
		CHECK_INT(bad, 0, "every GB 36600 boundary: screening inclusive, intervention strict");
	}
	CHECK_STR(s36600("氯仿", 1, 0.1 + 0.2, -1), "below_screening", "0.1 + 0.2 is at the screening value 0.3");
	CHECK_STR(s36600("soil:cobalt", 1, 25, 30), "within_background", "Co background rule");
	CHECK_STR(s36600("钒", 2, 800, 900), "within_background", "V background rule, second class");
	CHECK_STR(s36600("Pb", 1, 500, 1000), "between", "no background rule for Pb");
	CHECK_STR(s36600("water:As", 2, 61, -1), "between", "water item maps to soil");
	CHECK_STR(s36600("Co", 1, 1, -1), "(no row)", "Co reads as carbon monoxide: no soil row");
	CHECK_STR(s36600("soil:Zn", 1, 1, -1), "(no row)", "Zn has no GB 36600 value");
	CHECK_STR(s36600("PCB126", 1, 4e-4, -1), "between", "PCB 126 at intervention 4e-4");
	CHECK_STR(s36600("二噁英类", 2, 4e-5, -1), "below_screening", "dioxins at screening 4e-5");

	/* GB 15618: pH bands (edges to the lower band) */
	CHECK_INT(eco_ph_band(5.5), 0, "pH 5.5 -> band 1");
	CHECK_INT(eco_ph_band(5.500001), 1, "pH 5.500001 -> band 2");
	CHECK_INT(eco_ph_band(6.5), 1, "pH 6.5 -> band 2");
	CHECK_INT(eco_ph_band(7.5), 2, "pH 7.5 -> band 3");
	CHECK_INT(eco_ph_band(7.51), 3, "pH 7.51 -> band 4");
	CHECK_INT(eco_ph_band(-0.1), -1, "pH below 0 rejected");
	CHECK_INT(eco_ph_band(14.1), -1, "pH above 14 rejected");

	/* GB 15618-2018 worked examples */
	CHECK_STR(s15618("Cd", ECO_LAND_PADDY, 6.0, 0.45), "安全利用", "paddy pH 6.0 Cd 0.45");
	CHECK_STR(s15618("Cd", ECO_LAND_OTHER, 6.0, 0.45), "安全利用", "dryland pH 6.0 Cd 0.45");
	CHECK_STR(s15618("Cd", ECO_LAND_PADDY, 8.0, 0.70), "优先保护", "paddy pH 8.0 Cd 0.70");
	CHECK_STR(s15618("Cd", ECO_LAND_PADDY, 5.0, 2.5), "严格管控", "paddy pH 5.0 Cd 2.5");
	CHECK_STR(s15618("Cd", ECO_LAND_ORCHARD, 5.0, 2.5), "严格管控", "orchard pH 5.0 Cd 2.5");
	CHECK_STR(s15618("Cu", ECO_LAND_ORCHARD, 6.0, 120), "优先保护", "orchard pH 6.0 Cu 120");
	CHECK_STR(s15618("Cu", ECO_LAND_OTHER, 6.0, 120), "monitor", "other pH 6.0 Cu 120");
	CHECK_STR(s15618("As", ECO_LAND_PADDY, 7.5, 25), "优先保护", "paddy pH 7.5 As 25");
	CHECK_STR(s15618("Pb", ECO_LAND_PADDY, 7.51, 200), "优先保护", "paddy pH 7.51 Pb 200");
	CHECK_STR(s15618("Hg", ECO_LAND_OTHER, 6.5, 2.0), "安全利用", "dryland pH 6.5 Hg 2.0");
	/* boundaries and other items */
	CHECK_STR(s15618("Cd", ECO_LAND_PADDY, 5.0, 1.5), "安全利用", "Cd at intervention 1.5");
	CHECK_STR(s15618("Cd", ECO_LAND_PADDY, 5.0, 1.5001), "严格管控", "Cd above intervention");
	CHECK_STR(s15618("Cu", ECO_LAND_PADDY, 7.0, 100), "优先保护", "Cu paddy uses the 'other' row: 100");
	CHECK_STR(s15618("Ni", ECO_LAND_OTHER, 8.0, 190), "优先保护", "Ni at 190");
	CHECK_STR(s15618("Zn", ECO_LAND_OTHER, 8.0, 301), "monitor", "Zn above 300");
	CHECK_STR(s15618("六六六", ECO_LAND_OTHER, NAN, 0.10), "优先保护", "HCH 0.10 needs no pH");
	CHECK_STR(s15618("滴滴涕", ECO_LAND_OTHER, NAN, 0.11), "monitor", "DDT 0.11");
	CHECK_STR(s15618("BaP", ECO_LAND_PADDY, NAN, 0.55), "优先保护", "BaP 0.55");
	CHECK_STR(s15618("Cd", ECO_LAND_PADDY, NAN, 0.1), "(need pH)", "Cd without pH");
	CHECK_STR(s15618("soil:Cr", ECO_LAND_PADDY, 8.0, 1300), "安全利用", "Cr at intervention 1300");
	CHECK_STR(s15618("Cr(VI)", ECO_LAND_PADDY, 8.0, 1), "(unknown)", "Cr(VI) is not in GB 15618");
	/* paddy-upland rotation: the stricter screening value */
	CHECK_STR(s15618("Cd", ECO_LAND_ROTATION, 8.0, 0.7), "安全利用", "rotation Cd pH 8: other 0.6 < paddy 0.8");
	CHECK_STR(s15618("Cd", ECO_LAND_ROTATION, 8.0, 0.6), "优先保护", "rotation Cd pH 8 at 0.6");
	CHECK_STR(s15618("Hg", ECO_LAND_ROTATION, 8.0, 1.5), "安全利用", "rotation Hg pH 8: paddy 1.0 < other 3.4");
	CHECK_STR(s15618("Cu", ECO_LAND_ROTATION, 8.0, 150), "monitor", "rotation Cu uses the 'other' row 100");
	/* item names in the context of each standard, from the C tables */
	{
		int			bad36600 = 0,
					bad15618 = 0,
					clash = 0,
					empty = 0;
		char		k1[96],
					k2[96];

		for (int i = 0; i < eco_n_gb36600; i++)
		{
			const eco_pollutant *p = eco_soil_item_parse(ECO_STD_GB36600_2018, eco_gb36600[i].item);

			empty += eco_gb36600[i].item == NULL || eco_gb36600[i].item[0] == '\0';
			bad36600 += p == NULL || p->id != eco_gb36600[i].pollutant;
			/* two rows whose names fold to one key would make a name ambiguous */
			for (int j = 0; j < i; j++)
				clash += eco_norm_key(eco_gb36600[i].item, k1, sizeof k1) > 0
					&& eco_norm_key(eco_gb36600[j].item, k2, sizeof k2) > 0 && strcmp(k1, k2) == 0;
		}
		for (int i = 0; i < eco_n_gb15618; i++)
		{
			const eco_pollutant *p = eco_soil_item_parse(ECO_STD_GB15618_2018, eco_gb15618[i].item);

			empty += eco_gb15618[i].item == NULL || eco_gb15618[i].item[0] == '\0';
			bad15618 += p == NULL || p->id != eco_gb15618[i].pollutant;
			for (int j = 0; j < i; j++)
				clash += eco_gb15618[j].pollutant != eco_gb15618[i].pollutant
					&& eco_norm_key(eco_gb15618[i].item, k1, sizeof k1) > 0
					&& eco_norm_key(eco_gb15618[j].item, k2, sizeof k2) > 0 && strcmp(k1, k2) == 0;
		}
		CHECK_INT(empty, 0, "every row carries its item's name as written");
		CHECK_INT(bad36600, 0, "every GB 36600 item name resolves to its row's item under GB 36600");
		CHECK_INT(bad15618, 0, "every GB 15618 item name resolves to its row's item under GB 15618");
		CHECK_INT(clash, 0, "no two items of a standard share a name");
	}
	{
		/* the names a table writes differently from the registry's reading: exactly 滴滴涕 and the PCB congeners */
		int			differ = 0;
		char		list[256] = "";

		for (int i = 0; i < eco_n_gb36600; i++)
		{
			const eco_pollutant *g = eco_pollutant_parse(eco_gb36600[i].item);

			g = g ? eco_pollutant_in_medium(g, ECO_SOIL) : NULL;
			if (g == NULL || g->id != eco_gb36600[i].pollutant)
			{
				differ++;
				strncat(list, eco_gb36600[i].item, sizeof list - strlen(list) - 2);
				strcat(list, "|");
			}
		}
		CHECK_INT(differ, 3, "GB 36600 names the registry reads otherwise or not at all");
		CHECK(strcmp(list, "滴滴涕|3,3',4,4',5-五氯联苯（PCB 126）|3,3',4,4',5,5'-六氯联苯（PCB 169）|") == 0,
			  "those names: 滴滴涕 (the registry's 滴滴涕总量) and the congeners with their PCB numbers");
	}
	{
		const eco_pollutant *a = eco_soil_item_parse(ECO_STD_GB36600_2018, "滴滴涕");
		const eco_pollutant *b = eco_soil_item_parse(ECO_STD_GB15618_2018, "滴滴涕");
		const eco_pollutant *h = eco_soil_item_parse(ECO_STD_GB15618_2018, "六六六");

		CHECK_INT(a ? a->id : -1, 273, "滴滴涕 under GB 36600: Table 2 item 25 (o,p' + p,p')");
		CHECK_INT(b ? b->id : -1, 248, "滴滴涕 under GB 15618: 滴滴涕总量");
		CHECK_INT(h ? h->id : -1, 247, "六六六 under GB 15618: 六六六总量");
		CHECK(eco_soil_item_parse(ECO_STD_GB36600_2018, "六六六") == NULL, "六六六 (the total) has no GB 36600 value");
		CHECK(eco_soil_item_parse(ECO_STD_GB36600_2018, "滴滴涕总量") == NULL, "滴滴涕总量 has no GB 36600 value");
		CHECK(eco_soil_item_parse(ECO_STD_GB15618_2018, "p,p'-滴滴伊") == NULL, "p,p'-滴滴伊 has no GB 15618 value");
		CHECK(eco_soil_item_parse(ECO_STD_GB36600_2018, "铬") == NULL, "铬 (total) is not GB 36600's 铬（六价）");
		a = eco_soil_item_parse(ECO_STD_GB36600_2018, "铬（六价）");
		CHECK_INT(a ? a->id : -1, 202, "铬（六价） under GB 36600");
		a = eco_soil_item_parse(ECO_STD_GB36600_2018, "石油烃（C10–C40）");
		CHECK_INT(a ? a->id : -1, 288, "石油烃（C10–C40） with an en dash");
		a = eco_soil_item_parse(ECO_STD_GB15618_2018, "water:As");
		CHECK_INT(a ? a->id : -1, 200, "any medium's name maps to the soil item");
		CHECK(eco_soil_item_parse(ECO_STD_GB15618_2018, "PM2.5") == NULL, "PM2.5 is no soil item");
		CHECK(eco_soil_item_parse(ECO_STD_GB3095_2012, "As") == NULL, "no soil context for an air standard");
		CHECK(eco_soil_item_parse(ECO_STD_GB36600_2018, NULL) == NULL, "NULL text");
		CHECK(eco_soil_item_parse(ECO_STD_GB36600_2018, "") == NULL, "empty text");
	}
	{
		/* the hint lists, built from the tables */
		char		buf[4096];
		int			n = eco_soil_item_names(ECO_STD_GB15618_2018, buf, sizeof buf),
					n36600 = eco_soil_item_names(ECO_STD_GB36600_2018, NULL, 0),
					commas = 0;
		char		small[16];

		CHECK(strcmp(buf, "Table 1: 镉, 汞, 砷, 铅, 铬, 铜, 镍, 锌; Table 2: 六六六总量, 滴滴涕总量, 苯并[a]芘") == 0,
			  "GB 15618 names, each item once");
		CHECK_INT(n, (int) strlen(buf), "returned length");
		eco_soil_item_names(ECO_STD_GB36600_2018, buf, sizeof buf);
		CHECK_INT(n36600, (int) strlen(buf), "GB 36600 length asked with no buffer");
		for (const char *c = buf; (c = strstr(c, ", ")) != NULL; c++)
			commas++;
		CHECK_INT(commas, 83, "GB 36600: 85 names (43 + 39 separators and two table heads)");
		CHECK(strstr(buf, "Table 2: 锑, ") != NULL && strstr(buf, ", 滴滴涕, ") != NULL, "GB 36600 Table 2 names");
		n = eco_soil_item_names(ECO_STD_GB15618_2018, small, sizeof small);
		CHECK(n > (int) sizeof small && strlen(small) == sizeof small - 1, "truncated like snprintf");
		CHECK_INT(eco_soil_item_names(ECO_STD_HJ633_2026, buf, sizeof buf), -1, "not a soil standard");
	}
	{
		/* land uses as text, and the hint built from the same table */
		eco_land_type lt = ECO_LAND_PADDY;
		char		buf[256];
		const char *words[] = {"paddy", "水田", "orchard", "果园", "other", "其他", "dryland", "旱地", "rotation", "水旱轮作"};
		const eco_land_type want[] = {ECO_LAND_PADDY, ECO_LAND_PADDY, ECO_LAND_ORCHARD, ECO_LAND_ORCHARD, ECO_LAND_OTHER,
			ECO_LAND_OTHER, ECO_LAND_OTHER, ECO_LAND_OTHER, ECO_LAND_ROTATION, ECO_LAND_ROTATION};
		int			bad = 0,
					missing = 0;

		eco_land_type_names(buf, sizeof buf);
		for (int i = 0; i < 10; i++)
		{
			char		quoted[32];

			bad += !eco_land_type_parse(words[i], &lt) || lt != want[i];
			snprintf(quoted, sizeof quoted, "'%s'", words[i]);
			missing += strstr(buf, quoted) == NULL;
		}
		CHECK_INT(bad, 0, "every land-use word parses to its land type");
		CHECK_INT(missing, 0, "the land-use hint lists every word");
		CHECK(!eco_land_type_parse("forest", &lt) && !eco_land_type_parse(NULL, &lt), "forest and NULL are no land use");
	}
	return unit_done();
}
