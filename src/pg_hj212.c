/*
 * pg_hj212.c — glue for HJ 212-2017 packets: eco.hj212_parse, eco.hj212_values,
 * eco.hj212_frame, eco.hj212_crc, the row builder of eco.hj212_ingest and the
 * views of the item and flag tables.  Parsing lives in src/core/hj212.c.
 */
#include "eco_glue.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "access/xact.h"
#include "executor/spi.h"
#include "nodes/params.h"
#include "executor/tuptable.h"
#include "utils/resowner.h"
#include "lib/stringinfo.h"
#include "nodes/pg_list.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"

#include "hj212.h"

static Timestamp
hj_timestamp(const hj212_time *t)
{
	int64		days = date2j(t->year, t->month, t->day) - POSTGRES_EPOCH_JDATE;

	return days * USECS_PER_DAY
		+ ((int64) t->hour * 3600 + t->minute * 60 + t->second) * USECS_PER_SEC;
}

static text *
slice_text(hj212_slice s)
{
	return cstring_to_text_with_len(s.p, s.len);
}

/* A non-negative integer slice of up to 9 digits, or -1. */
static int
slice_int(hj212_slice s)
{
	return hj212_slice_uint(s, 9);
}

static void
report_bad_packet(hj212_status st, const hj212_error *e)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid HJ 212 packet (%s): %s", hj212_status_name(st), e->detail),
			 e->offset >= 0 ? errdetail("At byte %d of the packet.", e->offset) : 0,
			 errhint("eco.hj212_parse shows the header fields and the reason without raising an error.")));
}

/* ---------- eco.hj212_parse(packet text) ---------- */
PG_FUNCTION_INFO_V1(hj212_parse_packet);
Datum
hj212_parse_packet(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	hj212_packet *pkt = palloc(sizeof(hj212_packet));
	hj212_error e;
	hj212_status st;
	TupleDesc	tupdesc;
	Datum		v[16];
	bool		n[16];
	char		hex[8];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	st = hj212_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), 1, 0, pkt, &e);
	memset(n, true, sizeof n);
	if (st == HJ212_OK && pkt->crc_sent != pkt->crc_computed)
	{
		st = HJ212_ERR_CRC;
		snprintf(e.detail, sizeof e.detail, "sent %04X, computed %04X", pkt->crc_sent, pkt->crc_computed);
	}
	v[0] = CStringGetTextDatum(hj212_status_name(st));
	n[0] = false;
	if (st != HJ212_OK)
	{
		v[1] = CStringGetTextDatum(e.detail);
		n[1] = false;
	}
	/* Whatever was read before the error is shown. */
	if (pkt->data.p)
	{
		v[2] = Int32GetDatum(pkt->declared_len);
		n[2] = false;
		snprintf(hex, sizeof hex, "%04X", pkt->crc_sent);
		v[13] = CStringGetTextDatum(hex);
		snprintf(hex, sizeof hex, "%04X", pkt->crc_computed);
		v[14] = CStringGetTextDatum(hex);
		v[15] = BoolGetDatum(pkt->crc_sent == pkt->crc_computed);
		n[13] = n[14] = n[15] = false;
	}
	{
		hj212_slice *h[6] = {&pkt->qn, &pkt->st, &pkt->cn, &pkt->pw, &pkt->mn, &pkt->flag};

		for (int i = 0; i < 5; i++)
			if (h[i]->p)
			{
				v[3 + i] = PointerGetDatum(slice_text(*h[i]));
				n[3 + i] = false;
			}
		if (slice_int(pkt->flag) >= 0)
		{
			v[8] = Int32GetDatum(slice_int(pkt->flag));
			n[8] = false;
		}
		if (slice_int(pkt->pnum) >= 0)
		{
			v[9] = Int32GetDatum(slice_int(pkt->pnum));
			n[9] = false;
		}
		if (slice_int(pkt->pno) >= 0)
		{
			v[10] = Int32GetDatum(slice_int(pkt->pno));
			n[10] = false;
		}
	}
	if (pkt->has_data_time)
	{
		v[11] = TimestampGetDatum(hj_timestamp(&pkt->data_time));
		n[11] = false;
	}
	if (st == HJ212_OK || st == HJ212_ERR_CRC)
	{
		v[12] = Int32GetDatum(pkt->n_values);
		n[12] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, v, n)));
}

/* ---------- eco.hj212_values(packet text, strict boolean) ---------- */
/*
 * Materialized: all rows of a packet go into the tuplestore at once.  The
 * texts that repeat from row to row (kind names, 2017 codes, flags) are built
 * once per backend; the packet's MN and CN once per call.
 */
static Datum kind_text[HJ212_N_KINDS];
static Datum flag_text[256];
static Datum *code_text;			/* per item of hj212_items */

static void
init_text_cache(void)
{
	MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

	for (int k = 0; k < HJ212_N_KINDS; k++)
		kind_text[k] = CStringGetTextDatum(hj212_kind_name((hj212_kind) k));
	for (const char *f = hj212_flags; *f; f++)
	{
		char		s[2] = {*f, 0};

		flag_text[(unsigned char) *f] = CStringGetTextDatum(s);
	}
	code_text = palloc(sizeof(Datum) * hj212_n_items);
	for (int i = 0; i < hj212_n_items; i++)
		code_text[i] = CStringGetTextDatum(hj212_items[i].code);
	MemoryContextSwitchTo(old);
}

PG_FUNCTION_INFO_V1(hj212_values);
Datum
hj212_values(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	bool		strict = PG_ARGISNULL(1) ? true : PG_GETARG_BOOL(1);
	hj212_packet *pkt;
	hj212_error e;
	hj212_status st;
	Datum		v[13],
				mn,
				cn,
				dt;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	if (code_text == NULL)
		init_text_cache();
	pkt = palloc(sizeof(hj212_packet));
	st = hj212_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), 1, 1, pkt, &e);
	if (st != HJ212_OK)
	{
		if (strict)
			report_bad_packet(st, &e);
		pfree(pkt);
		return (Datum) 0;
	}
	mn = PointerGetDatum(slice_text(pkt->mn));
	cn = PointerGetDatum(slice_text(pkt->cn));
	dt = pkt->has_data_time ? TimestampGetDatum(hj_timestamp(&pkt->data_time)) : (Datum) 0;
	for (int i = 0; i < pkt->n_values; i++)
	{
		const hj212_value *val = &pkt->values[i];
		bool		n[13] = {0};

		v[0] = mn;
		v[1] = cn;
		v[2] = dt;
		n[2] = !pkt->has_data_time;
		v[3] = val->legacy ? PointerGetDatum(slice_text(val->code)) : code_text[val->item - hj212_items];
		v[4] = code_text[val->item - hj212_items];
		v[5] = Int16GetDatum((int16) val->pollutant_id);
		n[5] = val->pollutant_id < 0;
		v[6] = BoolGetDatum(val->legacy != 0);
		v[7] = kind_text[val->kind];
		v[8] = Float8GetDatum(val->value);
		v[9] = val->flag ? flag_text[(unsigned char) val->flag] : (Datum) 0;
		n[9] = val->flag == 0;
		v[10] = BoolGetDatum(hj212_flag_valid(val->flag));
		n[10] = val->flag == 0;
		v[11] = val->eflag.p ? PointerGetDatum(slice_text(val->eflag)) : (Datum) 0;
		n[11] = val->eflag.p == NULL;
		v[12] = val->has_sample_time ? TimestampGetDatum(hj_timestamp(&val->sample_time)) : (Datum) 0;
		n[12] = !val->has_sample_time;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	pfree(pkt);
	return (Datum) 0;
}

/*
 * vals[item][kind] as a float8[] built in place: the values present in field
 * order, absent fields NULL in the bitmap (the same array construct_md_array
 * would build, without a Datum and a null flag per element).
 */
static ArrayType *
flat_vals(const hj212_packet *pkt, const int *slot, int ni)
{
	int			nitems = ni * HJ212_N_KINDS;
	double	   *cell;
	bool	   *present;
	int			nonnull = 0,
				dataoff;
	Size		size;
	ArrayType  *a;
	bits8	   *bitmap;
	double	   *data;

	if (ni == 0)
		return construct_empty_array(FLOAT8OID);
	cell = palloc(sizeof(double) * nitems);
	present = palloc0(sizeof(bool) * nitems);
	for (int i = 0; i < pkt->n_values; i++)
	{
		int			c = slot[i] * HJ212_N_KINDS + pkt->values[i].kind;

		cell[c] = pkt->values[i].value;
		present[c] = true;
		nonnull++;
	}
	dataoff = ARR_OVERHEAD_WITHNULLS(2, nitems);
	size = dataoff + sizeof(double) * nonnull;
	a = (ArrayType *) palloc0(size);
	SET_VARSIZE(a, size);
	a->ndim = 2;
	a->dataoffset = dataoff;
	a->elemtype = FLOAT8OID;
	ARR_DIMS(a)[0] = ni;
	ARR_DIMS(a)[1] = HJ212_N_KINDS;
	ARR_LBOUND(a)[0] = 1;
	ARR_LBOUND(a)[1] = 1;
	bitmap = ARR_NULLBITMAP(a);
	data = (double *) ((char *) a + dataoff);
	for (int c = 0; c < nitems; c++)
		if (present[c])
		{
			bitmap[c / 8] |= (bits8) (1 << (c % 8));
			*data++ = cell[c];
		}
	pfree(cell);
	pfree(present);
	return a;
}

static bool
is_data_upload(int cn)
{
	return cn == 2011 || cn == 2051 || cn == 2061 || cn == 2031;
}

/*
 * The columns of eco.outlet_reading from a parsed packet, from codes on:
 * v[0] codes text[], v[1] flags text, v[2] vals float8[][], v[3] eflags
 * text[], v[4] sample_times timestamp[], v[5] legacy.  Items in order of
 * first appearance; one row of HJ212_N_KINDS values each.
 */
static void
reading_columns(const hj212_packet *pkt, Datum *v, bool *n)
{
	const hj212_item **items = palloc(sizeof(hj212_item *) * (pkt->n_values + 1));
	int		   *slot = palloc(sizeof(int) * (pkt->n_values + 1));
	int			ni = 0;
	Datum	   *codes,
			   *eflags,
			   *stimes;
	bool	   *enull,
			   *snull;
	char	   *flags;
	bool		any_e = false,
				any_s = false,
				legacy = false;
	int			lbs[1] = {1};

	for (int i = 0; i < pkt->n_values; i++)
	{
		int			k;

		/* the last item first: the fields of one item come together */
		if (ni > 0 && items[ni - 1] == pkt->values[i].item)
			k = ni - 1;
		else
		{
			for (k = 0; k < ni; k++)
				if (items[k] == pkt->values[i].item)
					break;
			if (k == ni)
				items[ni++] = pkt->values[i].item;
		}
		slot[i] = k;
	}
	codes = palloc(sizeof(Datum) * (ni + 1));
	eflags = palloc(sizeof(Datum) * (ni + 1));
	stimes = palloc(sizeof(Datum) * (ni + 1));
	enull = palloc(sizeof(bool) * (ni + 1));
	snull = palloc(sizeof(bool) * (ni + 1));
	flags = palloc(ni + 1);
	for (int k = 0; k < ni; k++)
	{
		codes[k] = code_text[items[k] - hj212_items];
		flags[k] = '-';
		enull[k] = snull[k] = true;
		eflags[k] = stimes[k] = (Datum) 0;
	}
	flags[ni] = '\0';
	for (int i = 0; i < pkt->n_values; i++)
	{
		const hj212_value *val = &pkt->values[i];
		int			k = slot[i];

		if (val->flag)
			flags[k] = val->flag;
		if (val->eflag.p && enull[k])
		{
			eflags[k] = PointerGetDatum(slice_text(val->eflag));
			enull[k] = false;
			any_e = true;
		}
		if (val->has_sample_time && snull[k])
		{
			stimes[k] = TimestampGetDatum(hj_timestamp(&val->sample_time));
			snull[k] = false;
			any_s = true;
		}
		legacy |= val->legacy != 0;
	}
	v[0] = PointerGetDatum(construct_array(codes, ni, TEXTOID, -1, false, TYPALIGN_INT));
	v[1] = CStringGetTextDatum(flags);
	v[2] = PointerGetDatum(flat_vals(pkt, slot, ni));
	n[0] = n[1] = n[2] = false;
	n[3] = n[4] = true;
	if (any_e)
	{
		v[3] = PointerGetDatum(construct_md_array(eflags, enull, 1, &ni, lbs, TEXTOID, -1, false, TYPALIGN_INT));
		n[3] = false;
	}
	if (any_s)
	{
		v[4] = PointerGetDatum(construct_md_array(stimes, snull, 1, &ni, lbs, TIMESTAMPOID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		n[4] = false;
	}
	v[5] = BoolGetDatum(legacy);
	n[5] = false;
}

/* ---------- eco.hj212_ingest(batch_size, progress) ---------- */
/*
 * The caller's staged lines (eco.hj212_staging_lines, the partition of the
 * copy target eco.hj212_staging, staged_by = CURRENT_USER: the owner
 * bypasses the row-level security, so the ingest says it too) are consumed
 * batch by batch: one
 * DELETE ... RETURNING per batch, each line parsed here, the readings handed
 * to one INSERT ... SELECT FROM eco._hj212_pending() ON CONFLICT, the rejects
 * to one INSERT ... SELECT FROM unnest(arrays).  Everything runs as the
 * caller (row-level security of eco.outlet, eco.outlet_reading and
 * eco.hj212_reject applies).  Parts of split packets wait for the rest of
 * their set until the last batch; a set still incomplete then is rejected,
 * each part's line with it.
 */
#define READING_NATTS 11
#define MN_KEY 33
typedef struct reading_row
{
	Datum		v[READING_NATTS];
	bool		n[READING_NATTS];
} reading_row;
static reading_row **pending_rows;	/* the batch handed to eco._hj212_pending(), NULL outside an ingest */
static int	pending_count;
static bool ingest_running;

typedef struct reading_key
{
	char		mn[MN_KEY];		/* MN (at most 24 bytes), NUL-padded */
	int16		cn;
	Timestamp	ts;
} reading_key;

typedef struct reading_ent
{
	reading_key key;
	int			idx;			/* into the batch's rows */
} reading_ent;

typedef struct outlet_ent
{
	char		mn[MN_KEY];
	char	   *area;
} outlet_ent;

typedef struct hj_part
{
	int64		id;
	char	   *line;
	int			len;
	int			pno;
} hj_part;

typedef struct split_set
{
	char		key[128];		/* MN, CN, QN */
	int			pnum;
	int			have;
	char		mn[MN_KEY];
	hj_part *parts[HJ212_MAX_PARTS];
} split_set;

typedef struct batch_row
{
	int64		id;
	reading_row *row;			/* the columns, formed once into eco._hj212_pending()'s tuplestore */
	bool		dropped;
} batch_row;

typedef struct ingest_state
{
	MemoryContext callctx;
	HTAB	   *outlets;
	HTAB	   *sets;			/* split_set by key, in callctx */
	/* the batch */
	batch_row  *rows;
	int			nrows,
				maxrows;
	HTAB	   *keys;
	List	   *rej_line,
			   *rej_reason,
			   *rej_detail,
			   *rej_mn;
	int64		dup_in_batch;
	int64		dup_parts;
	int64		reassembled;
	char	   *cpbuf;
	/* counts of the call */
	int64		given,
				rejected,
				inserted,
				replaced,
				offered;
} ingest_state;

static void
add_reject(ingest_state *st, const char *line, int len, const char *reason, const char *detail, hj212_slice mn)
{
	st->rej_line = lappend(st->rej_line, line ? cstring_to_text_with_len(line, len) : NULL);
	st->rej_reason = lappend(st->rej_reason, cstring_to_text(reason));
	st->rej_detail = lappend(st->rej_detail, detail ? cstring_to_text(detail) : NULL);
	st->rej_mn = lappend(st->rej_mn, mn.p ? slice_text(mn) : NULL);
}

static void
mn_key(char *dst, hj212_slice mn)
{
	memset(dst, 0, MN_KEY);
	if (mn.p)
		memcpy(dst, mn.p, Min(mn.len, MN_KEY - 1));
}

/*
 * A whole packet (or a reassembled set) of the batch: a reading, or a reject
 * (returned: its reason and detail, not yet recorded).
 */
static const char *
add_packet(ingest_state *st, int64 id, hj212_packet *pkt, char **detail)
{
	int			cn = slice_int(pkt->cn);
	outlet_ent *o;
	char		key[MN_KEY];
	bool		found;
	Datum		v[READING_NATTS];
	bool		n[READING_NATTS];
	reading_key rk;
	reading_ent *re;

	if (!pkt->has_data_time && is_data_upload(cn))
	{
		*detail = pstrdup("no DataTime");
		return "timestamp";
	}
	mn_key(key, pkt->mn);
	o = pkt->mn.len <= 24 ? hash_search(st->outlets, key, HASH_FIND, NULL) : NULL;
	if (o == NULL)
	{
		*detail = psprintf("no outlet with MN %s", text_to_cstring(slice_text(pkt->mn)));
		return "unknown MN";
	}
	if (!is_data_upload(cn))
	{
		*detail = psprintf("CN %04d is not a data upload (2011, 2051, 2061, 2031)", cn);
		return "unsupported command";
	}
	v[0] = PointerGetDatum(slice_text(pkt->mn));
	v[1] = Int16GetDatum((int16) cn);
	v[2] = TimestampGetDatum(hj_timestamp(&pkt->data_time));
	v[3] = CStringGetTextDatum(o->area);
	v[4] = pkt->qn.p ? PointerGetDatum(slice_text(pkt->qn)) : (Datum) 0;
	memset(n, false, sizeof n);
	n[4] = pkt->qn.p == NULL;
	reading_columns(pkt, v + 5, n + 5);

	/* the same key twice in the batch: the last staged line wins */
	memset(&rk, 0, sizeof rk);
	memcpy(rk.mn, key, sizeof rk.mn);
	rk.cn = (int16) cn;
	rk.ts = DatumGetTimestamp(v[2]);
	re = hash_search(st->keys, &rk, HASH_ENTER, &found);
	if (found)
	{
		batch_row  *old = &st->rows[re->idx];

		st->dup_in_batch++;
		if (old->id > id)
			return NULL;
		old->dropped = true;
	}
	if (st->nrows == st->maxrows)
	{
		st->maxrows *= 2;
		st->rows = repalloc(st->rows, sizeof(batch_row) * st->maxrows);
	}
	re->idx = st->nrows;
	st->rows[st->nrows].id = id;
	st->rows[st->nrows].row = palloc(sizeof(reading_row));
	memcpy(st->rows[st->nrows].row->v, v, sizeof v);
	memcpy(st->rows[st->nrows].row->n, n, sizeof n);
	st->rows[st->nrows].dropped = false;
	st->nrows++;
	return NULL;
}

/* A complete set of parts: one reading, or each part's line rejected with the reason. */
static void
join_set(ingest_state *st, split_set *set, hj212_packet *out)
{
	const hj212_packet **parts = palloc(sizeof(hj212_packet *) * set->pnum);
	hj212_error e;
	hj212_status rc;
	int64		id = 0;
	const char *reason = NULL;
	char	   *detail = NULL;

	for (int i = 0; i < set->pnum; i++)
	{
		hj_part *p = set->parts[i];
		hj212_packet *pk = palloc(sizeof(hj212_packet));

		/* the header only: the values of a part are read from the joined CP area */
		if (hj212_parse_frame(p->line, p->len, 1, 1, pk, &e) != HJ212_OK)
			elog(ERROR, "split part %d no longer parses", p->pno);
		parts[i] = pk;
		id = Max(id, p->id);
	}
	if (st->cpbuf == NULL)
		st->cpbuf = MemoryContextAlloc(st->callctx, HJ212_MAX_PARTS * (HJ212_MAX_DATA + 1));
	rc = hj212_reassemble(parts, set->pnum, st->cpbuf, HJ212_MAX_PARTS * (HJ212_MAX_DATA + 1), out, &e);
	if (rc == HJ212_OK)
		reason = add_packet(st, id, out, &detail);
	else
	{
		reason = hj212_status_name(rc);
		detail = pstrdup(e.detail);
	}
	if (reason == NULL)
		st->reassembled += set->pnum;
	else
		for (int i = 0; i < set->pnum; i++)
			add_reject(st, set->parts[i]->line, set->parts[i]->len, reason,
					   psprintf("%s (split packet, part %d of %d)", detail, i + 1, set->pnum), parts[0]->mn);
	for (int i = 0; i < set->pnum; i++)
	{
		pfree(set->parts[i]->line);
		pfree(set->parts[i]);
		pfree((void *) parts[i]);
	}
	hash_search(st->sets, set->key, HASH_REMOVE, NULL);
}

/* A part of a split packet: kept (in callctx) until its set is complete. */
static void
add_part(ingest_state *st, int64 id, const char *line, int len, hj212_packet *pkt, hj212_packet *scratch)
{
	char		key[128];
	split_set  *set;
	bool		found;
	int			pnum = hj212_pnum(pkt),
				pno = hj212_pno(pkt);
	hj_part *part;

	if (pkt->qn.p == NULL || pkt->qn.len == 0 || pkt->qn.len > 64)
	{
		/* the parts of a set are matched by MN, CN and QN: without a QN a part has no set */
		add_reject(st, line, len, "split packet",
				   pkt->qn.len > 64 ? "QN longer than 64 characters" : "a part of a split packet without QN", pkt->mn);
		return;
	}
	memset(key, 0, sizeof key);
	snprintf(key, sizeof key, "%.*s|%.*s|%.*s", pkt->mn.len, pkt->mn.p, pkt->cn.len, pkt->cn.p,
			 pkt->qn.len, pkt->qn.p ? pkt->qn.p : "");
	set = hash_search(st->sets, key, HASH_ENTER, &found);
	if (!found)
	{
		memset(set->parts, 0, sizeof set->parts);
		set->pnum = pnum;
		set->have = 0;
		mn_key(set->mn, pkt->mn);
	}
	if (set->pnum != pnum)
	{
		add_reject(st, line, len, "split packet",
				   psprintf("PNUM %d differs from PNUM %d of the other parts of the set", pnum, set->pnum), pkt->mn);
		return;
	}
	if (set->parts[pno - 1])
	{
		/* the same part again: the last staged wins */
		hj_part *old = set->parts[pno - 1];

		st->dup_parts++;
		if (old->id > id)
			return;
		pfree(old->line);
		pfree(old);
		set->have--;
	}
	part = MemoryContextAlloc(st->callctx, sizeof(hj_part));
	part->id = id;
	part->line = MemoryContextAlloc(st->callctx, len + 1);
	memcpy(part->line, line, len);
	part->line[len] = '\0';
	part->len = len;
	part->pno = pno;
	set->parts[pno - 1] = part;
	if (++set->have == set->pnum)
		join_set(st, set, scratch);
}

static void
add_line(ingest_state *st, int64 id, text *t, hj212_packet *pkt, hj212_packet *scratch)
{
	hj212_error e;
	hj212_status rc;
	const char *line;
	const char *reason;
	char	   *detail = NULL;
	int			len;

	if (t == NULL)
	{
		add_reject(st, NULL, 0, "framing", "empty line", (hj212_slice) {NULL, 0});
		return;
	}
	line = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	rc = hj212_parse_frame(line, len, 1, 1, pkt, &e);
	if (rc == HJ212_OK && hj212_pnum(pkt) > 1)
	{
		add_part(st, id, line, len, pkt, scratch);
		return;
	}
	if (rc == HJ212_OK)
		rc = hj212_parse_cp(line, pkt, &e);
	if (rc != HJ212_OK)
	{
		add_reject(st, line, len, hj212_status_name(rc), e.detail, pkt->mn);
		return;
	}
	reason = add_packet(st, id, pkt, &detail);
	if (reason)
		add_reject(st, line, len, reason, detail, pkt->mn);
}

static ArrayType *
text_list_array(List *l)
{
	int			nn = list_length(l),
				i = 0,
				dims[1],
				lbs[1] = {1};
	Datum	   *d = palloc(sizeof(Datum) * (nn + 1));
	bool	   *isnull = palloc(sizeof(bool) * (nn + 1));
	ListCell   *c;

	dims[0] = nn;
	foreach(c, l)
	{
		d[i] = PointerGetDatum(lfirst(c));
		isnull[i] = lfirst(c) == NULL;
		i++;
	}
	return construct_md_array(d, isnull, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT);
}

/* Area of each reject's MN (NULL when the caller sees no such outlet). */
static ArrayType *
reject_areas(ingest_state *st)
{
	List	   *areas = NIL;
	ListCell   *c;

	foreach(c, st->rej_mn)
	{
		text	   *mn = lfirst(c);
		outlet_ent *o = NULL;

		if (mn && VARSIZE_ANY_EXHDR(mn) <= 24)
		{
			char		key[MN_KEY];

			mn_key(key, (hj212_slice) {VARDATA_ANY(mn), VARSIZE_ANY_EXHDR(mn)});
			o = hash_search(st->outlets, key, HASH_FIND, NULL);
		}
		areas = lappend(areas, (o && o->area) ? cstring_to_text(o->area) : NULL);
	}
	return text_list_array(areas);
}

static int64
flush_rejects(ingest_state *st, SPIPlanPtr plan)
{
	Datum		a[5];
	int64		nrej = list_length(st->rej_line);

	if (nrej == 0)
		return 0;
	a[0] = PointerGetDatum(text_list_array(st->rej_line));
	a[1] = PointerGetDatum(text_list_array(st->rej_reason));
	a[2] = PointerGetDatum(text_list_array(st->rej_detail));
	a[3] = PointerGetDatum(text_list_array(st->rej_mn));
	a[4] = PointerGetDatum(reject_areas(st));
	if (SPI_execute_plan(plan, a, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "eco.hj212_ingest: storing the rejects failed");
	if ((int64) SPI_processed != nrej)
		elog(ERROR, "eco.hj212_ingest: %lld rejects stored of %lld", (long long) SPI_processed, (long long) nrej);
	st->rej_line = st->rej_reason = st->rej_detail = st->rej_mn = NIL;
	return nrej;
}

static void
new_batch(ingest_state *st, MemoryContext batchctx)
{
	HASHCTL		hc;

	st->maxrows = 1024;
	st->nrows = 0;
	st->rows = MemoryContextAlloc(batchctx, sizeof(batch_row) * st->maxrows);
	memset(&hc, 0, sizeof hc);
	hc.keysize = sizeof(reading_key);
	hc.entrysize = sizeof(reading_ent);
	hc.hcxt = batchctx;
	st->keys = hash_create("hj212 batch keys", 1024, &hc, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	st->rej_line = st->rej_reason = st->rej_detail = st->rej_mn = NIL;
}

/* The end of the staged lines: a split set still incomplete is refused, each part's line. */
static void
reject_incomplete_sets(ingest_state *st)
{
	HASH_SEQ_STATUS hs;
	split_set  *set;

	hash_seq_init(&hs, st->sets);
	while ((set = hash_seq_search(&hs)) != NULL)
	{
		StringInfoData got;
		hj212_slice mn = {set->mn, (int) strlen(set->mn)};

		initStringInfo(&got);
		for (int k = 0; k < set->pnum; k++)
			if (set->parts[k])
				appendStringInfo(&got, "%s%d", got.len ? ", " : "", k + 1);
		for (int k = 0; k < set->pnum; k++)
			if (set->parts[k])
				add_reject(st, set->parts[k]->line, set->parts[k]->len, "split packet",
						   psprintf("incomplete: part %d of %d; parts received: %s", k + 1, set->pnum, got.data),
						   mn);
	}
}

static void
load_outlets(ingest_state *st, const char *nsp)
{
	HASHCTL		hc;

	memset(&hc, 0, sizeof hc);
	hc.keysize = MN_KEY;
	hc.entrysize = sizeof(outlet_ent);
	hc.hcxt = st->callctx;
	st->outlets = hash_create("hj212 outlets", 1024, &hc, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	if (SPI_execute(psprintf("SELECT o.mn, o.area FROM %s.outlet o", nsp), false, 0) != SPI_OK_SELECT)
		elog(ERROR, "eco.hj212_ingest: reading the outlets failed");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		text	   *mn;
		char		key[MN_KEY];
		outlet_ent *o;

		if (isnull)
			continue;
		mn = DatumGetTextPP(d);
		if (VARSIZE_ANY_EXHDR(mn) > 24)
			continue;
		mn_key(key, (hj212_slice) {VARDATA_ANY(mn), VARSIZE_ANY_EXHDR(mn)});
		o = hash_search(st->outlets, key, HASH_ENTER, NULL);
		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull);
		o->area = isnull ? NULL : MemoryContextStrdup(st->callctx, TextDatumGetCString(d));
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * The fast path of a batch: a plain INSERT (one descent of the primary key
 * per row) in a subtransaction.  When a key is already stored (23505: a
 * re-ingest, or another session's packet), the subtransaction is rolled back
 * and the caller runs the INSERT ... ON CONFLICT.  Returns true when the
 * batch was stored.
 */
static bool
store_new_readings(SPIPlanPtr plan, int nkeep, ingest_state *st)
{
	MemoryContext oldcxt = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	volatile bool done = false;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcxt);
	PG_TRY();
	{
		if (SPI_execute_plan(plan, NULL, NULL, false, 0) != SPI_OK_INSERT || SPI_processed != (uint64) nkeep)
			elog(ERROR, "eco.hj212_ingest: storing the readings failed");
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcxt);
		CurrentResourceOwner = oldowner;
		done = true;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		/* the subtransaction is always rolled back here: a caller's own exception block finds its own */
		MemoryContextSwitchTo(oldcxt);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcxt);
		CurrentResourceOwner = oldowner;
		if (edata->sqlerrcode != ERRCODE_UNIQUE_VIOLATION)
			ReThrowError(edata);
		FreeErrorData(edata);
	}
	PG_END_TRY();
	if (done)
		st->inserted += nkeep;
	return done;
}

/* Receives the rows of the batch's DELETE ... RETURNING id, line: each line parsed on the spot. */
typedef struct line_receiver
{
	DestReceiver pub;
	ingest_state *st;
	hj212_packet *pkt,
			   *scratch;
	MemoryContext cxt;
	uint64		n;
} line_receiver;

static bool
line_receive(TupleTableSlot *slot, DestReceiver *self)
{
	line_receiver *r = (line_receiver *) self;
	MemoryContext old = MemoryContextSwitchTo(r->cxt);

	slot_getallattrs(slot);
	add_line(r->st, DatumGetInt64(slot->tts_values[0]),
			 slot->tts_isnull[1] ? NULL : DatumGetTextPP(slot->tts_values[1]), r->pkt, r->scratch);
	r->n++;
	MemoryContextSwitchTo(old);
	return true;
}

static void
line_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
}

static void
line_shutdown(DestReceiver *self)
{
}

PG_FUNCTION_INFO_V1(hj212_ingest);
Datum
hj212_ingest(PG_FUNCTION_ARGS)
{
	int			batch_size;
	bool		progress = PG_ARGISNULL(1) ? false : PG_GETARG_BOOL(1);
	TupleDesc	tupdesc;
	char	   *nsp;
	ingest_state st;
	MemoryContext batchctx,
				old;
	HASHCTL		hc;
	SPIPlanPtr	del_plan,
				ins_plan,
				fast_plan,
				rej_plan;
	Oid			del_types[2] = {INT8OID, INT8OID};
	Oid			rej_types[5] = {TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};
	int64		lo,
				top;
	bool		lo_null;
	hj212_packet *pkt,
			   *scratch;
	Datum		rv[6];
	bool		rn[6] = {0};
	ParamListInfo params = makeParamList(2);
	line_receiver recv;

	if (PG_ARGISNULL(0) || PG_GETARG_INT32(0) < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("batch_size must be positive: %s", PG_ARGISNULL(0) ? "NULL" : psprintf("%d", PG_GETARG_INT32(0)))));
	batch_size = PG_GETARG_INT32(0);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	if (code_text == NULL)
		init_text_cache();
	if (ingest_running)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("eco.hj212_ingest is already running in this session")));
	nsp = (char *) quote_identifier(get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid)));

	memset(&st, 0, sizeof st);
	st.callctx = AllocSetContextCreate(CurrentMemoryContext, "hj212 ingest", ALLOCSET_DEFAULT_SIZES);
	/* one 16 MB block kept from batch to batch (a reset frees the rest): no fresh pages to fault in each time */
	batchctx = AllocSetContextCreate(st.callctx, "hj212 ingest batch", 16 * 1024 * 1024, 16 * 1024 * 1024,
									 16 * 1024 * 1024);
	pkt = MemoryContextAlloc(st.callctx, sizeof(hj212_packet));
	scratch = MemoryContextAlloc(st.callctx, sizeof(hj212_packet));
	memset(&hc, 0, sizeof hc);
	hc.keysize = 128;
	hc.entrysize = sizeof(split_set);
	hc.hcxt = st.callctx;
	st.sets = hash_create("hj212 split sets", 64, &hc, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);

	for (int i = 0; i < 2; i++)
	{
		params->params[i].ptype = INT8OID;
		params->params[i].isnull = false;
		params->params[i].pflags = PARAM_FLAG_CONST;
	}
	memset(&recv, 0, sizeof recv);
	recv.pub.receiveSlot = line_receive;
	recv.pub.rStartup = line_startup;
	recv.pub.rShutdown = line_shutdown;
	recv.pub.rDestroy = line_shutdown;
	recv.pub.mydest = DestNone;
	recv.st = &st;
	recv.pkt = pkt;
	recv.scratch = scratch;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "eco.hj212_ingest: SPI_connect failed");
	ingest_running = true;
	PG_TRY();
	{
		/* the outlets the caller sees (row-level security of eco.outlet) */
		load_outlets(&st, nsp);
		if (SPI_execute(psprintf("SELECT min(s.id), max(s.id) FROM %s.hj212_staging_lines s WHERE s.staged_by = CURRENT_USER", nsp), false, 0) != SPI_OK_SELECT)
			elog(ERROR, "eco.hj212_ingest: reading the staged lines failed");
		lo = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &lo_null));
		top = lo_null ? 0 : DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &lo_null));
		SPI_freetuptable(SPI_tuptable);

		del_plan = SPI_prepare(psprintf("DELETE FROM %s.hj212_staging_lines s"
										" WHERE s.staged_by = CURRENT_USER AND s.id >= $1 AND s.id < $2 RETURNING s.id, s.line", nsp),
							   2, del_types);
		ins_plan = SPI_prepare(psprintf(
			"WITH ins AS ("
			"  INSERT INTO %1$s.outlet_reading AS t"
			"    (mn, cn, data_time, area, qn, codes, flags, vals, eflags, sample_times, legacy)"
			"  SELECT p.mn, p.cn, p.data_time, p.area, p.qn, p.codes, p.flags, p.vals, p.eflags, p.sample_times, p.legacy"
			"  FROM %1$s._hj212_pending() p"
			"  ON CONFLICT (mn, cn, data_time) DO UPDATE"
			"    SET qn = excluded.qn, codes = excluded.codes, flags = excluded.flags, vals = excluded.vals,"
			"        eflags = excluded.eflags, sample_times = excluded.sample_times, legacy = excluded.legacy,"
			"        area = excluded.area, ingested_at = excluded.ingested_at, revision = t.revision + 1"
			"    WHERE (t.codes, t.flags, t.vals, t.eflags, t.sample_times)"
			"          IS DISTINCT FROM (excluded.codes, excluded.flags, excluded.vals, excluded.eflags, excluded.sample_times)"
			"  RETURNING t.revision = 0 AS inserted)"
			" SELECT count(*) FILTER (WHERE ins.inserted), count(*) FILTER (WHERE NOT ins.inserted) FROM ins", nsp), 0, NULL);
		fast_plan = SPI_prepare(psprintf(
			"INSERT INTO %1$s.outlet_reading"
			"  (mn, cn, data_time, area, qn, codes, flags, vals, eflags, sample_times, legacy)"
			"  SELECT p.mn, p.cn, p.data_time, p.area, p.qn, p.codes, p.flags, p.vals, p.eflags, p.sample_times, p.legacy"
			"  FROM %1$s._hj212_pending() p", nsp), 0, NULL);
		rej_plan = SPI_prepare(psprintf(
			"INSERT INTO %s.hj212_reject (line, reason, detail, mn, area)"
			" SELECT * FROM ROWS FROM (pg_catalog.unnest($1::text[]), pg_catalog.unnest($2::text[]), pg_catalog.unnest($3::text[]),"
			" pg_catalog.unnest($4::text[]), pg_catalog.unnest($5::text[]))", nsp), 5, rej_types);
		if (del_plan == NULL || ins_plan == NULL || fast_plan == NULL || rej_plan == NULL)
			elog(ERROR, "eco.hj212_ingest: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));

		while (!lo_null)
		{
			int64		hi = lo + batch_size;
			uint64		nlines;
			int			rc;
			SPIExecuteOptions opts;
			bool		last;
			int			nkeep = 0;

			if (hi < lo)
				hi = PG_INT64_MAX;
			last = hi > top;
			old = MemoryContextSwitchTo(batchctx);
			new_batch(&st, batchctx);
			MemoryContextSwitchTo(old);
			/* each line is parsed as the DELETE returns it (no copy of the batch's lines in a tuple table) */
			params->params[0].value = Int64GetDatum(lo);
			params->params[1].value = Int64GetDatum(hi);
			recv.cxt = batchctx;
			recv.n = 0;
			memset(&opts, 0, sizeof opts);
			opts.params = params;
			opts.dest = (DestReceiver *) &recv;
			rc = SPI_execute_plan_extended(del_plan, &opts);
			if (rc != SPI_OK_DELETE_RETURNING && rc != SPI_OK_DELETE)
				elog(ERROR, "eco.hj212_ingest: taking the staged lines failed");
			nlines = recv.n;
			st.given += nlines;
			old = MemoryContextSwitchTo(batchctx);
			if (last)
				reject_incomplete_sets(&st);
			pending_rows = palloc(sizeof(reading_row *) * (st.nrows + 1));
			MemoryContextSwitchTo(old);

			/* the readings: one INSERT ... SELECT FROM eco._hj212_pending() */
			for (int i = 0; i < st.nrows; i++)
				if (!st.rows[i].dropped)
					pending_rows[nkeep++] = st.rows[i].row;
			pending_count = nkeep;
			st.offered += nkeep;
			if (nkeep > 0 && !store_new_readings(fast_plan, nkeep, &st))
			{
				bool		isnull;

				if (SPI_execute_plan(ins_plan, NULL, NULL, false, 0) != SPI_OK_SELECT)
					elog(ERROR, "eco.hj212_ingest: storing the readings failed");
				st.inserted += DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
				st.replaced += DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
				SPI_freetuptable(SPI_tuptable);
			}
			pending_rows = NULL;
			pending_count = 0;
			old = MemoryContextSwitchTo(batchctx);
			st.rejected += flush_rejects(&st, rej_plan);
			MemoryContextSwitchTo(old);
			MemoryContextReset(batchctx);
			if (progress)
				ereport(NOTICE,
						(errmsg("hj212_ingest: %lld lines read, %lld loaded, %lld rejected",
								(long long) st.given, (long long) (st.given - st.rejected), (long long) st.rejected)));
			if (last)
				break;
			lo = hi;
		}
	}
	PG_FINALLY();
	{
		pending_rows = NULL;
		pending_count = 0;
		ingest_running = false;
	}
	PG_END_TRY();
	SPI_finish();

	rv[0] = Int64GetDatum(st.given);
	rv[1] = Int64GetDatum(st.given - st.rejected);
	rv[2] = Int64GetDatum(st.rejected);
	/* readings that changed nothing, lines repeated in a batch, parts sent twice */
	rv[3] = Int64GetDatum(st.offered - st.inserted - st.replaced + st.dup_in_batch + st.dup_parts);
	rv[4] = Int64GetDatum(st.replaced);
	rv[5] = Int64GetDatum(st.reassembled);
	MemoryContextDelete(st.callctx);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, rv, rn)));
}

/* ---------- eco._hj212_pending(): the readings of the batch being ingested ---------- */
PG_FUNCTION_INFO_V1(hj212_pending);
Datum
hj212_pending(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	/* outside eco.hj212_ingest: no rows */
	for (int i = 0; pending_rows != NULL && i < pending_count; i++)
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, pending_rows[i]->v, pending_rows[i]->n);
	return (Datum) 0;
}

/* ---------- eco.hj212_crc(data text), eco.hj212_frame(data text) ---------- */
PG_FUNCTION_INFO_V1(hj212_crc);
Datum
hj212_crc(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		hex[8];

	snprintf(hex, sizeof hex, "%04X", hj212_crc16(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
	PG_RETURN_TEXT_P(cstring_to_text(hex));
}

PG_FUNCTION_INFO_V1(hj212_frame);
Datum
hj212_frame(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	bool		crlf = PG_ARGISNULL(1) ? true : PG_GETARG_BOOL(1);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	StringInfoData s;

	if (len > HJ212_MAX_DATA)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("HJ 212 data segment of %zu bytes is longer than 1024 bytes", len),
				 errhint("Split the data into packets with PNUM and PNO.")));
	initStringInfo(&s);
	appendStringInfo(&s, "##%04d", (int) len);
	appendBinaryStringInfo(&s, VARDATA_ANY(t), (int) len);
	appendStringInfo(&s, "%04X%s", hj212_crc16(VARDATA_ANY(t), len), crlf ? "\r\n" : "");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s.data, s.len));
}

/* ---------- eco._hj212_pollutant(code text) ---------- */
PG_FUNCTION_INFO_V1(hj212_code_pollutant);
Datum
hj212_code_pollutant(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			lg;
	const hj212_item *it = hj212_item_lookup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &lg);

	if (it)
		for (int j = 0; j < eco_n_pollutants; j++)
			if (eco_pollutants[j].hj212 && strcmp(eco_pollutants[j].hj212, it->code) == 0)
				PG_RETURN_INT16(eco_pollutants[j].id);
	PG_RETURN_NULL();
}

/* ---------- the C tables as views ---------- */
PG_FUNCTION_INFO_V1(hj212_item_list);
Datum
hj212_item_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < hj212_n_items; i++)
	{
		const hj212_item *it = &hj212_items[i];
		Datum		v[5];
		bool		n[5] = {0};

		v[0] = CStringGetTextDatum(it->code);
		v[1] = it->legacy ? CStringGetTextDatum(it->legacy) : (Datum) 0;
		n[1] = it->legacy == NULL;
		v[2] = CStringGetTextDatum(it->name_zh);
		v[3] = CStringGetTextDatum(it->unit);
		v[4] = BoolGetDatum(it->verified != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(hj212_flag_list);
Datum
hj212_flag_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (const char *f = hj212_flags; *f; f++)
	{
		Datum		v[3];
		bool		n[3] = {0};
		char		s[2] = {*f, 0};

		v[0] = CStringGetTextDatum(s);
		v[1] = CStringGetTextDatum(hj212_flag_meaning(*f));
		v[2] = BoolGetDatum(hj212_flag_valid(*f));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}

/* kind names in array order of eco.outlet_reading.vals (second dimension) */
PG_FUNCTION_INFO_V1(hj212_kind_list);
Datum
hj212_kind_list(PG_FUNCTION_ARGS)
{
	return eco_word_list_srf(fcinfo, hj212_kind_names, HJ212_N_KINDS);
}
