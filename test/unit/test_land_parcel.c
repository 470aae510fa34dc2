/* Unit tests of the soil-survey stages of a land parcel. */
#include "unit.h"
#include "land_parcel.h"

int
main(void)
{
	unit_file = "land_parcel";

	CHECK_INT(ECO_PARCEL_N_SURVEY_STATUSES, 4, "four survey stages");
	CHECK_STR(eco_parcel_survey_statuses[0], "未开展", "the first stage is 未开展 (the column's default)");
	CHECK_STR(eco_parcel_survey_statuses[3], "已通过评审", "the last stage is 已通过评审");
	for (int i = 0; i < ECO_PARCEL_N_SURVEY_STATUSES; i++)
	{
		CHECK_INT(eco_parcel_survey_status_index(eco_parcel_survey_statuses[i]), i, "index of its own name");
		for (int j = i + 1; j < ECO_PARCEL_N_SURVEY_STATUSES; j++)
			CHECK(strcmp(eco_parcel_survey_statuses[i], eco_parcel_survey_statuses[j]) != 0, "names are distinct");
	}
	CHECK_INT(eco_parcel_survey_status_index("已完成"), -1, "unknown status");
	CHECK_INT(eco_parcel_survey_status_index(" 未开展"), -1, "exact match");
	CHECK_INT(eco_parcel_survey_status_index(NULL), -1, "NULL");
	return unit_done();
}
