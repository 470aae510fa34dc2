/*
 * eco_monitor.c — module entry point and helpers shared by the glue files.
 */
#include "eco_glue.h"

#include <math.h>

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
