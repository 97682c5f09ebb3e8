/* Several reads as one statement: SELECTs joined by UNION ALL, for one
 * round trip where a page runs many small reads (rp_db_union, db.h). */
#ifndef RP_SQLUNION_H
#define RP_SQLUNION_H

#include <stdbool.h>
#include <stddef.h>

/* A SELECT's select list: [list_start, list_end) of sql, its column
 * count, and whether it orders its rows without a LIMIT (a union keeps a
 * part's ORDER BY only with one). */
struct rp_sql_select {
	size_t	list_start;
	size_t	list_end;
	size_t	ncols;
	bool	needs_limit;
};

/* Read sql, one SELECT of our own text: "SELECT " first, the select list
 * up to the first FROM outside parentheses and quotes (or the end).
 * Returns 0, or -1 when it is not a SELECT or holds a UNION of its own. */
int rp_sql_select_parse(const char *sql, struct rp_sql_select *out);

/* The n SELECTs as one statement: part k becomes
 *   (SELECT k, NULL..., <its columns>, NULL... FROM ... [LIMIT max])
 * so each part has columns of its own (no type is shared between parts;
 * a count stays a count next to a decimal) and the parts' rows come in
 * order, tagged by column 0. first[k] is the column of part k's first
 * column, ncols[k] its count; the placeholders keep their order. Returns
 * a malloc'd text, or NULL when a part cannot be read. */
char *rp_sql_union(const char *const *sqls, size_t n, size_t *first, size_t *ncols);

#endif
