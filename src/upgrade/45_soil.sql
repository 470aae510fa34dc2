-- ===================================================================
-- 0.1.0 -> 0.2.0: soil screening (src/sql/45_soil.sql).
-- Item names resolve in the context of the function's standard: a text
-- form of eco.soil_screen and eco.farmland_screen beside the eco.pollutant
-- form of 0.1.0; the views gain the column item (the name as the standard
-- writes it), read from new list functions that replace the 0.1.0 ones.
-- ===================================================================
--@ from src/sql/45_soil.sql: function eco.soil_screen(text, double precision, integer, double precision, eco.standard)
--@ from src/sql/45_soil.sql: function eco.farmland_screen(text, double precision, double precision, text, eco.standard)
--@ from src/sql/45_soil.sql: comment on function eco.soil_screen(eco.pollutant, double precision, integer, double precision,
--@     eco.standard)
--@ from src/sql/45_soil.sql: comment on function eco.farmland_screen(eco.pollutant, double precision, double precision, text,
--@     eco.standard)

--@ from src/sql/45_soil.sql: function eco._soil_limits_list()
--@ from src/sql/45_soil.sql: view eco.soil_limits

--@ from src/sql/45_soil.sql: function eco._farmland_limits_list()
--@ from src/sql/45_soil.sql: view eco.farmland_limits

-- the 0.1.0 list functions (their C entry points stay, so that 0.1.0 still installs)
DROP FUNCTION @extschema@._soil_gb36600_list();
DROP FUNCTION @extschema@._soil_gb15618_list();
