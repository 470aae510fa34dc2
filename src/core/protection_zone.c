/*
 * protection_zone.c — the levels of a drinking-water source protection zone,
 * innermost (strictest) first: 一级, 二级, then 准保护区.
 */
#include "protection_zone.h"
#include "eco_text.h"

const char *const eco_protection_zone_levels[ECO_PZ_N_LEVELS] = {"一级", "二级", "准保护区"};

int
eco_protection_zone_level_index(const char *text)
{
	return eco_word_index(eco_protection_zone_levels, ECO_PZ_N_LEVELS, text);
}
