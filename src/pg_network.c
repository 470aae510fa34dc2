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

/* One (date, hour) of the file: a cell per station and type. */
typedef struct slot
{
	int64		key;			/* julian day * 24 + hour, -1 = empty bucket */
	double	   *v;				/* [site][type] */
	uint8	   *set;			/* 1 = value */
} slot;

typedef struct parse_state
{
	int			nsite;			/* distinct codes */
	int			ncol;			/* header columns */
	int		   *col_site;		/* column -> site */
	bool	   *known;			/* by site */
	char	  **code;			/* by site */
	slot	   *tab;
	int			cap;
	int			used;
	Tuplestorestate *ts;
	TupleDesc	td;
} parse_state;

#define N_OUT (7 + NF_N_TYPES + 1)

static void
put_reject(parse_state *ps, int64 line, const char *column, const char *raw, size_t rawlen, const char *reason)
{
	Datum		values[N_OUT];
	bool		nulls[N_OUT];

	memset(nulls, true, sizeof nulls);
	values[0] = CStringGetTextDatum("r");
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
	values[4] = CStringGetTextDatum(reason);
	nulls[4] = false;
	tuplestore_putvalues(ps->ts, ps->td, values, nulls);
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
			return s;
		if (s->key < 0)
		{
			s->key = key;
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

/*
 * eco._network_parse(header text, lines text[], known text[], progress_every bigint)
 * lines[1] is the header (file line 1); known = the header codes present in eco.site.
 * Rows: kind 'r' (reject: line, column, raw, reason), 'v' (station-hour: code, hour ending, the 15 values,
 * the number of values), 's' (summary: lines read in line, cells read in n_cells).
 */
Datum
network_parse(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *lines = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *known_arr = PG_GETARG_ARRAYTYPE_P(2);
	int64		progress = PG_GETARG_INT64(3);
	parse_state ps;
	const char *hbase;
	nf_field   *hf;
	Datum	   *ld,
			   *kd;
	bool	   *ln,
			   *kn;
	int			nlines,
				nknown;
	nf_field   *f;
	int64		cells = 0,
				next_note;
	char	   *codebuf;

	InitMaterializedSRF(fcinfo, 0);
	memset(&ps, 0, sizeof ps);
	ps.ts = rsinfo->setResult;
	ps.td = rsinfo->setDesc;
	hf = header_fields(PG_GETARG_TEXT_PP(0), &ps.ncol, &hbase);

	/* distinct codes; a repeated column maps to the same site */
	ps.col_site = palloc(sizeof(int) * ps.ncol);
	ps.code = palloc(sizeof(char *) * ps.ncol);
	for (int c = 0; c < ps.ncol; c++)
	{
		char	   *code = field_cstring(&hf[c]);
		int			s;

		for (s = 0; s < ps.nsite && strcmp(ps.code[s], code) != 0; s++)
			;
		if (s == ps.nsite)
			ps.code[ps.nsite++] = code;
		ps.col_site[c] = s;
	}
	deconstruct_array(known_arr, TEXTOID, -1, false, TYPALIGN_INT, &kd, &kn, &nknown);
	ps.known = palloc0(sizeof(bool) * ps.nsite);
	for (int k = 0; k < nknown; k++)
	{
		char	   *kc;

		if (kn[k])
			continue;
		kc = TextDatumGetCString(kd[k]);
		for (int s = 0; s < ps.nsite; s++)
			if (strcmp(ps.code[s], kc) == 0)
				ps.known[s] = true;
	}

	deconstruct_array(lines, TEXTOID, -1, false, TYPALIGN_INT, &ld, &ln, &nlines);
	f = palloc(sizeof(nf_field) * (ps.ncol + 3));
	codebuf = palloc(1);
	next_note = progress > 0 ? progress : PG_INT64_MAX;
	for (int li = 1; li < nlines; li++)
	{
		int64		lineno = li + 1;
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
		cells += ps.ncol;
		if (ln[li])
		{
			put_reject(&ps, lineno, NULL, NULL, 0, "empty line");
			continue;
		}
		t = DatumGetTextPP(ld[li]);
		s = VARDATA_ANY(t);
		len = VARSIZE_ANY_EXHDR(t);
		if (len == 0 || (len == 1 && s[0] == '\r'))
		{
			put_reject(&ps, lineno, NULL, "", 0, "empty line");
			continue;
		}
		n = nf_split(s, len, f, ps.ncol + 3);
		if (n != ps.ncol + 3)
		{
			put_reject(&ps, lineno, NULL, s, Min(len, 200),
					   n < 0 ? "unterminated quote" : "wrong number of fields");
			continue;
		}
		if (!nf_parse_date(f[0].p, f[0].len, &y, &m, &d))
		{
			put_reject(&ps, lineno, "date", f[0].p, f[0].len, "bad date");
			continue;
		}
		hour = nf_parse_hour(f[1].p, f[1].len);
		if (hour < 0)
		{
			put_reject(&ps, lineno, "hour", f[1].p, f[1].len, "hour out of range");
			continue;
		}
		type = nf_type_parse(f[2].p, f[2].len);
		if (type < 0)
		{
			put_reject(&ps, lineno, "type", f[2].p, f[2].len, "unknown type");
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
				put_reject(&ps, lineno, ps.code[site], cf->p, cf->len, "AQI not an integer");
			else if (st == NF_OK && !ps.known[site])
				put_reject(&ps, lineno, ps.code[site], cf->p, cf->len, "unknown station");
			else if (st == NF_OK && sl->set[idx] && sl->v[idx] != v)
				put_reject(&ps, lineno, ps.code[site], cf->p, cf->len, "duplicate with a different value");
			else if (st == NF_OK)
			{
				sl->v[idx] = v;
				sl->set[idx] = 1;
			}
			else
				put_reject(&ps, lineno, ps.code[site], cf->p, cf->len, nf_status_reason(st));
		}
		if (cells >= next_note)
		{
			ereport(NOTICE,
					(errmsg("network file: %lld of %d lines read (%lld cells)",
							(long long) lineno, nlines, (long long) cells)));
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

			for (int s = 0; s < ps.nsite; s++)
			{
				Datum		values[N_OUT];
				bool		nulls[N_OUT];
				int			nv = 0;

				for (int ty = 0; ty < NF_N_TYPES; ty++)
				{
					size_t		idx = (size_t) s * NF_N_TYPES + ty;

					nulls[7 + ty] = !order[i].set[idx];
					values[7 + ty] = Float8GetDatum(order[i].v[idx]);
					nv += order[i].set[idx];
				}
				if (nv == 0)
					continue;
				values[0] = CStringGetTextDatum("v");
				nulls[0] = false;
				nulls[1] = nulls[2] = nulls[3] = nulls[4] = true;
				values[5] = CStringGetTextDatum(ps.code[s]);
				nulls[5] = false;
				values[6] = TimestampGetDatum(ts);
				nulls[6] = false;
				values[7 + NF_N_TYPES] = Int64GetDatum(nv);
				nulls[7 + NF_N_TYPES] = false;
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
		values[1] = Int64GetDatum(Max(nlines - 1, 0));
		nulls[1] = false;
		values[7 + NF_N_TYPES] = Int64GetDatum(cells);
		nulls[7 + NF_N_TYPES] = false;
		tuplestore_putvalues(ps.ts, ps.td, values, nulls);
	}
	(void) hbase;
	(void) codebuf;
	return (Datum) 0;
}
