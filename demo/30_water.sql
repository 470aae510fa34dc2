-- Demo, part 30: surface water under GB 3838-2002 and the 2011 evaluation method.
\echo '== one value at a time: class, multiple over Class III, label'
SELECT p, v, wb, eco.water_item_class(p::eco.pollutant, v, wb) AS class,
       eco.water_class_label(eco.water_item_class(p::eco.pollutant, v, wb)) AS label,
       eco.water_exceedance(p::eco.pollutant, v, 'III', wb) AS multiple
FROM (VALUES ('CODMn', 6.42::float8, 'river'), ('NH3-N', 2.3, 'river'), ('TP', 0.06, 'river'), ('TP', 0.06, 'lake'),
             ('DO', 1.9, 'river'), ('pH', 9.3, 'river'), ('Pb', 0.07, 'river')) AS t(p, v, wb);

\echo '== a section-year from monthly samples: class, status, main pollutants (bulletin text)'
SELECT eco.section_class(p, v) AS class, eco.water_status(eco.section_class(p, v)) AS status,
       eco.water_status_color(eco.section_class(p, v)) AS color,
       eco.main_pollutants_label(p, v) AS main_pollutants
FROM (SELECT p::eco.pollutant, v * (0.9 + 0.2 * (m % 2)) FROM generate_series(1, 12) m,
        (VALUES ('pH', 7.2), ('DO', 4.2), ('CODMn', 7.5), ('COD', 32), ('BOD5', 5.0), ('NH3-N', 2.3), ('TP', 0.34))
        AS i(p, v)) AS s(p, v);

\echo '== a river with 10 sections: share method'
SELECT (eco.basin_status(c)).*
FROM unnest('{II,II,III,III,III,III,IV,IV,V,劣V}'::eco.water_class[]) AS c;

\echo '== seven years of annual CODMn means: Spearman trend'
SELECT (eco.spearman_trend(y, v)).*
FROM (VALUES (2015, 5.8), (2016, 5.2), (2017, 5.5), (2018, 4.9), (2019, 4.6), (2020, 4.1), (2021, 4.3)) AS t(y, v);

\echo '== a lake: trophic level index'
SELECT round(eco.tli(10, 0.05, 1.0, 1.0, 4.0)::numeric, 1) AS tli, eco.tli_grade(eco.tli(10, 0.05, 1.0, 1.0, 4.0)) AS grade;
