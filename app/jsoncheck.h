/* Strict RFC 8259 syntax check of request bodies, before json-c parses them. */
#ifndef RP_JSONCHECK_H
#define RP_JSONCHECK_H

#include <stddef.h>

/* Return 0 when s[0..n) is exactly one JSON value nested at most maxdepth
 * deep, with no "\u0000" in strings; -1 otherwise. json-c alone accepts
 * single quotes, NaN, Infinity and "1.", even in strict mode. */
int rp_json_check(const char *s, size_t n, int maxdepth);

/* Parse s[0..n) when rp_json_check accepts it, with json-c in strict mode:
 * exactly one value, nothing after it. Returns 0 with *out (the caller
 * owns it), -1 when the text is malformed or a bare top-level null (json-c
 * has no object for it), -2 when json-c could not
 * allocate its parser. UTF-8 validity is the caller's to check. */
struct json_object;
int rp_json_parse(const char *s, size_t n, int maxdepth, struct json_object **out);

#endif
