/*
 * pg_aqi.c — glue for the air quality index (eco.iaqi, eco.daily_aqi,
 * eco.hourly_aqi, eco.epa_aqi, eco.aqi_level, eco.nowcast and the views
 * eco.aqi_breakpoints, eco.aqi_levels).  The work is in src/core/aqi.c.
 *
 * Speed: everything that does not depend on the row (the parsed standard
 * and period, the table, the blessed tuple descriptor, the category and
 * colour texts, the primary-pollutant arrays) is cached per call site in
 * fn_extra; a row allocates only its result tuple.
 */
#include "eco_glue.h"

#include "aqi.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

PG_FUNCTION_INFO_V1(aqi_iaqi_fn);
PG_FUNCTION_INFO_V1(aqi_daily_fn);
PG_FUNCTION_INFO_V1(aqi_hourly_fn);
PG_FUNCTION_INFO_V1(aqi_epa_fn);
PG_FUNCTION_INFO_V1(aqi_level_fn);
PG_FUNCTION_INFO_V1(aqi_nowcast_fn);
PG_FUNCTION_INFO_V1(aqi_breakpoint_list);
PG_FUNCTION_INFO_V1(aqi_level_list);
PG_FUNCTION_INFO_V1(aqi_sensitive_group_list);

/* ---------- helpers ---------- */

/*
 * The edition record of an eco.standard accepted by the AQI functions; ERROR
 * 22023 naming the standard otherwise (a standard of another family, or an
 * edition of HJ 633 this version has no record of: never another edition's
 * rules).
 */
/* What a function accepts: any AQI edition (eco.iaqi, eco.aqi_level) or one kind of report. */
#define AQI_ANY_REPORT (-1)

static const aqi_rules *
aqi_rules_arg(int16 std_id, int want, const char *what)
{
	const eco_standard *s = eco_standard_arg(std_id);
	const aqi_rules *ed = aqi_rules_find(s->id);

	if (ed != NULL && want != AQI_ANY_REPORT && (int) ed->report != want)
	{
		if (want == AQI_REPORT_HJ633)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("standard \"%s\" does not apply to %s", s->code, what),
					 errhint("Use eco.aqi_epa_report for the US EPA AQI.")));
		eco_require_family(s, "EPA", what);
		ed = NULL;				/* an EPA-family record of another kind: no rules for this report */
	}
	if (ed == NULL)
	{
		eco_require_family(s, want == AQI_REPORT_EPA ? "EPA" : "HJ633", what);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("standard \"%s\" has no air quality index rules in this version", s->code),
				 errhint("The AQI editions are listed in the view eco.aqi_editions.")));
	}
	return ed;
}

/* Text datum in the call site's memory context (cached, never freed). */
static Datum
cached_text(MemoryContext cxt, const char *s)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Datum		d = CStringGetTextDatum(s);

	MemoryContextSwitchTo(old);
	return d;
}

/* Decimal text of a value scaled 10^6 (trailing zeros dropped). */
static char *
scaled_text(int64 v, char *buf, size_t sz)
{
	int64		ip = v / 1000000,
				fp = v % 1000000;
	int			n;

	if (fp == 0)
	{
		snprintf(buf, sz, INT64_FORMAT, ip);
		return buf;
	}
	n = snprintf(buf, sz, INT64_FORMAT ".%06d", ip, (int) fp);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	return buf;
}

static Datum
scaled_numeric(int64 v)
{
	char		buf[48];

	return DirectFunctionCall3(numeric_in, CStringGetDatum(scaled_text(v, buf, sizeof buf)),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* ---------- eco.iaqi ---------- */

typedef struct iaqi_cache
{
	int16		pollutant;
	int16		standard;
	int			period_len;
	char		period[16];
	const aqi_table *table;
} iaqi_cache;

/* The cached period text equals ptxt[0..plen) (a few bytes: no call to memcmp). */
static inline bool
same_period(const iaqi_cache *c, const char *ptxt, int plen)
{
	if (c->period_len != plen)
		return false;
	for (int i = 0; i < plen; i++)
		if (c->period[i] != ptxt[i])
			return false;
	return true;
}

/* Resolve (pollutant, period, standard) to a table; ERROR 22023 when the standard has none. */
static const aqi_table *
iaqi_resolve(int16 pol_id, const char *period, int plen, int16 std_id)
{
	const eco_pollutant *p = eco_pollutant_arg(pol_id);
	const aqi_rules *ed = aqi_rules_arg(std_id, AQI_ANY_REPORT, "eco.iaqi");
	int			item = p->medium == ECO_AIR ? aqi_item_from_code(p->code) : -1;
	int			per = aqi_period_parse(period, plen);
	const aqi_table *t;
	char		buf[64];

	if (per < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown averaging period \"%.*s\"", plen, period),
				 errhint("Use '1h', '8h' or '24h'.")));
	if (item < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pollutant %s has no air quality sub-index", eco_pollutant_out(p, buf, sizeof buf)),
				 errhint("IAQI items: SO2, NO2, CO, O3, PM10, PM2.5.")));
	t = aqi_table_find(ed, (aqi_item) item, (aqi_period) per);
	if (t == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has no %s breakpoints in %s", p->code, aqi_period_name((aqi_period) per),
						eco_standard_arg(std_id)->code),
				 errdetail("The pairs each edition has are listed in the view eco.aqi_breakpoints.")));
	return t;
}

static int
iaqi_checked(const aqi_table *t, double v, const char *what)
{
	int			r;

	/* EPA: a negative reading counts as 0 (the EPA's daily files publish it with AQI 0) */
	if (t->edition->negative_as_zero && v < 0 && !isinf(v))
		v = 0;
	if (unlikely(!(v >= 0) || isinf(v)))
		eco_check_concentration(v, what);
	r = aqi_iaqi(t, v);
	if (r == AQI_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("AQI of %s %s %g is out of range for type integer", aqi_item_code(t->item),
						aqi_period_name(t->period), v)));
	return r;
}

Datum
aqi_iaqi_fn(PG_FUNCTION_ARGS)
{
	int16		pol = PG_GETARG_INT16(0);
	text	   *period = PG_GETARG_TEXT_PP(1);
	double		v = PG_GETARG_FLOAT8(2);
	int16		std = PG_GETARG_INT16(3);
	iaqi_cache *c = (iaqi_cache *) fcinfo->flinfo->fn_extra;
	const char *ptxt = VARDATA_ANY(period);
	int			plen = VARSIZE_ANY_EXHDR(period);
	int			r;

	if (c == NULL || c->pollutant != pol || c->standard != std || !same_period(c, ptxt, plen))
	{
		const aqi_table *t = iaqi_resolve(pol, ptxt, plen, std);

		if (c == NULL)
			c = fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(iaqi_cache));
		c->pollutant = pol;
		c->standard = std;
		c->table = t;
		/* a period that parsed is at most 15 bytes ('1h' with separators) */
		c->period_len = plen < (int) sizeof c->period ? plen : -1;
		if (c->period_len >= 0)
			memcpy(c->period, ptxt, plen);
	}
	r = iaqi_checked(c->table, v, "concentration");
	if (r == AQI_NA)
		PG_RETURN_NULL();
	PG_RETURN_INT32(r);
}

/* ---------- eco.daily_aqi / eco.hourly_aqi ---------- */

#define N_RESULT_ATTS (5 + AQI_N_IND)

/*
 * A result tuple differs from row to row only in its integers once the level,
 * the primary-pollutant set and the NULL pattern are fixed.  So a row copies a
 * cached, fully formed tuple for that shape and stores its integers at offsets
 * found once: one palloc and one memcpy per row, no heap_form_tuple.
 */
#define N_TEMPLATES 64

typedef struct tuple_template
{
	uint32		key;			/* shape; TEMPLATE_EMPTY when unused */
	uint32		len;
	int16		off[N_RESULT_ATTS];	/* byte offset of each integer field from the header, -1 = NULL/not int */
	HeapTupleHeader data;		/* in fn_mcxt */
} tuple_template;

#define TEMPLATE_EMPTY 0xFFFFFFFFu

#define MAX_EDITIONS 4

/* What a call site caches for one edition (built on first use, kept for the query). */
typedef struct edition_cache
{
	const aqi_rules *rules;		/* NULL: unused */
	Datum		category[7];	/* by level */
	Datum		color[7];
	Datum		primary[1 << AQI_N_IND];	/* text[] per indicator mask, built on first use */
	tuple_template tmpl[N_TEMPLATES];
} edition_cache;

typedef struct report_cache
{
	TupleDesc	tupdesc;		/* blessed, in fn_mcxt */
	int16		standard;		/* last standard argument, -1 = none yet */
	const aqi_rules *edition;
	edition_cache *ec;			/* the entry of per_edition for edition */
	edition_cache per_edition[MAX_EDITIONS];	/* rows may switch editions (standard_in_force) */
} report_cache;

static report_cache *
report_cache_get(FunctionCallInfo fcinfo, int16 std, int want, const char *what)
{
	report_cache *c = (report_cache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		MemoryContext old;
		TupleDesc	td;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning record called in context that cannot accept type record")));
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		c = palloc0(sizeof(report_cache));
		c->tupdesc = BlessTupleDesc(CreateTupleDescCopy(td));
		c->standard = -1;
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->standard != std)
	{
		const aqi_rules *ed = aqi_rules_arg(std, want, what);
		edition_cache *ec = NULL;

		for (int i = 0; i < MAX_EDITIONS && ec == NULL; i++)
			if (c->per_edition[i].rules == ed || c->per_edition[i].rules == NULL)
				ec = &c->per_edition[i];
		if (ec == NULL)
			elog(ERROR, "more than %d AQI editions in one call site", MAX_EDITIONS);
		if (ec->rules == NULL)
		{
			for (int lv = 1; lv <= 6; lv++)
			{
				const aqi_level_info *li = &ed->levels[lv - 1];

				/* the edition's own language: Chinese, or English where the edition has no Chinese text */
				ec->category[lv] = cached_text(fcinfo->flinfo->fn_mcxt,
											   li->category_zh ? li->category_zh : li->category_en);
				ec->color[lv] = cached_text(fcinfo->flinfo->fn_mcxt, li->color);
			}
			for (int i = 0; i < N_TEMPLATES; i++)
				ec->tmpl[i].key = TEMPLATE_EMPTY;
			ec->rules = ed;
		}
		c->edition = ed;
		c->ec = ec;
		c->standard = std;
	}
	return c;
}

/* text[] of the indicator codes in mask (cached per mask). */
static Datum
primary_array(FunctionCallInfo fcinfo, report_cache *c, unsigned mask, const char *const *codes, int ncodes)
{
	edition_cache *ec = c->ec;

	if (ec->primary[mask] == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		Datum		elems[AQI_N_IND];
		int			n = 0;

		for (int i = 0; i < ncodes; i++)
			if (mask & (1u << i))
				elems[n++] = CStringGetTextDatum(codes[i]);
		ec->primary[mask] = PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
		MemoryContextSwitchTo(old);
	}
	return ec->primary[mask];
}

static const char *const hj_codes[AQI_N_IND] = {"SO2", "NO2", "CO", "PM10", "PM2.5", "O3_8H", "O3_1H"};

/* Form the template of a shape with heap_form_tuple and record where its integers are. */
static void
template_build(FunctionCallInfo fcinfo, report_cache *c, tuple_template *tt, uint32 key,
			   int aqi, int level, unsigned mask, const int *iaqi, const char *const *codes, int ncodes)
{
	Datum		values[N_RESULT_ATTS];
	bool		nulls[N_RESULT_ATTS];
	bool		na = aqi < 0;
	HeapTuple	tup;
	HeapTupleHeader h;
	bits8	   *bits;
	char	   *tp;
	uint32		off = 0;

	values[0] = Int32GetDatum(aqi);
	values[1] = Int32GetDatum(level);
	values[2] = na ? (Datum) 0 : c->ec->category[level];
	values[3] = na ? (Datum) 0 : c->ec->color[level];
	values[4] = na ? (Datum) 0 : primary_array(fcinfo, c, mask, codes, ncodes);
	for (int i = 0; i < 5; i++)
		nulls[i] = na;
	for (int i = 0; i < AQI_N_IND; i++)
	{
		values[5 + i] = Int32GetDatum(iaqi[i]);
		nulls[5 + i] = iaqi[i] < 0;
	}
	tup = heap_form_tuple(c->tupdesc, values, nulls);
	if (tt->key != TEMPLATE_EMPTY)
		pfree(tt->data);
	tt->data = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, tup->t_len);
	memcpy(tt->data, tup->t_data, tup->t_len);
	tt->len = tup->t_len;
	heap_freetuple(tup);

	/* walk the attributes as heap_deform_tuple does */
	h = tt->data;
	bits = h->t_bits;
	tp = (char *) h + h->t_hoff;
	for (int i = 0; i < N_RESULT_ATTS; i++)
	{
		Form_pg_attribute att = TupleDescAttr(c->tupdesc, i);

		tt->off[i] = -1;
		if ((h->t_infomask & HEAP_HASNULL) && att_isnull(i, bits))
			continue;
		if (att->attlen == -1)
			off = att_align_pointer(off, att->attalign, -1, tp + off);
		else
			off = att_align_nominal(off, att->attalign);
		if (att->atttypid == INT4OID)
			tt->off[i] = (int16) (h->t_hoff + off);
		off = att_addlength_pointer(off, att->attlen, tp + off);
	}
	tt->key = key;
}

/* Result tuple (eco.aqi_result or eco.epa_aqi_result): copy of the shape's template, integers stored. */
static Datum
result_datum(FunctionCallInfo fcinfo, report_cache *c, int aqi, int level, unsigned mask, const int *iaqi,
			 const char *const *codes, int ncodes)
{
	uint32		nullmask = 0,
				key;
	tuple_template *tt;
	char	   *h;

	for (int i = 0; i < AQI_N_IND; i++)
		nullmask |= (uint32) (iaqi[i] < 0) << i;
	key = aqi < 0 ? (1u << 17) | nullmask : (uint32) level | mask << 3 | nullmask << 10;
	tt = &c->ec->tmpl[(key * 2654435761u) >> 26];
	if (tt->key != key)
		template_build(fcinfo, c, tt, key, aqi, level, mask, iaqi, codes, ncodes);
	h = palloc(tt->len);
	memcpy(h, tt->data, tt->len);
	if (tt->off[0] >= 0)
		*(int32 *) (h + tt->off[0]) = aqi;
	for (int i = 0; i < AQI_N_IND; i++)
		if (tt->off[5 + i] >= 0)
			*(int32 *) (h + tt->off[5 + i]) = iaqi[i];
	return PointerGetDatum(h);
}

/* Result tuple of an HJ 633 report. */
static Datum
report_datum(FunctionCallInfo fcinfo, report_cache *c, const aqi_result *r)
{
	return result_datum(fcinfo, c, r->aqi, r->level, r->primary, r->iaqi, hj_codes, AQI_N_IND);
}

/* Read a nullable float8 argument; check it when present. */
static inline void
conc_arg(FunctionCallInfo fcinfo, int argno, const char *name, double *v, unsigned char *present)
{
	*present = !PG_ARGISNULL(argno);
	if (*present)
	{
		*v = PG_GETARG_FLOAT8(argno);
		if (unlikely(!(*v >= 0) || isinf(*v)))	/* negative, NaN or infinite: the shared check reports it */
			eco_check_concentration(*v, name);
	}
	else
		*v = 0;
}


Datum
aqi_hourly_fn(PG_FUNCTION_ARGS)
{
	/* argument order = aqi_hourly_arg order, then standard */
	static const char *const names[AQI_N_HOURLY_ARGS] = {
		"so2", "no2", "co", "o3", "pm10", "pm25", "o3_8h", "pm10_24h", "pm25_24h", "so2_24h"};
	double		conc[AQI_N_HOURLY_ARGS];
	unsigned char present[AQI_N_HOURLY_ARGS];
	report_cache *c;
	aqi_result	r;

	int			conv = AQI_CONV_TEXT;

	if (PG_ARGISNULL(AQI_N_HOURLY_ARGS))
		PG_RETURN_NULL();
	/*
	 * 0.2.0 adds the convention argument (default 'published'); the 0.1.0
	 * declaration, without it, keeps the text reading.
	 */
	if (PG_NARGS() > AQI_N_HOURLY_ARGS + 1)
	{
		text	   *t;

		if (PG_ARGISNULL(AQI_N_HOURLY_ARGS + 1))
			PG_RETURN_NULL();
		t = PG_GETARG_TEXT_PP(AQI_N_HOURLY_ARGS + 1);
		conv = aqi_convention_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		if (conv < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown real-time AQI convention \"%.*s\"", (int) VARSIZE_ANY_EXHDR(t), VARDATA_ANY(t)),
					 errhint("Use 'published' (the six 1-h means, as the national network publishes) or 'text' (HJ 633-2012 with moving averages).")));
	}
	c = report_cache_get(fcinfo, PG_GETARG_INT16(AQI_N_HOURLY_ARGS), AQI_REPORT_HJ633, "eco.hourly_aqi");
	for (int i = 0; i < AQI_N_HOURLY_ARGS; i++)
		conc_arg(fcinfo, i, names[i], &conc[i], &present[i]);
	if (conv == AQI_CONV_PUBLISHED)
		aqi_hourly_published(c->edition, conc, present, &r);
	else
		aqi_hourly(c->edition, conc, present, &r);
	return report_datum(fcinfo, c, &r);
}

/* ---------- eco.epa_aqi ---------- */

Datum
aqi_epa_fn(PG_FUNCTION_ARGS)
{
	static const char *const names[AQI_N_EPA_ARGS] = {"o3_8h", "o3_1h", "pm25", "pm10", "co", "so2", "no2", "so2_24h"};
	static const char *codes[AQI_N_EP];
	double		conc[AQI_N_EPA_ARGS];
	unsigned char present[AQI_N_EPA_ARGS];
	report_cache *c;
	aqi_epa_result r;

	if (PG_ARGISNULL(AQI_N_EPA_ARGS))
		PG_RETURN_NULL();
	c = report_cache_get(fcinfo, PG_GETARG_INT16(AQI_N_EPA_ARGS), AQI_REPORT_EPA, "eco.epa_aqi");
	for (int i = 0; i < AQI_N_EPA_ARGS; i++)
	{
		/* negative readings are the core's business (AQI 0); NaN and infinity are errors */
		present[i] = !PG_ARGISNULL(i);
		conc[i] = present[i] ? PG_GETARG_FLOAT8(i) : 0;
		if (present[i] && unlikely(isnan(conc[i]) || isinf(conc[i])))
			eco_check_concentration(conc[i], names[i]);
	}
	aqi_epa(c->edition, conc, present, &r);
	if (r.overflow_arg >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("AQI of %s %g is out of range for type integer", names[r.overflow_arg],
						conc[r.overflow_arg])));
	if (codes[0] == NULL)
		for (int p = 0; p < AQI_N_EP; p++)
			codes[p] = aqi_epa_pollutant_code((aqi_epa_pollutant) p);
	return result_datum(fcinfo, c, r.aqi, r.level, r.main, r.index, codes, AQI_N_EP);
}

/* ---------- eco.aqi_level ---------- */

Datum
aqi_level_fn(PG_FUNCTION_ARGS)
{
	int32		aqi = PG_GETARG_INT32(0);
	const aqi_rules *ed = aqi_rules_arg(PG_GETARG_INT16(1), AQI_ANY_REPORT, "eco.aqi_level");
	const aqi_level_info *li;
	TupleDesc	td;
	Datum		values[8];
	bool		nulls[8] = {0};

	if (aqi < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("AQI must not be negative: %d", aqi)));
	td = (TupleDesc) fcinfo->flinfo->fn_extra;
	if (td == NULL)
	{
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "eco.aqi_level must return a composite");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		td = BlessTupleDesc(CreateTupleDescCopy(td));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = td;
	}
	li = aqi_level_find(ed, aqi);
	{
		const char *texts[7] = {li->level_zh, li->category_zh, li->category_en, li->color_zh, li->color,
		li->health_effect, li->advice};

		values[0] = Int32GetDatum(li->level);
		for (int i = 0; i < 7; i++)
		{
			nulls[1 + i] = texts[i] == NULL;
			values[1 + i] = texts[i] ? CStringGetTextDatum(texts[i]) : (Datum) 0;
		}
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* ---------- eco.nowcast ---------- */

Datum
aqi_nowcast_fn(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *enulls;
	int			n;
	double		v[12],
				out;
	unsigned char missing[12];

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("hourly values must be a one-dimensional array, not %d-dimensional", ARR_NDIM(a))));
	deconstruct_array(a, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &enulls, &n);
	if (n > 12)
		n = 12;
	for (int i = 0; i < n; i++)
	{
		missing[i] = enulls[i];
		v[i] = enulls[i] ? 0 : DatumGetFloat8(elems[i]);
		if (!enulls[i])
			eco_check_concentration(v[i], "hourly value");
	}
	if (!aqi_nowcast(v, missing, n, &out))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(out);
}

/* ---------- views ---------- */

static Datum
edition_code(int std_id)
{
	return CStringGetTextDatum(eco_standard_arg((int16) std_id)->code);
}

/* eco.aqi_breakpoints: one row per band of every table. */
Datum
aqi_breakpoint_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int e = 0; e < aqi_n_editions; e++)
	for (int i = 0; i < aqi_n_tables(aqi_editions[e]); i++)
	{
		const aqi_table *t = aqi_table_at(aqi_editions[e], i);

		for (int b = 0; b < t->n_bands; b++)
		{
			Datum		values[10];
			bool		nulls[10] = {0};

			values[0] = edition_code(t->edition->id);
			values[1] = CStringGetTextDatum(aqi_item_code(t->item));
			values[2] = CStringGetTextDatum(aqi_period_name(t->period));
			values[3] = CStringGetTextDatum(t->unit);
			values[4] = Int32GetDatum(t->band[b].i_lo);
			values[5] = Int32GetDatum(t->band[b].i_hi);
			values[6] = scaled_numeric(t->band[b].bp_lo);
			values[7] = scaled_numeric(t->band[b].bp_hi);
			values[8] = Int32GetDatum(t->decimals);
			nulls[8] = t->decimals < 0;
			values[9] = t->note ? CStringGetTextDatum(t->note) : (Datum) 0;
			nulls[9] = t->note == NULL;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

/* eco.aqi_levels: one row per level of every edition. */
Datum
aqi_level_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < aqi_n_levels; i++)
	{
		const aqi_level_info *li = &aqi_levels[i];
		const char *texts[7] = {li->level_zh, li->category_zh, li->category_en, li->color_zh, li->color,
		li->health_effect, li->advice};
		Datum		values[11];
		bool		nulls[11] = {0};

		values[0] = edition_code(li->standard);
		values[1] = Int32GetDatum(li->level);
		values[2] = Int32GetDatum(li->aqi_lo);
		values[3] = Int32GetDatum(li->aqi_hi);
		nulls[3] = li->aqi_hi < 0;
		for (int k = 0; k < 7; k++)
		{
			values[4 + k] = texts[k] ? CStringGetTextDatum(texts[k]) : (Datum) 0;
			nulls[4 + k] = texts[k] == NULL;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* eco.aqi_sensitive_groups: HJ 633-2026 Table 2. */
Datum
aqi_sensitive_group_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int e = 0; e < aqi_n_editions; e++)
		for (int i = 0; i < aqi_editions[e]->n_sensitive_groups; i++)
		{
			const aqi_sensitive_group *g = &aqi_editions[e]->sensitive_groups[i];
			Datum		values[3];
			bool		nulls[3] = {0};

			values[0] = edition_code(aqi_editions[e]->id);
			values[1] = CStringGetTextDatum(aqi_item_code(g->item));
			values[2] = CStringGetTextDatum(g->groups);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	return (Datum) 0;
}

/* ================================================================
 * The 0.2.0 API: the six pollutants in GB 3095 Table 1 order (SO2, NO2,
 * CO, O3, PM10, PM2.5) in the arguments and the result fields, standard
 * last, its default eco.air_default_standard(family).
 * ================================================================ */

PG_FUNCTION_INFO_V1(aqi_daily_report_fn);
PG_FUNCTION_INFO_V1(aqi_realtime_report_fn);
PG_FUNCTION_INFO_V1(aqi_epa_report_fn);
PG_FUNCTION_INFO_V1(aqi_edition_list);

/* Fields of eco.aqi_report after the first five: the indicators in canonical order. */
static const aqi_indicator report_order[AQI_N_IND] = {
	AQI_IND_SO2, AQI_IND_NO2, AQI_IND_CO, AQI_IND_O3_8H, AQI_IND_O3_1H, AQI_IND_PM10, AQI_IND_PM25};
static const char *const report_codes[AQI_N_IND] = {"SO2", "NO2", "CO", "O3_8H", "O3_1H", "PM10", "PM2.5"};

/* Result tuple of eco.aqi_report: the indices and the primary-pollutant bits in canonical order. */
static Datum
canonical_report_datum(FunctionCallInfo fcinfo, report_cache *c, const aqi_result *r)
{
	int			iaqi[AQI_N_IND];
	unsigned	mask = 0;

	for (int j = 0; j < AQI_N_IND; j++)
	{
		iaqi[j] = r->iaqi[report_order[j]];
		if (r->primary & (1u << report_order[j]))
			mask |= 1u << j;
	}
	return result_datum(fcinfo, c, r->aqi, r->level, mask, iaqi, report_codes, AQI_N_IND);
}

/*
 * The daily report of both entry points: argument j (0 .. AQI_N_IND - 1) is named names[j] and is the indicator
 * arg_ind[j]; the standard follows.  canonical: the eco.aqi_report result, else the 0.1.0 eco.aqi_result.
 */
static Datum
daily_report(FunctionCallInfo fcinfo, const char *fname, const char *const names[AQI_N_IND],
			 const aqi_indicator arg_ind[AQI_N_IND], bool canonical)
{
	double		conc[AQI_N_IND];
	unsigned char present[AQI_N_IND];
	report_cache *c;
	aqi_result	r;

	if (PG_ARGISNULL(AQI_N_IND))
		PG_RETURN_NULL();
	c = report_cache_get(fcinfo, PG_GETARG_INT16(AQI_N_IND), AQI_REPORT_HJ633, fname);
	for (int j = 0; j < AQI_N_IND; j++)
		conc_arg(fcinfo, j, names[j], &conc[arg_ind[j]], &present[arg_ind[j]]);
	aqi_daily(c->edition, conc, present, &r);
	return canonical ? canonical_report_datum(fcinfo, c, &r) : report_datum(fcinfo, c, &r);
}

/* eco.daily_aqi (0.1.0): so2, no2, co, pm10, pm25, o3_8h, o3_1h, standard = aqi_indicator order */
Datum
aqi_daily_fn(PG_FUNCTION_ARGS)
{
	static const char *const names[AQI_N_IND] = {"so2", "no2", "co", "pm10", "pm25", "o3_8h", "o3_1h"};
	static const aqi_indicator arg_ind[AQI_N_IND] = {
		AQI_IND_SO2, AQI_IND_NO2, AQI_IND_CO, AQI_IND_PM10, AQI_IND_PM25, AQI_IND_O3_8H, AQI_IND_O3_1H};

	return daily_report(fcinfo, "eco.daily_aqi", names, arg_ind, false);
}

/* eco.aqi_daily_report(so2, no2, co, o3_8h, pm10, pm25, o3_1h, standard): GB 3095 Table 1 order, o3_1h last */
Datum
aqi_daily_report_fn(PG_FUNCTION_ARGS)
{
	static const char *const names[AQI_N_IND] = {"so2", "no2", "co", "o3_8h", "pm10", "pm25", "o3_1h"};
	static const aqi_indicator arg_ind[AQI_N_IND] = {
		AQI_IND_SO2, AQI_IND_NO2, AQI_IND_CO, AQI_IND_O3_8H, AQI_IND_PM10, AQI_IND_PM25, AQI_IND_O3_1H};

	return daily_report(fcinfo, "eco.aqi_daily_report", names, arg_ind, true);
}

/* eco.aqi_realtime_report(so2, no2, co, o3, pm10, pm25, o3_8h, pm10_24h, pm25_24h, so2_24h, convention, standard) */
Datum
aqi_realtime_report_fn(PG_FUNCTION_ARGS)
{
	static const char *const names[AQI_N_HOURLY_ARGS] = {
		"so2", "no2", "co", "o3", "pm10", "pm25", "o3_8h", "pm10_24h", "pm25_24h", "so2_24h"};
	double		conc[AQI_N_HOURLY_ARGS];
	unsigned char present[AQI_N_HOURLY_ARGS];
	report_cache *c;
	aqi_result	r;
	text	   *t;
	int			conv;

	if (PG_ARGISNULL(AQI_N_HOURLY_ARGS) || PG_ARGISNULL(AQI_N_HOURLY_ARGS + 1))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(AQI_N_HOURLY_ARGS);
	conv = aqi_convention_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	if (conv < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown real-time AQI convention \"%.*s\"", (int) VARSIZE_ANY_EXHDR(t), VARDATA_ANY(t)),
				 errhint("Use 'published' (the six 1-h means, as the national network publishes) or 'text' (HJ 633-2012 with moving averages).")));
	c = report_cache_get(fcinfo, PG_GETARG_INT16(AQI_N_HOURLY_ARGS + 1), AQI_REPORT_HJ633, "eco.aqi_realtime_report");
	for (int i = 0; i < AQI_N_HOURLY_ARGS; i++)
		conc_arg(fcinfo, i, names[i], &conc[i], &present[i]);
	if (conv == AQI_CONV_PUBLISHED)
		aqi_hourly_published(c->edition, conc, present, &r);
	else
		aqi_hourly(c->edition, conc, present, &r);
	return canonical_report_datum(fcinfo, c, &r);
}

/* eco.aqi_epa_report(so2, no2, co, o3_8h, o3_1h, pm10, pm25, so2_24h, standard) */
Datum
aqi_epa_report_fn(PG_FUNCTION_ARGS)
{
	/* argument j -> input of the core */
	static const aqi_epa_arg arg_of[AQI_N_EPA_ARGS] = {
		AQI_E_SO2, AQI_E_NO2, AQI_E_CO, AQI_E_O3_8H, AQI_E_O3_1H, AQI_E_PM10, AQI_E_PM25, AQI_E_SO2_24H};
	static const char *const names[AQI_N_EPA_ARGS] = {"so2", "no2", "co", "o3_8h", "o3_1h", "pm10", "pm25", "so2_24h"};
	/* result field j <- index of the core; main-pollutant bit j <- pollutant of the core */
	static const aqi_epa_arg field_of[AQI_N_EPA_ARGS - 1] = {
		AQI_E_SO2, AQI_E_NO2, AQI_E_CO, AQI_E_O3_8H, AQI_E_O3_1H, AQI_E_PM10, AQI_E_PM25};
	static const aqi_epa_pollutant pol_of[AQI_N_EP] = {
		AQI_EP_SO2, AQI_EP_NO2, AQI_EP_CO, AQI_EP_O3, AQI_EP_PM10, AQI_EP_PM25};
	static const char *const codes[AQI_N_EP] = {"SO2", "NO2", "CO", "O3", "PM10", "PM2.5"};
	double		conc[AQI_N_EPA_ARGS];
	unsigned char present[AQI_N_EPA_ARGS];
	int			index[AQI_N_EPA_ARGS - 1];
	unsigned	mask = 0;
	report_cache *c;
	aqi_epa_result r;

	if (PG_ARGISNULL(AQI_N_EPA_ARGS))
		PG_RETURN_NULL();
	c = report_cache_get(fcinfo, PG_GETARG_INT16(AQI_N_EPA_ARGS), AQI_REPORT_EPA, "eco.aqi_epa_report");
	for (int j = 0; j < AQI_N_EPA_ARGS; j++)
	{
		aqi_epa_arg a = arg_of[j];

		present[a] = !PG_ARGISNULL(j);
		conc[a] = present[a] ? PG_GETARG_FLOAT8(j) : 0;
		if (present[a] && unlikely(isnan(conc[a]) || isinf(conc[a])))
			eco_check_concentration(conc[a], names[j]);
	}
	aqi_epa(c->edition, conc, present, &r);
	if (r.overflow_arg >= 0)
		for (int j = 0; j < AQI_N_EPA_ARGS; j++)
			if ((int) arg_of[j] == r.overflow_arg)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("AQI of %s %g is out of range for type integer", names[j], conc[r.overflow_arg])));
	for (int j = 0; j < AQI_N_EPA_ARGS - 1; j++)
		index[j] = r.index[field_of[j]];
	for (int j = 0; j < AQI_N_EP; j++)
		if (r.main & (1u << pol_of[j]))
			mask |= 1u << j;
	return result_datum(fcinfo, c, r.aqi, r.level, mask, index, codes, AQI_N_EP);
}

/* ---------- eco.aqi_editions: the edition records ---------- */

/* The indicators of a report, "input on TABLE" each (inputs named as the arguments of the report function). */
static Datum
indicator_array(const aqi_source *src, const char *const *input_names)
{
	Datum		elems[AQI_N_IND];
	int			n = 0;

	for (int j = 0; j < AQI_N_IND; j++)
		if (src[report_order[j]].used)
		{
			const aqi_source *s = &src[report_order[j]];
			char		buf[64];

			snprintf(buf, sizeof buf, "%s on %s %s", input_names[s->arg], aqi_item_code((aqi_item) s->item),
					 aqi_period_name((aqi_period) s->period));
			elems[n++] = CStringGetTextDatum(buf);
		}
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum
footnote_text(const aqi_rules *ed)
{
	StringInfoData b;

	initStringInfo(&b);
	for (int i = 0; i < ed->n_footnotes; i++)
	{
		const aqi_footnote *f = &ed->footnotes[i];

		appendStringInfo(&b, "%s%s %s above the top breakpoint: ", i ? "; " : "",
						 aqi_item_code(f->item), aqi_period_name(f->period));
		if (f->rule == AQI_FN_FIXED)
			appendStringInfo(&b, "IAQI %d", f->iaqi);
		else if (f->rule == AQI_FN_NA)
			appendStringInfoString(&b, "no index");
		else if (f->companion_period >= 0)
			appendStringInfo(&b, "the IAQI of the %s %s value", aqi_item_code(f->item),
							 aqi_period_name((aqi_period) f->companion_period));
		else
			appendStringInfo(&b, "reported by the %s indicator", aqi_indicator_code((aqi_indicator) f->companion_ind));
	}
	return CStringGetTextDatum(b.data);
}

/* eco.aqi_editions: one row per edition record. */
Datum
aqi_edition_list(PG_FUNCTION_ARGS)
{
	static const char *const input[] = {"as written", "GB/T 8170 rounding", "truncation"};
	static const char *const missing[] = {"from the indicators present", "withheld unless above 100"};
	static const char *const daily_in[AQI_N_IND] = {"so2", "no2", "co", "pm10", "pm25", "o3_8h", "o3_1h"};
	static const char *const hourly_in[AQI_N_HOURLY_ARGS] = {
		"so2", "no2", "co", "o3", "pm10", "pm25", "o3_8h", "pm10_24h", "pm25_24h", "so2_24h"};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int e = 0; e < aqi_n_editions; e++)
	{
		const aqi_rules *ed = aqi_editions[e];
		bool		hj = ed->report == AQI_REPORT_HJ633;
		Datum		values[12];
		bool		nulls[12] = {0};

		values[0] = edition_code(ed->id);
		values[1] = CStringGetTextDatum(hj ? "daily and real-time reports" : "US EPA AQI");
		values[2] = CStringGetTextDatum(input[ed->input]);
		values[3] = CStringGetTextDatum(ed->interp == AQI_INTERP_CEIL ? "ceiling, continuous bands"
										: "nearest integer, disjoint bands");
		values[4] = Int32GetDatum(ed->top_cap);
		nulls[4] = ed->top_cap < 0;
		values[5] = footnote_text(ed);
		values[6] = hj ? indicator_array(ed->daily, daily_in) : (Datum) 0;
		values[7] = hj ? CStringGetTextDatum(missing[ed->daily_missing]) : (Datum) 0;
		values[8] = hj ? indicator_array(ed->realtime, hourly_in) : (Datum) 0;
		values[9] = hj ? CStringGetTextDatum(missing[ed->realtime_missing]) : (Datum) 0;
		values[10] = hj ? indicator_array(ed->published, hourly_in) : (Datum) 0;
		values[11] = hj ? CStringGetTextDatum(missing[ed->published_missing]) : (Datum) 0;
		for (int k = 6; k < 12; k++)
			nulls[k] = !hj;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
