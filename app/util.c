/* Small pure helpers: numbers, growable buffers, UTF-8, percent-decoding. */
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "util.h"

int
rp_strtonum(const char *s, long long min, long long max, long long *out)
{
	long long v;
	char *end;

	/* Digits only (optionally one leading '-'): strtoll alone would accept
	 * spaces, '+' and trailing junk. */
	if (s == NULL || *s == '\0')
		return -1;
	const char *p = s[0] == '-' ? s + 1 : s;
	if (*p == '\0')
		return -1;
	for (; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

void
rp_buf_init(struct rp_buf *b, struct rp_arena *a)
{
	b->arena = a;
	b->data = NULL;
	b->len = b->cap = 0;
}

static void
buf_reserve(struct rp_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->len + extra + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 1024;
	while (cap < b->len + extra + 1)
		cap *= 2;
	p = rp_alloc(b->arena, cap);
	if (b->len)
		memcpy(p, b->data, b->len);
	b->data = p;
	b->cap = cap;
}

void
rp_buf_add(struct rp_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
rp_buf_puts(struct rp_buf *b, const char *s)
{
	rp_buf_add(b, s, strlen(s));
}

void
rp_buf_putll(struct rp_buf *b, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	rp_buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
rp_buf_printf(struct rp_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
rp_buf_str(struct rp_buf *b)
{
	return b->data ? b->data : "";
}

bool
rp_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t need;
		unsigned cp, min;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return false;
			if (c == 0x7f)
				return false;
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0)
			need = 1, cp = c & 0x1f, min = 0x80;
		else if ((c & 0xf0) == 0xe0)
			need = 2, cp = c & 0x0f, min = 0x800;
		else if ((c & 0xf8) == 0xf0)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			return false;
		if (n - i <= need)
			return false;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Reject overlong forms, surrogates and code points past U+10FFFF. */
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += need + 1;
	}
	return true;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
rp_pct_decode(struct rp_arena *a, const char *s, size_t n, bool plus,
    size_t *outlen)
{
	char *out = rp_alloc(a, n + 1);
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return NULL;
			if ((hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				return NULL;
			if (hi == 0 && lo == 0)
				return NULL;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '\0') {
			return NULL;
		} else if (plus && s[i] == '+') {
			out[o++] = ' ';
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

bool
rp_str_equal_ct(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = la != lb;

	/* Compare over the longer length so timing does not reveal a prefix. */
	size_t n = la > lb ? la : lb;
	for (size_t i = 0; i < n; i++) {
		unsigned char ca = i < la ? (unsigned char)a[i] : 0;
		unsigned char cb = i < lb ? (unsigned char)b[i] : 0;
		diff |= ca ^ cb;
	}
	return diff == 0;
}

static char *
pct_encode(struct rp_arena *a, const char *p, const char *keep)
{
	static const char hex[] = "0123456789ABCDEF";
	struct rp_buf b;

	rp_buf_init(&b, a);
	rp_buf_add(&b, "", 0);
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(keep, c) != NULL) {
			rp_buf_add(&b, (const char *)&c, 1);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			rp_buf_add(&b, e, 3);
		}
	}
	return b.data;
}

char *
rp_url_path_escape(struct rp_arena *a, const char *p)
{
	if (p == NULL || p[0] != '/' || p[1] == '/' || p[1] == '\\')
		return rp_strdup(a, "/");
	return pct_encode(a, p, "-._~/");
}

char *
rp_url_arg_escape(struct rp_arena *a, const char *s)
{
	return pct_encode(a, s ? s : "", "-._~");
}

char *
rp_like_pattern(struct rp_arena *a, const char *q)
{
	struct rp_buf b;

	rp_buf_init(&b, a);
	rp_buf_puts(&b, "%");
	for (const char *p = q ? q : ""; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			rp_buf_add(&b, "\\", 1);
		rp_buf_add(&b, p, 1);
	}
	rp_buf_puts(&b, "%");
	return rp_strndup(a, b.data ? b.data : "", b.len);
}

size_t
rp_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

char *
rp_text_clean(struct rp_arena *a, const char *v, size_t maxchars, bool lines,
    const char **code, const char **msg)
{
	const char *end;
	char *t, *w;

	while (*v == ' ' || *v == '\t')
		v++;
	end = v + strlen(v);
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	t = rp_strndup(a, v, (size_t)(end - v));
	/* Several lines where asked for: CR LF (as forms send them) becomes
	 * LF, and surrounding blank lines go. */
	if (lines) {
		w = t;
		for (const char *p = t; *p; p++)
			if (!(p[0] == '\r' && p[1] == '\n'))
				*w++ = *p;
		*w = '\0';
		while (*t == '\n' || *t == ' ' || *t == '\t')
			t++;
		for (w = t + strlen(t); w > t && (w[-1] == '\n' || w[-1] == ' ' ||
		    w[-1] == '\t'); w--)
			w[-1] = '\0';
	}
	*code = "invalid";
	for (const char *p = t; *p; p++)
		if (((unsigned char)*p < 0x20 && !(lines && (*p == '\n' || *p == '\t'))) ||
		    *p == 0x7f) {
			*msg = lines ? "This field holds control characters." :
			    "This field must be a single line of text.";
			return NULL;
		}
	if (!rp_utf8_valid(t, strlen(t))) {
		*msg = "This field is not valid text.";
		return NULL;
	}
	if (rp_utf8_chars(t) > maxchars) {
		*code = "too_long";
		*msg = "This field is too long.";
		return NULL;
	}
	*code = *msg = NULL;
	return t;
}

void
rp_buf_put_id(struct rp_buf *b, long long id)
{
	if (b->len > 0)
		rp_buf_puts(b, ",");
	rp_buf_putll(b, id);
}

long long *
rp_ids_parse(struct rp_arena *a, const char *csv, size_t *n)
{
	size_t cap = 1;
	long long *ids;
	char num[24];

	for (const char *p = csv ? csv : ""; *p; p++)
		cap += *p == ',';
	ids = rp_calloc(a, cap, sizeof(*ids));
	*n = 0;
	for (const char *p = csv ? csv : ""; *p;) {
		size_t len = strcspn(p, ",");
		if (len > 0 && len < sizeof(num)) {
			memcpy(num, p, len);
			num[len] = '\0';
			if (rp_strtonum(num, 1, INT64_MAX, &ids[*n]) == 0)
				(*n)++;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return ids;
}

size_t
rp_ids_dedup(long long *ids, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < k && ids[j] != ids[i]; j++)
			;
		if (j == k)
			ids[k++] = ids[i];
	}
	return k;
}

bool
rp_ids_same(const long long *a, size_t na, const long long *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		size_t j;
		for (j = 0; j < nb && b[j] != a[i]; j++)
			;
		if (j == nb)
			return false;
	}
	return true;
}

bool
rp_upload_is_json(const char *name, const char *text, size_t len)
{
	size_t n = name ? strlen(name) : 0, i = 0;

	if (n >= 5 && strcasecmp(name + n - 5, ".json") == 0)
		return true;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", text[i]) != NULL)
		i++;
	return i < len && (text[i] == '{' || text[i] == '[');
}
