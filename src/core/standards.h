/*
 * standards.h — the editions of the standards eco_monitor implements
 * (eco.standard / eco.standards).  Pure C: no PostgreSQL header.
 * Ids are stable on-disk values: never renumber, only append.
 */
#ifndef ECO_STANDARDS_H
#define ECO_STANDARDS_H

typedef enum eco_std_id
{
	ECO_STD_GB3095_2012 = 1,
	ECO_STD_GB3095_2026 = 2,		/* transition limits, 2026-03-01 .. 2030-12-31 */
	ECO_STD_GB3095_2026_FINAL = 3,	/* final limits from 2031-01-01 */
	ECO_STD_HJ633_2012 = 4,
	ECO_STD_HJ633_2026 = 5,
	ECO_STD_EPA_2024 = 6,
	ECO_STD_HJ663_2013 = 7,
	ECO_STD_HJ663_2026 = 8,
	ECO_STD_GB3838_2002 = 9,
	ECO_STD_SWQE_2011 = 10,			/* 地表水环境质量评价办法（试行） 环办〔2011〕22号 */
	ECO_STD_GB36600_2018 = 11,
	ECO_STD_GB15618_2018 = 12,
	ECO_STD_HJ1312_2023 = 13
} eco_std_id;

typedef struct eco_standard
{
	short		id;
	const char *code;			/* 'HJ633-2026' */
	const char *family;			/* 'HJ633' */
	const char *title;
	int			from_ymd;		/* first day in force, yyyymmdd, 0 = not recorded */
	int			until_ymd;		/* last day in force, yyyymmdd, 0 = open */
	const char *note;
} eco_standard;

extern const eco_standard eco_standards[];
extern const int eco_n_standards;

const eco_standard *eco_standard_by_id(int id);

/* Parse 'HJ633-2026', 'hj 633—2026', 'GB3095-2026-final', ...; NULL when unknown. */
const eco_standard *eco_standard_parse(const char *text);

/*
 * The edition of 'family' in force on day ymd (yyyymmdd): the latest edition
 * whose first day is on or before ymd; for a day before every recorded
 * edition, the earliest edition.  NULL for an unknown family.
 */
const eco_standard *eco_standard_in_force(const char *family, int ymd);

#endif
