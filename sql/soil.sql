\set VERBOSITY terse
-- GB 36600-2018 / GB 15618-2018 soil screening.
-- Tables as typed in C: 45 + 40 items, each with screening <= intervention per class.
SELECT "table", count(*) FROM eco.soil_limits GROUP BY "table" ORDER BY 1;
SELECT count(*) FILTER (WHERE screening_1 > intervention_1 OR screening_2 > intervention_2) AS inverted,
       count(*) FILTER (WHERE background_rule) AS with_background_rule,
       string_agg(pollutant::text, ',' ORDER BY "table", row_no) FILTER (WHERE background_rule) AS background_items
FROM eco.soil_limits;
SELECT pollutant, name_zh, "table", row_no, screening_1, screening_2, intervention_1, intervention_2
FROM eco.soil_limits WHERE row_no IN (1, 2, 36, 38, 40) OR name_zh IN ('苯', '苯并[a]芘', '1,1,1-三氯乙烷')
ORDER BY "table", row_no;

-- Worked examples of GB 36600-2018 5.3: (item, value) on first- and second-class land.
SELECT t.p, t.v, eco.soil_screen(t.p::eco.pollutant, t.v, 1) AS class_1,
       eco.soil_screen(t.p::eco.pollutant, t.v, 2) AS class_2
FROM (VALUES ('As', 45), ('Pb', 900), ('苯并[a]芘', 2.0), ('Cd', 50), ('苯', 4.0)) AS t(p, v);
-- As 45 on first-class land with a local background of 45 or more: not a contaminated plot.
SELECT eco.soil_screen('As', 45, 1, 45) AS bg_45, eco.soil_screen('As', 45, 1, 50) AS bg_50,
       eco.soil_screen('As', 45, 1, 44.9) AS bg_44_9, eco.soil_screen('As', 45, 1, NULL) AS bg_null;
-- Background rule also for Co and V (Table 2 note a); ignored for other items.
SELECT eco.soil_screen('soil:cobalt', 25, 1, 30) AS co, eco.soil_screen('钴', 25, 1) AS co_no_bg,
       eco.soil_screen('V', 200, 1, 250) AS v, eco.soil_screen('Pb', 500, 1, 1000) AS pb_bg_ignored;
-- Background above the intervention value: still not a contaminated plot.
SELECT eco.soil_screen('As', 130, 1, 150) AS as_130_bg_150;
-- Use unknown (未明确): first-class values.
SELECT eco.soil_screen('Cd', 50, NULL) AS unknown_use, eco.soil_screen('苯', 4.0, NULL) AS unknown_use_benzene;
-- Boundaries: screening inclusive, intervention strict, for both classes.
SELECT eco.soil_screen('Pb', 400, 1) AS s1_eq, eco.soil_screen('Pb', 400.0001, 1) AS s1_above,
       eco.soil_screen('Pb', 800, 1) AS i1_eq, eco.soil_screen('Pb', 800.0001, 1) AS i1_above,
       eco.soil_screen('Pb', 2500, 2) AS i2_eq, eco.soil_screen('Pb', 2500.001, 2) AS i2_above;
-- Decimal values as written: 0.1 + 0.2 is still at the screening value 0.3 of chloroform.
SELECT eco.soil_screen('氯仿', 0.1::float8 + 0.2::float8, 1) AS chloroform_0_3;
-- Dioxins (mg/kg TEQ; 1e-5 mg/kg = 10 ng TEQ/kg) and PCB 126.
SELECT eco.soil_screen('二噁英类', eco.to_standard_unit('二噁英类', 10, 'ng/kg'), 1) AS dioxin_10ng,
       eco.soil_screen('二噁英类', eco.to_standard_unit('二噁英类', 11, 'ng/kg'), 1) AS dioxin_11ng,
       eco.soil_screen('PCB126', 4e-4, 1) AS pcb126_i1, eco.soil_screen('PCB126', 4.1e-4, 1) AS pcb126_above;
-- Any medium maps to its soil item: water As, air Pb, air BaP.
SELECT eco.soil_screen('water:As', 45, 2) AS water_as, eco.soil_screen('air:Pb', 900, 2) AS air_pb,
       eco.soil_screen('BaP', 0.55, 1) AS air_bap;
-- NULL in, NULL out.
SELECT eco.soil_screen(NULL, 1, 1) IS NULL AS null_item, eco.soil_screen('As', NULL, 1) IS NULL AS null_value;
-- Errors.
SELECT eco.soil_screen('As', 45, 3);
SELECT eco.soil_screen('As', -1, 1);
SELECT eco.soil_screen('As', 'NaN', 1);
SELECT eco.soil_screen('As', 45, 1, -5);
\set VERBOSITY default
SELECT eco.soil_screen('Co', 25, 1);
SELECT eco.soil_screen('Co'::eco.pollutant, 25, 1);
\set VERBOSITY terse
SELECT eco.soil_screen('soil:Zn', 25, 1);
SELECT eco.soil_screen('PM2.5', 25, 1);
SELECT eco.soil_screen('As', 45, 1, NULL, 'GB15618-2018');

-- GB 15618-2018.
SELECT "table", kind, count(*) FROM eco.farmland_limits GROUP BY 1, 2 ORDER BY 1;
SELECT pollutant, land_type, ph_le_5_5, ph_5_5_to_6_5, ph_6_5_to_7_5, ph_gt_7_5 FROM eco.farmland_limits
WHERE name_zh IN ('镉', '铜') OR "table" = 2 ORDER BY "table", pollutant, land_type;
-- Worked examples of GB 15618-2018 (screening and intervention values by pH band and land use).
SELECT t.what, eco.farmland_screen(t.p::eco.pollutant, t.v, t.ph, t.land) AS result
FROM (VALUES ('paddy pH 6.0 Cd 0.45', 'Cd', 0.45, 6.0, 'paddy'),
             ('dryland pH 6.0 Cd 0.45', 'Cd', 0.45, 6.0, 'other'),
             ('paddy pH 8.0 Cd 0.70', 'Cd', 0.70, 8.0, 'paddy'),
             ('paddy pH 5.0 Cd 2.5', 'Cd', 2.5, 5.0, 'paddy'),
             ('other pH 5.0 Cd 2.5', 'Cd', 2.5, 5.0, 'other'),
             ('orchard pH 5.0 Cd 2.5', 'Cd', 2.5, 5.0, 'orchard'),
             ('orchard pH 6.0 Cu 120', 'Cu', 120, 6.0, 'orchard'),
             ('other pH 6.0 Cu 120', 'Cu', 120, 6.0, 'other'),
             ('paddy pH 7.5 As 25', 'As', 25, 7.5, 'paddy'),
             ('paddy pH 7.51 Pb 200', 'Pb', 200, 7.51, 'paddy'),
             ('dryland pH 6.5 Hg 2.0', 'Hg', 2.0, 6.5, 'dryland')) AS t(what, p, v, ph, land);
-- pH band edges belong to the lower band (Cd on paddy: 0.3 | 0.4 | 0.6 | 0.8).
SELECT ph, eco.farmland_screen('Cd', 0.35, ph, 'paddy') AS cd_0_35, eco.farmland_screen('Cd', 0.5, ph, 'paddy') AS cd_0_5
FROM unnest(ARRAY[0, 5.5, 5.51, 6.5, 6.51, 7.5, 7.51, 14]::float8[]) AS ph;
-- Intervention strict (Cd pH 5.0: 1.5), screening inclusive; Ni, Zn and Table 2 items only monitor (加强监测).
SELECT eco.farmland_screen('Cd', 1.5, 5.0, 'paddy') AS cd_1_5, eco.farmland_screen('Cd', 1.5001, 5.0, 'paddy') AS cd_1_5001,
       eco.farmland_screen('Ni', 60, 5.0, 'paddy') AS ni_60, eco.farmland_screen('Ni', 61, 5.0, 'paddy') AS ni_61,
       eco.farmland_screen('Zn', 300.5, 8, '水田') AS zn, eco.farmland_screen('六六六', 0.10, NULL, 'other') AS hch_0_10,
       eco.farmland_screen('滴滴涕', 0.11, NULL, 'other') AS ddt_0_11, eco.farmland_screen('BaP', 0.56, 7, 'orchard') AS bap;
-- Cr is total chromium here; Cu orchard row; land type in Chinese.
SELECT eco.farmland_screen('soil:Cr', 300, 7.0, '水田') AS cr_paddy, eco.farmland_screen('soil:Cr', 300, 7.0, '果园') AS cr_orchard,
       eco.farmland_screen('Cu', 150, 6.5, '果园') AS cu_orchard, eco.farmland_screen('Cu', 150, 6.5, '水田') AS cu_paddy;
-- Paddy-upland rotation (水旱轮作): the stricter screening value (Cd pH 8: other 0.6, paddy 0.8).
SELECT eco.farmland_screen('Cd', 0.7, 8, 'rotation') AS cd_rotation, eco.farmland_screen('Cd', 0.7, 8, 'paddy') AS cd_paddy,
       eco.farmland_screen('Hg', 1.5, 8, '水旱轮作') AS hg_rotation;
-- No pH: NULL for pH-dependent items.
SELECT eco.farmland_screen('Cd', 0.2, NULL, 'paddy') IS NULL AS no_ph;
-- Named notation with the parameter names of the issue (pollutant, value, ph, land_use).
SELECT eco.farmland_screen(pollutant => 'Cd', value => 0.45, ph => 6.0, land_use => 'paddy') AS named,
       eco.soil_screen(pollutant => 'Pb', value => 900, land_class => 2) AS named_36600;
-- Errors.
SELECT eco.farmland_screen('Cd', 0.2, 15, 'paddy');
SELECT eco.farmland_screen('Cd', 0.2, -1, 'paddy');
SELECT eco.farmland_screen('Cd', 0.2, 6, 'forest');
SELECT eco.farmland_screen('Cr(VI)', 0.2, 6, 'paddy');
SELECT eco.farmland_screen('Cd', -0.2, 6, 'paddy');
SELECT eco.farmland_screen('Cd', 0.2, 6, 'paddy', 'GB36600-2018');

-- Item names in the context of each function's standard, as that standard writes them (the column item of
-- eco.soil_limits and eco.farmland_limits, from the C tables): 滴滴涕 is GB 36600-2018 Table 2 item 25
-- (o,p' + p,p'; screening 2.0 / 6.7, intervention 21 / 67) in eco.soil_screen, and 滴滴涕总量 (screening 0.10)
-- in eco.farmland_screen.
SELECT eco.soil_screen('滴滴涕', 2, 1) AS ddt_2, eco.soil_screen('滴滴涕', 2.1, 1) AS ddt_2_1,
       eco.soil_screen('滴滴涕', 21.5, 1) AS ddt_21_5, eco.soil_screen('滴滴涕', 6.7, 2) AS ddt_6_7_class_2,
       eco.soil_screen(pollutant => '滴滴涕', value => 67.1, land_class => 2) AS ddt_named;
SELECT eco.farmland_screen('滴滴涕', 0.10, NULL, 'other') AS ddt_0_10, eco.farmland_screen('滴滴涕总量', 0.11, 6, 'paddy') AS ddt_total,
       eco.farmland_screen('六六六', 0.11, NULL, 'orchard') AS hch, eco.farmland_screen('六六六总量', 0.05, NULL, 'other') AS hch_total;
-- The names a table writes otherwise than the registry's Chinese name, and each name resolving to its own item.
SELECT "table", row_no, item, name_zh, pollutant, eco.soil_screen(item, screening_1, 1) AS at_screening,
       eco.soil_screen(item, intervention_2 * 2, 2) AS above
FROM eco.soil_limits WHERE item <> name_zh ORDER BY "table", row_no;
SELECT DISTINCT "table", item, name_zh, pollutant FROM eco.farmland_limits WHERE item <> name_zh ORDER BY 1, 2;
SELECT count(*) AS rows, count(*) FILTER (WHERE eco.soil_screen(item, screening_1, 1) = 'below_screening'
                                            AND eco.soil_screen(item, intervention_1 * 1.01, 1) = 'above_intervention') AS by_name
FROM eco.soil_limits;
SELECT count(*) AS rows, count(*) FILTER (WHERE eco.farmland_screen(item, ph_le_5_5, 5, 'other')
                                             IS NOT DISTINCT FROM eco.farmland_screen(pollutant, ph_le_5_5, 5, 'other')) AS by_name
FROM eco.farmland_limits;
-- Any eco.pollutant input still works in text form (codes, English names, other media), mapped to soil.
SELECT eco.soil_screen('benzo[a]pyrene', 0.55, 1) AS bap_en, eco.soil_screen('water:Hg', 9, 1) AS hg_water,
       eco.farmland_screen('cadmium', 0.45, 6.0, 'paddy') AS cd_en, eco.farmland_screen('soil:Cr', 300, 7.0, '水田') AS cr;
-- A text column takes the text form; an eco.pollutant column the 0.1.0 form.
SELECT t.item, eco.soil_screen(t.item, 3, 1) AS by_text, eco.soil_screen(t.item::eco.pollutant, 3, 1) AS by_pollutant
FROM (VALUES ('As'::text), ('Cd'), ('苯')) AS t(item);
-- Errors: 22P02 with the names of the function's standard, built from its table.
\set VERBOSITY default
SELECT eco.soil_screen('六六六', 1, 1);
SELECT eco.soil_screen('滴滴涕总量', 1, 1);
SELECT eco.farmland_screen('p,p''-滴滴伊', 1, 6, 'other');
SELECT eco.farmland_screen('nonsense', 1, 6, 'other');
SELECT eco.farmland_screen('Cr(VI)'::eco.pollutant, 0.2, 6, 'paddy');
-- The land uses, listed from the table the parser reads.
SELECT eco.farmland_screen('滴滴涕', 0.2, 6, 'forest');
\set VERBOSITY terse
SELECT eco.soil_screen('滴滴涕', 1, 1, NULL, 'GB15618-2018');
SELECT eco.farmland_screen('滴滴涕', 1, 6, 'other', 'GB36600-2018');
SELECT eco.soil_screen(NULL::text, 1, 1) IS NULL AS null_text, eco.farmland_screen(NULL::text, 1, 6, 'other') IS NULL AS null_text_farm;
