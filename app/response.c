/* The one place that writes a response: headers, body, errors, redirects. */
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "json.h"
#include "jsonw.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"

static rp_write_fn writer;
static void *writer_ctx;

static const struct {
	int		 status;
	const char	*text;
	const char	*code;		/* default error code */
} statuses[] = {
	{ 200, "OK", NULL },
	{ 201, "Created", NULL },
	{ 204, "No Content", NULL },
	{ 303, "See Other", NULL },
	{ 304, "Not Modified", NULL },
	{ 400, "Bad Request", "bad_request" },
	{ 401, "Unauthorized", "unauthenticated" },
	{ 403, "Forbidden", "forbidden" },
	{ 404, "Not Found", "not_found" },
	{ 405, "Method Not Allowed", "method_not_allowed" },
	{ 409, "Conflict", "conflict" },
	{ 410, "Gone", "gone" },
	{ 413, "Payload Too Large", "payload_too_large" },
	{ 414, "URI Too Long", "uri_too_long" },
	{ 415, "Unsupported Media Type", "unsupported_media_type" },
	{ 429, "Too Many Requests", "throttled" },
	{ 500, "Internal Server Error", "internal" },
	{ 503, "Service Unavailable", "unavailable" },
};

/* Security headers of every dynamic response (nginx adds the same to static
 * files). The CSP forbids inline script and style: assets are files. */
static const char *const security_headers =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n";

void
rp_resp_set_writer(rp_write_fn fn, void *ctx)
{
	writer = fn;
	writer_ctx = ctx;
}

const char *
rp_status_text(int status)
{
	for (size_t i = 0; i < RP_NELEM(statuses); i++)
		if (statuses[i].status == status)
			return statuses[i].text;
	return "Error";
}

static const char *
status_code(int status)
{
	for (size_t i = 0; i < RP_NELEM(statuses); i++)
		if (statuses[i].status == status && statuses[i].code)
			return statuses[i].code;
	return "error";
}

int
rp_resp_header(struct rp_req *req, const char *name, const char *value)
{
	struct rp_resp *r = &req->resp;

	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL ||
	    r->nhdr == RP_MAX_HEADERS) {
		rp_err("refused response header %s", name);
		return -1;
	}
	r->hdr[r->nhdr].name = name;
	r->hdr[r->nhdr].value = rp_strdup(req->arena, value);
	r->nhdr++;
	return 0;
}

void
rp_resp_text(struct rp_req *req, int status, const char *text)
{
	req->resp.status = status;
	req->resp.ctype = "text/plain; charset=utf-8";
	req->resp.body.len = 0;
	rp_buf_puts(&req->resp.body, text);
}

void
rp_resp_json(struct rp_req *req, int status, struct json_object *obj)
{
	const char *s = json_object_to_json_string_ext(obj,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

	req->resp.status = status;
	req->resp.ctype = "application/json";
	req->resp.body.len = 0;
	rp_buf_puts(&req->resp.body, s);
	rp_buf_puts(&req->resp.body, "\n");
	json_object_put(obj);
}

void
rp_resp_json_begin(struct rp_req *req, int status, struct rp_jw *w)
{
	req->resp.status = status;
	req->resp.ctype = "application/json";
	req->resp.body.len = 0;
	rp_jw_init(w, &req->resp.body);
}

void
rp_resp_json_end(struct rp_req *req)
{
	rp_buf_add(&req->resp.body, "\n", 1);
}

void
rp_redirect(struct rp_req *req, const char *path)
{
	/* In-app only: "//host" and "/\host" are protocol-relative elsewhere. */
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    strpbrk(path, "\r\n") != NULL)
		path = "/";
	req->resp.status = 303;
	req->resp.body.len = 0;
	rp_resp_header(req, "Location", path);
}

/* Build the error body: JSON for the API, the error page for HTML. Only the
 * fixed message of rp_fail() reaches the client. */
static void
error_body(struct rp_req *req)
{
	struct rp_resp *r = &req->resp;
	const char *code = r->err_code ? r->err_code : status_code(r->status);
	const char *msg = r->err_msg ? r->err_msg : rp_status_text(r->status);

	if (r->status < 400)
		r->status = 500;
	if (req->api) {
		struct json_object *o = json_object_new_object(), *e =
		    json_object_new_object();

		rp_jadd(e, "code", json_object_new_string(code));
		rp_jadd(e, "message", json_object_new_string(msg));
		if (r->err_field)
			rp_jadd(e, "field",
			    json_object_new_string(r->err_field));
		rp_jadd(o, "error", e);
		rp_resp_json(req, r->status, o);
		return;
	}
	rp_setf(req, "Error.status", "%d", r->status);
	rp_set(req, "Error.code", code);
	rp_set(req, "Error.field", r->err_field);
	if (rp_render(req, "error") != 0)
		rp_resp_text(req, r->status, rp_status_text(r->status));
}

void
rp_resp_send(struct rp_req *req)
{
	struct rp_resp *r = &req->resp;
	struct rp_buf h;

	if (r->sent)
		return;
	r->sent = true;
	/* A recorded error becomes the error page or object; a form page that
	 * took its error inline keeps its status and its own body. */
	if (r->err_code != NULL) {
		if (r->status >= 500)
			rp_err("%s %s -> %d %s", req->method_name, req->path,
			    r->status, r->err_code ? r->err_code : "");
		error_body(req);
	}
	rp_buf_init(&h, req->arena);
	rp_buf_printf(&h, "Status: %d %s\r\n", r->status, rp_status_text(r->status));
	if (r->status != 204 && r->status != 304 && r->ctype != NULL)
		rp_buf_printf(&h, "Content-Type: %s\r\n", r->ctype);
	rp_buf_printf(&h, "Content-Length: %zu\r\n", r->body.len);
	rp_buf_puts(&h, security_headers);
	/* Authenticated pages, API answers and errors are never cached. */
	if (req->user != NULL || req->api || r->status >= 400)
		rp_buf_puts(&h, "Cache-Control: no-store\r\n");
	else
		rp_buf_puts(&h, "Cache-Control: no-cache\r\n");
	rp_buf_puts(&h, "Vary: Cookie, Accept-Language\r\n");
	for (size_t i = 0; i < r->nhdr; i++)
		rp_buf_printf(&h, "%s: %s\r\n", r->hdr[i].name, r->hdr[i].value);
	/* A language picked with ?lang= is remembered for a year. */
	if (req->lang_chosen)
		rp_buf_printf(&h, "Set-Cookie: rempart_lang=%s; Path=/; Max-Age=31536000; "
		    "SameSite=Lax%s\r\n", rp_lang_code(req->lang),
		    rp_env(req, "HTTPS") && *rp_env(req, "HTTPS") ? "; Secure" : "");
	rp_buf_puts(&h, "\r\n");
	if (writer == NULL)
		return;
	if (writer(writer_ctx, h.data, (int)h.len) < 0 ||
	    (req->method != RP_HEAD && r->body.len > 0 &&
	    writer(writer_ctx, r->body.data, (int)r->body.len) < 0))
		rp_warn("client went away before the response was written");
}
