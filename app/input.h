/* Typed, validated reading of request fields, from a JSON body (API) or a
 * form (HTML): one set of validators for both. Each failure answers 400
 * naming the field. */
#ifndef RP_INPUT_H
#define RP_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct rp_req;

/* Results: 1 present and valid, 0 absent (and not required), -1 invalid
 * (rp_fail done). */

/* One-line text of 1..maxchars characters (trimmed; control characters
 * refused); `required` makes absence an error. */
int rp_in_text(struct rp_req *, const char *name, size_t maxchars,
    bool required, const char **out);
/* Like rp_in_text, over several lines (CR LF read as LF; tabs kept). */
int rp_in_lines(struct rp_req *, const char *name, size_t maxchars,
    bool required, const char **out);
/* Like rp_in_text, but allows an empty string. */
int rp_in_text0(struct rp_req *, const char *name, size_t maxchars,
    const char **out);
/* An e-mail address (lower-cased). */
int rp_in_email(struct rp_req *, const char *name, bool required,
    const char **out);
/* A password (not trimmed; length checked by the password policy). */
int rp_in_secret(struct rp_req *, const char *name, bool required,
    const char **out);
/* true/false (JSON boolean; form "1"/"0", "on", "true"/"false"). */
int rp_in_bool(struct rp_req *, const char *name, bool *out);
/* A list of keys (JSON array of strings; form: the field repeated, with a
 * companion "<name>_present" field so that an empty list can be sent).
 * Unknown keys are refused. */
int rp_in_keys(struct rp_req *, const char *name, int (*parse)(const char *),
    unsigned *mask);
/* A list of positive integer ids. */
int rp_in_ids(struct rp_req *, const char *name, long long **ids, size_t *n);
/* The same for a set of links: each id kept once, in the order given, and
 * at most max of them (400 too_long naming the field). */
int rp_in_links(struct rp_req *, const char *name, size_t max, long long **ids, size_t *n);

/* One key of a closed set (app/enums.h); *out is the table's own key. */
struct rp_enum;
int rp_in_enum(struct rp_req *, const char *name, const struct rp_enum *,
    bool required, const char **out);
/* An integer in [min, max], or null (JSON null, or an empty form field):
 * then *isnull is set. */
int rp_in_int(struct rp_req *, const char *name, long long min, long long max,
    bool *isnull, long long *out);
/* The first field of the request whose name is not in `known` (form
 * fields: csrf_token and "*_present" companions are ignored), or NULL. */
const char *rp_in_unknown(const struct rp_req *, const char *const *known,
    size_t n);

/* Was the field sent empty: JSON null, or a string of blanks only? (A
 * text field that may be cleared reads this before rp_in_lines, which
 * refuses "".) */
bool rp_in_blank(const struct rp_req *, const char *name);

/* List filters of the query string. Absent or empty is "any" (*out NULL,
 * or false); anything else must be a key of the set, or 1/0 for a flag:
 * strict (the API) answers 400 naming the parameter, otherwise (the HTML
 * pages, whose links may be stale) it is ignored. Return 0 or -1. */
int rp_query_enum(struct rp_req *, const char *name, const struct rp_enum *,
    bool strict, const char **out);
int rp_query_flag(struct rp_req *, const char *name, bool strict, bool *out);
/* A search text of the query string (at most 200 bytes, else 400
 * too_long, strict or not): NULL when absent or empty. */
int rp_query_search(struct rp_req *, const char *name, const char **out);
/* A positive id of the query string: 0 when absent or empty; otherwise
 * strict answers 400 naming the parameter, the pages ignore it. */
int rp_query_id(struct rp_req *, const char *name, bool strict, long long *out);
/* A list's order from ?sort= (one of keys[0..n), keys[0] when absent) and
 * ?dir= (asc or desc; when absent, descending for the keys whose bit is
 * set in desc_mask). Strict answers 400 naming sort or dir; the pages fall
 * back to the defaults. *sort is the table's own key. */
int rp_query_sort(struct rp_req *, const char *const *keys, size_t n, unsigned desc_mask,
    bool strict, const char **sort, bool *desc);

/* Is this a plausible e-mail address (length, one '@', a dotted domain)? */
bool rp_email_valid(const char *);

#endif
