/* Request parsing with explicit limits: nothing here trusts its input. */
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>
#include <json.h>

#include "arena.h"
#include "jsoncheck.h"
#include "multipart.h"
#include "request.h"

static const struct {
	const char	*name;
	enum rp_method	 method;
} methods[] = {
	{ "GET", RP_GET }, { "HEAD", RP_HEAD }, { "POST", RP_POST },
	{ "PUT", RP_PUT }, { "PATCH", RP_PATCH }, { "DELETE", RP_DELETE },
	{ "OPTIONS", RP_OPTIONS },
};

static const char *const lang_codes[RP_LANG__COUNT] = { "fr", "en" };

int
rp_fail(struct rp_req *req, int status, const char *code, const char *field,
    const char *msg)
{
	if (req->resp.err_code == NULL) {
		req->resp.status = status;
		req->resp.err_code = code;
		req->resp.err_field = field;
		req->resp.err_msg = msg;
	}
	return -1;
}

const char *
rp_env(const struct rp_req *req, const char *name)
{
	return req->envp ? FCGX_GetParam(name, req->envp) : NULL;
}

const char *
rp_req_origin(const struct rp_req *req)
{
	const char *host = rp_env(req, "HTTP_HOST"), *port = rp_env(req, "SERVER_PORT");
	const char *https = rp_env(req, "HTTPS");
	bool tls = https != NULL && *https != '\0';
	size_t name, n;

	if (host == NULL)
		return NULL;
	/* A name or an IPv4 address, or an IPv6 one in brackets, then
	 * perhaps ":port": nothing else reaches a page or a check. */
	if (host[0] == '[') {
		name = 1 + strspn(host + 1, "0123456789abcdefABCDEF:.");
		if (host[name] != ']')
			return NULL;
		name++;
	} else {
		name = strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789.-");
	}
	if (name == 0 || name > 255)
		return NULL;
	if (host[name] == ':') {
		n = strspn(host + name + 1, "0123456789");
		if (n == 0 || n > 5 || host[name + 1 + n] != '\0')
			return NULL;
		return rp_printf(req->arena, "%s://%s", tls ? "https" : "http", host);
	}
	if (host[name] != '\0')
		return NULL;
	/* No port in the Host header: the server's, unless it is the usual one. */
	bool usual = port == NULL || strspn(port, "0123456789") != strlen(port) ||
	    strcmp(port, tls ? "443" : "80") == 0;
	return rp_printf(req->arena, "%s://%s%s%s", tls ? "https" : "http", host,
	    usual ? "" : ":", usual ? "" : port);
}

const char *
rp_param(const struct rp_params *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].key, key) == 0)
			return p->v[i].val;
	return NULL;
}

const char *
rp_query(const struct rp_req *req, const char *key)
{
	return rp_param(&req->query, key);
}

const char *
rp_cookie(const struct rp_req *req, const char *key)
{
	return rp_param(&req->cookies, key);
}

int
rp_parse_urlencoded(struct rp_arena *a, const char *s, size_t n,
    struct rp_params *out, const char **bad)
{
	size_t count = 1, i = 0;

	out->v = NULL;
	out->n = 0;
	if (n == 0)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (s[k] == '&')
			count++;
	if (count > RP_MAX_PARAMS) {
		*bad = "parameters";
		return -1;
	}
	out->v = rp_calloc(a, count, sizeof(*out->v));
	while (i <= n) {
		const char *seg = s + i, *amp = memchr(seg, '&', n - i);
		size_t seglen = amp ? (size_t)(amp - seg) : n - i;
		const char *eq = memchr(seg, '=', seglen);
		size_t klen = eq ? (size_t)(eq - seg) : seglen, vlen, dklen;
		char *key, *val;

		i += seglen + 1;
		if (seglen == 0)
			continue;		/* "a=1&&b=2" is harmless */
		key = rp_pct_decode(a, seg, klen, true, &dklen);
		if (key == NULL || dklen == 0 || dklen > RP_MAX_KEY ||
		    !rp_utf8_valid(key, dklen)) {
			*bad = key && dklen && dklen <= RP_MAX_KEY ? key : "parameters";
			return -1;
		}
		val = eq ? rp_pct_decode(a, eq + 1, seglen - klen - 1, true, &vlen)
		    : rp_strdup(a, "");
		if (!eq)
			vlen = 0;
		if (val == NULL || !rp_utf8_valid(val, vlen)) {
			*bad = key;
			return -1;
		}
		out->v[out->n].key = key;
		out->v[out->n].val = val;
		out->v[out->n].len = vlen;
		out->n++;
	}
	return 0;
}

/* RFC 6265 cookie-octet, plus the space some agents leave inside values. */
static bool
cookie_char(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

int
rp_parse_cookies(struct rp_arena *a, const char *s, struct rp_params *out,
    const char **bad)
{
	size_t n = strlen(s), count = 1;
	const char *p = s, *end = s + n;

	out->v = NULL;
	out->n = 0;
	*bad = "cookie";
	if (n > RP_MAX_COOKIE_HEADER)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (s[k] == ';')
			count++;
	if (count > RP_MAX_COOKIES)
		return -1;
	out->v = rp_calloc(a, count, sizeof(*out->v));
	while (p < end) {
		const char *semi, *eq, *k, *v;
		size_t klen, vlen;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			break;
		semi = memchr(p, ';', (size_t)(end - p));
		if (semi == NULL)
			semi = end;
		eq = memchr(p, '=', (size_t)(semi - p));
		if (eq == NULL || eq == p)
			return -1;	/* a pair without a name */
		k = p;
		klen = (size_t)(eq - p);
		while (klen > 0 && k[klen - 1] == ' ')
			klen--;
		v = eq + 1;
		vlen = (size_t)(semi - v);
		while (vlen > 0 && v[vlen - 1] == ' ')
			vlen--;
		for (size_t j = 0; j < klen; j++)
			if (!cookie_char((unsigned char)k[j]) || k[j] == '=' ||
			    k[j] == ' ')
				return -1;
		for (size_t j = 0; j < vlen; j++)
			if (!cookie_char((unsigned char)v[j]))
				return -1;
		if (klen == 0 || klen > RP_MAX_KEY)
			return -1;
		out->v[out->n].key = rp_strndup(a, k, klen);
		out->v[out->n].val = rp_strndup(a, v, vlen);
		out->v[out->n].len = vlen;
		out->n++;
		p = semi + 1;
	}
	*bad = NULL;
	return 0;
}

static int
lang_code(const char *v)
{
	for (int i = 0; v != NULL && i < RP_LANG__COUNT; i++)
		if (strcmp(v, lang_codes[i]) == 0)
			return i;
	return -1;
}

/* Does the Accept-Language item p[0..n) carry q=0 (", fr ; q=0.0")? */
static bool
refused(const char *p, size_t n)
{
	const char *semi = memchr(p, ';', n), *end = p + n;

	while (semi != NULL) {
		const char *q = semi + 1;

		while (q < end && *q == ' ')
			q++;
		if (q < end && (*q == 'q' || *q == 'Q')) {
			q++;
			while (q < end && *q == ' ')
				q++;
			if (q < end && *q == '=') {
				q++;
				while (q < end && *q == ' ')
					q++;
				/* "0", "0.", "0.000": anything else is accepted */
				if (q < end && *q == '0') {
					q++;
					if (q < end && *q == '.')
						q++;
					while (q < end && *q == '0')
						q++;
					while (q < end && *q == ' ')
						q++;
					return q == end || *q == ';';
				}
				return false;
			}
		}
		semi = memchr(semi + 1, ';', (size_t)(end - semi - 1));
	}
	return false;
}

/* Language: explicit ?lang= (remembered in a cookie), else the cookie, else
 * Accept-Language, else the configured default. */
static enum rp_lang
pick_lang(struct rp_req *req, const char *def)
{
	const char *al;
	int l;

	if ((l = lang_code(rp_query(req, "lang"))) >= 0) {
		req->lang_chosen = true;
		return (enum rp_lang)l;
	}
	if ((l = lang_code(rp_cookie(req, "rempart_lang"))) >= 0)
		return (enum rp_lang)l;
	if ((al = rp_env(req, "HTTP_ACCEPT_LANGUAGE")) != NULL) {
		/* First listed language we have wins, unless refused with q=0;
		 * browsers list languages in preference order. */
		const char *p = al;
		while (*p) {
			p += strspn(p, " ,");
			size_t n = strcspn(p, ",");
			for (int i = 0; i < RP_LANG__COUNT; i++) {
				if (strncasecmp(p, lang_codes[i], 2) != 0 ||
				    (p[2] != '\0' && strchr("-; ,", p[2]) == NULL))
					continue;
				if (!refused(p, n))
					return (enum rp_lang)i;
			}
			p += n;
		}
	}
	return strcmp(def, "en") == 0 ? RP_LANG_EN : RP_LANG_FR;
}

const char *
rp_lang_code(enum rp_lang l)
{
	return lang_codes[l];
}

int
rp_req_init(struct rp_req *req, struct rp_arena *a, char **envp,
    const char *default_lang)
{
	const char *m, *uri, *q, *cookie, *bad, *qmark;
	size_t plen, ulen;

	memset(req, 0, sizeof(*req));
	req->arena = a;
	req->envp = envp;
	req->resp.status = 200;
	rp_buf_init(&req->resp.body, a);
	req->lang = strcmp(default_lang, "en") == 0 ? RP_LANG_EN : RP_LANG_FR;

	req->request_id = rp_strdup(a, (q = rp_env(req, "REQUEST_ID")) ? q : "-");
	req->remote_addr = rp_strdup(a, (q = rp_env(req, "REMOTE_ADDR")) ? q : "");
	m = rp_env(req, "REQUEST_METHOD");
	req->method = RP_METHOD_OTHER;
	req->method_name = rp_strdup(a, m ? m : "");
	for (size_t i = 0; m && i < RP_NELEM(methods); i++)
		if (strcmp(m, methods[i].name) == 0)
			req->method = methods[i].method;

	/* The path comes from REQUEST_URI, the raw request target, so that our
	 * own decoder (not nginx's normalisation) decides what is malformed. */
	uri = rp_env(req, "REQUEST_URI");
	if (uri == NULL || uri[0] != '/')
		uri = (q = rp_env(req, "DOCUMENT_URI")) ? q : "/";
	req->api = strncmp(uri, "/api/", 5) == 0 || strcmp(uri, "/api") == 0;
	qmark = strchr(uri, '?');
	ulen = qmark ? (size_t)(qmark - uri) : strlen(uri);
	if (ulen > RP_MAX_PATH)
		return rp_fail(req, 414, "uri_too_long", "path",
		    "The address is too long.");
	req->path = rp_pct_decode(a, uri, ulen, false, &plen);
	if (req->path != NULL)
		req->api = strncmp(req->path, "/api/", 5) == 0 ||
		    strcmp(req->path, "/api") == 0;
	/* An encoded slash would let "%2F" act as a separator after decoding. */
	if (req->path == NULL || !rp_utf8_valid(req->path, plen) ||
	    memmem(uri, ulen, "%2F", 3) != NULL || memmem(uri, ulen, "%2f", 3) != NULL) {
		req->path = "/";
		return rp_fail(req, 400, "bad_request", "path",
		    "The address contains a malformed escape.");
	}

	q = rp_env(req, "QUERY_STRING");
	if (q != NULL && rp_parse_urlencoded(a, q, strlen(q), &req->query,
	    &bad) != 0)
		return rp_fail(req, 400, "bad_request", "query",
		    "The query string is malformed.");
	cookie = rp_env(req, "HTTP_COOKIE");
	if (cookie != NULL && rp_parse_cookies(a, cookie, &req->cookies,
	    &bad) != 0)
		return rp_fail(req, 400, "bad_request", "cookie",
		    "A cookie is malformed.");
	req->lang = pick_lang(req, default_lang);
	q = rp_env(req, "CONTENT_TYPE");
	req->content_type = rp_strdup(a, q ? q : "");
	return 0;
}

int
rp_req_check_length(struct rp_req *req, long long cap)
{
	const char *cl = rp_env(req, "CONTENT_LENGTH");

	req->content_length = 0;
	if (cl == NULL || *cl == '\0')
		return 0;
	/* Check the declared size before a single byte is allocated for it. */
	if (rp_strtonum(cl, 0, (long long)1 << 50, &req->content_length) != 0)
		return rp_fail(req, 400, "bad_request", "content_length",
		    "The request length is invalid.");
	if (req->content_length > cap)
		return rp_fail(req, 413, "payload_too_large", "body",
		    "The request body is too large.");
	return 0;
}

/* Media type without parameters, compared case-insensitively. */
static bool
media_is(const char *ct, const char *type)
{
	size_t n = strlen(type);

	return strncasecmp(ct, type, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int
rp_req_parse_body(struct rp_req *req, const char *body, size_t len)
{
	const char *bad;

	if (len == 0 && req->content_type[0] == '\0')
		return 0;
	if (media_is(req->content_type, "application/x-www-form-urlencoded")) {
		/* The API takes JSON only: a cross-site HTML form can post a
		 * urlencoded body without a preflight, never JSON. */
		if (req->api)
			return rp_fail(req, 415, "unsupported_media_type",
			    "content_type", "The API takes application/json.");
		if (rp_parse_urlencoded(req->arena, body, len, &req->form,
		    &bad) != 0)
			return rp_fail(req, 400, "bad_request", "body",
			    "The form data is malformed.");
		return 0;
	}
	if (media_is(req->content_type, "application/json")) {
		struct json_object *obj;
		int rc;

		if (len == 0)
			return rp_fail(req, 400, "invalid_json", "body",
			    "The JSON body is empty.");
		if (!rp_utf8_valid(body, len))
			return rp_fail(req, 400, "invalid_json", "body",
			    "The JSON body is not valid UTF-8.");
		if ((rc = rp_json_parse(body, len, RP_MAX_JSON_DEPTH, &obj)) == -2)
			return rp_fail(req, 503, "unavailable", NULL,
			    "Try again later.");
		if (rc != 0)
			return rp_fail(req, 400, "invalid_json", "body",
			    "The JSON body is malformed.");
		if (!json_object_is_type(obj, json_type_object)) {
			json_object_put(obj);
			return rp_fail(req, 400, "invalid_json", "body",
			    "The JSON body must be an object.");
		}
		req->json = obj;
		return 0;
	}
	/* A file as a body (directory import): no cross-site form can send
	 * this type, and the route reads it. */
	if (media_is(req->content_type, "text/csv")) {
		req->csv = body;
		req->csv_len = len;
		return 0;
	}
	/* An image as a body (the API's logo uploads): no cross-site form can
	 * send this type; the route checks the bytes, whatever the declared
	 * subtype (an SVG is refused there, naming the field). Other routes
	 * answer 415 as before. */
	if (req->upload && strncasecmp(req->content_type, "image/", 6) == 0) {
		req->image = body;
		req->image_len = len;
		return 0;
	}
	/* A client archive (app/archive.h), to the routes that take a file:
	 * no cross-site form sends this type. */
	if (req->upload && media_is(req->content_type, "application/zip")) {
		req->zip = body;
		req->zip_len = len;
		return 0;
	}
	/* HTML file uploads; the API takes JSON (a cross-site form can post
	 * multipart without a preflight). */
	if (media_is(req->content_type, "multipart/form-data") && !req->api) {
		const char *boundary = rp_multipart_boundary(req->arena,
		    req->content_type);
		if (boundary == NULL || rp_parse_multipart(req->arena, body, len,
		    boundary, &req->form, &bad) != 0)
			return rp_fail(req, 400, "bad_request", "body",
			    "The form data is malformed.");
		return 0;
	}
	if (len == 0)
		return 0;
	return rp_fail(req, 415, "unsupported_media_type", "content_type",
	    "Send application/json or a urlencoded form.");
}
