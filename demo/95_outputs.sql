-- Demo, part 95: what people look at, for 示例市 (area 9901, built by part 90) in 2023.
--   :outdir/summary.md        the work summary (eco.work_summary)
--   :outdir/*.svg             AQI calendar, monthly AQI levels, year-on-year bars, static map
--   :outdir/*.geojson         sites (the most polluted day of 2023), sections, outfalls, parcels
--   :outdir/report.html       one self-contained page: summary, charts inline, the map (no network)
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
\if :{?outdir}
\else
\set outdir '.'
\endif
\pset footer off

-- The parcels of part 90 have no outline: give each a small square near the city centre (deterministic).
UPDATE eco.land_parcel p
SET geom = ST_SetSRID(ST_MakeEnvelope(x, y, x + 0.008, y + 0.006), 4490)
FROM (SELECT code, 118.62 + 0.26 * ((hashtext(code || 'x') & 65535) / 65536.0) AS x,
             31.92 + 0.26 * ((hashtext(code || 'y') & 65535) / 65536.0) AS y
      FROM eco.land_parcel WHERE code LIKE 'DK9901-%') c
WHERE p.code = c.code;

-- The day of the site map: the most polluted day of 2023 in the city.
SELECT day AS map_day FROM eco.daily_aqi_series('9901', '[2023-01-01,2023-12-31]')
ORDER BY aqi DESC NULLS LAST, day LIMIT 1 \gset
\echo '== outputs of 示例市 2023 (site map of' :map_day ')'

\pset format unaligned
\pset tuples_only on
\set f :outdir '/summary.md'
SELECT eco.work_summary('9901', 2023, area_name => '示例市') \g :f
\set f :outdir '/aqi_calendar.svg'
SELECT eco.aqi_calendar_svg('9901', 2023, '示例市2023年空气质量日历') \g :f
\set f :outdir '/aqi_monthly.svg'
SELECT eco.aqi_monthly_svg('9901', 2023, '示例市2023年各月空气质量级别天数') \g :f
\set f :outdir '/report_yoy.svg'
SELECT eco.report_yoy_svg('9901', 2023, NULL, '示例市2023年主要指标同比') \g :f
\set f :outdir '/sites.geojson'
SELECT eco.sites_geojson(:'map_day', '9901') \g :f
\set f :outdir '/sections.geojson'
SELECT eco.sections_geojson(2023, '9901') \g :f
\set f :outdir '/outfalls.geojson'
SELECT eco.outfalls_geojson('9901') \g :f
\set f :outdir '/parcels.geojson'
SELECT eco.parcels_geojson('9901') \g :f
\set f :outdir '/map.svg'
SELECT eco.map_svg(ARRAY[eco.parcels_geojson('9901'), eco.outfalls_geojson('9901'), eco.sections_geojson(2023, '9901'),
                         eco.sites_geojson(:'map_day', '9901')],
                   '示例市：空气站（' || :'map_day' || ' AQI）、考核断面（2023年水质类别）、排污口与地块', 900, 640) \g :f

-- report.html: the summary (Markdown headings and paragraphs as HTML), the charts inline, the map as an image
-- (data: URI, so the page needs no other file and no network).
\set f :outdir '/report.html'
WITH md AS (SELECT eco.work_summary('9901', 2023, area_name => '示例市') AS t),
html AS (
    SELECT string_agg(CASE WHEN b LIKE '# %' THEN '<h1>' || eco._xml_escape(substr(b, 3)) || '</h1>'
                           WHEN b LIKE '## %' THEN '<h2>' || eco._xml_escape(substr(b, 4)) || '</h2>'
                           ELSE '<p>' || eco._xml_escape(b) || '</p>' END, E'\n' ORDER BY o) AS body
    FROM md, regexp_split_to_table(trim(md.t, E'\n'), E'\n\n') WITH ORDINALITY AS x(b, o)
),
svg(name, doc) AS (VALUES
    ('calendar', eco.aqi_calendar_svg('9901', 2023, '示例市2023年空气质量日历')),
    ('monthly', eco.aqi_monthly_svg('9901', 2023, '示例市2023年各月空气质量级别天数')),
    ('yoy', eco.report_yoy_svg('9901', 2023, NULL, '示例市2023年主要指标同比')))
SELECT '<!DOCTYPE html>' || E'\n' || '<html lang="zh-CN"><head><meta charset="utf-8"><title>示例市2023年生态环境工作总结</title>' || E'\n'
    || '<style>body{font-family:' || eco.svg_font_family() || ';max-width:960px;margin:24px auto;color:#222;line-height:1.7}'
    || 'h1{font-size:24px}h2{font-size:18px;margin-top:28px}figure{margin:16px 0}figcaption{color:#666;font-size:13px}</style>' || E'\n'
    || '</head><body>' || E'\n'
    || (SELECT body FROM html) || E'\n'
    || '<h2>图表</h2>' || E'\n'
    || (SELECT string_agg('<figure id="' || name || '">' || regexp_replace(doc, '^<\?xml[^>]*>\n', '') || '</figure>', E'\n' ORDER BY name) FROM svg)
    || '<figure id="map"><img alt="示例市地图" width="900" height="640" src="data:image/svg+xml;base64,'
    || translate(encode(convert_to(eco.map_svg(ARRAY[eco.parcels_geojson('9901'), eco.outfalls_geojson('9901'),
                                                     eco.sections_geojson(2023, '9901'), eco.sites_geojson(:'map_day', '9901')],
                                               '示例市：空气站（' || :'map_day' || ' AQI）、考核断面（2023年水质类别）、排污口与地块', 900, 640),
                                   'UTF8'), 'base64'), E'\n', '')
    || '"><figcaption>圆点为空气站（按当日AQI级别着色），菱形为考核断面（按水质类别着色），小方块为排污口，多边形为地块；图例在图下方。</figcaption></figure>' || E'\n'
    || '<script>window.addEventListener("load",function(){var b=0;for(var i=0;i<document.images.length;i++){var m=document.images[i];'
    || 'if(!m.complete||m.naturalWidth===0)b++;}document.body.setAttribute("data-images",document.images.length);'
    || 'document.body.setAttribute("data-broken",b);document.body.setAttribute("data-svgs",document.querySelectorAll("svg").length);'
    -- where the calendar cell of 15 July is drawn and its colour, for the browser test to read the screenshot there
    || 'var c=document.querySelectorAll("#calendar rect");for(var j=0;j<c.length;j++){var t=c[j].querySelector("title");'
    || 'if(t&&t.textContent.indexOf("2023-07-15")===0){var r=c[j].getBoundingClientRect();document.body.setAttribute("data-cell",'
    || 'Math.round(r.left+r.width/2)+","+Math.round(r.top+r.height/2)+","+c[j].getAttribute("fill"));}}});</script>' || E'\n'
    || '</body></html>' || E'\n'
\g :f
\pset tuples_only off
\pset format aligned
\echo 'written to' :outdir ': summary.md, report.html, aqi_calendar.svg, aqi_monthly.svg, report_yoy.svg, map.svg, sites/sections/outfalls/parcels.geojson'
