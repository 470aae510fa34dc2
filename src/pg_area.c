/*
 * pg_area.c — glue of the row-level security by area: eco.area_visible(area) and eco.site_visible(site_code), the
 * two functions every policy of the users' tables calls once per row.
 *
 * Both read their answer set once per statement and keep it in the call site's fn_extra: the area prefixes granted
 * to the current user (eco.area_grant, whose own policy shows a role only the grants that apply to it) and the codes
 * of the sites the current user can see (eco.site under its row-level security).  Within one statement a STABLE
 * function returns the same result for the same arguments, so the set is what a per-row query would find; a new
 * statement (or another current user, e.g. inside a SECURITY DEFINER function) reads it again.  The look-ups run
 * through SPI with every name schema-qualified (the extension's schema, pg_catalog), so nothing on the caller's
 * search_path is resolved.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(eco_area_visible);
PG_FUNCTION_INFO_V1(eco_site_visible);

/* The answer set of one call site for one user. */
typedef struct VisibleSet
{
	Oid			user;			/* the current user it was read for */
	int			n;				/* area prefixes */
	char	  **prefix;
	HTAB	   *codes;			/* site codes (site_visible), NULL for area_visible */
} VisibleSet;

typedef struct SiteCode
{
	char		code[NAMEDATALEN * 2];	/* hash key: the code, truncated (checked below) */
} SiteCode;

/* The extension's schema, quoted, from the function's own namespace. */
static const char *
own_schema(FunctionCallInfo fcinfo)
{
	return quote_identifier(get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid)));
}

/*
 * Run a one-column text query through SPI; each value is passed to 'add' (copied into the call site's memory by
 * the callee).  The values are read in the caller's snapshot, as a STABLE SQL function's query would.
 */
static void
read_column(const char *sql, void (*add) (VisibleSet *, const char *, MemoryContext), VisibleSet *set,
			MemoryContext mcxt)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", sql);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);

		if (v != NULL)
			add(set, v, mcxt);
	}
	SPI_finish();
}

static void
add_prefix(VisibleSet *set, const char *v, MemoryContext mcxt)
{
	set->prefix = set->n == 0 ? MemoryContextAlloc(mcxt, sizeof(char *) * 16)
		: (set->n % 16 == 0 ? repalloc(set->prefix, sizeof(char *) * (set->n + 16)) : set->prefix);
	set->prefix[set->n++] = MemoryContextStrdup(mcxt, v);
}

static void
add_code(VisibleSet *set, const char *v, MemoryContext mcxt)
{
	SiteCode	key;
	bool		found;

	(void) mcxt;
	if (strlen(v) >= sizeof key.code)
		return;					/* longer than any key: looked up by query below */
	memset(&key, 0, sizeof key);
	strcpy(key.code, v);
	hash_search(set->codes, &key, HASH_ENTER, &found);
}

/* The call site's set for the current user, read on first use and again when the user changes. */
static VisibleSet *
visible_set(FunctionCallInfo fcinfo, bool sites)
{
	VisibleSet *set = (VisibleSet *) fcinfo->flinfo->fn_extra;
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;
	StringInfoData sql;

	if (set != NULL && set->user == GetUserId())
		return set;
	if (set == NULL)
		set = MemoryContextAllocZero(mcxt, sizeof(VisibleSet));
	else if (set->codes != NULL)
		hash_destroy(set->codes);
	set->n = 0;
	set->codes = NULL;
	initStringInfo(&sql);
	if (sites)
	{
		HASHCTL		ctl;

		memset(&ctl, 0, sizeof ctl);
		ctl.keysize = sizeof(SiteCode);
		ctl.entrysize = sizeof(SiteCode);
		ctl.hcxt = mcxt;
		set->codes = hash_create("eco.site_visible codes", 256, &ctl, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
		/* eco.site under its row-level security: the sites the current user can see */
		appendStringInfo(&sql, "SELECT s.code FROM %s.site s", own_schema(fcinfo));
		read_column(sql.data, add_code, set, mcxt);
	}
	else
	{
		/*
		 * A role's own grants, the grants to PUBLIC and those of roles it is a member of; a role name that does not
		 * exist matches nobody (to_regrole gives NULL, pg_has_role of NULL is NULL).
		 */
		appendStringInfo(&sql,
						 "SELECT g.area_prefix FROM %s.area_grant g "
						 "WHERE g.role_name OPERATOR(pg_catalog.=) CURRENT_USER "
						 "OR g.role_name OPERATOR(pg_catalog.=) 'public'::pg_catalog.name "
						 "OR pg_catalog.pg_has_role(CURRENT_USER, "
						 "pg_catalog.to_regrole(pg_catalog.quote_ident(g.role_name)), 'MEMBER'::pg_catalog.text)",
						 own_schema(fcinfo));
		read_column(sql.data, add_prefix, set, mcxt);
	}
	pfree(sql.data);
	set->user = GetUserId();
	fcinfo->flinfo->fn_extra = set;
	return set;
}

/* eco.area_visible(area): true when a prefix granted to the current user starts the area (NULL area = ''). */
Datum
eco_area_visible(PG_FUNCTION_ARGS)
{
	VisibleSet *set = visible_set(fcinfo, false);
	char	   *area = PG_ARGISNULL(0) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(0));
	size_t		len = strlen(area);

	for (int i = 0; i < set->n; i++)
	{
		size_t		pl = strlen(set->prefix[i]);

		if (pl <= len && memcmp(area, set->prefix[i], pl) == 0)
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}

/* eco.site_visible(site_code): true when the current user can see the site (eco.site's row-level security). */
Datum
eco_site_visible(PG_FUNCTION_ARGS)
{
	VisibleSet *set;
	char	   *code;
	SiteCode	key;
	bool		found;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	set = visible_set(fcinfo, true);
	code = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (strlen(code) >= sizeof key.code)
	{
		/* longer than the hash key (no real site code is): ask eco.site directly */
		StringInfoData sql;
		Datum		arg = CStringGetTextDatum(code);
		Oid			argtype = TEXTOID;

		initStringInfo(&sql);
		appendStringInfo(&sql, "SELECT 1 FROM %s.site s WHERE s.code OPERATOR(pg_catalog.=) $1", own_schema(fcinfo));
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		if (SPI_execute_with_args(sql.data, 1, &argtype, &arg, NULL, true, 1) != SPI_OK_SELECT)
			elog(ERROR, "SPI_execute failed: %s", sql.data);
		found = SPI_processed > 0;
		SPI_finish();
		PG_RETURN_BOOL(found);
	}
	memset(&key, 0, sizeof key);
	strcpy(key.code, code);
	hash_search(set->codes, &key, HASH_FIND, &found);
	PG_RETURN_BOOL(found);
}
