/*
 * network_file.h — the national air-quality network's hourly station and
 * city files (china_sites_YYYYMMDD.csv, china_cities_YYYYMMDD.csv) and its
 * station list: CSV splitting, the row key (date, hour, type) and the cell
 * values, with the reason of every rejection.  Pure C99: no PostgreSQL
 * header.
 *
 * File layout: header "date,hour,type,<one column per station code or city
 * name>", then one row per hour (0-23) and type.  The hour is the end of the
 * averaging hour: hour 0 of day D averages 23:00-24:00 of day D-1 (HJ 663
 * hour 24 of D-1), so the hour ending is simply D + hour hours.
 */
#ifndef ECO_NETWORK_FILE_H
#define ECO_NETWORK_FILE_H

#include <stddef.h>

/* The types of the rows, in the order of the values of a station-hour. */
typedef enum nf_type
{
	NF_AQI = 0,
	NF_PM25,
	NF_PM25_24H,
	NF_PM10,
	NF_PM10_24H,
	NF_SO2,
	NF_SO2_24H,
	NF_NO2,
	NF_NO2_24H,
	NF_O3,
	NF_O3_24H,
	NF_O3_8H,
	NF_O3_8H_24H,
	NF_CO,
	NF_CO_24H,
	NF_N_TYPES
} nf_type;

/* The type's name as the files write it ('AQI', 'PM2.5', 'PM2.5_24h', ...). */
const char *nf_type_name(nf_type t);

/* Type of a name (exact, as the files write it; case-insensitive); -1 when unknown. */
int			nf_type_parse(const char *s, size_t len);

/* Outcome of reading one cell. */
typedef enum nf_status
{
	NF_OK = 0,
	NF_EMPTY,					/* '' or 'NA' (the feed's missing value) */
	NF_NOT_MONITORED,			/* '/' (pollutant not monitored at the station) */
	NF_NON_NUMERIC,
	NF_NEGATIVE,
	NF_NOT_FINITE,				/* overflows a double */
	NF_N_STATUS
} nf_status;

/* Reason text of a status (reject table): 'empty', 'not monitored', 'non-numeric', 'negative', ... */
const char *nf_status_reason(nf_status s);

/*
 * Read a cell: a plain decimal number ([+-]digits[.digits][e[+-]digits],
 * surrounding blanks allowed).  Negative values (instrument noise) are
 * NF_NEGATIVE with *out set, never loaded as HJ 633 concentrations.
 */
nf_status	nf_parse_value(const char *s, size_t len, double *out);

/* One field of a CSV line: start and length, quotes removed only if *quoted. */
typedef struct nf_field
{
	const char *p;
	size_t		len;
	int			quoted;			/* the field was in double quotes (may contain "") */
} nf_field;

/*
 * Split a CSV line (RFC 4180 quotes; a trailing CR is ignored) into at most
 * max fields.  Returns the number of fields in the line (which may exceed
 * max: only the first max are stored), or -1 for an unterminated quote.
 */
int			nf_split(const char *line, size_t len, nf_field *fields, int max);

/* Unquote a quoted field into buf (size >= f->len + 1); returns the length. */
size_t		nf_unquote(const nf_field *f, char *buf);

/*
 * Date of a row: YYYYMMDD or YYYY-MM-DD (also YYYY/MM/DD), a real calendar
 * date from year 1900 to 9999.  Returns 1 and sets y, m, d; 0 otherwise.
 */
int			nf_parse_date(const char *s, size_t len, int *y, int *m, int *d);

/* Hour of a row: an integer 0..23 (blanks allowed); -1 otherwise. */
int			nf_parse_hour(const char *s, size_t len);

/* Skip a UTF-8 byte-order mark at the start of a header line. */
size_t		nf_skip_bom(const char *s, size_t len);

#endif
