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

/*
 * A word list typed once in a core table (e.g. the soil-survey stages):
 * eco_word_list_srf returns it as rows (ord from 1, word) of a view's set-
 * returning function; eco_word_list_text writes it as "a, b or c" for an
 * error hint.
 */
Datum		eco_word_list_srf(FunctionCallInfo fcinfo, const char *const *words, int n);
char	   *eco_word_list_text(const char *const *words, int n);

/*
 * The CHECK constraint of a column holding a word of such a list: ERROR 23514
 * "unknown <what> \"value\"", the words and the view that shows them in the
 * hint, unless known.
 */
void		eco_word_check(bool known, const char *what, const char *value,
						   const char *const *words, int n, const char *view);

/* Binary I/O of the 2-byte id types: recv validates the id with 'known'. */
int16		eco_recv_id(FunctionCallInfo fcinfo, bool (*known) (int16), const char *type_name);
Datum		eco_send_id(int16 id);

/*
 * Aggregate states that are flat structs (no pointers) serialize as their own
 * bytes.  ECO_FLAT_STATE_IO(prefix, Type, "what") defines prefix_serialize
 * and prefix_deserialize; deserialize checks the size.
 */
bytea	   *eco_flat_serialize(const void *state, Size size);
void	   *eco_flat_deserialize(bytea *b, Size size, const char *what);
#define ECO_FLAT_STATE_IO(prefix, Type, what) \
Datum \
prefix##_serialize(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BYTEA_P(eco_flat_serialize(PG_GETARG_POINTER(0), sizeof(Type))); \
} \
Datum \
prefix##_deserialize(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_POINTER(eco_flat_deserialize(PG_GETARG_BYTEA_PP(0), sizeof(Type), (what))); \
}

/*
 * The empty cases of a combine function whose state is such a flat struct:
 * when either partial state is empty the result is the other one (copied
 * into the aggregate's context when it is the second), NULL when both are.
 * Returns true with the result in *a, for ECO_RETURN_STATE(*a); otherwise
 * false with the two states to merge in *a and *b.  ERROR outside an
 * aggregate ('fn' names the function).
 */
bool		eco_flat_combine_empty(FunctionCallInfo fcinfo, Size size, const char *fn, void **a, void **b);
#define ECO_RETURN_STATE(s) \
	do { \
		void	   *s_ = (s); \
		if (s_ == NULL) \
			PG_RETURN_NULL(); \
		PG_RETURN_POINTER(s_); \
	} while (0)

/* Text argument as a palloc'd C string. */
#define PG_GETARG_CSTRING_TEXT(n) text_to_cstring(PG_GETARG_TEXT_PP(n))

/* ERROR 22023 unless v is a finite, non-negative number; 'what' names the argument. */
void		eco_check_concentration(double v, const char *what);

#endif
