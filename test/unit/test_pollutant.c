/* Unit tests of the pollutant registry, key normalisation, units and standards. */
#include "unit.h"
#include "eco_text.h"
#include "pollutant.h"
#include "standards.h"

static const char *
code_of(const char *text)
{
	const eco_pollutant *p = eco_pollutant_parse(text);
	static char buf[64];

	return p ? eco_pollutant_out(p, buf, sizeof buf) : "(none)";
}

int
main(void)
{
	char		k[96];
	double		r = 0;

	unit_file = "pollutant";
	/* normalisation */
	eco_norm_key("PM₂.₅", k, sizeof k);
	CHECK_STR(k, "pm25", "subscripts fold");
	eco_norm_key("ＰＭ２．５", k, sizeof k);
	CHECK_STR(k, "pm25", "full width folds");
	eco_norm_key("劣Ⅴ类", k, sizeof k);
	CHECK_STR(k, "劣v类", "roman numeral folds");
	CHECK_INT(eco_norm_key("\xff\xfe", k, sizeof k), -1, "invalid UTF-8 rejected");
	CHECK_INT(eco_norm_key("abcdef", k, 4), -1, "overlong key rejected");

	/* parsing */
	CHECK_STR(code_of("pm25"), "PM2.5", "pm25");
	CHECK_STR(code_of("PM2_5"), "PM2.5", "PM2_5");
	CHECK_STR(code_of("细颗粒物"), "PM2.5", "细颗粒物");
	CHECK_STR(code_of("a21026"), "SO2", "a21026");
	CHECK_STR(code_of("w21003"), "NH3-N", "w21003");
	CHECK_STR(code_of("w01018"), "COD", "w01018");
	CHECK_STR(code_of("化学需氧量"), "COD", "化学需氧量");
	CHECK_STR(code_of("soil:pb"), "soil:Pb", "medium prefix");
	CHECK_STR(code_of("Pb"), "Pb", "bare Pb is air");
	CHECK_STR(code_of("1,2-二氯乙烷"), "1,2-DCA", "1,2-DCA by name");
	CHECK_STR(code_of("1,1-二氯乙烷"), "1,1-DCA", "1,1-DCA by name");
	CHECK(eco_pollutant_parse("PM3") == NULL, "unknown rejected");
	CHECK(eco_pollutant_parse("") == NULL, "empty rejected");
	CHECK(eco_pollutant_parse("venus:Pb") == NULL, "unknown medium rejected");

	/* registry integrity: unique ids; every key names one substance; round trip */
	{
		int			dup_id = 0,
					bad_key = 0,
					bad_rt = 0;

		for (int i = 0; i < eco_n_pollutants; i++)
		{
			const eco_pollutant *p = &eco_pollutants[i];
			const char *names[] = {p->code, p->name_zh, p->name_en, p->hj212, p->cas};
			char		buf[64];

			for (int j = i + 1; j < eco_n_pollutants; j++)
				dup_id += eco_pollutants[j].id == p->id;
			for (int n = 0; n < 5; n++)
			{
				const eco_pollutant *q = names[n] ? eco_pollutant_parse(names[n]) : p;

				if (q == NULL || strcmp(q->code, p->code) != 0)
				{
					bad_key++;
					printf("# key %s of %s resolves to %s\n", names[n], p->code, q ? q->code : "(none)");
				}
			}
			if (eco_pollutant_parse(eco_pollutant_out(p, buf, sizeof buf)) != p)
				bad_rt++;
		}
		CHECK_INT(dup_id, 0, "ids are unique");
		/* every alias is indexed and names its own substance (no alias shadowed by another item) */
		{
			int			bad_alias = 0,
						bad_id = 0;

			for (int i = 0; i < eco_n_pollutants; i++)
			{
				const eco_pollutant *p = &eco_pollutants[i];
				const char *a = p->aliases;

				bad_id += p->id < 0 || p->id >= 1024;
				while (a && *a)
				{
					char		one[96],
								k[96];
					const char *bar = strchr(a, '|');
					size_t		len = bar ? (size_t) (bar - a) : strlen(a);
					const eco_pollutant *q = NULL;

					if (len < sizeof one)
					{
						memcpy(one, a, len);
						one[len] = '\0';
						if (eco_norm_key(one, k, sizeof k) > 0)
							q = eco_pollutant_parse(one);
					}
					if (q == NULL || strcmp(q->code, p->code) != 0)
					{
						bad_alias++;
						printf("# alias %.*s of %s resolves to %s\n", (int) len, a, p->code, q ? q->code : "(none)");
					}
					a = bar ? bar + 1 : NULL;
				}
			}
			CHECK_INT(bad_alias, 0, "every alias resolves to its own substance");
			CHECK_INT(bad_id, 0, "ids fit the id index (0..1023)");
		}
		CHECK_INT(bad_key, 0, "every name resolves to its own substance");
		CHECK_INT(bad_rt, 0, "output round-trips");
	}

	/* units */
	CHECK(eco_to_standard_unit(eco_pollutant_parse("PM2.5"), 0.075, "mg/m³", &r) == ECO_CONV_OK && r == 75.0,
		  "mg/m³ -> µg/m³ exact");
	CHECK(eco_to_standard_unit(eco_pollutant_parse("CO"), 4000, "ug/m3", &r) == ECO_CONV_OK && r == 4.0,
		  "µg/m³ -> mg/m³ exact for CO");
	eco_to_standard_unit(eco_pollutant_parse("SO2"), 1, "ppb", &r);
	CHECK_DBL(r, 64.066 / 24.465, 1e-12, "SO2 ppb");
	eco_to_standard_unit(eco_pollutant_parse("CO"), 1, "ppm", &r);
	CHECK_DBL(r, 28.010 / 24.465, 1e-12, "CO ppm -> mg/m³");
	CHECK_INT(eco_to_standard_unit(eco_pollutant_parse("PM2.5"), 1, "ppb", &r), ECO_CONV_WRONG_DIMENSION, "PM ppb");
	CHECK_INT(eco_to_standard_unit(eco_pollutant_parse("COD"), 1, "parsec", &r), ECO_CONV_UNKNOWN_UNIT, "unknown unit");
	CHECK_INT(eco_to_standard_unit(eco_pollutant_parse("COD"), -1, "mg/L", &r), ECO_CONV_BAD_VALUE, "negative");
	CHECK_INT(eco_to_standard_unit(eco_pollutant_parse("COD"), NAN, "mg/L", &r), ECO_CONV_BAD_VALUE, "NaN");
	CHECK_INT(eco_to_standard_unit(eco_pollutant_parse("COD"), INFINITY, "mg/L", &r), ECO_CONV_BAD_VALUE, "inf");

	/* standards */
	CHECK_STR(eco_standard_in_force("HJ633", 20260228)->code, "HJ633-2012", "HJ633 on 2026-02-28");
	CHECK_STR(eco_standard_in_force("HJ633", 20260301)->code, "HJ633-2026", "HJ633 on 2026-03-01");
	CHECK_STR(eco_standard_in_force("GB3095", 20301231)->code, "GB3095-2026", "GB3095 on 2030-12-31");
	CHECK_STR(eco_standard_in_force("GB3095", 20310101)->code, "GB3095-2026-final", "GB3095 on 2031-01-01");
	CHECK_STR(eco_standard_in_force("HJ633", 20130101)->code, "HJ633-2012", "before the first edition");
	CHECK(eco_standard_in_force("XX", 20200101) == NULL, "unknown family");
	CHECK_STR(eco_standard_parse("hj 633—2026")->code, "HJ633-2026", "standard parse");
	return unit_done();
}
