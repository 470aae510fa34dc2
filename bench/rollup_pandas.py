#!/usr/bin/python3
"""The bureau analyst's job in a straightforward pandas script (the tool a user would otherwise pick):
load a year of hourly readings, roll them up into valid daily values with MDA8 and the daily AQI (HJ 633-2012,
the edition in force before 2026-03-01), and compute each station's annual statistics (HJ 663 validity).

usage: rollup_pandas.py BREAKPOINTS.csv OUT_DIR HOURLY.csv [HOURLY.csv ...]
Prints "pandas_load_s=..", "pandas_rollup_s=..", "pandas_annual_s=.." and writes daily.csv and annual.csv.
The breakpoints come from the extension's view eco.aqi_breakpoints (exported by bench/rollup.sh), so the
numbers are typed once.
"""
import sys
import time

import numpy as np
import pandas as pd

bp_file, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
ITEMS = ["so2", "no2", "co", "o3", "pm10", "pm25"]

# ---------- load ----------
t0 = time.perf_counter()
h = pd.concat(
    [pd.read_csv(f, header=None, names=["site_code", "hour_ending"] + ITEMS + ["dust"],
                 dtype={"site_code": str, **{c: "float64" for c in ITEMS}},
                 true_values=["t"], false_values=["f"]) for f in files],
    ignore_index=True)
h["hour_ending"] = pd.to_datetime(h["hour_ending"], format="%Y-%m-%d %H:%M:%S")
if h.duplicated(["site_code", "hour_ending"]).any():
    raise SystemExit("duplicate (site_code, hour_ending)")
for c in ITEMS:
    if (h[c] < 0).any() or np.isinf(h[c]).any():
        raise SystemExit("invalid " + c)
t1 = time.perf_counter()

# ---------- daily roll-up ----------
shifted = h["hour_ending"] - pd.Timedelta(hours=1)        # hour-ending labels: 00:00 is hour 24 of the day before
h["day"] = shifted.dt.normalize()
h["hr"] = shifted.dt.hour + 1
g = h.groupby(["site_code", "day"], sort=True)
agg = g[ITEMS].agg(["sum", "count"])
daily = pd.DataFrame(index=agg.index)
for c in ITEMS:
    daily[c] = (agg[(c, "sum")] / agg[(c, "count")]).where(agg[(c, "count")] >= 20)
daily["o3_1h"] = g["o3"].max()
daily["n_hours"] = g.size()
daily["dust"] = g["dust"].any()
# MDA8: hours 1..24 of the day as a matrix, windows ending at 08..24, 6 of 8 values each, 14 windows or > 160
o3 = h.set_index(["site_code", "day", "hr"])["o3"].unstack("hr").reindex(columns=range(1, 25))
o3 = o3.reindex(daily.index)
m = o3.to_numpy()
present = ~np.isnan(m)
vals = np.where(present, m, 0.0)
csum = np.concatenate([np.zeros((len(m), 1)), np.cumsum(vals, axis=1)], axis=1)
ccnt = np.concatenate([np.zeros((len(m), 1)), np.cumsum(present, axis=1)], axis=1)
win_n = ccnt[:, 8:25] - ccnt[:, 0:17]
win_mean = np.where(win_n >= 6, (csum[:, 8:25] - csum[:, 0:17]) / np.maximum(win_n, 1), np.nan)
nw = (win_n >= 6).sum(axis=1)
with np.errstate(all="ignore"):
    best = np.nanmax(np.where(np.isnan(win_mean), -np.inf, win_mean), axis=1)
best[nw == 0] = np.nan
daily["o3_8h"] = np.where((nw >= 14) | ((nw > 0) & (best > 160 * (1 + 1e-12))), best, np.nan)

# daily AQI, HJ 633-2012: indicators SO2 NO2 CO PM10 PM2.5 (24-h), O3 8-h, O3 1-h; ceiling; 500 above the top
bp = pd.read_csv(bp_file)
ind = [("SO2", "SO2", "24h", "so2"), ("NO2", "NO2", "24h", "no2"), ("CO", "CO", "24h", "co"),
       ("PM10", "PM10", "24h", "pm10"), ("PM2.5", "PM2.5", "24h", "pm25"), ("O3_8H", "O3", "8h", "o3_8h"),
       ("O3_1H", "O3", "1h", "o3_1h")]
iaqi = np.full((len(daily), len(ind)), np.nan)
for k, (code, pol, per, col) in enumerate(ind):
    t = bp[(bp.pollutant == pol) & (bp.period == per)].sort_values("bp_hi")
    lo, hi = t.bp_lo.to_numpy(float), t.bp_hi.to_numpy(float)
    ilo, ihi = t.iaqi_lo.to_numpy(float), t.iaqi_hi.to_numpy(float)
    c = daily[col].to_numpy()
    j = np.minimum(np.searchsorted(hi, np.nan_to_num(c, nan=0.0), side="left"), len(hi) - 1)
    v = np.ceil(np.round(ilo[j] + (ihi[j] - ilo[j]) * (c - lo[j]) / (hi[j] - lo[j]), 8))
    top = c > hi[-1]
    v[top] = np.nan if code == "O3_8H" else 500.0
    v[np.isnan(c)] = np.nan
    iaqi[:, k] = v
with np.errstate(all="ignore"):
    aqi = np.nanmax(np.where(np.isnan(iaqi), -1, iaqi), axis=1)
aqi[aqi < 0] = np.nan
daily["aqi"] = aqi
daily["aqi_level"] = np.select([aqi <= 50, aqi <= 100, aqi <= 150, aqi <= 200, aqi <= 300, aqi > 300],
                               [1, 2, 3, 4, 5, 6], default=np.nan)
codes = np.array([c for c, *_ in ind])
prim = (iaqi == aqi[:, None]) & (aqi[:, None] > 50)
daily["primary_pollutants"] = ["{" + ",".join(codes[row]) + "}" for row in prim]
daily.loc[np.isnan(aqi), "primary_pollutants"] = None
t2 = time.perf_counter()

# ---------- annual statistics (HJ 663: 324 valid days, 27 in every month, 25 in February) ----------
d = daily.reset_index()
d["month"] = d["day"].dt.month
need = np.array([27, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27])
annual = pd.DataFrame(index=d["site_code"].unique())
annual.index.name = "site_code"
gd = d.groupby("site_code")


def valid(col):
    mc = d.groupby(["site_code", "month"])[col].count().unstack("month").reindex(columns=range(1, 13)).fillna(0)
    ok = (mc.to_numpy() >= need).all(axis=1) & (mc.sum(axis=1).to_numpy() >= 324)
    return pd.Series(ok, index=mc.index).reindex(annual.index, fill_value=False)


for col in ["so2", "no2", "pm10", "pm25"]:
    annual[col] = gd[col].mean().where(valid(col))
annual["co_p95"] = gd["co"].quantile(0.95).where(valid("co"))
annual["o3_8h_p90"] = gd["o3_8h"].quantile(0.90).where(valid("o3_8h"))
annual["good_day_ratio"] = 100.0 * gd["aqi"].apply(lambda s: (s <= 100).sum()) / gd["aqi"].count()
annual["aqi_days"] = gd["aqi"].count()
t3 = time.perf_counter()

print(f"pandas_load_s={t1 - t0:.3f}")
print(f"pandas_rollup_s={t2 - t1:.3f}")
print(f"pandas_annual_s={t3 - t2:.3f}")
out = daily.reset_index()
out["day"] = out["day"].dt.strftime("%Y-%m-%d")
out[["site_code", "day"] + ITEMS + ["o3_1h", "o3_8h", "n_hours", "aqi", "aqi_level", "primary_pollutants",
                                    "dust"]].to_csv(out_dir + "/daily.csv", index=False, header=False,
                                                    float_format="%.17g")
annual.reset_index().to_csv(out_dir + "/annual.csv", index=False, header=False, float_format="%.17g")
