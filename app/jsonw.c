/* A streaming JSON writer (see jsonw.h). */
#include <string.h>

#include "jsonw.h"
#include "util.h"

void
rp_jw_init(struct rp_jw *w, struct rp_buf *b)
{
	w->b = b;
	w->sep = false;
}

/* The comma before a value and its key, in one append (keys are short
 * literals; a longer one is cut, which a unit test would show). */
static void
member(struct rp_jw *w, const char *key)
{
	char t[64];
	size_t n = 0;

	if (w->sep)
		t[n++] = ',';
	w->sep = true;
	if (key != NULL) {
		size_t len = strlen(key);

		if (len > sizeof(t) - 4)
			len = sizeof(t) - 4;
		t[n++] = '"';
		memcpy(t + n, key, len);
		n += len;
		t[n++] = '"';
		t[n++] = ':';
	}
	if (n > 0)
		rp_buf_add(w->b, t, n);
}

void
rp_jw_open(struct rp_jw *w, const char *key, char brace)
{
	member(w, key);
	rp_buf_add(w->b, &brace, 1);
	w->sep = false;
}

void
rp_jw_close(struct rp_jw *w, char brace)
{
	rp_buf_add(w->b, &brace, 1);
	w->sep = true;
}

/* The len bytes of s between quotes: ", \ and the C0 controls (NUL
 * included) escaped as json-c does, runs of other bytes (UTF-8 included)
 * copied as they are. */
static void
quoted(struct rp_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s, *end = s + len;

	rp_buf_add(b, "\"", 1);
	for (;; s++) {
		unsigned char c = s < end ? (unsigned char)*s : 0;
		char esc[6];
		size_t n = 2;

		if (s < end && c >= 0x20 && c != '"' && c != '\\')
			continue;
		rp_buf_add(b, run, (size_t)(s - run));
		if (s == end)
			break;
		run = s + 1;
		esc[0] = '\\';
		switch (c) {
		case '"':  esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xf];
			n = 6;
		}
		rp_buf_add(b, esc, n);
	}
	rp_buf_add(b, "\"", 1);
}

void
rp_jw_str(struct rp_jw *w, const char *key, const char *s)
{
	member(w, key);
	if (s == NULL)
		rp_buf_add(w->b, "null", 4);
	else
		quoted(w->b, s, strlen(s));
}

void
rp_jw_int(struct rp_jw *w, const char *key, long long v)
{
	char num[24], *p = num + sizeof(num);
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	member(w, key);
	rp_buf_add(w->b, p, (size_t)(num + sizeof(num) - p));
}

void
rp_jw_bool(struct rp_jw *w, const char *key, bool v)
{
	member(w, key);
	rp_buf_puts(w->b, v ? "true" : "false");
}

void
rp_jw_null(struct rp_jw *w, const char *key)
{
	member(w, key);
	rp_buf_add(w->b, "null", 4);
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)? : the numbers a DECIMAL or integer column
 * prints. */
static bool
is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return false;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

void
rp_jw_num(struct rp_jw *w, const char *key, const char *text)
{
	member(w, key);
	if (text != NULL && is_number(text))
		rp_buf_puts(w->b, text);
	else
		rp_buf_add(w->b, "null", 4);
}

void
rp_jw_key_list(struct rp_jw *w, const char *key, const char *csv)
{
	rp_jw_open(w, key, '[');
	for (const char *k = csv ? csv : ""; *k != '\0';) {
		size_t len = strcspn(k, ",");

		if (len > 0) {
			member(w, NULL);
			quoted(w->b, k, len);
		}
		k += len + (k[len] == ',');
	}
	rp_jw_close(w, ']');
}

void
rp_jw_ids(struct rp_jw *w, const char *key, const long long *ids, size_t n)
{
	rp_jw_open(w, key, '[');
	for (size_t i = 0; i < n; i++)
		rp_jw_int(w, NULL, ids[i]);
	rp_jw_close(w, ']');
}
