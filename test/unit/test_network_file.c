/*
 * Unit tests of the network-file reader (src/core/network_file.c) and of the
 * AQI paths the network data use: the published real-time convention and the
 * EPA's negative readings (src/core/aqi.c).
 */
#include "unit.h"
#include "network_file.h"
#include "aqi.h"

static nf_status
pv(const char *s, double *v)
{
	return nf_parse_value(s, strlen(s), v);
}

static int
hourly_pub(const aqi_rules *ed, double so2, double no2, double co, double o3, double pm10, double pm25,
		   const unsigned char *missing, aqi_result *r)
{
	double		c[AQI_N_HOURLY_ARGS] = {so2, no2, co, o3, pm10, pm25, 0, 0, 0, 0};
	unsigned char present[AQI_N_HOURLY_ARGS] = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0};

	for (int i = 0; missing && i < 6; i++)
		present[i] = !missing[i];
	aqi_hourly_published(ed, c, present, r);
	return r->aqi;
}

int
main(void)
{
	double		v;
	nf_field	f[8];
	char		buf[64];
	int			y,
				m,
				d;
	aqi_result	r;

	unit_file = "network_file";

	/* ---------- cells ---------- */
	CHECK_INT(pv("45", &v), NF_OK, "integer");
	CHECK_DBL(v, 45, 0, "integer value");
	CHECK_INT(pv(" 0.7 ", &v), NF_OK, "blanks around");
	CHECK_DBL(v, 0.7, 0, "decimal value");
	CHECK_INT(pv("1.2e1", &v), NF_OK, "exponent");
	CHECK_INT(pv("", &v), NF_EMPTY, "empty");
	CHECK_INT(pv("NA", &v), NF_EMPTY, "NA is missing");
	CHECK_INT(pv("/", &v), NF_NOT_MONITORED, "slash: not monitored");
	CHECK_INT(pv("-0.3", &v), NF_NEGATIVE, "negative");
	CHECK_DBL(v, -0.3, 0, "negative value kept");
	CHECK_INT(pv("-0", &v), NF_OK, "-0 is zero");
	CHECK_INT(pv("abc", &v), NF_NON_NUMERIC, "letters");
	CHECK_INT(pv("12a", &v), NF_NON_NUMERIC, "trailing letter");
	CHECK_INT(pv("0x10", &v), NF_NON_NUMERIC, "hex");
	CHECK_INT(pv("inf", &v), NF_NON_NUMERIC, "inf");
	CHECK_INT(pv("nan", &v), NF_NON_NUMERIC, "nan");
	CHECK_INT(pv(".", &v), NF_NON_NUMERIC, "lone point");
	CHECK_INT(pv("1e", &v), NF_NON_NUMERIC, "bare exponent");
	CHECK_INT(pv("1e999", &v), NF_NOT_FINITE, "overflow");
	CHECK_STR(nf_status_reason(NF_NEGATIVE), "negative", "reason text");

	/* ---------- types ---------- */
	CHECK_INT(nf_type_parse("PM2.5_24h", 9), NF_PM25_24H, "PM2.5_24h");
	CHECK_INT(nf_type_parse("o3_8h_24h", 9), NF_O3_8H_24H, "case-insensitive");
	CHECK_INT(nf_type_parse("AQI", 3), NF_AQI, "AQI");
	CHECK_INT(nf_type_parse("PM1", 3), -1, "unknown type");
	for (int t = 0; t < NF_N_TYPES; t++)
		CHECK_INT(nf_type_parse(nf_type_name((nf_type) t), strlen(nf_type_name((nf_type) t))), t, "name round trip");

	/* ---------- CSV ---------- */
	CHECK_INT(nf_split("a,b,,c", 6, f, 8), 4, "four fields");
	CHECK_INT((int) f[2].len, 0, "empty field");
	CHECK_INT(nf_split("a,\"b,c\",d\r", 10, f, 8), 3, "quoted comma, CR");
	nf_unquote(&f[1], buf);
	CHECK_STR(buf, "b,c", "unquoted");
	CHECK_INT((int) f[2].len, 1, "CR dropped");
	CHECK_INT(nf_split("\"a\"\"b\",c", 8, f, 8), 2, "doubled quote");
	nf_unquote(&f[0], buf);
	CHECK_STR(buf, "a\"b", "doubled quote unquoted");
	CHECK_INT(nf_split("\"abc", 4, f, 8), -1, "unterminated quote");
	CHECK_INT(nf_split("a,b,c", 5, f, 2), 3, "count beyond max");
	CHECK_INT(nf_split("", 0, f, 8), 1, "empty line: one empty field");
	CHECK_INT((int) nf_skip_bom("\xEF\xBB\xBF" "date", 7), 3, "BOM");
	CHECK_INT((int) nf_skip_bom("date", 4), 0, "no BOM");

	/* ---------- keys ---------- */
	CHECK(nf_parse_date("20240229", 8, &y, &m, &d) && y == 2024 && m == 2 && d == 29, "leap day");
	CHECK(!nf_parse_date("20230229", 8, &y, &m, &d), "not a leap year");
	CHECK(nf_parse_date("2026-01-01", 10, &y, &m, &d) && y == 2026 && m == 1 && d == 1, "ISO date");
	CHECK(!nf_parse_date("2026-13-01", 10, &y, &m, &d), "month 13");
	CHECK(!nf_parse_date("2026-01/01", 10, &y, &m, &d), "mixed separators");
	CHECK(!nf_parse_date("19991231x", 9, &y, &m, &d), "trailing");
	CHECK(!nf_parse_date("21000229", 8, &y, &m, &d), "2100 is not leap");
	CHECK(nf_parse_date("20000229", 8, &y, &m, &d), "2000 is leap");
	CHECK_INT(nf_parse_hour("0", 1), 0, "hour 0");
	CHECK_INT(nf_parse_hour("23", 2), 23, "hour 23");
	CHECK_INT(nf_parse_hour("24", 2), -1, "hour 24 out of range");
	CHECK_INT(nf_parse_hour("-1", 2), -1, "negative hour");
	CHECK_INT(nf_parse_hour("", 0), -1, "empty hour");

	/* ---------- published real-time convention ---------- */
	/* 2022-01-04 12:00 1001A: PM2.5 45 on the 2012 24-h breakpoints -> 63 */
	CHECK_INT(hourly_pub(&aqi_hj633_2012, 15, 46, 1.7, 50, 73, 45, NULL, &r), 63, "published 2012, PM2.5 1-h");
	CHECK(r.primary == 1u << AQI_IND_PM25, "primary PM2.5");
	CHECK_INT(r.iaqi[AQI_IND_O3_8H], AQI_NA, "no O3 8-h indicator");
	/* 2026-04-15 14:00 1001A: PM2.5 90 on the 2026 breakpoints -> 128 */
	CHECK_INT(hourly_pub(&aqi_hj633_2026, 7, 24, 0.7, 141, 173, 90, NULL, &r), 128, "published 2026");
	{
		const unsigned char miss_co[6] = {0, 0, 1, 0, 0, 0};

		CHECK_INT(hourly_pub(&aqi_hj633_2012, 5, 20, 0, 100, 50, 30, miss_co, &r), AQI_NA, "missing withholds <= 100");
		CHECK_INT(hourly_pub(&aqi_hj633_2012, 5, 20, 0, 100, 50, 80, miss_co, &r), 107, "missing, > 100 published");
	}
	/* SO2 1-h above 800: 2026 IAQI 200; 2012 without so2_24h: NA */
	CHECK_INT(hourly_pub(&aqi_hj633_2026, 900, 20, 0.5, 100, 50, 30, NULL, &r), 200, "2026 SO2 above 800");
	CHECK_INT(hourly_pub(&aqi_hj633_2012, 900, 20, 0.5, 100, 50, 30, NULL, &r), AQI_NA, "2012 SO2 above 800 without 24-h");
	CHECK_INT(aqi_convention_parse("Published", 9), AQI_CONV_PUBLISHED, "convention published");
	CHECK_INT(aqi_convention_parse("text", 4), AQI_CONV_TEXT, "convention text");
	CHECK_INT(aqi_convention_parse("tex", 3), -1, "convention prefix");

	/* ---------- EPA: negative readings count as 0 ---------- */
	{
		double		c[AQI_N_EPA_ARGS] = {0};
		unsigned char present[AQI_N_EPA_ARGS] = {0};
		aqi_epa_result e;

		c[AQI_E_PM25] = -0.3;
		present[AQI_E_PM25] = 1;
		aqi_epa(&aqi_epa_2024, c, present, &e);
		CHECK_INT(e.aqi, 0, "EPA PM2.5 -0.3 -> AQI 0");
		CHECK_INT(e.level, 1, "EPA level Good");
		c[AQI_E_O3_1H] = -0.01;
		present[AQI_E_O3_1H] = 1;
		aqi_epa(&aqi_epa_2024, c, present, &e);
		CHECK_INT(e.index[AQI_E_O3_1H], AQI_NA, "EPA O3 1-h negative: no 1-h index");
		CHECK_INT(e.aqi, 0, "EPA AQI still 0");
	}
	/* ---------- fuzz: random bytes never crash or read out of bounds (run under ASan) ---------- */
	{
		static const char alphabet[] = "0123456789.,-+eE\"/ NAx\r\t";
		unsigned long long st = 88172645463325252ULL;
		int			sane = 1;

		for (int round = 0; round < 200000; round++)
		{
			char		line[48];
			nf_field	ff[8];
			int			len,
						n;
			double		x;

			st ^= st << 13;
			st ^= st >> 7;
			st ^= st << 17;
			len = (int) (st % sizeof line);
			for (int k = 0; k < len; k++)
			{
				st ^= st << 13;
				st ^= st >> 7;
				st ^= st << 17;
				line[k] = (st & 7) == 0 ? (char) (st >> 8) : alphabet[(st >> 8) % (sizeof alphabet - 1)];
			}
			n = nf_split(line, (size_t) len, ff, 8);
			for (int k = 0; k < n && k < 8; k++)
			{
				char		ub[48];
				nf_status	ps = nf_parse_value(ff[k].p, ff[k].len, &x);

				if (ff[k].p < line || ff[k].p + ff[k].len > line + len || nf_unquote(&ff[k], ub) > ff[k].len)
					sane = 0;
				if (ps == NF_OK && !(x >= 0 && x < 1e308 * 10))
					sane = 0;
				(void) nf_parse_date(ff[k].p, ff[k].len, &y, &m, &d);
				(void) nf_parse_hour(ff[k].p, ff[k].len);
				(void) nf_type_parse(ff[k].p, ff[k].len);
			}
		}
		CHECK(sane, "fuzz: fields inside the line, OK values finite and non-negative");
	}
	return unit_done();
}
