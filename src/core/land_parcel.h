/*
 * land_parcel.h — vocabulary of the construction-land parcel register
 * (eco.land_parcel): the stages of a parcel's soil survey (土壤污染状况调查)
 * in the order a survey passes them.  Pure C: no PostgreSQL header.
 *
 * Typed here once: the CHECK constraint of eco.land_parcel.survey_status
 * calls the validator, eco.parcel_survey_statuses and the summaries read
 * the table, and the error hint lists it.
 */
#ifndef ECO_LAND_PARCEL_H
#define ECO_LAND_PARCEL_H

#define ECO_PARCEL_N_SURVEY_STATUSES 4

/* 未开展, 调查中, 报告已编制, 已通过评审 (survey order). */
extern const char *const eco_parcel_survey_statuses[ECO_PARCEL_N_SURVEY_STATUSES];

/* Index of a survey status, exactly as stored; -1 otherwise. */
int			eco_parcel_survey_status_index(const char *text);

#endif
