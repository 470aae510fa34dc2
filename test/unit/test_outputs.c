/*
 * test_outputs.c — the screen colours of the water classes used by maps and charts (src/core/water.c).
 */
#include "unit.h"
#include "aqi.h"
#include "water.h"

#include <ctype.h>

static int
is_hex_colour(const char *s)
{
	if (s == NULL || strlen(s) != 7 || s[0] != '#')
		return 0;
	for (int i = 1; i < 7; i++)
		if (!isxdigit((unsigned char) s[i]) || islower((unsigned char) s[i]))
			return 0;
	return 1;
}

int
main(void)
{
	unit_file = "outputs";

	/* every class 1..6 has a #RRGGBB colour; nothing outside */
	for (int c = ECO_WC_I; c <= ECO_WC_WORSE_V; c++)
		CHECK(is_hex_colour(eco_water_colour_hex(c)), "class colour is #RRGGBB");
	CHECK(eco_water_colour_hex(ECO_WC_NONE) == NULL, "no colour for no class");
	CHECK(eco_water_colour_hex(7) == NULL, "no colour past 劣Ⅴ");
	CHECK(eco_water_colour_hex(-1) == NULL, "no colour below Ⅰ");

	/* same colour name, same screen colour; different names, different colours (§2.3: Ⅰ and Ⅱ are both 蓝色) */
	for (int a = ECO_WC_I; a <= ECO_WC_WORSE_V; a++)
		for (int b = a + 1; b <= ECO_WC_WORSE_V; b++)
			CHECK((strcmp(eco_water_colour(a, 0), eco_water_colour(b, 0)) == 0)
				  == (strcmp(eco_water_colour_hex(a), eco_water_colour_hex(b)) == 0),
				  "colour names and screen colours agree");

	/* a colour name shared with HJ 633-2012 Appendix A (绿色, 黄色, 橙色, 红色) has the RGB of the AQI level table */
	{
		int			shared = 0,
					same = 0;

		for (int c = ECO_WC_I; c <= ECO_WC_WORSE_V; c++)
			for (int i = 0; i < aqi_n_levels; i++)
				if (aqi_levels[i].standard == ECO_STD_HJ633_2012 && strcmp(aqi_levels[i].color_zh, eco_water_colour(c, 0)) == 0)
				{
					shared++;
					same += strcmp(aqi_levels[i].color, eco_water_colour_hex(c)) == 0;
				}
		CHECK_INT(shared, 4, "classes Ⅲ..劣Ⅴ share their colour name with an AQI level");
		CHECK_INT(same, shared, "and its screen colour");
	}
	return unit_done();
}
