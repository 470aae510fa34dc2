/*
 * outfall.h — river/sea outfalls (入河入海排污口): the HJ 1312-2023
 * classification hierarchy (eco.outfall_type) and the remediation
 * lifecycle.  Pure C: no PostgreSQL header.
 * Source: ../shared/standards/outfalls.md §1.2, §1.3, §5, §6.
 */
#ifndef ECO_OUTFALL_H
#define ECO_OUTFALL_H

typedef struct eco_outfall_type
{
	short		id;				/* stable on-disk id; never renumbered */
	short		level;			/* 1, 2 or 3 */
	short		parent;			/* id of the parent, 0 for level 1 */
	const char *name;			/* canonical Chinese name (output) */
	int			verified;		/* 1: HJ 1312 table rows verified in outfalls.md; 0: catch-all 'other' */
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

/* Remediation actions (outfalls.md §1.3). */
#define ECO_OF_N_ACTIONS 3
extern const char *const eco_outfall_actions[ECO_OF_N_ACTIONS];

#endif
