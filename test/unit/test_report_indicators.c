/* Unit tests of the air summary's indicator registry: published decimals and change kinds. */
#include "unit.h"
#include "change_wording.h"
#include "report_indicators.h"

int
main(void)
{
	unit_file = "report_indicators";

	/* published figures: their decimals, valid change kinds */
	{
		int			bad_kind = 0;

		for (int i = 0; i < eco_n_report_indicators; i++)
			bad_kind += eco_change_kind_lookup(eco_report_indicators[i].change_kind) == NULL;
		CHECK_INT(bad_kind, 0, "every indicator has a known change kind");
		{
			int			bad_decimals = 0;

			/* eco.air_summary rounds each figure with eco.gbt8170_round(value, decimals), which accepts 0..max */
			for (int i = 0; i < eco_n_report_indicators; i++)
				bad_decimals += eco_report_indicators[i].decimals < 0 ||
					eco_report_indicators[i].decimals > ECO_YOY_MAX_DECIMALS;
			CHECK_INT(bad_decimals, 0, "every indicator's decimals are accepted by eco.gbt8170_round");
		}
		for (int i = 0; i < eco_n_report_indicators; i++)
		{
			const eco_report_indicator *r = &eco_report_indicators[i];
			int			want = -1;

			if (strcmp(r->code, "SO2") == 0 || strcmp(r->code, "NO2") == 0 || strcmp(r->code, "O3") == 0)
				want = 0;
			else if (strcmp(r->code, "CO") == 0 || strcmp(r->code, "good_days_ratio") == 0 ||
					 strcmp(r->code, "PM2.5") == 0 || strcmp(r->code, "PM10") == 0)
				want = 1;
			else if (strcmp(r->code, "composite_index") == 0)
				want = 2;
			CHECK_INT(r->decimals, want, r->code);
		}
		CHECK_STR(eco_report_indicators[6].change_kind, "pp_higher_better", "good-days ratio changes in points");
	}

	return unit_done();
}
