/* rempart-render's entry point: `rempart-render pdf|docx` reads the report's
 * JSON on stdin, `rempart-render soa` a Statement of Applicability's (a
 * PDF), `rempart-render image` a logo (PNG or JPEG); each writes its output
 * on stdout (see render.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>

#include "render.h"

void
rbuf_add(struct rbuf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((b->data = realloc(b->data, cap)) == NULL)
			render_die(RENDER_EXIT_FAIL, "out of memory");
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
rbuf_puts(struct rbuf *b, const char *s)
{
	rbuf_add(b, s, strlen(s));
}

void
rbuf_printf(struct rbuf *b, const char *fmt, ...)
{
	char small[512], *p = small;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		render_die(RENDER_EXIT_FAIL, "format error");
	if ((size_t)n >= sizeof(small)) {
		if ((p = malloc((size_t)n + 1)) == NULL)
			render_die(RENDER_EXIT_FAIL, "out of memory");
		va_start(ap, fmt);
		vsnprintf(p, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	rbuf_add(b, p, (size_t)n);
	if (p != small)
		free(p);
}

void
rbuf_xml(struct rbuf *b, const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': rbuf_puts(b, "&amp;"); break;
		case '<': rbuf_puts(b, "&lt;"); break;
		case '>': rbuf_puts(b, "&gt;"); break;
		case '"': rbuf_puts(b, "&quot;"); break;
		case '\'': rbuf_puts(b, "&apos;"); break;
		default:
			if (c < 0x20 && c != '\t' && c != '\n')
				break;
			rbuf_add(b, s, 1);
		}
	}
}

void
render_die(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("rempart-render: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

const char *
rj_str(struct json_object *o, const char *key, const char *def)
{
	struct json_object *v;

	if (o != NULL && json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return def;
}

long long
rj_int(struct json_object *o, const char *key, long long def)
{
	struct json_object *v;

	if (o != NULL && json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_int))
		return json_object_get_int64(v);
	return def;
}

double
rj_num(struct json_object *o, const char *key, double def)
{
	struct json_object *v;

	if (o != NULL && json_object_object_get_ex(o, key, &v) &&
	    (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)))
		return json_object_get_double(v);
	return def;
}

struct json_object *
rj_arr(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o != NULL && json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_array))
		return v;
	return NULL;
}

struct json_object *
rj_obj(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o != NULL && json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_object))
		return v;
	return NULL;
}

const char *
rj_label(struct json_object *report, const char *key)
{
	return rj_str(rj_obj(report, "labels"), key, "");
}

static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

unsigned char *
render_b64_decode(const char *s, size_t *n)
{
	size_t len = strlen(s), o = 0;
	unsigned char *out;
	unsigned acc = 0;
	int bits = 0;

	if ((out = malloc(len / 4 * 3 + 3)) == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '=')
			break;
		int v = b64_value((unsigned char)s[i]);
		if (v < 0) {
			free(out);
			return NULL;
		}
		acc = (acc << 6) | (unsigned)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	*n = o;
	return out;
}

int
render_level(long long score)
{
	return score >= 15 ? 3 : score >= 10 ? 2 : score >= 5 ? 1 : 0;
}

static unsigned char *
read_all(size_t *n)
{
	struct rbuf b = { 0 };
	unsigned char chunk[65536];
	ssize_t r;

	while ((r = read(0, chunk, sizeof(chunk))) != 0) {
		if (r < 0)
			render_die(RENDER_EXIT_FAIL, "reading stdin failed");
		if (b.len + (size_t)r > RENDER_MAX_INPUT)
			render_die(RENDER_EXIT_INPUT, "input too large");
		rbuf_add(&b, chunk, (size_t)r);
	}
	*n = b.len;
	if (b.data == NULL)
		rbuf_add(&b, "", 0);
	return b.data;
}

int
main(int argc, char **argv)
{
	unsigned char *in;
	size_t n;

	if (argc != 2 || (strcmp(argv[1], "pdf") != 0 && strcmp(argv[1], "docx") != 0 &&
	    strcmp(argv[1], "soa") != 0 && strcmp(argv[1], "image") != 0)) {
		fprintf(stderr, "usage: rempart-render pdf|docx|soa|image < input > output\n");
		return RENDER_EXIT_FAIL;
	}
	in = read_all(&n);
	if (strcmp(argv[1], "image") == 0) {
		int rc = render_image(in, n, stdout);

		free(in);
		return rc;
	}

	struct json_tokener *tok = json_tokener_new_ex(32);
	struct json_object *report;
	if (tok == NULL)
		render_die(RENDER_EXIT_FAIL, "out of memory");
	report = json_tokener_parse_ex(tok, (const char *)in, (int)n);
	if (report == NULL || json_tokener_get_error(tok) != json_tokener_success ||
	    !json_object_is_type(report, json_type_object))
		render_die(RENDER_EXIT_INPUT, "the input is not a JSON object");
	json_tokener_free(tok);
	free(in);
	int rc = strcmp(argv[1], "pdf") == 0 ? render_pdf(report, stdout) :
	    strcmp(argv[1], "soa") == 0 ? render_soa(report, stdout) : render_docx(report, stdout);
	json_object_put(report);
	if (fflush(stdout) != 0)
		render_die(RENDER_EXIT_FAIL, "writing stdout failed");
	return rc;
}
