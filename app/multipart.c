/* multipart/form-data (RFC 7578): file uploads, read like a urlencoded form. */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "multipart.h"
#include "request.h"
#include "util.h"

#define MAX_BOUNDARY	70	/* RFC 2046 */

/* What a part's Content-Disposition says. */
struct disposition {
	const char	*name;
	size_t		 namelen;
	const char	*filename;	/* NULL for a plain field */
	size_t		 filenamelen;
};

static bool	 bchar(unsigned char);
static bool	 tchar(unsigned char);
static bool	 is_ows(char);
static size_t	 count_delims(const char *, size_t, const char *, size_t);
static int	 parse_disposition(const char *, const char *,
		    struct disposition *);
static int	 parse_headers(const char *, size_t, struct disposition *);
static int	 add_part(struct rp_arena *, struct rp_params *, size_t,
		    const struct disposition *, const char *, size_t,
		    const char **);

/* RFC 2046 bchars: a space is allowed but not last (checked apart). */
static bool
bchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("'()+_,-./:=? ", c));
}

/* RFC 9110 token characters, for header and parameter names. */
static bool
tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

const char *
rp_multipart_boundary(struct rp_arena *a, const char *ct)
{
	static const char type[] = "multipart/form-data";
	const char *p, *name, *val, *bd = NULL, *q;
	size_t nlen, vlen, bdlen = 0;

	if (ct == NULL || strncasecmp(ct, type, sizeof(type) - 1) != 0)
		return NULL;
	p = ct + sizeof(type) - 1;
	/* "; name=value" parameters; each turn consumes at least the ';'. */
	while (*p != '\0') {
		while (is_ows(*p))
			p++;
		if (*p == '\0')
			break;
		if (*p++ != ';')
			return NULL;
		while (is_ows(*p))
			p++;
		name = p;
		while (tchar((unsigned char)*p))
			p++;
		nlen = (size_t)(p - name);
		if (nlen == 0 || *p++ != '=')
			return NULL;
		if (*p == '"') {
			/* No backslash escapes: '\\' and '"' are not bchars. */
			val = p + 1;
			if ((q = strchr(val, '"')) == NULL)
				return NULL;
			vlen = (size_t)(q - val);
			p = q + 1;
		} else {
			val = p;
			while (*p != '\0' && *p != ';' && !is_ows(*p))
				p++;
			vlen = (size_t)(p - val);
		}
		if (nlen == 8 && strncasecmp(name, "boundary", 8) == 0) {
			if (bd != NULL)
				return NULL;	/* two boundaries: which one? */
			bd = val;
			bdlen = vlen;
		}
	}
	if (bd == NULL || bdlen == 0 || bdlen > MAX_BOUNDARY ||
	    bd[bdlen - 1] == ' ')
		return NULL;
	for (size_t i = 0; i < bdlen; i++)
		if (!bchar((unsigned char)bd[i]))
			return NULL;
	return rp_strndup(a, bd, bdlen);
}

/* How many times the delimiter occurs: an upper bound on the parts, so the
 * entries can be allocated once. */
static size_t
count_delims(const char *s, size_t n, const char *d, size_t dlen)
{
	const char *p = s, *end = s + n, *q;
	size_t count = 0;

	while ((q = memmem(p, (size_t)(end - p), d, dlen)) != NULL) {
		count++;
		p = q + dlen;
	}
	return count;
}

/* Content-Disposition value v[0..end): "form-data; name="x"; filename="y"".
 * Quoted values end at the next quote without backslash escapes: browsers
 * send '"' as %22 (HTML standard), and a Windows path keeps its
 * backslashes. Other parameters (filename* included) are ignored. */
static int
parse_disposition(const char *v, const char *end, struct disposition *d)
{
	const char *p = v, *name, *val, *q;
	size_t nlen, vlen;

	while (p < end && tchar((unsigned char)*p))
		p++;
	if ((size_t)(p - v) != 9 || strncasecmp(v, "form-data", 9) != 0)
		return -1;
	/* Each turn consumes at least the ';'. */
	while (p < end) {
		while (p < end && is_ows(*p))
			p++;
		if (p == end)
			break;
		if (*p++ != ';')
			return -1;
		while (p < end && is_ows(*p))
			p++;
		name = p;
		while (p < end && tchar((unsigned char)*p))
			p++;
		nlen = (size_t)(p - name);
		if (nlen == 0 || p == end || *p++ != '=')
			return -1;
		if (p < end && *p == '"') {
			val = p + 1;
			if ((q = memchr(val, '"', (size_t)(end - val))) == NULL)
				return -1;
			vlen = (size_t)(q - val);
			p = q + 1;
		} else {
			val = p;
			while (p < end && *p != ';' && !is_ows(*p))
				p++;
			vlen = (size_t)(p - val);
		}
		if (nlen == 4 && strncasecmp(name, "name", 4) == 0) {
			if (d->name != NULL)
				return -1;
			d->name = val;
			d->namelen = vlen;
		} else if (nlen == 8 && strncasecmp(name, "filename", 8) == 0) {
			if (d->filename != NULL)
				return -1;
			d->filename = val;
			d->filenamelen = vlen;
		}
	}
	return 0;
}

/* The header block h[0..n), CRLF-separated lines without the blank one. */
static int
parse_headers(const char *h, size_t n, struct disposition *d)
{
	const char *p = h, *end = h + n, *eol, *next, *colon, *v, *vend;
	bool seen = false;

	/* Each turn consumes one line. */
	for (; p < end; p = next) {
		eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		next = eol != NULL ? eol + 2 : end;
		if (eol == NULL)
			eol = end;
		/* A bare CR or LF (or a folded line) is not HTTP: refuse
		 * rather than guess where the header ends. */
		if (memchr(p, '\r', (size_t)(eol - p)) != NULL ||
		    memchr(p, '\n', (size_t)(eol - p)) != NULL)
			return -1;
		colon = memchr(p, ':', (size_t)(eol - p));
		if (colon == NULL || colon == p)
			return -1;
		for (const char *c = p; c < colon; c++)
			if (!tchar((unsigned char)*c))
				return -1;
		if (colon - p != 19 ||
		    strncasecmp(p, "Content-Disposition", 19) != 0)
			continue;	/* Content-Type and others: unused */
		if (seen)
			return -1;	/* two names: which one? */
		seen = true;
		v = colon + 1;
		vend = eol;
		while (v < vend && is_ows(*v))
			v++;
		while (vend > v && is_ows(vend[-1]))
			vend--;
		if (parse_disposition(v, vend, d) != 0)
			return -1;
	}
	return 0;
}

/* Append the part's entries; cap is what out->v holds. */
static int
add_part(struct rp_arena *a, struct rp_params *out, size_t cap,
    const struct disposition *d, const char *content, size_t len,
    const char **bad)
{
	const char *suffix = ".filename";
	size_t need = d->filename != NULL ? 2 : 1, slen = strlen(suffix);
	char *name;

	/* rp_utf8_valid() also refuses NUL and control characters. */
	if (d->name == NULL || d->namelen == 0 || d->namelen > RP_MAX_KEY ||
	    !rp_utf8_valid(d->name, d->namelen))
		return -1;
	name = rp_strndup(a, d->name, d->namelen);
	*bad = name;
	/* "<name>.filename" is ours: a field may not forge it. */
	if (d->namelen >= slen &&
	    memcmp(name + d->namelen - slen, suffix, slen) == 0)
		return -1;
	if (d->filename != NULL &&
	    !rp_utf8_valid(d->filename, d->filenamelen))
		return -1;
	if (out->n + need > cap || out->n + need > RP_MAX_PARAMS) {
		*bad = "parameters";
		return -1;
	}
	/* rp_strndup() copies len bytes: NULs in binary content survive. */
	out->v[out->n].key = name;
	out->v[out->n].val = rp_strndup(a, content, len);
	out->v[out->n].len = len;
	out->n++;
	if (d->filename != NULL) {
		out->v[out->n].key = rp_printf(a, "%s%s", name, suffix);
		out->v[out->n].val = rp_strndup(a, d->filename,
		    d->filenamelen);
		out->v[out->n].len = d->filenamelen;
		out->n++;
	}
	*bad = "body";
	return 0;
}

int
rp_parse_multipart(struct rp_arena *a, const char *body, size_t n,
    const char *boundary, struct rp_params *out, const char **bad)
{
	const char *delim, *part, *next, *hend;
	size_t blen, dlen, p, cap, plen, window;

	out->v = NULL;
	out->n = 0;
	*bad = "body";
	if (boundary == NULL || (blen = strlen(boundary)) == 0 ||
	    blen > MAX_BOUNDARY)
		return -1;
	/* A delimiter is a boundary line: CRLF "--" boundary. The first one
	 * opens the body, so it has no CRLF before it. */
	delim = rp_printf(a, "\r\n--%s", boundary);
	dlen = blen + 4;
	if (n < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return -1;
	cap = count_delims(body, n, delim, dlen);
	if (cap == 0)
		return -1;	/* no closing boundary */
	/* A part gives at most two entries. */
	cap = cap > RP_MAX_PARAMS / 2 ? RP_MAX_PARAMS : cap * 2;
	out->v = rp_calloc(a, cap, sizeof(*out->v));

	/* Each turn moves p past one more delimiter. */
	p = dlen - 2;
	while (p < n) {
		struct disposition d;

		/* After a boundary: "--" closes the body; otherwise optional
		 * transport padding and CRLF open a part. */
		if (n - p >= 2 && body[p] == '-' && body[p + 1] == '-') {
			*bad = NULL;
			return 0;
		}
		while (p < n && is_ows(body[p]))
			p++;
		if (n - p < 2 || body[p] != '\r' || body[p + 1] != '\n')
			return -1;
		p += 2;
		part = body + p;
		if ((next = memmem(part, n - p, delim, dlen)) == NULL)
			return -1;	/* truncated, or no closing boundary */
		plen = (size_t)(next - part);
		/* Headers end at the blank line; a part has at least one. */
		window = plen < RP_MAX_PART_HEADERS + 4 ? plen :
		    RP_MAX_PART_HEADERS + 4;
		if (plen >= 2 && part[0] == '\r' && part[1] == '\n')
			return -1;	/* no headers, so no name */
		if ((hend = memmem(part, window, "\r\n\r\n", 4)) == NULL)
			return -1;	/* too long, or no blank line */
		memset(&d, 0, sizeof(d));
		if (parse_headers(part, (size_t)(hend - part), &d) != 0)
			return -1;
		if (add_part(a, out, cap, &d, hend + 4,
		    (size_t)(next - hend - 4), bad) != 0)
			return -1;
		p = (size_t)(next - body) + dlen;
	}
	return -1;		/* the body stops right after a boundary */
}
