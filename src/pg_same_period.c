/*
 * pg_same_period.c — glue of the same period last year (同期): eco.same_day_last_year and
 * eco.same_period_last_year.  The calendar rule lives in src/core/calendar.c.
 */
#include "eco_glue.h"

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/rangetypes.h"

#include "calendar.h"

PG_FUNCTION_INFO_V1(yoy_same_day_last_year);
PG_FUNCTION_INFO_V1(yoy_same_period_last_year);

/* ERROR 22008 naming the day whose previous year is outside the date range. */
static void
same_period_out_of_range(DateADT d)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("date out of range: one year before %s",
					DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d))))));
}

/* A finite date one year earlier (29 Feb -> 28 Feb); infinite dates stay. */
static DateADT
same_period_shift(DateADT d)
{
	int			y,
				m,
				day;
	int			j;

	if (DATE_NOT_FINITE(d))
		return d;
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	if (eco_same_day_last_year(&y, &m, &day) != 0)
		elog(ERROR, "invalid date from j2date");
	if (!IS_VALID_JULIAN(y, m, day))
		same_period_out_of_range(d);
	j = date2j(y, m, day) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(j))
		same_period_out_of_range(d);
	return (DateADT) j;
}

Datum
yoy_same_day_last_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(same_period_shift(PG_GETARG_DATEADT(0)));
}

/*
 * The same days one year earlier: first and last days each move back one
 * year (29 Feb -> 28 Feb), so [2024-02-01, 2024-02-29] -> [2023-02-01,
 * 2023-02-28] and [2024-02-29, 2024-02-29] -> [2023-02-28, 2023-02-28].
 */
Datum
yoy_same_period_last_year(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *tc = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	RangeBound	lo,
				hi;
	bool		empty;

	range_deserialize(tc, r, &lo, &hi, &empty);
	if (empty)
		PG_RETURN_RANGE_P(r);
	/* daterange is canonical: finite lower bounds inclusive, finite upper exclusive (last day + 1) */
	if (!lo.infinite)
		lo.val = DateADTGetDatum(same_period_shift(DatumGetDateADT(lo.val)));
	if (!hi.infinite)
	{
		DateADT		u = DatumGetDateADT(hi.val);

		if (!DATE_NOT_FINITE(u))
			u = same_period_shift(u - 1) + 1;
		hi.val = DateADTGetDatum(u);
	}
	PG_RETURN_RANGE_P(make_range(tc, &lo, &hi, false));
}
