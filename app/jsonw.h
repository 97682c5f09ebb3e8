/* Writing JSON straight into a buffer, for the answers of the hot lists:
 * no object tree, no hash table per object, no second pass to print it.
 * The output is what json-c prints with JSON_C_TO_STRING_PLAIN |
 * JSON_C_TO_STRING_NOSLASHESCAPE for the same values (tests/unit/test-jsonw). */
#ifndef RP_JSONW_H
#define RP_JSONW_H

#include <stdbool.h>
#include <stddef.h>

struct rp_buf;

struct rp_jw {
	struct rp_buf	*b;
	bool		 sep;	/* a member or an element precedes: write a comma */
};

void rp_jw_init(struct rp_jw *, struct rp_buf *);
/* Open an object ('{') or an array ('['), as the member `key` of the
 * enclosing object, or as an element (key NULL); close it with ']' or '}'.
 * Keys are the caller's literals, written as they are. */
void rp_jw_open(struct rp_jw *, const char *key, char brace);
void rp_jw_close(struct rp_jw *, char brace);
/* A string, or null when s is NULL. */
void rp_jw_str(struct rp_jw *, const char *key, const char *s);
void rp_jw_int(struct rp_jw *, const char *key, long long);
void rp_jw_bool(struct rp_jw *, const char *key, bool);
void rp_jw_null(struct rp_jw *, const char *key);
/* A number given as text (a DECIMAL or integer column), written as it is;
 * null when text is NULL or not a JSON number. */
void rp_jw_num(struct rp_jw *, const char *key, const char *text);
/* "a,b,c" as ["a","b","c"], empty keys left out (NULL or "": []). */
void rp_jw_key_list(struct rp_jw *, const char *key, const char *csv);
void rp_jw_ids(struct rp_jw *, const char *key, const long long *ids, size_t n);

#endif
