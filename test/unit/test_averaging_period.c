/*
 * Unit tests of averaging_period.c: the one parser of averaging periods ('1h', '1 h', '1-h', '24H', '8h' ...).
 */
#include "unit.h"
#include "averaging_period.h"

int
main(void)
{
	unit_file = "averaging_period";

	/* ---------- the one period parser ---------- */
	CHECK_INT(eco_air_period_parse("1h"), ECO_AP_1H, "1h");
	CHECK_INT(eco_air_period_parse("1 h"), ECO_AP_1H, "1 h");
	CHECK_INT(eco_air_period_parse("1-h"), ECO_AP_1H, "1-h");
	CHECK_INT(eco_air_period_parse("24H"), ECO_AP_24H, "24H");
	CHECK_INT(eco_air_period_parse("8h"), ECO_AP_8H, "8h");
	CHECK_INT(eco_air_period_parse("8 - H"), ECO_AP_8H, "8 - H");
	CHECK_INT(eco_air_period_parse("Annual"), ECO_AP_YEAR, "Annual");
	CHECK_INT(eco_air_period_parse("quarter"), ECO_AP_QUARTER, "quarter");
	CHECK_INT(eco_air_period_parse("12h"), -1, "12h rejected");
	CHECK_INT(eco_air_period_parse(""), -1, "empty rejected");
	CHECK_INT(eco_air_period_parse(NULL), -1, "NULL rejected");
	CHECK_INT(eco_period_parse("1hx", 2), ECO_AP_1H, "length respected");
	for (int p = 0; p < ECO_AP_COUNT; p++)
		CHECK_INT(eco_air_period_parse(eco_air_period_name((eco_air_period) p)), p, "name parses back");

	return unit_done();
}
