/*
 * pg_outputs.c — glue of the outputs family (maps, charts, work summary):
 * the rows of eco.water_class_colors, from the class tables of src/core/water.c.
 */
#include "eco_glue.h"
#include "water.h"

#include "funcapi.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(outputs_water_class_list);

/* eco.water_class_colors view: class id, label, status word, colour name and screen colour of each class. */
Datum
outputs_water_class_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int c = ECO_WC_I; c <= ECO_WC_WORSE_V; c++)
	{
		Datum		values[6];
		bool		nulls[6] = {0};

		values[0] = CStringGetTextDatum(eco_water_class_out(c));
		values[1] = CStringGetTextDatum(eco_water_class_label(c, "zh"));
		values[2] = CStringGetTextDatum(eco_water_status(c));
		values[3] = CStringGetTextDatum(eco_water_colour(c, 0));
		values[4] = CStringGetTextDatum(eco_water_colour(c, 1));
		values[5] = CStringGetTextDatum(eco_water_colour_hex(c));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
