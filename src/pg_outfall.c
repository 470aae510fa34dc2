/*
 * pg_outfall.c — glue for eco.outfall_type (HJ 1312-2023 classification)
 * and the remediation lifecycle checks used by the eco.outfall trigger.
 */
#include "eco_glue.h"
#include "outfall.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

/* ---------- eco.outfall_type I/O ---------- */
PG_FUNCTION_INFO_V1(outfall_type_in);
PG_FUNCTION_INFO_V1(outfall_type_out);
PG_FUNCTION_INFO_V1(outfall_type_recv);
PG_FUNCTION_INFO_V1(outfall_type_send);

/* The type of a stored id; ERROR on an id the table does not know (corrupt datum). */
static const eco_outfall_type *
outfall_type_arg(int16 id)
{
	const eco_outfall_type *t = eco_outfall_type_by_id(id);

	if (t == NULL)
		elog(ERROR, "invalid outfall_type id %d", (int) id);
	return t;
}

Datum
outfall_type_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	const eco_outfall_type *t = eco_outfall_type_parse(s);

	if (t == NULL)
	{
		/* the hint names the level-1 types and the catch-alls, from the table */
		const char **l1 = palloc(sizeof(char *) * eco_n_outfall_types);
		const char **other = palloc(sizeof(char *) * eco_n_outfall_types);
		int			n1 = 0,
					no = 0;

		for (int i = 0; i < eco_n_outfall_types; i++)
		{
			if (eco_outfall_types[i].level == 1)
				l1[n1++] = eco_outfall_types[i].name;
			if (!eco_outfall_types[i].verified)
				other[no++] = eco_outfall_types[i].name;
		}
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type outfall_type: \"%s\"", s),
				 errdetail("Known types are listed in the view eco.outfall_types."),
				 errhint("Use an HJ 1312-2023 name at any level (level 1: %s); subtypes that could not be verified go under %s.",
						 eco_word_list_text(l1, n1), eco_word_list_text(other, no))));
	}
	PG_RETURN_INT16(t->id);
}

Datum
outfall_type_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(outfall_type_arg(PG_GETARG_INT16(0))->name));
}

Datum
outfall_type_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int16		id = pq_getmsgint(buf, 2);

	if (eco_outfall_type_by_id(id) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external outfall_type id %d", (int) id)));
	PG_RETURN_INT16(id);
}

Datum
outfall_type_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, PG_GETARG_INT16(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- properties ---------- */
PG_FUNCTION_INFO_V1(outfall_type_level1);
PG_FUNCTION_INFO_V1(outfall_type_level2);
PG_FUNCTION_INFO_V1(outfall_type_level);
PG_FUNCTION_INFO_V1(outfall_type_list);

Datum
outfall_type_level1(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(eco_outfall_type_ancestor(outfall_type_arg(PG_GETARG_INT16(0)), 1)->id);
}

/* Level-2 ancestor, or NULL for a level-1 type. */
Datum
outfall_type_level2(PG_FUNCTION_ARGS)
{
	const eco_outfall_type *a = eco_outfall_type_ancestor(outfall_type_arg(PG_GETARG_INT16(0)), 2);

	if (a == NULL)
		PG_RETURN_NULL();
	PG_RETURN_INT16(a->id);
}

Datum
outfall_type_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(outfall_type_arg(PG_GETARG_INT16(0))->level);
}

/* eco.outfall_types view */
Datum
outfall_type_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_outfall_types; i++)
	{
		const eco_outfall_type *t = &eco_outfall_types[i];
		Datum		values[6];
		bool		nulls[6] = {0};

		values[0] = Int16GetDatum(t->id);
		values[1] = Int32GetDatum(t->level);
		values[2] = Int16GetDatum(t->parent);
		nulls[2] = t->parent == 0;
		values[3] = CStringGetTextDatum(t->name);
		values[4] = BoolGetDatum(t->verified != 0);
		values[5] = t->aliases ? CStringGetTextDatum(t->aliases) : (Datum) 0;
		nulls[5] = t->aliases == NULL;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- remediation lifecycle ---------- */
PG_FUNCTION_INFO_V1(outfall_check_transition);
PG_FUNCTION_INFO_V1(outfall_lifecycle_list);

/*
 * "Use 疑似, 核查确认, 非排口, 整治中 or 已完成 (已完成 also written 销号, ...)", from
 * the C table; the further spellings only where input accepts them.
 */
static char *
stage_hint(bool with_aliases)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "Use %s", eco_word_list_text(eco_outfall_stage_names, ECO_OF_N_STAGES));
	for (int i = 0; i < ECO_OF_N_STAGES; i++)
		if (with_aliases && eco_outfall_stage_aliases[i])
		{
			appendStringInfo(&buf, " (%s also written ", eco_outfall_stage_names[i]);
			for (const char *a = eco_outfall_stage_aliases[i]; *a; a++)
				if (*a == '|')
					appendStringInfoString(&buf, ", ");
				else
					appendStringInfoChar(&buf, *a);
			appendStringInfoChar(&buf, ')');
		}
	appendStringInfoString(&buf, "; see the view eco.outfall_statuses.");
	return buf.data;
}

static int
stage_arg(const char *s)
{
	int			st = eco_outfall_stage_parse(s);

	if (st < 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown outfall status \"%s\"", s),
				 errhint("%s", stage_hint(true))));
	return st;
}

/*
 * eco._outfall_check_transition(code, from, to, pre_campaign): ERROR 23514
 * unless the lifecycle allows from -> to.  from NULL = a new row, which may
 * enter at any stage (registers are imported part-way through a campaign).
 */
Datum
outfall_check_transition(PG_FUNCTION_ARGS)
{
	char	   *code = PG_ARGISNULL(0) ? "(new)" : PG_GETARG_CSTRING_TEXT(0);
	int			to,
				from;
	bool		pre = !PG_ARGISNULL(3) && PG_GETARG_BOOL(3);
	StringInfoData allowed;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("outfall \"%s\" needs a status", code)));
	to = stage_arg(PG_GETARG_CSTRING_TEXT(2));
	if (PG_ARGISNULL(1))
		PG_RETURN_VOID();
	from = stage_arg(PG_GETARG_CSTRING_TEXT(1));
	if (from == to || eco_outfall_transition_ok(from, to, pre))
		PG_RETURN_VOID();

	initStringInfo(&allowed);
	for (int i = 0; i < eco_n_outfall_transitions; i++)
	{
		const eco_outfall_transition *t = &eco_outfall_transitions[i];

		if ((int) t->from == from && (!t->pre_campaign_only || pre))
			appendStringInfo(&allowed, "%s%s", allowed.len ? ", " : "", eco_outfall_stage_names[t->to]);
	}
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("illegal outfall status transition from \"%s\" to \"%s\" for outfall \"%s\"",
					eco_outfall_stage_names[from], eco_outfall_stage_names[to], code),
			 allowed.len ? errdetail("From %s the next status can be: %s.", eco_outfall_stage_names[from], allowed.data)
			 : errdetail("%s is a final status.", eco_outfall_stage_names[from]),
			 errhint("The lifecycle is 疑似 → 核查确认 or 非排口 → 整治中 → 已完成 (销号); see the view eco.outfall_lifecycle.")));
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(outfall_status_name);

/*
 * eco._outfall_status_name(status): the canonical name of a status
 * ('销号' and '已完成（销号）' name 已完成); ERROR 23514 for an unknown status.
 * The eco.outfall trigger stores statuses under this name, so the table's
 * CHECK constraints and the history only ever see the five canonical names.
 */
Datum
outfall_status_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(eco_outfall_stage_names[stage_arg(PG_GETARG_CSTRING_TEXT(0))]));
}

/* eco.outfall_lifecycle view: the allowed transitions */
Datum
outfall_lifecycle_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_outfall_transitions; i++)
	{
		const eco_outfall_transition *t = &eco_outfall_transitions[i];
		Datum		values[4];
		bool		nulls[4] = {0};

		values[0] = CStringGetTextDatum(eco_outfall_stage_names[t->from]);
		values[1] = CStringGetTextDatum(eco_outfall_stage_names[t->to]);
		values[2] = BoolGetDatum(t->pre_campaign_only != 0);
		values[3] = CStringGetTextDatum(t->meaning);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- the lists of the family, read by SQL (views, CHECK constraints) ---------- */
PG_FUNCTION_INFO_V1(outfall_status_list);
PG_FUNCTION_INFO_V1(outfall_action_list);
PG_FUNCTION_INFO_V1(outfall_status_known);
PG_FUNCTION_INFO_V1(outfall_action_known);

/* eco.outfall_statuses view: the stages in lifecycle order, with the further spellings accepted on input */
Datum
outfall_status_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < ECO_OF_N_STAGES; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {0};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(eco_outfall_stage_names[i]);
		nulls[2] = eco_outfall_stage_aliases[i] == NULL;
		values[2] = nulls[2] ? (Datum) 0 : CStringGetTextDatum(eco_outfall_stage_aliases[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* eco.outfall_actions view: the remediation actions in the policy's order */
Datum
outfall_action_list(PG_FUNCTION_ARGS)
{
	return eco_word_list_srf(fcinfo, eco_outfall_actions, ECO_OF_N_ACTIONS);
}

/*
 * eco._outfall_status_known(status): true for a status as stored (one of the
 * canonical names); ERROR 23514 otherwise, with the list in the hint.  The
 * CHECK constraint of eco.outfall.status calls it.
 */
Datum
outfall_status_known(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING_TEXT(0);

	if (eco_outfall_stage_index(s) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown outfall status \"%s\"", s),
				 errhint("%s", stage_hint(false))));
	PG_RETURN_BOOL(true);
}

/* eco._outfall_action_known(action): true for a remediation action; ERROR 23514 otherwise, with the list. */
Datum
outfall_action_known(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING_TEXT(0);

	eco_word_check(eco_outfall_action_index(s) >= 0, "outfall remediation action", s,
				   eco_outfall_actions, ECO_OF_N_ACTIONS, "eco.outfall_actions");
	PG_RETURN_BOOL(true);
}
