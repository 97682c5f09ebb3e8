/* Splitting a migration file into single SQL statements. */
#ifndef RP_SQLSPLIT_H
#define RP_SQLSPLIT_H

#include <stddef.h>

/* Call fn for each statement of text (split on ';' outside quotes and
 * comments; empty statements skipped; comments kept). Stops and returns
 * fn's non-zero result, -2 on an unterminated quote or comment, else 0. */
int rp_sql_split(const char *text, size_t len,
    int (*fn)(void *ctx, const char *stmt, size_t len, int lineno), void *ctx);

#endif
