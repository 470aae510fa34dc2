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

/* A non-negative integer slice, or -1. */
static int
slice_int(hj212_slice s)
{
	int			v = 0;

	if (s.p == NULL || s.len == 0 || s.len > 9)
		return -1;
	for (int i = 0; i < s.len; i++)
	{
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		v = v * 10 + (s.p[i] - '0');
	}
	return v;
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
	double		cell[HJ212_MAX_VALUES * HJ212_N_KINDS];
	bool		present[HJ212_MAX_VALUES * HJ212_N_KINDS];
	int			nonnull = 0,
				dataoff;
	Size		size;
	ArrayType  *a;
	bits8	   *bitmap;
	double	   *data;

	if (ni == 0)
		return construct_empty_array(FLOAT8OID);
	memset(present, 0, nitems);
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
	return a;
}

static bool
is_data_upload(int cn)
{
	return cn == 2011 || cn == 2051 || cn == 2061 || cn == 2031;
}

/* ---------- eco._hj212_row(line text): one packet as one row of eco.outlet_reading ---------- */
PG_FUNCTION_INFO_V1(hj212_row);
Datum
hj212_row(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	hj212_packet *pkt = palloc(sizeof(hj212_packet));
	hj212_error e;
	hj212_status st;
	TupleDesc	tupdesc;
	Datum		v[12];
	bool		n[12];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	if (code_text == NULL)
		init_text_cache();
	memset(n, true, sizeof n);
	st = hj212_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), 1, 1, pkt, &e);
	if (st == HJ212_OK && !pkt->has_data_time && is_data_upload(slice_int(pkt->cn)))
	{
		st = HJ212_ERR_TIMESTAMP;
		snprintf(e.detail, sizeof e.detail, "no DataTime");
	}
	if (st == HJ212_OK && slice_int(pkt->pnum) > 1)
	{
		/* A data packet split in PNUM parts: each part alone would pass for the whole (same key). */
		v[0] = CStringGetTextDatum("split packet");
		v[1] = CStringGetTextDatum(psprintf("part %d of %d: split packets are not reassembled",
											slice_int(pkt->pno), slice_int(pkt->pnum)));
		n[0] = n[1] = false;
		v[2] = PointerGetDatum(slice_text(pkt->mn));
		n[2] = false;
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, v, n)));
	}
	v[0] = CStringGetTextDatum(hj212_status_name(st));
	n[0] = false;
	if (st != HJ212_OK)
	{
		v[1] = CStringGetTextDatum(e.detail);
		n[1] = false;
		if (pkt->mn.p)
		{
			v[2] = PointerGetDatum(slice_text(pkt->mn));
			n[2] = false;
		}
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, v, n)));
	}
	v[2] = PointerGetDatum(slice_text(pkt->mn));
	v[3] = Int16GetDatum((int16) slice_int(pkt->cn));
	n[2] = n[3] = false;
	if (pkt->has_data_time)
	{
		v[4] = TimestampGetDatum(hj_timestamp(&pkt->data_time));
		n[4] = false;
	}
	if (pkt->qn.p)
	{
		v[5] = PointerGetDatum(slice_text(pkt->qn));
		n[5] = false;
	}
	{
		/* Items in order of first appearance; one row of HJ212_N_KINDS values each. */
		const hj212_item *items[HJ212_MAX_VALUES];
		int			ni = 0,
					slot[HJ212_MAX_VALUES];
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

			for (k = 0; k < ni; k++)
				if (items[k] == pkt->values[i].item)
					break;
			if (k == ni)
				items[ni++] = pkt->values[i].item;
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
		v[6] = PointerGetDatum(construct_array(codes, ni, TEXTOID, -1, false, TYPALIGN_INT));
		v[7] = CStringGetTextDatum(flags);
		v[8] = PointerGetDatum(flat_vals(pkt, slot, ni));
		n[6] = n[7] = n[8] = false;
		if (any_e)
		{
			v[9] = PointerGetDatum(construct_md_array(eflags, enull, 1, &ni, lbs, TEXTOID, -1, false, TYPALIGN_INT));
			n[9] = false;
		}
		if (any_s)
		{
			v[10] = PointerGetDatum(construct_md_array(stimes, snull, 1, &ni, lbs, TIMESTAMPOID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
			n[10] = false;
		}
		v[11] = BoolGetDatum(legacy);
		n[11] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, v, n)));
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
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < HJ212_N_KINDS; k++)
	{
		Datum		v[2];
		bool		n[2] = {0};

		v[0] = Int32GetDatum(k + 1);
		v[1] = CStringGetTextDatum(hj212_kind_name((hj212_kind) k));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}
