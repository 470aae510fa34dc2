/*
 * outfall.h — river/sea outfalls (入河入海排污口): the HJ 1312-2023
 * classification hierarchy (eco.outfall_type) and the remediation
 * lifecycle.  Pure C: no PostgreSQL header.
 * Sources: the State Council opinion of 2022 on outfall supervision (four
 * types, 取缔 / 清理合并 / 规范整治), HJ 1312-2023 (classification table),
 * HJ 1232-2021 (three-level inspection: 疑似 → 核查确认 / 非排口).
 *
 * Every list of the family is typed here once; SQL reads it (views
 * eco.outfall_types, eco.outfall_statuses, eco.outfall_actions,
 * eco.outfall_lifecycle; CHECK constraints call the validators) and error
 * hints are built from it.
 */
#ifndef ECO_OUTFALL_H
#define ECO_OUTFALL_H

#include <stddef.h>

typedef struct eco_outfall_type
{
	short		id;				/* stable on-disk id; never renumbered */
	short		level;			/* 1, 2 or 3 */
	short		parent;			/* id of the parent, 0 for level 1 */
	const char *name;			/* canonical Chinese name (output) */
	int			verified;		/* 1: a row of the HJ 1312 table that could be verified; 0: catch-all 'other' */
	const char *aliases;		/* further accepted names, '|' separated, or NULL */
} eco_outfall_type;

extern const eco_outfall_type eco_outfall_types[];
extern const int eco_n_outfall_types;

const eco_outfall_type *eco_outfall_type_by_id(int id);

/*
 * Parse a Chinese name at any level (or an alias).  Every canonical name
 * is unique, so output reads back to the same id.  NULL when unknown.
 */
const eco_outfall_type *eco_outfall_type_parse(const char *text);

/* Ancestor at the given level (1..3) or NULL when t is shallower. */
const eco_outfall_type *eco_outfall_type_ancestor(const eco_outfall_type *t, int level);

/* ---------- remediation lifecycle ---------- */

typedef enum eco_outfall_stage
{
	ECO_OF_SUSPECTED = 0,		/* 疑似 */
	ECO_OF_CONFIRMED = 1,		/* 核查确认 */
	ECO_OF_NOT_OUTFALL = 2,		/* 非排口 */
	ECO_OF_IN_REMEDIATION = 3,	/* 整治中 */
	ECO_OF_DONE = 4				/* 已完成 (销号) */
} eco_outfall_stage;

#define ECO_OF_N_STAGES 5

extern const char *const eco_outfall_stage_names[ECO_OF_N_STAGES];

/* Further spellings accepted on input for each stage ('|' separated), or NULL. */
extern const char *const eco_outfall_stage_aliases[ECO_OF_N_STAGES];

/* Index of a canonical stage name, exactly as stored (no alias, no folding); -1 otherwise. */
int			eco_outfall_stage_index(const char *text);

/* Stage by name ('已完成' and '销号' both name ECO_OF_DONE); -1 when unknown. */
int			eco_outfall_stage_parse(const char *text);

typedef struct eco_outfall_transition
{
	eco_outfall_stage from;
	eco_outfall_stage to;
	int			pre_campaign_only;	/* allowed only for outfalls remediated before the campaign */
	const char *meaning;
} eco_outfall_transition;

extern const eco_outfall_transition eco_outfall_transitions[];
extern const int eco_n_outfall_transitions;

/* 1 when from -> to is allowed (pre_campaign: the outfall was remediated before the campaign). */
int			eco_outfall_transition_ok(int from, int to, int pre_campaign);

/* Remediation actions (the policy's 依法取缔一批、清理合并一批、规范整治一批). */
#define ECO_OF_N_ACTIONS 3
extern const char *const eco_outfall_actions[ECO_OF_N_ACTIONS];

/* Index of an action, exactly as stored; -1 otherwise. */
int			eco_outfall_action_index(const char *text);

#endif
