/*
 * pg_ledger_vocabulary.c — glue for the fixed words of the ledgers: the view
 * eco.ledger_vocabulary and the validators the CHECK constraints of
 * eco.rectification, eco.complaint and eco.approval call (ERROR 23514 naming
 * the value, the accepted words in the hint).
 */
#include "eco_glue.h"
#include "ledger_vocabulary.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(ledger_vocabulary_list);
PG_FUNCTION_INFO_V1(ledger_word_known);
PG_FUNCTION_INFO_V1(approval_category_known);

/* eco.ledger_vocabulary view: list, position in the list, word, parent (the kind of an approval category) */
Datum
ledger_vocabulary_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			ord[ECO_LV_N_LISTS] = {0};

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < eco_n_ledger_words; i++)
	{
		const eco_ledger_word *w = &eco_ledger_words[i];
		Datum		values[4];
		bool		nulls[4] = {0};

		values[0] = CStringGetTextDatum(eco_ledger_lists[w->list].code);
		values[1] = Int32GetDatum(++ord[w->list]);
		values[2] = CStringGetTextDatum(w->value);
		nulls[3] = w->parent == NULL;
		values[3] = nulls[3] ? (Datum) 0 : CStringGetTextDatum(w->parent);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* "a, b or c": the words of list (under parent when not NULL), from the table */
static char *
words_of(int list, const char *parent)
{
	const char **words = palloc(sizeof(char *) * eco_n_ledger_words);
	int			n = 0;

	for (int i = 0; i < eco_n_ledger_words; i++)
	{
		const eco_ledger_word *w = &eco_ledger_words[i];

		if ((int) w->list == list && (parent == NULL || strcmp(w->parent, parent) == 0))
			words[n++] = w->value;
	}
	return eco_word_list_text(words, n);
}

static int
list_arg(const char *code)
{
	int			list = eco_ledger_list_parse(code);

	if (list < 0)
	{
		StringInfoData buf;

		initStringInfo(&buf);
		for (int i = 0; i < ECO_LV_N_LISTS; i++)
			appendStringInfo(&buf, "%s%s", i ? ", " : "", eco_ledger_lists[i].code);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown ledger list \"%s\"", code),
				 errhint("The lists are %s.", buf.data)));
	}
	return list;
}

/* eco._ledger_word_known(list, value): true for a word of the list; ERROR 23514 otherwise, with the list. */
Datum
ledger_word_known(PG_FUNCTION_ARGS)
{
	int			list = list_arg(PG_GETARG_CSTRING_TEXT(0));
	char	   *value = PG_GETARG_CSTRING_TEXT(1);

	if (!eco_ledger_word_known(list, value, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown %s \"%s\"", eco_ledger_lists[list].label, value),
				 errhint("Use %s; see the view eco.ledger_vocabulary.", words_of(list, NULL))));
	PG_RETURN_BOOL(true);
}

/*
 * eco._approval_category_known(kind, category): true for a category of the
 * kind; ERROR 23514 otherwise (an unknown kind, or a category of another
 * kind), with the accepted words.
 */
Datum
approval_category_known(PG_FUNCTION_ARGS)
{
	char	   *kind = PG_GETARG_CSTRING_TEXT(0);
	char	   *category = PG_GETARG_CSTRING_TEXT(1);

	if (!eco_ledger_word_known(ECO_LV_APPROVAL_KIND, kind, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown %s \"%s\"", eco_ledger_lists[ECO_LV_APPROVAL_KIND].label, kind),
				 errhint("Use %s; see the view eco.ledger_vocabulary.", words_of(ECO_LV_APPROVAL_KIND, NULL))));
	if (!eco_ledger_word_known(ECO_LV_APPROVAL_CATEGORY, category, kind))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("\"%s\" is not a category of %s approvals", category, kind),
				 errhint("The categories of %s are %s; see the view eco.ledger_vocabulary.", kind,
						 words_of(ECO_LV_APPROVAL_CATEGORY, kind))));
	PG_RETURN_BOOL(true);
}
