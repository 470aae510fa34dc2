/*
 * pg_network.c — glue for loading the national network's hourly station and
 * city files (eco.load_network_file in src/sql/60_network_ingest.sql).  The
 * reading and validation of lines and cells is in src/core/network_file.c;
 * this file pivots the file's rows (one per hour and type) into station-hours
 * and reports every rejected cell or line.
 */
#include "eco_glue.h"

#include "network_file.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(network_header);
PG_FUNCTION_INFO_V1(network_parse);
PG_FUNCTION_INFO_V1(network_split);

/* eco._network_split(line): the fields of a CSV line, quotes removed. */
Datum
network_split(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			n = nf_split(s, len, NULL, 0);
	nf_field   *f;
	Datum	   *elems;
	char	   *buf;

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unterminated quoted field in CSV line \"%.60s\"", s)));
	f = palloc(sizeof(nf_field) * n);
	nf_split(s, len, f, n);
	elems = palloc(sizeof(Datum) * n);
	buf = palloc(len + 1);
	for (int i = 0; i < n; i++)
	{
		size_t		k = nf_unquote(&f[i], buf);

		elems[i] = PointerGetDatum(cstring_to_text_with_len(buf, (int) k));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* Fields of the header line; ERROR 22P02 unless it reads date,hour,type,<codes>. */
static nf_field *
header_fields(text *t, int *nst, const char **base)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	size_t		bom = nf_skip_bom(s, len);
	int			n;
	nf_field   *f;

	s += bom;
	len -= (int) bom;
	n = nf_split(s, len, NULL, 0);
	if (n < 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("network file header must be \"date,hour,type,<station codes>\", not \"%.80s\"", s)));
	f = palloc(sizeof(nf_field) * n);
	nf_split(s, len, f, n);
	if (f[0].len != 4 || pg_strncasecmp(f[0].p, "date", 4) != 0 ||
		f[1].len != 4 || pg_strncasecmp(f[1].p, "hour", 4) != 0 ||
		f[2].len != 4 || pg_strncasecmp(f[2].p, "type", 4) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("network file header must be \"date,hour,type,<station codes>\", not \"%.80s\"", s)));
	*nst = n - 3;
	*base = s;
	return f + 3;
}

static char *
field_cstring(const nf_field *f)
{
	char	   *buf = palloc(f->len + 1);

	nf_unquote(f, buf);
	return buf;
}

/* eco._network_header(line): the station codes (or city names) of a header line. */
Datum
network_header(PG_FUNCTION_ARGS)
{
	int			nst;
	const char *base;
	nf_field   *f = header_fields(PG_GETARG_TEXT_PP(0), &nst, &base);
	Datum	   *elems = palloc(sizeof(Datum) * nst);

	for (int i = 0; i < nst; i++)
		elems[i] = CStringGetTextDatum(field_cstring(&f[i]));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, nst, TEXTOID, -1, false, TYPALIGN_INT));
}

/* ---------- eco._network_parse ---------- */

/* One (date, hour) of the load: a cell per station and type. */
typedef struct slot
{
	int64		key;			/* julian day * 24 + hour, -1 = empty bucket */
	int			cap;			/* sites allocated */
	double	   *v;				/* [site][type] */
	uint8	   *set;			/* 1 = value */
} slot;

typedef struct parse_state
{
	/* sites: every distinct code of every header, with a hash from code to site */
	int			nsite;
	int			site_cap;
	char	  **code;
	bool	   *known;
	int		   *hash;			/* open addressing, -1 empty */
	int			hash_cap;
	/* known codes (from SQL) */
	char	  **known_codes;
	int			nknown;
	/* the current section's header */
	int			ncol;			/* -1: no valid header */
	int		   *col_site;
	int			col_cap;
	/* slots */
	slot	   *tab;
	int			cap;
	int			used;
	/* output */
	Tuplestorestate *ts;
	TupleDesc	td;
	const char *file;			/* current section's file name */
	int64		cells_rejected;
} parse_state;

#define N_VALS 7				/* kind .. hour_ending */
#define N_OUT (N_VALS + NF_N_TYPES + 3)	/* + n_cells, file_name, cells_rejected */

static uint32
str_hash(const char *p)
{
	uint32		h = 2166136261u;

	for (; *p; p++)
		h = (h ^ (unsigned char) *p) * 16777619u;
	return h;
}

static void
site_hash_grow(parse_state *ps)
{
	int			cap = ps->hash_cap ? ps->hash_cap * 2 : 256;

	ps->hash = palloc(sizeof(int) * cap);
	for (int i = 0; i < cap; i++)
		ps->hash[i] = -1;
	ps->hash_cap = cap;
	for (int s = 0; s < ps->nsite; s++)
	{
		uint32		h = str_hash(ps->code[s]);

		while (ps->hash[h % cap] >= 0)
			h++;
		ps->hash[h % cap] = s;
	}
}

/* Site of a code, added (with its known flag) when new. */
static int
site_of(parse_state *ps, char *code)
{
	uint32		h;

	if ((ps->nsite + 1) * 2 > ps->hash_cap)
		site_hash_grow(ps);
	for (h = str_hash(code);; h++)
	{
		int			s = ps->hash[h % ps->hash_cap];

		if (s < 0)
			break;
		if (strcmp(ps->code[s], code) == 0)
			return s;
	}
	if (ps->nsite == ps->site_cap)
	{
		ps->site_cap = ps->site_cap ? ps->site_cap * 2 : 256;
		ps->code = ps->code ? repalloc(ps->code, sizeof(char *) * ps->site_cap) : palloc(sizeof(char *) * ps->site_cap);
		ps->known = ps->known ? repalloc(ps->known, sizeof(bool) * ps->site_cap) : palloc(sizeof(bool) * ps->site_cap);
	}
	ps->code[ps->nsite] = code;
	ps->known[ps->nsite] = false;
	for (int k = 0; k < ps->nknown; k++)
		if (strcmp(ps->known_codes[k], code) == 0)
		{
			ps->known[ps->nsite] = true;
			break;
		}
	ps->hash[h % ps->hash_cap] = ps->nsite;
	return ps->nsite++;
}

static void
put_row(parse_state *ps, const char *kind, int64 line, const char *column, const char *raw, size_t rawlen,
		const char *reason)
{
	Datum		values[N_OUT];
	bool		nulls[N_OUT];

	memset(nulls, true, sizeof nulls);
	values[0] = CStringGetTextDatum(kind);
	nulls[0] = false;
	values[1] = Int64GetDatum(line);
	nulls[1] = false;
	if (column)
	{
		values[2] = CStringGetTextDatum(column);
		nulls[2] = false;
	}
	if (raw)
	{
		values[3] = PointerGetDatum(cstring_to_text_with_len(raw, (int) rawlen));
		nulls[3] = false;
	}
	if (reason)
	{
		values[4] = CStringGetTextDatum(reason);
		nulls[4] = false;
	}
	values[N_VALS + NF_N_TYPES + 1] = CStringGetTextDatum(ps->file);
	nulls[N_VALS + NF_N_TYPES + 1] = false;
	tuplestore_putvalues(ps->ts, ps->td, values, nulls);
}

/* A rejected line counts as one rejected cell per station column (none when the section has no header). */
static void
reject_line(parse_state *ps, int64 line, const char *column, const char *raw, size_t rawlen, const char *reason)
{
	put_row(ps, "r", line, column, raw, rawlen, reason);
	ps->cells_rejected += Max(ps->ncol, 0);
}

static void
reject_cell(parse_state *ps, int64 line, int site, const nf_field *cf, const char *reason)
{
	char	   *buf = palloc(cf->len + 1);
	size_t		n = nf_unquote(cf, buf);

	put_row(ps, "r", line, ps->code[site], buf, n, reason);
	ps->cells_rejected++;
	pfree(buf);
}

static slot *
slot_get(parse_state *ps, int64 key)
{
	uint64		h;

	if (ps->used * 2 >= ps->cap)
	{
		slot	   *old = ps->tab;
		int			oldcap = ps->cap;

		ps->cap = oldcap ? oldcap * 2 : 64;
		ps->tab = palloc(sizeof(slot) * ps->cap);
		for (int i = 0; i < ps->cap; i++)
			ps->tab[i].key = -1;
		for (int i = 0; i < oldcap; i++)
			if (old[i].key >= 0)
			{
				h = ((uint64) old[i].key * UINT64CONST(0x9E3779B97F4A7C15)) >> 20;
				while (ps->tab[h % ps->cap].key >= 0)
					h++;
				ps->tab[h % ps->cap] = old[i];
			}
		if (old)
			pfree(old);
	}
	h = ((uint64) key * UINT64CONST(0x9E3779B97F4A7C15)) >> 20;
	for (;; h++)
	{
		slot	   *s = &ps->tab[h % ps->cap];

		if (s->key == key)
		{
			if (s->cap < ps->nsite)
			{
				/* a later section brought new stations */
				s->v = repalloc(s->v, sizeof(double) * ps->nsite * NF_N_TYPES);
				s->set = repalloc(s->set, ps->nsite * NF_N_TYPES);
				memset(s->set + (size_t) s->cap * NF_N_TYPES, 0, (size_t) (ps->nsite - s->cap) * NF_N_TYPES);
				s->cap = ps->nsite;
			}
			return s;
		}
		if (s->key < 0)
		{
			s->key = key;
			s->cap = ps->nsite;
			s->v = palloc(sizeof(double) * ps->nsite * NF_N_TYPES);
			s->set = palloc0(ps->nsite * NF_N_TYPES);
			ps->used++;
			return s;
		}
	}
}

static int
cmp_slot(const void *a, const void *b)
{
	int64		x = ((const slot *) a)->key,
				y = ((const slot *) b)->key;

	return x < y ? -1 : x > y;
}

static bool
is_header(const char *s, int len)
{
	size_t		bom = nf_skip_bom(s, len);

	return len - (int) bom >= 15 && pg_strncasecmp(s + bom, "date,hour,type,", 15) == 0;
}

/* Start a section at a header line: map its columns to sites. */
static void
section_header(parse_state *ps, text *t)
{
	int			nst;
	const char *base;
	nf_field   *hf = header_fields(t, &nst, &base);

	if (nst > ps->col_cap)
	{
		ps->col_cap = nst;
		ps->col_site = ps->col_site ? repalloc(ps->col_site, sizeof(int) * nst) : palloc(sizeof(int) * nst);
	}
	ps->ncol = nst;
	for (int c = 0; c < nst; c++)
		ps->col_site[c] = site_of(ps, field_cstring(&hf[c]));
}

/*
 * eco._network_parse(file text, lines text[], known text[], progress_every bigint)
 * The lines of one file, or of several each preceded by a line '#file <name>'; each file starts with its header.
 * known = the header codes present in eco.site.  Rows: kind 'f' (a file of the load, in file_name), 'r' (reject:
 * line, column, raw, reason, file_name), 'v' (station-hour: code, hour ending, the 15 values, the number of values),
 * 's' (summary: data lines read in line_no, cells read in n_cells, cells rejected in cells_rejected).
 */
Datum
network_parse(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *lines = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *known_arr = PG_GETARG_ARRAYTYPE_P(2);
	int64		progress = PG_GETARG_INT64(3);
	parse_state ps;
	Datum	   *ld,
			   *kd;
	bool	   *ln,
			   *kn;
	int			nlines,
				nknown;
	nf_field   *f = NULL;
	int			fcap = 0;
	int64		cells = 0,
				data_lines = 0,
				next_note,
				lineno = 0;
	bool		need_header = true;

	InitMaterializedSRF(fcinfo, 0);
	memset(&ps, 0, sizeof ps);
	ps.ts = rsinfo->setResult;
	ps.td = rsinfo->setDesc;
	ps.ncol = -1;
	ps.file = TextDatumGetCString(PG_GETARG_DATUM(0));
	deconstruct_array(known_arr, TEXTOID, -1, false, TYPALIGN_INT, &kd, &kn, &nknown);
	ps.known_codes = palloc(sizeof(char *) * Max(nknown, 1));
	for (int k = 0; k < nknown; k++)
		if (!kn[k])
			ps.known_codes[ps.nknown++] = TextDatumGetCString(kd[k]);
	deconstruct_array(lines, TEXTOID, -1, false, TYPALIGN_INT, &ld, &ln, &nlines);
	next_note = progress > 0 ? progress : PG_INT64_MAX;
	put_row(&ps, "f", 0, NULL, NULL, 0, NULL);

	for (int li = 0; li < nlines; li++)
	{
		text	   *t;
		const char *s;
		int			len,
					n,
					y,
					m,
					d,
					hour,
					type;
		slot	   *sl;

		CHECK_FOR_INTERRUPTS();
		t = ln[li] ? NULL : DatumGetTextPP(ld[li]);
		s = t ? VARDATA_ANY(t) : "";
		len = t ? VARSIZE_ANY_EXHDR(t) : 0;
		/* '#file <name>': the next lines are another file */
		if (len > 6 && strncmp(s, "#file ", 6) == 0)
		{
			int			k = 6;

			while (k < len && s[k] == ' ')
				k++;
			while (len > k && (s[len - 1] == ' ' || s[len - 1] == '\r'))
				len--;
			ps.file = pnstrdup(s + k, len - k);
			put_row(&ps, "f", 0, NULL, NULL, 0, NULL);
			lineno = 0;
			need_header = true;
			ps.ncol = -1;
			continue;
		}
		lineno++;
		if (need_header || is_header(s, len))
		{
			need_header = false;
			if (t && is_header(s, len))
			{
				section_header(&ps, t);
				if (ps.ncol + 3 > fcap)
				{
					fcap = ps.ncol + 3;
					f = f ? repalloc(f, sizeof(nf_field) * fcap) : palloc(sizeof(nf_field) * fcap);
				}
			}
			else
			{
				ps.ncol = -1;
				reject_line(&ps, lineno, NULL, s, Min(len, 200), "bad header");
			}
			continue;
		}
		data_lines++;
		if (ps.ncol < 0)
		{
			reject_line(&ps, lineno, NULL, s, Min(len, 200), "no header");
			continue;
		}
		cells += ps.ncol;
		if (len == 0 || (len == 1 && s[0] == '\r'))
		{
			reject_line(&ps, lineno, NULL, "", 0, "empty line");
			continue;
		}
		n = nf_split(s, len, f, ps.ncol + 3);
		if (n != ps.ncol + 3)
		{
			reject_line(&ps, lineno, NULL, s, Min(len, 200), n < 0 ? "unterminated quote" : "wrong number of fields");
			continue;
		}
		if (!nf_parse_date(f[0].p, f[0].len, &y, &m, &d))
		{
			reject_line(&ps, lineno, "date", f[0].p, f[0].len, "bad date");
			continue;
		}
		hour = nf_parse_hour(f[1].p, f[1].len);
		if (hour < 0)
		{
			reject_line(&ps, lineno, "hour", f[1].p, f[1].len, "hour out of range");
			continue;
		}
		type = nf_type_parse(f[2].p, f[2].len);
		if (type < 0)
		{
			reject_line(&ps, lineno, "type", f[2].p, f[2].len, "unknown type");
			continue;
		}
		sl = slot_get(&ps, (int64) date2j(y, m, d) * 24 + hour);
		for (int c = 0; c < ps.ncol; c++)
		{
			const nf_field *cf = &f[3 + c];
			int			site = ps.col_site[c];
			size_t		idx = (size_t) site * NF_N_TYPES + type;
			double		v;
			nf_status	st = nf_parse_value(cf->p, cf->len, &v);

			if (st == NF_OK && type == NF_AQI && v != floor(v))
				reject_cell(&ps, lineno, site, cf, "AQI not an integer");
			else if (st == NF_OK && !ps.known[site])
				reject_cell(&ps, lineno, site, cf, "unknown station");
			else if (st == NF_OK && sl->set[idx] && sl->v[idx] != v)
				reject_cell(&ps, lineno, site, cf, "duplicate with a different value");
			else if (st == NF_OK)
			{
				sl->v[idx] = v;
				sl->set[idx] = 1;
			}
			else
				reject_cell(&ps, lineno, site, cf, nf_status_reason(st));
		}
		if (cells >= next_note)
		{
			ereport(NOTICE,
					(errmsg("network file %s: line %lld, %lld cells read", ps.file, (long long) lineno,
							(long long) cells)));
			next_note += progress;
		}
	}

	/* station-hours, in time order */
	{
		slot	   *order = palloc(sizeof(slot) * Max(ps.used, 1));
		int			k = 0;

		for (int i = 0; i < ps.cap; i++)
			if (ps.tab[i].key >= 0)
				order[k++] = ps.tab[i];
		qsort(order, k, sizeof(slot), cmp_slot);
		for (int i = 0; i < k; i++)
		{
			int64		day = order[i].key / 24 - POSTGRES_EPOCH_JDATE;
			int			hour = (int) (order[i].key % 24);
			Timestamp	ts = day * USECS_PER_DAY + (int64) hour * USECS_PER_HOUR;

			for (int st = 0; st < order[i].cap; st++)
			{
				Datum		values[N_OUT];
				bool		nulls[N_OUT];
				int			nv = 0;

				memset(nulls, true, sizeof nulls);
				for (int ty = 0; ty < NF_N_TYPES; ty++)
				{
					size_t		idx = (size_t) st * NF_N_TYPES + ty;

					nulls[N_VALS + ty] = !order[i].set[idx];
					values[N_VALS + ty] = Float8GetDatum(order[i].v[idx]);
					nv += order[i].set[idx];
				}
				if (nv == 0)
					continue;
				values[0] = CStringGetTextDatum("v");
				nulls[0] = false;
				values[5] = CStringGetTextDatum(ps.code[st]);
				nulls[5] = false;
				values[6] = TimestampGetDatum(ts);
				nulls[6] = false;
				values[N_VALS + NF_N_TYPES] = Int64GetDatum(nv);
				nulls[N_VALS + NF_N_TYPES] = false;
				tuplestore_putvalues(ps.ts, ps.td, values, nulls);
			}
		}
	}
	/* summary */
	{
		Datum		values[N_OUT];
		bool		nulls[N_OUT];

		memset(nulls, true, sizeof nulls);
		values[0] = CStringGetTextDatum("s");
		nulls[0] = false;
		values[1] = Int64GetDatum(data_lines);
		nulls[1] = false;
		values[N_VALS + NF_N_TYPES] = Int64GetDatum(cells);
		nulls[N_VALS + NF_N_TYPES] = false;
		values[N_VALS + NF_N_TYPES + 2] = Int64GetDatum(ps.cells_rejected);
		nulls[N_VALS + NF_N_TYPES + 2] = false;
		tuplestore_putvalues(ps.ts, ps.td, values, nulls);
	}
	return (Datum) 0;
}
