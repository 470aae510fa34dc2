/* Unit tests of the levels of a drinking-water source protection zone. */
#include "unit.h"
#include "protection_zone.h"

int
main(void)
{
	unit_file = "protection_zone";

	CHECK_STR(eco_protection_zone_levels[0], "一级", "innermost first");
	CHECK_STR(eco_protection_zone_levels[ECO_PZ_N_LEVELS - 1], "准保护区", "准保护区 last");
	for (int i = 0; i < ECO_PZ_N_LEVELS; i++)
		CHECK_INT(eco_protection_zone_level_index(eco_protection_zone_levels[i]), i, "index of its own name");
	CHECK_INT(eco_protection_zone_level_index("三级"), -1, "unknown level");
	CHECK_INT(eco_protection_zone_level_index("一级 "), -1, "exact match");
	CHECK_INT(eco_protection_zone_level_index(NULL), -1, "NULL");
	return unit_done();
}
