/*
 * pg_standard.c — glue for the eco.standard type (an edition of a standard).
 */
#include "eco_glue.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

PG_FUNCTION_INFO_V1(standard_in);
PG_FUNCTION_INFO_V1(standard_out);
PG_FUNCTION_INFO_V1(standard_recv);
PG_FUNCTION_INFO_V1(standard_send);
PG_FUNCTION_INFO_V1(standard_in_force);
PG_FUNCTION_INFO_V1(standard_list);

Datum
standard_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	const eco_standard *st = eco_standard_parse(s);

	if (st == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type standard: \"%s\"", s),
				 errdetail("Known editions are listed in the view eco.standards.")));
	PG_RETURN_INT16(st->id);
}

Datum
standard_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(PG_GETARG_STANDARD(0)->code));
}

static bool
standard_known(int16 id)
{
	return eco_standard_by_id(id) != NULL;
}

Datum
standard_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(eco_recv_id(fcinfo, standard_known, "standard"));
}

Datum
standard_send(PG_FUNCTION_ARGS)
{
	return eco_send_id(PG_GETARG_INT16(0));
}

/* The families of the editions, in table order, comma-separated (for hints). */
static char *
standard_families(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < eco_n_standards; i++)
	{
		bool		seen = false;

		for (int j = 0; j < i && !seen; j++)
			seen = strcmp(eco_standards[j].family, eco_standards[i].family) == 0;
		if (!seen)
			appendStringInfo(&buf, "%s%s", buf.len > 0 ? ", " : "", eco_standards[i].family);
	}
	return buf.data;
}

/* yyyymmdd of a finite date */
static int
date_ymd(DateADT d)
{
	int			y,
				m,
				dd;

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("date must be finite, not %s",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d))))));
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	return y * 10000 + m * 100 + dd;
}

Datum
standard_in_force(PG_FUNCTION_ARGS)
{
	char	   *family = PG_GETARG_CSTRING_TEXT(0);
	const eco_standard *st = eco_standard_in_force(family, date_ymd(PG_GETARG_DATEADT(1)));

	if (st == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown standard family \"%s\"", family),
				 errhint("Families: %s.", standard_families())));
	PG_RETURN_INT16(st->id);
}

static Datum
ymd_datum(int ymd, bool *isnull)
{
	*isnull = ymd == 0;
	if (ymd == 0)
		return (Datum) 0;
	return DateADTGetDatum(date2j(ymd / 10000, ymd / 100 % 100, ymd % 100) - POSTGRES_EPOCH_JDATE);
}

/* eco.standards view */
Datum
standard_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_standards; i++)
	{
		const eco_standard *s = &eco_standards[i];
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = Int16GetDatum(s->id);
		values[1] = CStringGetTextDatum(s->code);
		values[2] = CStringGetTextDatum(s->family);
		values[3] = CStringGetTextDatum(s->title);
		values[4] = ymd_datum(s->from_ymd, &nulls[4]);
		values[5] = ymd_datum(s->until_ymd, &nulls[5]);
		values[6] = s->note ? CStringGetTextDatum(s->note) : (Datum) 0;
		nulls[6] = s->note == NULL;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
