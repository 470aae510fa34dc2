/*
 * pg_soil.c — glue for soil screening: eco.soil_screen (GB 36600-2018),
 * eco.farmland_screen (GB 15618-2018) and the views of their tables.
 */
#include "eco_glue.h"
#include "soil.h"

#include <math.h>

#include "funcapi.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(soil_screen);
PG_FUNCTION_INFO_V1(soil_screen_text);
PG_FUNCTION_INFO_V1(soil_farmland_screen);
PG_FUNCTION_INFO_V1(soil_farmland_screen_text);
PG_FUNCTION_INFO_V1(soil_gb36600_list);
PG_FUNCTION_INFO_V1(soil_gb15618_list);
PG_FUNCTION_INFO_V1(soil_limits_list);
PG_FUNCTION_INFO_V1(farmland_limits_list);

/* The names of the standard's items, from its C tables, for an error hint. */
static char *
item_names(eco_std_id std)
{
	int			n = eco_soil_item_names(std, NULL, 0);
	char	   *buf = palloc(n + 1);

	eco_soil_item_names(std, buf, n + 1);
	return buf;
}

/* The last name resolved by a call site (fn_extra): a column of one item, or a literal, is read once. */
typedef struct item_cache
{
	int			std;
	const eco_pollutant *p;
	int			len;
	int			cap;			/* bytes allocated for name */
	char		name[FLEXIBLE_ARRAY_MEMBER];
} item_cache;

/*
 * The soil item a text names in the context of the standard (the names as its
 * tables write them first, then any eco.pollutant input): ERROR 22P02 with
 * the table's names in the hint when the standard has no such item.
 */
static const eco_pollutant *
item_arg(FunctionCallInfo fcinfo, text *t, const eco_standard *std)
{
	item_cache *c = fcinfo->flinfo ? (item_cache *) fcinfo->flinfo->fn_extra : NULL;
	int			len = VARSIZE_ANY_EXHDR(t);
	char	   *s;
	const eco_pollutant *p;
	const eco_pollutant *any;
	char		buf[64];

	if (c != NULL && c->std == std->id && c->len == len && memcmp(c->name, VARDATA_ANY(t), len) == 0)
		return c->p;
	s = text_to_cstring(t);
	p = eco_soil_item_parse(std->id, s);
	if (p != NULL && fcinfo->flinfo != NULL)
	{
		if (c == NULL || c->cap < len)
		{
			if (c != NULL)
				pfree(c);
			c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, offsetof(item_cache, name) + len + 1);
			c->cap = len;
			fcinfo->flinfo->fn_extra = c;
		}
		c->std = std->id;
		c->p = p;
		c->len = len;
		memcpy(c->name, VARDATA_ANY(t), len);
	}
	if (p != NULL)
		return p;
	any = eco_pollutant_parse(s);
	if (any != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s item: \"%s\"", std->code, s),
				 errdetail("\"%s\" reads as the %s item %s (%s), for which %s has no value.",
						   s, eco_medium_name(any->medium), eco_pollutant_out(any, buf, sizeof buf),
						   any->name_zh, std->code),
				 errhint("Items of %s as it writes them: %s.", std->code, item_names(std->id))));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid %s item: \"%s\"", std->code, s),
			 errhint("Items of %s as it writes them: %s.", std->code, item_names(std->id))));
	return NULL;
}

/* ---------- GB 36600-2018 ---------- */

/*
 * eco.soil_screen(pollutant, value, land_class, background, standard), with
 * the pollutant as an eco.pollutant (0.1.0) or as text resolved in the
 * context of the standard.  Not STRICT: a NULL land class means planned use
 * not settled (未明确), which takes the first-class values (GB 36600 5.3.1);
 * a NULL background means none known.  NULL pollutant, value or standard
 * give NULL.
 */
static Datum
soil_screen_common(FunctionCallInfo fcinfo, bool by_name)
{
	const eco_standard *std;
	const eco_pollutant *p;
	const eco_gb36600_row *r;
	double		c,
				bg = -1;
	int			land_class = 1;
	char		buf[64];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	std = PG_GETARG_STANDARD(4);
	eco_require_family(std, "GB36600", "eco.soil_screen");
	p = by_name ? item_arg(fcinfo, PG_GETARG_TEXT_PP(0), std) : PG_GETARG_POLLUTANT(0);
	c = PG_GETARG_FLOAT8(1);
	eco_check_concentration(c, "soil concentration");
	if (!PG_ARGISNULL(2))
	{
		land_class = PG_GETARG_INT32(2);
		if (land_class != 1 && land_class != 2)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid GB 36600 land class: %d", land_class),
					 errhint("Use 1 (第一类用地), 2 (第二类用地) or NULL when the planned use is not settled (first-class values apply).")));
	}
	if (!PG_ARGISNULL(3))
	{
		bg = PG_GETARG_FLOAT8(3);
		eco_check_concentration(bg, "background value");
	}
	r = eco_gb36600_find(p);
	if (r == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pollutant %s has no %s value", eco_pollutant_out(p, buf, sizeof buf), std->code),
				 eco_pollutant_in_medium(p, ECO_SOIL) == NULL ?
				 errdetail("%s is registered for %s, with no soil counterpart; an item named as text is read in the context of the standard: eco.soil_screen('钴', ...).",
						   eco_pollutant_out(p, buf, sizeof buf), eco_medium_name(p->medium)) : 0,
				 errhint("Items of %s as it writes them: %s.", std->code, item_names(std->id))));
	PG_RETURN_TEXT_P(cstring_to_text(eco_soil_result_name(eco_gb36600_screen(r, land_class, c, bg))));
}

Datum
soil_screen(PG_FUNCTION_ARGS)
{
	return soil_screen_common(fcinfo, false);
}

Datum
soil_screen_text(PG_FUNCTION_ARGS)
{
	return soil_screen_common(fcinfo, true);
}

/*
 * Rows of GB 36600-2018 Tables 1 and 2 for the view eco.soil_limits: with
 * the item's name as written (eco._soil_limits_list) or without it (the
 * 0.1.0 eco._soil_gb36600_list, kept so that 0.1.0 installs).
 */
static Datum
gb36600_rows(FunctionCallInfo fcinfo, bool with_item)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_gb36600; i++)
	{
		const eco_gb36600_row *r = &eco_gb36600[i];
		Datum		values[9];
		bool		nulls[9] = {0};

		values[0] = Int16GetDatum(r->pollutant);
		values[1] = Int16GetDatum(r->table);
		values[2] = Int16GetDatum(r->row);
		values[3] = Float8GetDatum(r->screening[0]);
		values[4] = Float8GetDatum(r->screening[1]);
		values[5] = Float8GetDatum(r->intervention[0]);
		values[6] = Float8GetDatum(r->intervention[1]);
		values[7] = BoolGetDatum(r->background_note != 0);
		values[8] = with_item ? CStringGetTextDatum(r->item) : (Datum) 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
soil_limits_list(PG_FUNCTION_ARGS)
{
	return gb36600_rows(fcinfo, true);
}

/* deprecated: the 0.1.0 list without the names as written */
Datum
soil_gb36600_list(PG_FUNCTION_ARGS)
{
	return gb36600_rows(fcinfo, false);
}

/* ---------- GB 15618-2018 ---------- */

static eco_land_type
land_type_arg(const char *s)
{
	eco_land_type lt;
	int			n;
	char	   *names;

	if (eco_land_type_parse(s, &lt))
		return lt;
	n = eco_land_type_names(NULL, 0);
	names = palloc(n + 1);
	eco_land_type_names(names, n + 1);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid GB 15618 land type: \"%s\"", s),
			 errhint("Use %s; rotation (水旱轮作) takes the stricter value.", names)));
	return ECO_LAND_OTHER;
}

/*
 * eco.farmland_screen(pollutant, value, ph, land_use, standard), with the
 * pollutant as an eco.pollutant (0.1.0) or as text resolved in the context of
 * the standard.  Not STRICT in ph: a NULL pH still screens the pH-independent
 * items (Table 2) and gives NULL for the pH-dependent ones.
 */
static Datum
farmland_screen_common(FunctionCallInfo fcinfo, bool by_name)
{
	const eco_standard *std;
	const eco_pollutant *p;
	double		c,
				ph = NAN,
				scr,
				itv;
	eco_land_type lt;
	eco_farm_result res;
	char		buf[64];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	std = PG_GETARG_STANDARD(4);
	eco_require_family(std, "GB15618", "eco.farmland_screen");
	p = by_name ? item_arg(fcinfo, PG_GETARG_TEXT_PP(0), std) : PG_GETARG_POLLUTANT(0);
	c = PG_GETARG_FLOAT8(1);
	eco_check_concentration(c, "soil concentration");
	lt = land_type_arg(PG_GETARG_CSTRING_TEXT(3));
	if (!PG_ARGISNULL(2))
	{
		ph = PG_GETARG_FLOAT8(2);
		if (eco_ph_band(ph) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("soil pH must be between 0 and 14: %g", ph)));
	}
	res = eco_gb15618_screen(p, lt, ph, c, &scr, &itv);
	if (res == ECO_FARM_UNKNOWN_ITEM)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pollutant %s has no %s value", eco_pollutant_out(p, buf, sizeof buf), std->code),
				 errdetail("The values are listed in the view eco.farmland_limits."),
				 errhint("Items of %s as it writes them: %s.", std->code, item_names(std->id))));
	if (res == ECO_FARM_NEED_PH)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(eco_farm_result_name(res)));
}

Datum
soil_farmland_screen(PG_FUNCTION_ARGS)
{
	return farmland_screen_common(fcinfo, false);
}

Datum
soil_farmland_screen_text(PG_FUNCTION_ARGS)
{
	return farmland_screen_common(fcinfo, true);
}

/*
 * Rows of GB 15618-2018 Tables 1 to 3 for the view eco.farmland_limits: with
 * the item's name as written (eco._farmland_limits_list) or without it (the
 * 0.1.0 eco._soil_gb15618_list, kept so that 0.1.0 installs).
 */
static Datum
gb15618_rows(FunctionCallInfo fcinfo, bool with_item)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_gb15618; i++)
	{
		const eco_gb15618_row *r = &eco_gb15618[i];
		Datum		values[9];
		bool		nulls[9] = {0};

		values[0] = Int16GetDatum(r->pollutant);
		values[1] = Int16GetDatum(r->table);
		values[2] = CStringGetTextDatum(r->table == 3 ? "intervention" : "screening");
		values[3] = CStringGetTextDatum(eco_gb15618_land_name(r->land));
		for (int b = 0; b < 4; b++)
			values[4 + b] = Float8GetDatum(r->value[b]);	/* table 2: same value in every band */
		values[8] = with_item ? CStringGetTextDatum(r->item) : (Datum) 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
farmland_limits_list(PG_FUNCTION_ARGS)
{
	return gb15618_rows(fcinfo, true);
}

/* deprecated: the 0.1.0 list without the names as written */
Datum
soil_gb15618_list(PG_FUNCTION_ARGS)
{
	return gb15618_rows(fcinfo, false);
}
