/*
 * standards.c — editions and their dates.  Sources: the standards' own
 * publication records: GB 3095-2012/-2026, HJ 633-2012/-2026 and HJ 663
 * (2026 editions in force 2026-03-01), 环办〔2011〕22号 (issued 2011-03-09),
 * GB 36600-2018 and GB 15618-2018 (in force 2018-08-01), HJ 1312-2023
 * (effective 2023-11-01).  The GB 3838-2002 date (2002-06-01)
 * is background knowledge, recorded in README.
 */
#include "standards.h"
#include "eco_text.h"

#include <string.h>

const eco_standard eco_standards[] = {
	{ECO_STD_GB3095_2012, "GB3095-2012", "GB3095", "环境空气质量标准 GB 3095—2012 (with the 2018 amendment)",
	20160101, 20260228, "repealed from 2026-03-01"},
	{ECO_STD_GB3095_2026, "GB3095-2026", "GB3095", "环境空气质量标准 GB 3095—2026, transition limits (过渡阶段浓度限值)",
	20260301, 20301231, "final limits apply nationwide from 2031-01-01"},
	{ECO_STD_GB3095_2026_FINAL, "GB3095-2026-final", "GB3095", "环境空气质量标准 GB 3095—2026, final limits (浓度限值)",
	20310101, 0, NULL},
	{ECO_STD_HJ633_2012, "HJ633-2012", "HJ633", "环境空气质量指数（AQI）技术规定（试行） HJ 633—2012",
	20160101, 20260228, "replaced from 2026-03-01"},
	{ECO_STD_HJ633_2026, "HJ633-2026", "HJ633", "环境空气质量指数（AQI）技术规定 HJ 633—2026",
	20260301, 0, NULL},
	{ECO_STD_EPA_2024, "EPA-2024", "EPA", "US EPA Technical Assistance Document for the Reporting of Daily Air Quality (AQI), EPA-454/B-24-002, May 2024",
	0, 0, "US standard, for comparison"},
	{ECO_STD_HJ663_2013, "HJ663-2013", "HJ663", "环境空气质量评价技术规范（试行） HJ 663—2013",
	20131001, 20260228, "replaced from 2026-03-01"},
	{ECO_STD_HJ663_2026, "HJ663-2026", "HJ663", "环境空气质量评价技术规范 HJ 663—2026",
	20260301, 0, "text not checked: only the O3 14-window rule and annual percentiles are implemented from it"},
	{ECO_STD_GB3838_2002, "GB3838-2002", "GB3838", "地表水环境质量标准 GB 3838—2002",
	20020601, 0, NULL},
	{ECO_STD_SWQE_2011, "SWQE-2011", "SWQE", "地表水环境质量评价办法（试行） 环办〔2011〕22号",
	20110309, 0, "issued 2011-03-09"},
	{ECO_STD_GB36600_2018, "GB36600-2018", "GB36600", "土壤环境质量 建设用地土壤污染风险管控标准（试行） GB 36600—2018",
	20180801, 0, NULL},
	{ECO_STD_GB15618_2018, "GB15618-2018", "GB15618", "土壤环境质量 农用地土壤污染风险管控标准（试行） GB 15618—2018",
	20180801, 0, NULL},
	{ECO_STD_HJ1312_2023, "HJ1312-2023", "HJ1312", "入河入海排污口监督管理技术指南 排污口分类 HJ 1312—2023",
	20231101, 0, NULL},
};

const int	eco_n_standards = (int) (sizeof(eco_standards) / sizeof(eco_standards[0]));

const eco_standard *
eco_standard_by_id(int id)
{
	for (int i = 0; i < eco_n_standards; i++)
		if (eco_standards[i].id == id)
			return &eco_standards[i];
	return NULL;
}

const eco_standard *
eco_standard_parse(const char *text)
{
	char		k[64],
				c[64];

	if (text == NULL || eco_norm_key(text, k, sizeof k) <= 0)
		return NULL;
	for (int i = 0; i < eco_n_standards; i++)
	{
		eco_norm_key(eco_standards[i].code, c, sizeof c);
		if (strcmp(k, c) == 0)
			return &eco_standards[i];
	}
	return NULL;
}

const eco_standard *
eco_standard_in_force(const char *family, int ymd)
{
	char		k[64],
				f[64];
	const eco_standard *best = NULL,
			   *earliest = NULL;

	if (family == NULL || eco_norm_key(family, k, sizeof k) <= 0)
		return NULL;
	for (int i = 0; i < eco_n_standards; i++)
	{
		const eco_standard *s = &eco_standards[i];

		eco_norm_key(s->family, f, sizeof f);
		if (strcmp(k, f) != 0)
			continue;
		if (earliest == NULL || s->from_ymd < earliest->from_ymd)
			earliest = s;
		if (s->from_ymd <= ymd && (best == NULL || s->from_ymd > best->from_ymd))
			best = s;
	}
	return best ? best : earliest;
}
