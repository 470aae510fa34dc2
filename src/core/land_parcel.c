/*
 * land_parcel.c — the soil-survey stages of a construction-land parcel, as a
 * bureau reports them for parcels whose use changes: not started, surveying,
 * report written, report passed review.
 */
#include "land_parcel.h"
#include "eco_text.h"

const char *const eco_parcel_survey_statuses[ECO_PARCEL_N_SURVEY_STATUSES] = {
	"未开展", "调查中", "报告已编制", "已通过评审"
};

int
eco_parcel_survey_status_index(const char *text)
{
	return eco_word_index(eco_parcel_survey_statuses, ECO_PARCEL_N_SURVEY_STATUSES, text);
}
