/*
 * report_indicators.c — the air summary's figures (see report_indicators.h).  Pure C99: no PostgreSQL header.
 * Adding an indicator: a row here, then its computation in eco.air_summary (src/sql/90_annual_report.sql).
 */
#include "report_indicators.h"

const eco_report_indicator eco_report_indicators[] = {
	{"PM2.5", "PM2.5平均浓度", "µg/m³", 1, "concentration", "period mean of the city daily means, dust days excluded"},
	{"PM10", "PM10平均浓度", "µg/m³", 1, "concentration", "period mean of the city daily means, dust days excluded"},
	{"SO2", "SO2平均浓度", "µg/m³", 0, "concentration", "period mean of the city daily means"},
	{"NO2", "NO2平均浓度", "µg/m³", 0, "concentration", "period mean of the city daily means"},
	{"CO", "CO日均值第95百分位数", "mg/m³", 1, "concentration", "95th percentile of the city daily means"},
	{"O3", "O3日最大8小时平均第90百分位数", "µg/m³", 0, "concentration", "90th percentile of the city MDA8"},
	{"good_days_ratio", "优良天数比率", "%", 1, "pp_higher_better", "days with city AQI <= 100 over days with a city AQI, dust days kept"},
	{"composite_index", "环境空气质量综合指数", "", 2, "concentration", "sum of C/S over the six published statistics above, dust days excluded"},
};
const int	eco_n_report_indicators = (int) (sizeof eco_report_indicators / sizeof eco_report_indicators[0]);
