/*
 * pg_protection_zone.c — glue for the levels of a drinking-water source
 * protection zone: the view eco.protection_zone_levels and the validator the
 * CHECK constraint of eco.protection_zone.level calls.
 */
#include "eco_glue.h"
#include "protection_zone.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(protection_zone_level_list);
PG_FUNCTION_INFO_V1(protection_zone_level_known);

/* eco.protection_zone_levels view: the levels, innermost first */
Datum
protection_zone_level_list(PG_FUNCTION_ARGS)
{
	return eco_word_list_srf(fcinfo, eco_protection_zone_levels, ECO_PZ_N_LEVELS);
}

/* eco._protection_zone_level_known(level): true for a level of the table; ERROR 23514 otherwise, with the list. */
Datum
protection_zone_level_known(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING_TEXT(0);

	eco_word_check(eco_protection_zone_level_index(s) >= 0, "protection zone level", s,
				   eco_protection_zone_levels, ECO_PZ_N_LEVELS, "eco.protection_zone_levels");
	PG_RETURN_BOOL(true);
}
