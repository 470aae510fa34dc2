/*
 * pg_inspection_draw.c — glue of the reproducible 双随机 inspection draw: eco._draw_sample, used by
 * eco.draw_inspections (src/sql/52_ledgers.sql).  The generator lives in src/core/inspection_draw.c.
 */
#include "eco_glue.h"

#include "catalog/pg_type.h"
#include "utils/array.h"

#include "inspection_draw.h"

/* Upper bound on the population of one draw (the registers of one bureau). */
#define DRAW_MAX_POPULATION 10000000

PG_FUNCTION_INFO_V1(yoy_draw_sample);

/*
 * eco._draw_sample(seed, stream, n, k): k distinct positions out of 1..n in
 * draw order, as int[].  Same arguments, same draw.
 */
Datum
yoy_draw_sample(PG_FUNCTION_ARGS)
{
	int64		seed = PG_GETARG_INT64(0);
	int64		stream = PG_GETARG_INT64(1);
	int32		n = PG_GETARG_INT32(2);
	int32		k = PG_GETARG_INT32(3);
	int		   *perm;
	Datum	   *elems;

	if (n < 0 || n > DRAW_MAX_POPULATION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("population size %d is out of range", n),
				 errdetail("A draw takes from 0 to %d items.", DRAW_MAX_POPULATION)));
	if (k < 0 || k > n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot draw %d items out of %d", k, n)));
	perm = palloc(sizeof(int) * (n > 0 ? n : 1));
	if (eco_draw_sample(seed, stream, n, k, perm) != 0)
		elog(ERROR, "eco_draw_sample rejected checked arguments");
	elems = palloc(sizeof(Datum) * (k > 0 ? k : 1));
	/* positions are 1-based in SQL */
	for (int i = 0; i < k; i++)
		elems[i] = Int32GetDatum(perm[i] + 1);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, k, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}
