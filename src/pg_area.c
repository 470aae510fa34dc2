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

#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(eco_area_visible);
PG_FUNCTION_INFO_V1(eco_site_visible);

/* The answer set of one call site for one user: area prefixes (area_visible) or site codes, sorted (site_visible). */
typedef struct VisibleSet
{
	Oid			user;			/* the current user it was read for */
	int			n;
	char	  **value;
} VisibleSet;

/* The extension's schema, quoted, from the function's own namespace. */
static const char *
own_schema(FunctionCallInfo fcinfo)
{
	return quote_identifier(get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid)));
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * The call site's set for the current user, read on first use and again when the user changes: the one-column
 * query runs through SPI in the caller's snapshot, as a STABLE SQL function's query would; the values are copied
 * into the call site's memory and sorted.
 */
static VisibleSet *
visible_set(FunctionCallInfo fcinfo, const char *sql)
{
	VisibleSet *set = (VisibleSet *) fcinfo->flinfo->fn_extra;
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;

	if (set != NULL && set->user == GetUserId())
		return set;
	if (set == NULL)
		set = MemoryContextAllocZero(mcxt, sizeof(VisibleSet));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", sql);
	set->n = 0;
	set->value = MemoryContextAlloc(mcxt, sizeof(char *) * Max(SPI_processed, 1));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);

		if (v != NULL)
			set->value[set->n++] = MemoryContextStrdup(mcxt, v);
	}
	SPI_finish();
	qsort(set->value, set->n, sizeof(char *), cmp_cstr);
	set->user = GetUserId();
	fcinfo->flinfo->fn_extra = set;
	return set;
}

/* strcmp order of the bytes s[0..len) (a text value, no NUL inside) against the C string t. */
static int
cmp_bytes(const char *s, size_t len, const char *t)
{
	size_t		tl = strlen(t);
	int			c = memcmp(s, t, Min(len, tl));

	return c != 0 ? c : (len > tl) - (len < tl);
}

/* eco.area_visible(area): true when a prefix granted to the current user starts the area (NULL area = ''). */
Datum
eco_area_visible(PG_FUNCTION_ARGS)
{
	VisibleSet *set = (VisibleSet *) fcinfo->flinfo->fn_extra;
	text	   *t = PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0);
	const char *area = t ? VARDATA_ANY(t) : "";
	size_t		len = t ? VARSIZE_ANY_EXHDR(t) : 0;

	if (set == NULL || set->user != GetUserId())
	{
		/*
		 * A role's own grants, the grants to PUBLIC and those of roles it is a member of (eco.area_grant, under its
		 * policy area_grant_own); a role name that does not exist matches nobody (to_regrole gives NULL,
		 * pg_has_role of NULL is NULL).
		 */
		char	   *sql = psprintf("SELECT g.area_prefix FROM %s.area_grant g "
								   "WHERE g.role_name OPERATOR(pg_catalog.=) CURRENT_USER "
								   "OR g.role_name OPERATOR(pg_catalog.=) 'public'::pg_catalog.name "
								   "OR pg_catalog.pg_has_role(CURRENT_USER, "
								   "pg_catalog.to_regrole(pg_catalog.quote_ident(g.role_name)), "
								   "'MEMBER'::pg_catalog.text)", own_schema(fcinfo));

		set = visible_set(fcinfo, sql);
		pfree(sql);
	}
	for (int i = 0; i < set->n; i++)
	{
		size_t		pl = strlen(set->value[i]);

		if (pl <= len && memcmp(area, set->value[i], pl) == 0)
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}

/* eco.site_visible(site_code): true when the current user can see the site (eco.site's row-level security). */
Datum
eco_site_visible(PG_FUNCTION_ARGS)
{
	VisibleSet *set = (VisibleSet *) fcinfo->flinfo->fn_extra;
	text	   *t;
	int			lo = 0,
				hi;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	t = PG_GETARG_TEXT_PP(0);
	if (set == NULL || set->user != GetUserId())
	{
		/* eco.site under its row-level security: the sites the current user can see */
		char	   *sql = psprintf("SELECT s.code FROM %s.site s", own_schema(fcinfo));

		set = visible_set(fcinfo, sql);
		pfree(sql);
	}
	/* binary search of the sorted codes, on the argument's bytes (no copy per row) */
	hi = set->n - 1;
	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = cmp_bytes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), set->value[mid]);

		if (c == 0)
			PG_RETURN_BOOL(true);
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	PG_RETURN_BOOL(false);
}
