/* ClearSilver templates: parsed once per process, rendered many times. */
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ClearSilver.h>
#include <json.h>

#include "arena.h"
#include "log.h"
#include "request.h"
#include "tmpl.h"
#include "util.h"

/* The page templates; each starts with LAYOUT (the shell and the component
 * macros). They are parsed into ONE tree, each page's body under
 * `if:Page.template == "name"`, so that layout.cs and macros.cs are parsed
 * once instead of once per page: a worker holds a fraction of the memory,
 * and rendering a page walks past the others' if nodes only. */
#define LAYOUT "<?cs include:\"layout.cs\" ?>"
static const char *const pages[] = {
	"home", "error", "login", "login-mfa", "account", "account-mfa", "users",
	"user-edit", "clients", "client-new", "client", "client-pilot",
	"establishments", "establishment-new", "establishment", "duplicates",
	"directory", "setup", "admin-clients", "admin-client", "admin-firms",
	"admin-billing", "admin-statement", "frameworks", "framework", "framework-import",
	"compliance", "report", "portfolio", "cycles", "cycle", "cycle-compare", "soa",
	"branding",
	"risks", "risk",
	"actions", "action", "resources", "resource", "resource-edit", "resource-diff",
	"publication",
	"templates", "template", "template-edit", "templates-deploy",
	"risk-analysis", "ra-step", "ra-item",
	"scans", "scan", "scan-targets", "exposure",
	"usage", "usage-question", "usage-links", "usage-answers", "usage-public",
};

static const char *const lang_files[RP_LANG__COUNT] = { "fr", "en" };

struct set {
	HDF		*config;		/* escaping mode, search path */
	HDF		*lang[RP_LANG__COUNT];
	CSPARSE		*all;			/* every page, see above */
	char		 dir[4096];
};

static struct set *cur;

static void
set_free(struct set *s)
{
	if (s == NULL)
		return;
	cs_destroy(&s->all);
	for (int i = 0; i < RP_LANG__COUNT; i++)
		hdf_destroy(&s->lang[i]);
	hdf_destroy(&s->config);
	free(s);
}

/* ClearSilver skips a missing `include:` silently; this loader turns it into
 * a hard parse error, so a broken template set never starts. */
static NEOERR *
load_file(void *ctx, HDF *hdf, const char *name, char **contents)
{
	const struct set *s = ctx;
	char path[8192];
	struct stat st;

	if (strstr(name, "..") != NULL || name[0] == '/')
		return nerr_raise(NERR_ASSERT, "template name '%s' refused", name);
	snprintf(path, sizeof(path), "%s/%s", s->dir, name);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return nerr_raise(NERR_ASSERT, "template file missing: %s", path);
	return ne_load_file(path, contents);
}

static int
neo_fail(NEOERR *nerr, char *err, size_t errlen, const char *what)
{
	STRING str;

	string_init(&str);
	nerr_error_string(nerr, &str);
	snprintf(err, errlen, "%s: %s", what, str.buf ? str.buf : "error");
	string_clear(&str);
	nerr_ignore(&nerr);
	return -1;
}

/* A parse context with the escaping mode, the string functions and the
 * strict file loader. */
static NEOERR *
new_parse(struct set *s, CSPARSE **cs)
{
	NEOERR *nerr;

	/* VarEscapeMode is read by cs_init and baked into every var: at
	 * parse time, so it must be in this HDF now. */
	if ((nerr = cs_init(cs, s->config)) != STATUS_OK ||
	    (nerr = cgi_register_strfuncs(*cs)) != STATUS_OK)
		return nerr;
	cs_register_fileload(*cs, s, load_file);
	return STATUS_OK;
}

int
rp_tmpl_load(const char *www_dir, char *err, size_t errlen)
{
	struct set *s;
	NEOERR *nerr;
	char path[8192];

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	snprintf(s->dir, sizeof(s->dir), "%s/templates", www_dir);
	if ((nerr = hdf_init(&s->config)) != STATUS_OK ||
	    (nerr = hdf_set_value(s->config, "Config.VarEscapeMode",
	    "html")) != STATUS_OK)
		goto neo;
	for (int i = 0; i < RP_LANG__COUNT; i++) {
		snprintf(path, sizeof(path), "%s/lang/%s.hdf", www_dir, lang_files[i]);
		if ((nerr = hdf_init(&s->lang[i])) != STATUS_OK ||
		    (nerr = hdf_read_file(s->lang[i], path)) != STATUS_OK)
			goto neo;
		hdf_set_value(s->lang[i], "Page.lang", lang_files[i]);
	}
	/* Each page alone first: a syntax error names its file. */
	for (size_t i = 0; i < RP_NELEM(pages); i++) {
		CSPARSE *one = NULL;
		snprintf(path, sizeof(path), "%s.cs", pages[i]);
		nerr = new_parse(s, &one);
		if (nerr == STATUS_OK)
			nerr = cs_parse_file(one, path);
		cs_destroy(&one);
		if (nerr != STATUS_OK)
			goto neo;
	}
	/* Then all of them in one tree. */
	if ((nerr = new_parse(s, &s->all)) != STATUS_OK ||
	    (nerr = cs_parse_file(s->all, "layout.cs")) != STATUS_OK)
		goto neo;
	for (size_t i = 0; i < RP_NELEM(pages); i++) {
		char *text = NULL, *body;
		snprintf(path, sizeof(path), "%s.cs", pages[i]);
		if ((nerr = load_file(s, NULL, path, &text)) != STATUS_OK)
			goto neo;
		if (strncmp(text, LAYOUT, strlen(LAYOUT)) != 0) {
			free(text);
			nerr = nerr_raise(NERR_ASSERT, "%s must start with %s", path, LAYOUT);
			goto neo;
		}
		/* cs_parse_string keeps the buffer: it must be malloc'd. */
		if (asprintf(&body, "<?cs if:Page.template == \"%s\" ?>%s<?cs /if ?>",
		    pages[i], text + strlen(LAYOUT)) < 0) {
			free(text);
			nerr = nerr_raise(NERR_NOMEM, "out of memory");
			goto neo;
		}
		free(text);
		if ((nerr = cs_parse_string(s->all, body, strlen(body))) != STATUS_OK)
			goto neo;
	}
	/* The trial parses are freed: give their pages back before the
	 * master forks its workers, which would inherit them. */
	malloc_trim(0);
	set_free(cur);
	cur = s;
	return 0;
neo:
	neo_fail(nerr, err, errlen, www_dir);
	set_free(s);
	return -1;
}

void
rp_tmpl_unload(void)
{
	set_free(cur);
	cur = NULL;
}

HDF *
rp_hdf(struct rp_req *req)
{
	if (req->hdf == NULL && hdf_init(&req->hdf) != STATUS_OK) {
		rp_err("hdf_init failed");
		abort();
	}
	return req->hdf;
}

void
rp_set(struct rp_req *req, const char *name, const char *value)
{
	NEOERR *nerr;

	if (value == NULL)
		return;
	if ((nerr = hdf_set_value(rp_hdf(req), name, value)) != STATUS_OK) {
		nerr_ignore(&nerr);
		rp_err("hdf_set_value failed for %s", name);
	}
}

/* A JSON scalar as the templates see it: "1"/"0" for a boolean, a number
 * in decimal, a string as it is. */
static const char *
scalar_text(struct json_object *v)
{
	if (json_object_is_type(v, json_type_boolean))
		return json_object_get_boolean(v) ? "1" : "0";
	return json_object_get_string(v);
}

/* The value v as name under node: one walk per level, none from the root. */
static void
set_json_at(HDF *node, const char *name, struct json_object *v)
{
	HDF *child;
	NEOERR *nerr = STATUS_OK;
	char idx[24];

	switch (json_object_get_type(v)) {
	case json_type_null:
		return;
	case json_type_object:
		if ((nerr = hdf_get_node(node, name, &child)) != STATUS_OK)
			break;
		json_object_object_foreach(v, k, val)
			set_json_at(child, k, val);
		return;
	case json_type_array:
		if ((nerr = hdf_get_node(node, name, &child)) != STATUS_OK)
			break;
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			snprintf(idx, sizeof(idx), "%zu", i);
			set_json_at(child, idx, json_object_array_get_idx(v, i));
		}
		return;
	default:
		nerr = hdf_set_value(node, name, scalar_text(v));
	}
	if (nerr != STATUS_OK) {
		nerr_ignore(&nerr);
		rp_err("hdf: cannot set %s", name);
	}
}

void
rp_set_json(struct rp_req *req, const char *prefix, struct json_object *v)
{
	set_json_at(rp_hdf(req), prefix, v);
}

void
rp_set_json_rows(struct rp_req *req, const char *prefix, struct json_object *list,
    const char *const *keys, size_t nkeys)
{
	struct json_object *v;

	for (size_t i = 0; i < json_object_array_length(list); i++) {
		struct json_object *o = json_object_array_get_idx(list, i);
		HDF *row = rp_row(req, prefix, i);
		for (size_t k = 0; k < nkeys; k++)
			if (json_object_object_get_ex(o, keys[k], &v))
				set_json_at(row, keys[k], v);
	}
}

HDF *
rp_node(struct rp_req *req, const char *name)
{
	HDF *node;
	NEOERR *nerr;

	if ((nerr = hdf_get_node(rp_hdf(req), name, &node)) != STATUS_OK) {
		rp_err("hdf: cannot make %s", name);
		abort();
	}
	return node;
}

HDF *
rp_row(struct rp_req *req, const char *list, size_t i)
{
	HDF *parent, *row;
	NEOERR *nerr;
	char idx[24];

	snprintf(idx, sizeof(idx), "%zu", i);
	if ((nerr = hdf_get_node(rp_hdf(req), list, &parent)) != STATUS_OK ||
	    (nerr = hdf_get_node(parent, idx, &row)) != STATUS_OK) {
		rp_err("hdf: cannot make %s.%zu", list, i);
		abort();
	}
	return row;
}

void
rp_row_set(HDF *row, const char *name, const char *value)
{
	NEOERR *nerr;

	if (value == NULL)
		return;
	if ((nerr = hdf_set_value(row, name, value)) != STATUS_OK) {
		nerr_ignore(&nerr);
		rp_err("hdf_set_value failed for %s", name);
	}
}

void
rp_row_setll(HDF *row, const char *name, long long value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", value);
	rp_row_set(row, name, buf);
}

void
rp_setf(struct rp_req *req, const char *name, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	rp_set(req, name, buf);
}

static NEOERR *
out_cb(void *ctx, char *s)
{
	struct rp_buf *b = ctx;

	/* The blank lines left by include/def blocks would precede the
	 * doctype: drop leading whitespace of the page. */
	if (b->len == 0)
		s += strspn(s, " \t\r\n");
	rp_buf_puts(b, s);
	return STATUS_OK;
}

int
rp_render(struct rp_req *req, const char *name)
{
	CSPARSE *cs = cur ? cur->all : NULL;
	HDF *saved;
	NEOERR *nerr;
	STRING str;
	bool known = false;

	for (size_t i = 0; i < RP_NELEM(pages); i++)
		known |= strcmp(pages[i], name) == 0;
	if (cs == NULL || !known) {
		rp_err("render: no template '%s'", name);
		return rp_fail(req, 500, "internal", NULL, "The page failed.");
	}
	rp_set(req, "Page.template", name);
	rp_set(req, "Page.path", rp_url_path_escape(req->arena, req->path));
	rp_set(req, "Page.request_id", req->request_id);
	/* Swap the request's data into the parsed tree; language strings and
	 * site values come from the global HDF. */
	saved = cs->hdf;
	cs->hdf = rp_hdf(req);
	cs->global_hdf = cur->lang[req->lang];
	req->resp.body.len = 0;
	nerr = cs_render(cs, &req->resp.body, out_cb);
	cs->hdf = saved;
	cs->global_hdf = NULL;
	if (nerr != STATUS_OK) {
		string_init(&str);
		nerr_error_traceback(nerr, &str);
		rp_err("render %s: %s", name, str.buf ? str.buf : "?");
		string_clear(&str);
		nerr_ignore(&nerr);
		req->resp.body.len = 0;
		return rp_fail(req, 500, "internal", NULL, "The page failed.");
	}
	req->resp.ctype = "text/html; charset=utf-8";
	return 0;
}

const char *
rp_lang_text(const struct rp_req *req, const char *key)
{
	if (cur == NULL)
		return "";
	return hdf_get_value(cur->lang[req->lang], key, "");
}

struct _hdf *
rp_lang_node(const struct rp_req *req, const char *name)
{
	return cur ? hdf_get_obj(cur->lang[req->lang], name) : NULL;
}

const char *
rp_lang_in(HDF *node, const char *key)
{
	return node && key ? hdf_get_value(node, key, "") : "";
}

void
rp_html_text(struct rp_buf *b, const char *s)
{
	char *esc = NULL;
	NEOERR *nerr;

	if (s == NULL)
		return;
	/* The characters neos_html_escape replaces or drops. */
	if (strpbrk(s, "&<>\"'\r") == NULL) {
		rp_buf_puts(b, s);
		return;
	}
	if ((nerr = neos_html_escape(s, (int)strlen(s), &esc)) != STATUS_OK) {
		nerr_ignore(&nerr);
		rp_err("html escape failed");
		abort();
	}
	rp_buf_puts(b, esc);
	free(esc);
}

void
rp_html_options(struct rp_buf *b, HDF *node, const char *selected)
{
	for (HDF *o = node ? hdf_obj_child(node) : NULL; o != NULL; o = hdf_obj_next(o)) {
		const char *name = hdf_obj_name(o), *v = hdf_obj_value(o);
		rp_buf_puts(b, "<option value=\"");
		rp_html_text(b, name);
		rp_buf_puts(b, selected && strcmp(selected, name) == 0 ? "\" selected>" : "\">");
		rp_html_text(b, v ? v : "");
		rp_buf_puts(b, "</option>");
	}
}

const char *
rp_json_text(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) || v == NULL)
		return "";
	return scalar_text(v);
}

const char *
rp_get(struct rp_req *req, const char *name)
{
	return hdf_get_value(rp_hdf(req), name, "");
}

bool
rp_cs_true(const char *s)
{
	char *end;

	if (s == NULL || *s == '\0')
		return false;
	long v = strtol(s, &end, 0);
	return *end != '\0' || v != 0;
}
