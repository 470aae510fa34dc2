/*
 * hj212.c — HJ 212-2017 packet parser, CRC16 and the item-code tables.
 *
 * Framing, header fields, CP syntax, field suffixes and data flags:
 * HJ 212-2017 §6 (data segment at most 1024 bytes, "##" + 4-digit length +
 * data + 4 hex CRC + CRLF).  CRC16 as in HJ 212-2017 Appendix A, checked in
 * test/unit/test_hj212.c against the standard's worked example and packets
 * published by public HJ 212 tools.
 *
 * Item codes.  The 2017 codes of the items the registry (pollutant.c) knows are
 * listed here with their HJ/T 212-2005 codes so that a device still sending
 * 2005 codes lands on the same eco.pollutant; a test proves every registry
 * HJ 212 code is in this table.  Auxiliary parameters of the outlet (flows,
 * oxygen content, flue-gas state) and smoke dust, which have no registry item,
 * are listed too.  Sources of the 2005 codes: the code tables (2017 code,
 * 2005 code, unit) of public HJ 212 libraries, cross-checked for the common
 * items (001 pH, 011 COD, 060 NH3-N, B01 wastewater flow; 01 smoke dust,
 * 02 SO2, 03 NOx, S01 O2) against device simulators that still emit them.
 * Rows marked verified = 0 rest on one source only (UNVERIFIED).
 *
 * The other rows of the code tables of HJ 212-2017 (Appendix B: the water
 * items w..., the gas items a..., each with its HJ/T 212-2005 code where it
 * had one) are listed too, so that a packet with, say, barium (w20012) or
 * hydrogen chloride (a21024) is stored rather than refused; their unit is the
 * unit the table gives for transmission.  They rest on a public transcription
 * of the table (verified = 0).  w01003 (浑浊度, turbidity, NTU) is sent by
 * surface-water automatic stations (ST=21) although that transcription lacks
 * it; it is accepted (verified = 0).  A code in none of the rows is still
 * refused as "unknown code", the code kept in the detail.
 */
#include "hj212.h"
#include "calendar.h"
#include "pollutant.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------- item tables (sorted by 2017 code: hj212_item_lookup bisects) ---------- */
#define IT(c, l, zh, u, v) {c, l, zh, u, v}
const hj212_item hj212_items[] = {
	IT("a00000", "B02", "废气流量", "m³/s", 0),
	IT("a01001", NULL, "温度", "℃", 0),
	IT("a01002", NULL, "湿度", "%", 0),
	IT("a01006", NULL, "气压", "kPa", 0),
	IT("a01007", NULL, "风速", "m/s", 0),
	IT("a01008", NULL, "风向", "°", 0),
	IT("a01010", "37", "林格曼黑度", "", 0),
	IT("a01011", "S02", "烟气流速", "m/s", 0),
	IT("a01012", "S03", "烟气温度", "℃", 0),
	IT("a01013", "S08", "烟气压力", "kPa", 0),
	IT("a01014", "S05", "烟气湿度", "%", 0),
	IT("a01015", "S06", "制冷温度", "℃", 0),
	IT("a01016", "S07", "烟道截面积", "m²", 0),
	IT("a01017", "S04", "烟气动压", "kPa", 0),
	IT("a05001", "30", "二氧化碳", "mg/m³", 0),
	IT("a05024", NULL, "臭氧", "µg/m³", 1),
	IT("a19001", "S01", "氧气含量", "%", 1),
	IT("a20016", "36", "铍及其化合物", "mg/m³", 0),
	IT("a20025", "33", "镉及其化合物", "mg/m³", 0),
	IT("a20043", "32", "铅及其化合物", "mg/m³", 0),
	IT("a20057", "31", "汞及其化合物", "mg/m³", 0),
	IT("a20063", "35", "镍及其化合物", "mg/m³", 0),
	IT("a20091", "34", "锡及其化合物", "mg/m³", 0),
	IT("a21002", "03", "氮氧化物", "mg/m³", 1),
	IT("a21003", NULL, "一氧化氮", "mg/m³", 0),
	IT("a21004", NULL, "二氧化氮", "µg/m³", 1),
	IT("a21005", "04", "一氧化碳", "mg/m³", 0),
	IT("a21017", "07", "氰化物", "mg/m³", 0),
	IT("a21018", "06", "氟化物", "mg/m³", 0),
	IT("a21022", "11", "氯气", "mg/m³", 0),
	IT("a21024", "08", "氯化氢", "mg/m³", 0),
	IT("a21026", "02", "二氧化硫", "mg/m³", 1),
	IT("a21028", "05", "硫化氢", "mg/m³", 0),
	IT("a23001", "27", "酚类", "mg/m³", 0),
	IT("a24046", "29", "氯乙烯", "mg/m³", 0),
	IT("a24087", "25", "碳氢化合物", "mg/m³", 0),
	IT("a24088", NULL, "非甲烷总烃", "mg/m³", 0),
	IT("a25002", NULL, "苯", "mg/m³", 0),
	IT("a25003", "17", "甲苯", "mg/m³", 0),
	IT("a25005", "18", "二甲苯", "mg/m³", 0),
	IT("a25010", "23", "氯苯", "mg/m³", 0),
	IT("a34001", NULL, "总悬浮颗粒物", "µg/m³", 1),
	IT("a34002", NULL, "可吸入颗粒物", "µg/m³", 1),
	IT("a34004", NULL, "细颗粒物", "µg/m³", 1),
	IT("a34013", "01", "烟尘（颗粒物）", "mg/m³", 1),
	IT("w00000", "B01", "污水流量", "L/s", 1),
	IT("w01001", "001", "pH值", "", 1),
	IT("w01002", "002", "色度", "度", 0),
	IT("w01003", NULL, "浑浊度", "NTU", 0),
	IT("w01006", NULL, "溶解性总固体", "mg/L", 0),
	IT("w01009", NULL, "溶解氧", "mg/L", 1),
	IT("w01010", NULL, "水温", "℃", 1),
	IT("w01012", "003", "悬浮物", "mg/L", 0),
	IT("w01014", NULL, "电导率", "µS/cm", 0),
	IT("w01017", "010", "五日生化需氧量", "mg/L", 0),
	IT("w01018", "011", "化学需氧量", "mg/L", 1),
	IT("w01019", NULL, "高锰酸盐指数", "mg/L", 1),
	IT("w01020", "015", "总有机碳", "mg/L", 0),
	IT("w02003", "550", "粪大肠菌群", "个/L", 0),
	IT("w02006", NULL, "细菌总数", "个/L", 0),
	IT("w03001", "570", "总α放射性", "Bq/L", 0),
	IT("w03002", "571", "总β放射性", "Bq/L", 0),
	IT("w19001", NULL, "表面活性剂", "mg/L", 0),
	IT("w19002", "520", "阴离子表面活性剂", "mg/L", 0),
	IT("w20012", "039", "钡", "mg/L", 0),
	IT("w20023", "037", "硼", "mg/L", 0),
	IT("w20038", "040", "钴", "mg/L", 0),
	IT("w20061", "038", "钼", "mg/L", 0),
	IT("w20089", "041", "铊", "ng/L", 0),
	IT("w20092", "036", "锡", "mg/L", 0),
	IT("w20111", "020", "总汞", "µg/L", 0),
	IT("w20113", "021", "烷基汞", "ng/L", 0),
	IT("w20115", "022", "总镉", "µg/L", 0),
	IT("w20116", "023", "总铬", "mg/L", 0),
	IT("w20117", "024", "六价铬", "µg/L", 0),
	IT("w20119", "026", "总砷", "µg/L", 0),
	IT("w20120", "027", "总铅", "µg/L", 0),
	IT("w20121", "028", "总镍", "mg/L", 0),
	IT("w20122", "029", "总铜", "mg/L", 0),
	IT("w20123", "030", "总锌", "mg/L", 0),
	IT("w20124", "031", "总锰", "mg/L", 0),
	IT("w20125", "032", "总铁", "mg/L", 0),
	IT("w20126", "033", "总银", "mg/L", 0),
	IT("w20127", "034", "总铍", "µg/L", 0),
	IT("w20128", "035", "总硒", "µg/L", 0),
	IT("w20138", NULL, "铜", "mg/L", 0),
	IT("w20139", NULL, "锌", "mg/L", 0),
	IT("w20140", NULL, "硒", "mg/L", 0),
	IT("w20141", NULL, "砷", "mg/L", 0),
	IT("w20142", NULL, "汞", "µg/L", 0),
	IT("w20143", NULL, "镉", "µg/L", 0),
	IT("w20144", NULL, "铅", "mg/L", 0),
	IT("w21001", "065", "总氮", "mg/L", 0),
	IT("w21003", "060", "氨氮", "mg/L", 1),
	IT("w21004", "062", "凯氏氮", "mg/L", 0),
	IT("w21006", "063", "亚硝酸盐", "mg/L", 0),
	IT("w21007", "064", "硝酸盐", "mg/L", 0),
	IT("w21011", "101", "总磷", "mg/L", 0),
	IT("w21016", "070", "氰化物", "mg/L", 0),
	IT("w21017", "072", "氟化物", "mg/L", 0),
	IT("w21019", "071", "硫化物", "mg/L", 0),
	IT("w21022", "090", "氯化物", "mg/L", 0),
	IT("w21038", NULL, "硫酸盐", "mg/L", 0),
	IT("w22001", "080", "石油类", "mg/L", 0),
	IT("w23002", "110", "挥发酚", "mg/L", 0),
	IT("w25043", "540", "苯并[a]芘", "µg/L", 0),
	IT("w33001", "350", "六六六", "ng/L", 0),
	IT("w33007", "351", "滴滴涕", "ng/L", 0),
	IT("w99001", "061", "有机氮", "mg/L", 0),
};
const int	hj212_n_items = (int) (sizeof hj212_items / sizeof hj212_items[0]);
#define N_ITEMS ((int) (sizeof hj212_items / sizeof hj212_items[0]))

/* eco.pollutant id of each item, resolved once from the registry by the 2017 code. */
static short item_pollutant[N_ITEMS];
static int	item_pollutant_ready = 0;

/* 2017 codes as integers ('a' or 'w' and 5 digits), in table order: a fast bisection. */
static int	item_key[N_ITEMS];

static int
code_key(const char *p, size_t len)
{
	int			k = 0;

	if (len != 6 || (p[0] != 'a' && p[0] != 'w'))
		return -1;
	for (int i = 1; i < 6; i++)
	{
		if (p[i] < '0' || p[i] > '9')
			return -1;
		k = k * 10 + (p[i] - '0');
	}
	return (p[0] == 'w' ? 1000000 : 0) + k;
}

static void
resolve_pollutants(void)
{
	for (int i = 0; i < N_ITEMS; i++)
		item_key[i] = code_key(hj212_items[i].code, strlen(hj212_items[i].code));
	for (int i = 0; i < N_ITEMS; i++)
	{
		short		id = -1;

		for (int j = 0; j < eco_n_pollutants; j++)
			if (eco_pollutants[j].hj212 && strcmp(eco_pollutants[j].hj212, hj212_items[i].code) == 0)
			{
				id = eco_pollutants[j].id;
				break;
			}
		item_pollutant[i] = id;
	}
	item_pollutant_ready = 1;
}

static int
slice_cmp(const char *s, size_t len, const char *z)
{
	size_t		zl = strlen(z);
	int			c = memcmp(s, z, len < zl ? len : zl);

	if (c != 0)
		return c;
	return len < zl ? -1 : (len > zl ? 1 : 0);
}

static int
item_index(const char *code, size_t len, int *legacy)
{
	int			lo = 0,
				hi = N_ITEMS - 1,
				key;

	*legacy = 0;
	if (!item_pollutant_ready)
		resolve_pollutants();
	key = code_key(code, len);
	while (key >= 0 && lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (item_key[mid] == key)
			return mid;
		if (key < item_key[mid])
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	if (key >= 0)
		return -1;				/* a 2017-style code not in the table */
	for (int i = 0; i < N_ITEMS; i++)
		if (hj212_items[i].legacy && slice_cmp(code, len, hj212_items[i].legacy) == 0)
		{
			*legacy = 1;
			return i;
		}
	return -1;
}

const hj212_item *
hj212_item_lookup(const char *code, size_t len, int *legacy)
{
	int			lg;
	int			i = item_index(code, len, &lg);

	if (legacy)
		*legacy = lg;
	return i < 0 ? NULL : &hj212_items[i];
}

/* ---------- names ---------- */
const char	hj212_flags[] = "NFMSDCTB";

const char *
hj212_flag_meaning(char f)
{
	switch (f)
	{
		case 'N': return "normal";
		case 'F': return "instrument stopped";
		case 'M': return "maintenance";
		case 'S': return "manually set value";
		case 'D': return "fault";
		case 'C': return "calibration";
		case 'T': return "above the measuring upper limit";
		case 'B': return "communication fault";
		default: return NULL;
	}
}

int
hj212_flag_valid(char f)
{
	return f == 'N' || f == 'S';
}

const char *const hj212_kind_names[HJ212_N_KINDS] = {
	"Rtd", "Min", "Avg", "Max", "Cou", "ZsRtd", "ZsMin", "ZsAvg", "ZsMax"
};

const char *
hj212_kind_name(hj212_kind k)
{
	return (k >= 0 && k < HJ212_N_KINDS) ? hj212_kind_names[k] : "?";
}

static const char *const status_names[HJ212_N_STATUS] = {
	"ok", "framing", "length", "crc", "syntax", "timestamp", "unknown code", "split packet"
};

const char *
hj212_status_name(hj212_status s)
{
	return (s >= 0 && (int) s < HJ212_N_STATUS) ? status_names[s] : "?";
}

void
hj212_slice_copy(hj212_slice s, char *buf, size_t bufsz)
{
	size_t		n = (size_t) (s.len > 0 ? s.len : 0);

	if (bufsz == 0)
		return;
	if (n > bufsz - 1)
		n = bufsz - 1;
	if (n)
		memcpy(buf, s.p, n);
	buf[n] = '\0';
}

/* ---------- CRC16 ---------- */
/*
 * The standard's loop XORs the byte into crc >> 8 (not into the low byte as
 * CRC-16/MODBUS does), then shifts 8 times: crc' = T[(crc >> 8) ^ b], T the
 * table of the 8 shifts.  Nothing of the low byte carries over, so between
 * bytes the state is the high byte h = crc >> 8 alone: h' = H[h ^ b] with
 * H[x] = T[x] >> 8, and the CRC is T[h ^ last byte].  T (and so H) is linear
 * over GF(2) (T[x ^ y] = T[x] ^ T[y]), hence eight steps are
 * h8 = H^8[h ^ b0] ^ H^7[b1] ^ ... ^ H^1[b7] (H^k: H applied k times): one
 * dependent look-up per 8 bytes instead of 8 ("slicing by 8").  The unit test
 * checks it against the bitwise definition on random data.
 */
static unsigned short crc_table[256];
static unsigned char crc_h[8][256];	/* crc_h[k - 1] = H^k */
static int	crc_table_ready = 0;

static void
crc_init(void)
{
	for (unsigned b = 0; b < 256; b++)
	{
		unsigned	c = b;

		for (int k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ 0xA001u : c >> 1;
		crc_table[b] = (unsigned short) c;
		crc_h[0][b] = (unsigned char) (c >> 8);
	}
	for (int k = 1; k < 8; k++)
		for (unsigned b = 0; b < 256; b++)
			crc_h[k][b] = crc_h[0][crc_h[k - 1][b]];
	crc_table_ready = 1;
}

unsigned
hj212_crc16(const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *) buf;
	unsigned	h = 0xFF;
	size_t		i = 0;

	if (len == 0)
		return 0xFFFF;
	if (!crc_table_ready)
		crc_init();
	/* all bytes but the last move h; the last gives the whole CRC */
	for (; i + 8 < len; i += 8)
		h = crc_h[7][h ^ p[i]] ^ crc_h[6][p[i + 1]] ^ crc_h[5][p[i + 2]] ^ crc_h[4][p[i + 3]]
			^ crc_h[3][p[i + 4]] ^ crc_h[2][p[i + 5]] ^ crc_h[1][p[i + 6]] ^ crc_h[0][p[i + 7]];
	for (; i + 1 < len; i++)
		h = crc_h[0][h ^ p[i]];
	return crc_table[(h ^ p[len - 1]) & 0xFF];
}

/* ---------- helpers ---------- */
static hj212_status
fail(hj212_error *err, hj212_status st, int offset, const char *fmt, const char *arg, int arglen)
{
	if (err)
	{
		char		a[64];

		err->status = st;
		err->offset = offset;
		if (arg)
		{
			int			n = arglen < 0 ? (int) strlen(arg) : arglen;

			if (n > (int) sizeof a - 1)
				n = (int) sizeof a - 1;
			memcpy(a, arg, (size_t) n);
			a[n] = '\0';
			snprintf(err->detail, sizeof err->detail, fmt, a);
		}
		else
			snprintf(err->detail, sizeof err->detail, "%s", fmt);
	}
	return st;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int
parse_time(const char *s, int len, hj212_time *t)
{
	int			v[14];
	int			y, mo, d;

	if (len != 14)
		return 0;
	for (int i = 0; i < 14; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v[i] = s[i] - '0';
	}
	y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	mo = v[4] * 10 + v[5];
	d = v[6] * 10 + v[7];
	if (y < 1 || !eco_cal_valid_date(y, mo, d))
		return 0;
	t->year = (short) y;
	t->month = (signed char) mo;
	t->day = (signed char) d;
	t->hour = (signed char) (v[8] * 10 + v[9]);
	t->minute = (signed char) (v[10] * 10 + v[11]);
	t->second = (signed char) (v[12] * 10 + v[13]);
	return t->hour < 24 && t->minute < 60 && t->second < 60;
}

static const double pow10_tab[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * A decimal number: [-+]digits[.digits] or [-+].digits.  Exact to the nearest
 * double: up to 15 significant digits the integer mantissa and the power of
 * ten are exact and one IEEE division rounds correctly; longer numbers go
 * through strtod (C locale numbers: the text is only digits, sign and '.').
 */
static int
parse_number(const char *s, int len, double *out)
{
	int			i = 0,
				neg = 0,
				digits = 0,
				frac = 0,
				seen_dot = 0;
	unsigned long long m = 0;

	if (len <= 0 || len > 40)
		return 0;
	if (s[0] == '-' || s[0] == '+')
	{
		neg = s[0] == '-';
		i = 1;
	}
	for (; i < len; i++)
	{
		char		c = s[i];

		if (c >= '0' && c <= '9')
		{
			if (digits < 19)
				m = m * 10 + (unsigned) (c - '0');
			if (m != 0 || digits > 0)
				digits++;
			if (seen_dot)
				frac++;
		}
		else if (c == '.' && !seen_dot)
			seen_dot = 1;
		else
			return 0;
	}
	/* at least one digit somewhere */
	{
		int			any = 0;

		for (int k = 0; k < len; k++)
			if (s[k] >= '0' && s[k] <= '9')
			{
				any = 1;
				break;
			}
		if (!any)
			return 0;
	}
	if (digits <= 15 && frac <= 22)
	{
		double		v = (double) m / pow10_tab[frac];

		*out = neg ? -v : v;
		return 1;
	}
	{
		char		buf[48];

		memcpy(buf, s, (size_t) len);
		buf[len] = '\0';
		*out = strtod(buf, NULL);
	}
	return 1;
}

static int
key_is(const char *k, int klen, const char *z)
{
	return slice_cmp(k, (size_t) klen, z) == 0;
}

/* Find the byte c in [p, end); NULL if absent. */
static const char *
find(const char *p, const char *end, char c)
{
	const void *r = memchr(p, c, (size_t) (end - p));

	return (const char *) r;
}

/* ---------- the parser ---------- */
static hj212_status parse_cp(const char *base, hj212_packet *pkt, hj212_error *err, int same_time_ok);

int
hj212_slice_uint(hj212_slice s, int max_digits)
{
	int			v = 0;

	if (s.p == NULL || s.len == 0 || s.len > max_digits)
		return -1;
	for (int i = 0; i < s.len; i++)
	{
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		v = v * 10 + (s.p[i] - '0');
	}
	return v;
}

hj212_status
hj212_parse_cp(const char *buf, hj212_packet *pkt, hj212_error *err)
{
	if (err)
	{
		err->status = HJ212_OK;
		err->offset = -1;
		err->detail[0] = '\0';
	}
	return parse_cp(buf, pkt, err, 0);
}

int
hj212_pnum(const hj212_packet *pkt)
{
	return pkt->pnum.p ? hj212_slice_uint(pkt->pnum, 4) : 0;
}

int
hj212_pno(const hj212_packet *pkt)
{
	return pkt->pno.p ? hj212_slice_uint(pkt->pno, 4) : 0;
}

hj212_status
hj212_parse(const char *buf, size_t len, int lenient_tail, int check_crc,
			hj212_packet *pkt, hj212_error *err)
{
	hj212_status st = hj212_parse_frame(buf, len, lenient_tail, check_crc, pkt, err);

	if (st != HJ212_OK)
		return st;
	return parse_cp(buf, pkt, err, 0);
}

hj212_status
hj212_parse_frame(const char *buf, size_t len, int lenient_tail, int check_crc,
				  hj212_packet *pkt, hj212_error *err)
{
	const char *d,
			   *end;
	int			n,
				crc;
	size_t		body;

	memset(pkt, 0, offsetof(hj212_packet, values));
	if (err)
	{
		err->status = HJ212_OK;
		err->offset = -1;
		err->detail[0] = '\0';
	}
	if (len < 2 || buf[0] != '#' || buf[1] != '#')
		return fail(err, HJ212_ERR_FRAMING, 0, "packet does not start with ##", NULL, 0);
	if (len >= 2 && buf[len - 1] == '\n' && len >= 2 && buf[len - 2] == '\r')
		body = len - 2;
	else if (lenient_tail)
		body = (len >= 1 && buf[len - 1] == '\r') ? len - 1 : len;	/* a log line may keep a lone CR */
	else
		return fail(err, HJ212_ERR_FRAMING, (int) len, "packet does not end with CR LF", NULL, 0);
	if (body < 6 + 4)
		return fail(err, HJ212_ERR_FRAMING, (int) body, "packet too short", NULL, 0);
	n = 0;
	for (int i = 2; i < 6; i++)
	{
		if (buf[i] < '0' || buf[i] > '9')
			return fail(err, HJ212_ERR_FRAMING, i, "data length is not 4 decimal digits: %s", buf + 2, 4);
		n = n * 10 + (buf[i] - '0');
	}
	pkt->declared_len = n;
	if (body - 6 - 4 != (size_t) n)
	{
		char		msg[64];

		snprintf(msg, sizeof msg, "declared %d, data segment has %lu", n, (unsigned long) (body - 10));
		return fail(err, HJ212_ERR_LENGTH, 2, "%s", msg, -1);
	}
	if (n > HJ212_MAX_DATA)
		return fail(err, HJ212_ERR_LENGTH, 2, "data segment longer than 1024 bytes: %s", buf + 2, 4);
	d = buf + 6;
	end = d + n;
	crc = 0;
	for (int i = 0; i < 4; i++)
	{
		int			h = hexval(end[i]);

		if (h < 0)
			return fail(err, HJ212_ERR_FRAMING, (int) (end - buf) + i, "CRC is not 4 hexadecimal digits: %s", end, 4);
		crc = crc * 16 + h;
	}
	pkt->data.p = d;
	pkt->data.len = n;
	pkt->crc_sent = (unsigned) crc;
	pkt->crc_computed = hj212_crc16(d, (size_t) n);
	if (check_crc && pkt->crc_sent != pkt->crc_computed)
	{
		char		msg[48];

		snprintf(msg, sizeof msg, "sent %04X, computed %04X", pkt->crc_sent, pkt->crc_computed);
		return fail(err, HJ212_ERR_CRC, (int) (end - buf), "%s", msg, -1);
	}

	/* Header: key=value;... up to CP=&& */
	{
		const char *p = d;

		for (;;)
		{
			const char *eq,
					   *semi;
			hj212_slice *dst = NULL;
			int			klen;

			if (p >= end)
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - buf), "no CP=&& data area", NULL, 0);
			if (end - p >= 5 && memcmp(p, "CP=&&", 5) == 0)
			{
				const char *cp = p + 5;

				if (end - cp < 2 || end[-1] != '&' || end[-2] != '&')
					return fail(err, HJ212_ERR_SYNTAX, (int) (end - buf), "CP data area not closed by &&", NULL, 0);
				pkt->cp.p = cp;
				pkt->cp.len = (int) (end - 2 - cp);
				break;
			}
			eq = find(p, end, '=');
			semi = find(p, end, ';');
			if (!eq || !semi || semi < eq)
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - buf), "bad header field: %s", p, (int) ((semi ? semi : end) - p));
			klen = (int) (eq - p);
			if (key_is(p, klen, "QN")) dst = &pkt->qn;
			else if (key_is(p, klen, "ST")) dst = &pkt->st;
			else if (key_is(p, klen, "CN")) dst = &pkt->cn;
			else if (key_is(p, klen, "PW")) dst = &pkt->pw;
			else if (key_is(p, klen, "MN")) dst = &pkt->mn;
			else if (key_is(p, klen, "Flag")) dst = &pkt->flag;
			else if (key_is(p, klen, "PNUM")) dst = &pkt->pnum;
			else if (key_is(p, klen, "PNO")) dst = &pkt->pno;
			else
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - buf), "unknown header field: %s", p, klen);
			if (dst->p != NULL)
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - buf), "repeated header field: %s", p, klen);
			dst->p = eq + 1;
			dst->len = (int) (semi - eq - 1);
			p = semi + 1;
		}
		if (pkt->st.p == NULL || pkt->cn.p == NULL || pkt->mn.p == NULL)
			return fail(err, HJ212_ERR_SYNTAX, 6, "header lacks ST, CN or MN", NULL, 0);
		if (pkt->mn.len == 0 || pkt->mn.len > 24)
			return fail(err, HJ212_ERR_SYNTAX, 6, "MN must have 1 to 24 characters", NULL, 0);
		if (pkt->cn.len != 4)
			return fail(err, HJ212_ERR_SYNTAX, 6, "CN is not 4 characters: %s", pkt->cn.p, pkt->cn.len);
		for (int i = 0; i < 4; i++)
			if (pkt->cn.p[i] < '0' || pkt->cn.p[i] > '9')
				return fail(err, HJ212_ERR_SYNTAX, 6, "CN is not 4 digits: %s", pkt->cn.p, 4);
		if ((pkt->pnum.p == NULL) != (pkt->pno.p == NULL))
			return fail(err, HJ212_ERR_SPLIT, 6, "PNUM and PNO go together", NULL, 0);
		if (pkt->pnum.p)
		{
			int			pnum = hj212_slice_uint(pkt->pnum, 4),
						pno = hj212_slice_uint(pkt->pno, 4);

			if (pnum < 1 || pnum > HJ212_MAX_PARTS)
				return fail(err, HJ212_ERR_SPLIT, 6, "PNUM is not a number of parts from 1 to 64: %s",
							pkt->pnum.p, pkt->pnum.len);
			if (pno < 1 || pno > pnum)
				return fail(err, HJ212_ERR_SPLIT, 6, "PNO is not a part number from 1 to PNUM: %s",
							pkt->pno.p, pkt->pno.len);
		}
	}
	return HJ212_OK;
}

static int
slice_eq(hj212_slice a, hj212_slice b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, (size_t) a.len) == 0);
}

hj212_status
hj212_reassemble(const hj212_packet *const *parts, int nparts, char *cpbuf, size_t cpbufsz,
				 hj212_packet *out, hj212_error *err)
{
	size_t		n = 0;

	if (err)
	{
		err->status = HJ212_OK;
		err->offset = -1;
		err->detail[0] = '\0';
	}
	if (nparts < 1 || nparts > HJ212_MAX_PARTS || cpbufsz < (size_t) HJ212_MAX_PARTS * (HJ212_MAX_DATA + 1))
		return fail(err, HJ212_ERR_SPLIT, -1, "bad number of parts", NULL, 0);
	for (int i = 0; i < nparts; i++)
	{
		const hj212_packet *p = parts[i];

		if (hj212_pnum(p) != nparts || hj212_pno(p) != i + 1)
			return fail(err, HJ212_ERR_SPLIT, -1, "parts do not number 1 to PNUM", NULL, 0);
		if (!slice_eq(p->mn, parts[0]->mn) || !slice_eq(p->cn, parts[0]->cn) || !slice_eq(p->qn, parts[0]->qn))
			return fail(err, HJ212_ERR_SPLIT, -1, "parts of different MN, CN or QN", NULL, 0);
		if (n > 0 && p->cp.len > 0 && cpbuf[n - 1] != ';' && cpbuf[n - 1] != ','
			&& p->cp.p[0] != ';' && p->cp.p[0] != ',')
			cpbuf[n++] = ';';
		if (p->cp.len > 0)
			memcpy(cpbuf + n, p->cp.p, (size_t) p->cp.len);
		n += (size_t) (p->cp.len > 0 ? p->cp.len : 0);
	}
	memcpy(out, parts[0], offsetof(hj212_packet, values));
	out->cp.p = cpbuf;
	out->cp.len = (int) n;
	out->has_data_time = 0;
	out->n_values = 0;
	return parse_cp(cpbuf, out, err, 1);
}

static int
suffix_kind(const char *s, int len, int *attr)
{
	/* attr: 0 numeric kind (returned), 1 Flag, 2 EFlag, 3 SampleTime; -1 unknown */
	*attr = 0;
	switch (len)
	{
		case 3:
			if (memcmp(s, "Rtd", 3) == 0) return HJ212_RTD;
			if (memcmp(s, "Min", 3) == 0) return HJ212_MIN;
			if (memcmp(s, "Avg", 3) == 0) return HJ212_AVG;
			if (memcmp(s, "Max", 3) == 0) return HJ212_MAX;
			if (memcmp(s, "Cou", 3) == 0) return HJ212_COU;
			break;
		case 4:
			if (memcmp(s, "Flag", 4) == 0) { *attr = 1; return 0; }
			break;
		case 5:
			if (memcmp(s, "ZsRtd", 5) == 0) return HJ212_ZSRTD;
			if (memcmp(s, "ZsMin", 5) == 0) return HJ212_ZSMIN;
			if (memcmp(s, "ZsAvg", 5) == 0) return HJ212_ZSAVG;
			if (memcmp(s, "ZsMax", 5) == 0) return HJ212_ZSMAX;
			if (memcmp(s, "EFlag", 5) == 0) { *attr = 2; return 0; }
			break;
		case 10:
			if (memcmp(s, "SampleTime", 10) == 0) { *attr = 3; return 0; }
			break;
	}
	*attr = -1;
	return -1;
}

/* Attributes of one item (by table index), applied to its values once the CP is read. */
typedef struct item_attr
{
	char		flag;
	hj212_slice eflag;
	int			has_sample_time;
	hj212_time	sample_time;
} item_attr;

static hj212_status
parse_cp(const char *base, hj212_packet *pkt, hj212_error *err, int same_time_ok)
{
	const char *p = pkt->cp.p,
			   *end = pkt->cp.p + pkt->cp.len;
	item_attr	attrs[N_ITEMS];
	unsigned short seen[N_ITEMS];	/* bit k: field k of the item already read */
	int			any_attr = 0;

	if (!item_pollutant_ready)
		resolve_pollutants();
	memset(seen, 0, sizeof seen);
	while (p < end)
	{
		const char *stop = p,
				   *eq,
				   *dash;
		int			klen,
					vlen;
		const char *v;

		while (stop < end && *stop != ';' && *stop != ',')
			stop++;
		if (stop == p)
		{
			p = stop + 1;		/* empty field (";;" or a trailing ';') */
			continue;
		}
		eq = find(p, stop, '=');
		if (!eq)
			return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "CP field without '=': %s", p, (int) (stop - p));
		klen = (int) (eq - p);
		v = eq + 1;
		vlen = (int) (stop - v);
		dash = find(p, eq, '-');
		if (!dash)
		{
			/* a parameter of the command (DataTime, RtdInterval, BeginTime, ...) */
			if (key_is(p, klen, "DataTime"))
			{
				hj212_time	t;

				memset(&t, 0, sizeof t);	/* padding too: compared with memcmp */
				if (pkt->has_data_time && !same_time_ok)
					return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "repeated DataTime", NULL, 0);
				if (!parse_time(v, vlen, &t))
					return fail(err, HJ212_ERR_TIMESTAMP, (int) (v - base), "bad DataTime: %s", v, vlen);
				if (pkt->has_data_time && memcmp(&t, &pkt->data_time, sizeof t) != 0)
					return fail(err, HJ212_ERR_SPLIT, (int) (p - base), "parts with different DataTime: %s", v, vlen);
				pkt->data_time = t;
				pkt->has_data_time = 1;
			}
			else if (klen == 0)
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "CP field without a name: %s", p, (int) (stop - p));
		}
		else
		{
			int			attr,
						kind,
						clen = (int) (dash - p),
						legacy = 0,
						idx;

			kind = suffix_kind(dash + 1, (int) (eq - dash - 1), &attr);
			if (attr < 0)
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "unknown field: %s", p, klen);
			if (clen == 0 || clen >= HJ212_CODE_MAX)
				return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "bad item code in field: %s", p, klen);
			idx = item_index(p, (size_t) clen, &legacy);
			if (idx < 0)
				return fail(err, HJ212_ERR_UNKNOWN_CODE, (int) (p - base), "%s", p, clen);
			if (attr == 0)
			{
				hj212_value *val;

				if (pkt->n_values >= HJ212_MAX_VALUES)
					return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "too many values", NULL, 0);
				if (seen[idx] & (1u << kind))
					return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "repeated field: %s", p, klen);
				seen[idx] |= (unsigned short) (1u << kind);
				val = &pkt->values[pkt->n_values];
				if (!parse_number(v, vlen, &val->value))
					return fail(err, HJ212_ERR_SYNTAX, (int) (v - base), "bad number: %s", p, (int) (stop - p));
				val->code.p = p;
				val->code.len = clen;
				val->item = &hj212_items[idx];
				val->pollutant_id = item_pollutant[idx];
				val->code2017 = hj212_items[idx].code;
				val->legacy = legacy;
				val->kind = (hj212_kind) kind;
				val->flag = 0;
				val->eflag.p = NULL;
				val->eflag.len = 0;
				val->has_sample_time = 0;
				pkt->n_values++;
			}
			else
			{
				item_attr  *a = &attrs[idx];

				if (!(seen[idx] & 0x8000u))
				{
					memset(a, 0, sizeof *a);
					seen[idx] |= 0x8000u;
					any_attr = 1;
				}
				if (attr == 1)
				{
					if (vlen != 1 || hj212_flag_meaning(*v) == NULL)
						return fail(err, HJ212_ERR_SYNTAX, (int) (v - base), "unknown data flag: %s", p, (int) (stop - p));
					if (a->flag)
						return fail(err, HJ212_ERR_SYNTAX, (int) (p - base), "repeated flag: %s", p, (int) (stop - p));
					a->flag = *v;
				}
				else if (attr == 2)
				{
					a->eflag.p = v;
					a->eflag.len = vlen;
				}
				else
				{
					if (!parse_time(v, vlen, &a->sample_time))
						return fail(err, HJ212_ERR_TIMESTAMP, (int) (v - base), "bad SampleTime: %s", p, (int) (stop - p));
					a->has_sample_time = 1;
				}
			}
		}
		p = stop + 1;
	}
	/* Attach flags and sample times to the values of the same item. */
	if (any_attr)
		for (int j = 0; j < pkt->n_values; j++)
		{
			hj212_value *val = &pkt->values[j];
			int			idx = (int) (val->item - hj212_items);

			if (seen[idx] & 0x8000u)
			{
				val->flag = attrs[idx].flag;
				val->eflag = attrs[idx].eflag;
				val->has_sample_time = attrs[idx].has_sample_time;
				val->sample_time = attrs[idx].sample_time;
			}
		}
	return HJ212_OK;
}
