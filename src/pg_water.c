/*
 * pg_water.c — glue for eco.water_class and the surface-water functions and
 * aggregates (GB 3838-2002, 环办〔2011〕22号).  The work is in core/water.c.
 */
#include "eco_glue.h"

#include "catalog/pg_type.h"
#include <math.h>

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "water.h"

#define PG_GETARG_WATER_CLASS(n) water_class_arg(PG_GETARG_INT16(n))

/* A stored water class must be 1..6: anything else is a corrupted datum. */
static inline int
water_class_arg(int16 c)
{
	if (c < ECO_WC_I || c > ECO_WC_WORSE_V)
		elog(ERROR, "invalid water class datum %d", (int) c);
	return c;
}

/* The codes of the surface-water items of the registry (medium water), comma-separated: hints. */
static char *
water_item_codes(void)
{
	StringInfoData buf;
	char		code[64];

	initStringInfo(&buf);
	for (int i = 0; i < eco_n_pollutants; i++)
		if (eco_pollutants[i].medium == ECO_WATER)
			appendStringInfo(&buf, "%s%s", buf.len > 0 ? ", " : "",
							 eco_pollutant_out(&eco_pollutants[i], code, sizeof code));
	return buf.data;
}

/* The codes of the editions of the water records (eco_water_editions), comma-separated: hints. */
static char *
water_edition_codes(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < eco_n_water_editions; i++)
		appendStringInfo(&buf, "%s%s", buf.len > 0 ? ", " : "",
						 eco_standard_by_id(eco_water_editions[i].std_id)->code);
	return buf.data;
}

/* The water item of a pollutant ('Pb' parses to the air item; use its water twin). */
static const eco_pollutant *
water_item_of(const eco_pollutant *p)
{
	const eco_pollutant *w = eco_pollutant_in_medium(p, ECO_WATER);
	char		buf[64];

	if (w == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pollutant %s is not a surface-water item", eco_pollutant_out(p, buf, sizeof buf)),
				 errhint("Surface-water items: %s.", water_item_codes())));
	return w;
}

/*
 * The edition record of a standard argument: ERROR 22023 naming the standard
 * and the function when it is not a surface-water edition.
 */
static const eco_water_edition *
water_edition_arg(int16 std_id, const char *what)
{
	const eco_standard *st = eco_standard_arg(std_id);
	const eco_water_edition *ed = eco_water_edition_find(st->id);

	if (ed == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("standard \"%s\" does not apply to %s", st->code, what),
				 errhint("Surface-water editions: %s.", water_edition_codes())));
	return ed;
}

/* "River: river, 河流, …; lakes and reservoirs: lake, …." from the C table of words */
static char *
water_body_hint(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int b = ECO_RIVER; b <= ECO_LAKE; b++)
	{
		bool		first = true;

		appendStringInfoString(&buf, b == ECO_RIVER ? "Rivers: " : "; lakes and reservoirs: ");
		for (int i = 0; i < eco_n_water_body_words; i++)
			if ((int) eco_water_body_words[i].body == b)
			{
				appendStringInfo(&buf, "%s'%s'", first ? "" : ", ", eco_water_body_words[i].word);
				first = false;
			}
	}
	appendStringInfoChar(&buf, '.');
	return buf.data;
}

/* "Use 'zh' (Ⅲ类), 'roman' (Ⅲ), …" from the C table of styles, with class c as the example */
static char *
label_style_hint(int c)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "Styles:");
	for (int i = 0; i < ECO_WATER_N_LABEL_STYLES; i++)
		appendStringInfo(&buf, "%s '%s' (%s)", i > 0 ? "," : "", eco_water_label_styles[i],
						 eco_water_class_label(c, eco_water_label_styles[i]));
	appendStringInfoChar(&buf, '.');
	return buf.data;
}

static eco_water_body
water_body_arg(text *t)
{
	char	   *s = text_to_cstring(t);
	int			b = eco_water_body_parse(s);

	if (b < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown water body \"%s\"", s),
				 errhint("%s", water_body_hint())));
	pfree(s);
	return (eco_water_body) b;
}

static void
water_check_value(double v, const eco_pollutant *p)
{
	char		buf[64];
	char		what[96];

	if (isnan(v) || isinf(v) || v < 0)
	{
		snprintf(what, sizeof what, "value of %s", eco_pollutant_out(p, buf, sizeof buf));
		eco_check_concentration(v, what);
	}
}

/* Decimals of an exceedance multiple: 0 .. WATER_MAX_DECIMALS (10^6 scaling stays far inside int64). */
#define WATER_MAX_DECIMALS 6

static void
water_check_decimals(int d)
{
	if (d < 0 || d > WATER_MAX_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and %d, not %d", WATER_MAX_DECIMALS, d)));
}

/* ERROR 22003: the exceedance multiple of value v does not fit (see eco_water_multiple) */
static void
multiple_out_of_range(const eco_pollutant *p, double v)
{
	char		buf[64];

	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("exceedance multiple of %s value %g is out of range", eco_pollutant_out(p, buf, sizeof buf), v),
			 errhint("The value is far beyond any concentration; check its unit.")));
}

/* "scaled / 10^d" as text, e.g. (7, 2) -> "0.07" */
static void
scaled_text(int64 scaled, int d, char *out, size_t sz)
{
	char		digits[32];
	int			len;

	snprintf(digits, sizeof digits, "%lld", (long long) scaled);
	len = (int) strlen(digits);
	if (d == 0)
		snprintf(out, sz, "%s", digits);
	else if (len > d)
		snprintf(out, sz, "%.*s.%s", len - d, digits, digits + len - d);
	else
	{
		char		zeros[8] = "000000";

		zeros[d - len] = '\0';
		snprintf(out, sz, "0.%s%s", zeros, digits);
	}
}

/* "scaled / 10^d" as a numeric */
static Datum
scaled_numeric(int64 scaled, int d)
{
	char		out[48];

	scaled_text(scaled, d, out, sizeof out);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(out), ObjectIdGetDatum(InvalidOid),
							   Int32GetDatum(-1));
}

/* ---------- type eco.water_class ---------- */
PG_FUNCTION_INFO_V1(water_class_in);
PG_FUNCTION_INFO_V1(water_class_out);
PG_FUNCTION_INFO_V1(water_class_recv);
PG_FUNCTION_INFO_V1(water_class_send);
PG_FUNCTION_INFO_V1(water_class_label);
PG_FUNCTION_INFO_V1(water_class_status);
PG_FUNCTION_INFO_V1(water_class_colour);

Datum
water_class_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	int			c = eco_water_class_parse(s);

	if (c == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type water_class: \"%s\"", s),
				 errdetail("A GB 3838 class is I, II, III, IV, V or 劣V (worse than V)."),
				 errhint("Also accepted: Ⅲ, 3, III类, Ⅲ类, 劣Ⅴ, 劣Ⅴ类, worse than V.")));
	PG_RETURN_INT16(c);
}

Datum
water_class_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(eco_water_class_out(PG_GETARG_WATER_CLASS(0))));
}

Datum
water_class_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int16		c = pq_getmsgint(buf, 2);

	if (c < ECO_WC_I || c > ECO_WC_WORSE_V)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external water_class %d", (int) c),
				 errdetail("A binary water_class is an int2 from 1 (I) to 6 (劣V).")));
	PG_RETURN_INT16(c);
}

Datum
water_class_send(PG_FUNCTION_ARGS)
{
	int16		c = PG_GETARG_WATER_CLASS(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, c);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
water_class_label(PG_FUNCTION_ARGS)
{
	int			c = PG_GETARG_WATER_CLASS(0);
	char	   *style = PG_GETARG_CSTRING_TEXT(1);
	const char *l = eco_water_class_label(c, style);

	if (l == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown label style \"%s\"", style),
				 errhint("%s", label_style_hint(c))));
	PG_RETURN_TEXT_P(cstring_to_text(l));
}

static int
lang_arg(text *t)
{
	char	   *lang = text_to_cstring(t);

	if (strcmp(lang, "zh") == 0)
		return 0;
	if (strcmp(lang, "en") == 0)
		return 1;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown language \"%s\"", lang),
			 errhint("Use 'zh' or 'en'.")));
	return 0;
}

Datum
water_class_status(PG_FUNCTION_ARGS)
{
	int			c = PG_GETARG_WATER_CLASS(0);
	int			en = lang_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(cstring_to_text(en ? eco_water_status_en(c) : eco_water_status(c)));
}

Datum
water_class_colour(PG_FUNCTION_ARGS)
{
	int			c = PG_GETARG_WATER_CLASS(0);
	int			en = lang_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(cstring_to_text(eco_water_colour(c, en)));
}

/* ---------- single values ---------- */
PG_FUNCTION_INFO_V1(water_default_standard);
PG_FUNCTION_INFO_V1(water_item_class);
PG_FUNCTION_INFO_V1(water_class_of_value);
PG_FUNCTION_INFO_V1(water_exceedance);
PG_FUNCTION_INFO_V1(water_item);

/* eco.water_default_standard(): the edition record marked default (src/core/water.c) */
Datum
water_default_standard(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(eco_water_edition_default()->std_id);
}

/*
 * eco.water_item_class(pollutant, value, water_body, standard).  The 0.1.0
 * entry point water_class_of_value (pollutant, value, water_body) is the same
 * code under the default edition: 0.1.0's install script still binds it.
 */
static Datum
item_class(FunctionCallInfo fcinfo, const eco_water_edition *ed)
{
	const eco_pollutant *p = water_item_of(PG_GETARG_POLLUTANT(0));
	double		v = PG_GETARG_FLOAT8(1);
	eco_water_body body = water_body_arg(PG_GETARG_TEXT_PP(2));
	const eco_water_item *it;
	int			c;

	water_check_value(v, p);
	it = eco_water_edition_item(ed, p->id, body);
	if (it == NULL)
		PG_RETURN_NULL();
	c = eco_water_classify(it, v);
	if (c == ECO_WC_NONE)
		PG_RETURN_NULL();
	PG_RETURN_INT16(c);
}

Datum
water_item_class(PG_FUNCTION_ARGS)
{
	return item_class(fcinfo, water_edition_arg(PG_GETARG_INT16(3), "eco.water_item_class"));
}

Datum
water_class_of_value(PG_FUNCTION_ARGS)
{
	return item_class(fcinfo, eco_water_edition_default());
}

/* eco.water_exceedance(pollutant, value, target, water_body, decimals [, standard]) */
Datum
water_exceedance(PG_FUNCTION_ARGS)
{
	const eco_water_edition *ed = PG_NARGS() > 5
		? water_edition_arg(PG_GETARG_INT16(5), "eco.water_exceedance") : eco_water_edition_default();
	const eco_pollutant *p = water_item_of(PG_GETARG_POLLUTANT(0));
	double		v = PG_GETARG_FLOAT8(1);
	int			target = PG_GETARG_WATER_CLASS(2);
	eco_water_body body = water_body_arg(PG_GETARG_TEXT_PP(3));
	int			d = PG_GETARG_INT32(4);
	const eco_water_item *it;
	int64		scaled;
	int			rc;

	water_check_value(v, p);
	water_check_decimals(d);
	if (target == ECO_WC_WORSE_V)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target class 劣V has no limit"),
				 errhint("Use a target class from I to V.")));
	it = eco_water_edition_item(ed, p->id, body);
	if (it == NULL)
		PG_RETURN_NULL();
	rc = eco_water_multiple(it, v, target, d, &scaled);
	if (rc == 0)
		PG_RETURN_NULL();
	if (rc < 0)
		multiple_out_of_range(p, v);
	PG_RETURN_DATUM(scaled_numeric(scaled, d));
}

Datum
water_item(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(water_item_of(PG_GETARG_POLLUTANT(0))->id);
}

/* ---------- section aggregates: per-item means ---------- */

typedef struct WaterAggState
{
	int32		body;			/* -1 until the first row with a water body */
	int32		heavy_first;	/* main pollutants: heavy-metal priority */
	int32		decimals;		/* main pollutants label */
	int32		body_len;		/* cache of the last water-body text */
	char		body_raw[32];	/* that text when it fits (longer texts are parsed at every row) */
	int32		std_id;			/* the edition (eco.standard id); 0 until a row gives one: the default */
	eco_water_means m;
} WaterAggState;

/*
 * SSPACE of the section aggregates (eco.section_class, eco.main_pollutants, eco.main_pollutants_label,
 * eco.drinking_source_compliance in src/sql/30_water.sql): the planner's estimate of the state's size, so the
 * SQL number is this struct's size; a change of the struct breaks the build until both are updated.
 */
#define WATER_AGG_SSPACE 800
StaticAssertDecl(sizeof(WaterAggState) == WATER_AGG_SSPACE,
				 "WaterAggState changed: update WATER_AGG_SSPACE and SSPACE in src/sql/30_water.sql");

PG_FUNCTION_INFO_V1(water_agg_trans);
PG_FUNCTION_INFO_V1(water_agg_combine);
PG_FUNCTION_INFO_V1(water_agg_serialize);
PG_FUNCTION_INFO_V1(water_agg_deserialize);
PG_FUNCTION_INFO_V1(water_agg_class_final);
PG_FUNCTION_INFO_V1(water_agg_main_final);
PG_FUNCTION_INFO_V1(water_agg_label_final);
PG_FUNCTION_INFO_V1(water_agg_drinking_final);

static WaterAggState *
water_state_new(MemoryContext ctx)
{
	WaterAggState *st = MemoryContextAllocZero(ctx, sizeof(WaterAggState));

	st->body = -1;
	st->heavy_first = 1;
	st->decimals = 2;
	return st;
}

static void
water_state_body(WaterAggState *st, int body)
{
	if (st->body >= 0 && st->body != body)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("one evaluation mixes water bodies \"%s\" and \"%s\"",
						eco_water_body_name(st->body), eco_water_body_name(body)),
				 errhint("Group rivers and lakes separately.")));
	st->body = body;
}

/* named in errors: the transition state is shared by the four aggregates */
#define WATER_AGGREGATES "the section aggregates (eco.section_class, eco.main_pollutants, eco.main_pollutants_label, eco.drinking_source_compliance)"

static void
water_state_standard(WaterAggState *st, int16 std_id, const char *what)
{
	if (st->std_id != 0 && st->std_id != std_id)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("one evaluation mixes standards \"%s\" and \"%s\"",
						eco_standard_arg(st->std_id)->code, eco_standard_arg(std_id)->code),
				 errhint("Evaluate each edition separately.")));
	if (st->std_id == 0)
		(void) water_edition_arg(std_id, what);
	st->std_id = std_id;
}

/* The edition of a state: the one its rows named, else the default. */
static const eco_water_edition *
state_edition(WaterAggState *st)
{
	return st->std_id != 0 ? eco_water_edition_find(st->std_id) : eco_water_edition_default();
}

/*
 * (state, pollutant, value [, water_body [, heavy_first boolean | decimals integer] [, standard]]).
 * Rows with a NULL pollutant or value are skipped.
 */
Datum
water_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	WaterAggState *st;
	int16		id;
	double		v;
	int			slot;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "water_agg_trans called in non-aggregate context");
	st = PG_ARGISNULL(0) ? water_state_new(aggctx) : (WaterAggState *) PG_GETARG_POINTER(0);
	/* the per-group parameters first, so that every partial state carries them */
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		text	   *t = PG_GETARG_TEXT_PP(3);
		int			len = VARSIZE_ANY_EXHDR(t);

		if (!(st->body >= 0 && len == st->body_len && memcmp(VARDATA_ANY(t), st->body_raw, len) == 0))
		{
			water_state_body(st, water_body_arg(t));
			if (len <= (int) sizeof st->body_raw)
			{
				st->body_len = len;
				memcpy(st->body_raw, VARDATA_ANY(t), len);
			}
		}
	}
	/* (…, text, standard), (…, text, boolean [, standard]), (…, text, integer [, standard]) */
	for (int a = 4; a < PG_NARGS(); a++)
	{
		Oid			t;

		if (PG_ARGISNULL(a))
			continue;
		t = get_fn_expr_argtype(fcinfo->flinfo, a);
		if (t == BOOLOID)
			st->heavy_first = PG_GETARG_BOOL(a);
		else if (t == INT4OID)
		{
			st->decimals = PG_GETARG_INT32(a);
			water_check_decimals(st->decimals);
		}
		else if (st->std_id != PG_GETARG_INT16(a))
			water_state_standard(st, PG_GETARG_INT16(a), WATER_AGGREGATES);
	}
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);
	id = PG_GETARG_INT16(1);
	v = PG_GETARG_FLOAT8(2);
	if (id >= ECO_WATER_ID0 && id < ECO_WATER_ID0 + ECO_WATER_SLOTS)
		slot = id - ECO_WATER_ID0;
	else
		slot = water_item_of(eco_pollutant_arg(id))->id - ECO_WATER_ID0;
	/* a water item outside the slots has no GB 3838 Table 1/2 row: it takes no part (and must not overrun) */
	if (slot < 0 || slot >= ECO_WATER_SLOTS)
		PG_RETURN_POINTER(st);
	if (isnan(v) || isinf(v) || v < 0)
		water_check_value(v, eco_pollutant_by_id(ECO_WATER_ID0 + slot));
	/* exact sums (exact_sum.h): a serial and a parallel plan give the same means, bit for bit */
	switch (eco_water_means_add(&st->m, slot, v))
	{
		case 1:
			break;
		case 0:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("sum of a section's values is out of range"),
					 errdetail("Values and their sums must stay below 2^63.")));
			break;
		default:
			{
				char		buf[64];

				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("value %g of %s is out of range for a section mean", v,
								eco_pollutant_out(eco_pollutant_by_id(ECO_WATER_ID0 + slot), buf, sizeof buf)),
						 errdetail("Values and their sums must stay below 2^63.")));
			}
	}
	PG_RETURN_POINTER(st);
}

Datum
water_agg_combine(PG_FUNCTION_ARGS)
{
	WaterAggState *a,
			   *b;

	if (eco_flat_combine_empty(fcinfo, sizeof(WaterAggState), "water_agg_combine", (void **) &a, (void **) &b))
		ECO_RETURN_STATE(a);
	if (b->body >= 0)
		water_state_body(a, b->body);
	if (b->std_id != 0)
		water_state_standard(a, (int16) b->std_id, WATER_AGGREGATES);
	a->heavy_first = b->heavy_first;
	a->decimals = b->decimals;
	if (!eco_water_means_merge(&a->m, &b->m))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of a section's values is out of range"),
				 errdetail("Values and their sums must stay below 2^63.")));
	PG_RETURN_POINTER(a);
}

/* The state is flat: its bytes are its serial form. */
ECO_FLAT_STATE_IO(water_agg, WaterAggState, "water aggregate")

static eco_water_body
state_body(WaterAggState *st)
{
	return st->body == ECO_LAKE ? ECO_LAKE : ECO_RIVER;
}

Datum
water_agg_class_final(PG_FUNCTION_ARGS)
{
	WaterAggState *st;
	int			c;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (WaterAggState *) PG_GETARG_POINTER(0);
	c = eco_water_section_class(state_edition(st), &st->m, state_body(st));
	if (c == ECO_WC_NONE)
		PG_RETURN_NULL();
	PG_RETURN_INT16(c);
}

static ArrayType *
pollutant_array(Oid arraytype, const short *ids, int n)
{
	Oid			elem = get_element_type(arraytype);
	Datum		d[ECO_WATER_SLOTS];
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (!OidIsValid(elem))
		elog(ERROR, "water aggregate: result is not an array");
	for (int i = 0; i < n; i++)
		d[i] = Int16GetDatum(ids[i]);
	get_typlenbyvalalign(elem, &typlen, &typbyval, &typalign);
	return construct_array(d, n, elem, typlen, typbyval, typalign);
}

Datum
water_agg_main_final(PG_FUNCTION_ARGS)
{
	WaterAggState *st;
	eco_water_main mp[3];
	short		ids[3];
	int			n;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (WaterAggState *) PG_GETARG_POINTER(0);
	n = eco_water_main_pollutants(state_edition(st), &st->m, state_body(st), st->heavy_first, st->decimals, mp);
	for (int i = 0; i < n; i++)
		ids[i] = mp[i].item->pollutant_id;
	PG_RETURN_ARRAYTYPE_P(pollutant_array(get_fn_expr_rettype(fcinfo->flinfo), ids, n));
}

Datum
water_agg_label_final(PG_FUNCTION_ARGS)
{
	WaterAggState *st;
	eco_water_main mp[3];
	StringInfoData s;
	int			n;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (WaterAggState *) PG_GETARG_POINTER(0);
	n = eco_water_main_pollutants(state_edition(st), &st->m, state_body(st), st->heavy_first, st->decimals, mp);
	initStringInfo(&s);
	for (int i = 0; i < n; i++)
	{
		const eco_pollutant *p = eco_pollutant_by_id(mp[i].item->pollutant_id);

		if (mp[i].overflow)
			multiple_out_of_range(p, eco_water_mean(&st->m, mp[i].item->pollutant_id - ECO_WATER_ID0));
		if (i > 0)
			appendStringInfoString(&s, "、");
		appendStringInfoString(&s, p->name_zh);
		if (mp[i].has_multiple)
		{
			char		num[48];

			scaled_text(mp[i].scaled, st->decimals, num, sizeof num);
			appendStringInfo(&s, "(%s)", num);
		}
	}
	PG_RETURN_TEXT_P(cstring_to_text(s.data));
}

Datum
water_agg_drinking_final(PG_FUNCTION_ARGS)
{
	WaterAggState *st;
	TupleDesc	td;
	short		fail[ECO_WATER_SLOTS];
	int			nf,
				nitems;
	Datum		values[3];
	bool		nulls[3] = {0};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (WaterAggState *) PG_GETARG_POINTER(0);
	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "drinking_source_compliance: return type must be a row type");
	td = BlessTupleDesc(td);
	nf = eco_water_drinking(state_edition(st), &st->m, state_body(st), fail, &nitems);
	values[0] = BoolGetDatum(nf == 0);
	values[1] = PointerGetDatum(pollutant_array(TupleDescAttr(td, 1)->atttypid, fail, nf));
	values[2] = Int32GetDatum(nitems);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* ---------- basin status ---------- */

typedef struct BasinState
{
	int64		counts[ECO_WC_WORSE_V + 1];	/* sections per class, indexed by the class 1 (I) .. 6 (劣V) */
} BasinState;

/* SSPACE of eco.basin_status in src/sql/30_water.sql */
#define WATER_BASIN_SSPACE 56
StaticAssertDecl(sizeof(BasinState) == WATER_BASIN_SSPACE,
				 "BasinState changed: update WATER_BASIN_SSPACE and SSPACE in src/sql/30_water.sql");

PG_FUNCTION_INFO_V1(water_basin_trans);
PG_FUNCTION_INFO_V1(water_basin_combine);
PG_FUNCTION_INFO_V1(water_basin_serialize);
PG_FUNCTION_INFO_V1(water_basin_deserialize);
PG_FUNCTION_INFO_V1(water_basin_final);

Datum
water_basin_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	BasinState *st;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "water_basin_trans called in non-aggregate context");
	st = PG_ARGISNULL(0) ? MemoryContextAllocZero(aggctx, sizeof(BasinState))
		: (BasinState *) PG_GETARG_POINTER(0);
	if (!PG_ARGISNULL(1))
		st->counts[PG_GETARG_WATER_CLASS(1)]++;
	PG_RETURN_POINTER(st);
}

Datum
water_basin_combine(PG_FUNCTION_ARGS)
{
	BasinState *a,
			   *b;

	if (eco_flat_combine_empty(fcinfo, sizeof(BasinState), "water_basin_combine", (void **) &a, (void **) &b))
		ECO_RETURN_STATE(a);
	for (int c = 0; c < (int) lengthof(a->counts); c++)
		a->counts[c] += b->counts[c];
	PG_RETURN_POINTER(a);
}

ECO_FLAT_STATE_IO(water_basin, BasinState, "eco.basin_status")

/* The attributes of eco.basin_evaluation (src/sql/30_water.sql): status, color_zh, sections, share_i_iii,
 * share_worse_v, method. */
#define BASIN_EVALUATION_NATTS 6

/* share = k / n in percent, rounded half-up to 2 decimals, exactly: (k * 100 * 10^2 + n / 2) / n in integers */
static Datum
share_numeric(int64 k, int64 n)
{
	int64		scaled = (k * 100 * 100 * 2 + n) / (2 * n);

	return scaled_numeric(scaled, 2);
}

Datum
water_basin_final(PG_FUNCTION_ARGS)
{
	BasinState *st;
	TupleDesc	td;
	eco_basin	b;
	Datum		values[BASIN_EVALUATION_NATTS];
	bool		nulls[BASIN_EVALUATION_NATTS] = {0};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (BasinState *) PG_GETARG_POINTER(0);
	eco_basin_status(st->counts, &b);
	if (b.n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "basin_status: return type must be a row type");
	if (td->natts != BASIN_EVALUATION_NATTS)
		elog(ERROR, "basin_status: eco.basin_evaluation has %d attributes, not %d", td->natts, BASIN_EVALUATION_NATTS);
	td = BlessTupleDesc(td);
	if (b.status == 0)
		nulls[0] = nulls[1] = true;
	else
	{
		values[0] = CStringGetTextDatum(eco_basin_status_word(b.status));
		values[1] = CStringGetTextDatum(eco_basin_colour(b.status));
	}
	values[2] = Int32GetDatum((int32) b.n);
	values[3] = share_numeric(b.good, b.n);
	values[4] = share_numeric(b.worse_v, b.n);
	values[5] = CStringGetTextDatum(b.status == 0 ? "too few sections" : "class shares");
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* ---------- Spearman trend ---------- */

typedef struct SpearmanState
{
	int32		n;
	int32		cap;
	int32	   *period;
	double	   *value;
} SpearmanState;

PG_FUNCTION_INFO_V1(water_spearman_trans);
PG_FUNCTION_INFO_V1(water_spearman_combine);
PG_FUNCTION_INFO_V1(water_spearman_serialize);
PG_FUNCTION_INFO_V1(water_spearman_deserialize);
PG_FUNCTION_INFO_V1(water_spearman_final);
PG_FUNCTION_INFO_V1(water_spearman_table);

static SpearmanState *
sp_new(MemoryContext ctx, int cap)
{
	SpearmanState *st = MemoryContextAlloc(ctx, sizeof(SpearmanState));

	st->n = 0;
	st->cap = cap < 8 ? 8 : cap;
	st->period = MemoryContextAlloc(ctx, sizeof(int32) * st->cap);
	st->value = MemoryContextAlloc(ctx, sizeof(double) * st->cap);
	return st;
}

static void
sp_push(SpearmanState *st, int32 p, double v)
{
	if (st->n == st->cap)
	{
		if (st->cap >= 1 << 24)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("spearman_trend accepts at most %d periods", 1 << 24)));
		st->cap *= 2;
		st->period = repalloc(st->period, sizeof(int32) * st->cap);
		st->value = repalloc(st->value, sizeof(double) * st->cap);
	}
	st->period[st->n] = p;
	st->value[st->n] = v;
	st->n++;
}

Datum
water_spearman_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx,
				old;
	SpearmanState *st;
	double		v;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "water_spearman_trans called in non-aggregate context");
	st = PG_ARGISNULL(0) ? sp_new(aggctx, 8) : (SpearmanState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);
	v = PG_GETARG_FLOAT8(2);
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("spearman_trend value must be a finite number, not %g", v)));
	old = MemoryContextSwitchTo(aggctx);
	sp_push(st, PG_GETARG_INT32(1), v);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(st);
}

Datum
water_spearman_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx,
				old;
	SpearmanState *a = PG_ARGISNULL(0) ? NULL : (SpearmanState *) PG_GETARG_POINTER(0);
	SpearmanState *b = PG_ARGISNULL(1) ? NULL : (SpearmanState *) PG_GETARG_POINTER(1);

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "water_spearman_combine called in non-aggregate context");
	if (b == NULL)
		PG_RETURN_POINTER(a);
	old = MemoryContextSwitchTo(aggctx);
	if (a == NULL)
		a = sp_new(aggctx, b->n);
	for (int i = 0; i < b->n; i++)
		sp_push(a, b->period[i], b->value[i]);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(a);
}

Datum
water_spearman_serialize(PG_FUNCTION_ARGS)
{
	SpearmanState *st = (SpearmanState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, st->n);
	for (int i = 0; i < st->n; i++)
	{
		pq_sendint32(&buf, st->period[i]);
		pq_sendfloat8(&buf, st->value[i]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
water_spearman_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	SpearmanState *st;
	int			n;

	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in));
	n = pq_getmsgint(&buf, 4);
	if (n < 0 || (size_t) n * 12 != (size_t) (buf.len - 4))
		elog(ERROR, "invalid serialized spearman state");
	st = sp_new(CurrentMemoryContext, n);
	for (int i = 0; i < n; i++)
	{
		int32		p = pq_getmsgint(&buf, 4);

		sp_push(st, p, pq_getmsgfloat8(&buf));
	}
	pq_getmsgend(&buf);
	pfree(buf.data);
	PG_RETURN_POINTER(st);
}

Datum
water_spearman_final(PG_FUNCTION_ARGS)
{
	SpearmanState *st;
	TupleDesc	td;
	double		rs,
				crit;
	Datum		values[4];
	bool		nulls[4] = {0};
	int32	   *per;
	double	   *val;
	int			rc;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (SpearmanState *) PG_GETARG_POINTER(0);
	if (st->n < 5)
		PG_RETURN_NULL();
	/* the final function may run more than once on the state: work on copies */
	per = palloc(sizeof(int32) * st->n);
	val = palloc(sizeof(double) * st->n);
	memcpy(per, st->period, sizeof(int32) * st->n);
	memcpy(val, st->value, sizeof(double) * st->n);
	rc = eco_spearman(st->n, per, val, &rs);
	if (rc == -2)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	if (rc < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("spearman_trend got two values for one period"),
				 errhint("Aggregate each period to one value (e.g. its mean) first.")));
	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "spearman_trend: return type must be a row type");
	td = BlessTupleDesc(td);
	crit = eco_spearman_critical(st->n, 0);
	/* rc 1: every value equal, r_s undefined (NULL) and no trend */
	values[0] = Float8GetDatum(rc == 1 ? 0 : rs);
	nulls[0] = rc == 1;
	values[1] = Int32GetDatum(st->n);
	values[2] = Float8GetDatum(crit);
	values[3] = CStringGetTextDatum(rc == 1 || fabs(rs) <= crit ? "no significant trend"
									: rs < 0 ? "significant decrease" : "significant increase");
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* eco.spearman_critical_values view */
Datum
water_spearman_table(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < ECO_SPEARMAN_TABLE_LEN; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {0};

		values[0] = Int32GetDatum(eco_spearman_table_n[i]);
		values[1] = Float8GetDatum(eco_spearman_table[0][i]);
		values[2] = Float8GetDatum(eco_spearman_table[1][i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- TLI ---------- */
PG_FUNCTION_INFO_V1(water_tli);
PG_FUNCTION_INFO_V1(water_tli_grade);

Datum
water_tli(PG_FUNCTION_ARGS)
{
	static const char *const names[5] = {"chla", "tp", "tn", "sd", "codmn"};
	double		x[5];

	for (int j = 0; j < 5; j++)
	{
		x[j] = PG_GETARG_FLOAT8(j);
		if (!(x[j] > 0) || isinf(x[j]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("tli: %s must be a finite positive number, not %g", names[j], x[j])));
	}
	PG_RETURN_FLOAT8(eco_tli(x));
}

Datum
water_tli_grade(PG_FUNCTION_ARGS)
{
	double		t = PG_GETARG_FLOAT8(0);

	if (isnan(t) || isinf(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("tli_grade: TLI must be a finite number, not %g", t)));
	PG_RETURN_TEXT_P(cstring_to_text(eco_tli_grade(t)));
}

/* ---------- eco.water_limits view ---------- */
PG_FUNCTION_INFO_V1(water_limits_list);

Datum
water_limits_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	static const char *const dirs[] = {"max", "min", "range", "none"};

	InitMaterializedSRF(fcinfo, 0);
	for (int e = 0; e < eco_n_water_editions; e++)
	{
		const eco_water_edition *ed = &eco_water_editions[e];

		for (int i = 0; i < ed->n_items; i++)
		{
			const eco_water_item *it = &ed->items[i];

			for (int b = ECO_RIVER; b <= ECO_LAKE; b++)
			{
				Datum		values[17];
				bool		nulls[17] = {0};

				if (!(it->flags & (b == ECO_LAKE ? ECO_WF_LAKE : ECO_WF_RIVER)))
					continue;
				values[0] = Int16GetDatum(ed->std_id);
				values[1] = Int16GetDatum(it->pollutant_id);
				values[2] = Int32GetDatum(1);
				values[3] = Int32GetDatum(it->table_row);
				values[4] = CStringGetTextDatum(eco_water_body_name((eco_water_body) b));
				values[5] = CStringGetTextDatum(dirs[it->dir]);
				for (int c = 0; c < 5; c++)
				{
					values[6 + c] = Float8GetDatum(it->lim[c]);
					nulls[6 + c] = it->dir == ECO_WDIR_RANGE || it->dir == ECO_WDIR_NONE;
				}
				nulls[11] = true;
				values[12] = Float8GetDatum(it->lim[0]);
				values[13] = Float8GetDatum(it->lim[1]);
				nulls[12] = nulls[13] = it->dir != ECO_WDIR_RANGE;
				values[14] = BoolGetDatum((it->flags & ECO_WF_EVAL) != 0);
				values[15] = BoolGetDatum((it->flags & ECO_WF_HEAVY) != 0);
				values[16] = BoolGetDatum(it->dir == ECO_WDIR_MAX && !(it->flags & ECO_WF_NOMULT));
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			}
		}
		for (int i = 0; i < ed->n_table2; i++)
		{
			const eco_water_single *t = &ed->table2[i];
			Datum		values[17];
			bool		nulls[17] = {0};

			values[0] = Int16GetDatum(ed->std_id);
			values[1] = Int16GetDatum(t->pollutant_id);
			values[2] = Int32GetDatum(2);
			values[3] = Int32GetDatum(t->table_row);
			nulls[4] = true;
			values[5] = CStringGetTextDatum("max");
			for (int c = 6; c <= 10; c++)
				nulls[c] = true;
			values[11] = Float8GetDatum(t->limit);
			nulls[12] = nulls[13] = true;
			values[14] = BoolGetDatum(false);
			values[15] = BoolGetDatum(false);
			values[16] = BoolGetDatum(false);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
