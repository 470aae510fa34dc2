-- ===================================================================
-- 0.1.0 -> 0.2.0: one source of truth for the lists of the outfall and
-- land-parcel family (src/sql/40_sites.sql) and of the ledgers
-- (src/sql/52_ledgers.sql).  The outfall statuses and actions, the
-- soil-survey statuses and the ledgers' fixed words are typed once in C
-- (src/core/outfall.c, land_parcel.c, ledger_vocabulary.c): views list them,
-- the CHECK constraints call validators whose errors list them.  The objects'
-- statements are copied from the install pieces (--@ directives,
-- scripts/build_upgrade.py); literal statements exist only in the upgrade.
-- ===================================================================

-- -------------------------------------------------------------------
-- The lists of the family, typed once in C (src/core/outfall.c,
-- src/core/land_parcel.c, src/core/protection_zone.c): views for users, validators for the CHECK
-- constraints (ERROR 23514 naming the value, the accepted list in the hint).
-- -------------------------------------------------------------------
--@ from src/sql/40_sites.sql: function eco._outfall_status_list()
--@ from src/sql/40_sites.sql: view eco.outfall_statuses
--@ from src/sql/40_sites.sql: function eco._outfall_action_list()
--@ from src/sql/40_sites.sql: view eco.outfall_actions
--@ from src/sql/40_sites.sql: function eco._outfall_status_known(text)
--@ from src/sql/40_sites.sql: function eco._outfall_action_known(text)
--@ from src/sql/40_sites.sql: function eco._parcel_survey_status_list()
--@ from src/sql/40_sites.sql: view eco.parcel_survey_statuses
--@ from src/sql/40_sites.sql: function eco._parcel_survey_status_known(text)
--@ from src/sql/40_sites.sql: function eco._protection_zone_level_list()
--@ from src/sql/40_sites.sql: view eco.protection_zone_levels
--@ from src/sql/40_sites.sql: function eco._protection_zone_level_known(text)

-- The CHECK constraints of the users' tables call the validators instead of repeating the lists (same names; every
-- row of 0.1.0 passed the literal lists, which the C tables equal, so the rows stay valid).
ALTER TABLE @extschema@.outfall
    DROP CONSTRAINT outfall_status_check,
    ADD CONSTRAINT outfall_status_check CHECK (@extschema@._outfall_status_known(status)),
    DROP CONSTRAINT outfall_action_check,
    ADD CONSTRAINT outfall_action_check CHECK (@extschema@._outfall_action_known(action));
ALTER TABLE @extschema@.land_parcel
    DROP CONSTRAINT land_parcel_survey_status_check,
    ADD CONSTRAINT land_parcel_survey_status_check CHECK (@extschema@._parcel_survey_status_known(survey_status));
ALTER TABLE @extschema@.protection_zone
    DROP CONSTRAINT protection_zone_level_check,
    ADD CONSTRAINT protection_zone_level_check CHECK (@extschema@._protection_zone_level_known(level));

-- The outfalls in protection zones are ordered by the levels of the C table.
--@ from src/sql/40_sites.sql: function eco.outfalls_in_protection_zones()

-- The survey summary reads the list from the C table.
--@ from src/sql/40_sites.sql: function eco.parcel_survey_summary(integer)

-- The basis of a verified type names the standard's table.
--@ from src/sql/40_sites.sql: view eco.outfall_types

-- ---------- the ledgers' fixed words (src/sql/52_ledgers.sql) ----------
-- The fixed words of the ledgers are typed once, in C (src/core/ledger_vocabulary.c): the CHECK constraints call
-- the validators below, the summaries order their rows by the view.
--@ from src/sql/52_ledgers.sql: function eco._ledger_vocabulary_list()
--@ from src/sql/52_ledgers.sql: view eco.ledger_vocabulary
--@ from src/sql/52_ledgers.sql: function eco._ledger_word_known(text, text)
--@ from src/sql/52_ledgers.sql: function eco._approval_category_known(text, text)

ALTER TABLE @extschema@.rectification
    DROP CONSTRAINT rectification_level_check,
    ADD CONSTRAINT rectification_level_check CHECK (@extschema@._ledger_word_known('rectification_level', level));
ALTER TABLE @extschema@.complaint
    DROP CONSTRAINT complaint_channel_check,
    ADD CONSTRAINT complaint_channel_check CHECK (@extschema@._ledger_word_known('complaint_channel', channel)),
    DROP CONSTRAINT complaint_category_check,
    ADD CONSTRAINT complaint_category_check CHECK (@extschema@._ledger_word_known('complaint_category', category));
ALTER TABLE @extschema@.approval
    DROP CONSTRAINT approval_kind_check,
    ADD CONSTRAINT approval_kind_check CHECK (@extschema@._ledger_word_known('approval_kind', kind)),
    DROP CONSTRAINT approval_check,
    ADD CONSTRAINT approval_check CHECK (@extschema@._approval_category_known(kind, category));

-- The summaries order their rows by the C table.
--@ from src/sql/52_ledgers.sql: function eco.rectification_summary(text, date)
--@ from src/sql/52_ledgers.sql: function eco.complaint_summary(text, daterange)
--@ from src/sql/52_ledgers.sql: function eco.approval_summary(text, daterange)
