/*
 * pg_land_parcel.c — glue for the vocabulary of eco.land_parcel: the list of
 * soil-survey stages (view eco.parcel_survey_statuses) and the validator the
 * CHECK constraint of eco.land_parcel.survey_status calls.
 */
#include "eco_glue.h"
#include "land_parcel.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(parcel_survey_status_list);
PG_FUNCTION_INFO_V1(parcel_survey_status_known);

/* eco.parcel_survey_statuses view: the stages in survey order */
Datum
parcel_survey_status_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < ECO_PARCEL_N_SURVEY_STATUSES; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {0};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(eco_parcel_survey_statuses[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* eco._parcel_survey_status_known(status): true for a stage of the table; ERROR 23514 otherwise, with the list. */
Datum
parcel_survey_status_known(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING_TEXT(0);

	if (eco_parcel_survey_status_index(s) < 0)
	{
		StringInfoData buf;

		initStringInfo(&buf);
		for (int i = 0; i < ECO_PARCEL_N_SURVEY_STATUSES; i++)
			appendStringInfo(&buf, "%s%s", i == 0 ? "" : (i == ECO_PARCEL_N_SURVEY_STATUSES - 1 ? " or " : ", "),
							 eco_parcel_survey_statuses[i]);
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown soil survey status \"%s\"", s),
				 errhint("Use %s; see the view eco.parcel_survey_statuses.", buf.data)));
	}
	PG_RETURN_BOOL(true);
}
