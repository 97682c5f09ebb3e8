/* ClearSilver templates: parsed once, rendered per request with escaping on. */
#ifndef RP_TMPL_H
#define RP_TMPL_H

#include <stdbool.h>
#include <stddef.h>

struct rp_req;
struct _hdf;

/* Parse every page template under www_dir/templates and load the language
 * files of www_dir/lang. A missing template, include or language file, or a
 * syntax error, fails with a message in err. Replaces a previous load only on
 * success. Returns 0 or -1. */
int rp_tmpl_load(const char *www_dir, char *err, size_t errlen);
void rp_tmpl_unload(void);

/* The request's template data, created on first use (freed by rp_req_end). */
struct _hdf *rp_hdf(struct rp_req *);
/* Set a template value; a NULL value is left unset. */
void rp_set(struct rp_req *, const char *name, const char *value);
/* Set the values of a JSON value under prefix: objects as prefix.key,
 * arrays as prefix.0, prefix.1..., booleans as "1"/"0", null unset. The
 * pages show what the API answers through this one mapping. */
struct json_object;
void rp_set_json(struct rp_req *, const char *prefix, struct json_object *);
/* The same for a list page: of each object of array `list`, only the
 * given keys, as prefix.i.key (each node costs a malloc or more: a page
 * builds what it shows). */
void rp_set_json_rows(struct rp_req *, const char *prefix, struct json_object *list,
    const char *const *keys, size_t nkeys);
void rp_setf(struct rp_req *, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Rows of a list: the node `list`.i, created (rows set their fields
 * relative to it: no name to format, a short walk), and its setters. Long
 * lists are where a page spends its time building data. */
struct _hdf *rp_row(struct rp_req *, const char *list, size_t i);
/* The node `name` (created), for the same setters. */
struct _hdf *rp_node(struct rp_req *, const char *name);
void rp_row_set(struct _hdf *row, const char *name, const char *value);
void rp_row_setll(struct _hdf *row, const char *name, long long value);

/* Render page `name` with the request's data into the response body as
 * text/html. Returns 0, or -1 after logging and rp_fail(500). */
int rp_render(struct rp_req *, const char *name);

/* A message of the language file in the request's language ("" if none). */
const char *rp_lang_text(const struct rp_req *, const char *key);

/* Rows written in C, for the lists where an each: loop over an HDF costs
 * most of the request (docs/performance.md): the node `name` of the
 * request's language file (NULL if none), a message under it by key (""
 * if none), and text appended to b escaped exactly as the templates' var:
 * escapes it, by ClearSilver's own function. The rows go to the page
 * through one uvar:. */
struct rp_buf;
struct _hdf *rp_lang_node(const struct rp_req *, const char *name);
const char *rp_lang_in(struct _hdf *node, const char *key);
void rp_html_text(struct rp_buf *, const char *s);
/* The <option>s of a select over the children of a language node, as an
 * each: over it writes them: each child's name the value, its text the
 * label, " selected" on the child named `selected`. */
void rp_html_options(struct rp_buf *, struct _hdf *node, const char *selected);
/* Member `key` of object o as a template sees it through rp_set_json: ""
 * when absent or null, "1"/"0" for a boolean, a number in decimal. */
const char *rp_json_text(struct json_object *o, const char *key);
/* The truth of a value in a template's if: or alt: (ClearSilver's rule):
 * empty is false, a whole number is its value, any other text true. */
bool rp_cs_true(const char *s);
/* A template value already set ("" if none). */
const char *rp_get(struct rp_req *, const char *name);

#endif
