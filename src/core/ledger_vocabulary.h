/*
 * ledger_vocabulary.h — the fixed words of the bureau's ledgers (台账):
 * levels of inspection findings, channels and categories of complaints,
 * kinds of approval and the categories of each kind.  Pure C: no PostgreSQL
 * header.
 *
 * Typed here once: the CHECK constraints of eco.rectification, eco.complaint
 * and eco.approval call the validators, the summaries order their rows by
 * the table (view eco.ledger_vocabulary), and the error hints list it.
 */
#ifndef ECO_LEDGER_VOCABULARY_H
#define ECO_LEDGER_VOCABULARY_H

typedef enum eco_ledger_list
{
	ECO_LV_RECTIFICATION_LEVEL = 0,
	ECO_LV_COMPLAINT_CHANNEL,
	ECO_LV_COMPLAINT_CATEGORY,
	ECO_LV_APPROVAL_KIND,
	ECO_LV_APPROVAL_CATEGORY,
	ECO_LV_N_LISTS
} eco_ledger_list;

typedef struct eco_ledger_list_info
{
	const char *code;			/* name of the list in SQL, e.g. complaint_channel */
	const char *label;			/* in error messages, e.g. complaint channel */
} eco_ledger_list_info;

extern const eco_ledger_list_info eco_ledger_lists[ECO_LV_N_LISTS];

typedef struct eco_ledger_word
{
	eco_ledger_list list;
	const char *value;
	const char *parent;			/* the approval kind of an approval category; NULL otherwise */
} eco_ledger_word;

/* Every word, list by list, in each list's order (the order of the summaries). */
extern const eco_ledger_word eco_ledger_words[];
extern const int eco_n_ledger_words;

/* The list named code; -1 when unknown. */
int			eco_ledger_list_parse(const char *code);

/* 1 when value is a word of list (and, when parent is not NULL, one under that parent); exact match. */
int			eco_ledger_word_known(int list, const char *value, const char *parent);

#endif
