/*
 * hj212.h — HJ 212-2017 packets of online monitoring (污染物在线监控（监测）系统
 * 数据传输标准): framing, CRC16, header fields and the CP data area.  Pure C:
 * no PostgreSQL header.  The parser never allocates: it fills caller-owned
 * structs and points into the caller's buffer.
 */
#ifndef ECO_HJ212_H
#define ECO_HJ212_H
#include <stddef.h>

/* HJ 212-2017 §6.3: the data segment is at most 1024 bytes; so is its 4-digit length. */
#define HJ212_MAX_DATA 1024
/*
 * A value field is at least 8 bytes ("a-Rtd=1;"), so one 1024-byte segment
 * holds fewer than 128; a packet reassembled from HJ212_MAX_PARTS parts may
 * hold more, up to HJ212_MAX_VALUES (beyond: a syntax error, "too many values").
 */
#define HJ212_MAX_VALUES 1024
/* Split packets (PNUM/PNO): at most this many parts to a message. */
#define HJ212_MAX_PARTS 64
#define HJ212_CODE_MAX 16

/* Reasons a packet is refused; stable names in hj212_status_name(). */
typedef enum hj212_status
{
	HJ212_OK = 0,
	HJ212_ERR_FRAMING,			/* no "##", no CRLF tail, length not 4 digits, CRC not 4 hex digits */
	HJ212_ERR_LENGTH,			/* declared length differs from the data segment, or over 1024 */
	HJ212_ERR_CRC,				/* CRC16 mismatch */
	HJ212_ERR_SYNTAX,			/* unknown header key, bad CP, unknown field suffix, bad number or flag */
	HJ212_ERR_TIMESTAMP,		/* DataTime / SampleTime not a valid YYYYMMDDhhmmss */
	HJ212_ERR_UNKNOWN_CODE,		/* item code in neither the 2017 nor the 2005 tables */
	HJ212_ERR_SPLIT				/* split packet: bad PNUM/PNO, parts that disagree, or an incomplete set */
} hj212_status;
#define HJ212_N_STATUS 8

/* Numeric fields of an item (the -Flag, -EFlag and -SampleTime fields qualify them). */
typedef enum hj212_kind
{
	HJ212_RTD = 0, HJ212_MIN, HJ212_AVG, HJ212_MAX, HJ212_COU,
	HJ212_ZSRTD, HJ212_ZSMIN, HJ212_ZSAVG, HJ212_ZSMAX
} hj212_kind;
#define HJ212_N_KINDS 9

/* A piece of the input: not NUL-terminated; len 0 and p NULL when absent. */
typedef struct hj212_slice
{
	const char *p;
	int			len;
} hj212_slice;

/* Broken-down YYYYMMDDhhmmss, validated (Gregorian calendar, no leap seconds). */
typedef struct hj212_time
{
	short		year;
	signed char month, day, hour, minute, second;
} hj212_time;

/* An item code known to the tables of hj212.c. */
typedef struct hj212_item
{
	const char *code;			/* HJ 212-2017 code */
	const char *legacy;			/* HJ/T 212-2005 code or NULL */
	const char *name_zh;
	const char *unit;			/* unit of concentrations as transmitted */
	int			verified;		/* 1: code and name from the sources of hj212.c; 0: background knowledge */
} hj212_item;

typedef struct hj212_value
{
	hj212_slice code;			/* the code as sent */
	const hj212_item *item;		/* the item (legacy codes resolved), or NULL for a registry-only code */
	int			pollutant_id;	/* eco.pollutant id, or -1 when the item is not in the registry */
	const char *code2017;		/* the 2017 code (the sent code when already 2017) */
	int			legacy;			/* 1 when sent with the 2005 code */
	hj212_kind	kind;
	double		value;
	char		flag;			/* data flag N F M S D C T B, or 0 when the item sent none */
	hj212_slice eflag;			/* device flag as sent, or empty */
	int			has_sample_time;
	hj212_time	sample_time;
} hj212_value;

typedef struct hj212_packet
{
	int			declared_len;	/* the 4-digit length */
	hj212_slice data;			/* the data segment */
	unsigned	crc_sent;
	unsigned	crc_computed;
	hj212_slice qn, st, cn, pw, mn, flag, pnum, pno;
	hj212_slice cp;				/* between "CP=&&" and the closing "&&" */
	int			has_data_time;
	hj212_time	data_time;
	int			n_values;
	hj212_value values[HJ212_MAX_VALUES];
} hj212_packet;

typedef struct hj212_error
{
	hj212_status status;
	int			offset;			/* byte offset in the packet, or -1 */
	char		detail[160];		/* e.g. the unknown code or the bad field, NUL-terminated */
} hj212_error;

/* CRC16 of HJ 212-2017 over len bytes (0xFFFF start, (crc >> 8) ^ byte, 8 shifts with 0xA001). */
unsigned	hj212_crc16(const char *buf, size_t len);

/*
 * Parse one packet ("##" + 4-digit length + data + 4 hex CRC + CRLF).  A
 * missing CRLF tail is accepted when lenient_tail is set (platform logs strip
 * it); the CRC is compared case-insensitively.  With check_crc = 0 a CRC
 * mismatch is not an error (hj212_parse reports crc_ok instead).
 * Returns HJ212_OK or the first reason found; err (if not NULL) gets the detail.
 */
hj212_status hj212_parse(const char *buf, size_t len, int lenient_tail, int check_crc,
						 hj212_packet *pkt, hj212_error *err);

/*
 * The framing and header only (hj212_parse without the CP items): for the
 * parts of a split packet, whose CP area is read once the parts are joined.
 * pkt->pnum and pkt->pno are checked here: both or neither, 1 <= PNO <= PNUM
 * <= HJ212_MAX_PARTS (HJ212_ERR_SPLIT otherwise).
 */
hj212_status hj212_parse_frame(const char *buf, size_t len, int lenient_tail, int check_crc,
							   hj212_packet *pkt, hj212_error *err);

/* The CP items of a packet read by hj212_parse_frame (hj212_parse = both). */
hj212_status hj212_parse_cp(const char *buf, hj212_packet *pkt, hj212_error *err);

/* PNUM and PNO of a parsed header (0 when absent: a whole packet). */
int			hj212_pnum(const hj212_packet *pkt);
int			hj212_pno(const hj212_packet *pkt);

/*
 * Join the parts of a split packet (HJ 212-2017 §6: PNUM = number of parts,
 * PNO = this part's number; Flag bit D set).  parts[i] is part i + 1 (each
 * from hj212_parse_frame, in PNO order, all of the same MN, CN, QN and PNUM).
 * The CP areas are concatenated in PNO order into cpbuf (a ';' is put
 * between two parts unless one already ends or starts with ';' or ','), and
 * read as one CP area into out, whose header fields are those of part 1; a
 * DataTime repeated in later parts must be equal to the first.  cpbuf must
 * hold HJ212_MAX_PARTS * (HJ212_MAX_DATA + 1) bytes and outlive out.
 */
hj212_status hj212_reassemble(const hj212_packet *const *parts, int nparts, char *cpbuf, size_t cpbufsz,
							  hj212_packet *out, hj212_error *err);

const char *hj212_status_name(hj212_status s);	/* "ok", "framing", "length", "crc", ... */
const char *hj212_kind_name(hj212_kind k);	/* "Rtd", "Min", "Avg", ... */
extern const char *const hj212_kind_names[HJ212_N_KINDS];	/* the same, indexed by kind */
int			hj212_flag_valid(char flag);	/* 1 for N and S (valid data), 0 otherwise */
const char *hj212_flag_meaning(char flag);	/* English meaning, NULL for an unknown letter */
extern const char hj212_flags[];			/* "NFMSDCTB" */

/* The item tables (2017 codes with their 2005 codes), for the view eco.hj212_items. */
extern const hj212_item hj212_items[];
extern const int hj212_n_items;
/* Look-up by 2017 or 2005 code (exact, case-sensitive); NULL when unknown. */
const hj212_item *hj212_item_lookup(const char *code, size_t len, int *legacy);

/* Copy a slice into buf as a NUL-terminated string (truncated to bufsz - 1). */
void		hj212_slice_copy(hj212_slice s, char *buf, size_t bufsz);
/* A slice of 1 to max_digits (at most 9) decimal digits as a number; -1 otherwise. */
int			hj212_slice_uint(hj212_slice s, int max_digits);

#endif
