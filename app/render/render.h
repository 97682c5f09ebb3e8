/* rempart-render: the deliverables' renderer, a separate program so that the
 * FastCGI worker links none of cairo, pango, glib or libzip. It reads one
 * input on stdin and writes one output on stdout; on failure it exits
 * non-zero with one line on stderr (RENDER_EXIT_* tells the worker why). */
#ifndef RP_RENDER_H
#define RP_RENDER_H

#include <stddef.h>
#include <stdio.h>

struct json_object;

/* Exit statuses: the worker maps INPUT to a 400 (an image it must refuse),
 * anything else to a 500 logged with the stderr line. */
#define RENDER_EXIT_OK		0
#define RENDER_EXIT_FAIL	1	/* internal error */
#define RENDER_EXIT_INPUT	2	/* the input is refused */

/* Largest input read from stdin (the report's JSON, an image). */
#define RENDER_MAX_INPUT	(64u << 20)
/* A logo: largest file, largest side in pixels (checked from the header
 * before any decoding), and the side a stored logo is reduced to. */
#define RENDER_MAX_IMAGE	(2u << 20)
#define RENDER_MAX_SIDE		4096
#define RENDER_LOGO_SIDE	1024

/* A growing byte buffer (malloc'd; the program exits after one job). */
struct rbuf {
	unsigned char	*data;
	size_t		 len, cap;
};
void rbuf_add(struct rbuf *, const void *, size_t);
void rbuf_puts(struct rbuf *, const char *);
void rbuf_printf(struct rbuf *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s XML-escaped (&, <, >, ", ') with C0 controls but tab and
 * newline dropped (XML 1.0 forbids them). */
void rbuf_xml(struct rbuf *, const char *s);

/* Report on stderr and exit with status. */
void render_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

/* Type-checked reads of the input JSON: a missing or mistyped member gives
 * the default. */
const char *rj_str(struct json_object *, const char *key, const char *def);
long long rj_int(struct json_object *, const char *key, long long def);
/* -1 when absent or null */
double rj_num(struct json_object *, const char *key, double def);
struct json_object *rj_arr(struct json_object *, const char *key);
struct json_object *rj_obj(struct json_object *, const char *key);
/* The label `key` of the input's "labels" object ("" when absent). */
const char *rj_label(struct json_object *report, const char *key);

/* Base64 (RFC 4648) decoded into a malloc'd buffer; NULL when invalid. */
unsigned char *render_b64_decode(const char *s, size_t *n);

/* Score → level index (0 low .. 3 critical), as app/risks.c. */
int render_level(long long score);

/* The jobs: each writes its output on out and returns 0, or exits through
 * render_die. */
int render_pdf(struct json_object *report, FILE *out);
/* The Statement of Applicability: A4 landscape, a header, the counts, one
 * table row per requirement. */
int render_soa(struct json_object *soa, FILE *out);
int render_docx(struct json_object *report, FILE *out);
int render_image(const unsigned char *in, size_t n, FILE *out);

#endif
