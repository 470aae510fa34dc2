/*
 * test_hj212.c — HJ 212-2017 framing, CRC16, fields, flags, reject reasons and
 * the 2005 codes.
 *
 * Real packets (test data only):
 *  - the standard's worked example, HJ 212-2017 (CN=1062, CRC 1C80);
 *  - README.md of the public Java library chenqi92/alltobs-hj212 on GitHub: a
 *    surface-water station packet (ST=21, CN=2011, 435 bytes, CRC sent in
 *    lower case "7d00");
 * A packet framed with CRC-16/MODBUS (which XORs the byte into the low byte)
 * must not verify: the test computes MODBUS over the worked example.
 */
#include "hj212.h"
#include "pollutant.h"
#include "unit.h"

#include <stdlib.h>

static const char *EXAMPLE_DATA =
	"QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
static const char *EXAMPLE =
	"##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";
static const char *ALLTOBS =
	"##0435QN=20210301111100112;ST=21;CN=2011;PW=123456;MN=ZLDSZ20210127;Flag=8;CP=&&DataTime=20210301111100;"
	"w01001-Rtd=8.33,w01001-Flag=N;w01009-Rtd=10.15,w01009-Flag=N;w01010-Rtd=9.7,w01010-Flag=N;w01014-Rtd=1425,"
	"w01014-Flag=N;w01003-Rtd=13.10,w01003-Flag=N;w21011-Rtd=0,w21011-Flag=N;w21001-Rtd=3.563168,w21001-Flag=N;"
	"w21003-Rtd=0.09055002,w21003-Flag=N;w01019-Rtd=4.102818,w01019-Flag=N;w01008-Rtd=0,w01008-Flag=N;"
	"w23002-Rtd=0,w23002-Flag=N&&7d00\r\n";

static unsigned
crc_modbus(const char *s, size_t n)
{
	unsigned	c = 0xFFFF;

	for (size_t i = 0; i < n; i++)
	{
		c ^= (unsigned char) s[i];
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ 0xA001u : c >> 1;
	}
	return c;
}

/* The standard's bitwise loop, as written: the reference of the sliced hj212_crc16. */
static unsigned
crc_bitwise(const char *s, size_t n)
{
	unsigned	c = 0xFFFF;

	for (size_t i = 0; i < n; i++)
	{
		c = (c >> 8) ^ (unsigned char) s[i];
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ 0xA001u : c >> 1;
	}
	return c;
}

static hj212_packet pkt;

/* Frame a data segment with its length and CRC. */
static const char *
frame(const char *data, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "##%04d%s%04X\r\n", (int) strlen(data), data, hj212_crc16(data, strlen(data)));
	return buf;
}

static hj212_status
parse(const char *s, hj212_error *e)
{
	return hj212_parse(s, strlen(s), 0, 1, &pkt, e);
}

static int
slice_is(hj212_slice s, const char *z)
{
	return s.p && (size_t) s.len == strlen(z) && memcmp(s.p, z, (size_t) s.len) == 0;
}

static void
test_crc(void)
{
	hj212_error e;

	CHECK_INT((long long) strlen(EXAMPLE_DATA), 101, "worked example: data length 101");
	CHECK_INT(hj212_crc16(EXAMPLE_DATA, strlen(EXAMPLE_DATA)), 0x1C80, "worked example: CRC 1C80");
	CHECK_INT(crc_bitwise(EXAMPLE_DATA, strlen(EXAMPLE_DATA)), 0x1C80, "worked example: the bitwise loop gives 1C80 too");
	CHECK_INT(hj212_crc16("", 0), 0xFFFF, "CRC of nothing is the initial value");
	{
		/* the sliced CRC equals the bitwise loop on every length 0..300 of pseudo-random bytes */
		char		r[300];
		unsigned	x = 12345;
		int			same = 1;

		for (int i = 0; i < 300; i++)
		{
			x = x * 1103515245u + 12345u;
			r[i] = (char) (x >> 16);
		}
		for (size_t n = 0; n <= sizeof r; n++)
			if (hj212_crc16(r, n) != crc_bitwise(r, n))
				same = 0;
		CHECK(same, "sliced CRC16 equals the bitwise definition on 301 lengths");
	}
	CHECK_INT(parse(EXAMPLE, &e), HJ212_OK, "worked example parses");
	CHECK(slice_is(pkt.cn, "1062") && slice_is(pkt.mn, "010000A8900016F000169DC0") && slice_is(pkt.qn, "20160801085857223")
		  && slice_is(pkt.st, "32") && slice_is(pkt.pw, "100000") && slice_is(pkt.flag, "5"), "worked example header");
	CHECK(slice_is(pkt.cp, "RtdInterval=30") && pkt.n_values == 0 && !pkt.has_data_time, "worked example CP");

	/* Real packet, CRC in lower case: the frame and CRC verify; two of its codes are not in the tables. */
	CHECK_INT(hj212_parse(ALLTOBS, strlen(ALLTOBS), 0, 0, &pkt, &e), HJ212_ERR_UNKNOWN_CODE, "alltobs packet: unknown code");
	CHECK_INT(pkt.crc_sent, 0x7D00, "alltobs packet: CRC 7d00 read case-insensitively");
	CHECK_INT(pkt.crc_computed, 0x7D00, "alltobs packet: CRC verifies");
	CHECK_STR(e.detail, "w01008", "alltobs packet: w01003 (turbidity) is accepted, w01008 is unknown and kept");
	{
		int			lg;
		const hj212_item *it = hj212_item_lookup("w01003", 6, &lg);

		CHECK(it && strcmp(it->name_zh, "浑浊度") == 0 && strcmp(it->unit, "NTU") == 0 && !lg, "w01003 is turbidity, NTU");
		it = hj212_item_lookup("039", 3, &lg);
		CHECK(it && strcmp(it->code, "w20012") == 0 && lg, "2005 code 039 is barium w20012");
		it = hj212_item_lookup("08", 2, &lg);
		CHECK(it && strcmp(it->code, "a21024") == 0 && lg, "2005 code 08 is hydrogen chloride a21024");
		CHECK(hj212_item_lookup("w01008", 6, &lg) == NULL, "w01008 is in no table");
		CHECK(hj212_item_lookup("w99999", 6, &lg) == NULL, "w99999 is in no table");
	}

	{
		char		m[200];
		unsigned	mb = crc_modbus(EXAMPLE_DATA, strlen(EXAMPLE_DATA));

		CHECK(mb != 0x1C80, "CRC-16/MODBUS differs on the worked example");
		snprintf(m, sizeof m, "##0101%s%04X\r\n", EXAMPLE_DATA, mb);
		CHECK_INT(parse(m, &e), HJ212_ERR_CRC, "a MODBUS-framed packet does not verify");
		{
			char		w[48];

			snprintf(w, sizeof w, "sent %04X, computed 1C80", mb);
			CHECK_STR(e.detail, w, "crc detail");
		}
	}
}

static void
test_values(void)
{
	char		b[1200];
	hj212_error e;
	const char *p = frame("QN=20260301000000000;ST=31;CN=2061;PW=123456;MN=MN0001;Flag=4;CP=&&DataTime=20260301010000;"
						  "a21026-Avg=35.5,a21026-ZsAvg=41.25,a21026-Max=-0.5,a21026-Flag=N;"
						  "a34013-Avg=12,a34013-Cou=0.33,a34013-Flag=M;a19001-Avg=8.1,a19001-Flag=N;"
						  "w01018-Rtd=.5,w01018-EFlag=A1,w01018-SampleTime=20260301005500,w01018-Flag=C&&", b, sizeof b);

	CHECK_INT(parse(p, &e), HJ212_OK, "hourly packet parses");
	CHECK_INT(pkt.n_values, 7, "7 values");
	CHECK(pkt.has_data_time && pkt.data_time.year == 2026 && pkt.data_time.month == 3 && pkt.data_time.hour == 1,
		  "DataTime");
	CHECK(pkt.values[0].kind == HJ212_AVG && pkt.values[0].value == 35.5 && pkt.values[0].flag == 'N'
		  && pkt.values[0].pollutant_id == 1, "SO2 Avg, flag N, registry id 1");
	CHECK(pkt.values[1].kind == HJ212_ZSAVG && pkt.values[1].value == 41.25, "ZsAvg");
	CHECK(pkt.values[2].kind == HJ212_MAX && pkt.values[2].value == -0.5, "negative Max");
	CHECK(pkt.values[3].pollutant_id == -1 && strcmp(pkt.values[3].code2017, "a34013") == 0 && pkt.values[3].flag == 'M',
		  "smoke dust: no registry item, flag M");
	CHECK(pkt.values[4].kind == HJ212_COU && pkt.values[4].value == 0.33, "Cou");
	CHECK(pkt.values[6].value == 0.5 && pkt.values[6].flag == 'C' && slice_is(pkt.values[6].eflag, "A1")
		  && pkt.values[6].has_sample_time && pkt.values[6].sample_time.minute == 55, "Rtd .5, EFlag, SampleTime, flag C");
	CHECK_INT(pkt.values[6].pollutant_id, 104, "COD registry id");
	CHECK_STR(hj212_kind_name(HJ212_ZSMAX), "ZsMax", "kind names");

	/* without CRLF when lenient (platform logs) */
	{
		char		c[1200];
		size_t		n = strlen(p) - 2;

		memcpy(c, p, n);
		CHECK_INT(hj212_parse(c, n, 1, 1, &pkt, &e), HJ212_OK, "lenient tail");
		CHECK_INT(hj212_parse(c, n, 0, 1, &pkt, &e), HJ212_ERR_FRAMING, "strict tail");
		c[n] = '\r';			/* a log line that kept the CR of CR LF */
		CHECK_INT(hj212_parse(c, n + 1, 1, 1, &pkt, &e), HJ212_OK, "lenient tail with a lone CR");
	}
}

static void
test_flags(void)
{
	char		d[300],
				b[400];
	hj212_error e;

	for (const char *f = hj212_flags; *f; f++)
	{
		char		name[64];

		snprintf(d, sizeof d, "ST=32;CN=2051;PW=1;MN=M1;CP=&&DataTime=20260101000100;w01018-Avg=1,w01018-Flag=%c&&", *f);
		snprintf(name, sizeof name, "flag %c parses (%s)", *f, hj212_flag_meaning(*f));
		CHECK(parse(frame(d, b, sizeof b), &e) == HJ212_OK && pkt.values[0].flag == *f, name);
		snprintf(name, sizeof name, "flag %c validity", *f);
		CHECK_INT(hj212_flag_valid(*f), *f == 'N' || *f == 'S', name);
	}
	CHECK_INT((long long) strlen(hj212_flags), 8, "8 flags");
	snprintf(d, sizeof d, "ST=32;CN=2051;PW=1;MN=M1;CP=&&DataTime=20260101000100;w01018-Avg=1,w01018-Flag=X&&");
	CHECK_INT(parse(frame(d, b, sizeof b), &e), HJ212_ERR_SYNTAX, "unknown flag X");
	snprintf(d, sizeof d, "ST=32;CN=2051;PW=1;MN=M1;CP=&&DataTime=20260101000100;w01018-Avg=1,w01018-Flag=NN&&");
	CHECK_INT(parse(frame(d, b, sizeof b), &e), HJ212_ERR_SYNTAX, "flag of two letters");
	snprintf(d, sizeof d, "ST=32;CN=2051;PW=1;MN=M1;CP=&&DataTime=20260101000100;w01018-Avg=1&&");
	CHECK(parse(frame(d, b, sizeof b), &e) == HJ212_OK && pkt.values[0].flag == 0, "no flag: 0");
}

static void
test_rejects(void)
{
	char		b[600];
	hj212_error e;
	static const struct
	{
		const char *data;
		hj212_status st;
		const char *name;
	}			cases[] = {
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=2026010100010;w01018-Avg=1&&", HJ212_ERR_TIMESTAMP, "DataTime of 13 digits"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20260230000000;w01018-Avg=1&&", HJ212_ERR_TIMESTAMP, "30 February"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20250229000000;w01018-Avg=1&&", HJ212_ERR_TIMESTAMP, "29 February 2025"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229240000;w01018-Avg=1&&", HJ212_ERR_TIMESTAMP, "hour 24"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018-Avg=1,w01018-SampleTime=2024&&", HJ212_ERR_TIMESTAMP, "bad SampleTime"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w99999-Avg=1&&", HJ212_ERR_UNKNOWN_CODE, "unknown code"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018-Foo=1&&", HJ212_ERR_SYNTAX, "unknown suffix"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018-Avg=1.2.3&&", HJ212_ERR_SYNTAX, "bad number"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018-Avg=&&", HJ212_ERR_SYNTAX, "empty number"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018-Avg=1e5&&", HJ212_ERR_SYNTAX, "exponent"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018-Avg=nan&&", HJ212_ERR_SYNTAX, "nan"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w01018Avg=1&&", HJ212_ERR_SYNTAX, "parameter without '-' is fine"},
		{"ST=32;CN=2051;MN=M1;XX=1;CP=&&DataTime=20240229000000&&", HJ212_ERR_SYNTAX, "unknown header field"},
		{"ST=32;CN=2051;MN=M1;MN=M2;CP=&&&&", HJ212_ERR_SYNTAX, "repeated MN"},
		{"ST=32;CN=2051;CP=&&&&", HJ212_ERR_SYNTAX, "no MN"},
		{"ST=32;CN=205;MN=M1;CP=&&&&", HJ212_ERR_SYNTAX, "CN of 3 digits"},
		{"ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000", HJ212_ERR_SYNTAX, "CP not closed"},
		{"ST=32;CN=2051;MN=M1;", HJ212_ERR_SYNTAX, "no CP"},
		{"ST=32;CN=2051;MN=M1;CP=&&w01018-Avg=1;w01018-Avg=2&&", HJ212_ERR_SYNTAX, "repeated field"},
		{"ST=32;CN=2051;MN=M1;CP=&&w01018-Avg=1;011-Avg=2&&", HJ212_ERR_SYNTAX, "repeated field under its 2005 code"},
		{"ST=32;CN=2051;MN=M1;CP=&&w01018-Avg=1,w01018-Flag=N,w01018-Flag=M&&", HJ212_ERR_SYNTAX, "repeated flag"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
	{
		if (cases[i].st == HJ212_OK)
			continue;
		if (strcmp(cases[i].name, "parameter without '-' is fine") == 0)
		{
			CHECK_INT(parse(frame(cases[i].data, b, sizeof b), &e), HJ212_OK, cases[i].name);
			continue;
		}
		CHECK_INT(parse(frame(cases[i].data, b, sizeof b), &e), cases[i].st, cases[i].name);
	}
	parse(frame("ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000;w99999-Avg=1&&", b, sizeof b), &e);
	CHECK_STR(e.detail, "w99999", "unknown code text kept");
	CHECK_STR(hj212_status_name(HJ212_ERR_UNKNOWN_CODE), "unknown code", "status name");

	/* framing and length */
	CHECK_INT(parse("#0101abc", &e), HJ212_ERR_FRAMING, "single #");
	CHECK_INT(parse("", &e), HJ212_ERR_FRAMING, "empty");
	CHECK_INT(parse("##01x1QN=1;&&1C80\r\n", &e), HJ212_ERR_FRAMING, "length not digits");
	CHECK_INT(parse("##0003abcZZZZ\r\n", &e), HJ212_ERR_FRAMING, "CRC not hex");
	CHECK_INT(parse("##00\r\n", &e), HJ212_ERR_FRAMING, "too short");
	{
		char		c[300];

		strcpy(c, EXAMPLE);
		c[5] = '2';				/* 0102 */
		CHECK_INT(parse(c, &e), HJ212_ERR_LENGTH, "declared length 102, data 101");
		CHECK_STR(e.detail, "declared 102, data segment has 101", "length detail");
		strcpy(c, EXAMPLE);
		c[30] = 'X';			/* a changed byte */
		CHECK_INT(parse(c, &e), HJ212_ERR_CRC, "changed byte: CRC");
		CHECK_INT(hj212_parse(c, strlen(c), 0, 0, &pkt, &e), HJ212_OK, "changed byte parses without the CRC check");
		CHECK(pkt.crc_sent != pkt.crc_computed, "crc_ok false");
	}
	{
		/* over 1024 bytes */
		char	   *big = malloc(1100),
				   *fb = malloc(1200);

		strcpy(big, "ST=32;CN=2051;MN=M1;CP=&&DataTime=20240229000000");
		while (strlen(big) < 1030)
			strcat(big, ";w01018-Avg=1");
		strcat(big, "&&");
		CHECK_INT(parse(frame(big, fb, 1200), &e), HJ212_ERR_LENGTH, "data over 1024 bytes");
		free(big);
		free(fb);
	}
}

static void
test_legacy(void)
{
	char		b[600];
	hj212_error e;
	const char *p = frame("ST=32;CN=2051;PW=123456;MN=12091200160055;CP=&&DataTime=20150430135700;"
						  "B01-Min=895.13,B01-Avg=909.87,B01-Max=932.28,B01-Cou=54.59;011-Avg=99.99,011-Flag=N;"
						  "060-Avg=30.18,060-Flag=N;001-Avg=7.1;101-Avg=0.3&&", b, sizeof b);

	CHECK_INT(parse(p, &e), HJ212_OK, "2005 packet (no QN, no Flag) parses");
	CHECK(pkt.qn.p == NULL && pkt.flag.p == NULL, "no QN, no Flag");
	CHECK(pkt.values[0].legacy && strcmp(pkt.values[0].code2017, "w00000") == 0 && slice_is(pkt.values[0].code, "B01"),
		  "B01 -> w00000");
	CHECK(pkt.values[4].legacy && pkt.values[4].pollutant_id == 104, "011 -> COD");
	CHECK(pkt.values[5].pollutant_id == 106 && pkt.values[5].flag == 'N', "060 -> NH3-N with its flag");
	CHECK(pkt.values[6].pollutant_id == 101, "001 -> pH");
	CHECK(pkt.values[7].pollutant_id == 107, "101 -> TP");
	p = frame("ST=31;CN=2051;MN=X;CP=&&DataTime=20150430135700;01-Avg=20;02-Avg=30;03-Avg=40;S01-Avg=9;B02-Avg=100&&",
			  b, sizeof b);
	CHECK_INT(parse(p, &e), HJ212_OK, "2005 flue-gas packet parses");
	CHECK(strcmp(pkt.values[0].code2017, "a34013") == 0 && pkt.values[1].pollutant_id == 1
		  && pkt.values[2].pollutant_id == 7 && strcmp(pkt.values[3].code2017, "a19001") == 0
		  && strcmp(pkt.values[4].code2017, "a00000") == 0, "01 02 03 S01 B02");
}

static void
test_tables(void)
{
	int			sorted = 1,
				legacy_unique = 1,
				all_registry = 1;

	for (int i = 1; i < hj212_n_items; i++)
		if (strcmp(hj212_items[i - 1].code, hj212_items[i].code) >= 0)
			sorted = 0;
	CHECK(sorted, "item table sorted by code");
	for (int i = 0; i < hj212_n_items; i++)
		for (int j = i + 1; j < hj212_n_items; j++)
			if (hj212_items[i].legacy && hj212_items[j].legacy && strcmp(hj212_items[i].legacy, hj212_items[j].legacy) == 0)
				legacy_unique = 0;
	CHECK(legacy_unique, "2005 codes unique");
	for (int i = 0; i < eco_n_pollutants; i++)
	{
		int			lg;

		if (eco_pollutants[i].hj212 && hj212_item_lookup(eco_pollutants[i].hj212, strlen(eco_pollutants[i].hj212), &lg) == NULL)
		{
			all_registry = 0;
			printf("# registry code %s missing from hj212.c\n", eco_pollutants[i].hj212);
		}
	}
	CHECK(all_registry, "every registry HJ 212 code is in the item table");
}

/* Split packets (PNUM, PNO): the header checks and the reassembly of the CP areas. */
static void
test_split(void)
{
	static hj212_packet parts[3],
				out;
	static char cpbuf[HJ212_MAX_PARTS * (HJ212_MAX_DATA + 1)];
	char		b[3][600];
	const hj212_packet *pp[3] = {&parts[0], &parts[1], &parts[2]};
	hj212_error e;
	const char *d[3] = {
		"QN=20260301010000001;ST=31;CN=2061;PW=123456;MN=SPLIT01;Flag=7;PNUM=3;PNO=1;CP=&&DataTime=20260301010000;"
		"a21026-Avg=35.5,a21026-Flag=N&&",
		"QN=20260301010000001;ST=31;CN=2061;PW=123456;MN=SPLIT01;Flag=7;PNUM=3;PNO=2;CP=&&DataTime=20260301010000;"
		"a21002-Avg=80,a21002-Flag=N;&&",
		"QN=20260301010000001;ST=31;CN=2061;PW=123456;MN=SPLIT01;Flag=7;PNUM=3;PNO=3;CP=&&a34013-Avg=9,a34013-Flag=M&&"};

	for (int i = 0; i < 3; i++)
	{
		frame(d[i], b[i], sizeof b[i]);
		CHECK_INT(hj212_parse_frame(b[i], strlen(b[i]), 0, 1, &parts[i], &e), HJ212_OK, "split part frames");
	}
	CHECK_INT(hj212_pnum(&parts[1]), 3, "PNUM read");
	CHECK_INT(hj212_pno(&parts[1]), 2, "PNO read");
	CHECK_INT(hj212_reassemble(pp, 3, cpbuf, sizeof cpbuf, &out, &e), HJ212_OK, "three parts join");
	CHECK_INT(out.n_values, 3, "joined: three values");
	CHECK(slice_is(out.mn, "SPLIT01") && out.has_data_time && out.data_time.hour == 1, "joined: header of part 1, DataTime");
	CHECK(out.values[2].flag == 'M' && out.values[2].value == 9.0, "joined: the last part's item and flag");
	/* a ';' between parts where neither has one; none where one has */
	CHECK(slice_is(out.cp, "DataTime=20260301010000;a21026-Avg=35.5,a21026-Flag=N;DataTime=20260301010000;"
				   "a21002-Avg=80,a21002-Flag=N;a34013-Avg=9,a34013-Flag=M"), "joined CP area");
	/* parts out of order, a missing part, a different DataTime, a different MN */
	{
		const hj212_packet *swapped[3] = {&parts[1], &parts[0], &parts[2]};

		CHECK_INT(hj212_reassemble(swapped, 3, cpbuf, sizeof cpbuf, &out, &e), HJ212_ERR_SPLIT, "parts out of order refused");
		CHECK_INT(hj212_reassemble(pp, 2, cpbuf, sizeof cpbuf, &out, &e), HJ212_ERR_SPLIT, "two of three parts refused");
	}
	{
		char		x[600];

		frame("QN=20260301010000001;ST=31;CN=2061;PW=123456;MN=SPLIT01;Flag=7;PNUM=3;PNO=2;CP=&&DataTime=20260301020000;"
			  "a21002-Avg=80&&", x, sizeof x);
		CHECK_INT(hj212_parse_frame(x, strlen(x), 0, 1, &parts[1], &e), HJ212_OK, "part with another DataTime frames");
		CHECK_INT(hj212_reassemble(pp, 3, cpbuf, sizeof cpbuf, &out, &e), HJ212_ERR_SPLIT, "parts with different DataTime refused");
		CHECK_STR(e.detail, "parts with different DataTime: 20260301020000", "detail names the DataTime");
		frame("QN=20260301010000001;ST=31;CN=2061;PW=123456;MN=SPLIT02;Flag=7;PNUM=3;PNO=2;CP=&&a21002-Avg=80&&", x, sizeof x);
		CHECK_INT(hj212_parse_frame(x, strlen(x), 0, 1, &parts[1], &e), HJ212_OK, "part of another MN frames");
		CHECK_INT(hj212_reassemble(pp, 3, cpbuf, sizeof cpbuf, &out, &e), HJ212_ERR_SPLIT, "parts of different MN refused");
		/* header checks: PNO without PNUM, PNO > PNUM, PNUM 0, PNUM over 64 */
		frame("ST=31;CN=2061;MN=S;PNO=1;CP=&&&&", x, sizeof x);
		CHECK_INT(hj212_parse_frame(x, strlen(x), 0, 1, &parts[1], &e), HJ212_ERR_SPLIT, "PNO without PNUM");
		frame("ST=31;CN=2061;MN=S;PNUM=2;PNO=3;CP=&&&&", x, sizeof x);
		CHECK_INT(hj212_parse_frame(x, strlen(x), 0, 1, &parts[1], &e), HJ212_ERR_SPLIT, "PNO over PNUM");
		frame("ST=31;CN=2061;MN=S;PNUM=0;PNO=0;CP=&&&&", x, sizeof x);
		CHECK_INT(hj212_parse_frame(x, strlen(x), 0, 1, &parts[1], &e), HJ212_ERR_SPLIT, "PNUM 0");
		frame("ST=31;CN=2061;MN=S;PNUM=65;PNO=1;CP=&&&&", x, sizeof x);
		CHECK_INT(hj212_parse_frame(x, strlen(x), 0, 1, &parts[1], &e), HJ212_ERR_SPLIT, "PNUM over 64");
		/* a whole packet may say PNUM=1;PNO=1 */
		frame("ST=31;CN=2061;MN=S;PNUM=1;PNO=1;CP=&&DataTime=20260301010000;a21026-Avg=1&&", x, sizeof x);
		CHECK_INT(hj212_parse(x, strlen(x), 0, 1, &parts[1], &e), HJ212_OK, "PNUM=1 is a whole packet");
		/* a whole packet still refuses a repeated DataTime */
		frame("ST=31;CN=2061;MN=S;CP=&&DataTime=20260301010000;DataTime=20260301010000&&", x, sizeof x);
		CHECK_INT(hj212_parse(x, strlen(x), 0, 1, &parts[1], &e), HJ212_ERR_SYNTAX, "repeated DataTime in one packet");
	}
}

int
main(void)
{
	unit_file = "test_hj212";
	test_crc();
	test_values();
	test_flags();
	test_rejects();
	test_legacy();
	test_tables();
	test_split();
	return unit_done();
}
