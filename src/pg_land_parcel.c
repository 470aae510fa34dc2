/*
 * pg_land_parcel.c — glue for the vocabulary of eco.land_parcel: the list of
 * soil-survey stages (view eco.parcel_survey_statuses) and the validator the
 * CHECK constraint of eco.land_parcel.survey_status calls.
 */
#include "eco_glue.h"
#include "land_parcel.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(parcel_survey_status_list);
PG_FUNCTION_INFO_V1(parcel_survey_status_known);

/* eco.parcel_survey_statuses view: the stages in survey order */
Datum
parcel_survey_status_list(PG_FUNCTION_ARGS)
{
	return eco_word_list_srf(fcinfo, eco_parcel_survey_statuses, ECO_PARCEL_N_SURVEY_STATUSES);
}

/* eco._parcel_survey_status_known(status): true for a stage of the table; ERROR 23514 otherwise, with the list. */
Datum
parcel_survey_status_known(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING_TEXT(0);

	eco_word_check(eco_parcel_survey_status_index(s) >= 0, "soil survey status", s,
				   eco_parcel_survey_statuses, ECO_PARCEL_N_SURVEY_STATUSES, "eco.parcel_survey_statuses");
	PG_RETURN_BOOL(true);
}
