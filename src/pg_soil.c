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
PG_FUNCTION_INFO_V1(soil_farmland_screen);
PG_FUNCTION_INFO_V1(soil_gb36600_list);
PG_FUNCTION_INFO_V1(soil_gb15618_list);

/* ---------- GB 36600-2018 ---------- */

/*
 * eco.soil_screen(pollutant, value, land_class, background, standard).
 * Not STRICT: a NULL land class means planned use not settled (未明确),
 * which takes the first-class values (GB 36600 5.3.1); a NULL background
 * means none known.  NULL pollutant, value or standard give NULL.
 */
Datum
soil_screen(PG_FUNCTION_ARGS)
{
	const eco_pollutant *p;
	const eco_gb36600_row *r;
	double		c,
				bg = -1;
	int			land_class = 1;
	char		buf[64];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	eco_require_family(PG_GETARG_STANDARD(4), "GB36600", "eco.soil_screen");
	p = PG_GETARG_POLLUTANT(0);
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
	if (r == NULL && eco_pollutant_in_medium(p, ECO_SOIL) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pollutant %s has no GB 36600-2018 value", eco_pollutant_out(p, buf, sizeof buf)),
				 errdetail("%s is registered for %s, with no soil counterpart; items with values are listed in the view eco.soil_limits.",
						   eco_pollutant_out(p, buf, sizeof buf), eco_medium_name(p->medium)),
				 errhint("Text input picks the first medium owning a name: 'Co' reads as carbon monoxide; write 'soil:cobalt' or '钴'.")));
	if (r == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pollutant %s has no GB 36600-2018 value", eco_pollutant_out(p, buf, sizeof buf)),
				 errdetail("Items with values are listed in the view eco.soil_limits.")));
	PG_RETURN_TEXT_P(cstring_to_text(eco_soil_result_name(eco_gb36600_screen(r, land_class, c, bg))));
}

/* eco.soil_limits view */
Datum
soil_gb36600_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_gb36600; i++)
	{
		const eco_gb36600_row *r = &eco_gb36600[i];
		Datum		values[8];
		bool		nulls[8] = {0};

		values[0] = Int16GetDatum(r->pollutant);
		values[1] = Int16GetDatum(r->table);
		values[2] = Int16GetDatum(r->row);
		values[3] = Float8GetDatum(r->screening[0]);
		values[4] = Float8GetDatum(r->screening[1]);
		values[5] = Float8GetDatum(r->intervention[0]);
		values[6] = Float8GetDatum(r->intervention[1]);
		values[7] = BoolGetDatum(r->background_note != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- GB 15618-2018 ---------- */

static eco_land_type
land_type_arg(const char *s)
{
	if (strcmp(s, "paddy") == 0 || strcmp(s, "水田") == 0)
		return ECO_LAND_PADDY;
	if (strcmp(s, "orchard") == 0 || strcmp(s, "果园") == 0)
		return ECO_LAND_ORCHARD;
	if (strcmp(s, "other") == 0 || strcmp(s, "其他") == 0 || strcmp(s, "dryland") == 0 || strcmp(s, "旱地") == 0)
		return ECO_LAND_OTHER;
	if (strcmp(s, "rotation") == 0 || strcmp(s, "水旱轮作") == 0)
		return ECO_LAND_ROTATION;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid GB 15618 land type: \"%s\"", s),
			 errhint("Use 'paddy' (水田), 'orchard' (果园), 'other' (其他; also 'dryland', 旱地) or 'rotation' (水旱轮作: the stricter value).")));
	return ECO_LAND_OTHER;
}

/*
 * eco.farmland_screen(pollutant, value, ph, land_use, standard).
 * Not STRICT in ph: a NULL pH still screens the pH-independent items
 * (Table 2) and gives NULL for the pH-dependent ones.
 */
Datum
soil_farmland_screen(PG_FUNCTION_ARGS)
{
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
	eco_require_family(PG_GETARG_STANDARD(4), "GB15618", "eco.farmland_screen");
	p = PG_GETARG_POLLUTANT(0);
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
				 errmsg("pollutant %s has no GB 15618-2018 value", eco_pollutant_out(p, buf, sizeof buf)),
				 errdetail("GB 15618-2018 lists Cd, Hg, As, Pb, Cr, Cu, Ni, Zn, 六六六总量, 滴滴涕总量 and 苯并[a]芘; see the view eco.farmland_limits.")));
	if (res == ECO_FARM_NEED_PH)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(eco_farm_result_name(res)));
}

/* eco.farmland_limits view */
Datum
soil_gb15618_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_gb15618; i++)
	{
		const eco_gb15618_row *r = &eco_gb15618[i];
		Datum		values[8];
		bool		nulls[8] = {0};

		values[0] = Int16GetDatum(r->pollutant);
		values[1] = Int16GetDatum(r->table);
		values[2] = CStringGetTextDatum(r->table == 3 ? "intervention" : "screening");
		values[3] = CStringGetTextDatum(eco_gb15618_land_name(r->land));
		for (int b = 0; b < 4; b++)
		{
			values[4 + b] = Float8GetDatum(r->value[b]);	/* table 2: same value in every band */
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
