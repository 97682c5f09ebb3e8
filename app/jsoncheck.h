/* Strict RFC 8259 syntax check of request bodies, before json-c parses them. */
#ifndef RP_JSONCHECK_H
#define RP_JSONCHECK_H

#include <stddef.h>

/* Return 0 when s[0..n) is exactly one JSON value nested at most maxdepth
 * deep, with no "\u0000" in strings; -1 otherwise. json-c alone accepts
 * single quotes, NaN, Infinity and "1.", even in strict mode. */
int rp_json_check(const char *s, size_t n, int maxdepth);

#endif
