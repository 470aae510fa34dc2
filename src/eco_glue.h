/*
 * eco_glue.h — helpers shared by the PostgreSQL glue files.
 */
#ifndef ECO_GLUE_H
#define ECO_GLUE_H

#include "postgres.h"
#include "fmgr.h"

#include "pollutant.h"
#include "standards.h"

/* eco.pollutant and eco.standard are pass-by-value int2 ids. */
#define PG_GETARG_POLLUTANT(n) eco_pollutant_arg(PG_GETARG_INT16(n))
#define PG_GETARG_STANDARD(n) eco_standard_arg(PG_GETARG_INT16(n))

const eco_pollutant *eco_pollutant_arg(int16 id);
const eco_standard *eco_standard_arg(int16 id);

/*
 * The standard argument must belong to 'family' (e.g. "HJ633"); otherwise
 * ERROR 22023 naming the function and the code.  Returns the standard id.
 */
eco_std_id	eco_require_family(const eco_standard *s, const char *family, const char *what);

/* Binary I/O of the 2-byte id types: recv validates the id with 'known'. */
int16		eco_recv_id(FunctionCallInfo fcinfo, bool (*known) (int16), const char *type_name);
Datum		eco_send_id(int16 id);

/* Text argument as a palloc'd C string. */
#define PG_GETARG_CSTRING_TEXT(n) text_to_cstring(PG_GETARG_TEXT_PP(n))

/* ERROR 22023 unless v is a finite, non-negative number; 'what' names the argument. */
void		eco_check_concentration(double v, const char *what);

#endif
