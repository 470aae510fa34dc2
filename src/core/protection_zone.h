/*
 * protection_zone.h — levels of a drinking-water source protection zone
 * (饮用水水源保护区: 一级, 二级, 准保护区), innermost first.  Pure C: no
 * PostgreSQL header.
 *
 * Typed here once: the CHECK constraint of eco.protection_zone.level calls
 * the validator, eco.outfalls_in_protection_zones orders the zones by the
 * table (view eco.protection_zone_levels), and the error hint lists it.
 */
#ifndef ECO_PROTECTION_ZONE_H
#define ECO_PROTECTION_ZONE_H

#define ECO_PZ_N_LEVELS 3

extern const char *const eco_protection_zone_levels[ECO_PZ_N_LEVELS];

/* Index of a level, exactly as stored; -1 otherwise. */
int			eco_protection_zone_level_index(const char *text);

#endif
