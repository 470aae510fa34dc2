/*
 * eco_monitor.c — module entry point and helpers shared by the glue files.
 */
#include "eco_glue.h"

#include <math.h>

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

const eco_pollutant *
eco_pollutant_arg(int16 id)
{
	const eco_pollutant *p = eco_pollutant_by_id(id);

	if (p == NULL)				/* can happen only with corrupted data */
		elog(ERROR, "invalid pollutant id %d", (int) id);
	return p;
}

const eco_standard *
eco_standard_arg(int16 id)
{
	const eco_standard *s = eco_standard_by_id(id);

	if (s == NULL)
		elog(ERROR, "invalid standard id %d", (int) id);
	return s;
}

eco_std_id
eco_require_family(const eco_standard *s, const char *family, const char *what)
{
	if (strcmp(s->family, family) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("standard \"%s\" does not apply to %s", s->code, what),
				 errhint("Use a %s edition.", family)));
	return (eco_std_id) s->id;
}

void
eco_check_concentration(double v, const char *what)
{
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not %g", what, v)));
	if (v < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative: %g", what, v)));
}

int16
eco_recv_id(FunctionCallInfo fcinfo, bool (*known) (int16), const char *type_name)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int16		id = pq_getmsgint(buf, 2);

	if (!known(id))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external %s id %d", type_name, (int) id)));
	return id;
}

Datum
eco_send_id(int16 id)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, id);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

bytea *
eco_flat_serialize(const void *state, Size size)
{
	bytea	   *b = palloc(VARHDRSZ + size);

	SET_VARSIZE(b, VARHDRSZ + size);
	memcpy(VARDATA(b), state, size);
	return b;
}

void *
eco_flat_deserialize(bytea *b, Size size, const char *what)
{
	void	   *s;

	if (VARSIZE_ANY_EXHDR(b) != size)
		elog(ERROR, "%s: serialized state has %d bytes, expected %d",
			 what, (int) VARSIZE_ANY_EXHDR(b), (int) size);
	s = palloc(size);
	memcpy(s, VARDATA_ANY(b), size);
	return s;
}

bool
eco_flat_combine_empty(FunctionCallInfo fcinfo, Size size, const char *fn, void **a, void **b)
{
	MemoryContext ctx;

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "%s called in non-aggregate context", fn);
	*a = PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0);
	*b = PG_ARGISNULL(1) ? NULL : PG_GETARG_POINTER(1);
	if (*b == NULL)
		return true;			/* the first state, or NULL when both are empty */
	if (*a == NULL)
	{
		*a = MemoryContextAlloc(ctx, size);
		memcpy(*a, *b, size);
		return true;
	}
	return false;
}

Datum
eco_word_list_srf(FunctionCallInfo fcinfo, const char *const *words, int n)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {0};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(words[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

char *
eco_word_list_text(const char *const *words, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i == 0 ? "" : (i == n - 1 ? " or " : ", "), words[i]);
	return buf.data;
}

void
eco_word_check(bool known, const char *what, const char *value,
			   const char *const *words, int n, const char *view)
{
	if (!known)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown %s \"%s\"", what, value),
				 errhint("Use %s; see the view %s.", eco_word_list_text(words, n), view)));
}
