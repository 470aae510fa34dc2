/*
 * pg_pollutant.c — glue for the eco.pollutant type and its functions.
 */
#include "eco_glue.h"

#include "funcapi.h"
#include "utils/builtins.h"

/* ---------- type I/O ---------- */
PG_FUNCTION_INFO_V1(pollutant_in);
PG_FUNCTION_INFO_V1(pollutant_out);
PG_FUNCTION_INFO_V1(pollutant_recv);
PG_FUNCTION_INFO_V1(pollutant_send);

Datum
pollutant_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	const eco_pollutant *p = eco_pollutant_parse(s);

	if (p == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type pollutant: \"%s\"", s),
				 errdetail("Known items are listed in the view eco.pollutants."),
				 errhint("Use a code (PM2.5), a Chinese name (细颗粒物), an HJ 212 code (a34004) or a CAS number, optionally prefixed by air:, water: or soil:.")));
	PG_RETURN_INT16(p->id);
}

Datum
pollutant_out(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p = PG_GETARG_POLLUTANT(0);
	char		buf[64];

	PG_RETURN_CSTRING(pstrdup(eco_pollutant_out(p, buf, sizeof buf)));
}

static bool
pollutant_known(int16 id)
{
	return eco_pollutant_by_id(id) != NULL;
}

Datum
pollutant_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(eco_recv_id(fcinfo, pollutant_known, "pollutant"));
}

Datum
pollutant_send(PG_FUNCTION_ARGS)
{
	return eco_send_id(PG_GETARG_INT16(0));
}

/* ---------- properties ---------- */
PG_FUNCTION_INFO_V1(pollutant_name);
PG_FUNCTION_INFO_V1(pollutant_unit);
PG_FUNCTION_INFO_V1(pollutant_medium);
PG_FUNCTION_INFO_V1(pollutant_to_standard_unit);
PG_FUNCTION_INFO_V1(pollutant_list);

Datum
pollutant_name(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p = PG_GETARG_POLLUTANT(0);
	char	   *lang = PG_GETARG_CSTRING_TEXT(1);

	if (strcmp(lang, "zh") == 0)
		PG_RETURN_TEXT_P(cstring_to_text(p->name_zh));
	if (strcmp(lang, "en") == 0)
		PG_RETURN_TEXT_P(cstring_to_text(p->name_en));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown language \"%s\"", lang),
			 errhint("Use 'zh' or 'en'.")));
	PG_RETURN_NULL();
}

Datum
pollutant_unit(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(eco_unit_name(PG_GETARG_POLLUTANT(0)->unit)));
}

Datum
pollutant_medium(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(eco_medium_name(PG_GETARG_POLLUTANT(0)->medium)));
}

/* Per call site: the last few (pollutant, unit) pairs and their conversion plans. */
#define UNIT_CACHE_SLOTS 8
typedef struct unit_slot
{
	int16		pid;			/* -1 = empty */
	int			unit_len;
	char		unit[64];
	eco_unit_conv conv;
} unit_slot;

typedef struct unit_cache
{
	int			next;			/* slot to overwrite next */
	unit_slot	slot[UNIT_CACHE_SLOTS];
} unit_cache;

static void
unit_error(eco_conv_status st, const eco_pollutant *p, const char *unit, double v)
{
	char		buf[64];

	switch (st)
	{
		case ECO_CONV_OK:
			return;
		case ECO_CONV_UNKNOWN_UNIT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown unit \"%s\"", unit),
					 errhint("Known units: µg/m³, mg/m³, ng/m³, ppb, ppm, mg/L, µg/L, ng/L, g/L, mg/kg, µg/kg, ng/kg, g/kg, 个/L, MPN/L, CFU/L, 个/100mL, MPN/100mL, CFU/100mL, pH (dimensionless), ℃, m, cm.")));
			break;
		case ECO_CONV_WRONG_DIMENSION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unit \"%s\" cannot express %s, whose standard unit is %s",
							unit, eco_pollutant_out(p, buf, sizeof buf), eco_unit_name(p->unit))));
			break;
		case ECO_CONV_BAD_VALUE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for %s: %g", eco_pollutant_out(p, buf, sizeof buf), v),
					 errdetail("A reading must be a finite, non-negative number.")));
			break;
	}
}

Datum
pollutant_to_standard_unit(PG_FUNCTION_ARGS)
{
	int16		pid = PG_GETARG_INT16(0);
	double		v = PG_GETARG_FLOAT8(1);
	text	   *ut = PG_GETARG_TEXT_PP(2);
	int			ulen = VARSIZE_ANY_EXHDR(ut);
	unit_cache *c = (unit_cache *) fcinfo->flinfo->fn_extra;
	unit_slot  *hit = NULL;
	double		result = 0;
	eco_conv_status st;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(unit_cache));
		for (int i = 0; i < UNIT_CACHE_SLOTS; i++)
			c->slot[i].pid = -1;
		fcinfo->flinfo->fn_extra = c;
	}
	for (int i = 0; i < UNIT_CACHE_SLOTS && hit == NULL; i++)
		if (c->slot[i].pid == pid && c->slot[i].unit_len == ulen &&
			memcmp(c->slot[i].unit, VARDATA_ANY(ut), ulen) == 0)
			hit = &c->slot[i];
	if (hit == NULL)
	{
		const eco_pollutant *p = PG_GETARG_POLLUTANT(0);
		char	   *unit = text_to_cstring(ut);
		eco_unit_conv conv;

		st = eco_unit_plan(p, unit, &conv);
		unit_error(st, p, unit, v);
		if (ulen < (int) sizeof c->slot[0].unit)
		{
			hit = &c->slot[c->next];
			c->next = (c->next + 1) % UNIT_CACHE_SLOTS;
			hit->pid = pid;
			hit->unit_len = ulen;
			memcpy(hit->unit, unit, ulen);
			hit->conv = conv;
		}
		st = eco_unit_apply(&conv, v, &result);
		unit_error(st, p, unit, v);
		PG_RETURN_FLOAT8(result);
	}
	st = eco_unit_apply(&hit->conv, v, &result);
	if (st != ECO_CONV_OK)
		unit_error(st, PG_GETARG_POLLUTANT(0), text_to_cstring(ut), v);
	PG_RETURN_FLOAT8(result);
}

/* eco.pollutants view: one row per registered item. */
Datum
pollutant_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_pollutants; i++)
	{
		const eco_pollutant *p = &eco_pollutants[i];
		Datum		values[9];
		bool		nulls[9] = {0};
		char		buf[64];

		values[0] = Int16GetDatum(p->id);
		values[1] = CStringGetTextDatum(eco_pollutant_out(p, buf, sizeof buf));
		values[2] = CStringGetTextDatum(eco_medium_name(p->medium));
		values[3] = CStringGetTextDatum(p->name_zh);
		values[4] = CStringGetTextDatum(p->name_en);
		values[5] = CStringGetTextDatum(eco_unit_name(p->unit));
		values[6] = p->hj212 ? CStringGetTextDatum(p->hj212) : (Datum) 0;
		nulls[6] = p->hj212 == NULL;
		values[7] = p->cas ? CStringGetTextDatum(p->cas) : (Datum) 0;
		nulls[7] = p->cas == NULL;
		values[8] = Float8GetDatum(p->molar_mass);
		nulls[8] = p->molar_mass == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
