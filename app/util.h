/* Small pure helpers: numbers, growable buffers, UTF-8, percent-decoding. */
#ifndef RP_UTIL_H
#define RP_UTIL_H

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

#define RP_NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Parse a whole decimal string into [min, max] (OpenBSD strtonum semantics:
 * no sign tricks, no trailing garbage). Returns 0 and sets *out, or -1. */
int rp_strtonum(const char *s, long long min, long long max, long long *out);

/* A growable byte buffer living in an arena. */
struct rp_buf {
	struct rp_arena	*arena;
	char		*data;
	size_t		 len;
	size_t		 cap;
};
void rp_buf_init(struct rp_buf *, struct rp_arena *);
void rp_buf_add(struct rp_buf *, const char *, size_t);
void rp_buf_puts(struct rp_buf *, const char *);
/* A decimal integer, without printf's cost (long lists write many). */
void rp_buf_putll(struct rp_buf *, long long);
void rp_buf_printf(struct rp_buf *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* NUL-terminated view of the buffer (always valid, possibly ""). */
const char *rp_buf_str(struct rp_buf *);

/* True if the n bytes are well-formed UTF-8 without NUL or C0 controls other
 * than tab, newline and carriage return. */
bool rp_utf8_valid(const char *s, size_t n);

/* Number of characters (code points) of a UTF-8 string. */
size_t rp_utf8_chars(const char *);

/* The text rules of every input field (app/input.c, and the imports that
 * read files): spaces and tabs trimmed at both ends; with `lines`, CR LF
 * read as LF, blank lines around dropped, newlines and tabs kept, else a
 * single line; no other control character; valid UTF-8; at most maxchars
 * characters. Returns the cleaned copy in the arena (possibly ""), or NULL
 * with *code ("invalid" or "too_long") and *msg (fixed English text). */
char *rp_text_clean(struct rp_arena *, const char *v, size_t maxchars, bool lines,
    const char **code, const char **msg);

/* Percent-decode s[0..n) into the arena; `plus` turns '+' into a space (form
 * encoding). Returns the decoded NUL-terminated string and its length in
 * *outlen, or NULL when an escape is malformed or decodes to NUL. */
char *rp_pct_decode(struct rp_arena *, const char *s, size_t n, bool plus,
    size_t *outlen);

/* Percent-encode everything but unreserved characters and '/', for a path
 * placed in an href. A path that is not a plain in-app path ("//host",
 * "/\\host", no leading '/') becomes "/". */
char *rp_url_path_escape(struct rp_arena *, const char *path);

/* Percent-encode everything but unreserved characters, for a query
 * argument or an otpauth label. */
char *rp_url_arg_escape(struct rp_arena *, const char *s);

/* A LIKE pattern matching q anywhere, with LIKE's own wildcards typed by
 * a user matched literally: "%" + escaped q + "%". */
char *rp_like_pattern(struct rp_arena *, const char *q);

/* The positive ids of a comma-separated list (as GROUP_CONCAT writes
 * them), in the arena; *n gets their count. */
long long *rp_ids_parse(struct rp_arena *, const char *csv, size_t *n);
/* Append id to a comma-separated list as rp_ids_parse reads it. */
void rp_buf_put_id(struct rp_buf *, long long id);
/* Keep each id of ids[0..n) once, in the order given; returns the new n. */
size_t rp_ids_dedup(long long *ids, size_t n);
/* Do two id lists hold the same ids (order aside; each list without
 * repeats)? */
bool rp_ids_same(const long long *a, size_t na, const long long *b, size_t nb);

/* Is an uploaded file JSON: its name ends in ".json" (case ignored) or its
 * text opens like an object or an array (a UTF-8 BOM and blanks aside)?
 * The imports read anything else as their other format. */
bool rp_upload_is_json(const char *name, const char *text, size_t len);

/* Constant-time comparison of two NUL-terminated strings. */
bool rp_str_equal_ct(const char *a, const char *b);

#endif
