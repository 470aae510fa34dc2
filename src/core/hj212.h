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
/* A value field is at least 8 bytes ("a-Rtd=1;"), so a 1024-byte segment holds fewer. */
#define HJ212_MAX_VALUES 160
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
	HJ212_ERR_UNKNOWN_CODE		/* item code in neither the 2017 nor the 2005 tables */
} hj212_status;
#define HJ212_N_STATUS 7

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

const char *hj212_status_name(hj212_status s);	/* "ok", "framing", "length", "crc", ... */
const char *hj212_kind_name(hj212_kind k);	/* "Rtd", "Min", "Avg", ... */
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

#endif
