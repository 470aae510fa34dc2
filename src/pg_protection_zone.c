/*
 * pg_protection_zone.c — glue for the levels of a drinking-water source
 * protection zone: the view eco.protection_zone_levels and the validator the
 * CHECK constraint of eco.protection_zone.level calls.
 */
#include "eco_glue.h"
#include "protection_zone.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(protection_zone_level_list);
PG_FUNCTION_INFO_V1(protection_zone_level_known);

/* eco.protection_zone_levels view: the levels, innermost first */
Datum
protection_zone_level_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < ECO_PZ_N_LEVELS; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {0};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(eco_protection_zone_levels[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* eco._protection_zone_level_known(level): true for a level of the table; ERROR 23514 otherwise, with the list. */
Datum
protection_zone_level_known(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING_TEXT(0);

	if (eco_protection_zone_level_index(s) < 0)
	{
		StringInfoData buf;

		initStringInfo(&buf);
		for (int i = 0; i < ECO_PZ_N_LEVELS; i++)
			appendStringInfo(&buf, "%s%s", i == 0 ? "" : (i == ECO_PZ_N_LEVELS - 1 ? " or " : ", "),
							 eco_protection_zone_levels[i]);
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown protection zone level \"%s\"", s),
				 errhint("Use %s; see the view eco.protection_zone_levels.", buf.data)));
	}
	PG_RETURN_BOOL(true);
}
