/* Library pages: the firm's templates (filters, sort, pager, tags that
 * filter), a template's page (its Markdown body rendered, its tags, its
 * versions, each one readable, and a deploy form), the create and edit
 * forms, and the deployment of many templates to many clients. The rules
 * and JSON are those of templates.c, so the pages and the API agree. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "clients.h"
#include "compliance.h"
#include "enums.h"
#include "input.h"
#include "markdown.h"
#include "request.h"
#include "templates.h"
#include "tplvars.h"
#include "tmpl.h"
#include "ui-library.h"
#include "ui-pilot.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* Templates a page of checkboxes offers (deploy page, wizard), at most. */
#define PICK_MAX 500
/* Frameworks a select or a tag look-up reads, at most. */
#define FW_MAX 500
/* Clients the flash of a deployment links to, at most: their ids ride in
 * the address of the redirect. */
#define LINKS_MAX 20

static int list_rows(struct rp_req *, struct json_object *items);
static const char *filter_query(struct rp_req *, const struct rp_template_filter *);
static int frameworks(struct rp_req *, struct json_object **out);
static int deployed_flash(struct rp_req *);
static int clients_hdf(struct rp_req *);
static int view_page(struct rp_req *, struct json_object *o);
static int form_page(struct rp_req *, struct json_object *o, bool echo);
static int deploy_page(struct rp_req *);
static long long json_id(struct json_object *o, const char *key);

static long long
json_id(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : 0;
}

/* ---------------------------------------------------------------- list --- */

int
rp_ui_templates(struct rp_req *req)
{
	struct rp_template_filter f;
	struct json_object *items, *fws;
	long long limit, offset, page, total;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_templates_filter(req, &f, false) != 0)
		return -1;
	if ((items = rp_templates_list(req, &f, limit, offset, &total)) == NULL)
		return -1;
	int rc = list_rows(req, items);
	json_object_put(items);
	if (rc != 0 || frameworks(req, &fws) != 0)
		return -1;
	json_object_put(fws);
	/* The requirement filtered by, named by its ref. */
	if (f.requirement) {
		struct json_object *refs = rp_templates_tag_refs(req, &f.requirement, 1);
		if (refs == NULL)
			return -1;
		if (json_object_array_length(refs) == 1) {
			struct json_object *r = json_object_array_get_idx(refs, 0), *ref, *fw, *t;
			json_object_object_get_ex(r, "ref", &ref);
			json_object_object_get_ex(r, "framework", &fw);
			json_object_object_get_ex(r, "title", &t);
			rp_set(req, "Filter.requirement_label", P("%s %s · %s",
			    json_object_get_string(fw), json_object_get_string(ref),
			    json_object_get_string(t)));
		}
		json_object_put(refs);
	}
	if (deployed_flash(req) != 0)
		return -1;
	const char *q = filter_query(req, &f);
	const char *dir = f.desc ? "desc" : "asc";
	rp_set(req, "Search.arg", q);
	rp_set(req, "Sort.key", f.sort);
	rp_set(req, "Sort.dir", dir);
	rp_set(req, "Page.base", "/templates");
	rp_ui_pager(req, page, total, limit, P("sort=%s&dir=%s%s", f.sort, dir, q));
	return rp_page(req, "templates", "Lang.library.title");
}

/* The rows of the list, each tag shown by its ref, grouped by framework
 * (one look-up for the refs of the whole page). */
static int
list_rows(struct rp_req *req, struct json_object *items)
{
	static const char *const keys[] = { "id", "title", "type", "version", "deployed_count",
		"updated_at" };
	size_t n = json_object_array_length(items), nall = 0;
	struct json_object *ids, *refs;

	rp_set_json_rows(req, "Items", items, keys, RP_NELEM(keys));
	for (size_t i = 0; i < n; i++)
		if (json_object_object_get_ex(json_object_array_get_idx(items, i),
		    "requirement_ids", &ids))
			nall += json_object_array_length(ids);
	long long *all = rp_calloc(req->arena, nall + 1, sizeof(*all));
	nall = 0;
	for (size_t i = 0; i < n; i++) {
		json_object_object_get_ex(json_object_array_get_idx(items, i), "requirement_ids", &ids);
		for (size_t j = 0; j < json_object_array_length(ids); j++)
			all[nall++] = json_object_get_int64(json_object_array_get_idx(ids, j));
	}
	nall = rp_ids_dedup(all, nall);
	if (nall == 0)
		return 0;
	if ((refs = rp_templates_tag_refs(req, all, nall)) == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct _hdf *row = rp_row(req, "Items", i);
		const char *last = NULL;
		size_t g = 0, k = 0;
		json_object_object_get_ex(json_object_array_get_idx(items, i), "requirement_ids", &ids);
		/* refs are in the catalogue's order: a group per framework. */
		for (size_t r = 0; r < json_object_array_length(refs); r++) {
			struct json_object *t = json_object_array_get_idx(refs, r), *ref, *fw;
			long long id = json_id(t, "id");
			bool has = false;
			for (size_t j = 0; j < json_object_array_length(ids) && !has; j++)
				has = json_object_get_int64(json_object_array_get_idx(ids, j)) == id;
			if (!has)
				continue;
			json_object_object_get_ex(t, "ref", &ref);
			json_object_object_get_ex(t, "framework", &fw);
			if (last == NULL || strcmp(last, json_object_get_string(fw)) != 0) {
				last = json_object_get_string(fw);
				rp_row_set(row, P("tags.%zu.fw", g++), last);
				k = 0;
			}
			rp_row_setll(row, P("tags.%zu.refs.%zu.id", g - 1, k), id);
			rp_row_set(row, P("tags.%zu.refs.%zu.ref", g - 1, k++),
			    json_object_get_string(ref));
		}
	}
	json_object_put(refs);
	return 0;
}

/* The filters as a query string (each "&key=value"), also published as
 * Filter.* for the form. */
static const char *
filter_query(struct rp_req *req, const struct rp_template_filter *f)
{
	struct rp_buf q;

	rp_buf_init(&q, req->arena);
	if (f->q != NULL) {
		rp_set(req, "Filter.q", f->q);
		rp_buf_printf(&q, "&q=%s", rp_url_arg_escape(req->arena, f->q));
	}
	if (f->type != NULL) {
		rp_set(req, "Filter.type", f->type);
		rp_buf_printf(&q, "&type=%s", f->type);
	}
	if (f->framework) {
		rp_setf(req, "Filter.framework_id", "%lld", f->framework);
		rp_buf_printf(&q, "&framework_id=%lld", f->framework);
	}
	if (f->requirement) {
		rp_setf(req, "Filter.requirement_id", "%lld", f->requirement);
		rp_buf_printf(&q, "&requirement_id=%lld", f->requirement);
	}
	if (q.len > 0)
		rp_set(req, "Filter.any", "1");
	return rp_buf_str(&q);
}

/* Frameworks.* (id, name, code): those the firm sees, for the filter and
 * the names of tags. *out gets the list (the caller puts it). */
static int
frameworks(struct rp_req *req, struct json_object **out)
{
	static const char *const keys[] = { "id", "name", "code" };
	long long total;

	if ((*out = rp_frameworks_list(req, FW_MAX, 0, &total)) == NULL)
		return -1;
	rp_set_json_rows(req, "Frameworks", *out, keys, RP_NELEM(keys));
	return 0;
}

/* After a deployment without script: "N templates deployed to M clients"
 * (numbers of our own redirect; absurd ones fall back to the plain
 * message) and links to the resources of the clients named in `to`, each
 * checked in the caller's scope and team. */
static int
deployed_flash(struct rp_req *req)
{
	const char *done = rp_query(req, "done"), *t = rp_query(req, "templates"),
	    *c = rp_query(req, "clients");
	long long nt, nc;
	size_t k = 0;

	if (done == NULL || strcmp(done, "deployed") != 0)
		return 0;
	if (t != NULL && c != NULL &&
	    rp_strtonum(t, 1, RP_DEPLOY_MAX_TEMPLATES, &nt) == 0 &&
	    rp_strtonum(c, 1, RP_DEPLOY_MAX_CLIENTS, &nc) == 0)
		rp_set(req, "Flash.text", P("%lld %s %lld %s.", nt,
		    rp_lang_text(req, nt == 1 ? "Lang.library.deployed_template" :
		    "Lang.library.deployed_templates"), nc,
		    rp_lang_text(req, nc == 1 ? "Lang.library.deployed_client" :
		    "Lang.library.deployed_clients")));
	for (size_t i = 0; i < req->query.n && k < LINKS_MAX; i++) {
		struct rp_client cl;
		long long id;
		int found;
		if (strcmp(req->query.v[i].key, "to") != 0 ||
		    rp_strtonum(req->query.v[i].val, 1, 1LL << 53, &id) != 0)
			continue;
		if ((found = rp_clients_get(req, id, &cl)) < 0)
			return -1;
		if (found == 0 || !cl.vciso)
			continue;
		struct _hdf *row = rp_row(req, "Deployed", k++);
		rp_row_setll(row, "id", cl.id);
		rp_row_set(row, "name", cl.name);
	}
	return 0;
}

/* --------------------------------------------------------- one template --- */

/* ?version=N of the query string: 0 when absent (the current one). */
static int
query_version(struct rp_req *req, long long *v)
{
	const char *s = rp_query(req, "version");

	*v = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (rp_strtonum(s, 1, INT32_MAX, v) != 0)
		return rp_fail(req, 400, "invalid", "version", "Give a version number.");
	return 0;
}

int
rp_ui_template(struct rp_req *req)
{
	struct json_object *o;
	long long v;

	if (query_version(req, &v) != 0 || (o = rp_template_get(req, req->args[0], v)) == NULL)
		return -1;
	int rc = view_page(req, o);
	json_object_put(o);
	return rc;
}

/* Clients.* (id, name): those the caller is declared vCISO of, to deploy
 * to; with a form posted back, ClientSel.<id> for those it ticked. */
static int
clients_hdf(struct rp_req *req)
{
	struct rp_client_name *cs;
	size_t n;

	if (rp_clients_vciso_of(req, RP_DEPLOY_MAX_CLIENTS, &cs, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct _hdf *row = rp_row(req, "Clients", i);
		rp_row_setll(row, "id", cs[i].id);
		rp_row_set(row, "name", cs[i].name);
	}
	return 0;
}

/* The template's page: its body rendered, its tags by framework, its
 * versions, and (on the current version) the form deploying it. */
static int
view_page(struct rp_req *req, struct json_object *o)
{
	struct json_object *body, *tags, *fws, *versions;
	long long id = json_id(o, "id");

	rp_set_json(req, "Template", o);
	json_object_object_get_ex(o, "body", &body);
	/* Rendered in safe mode (raw HTML and dangerous URLs dropped): the
	 * one value a template prints unescaped. */
	rp_set(req, "Body.html", rp_markdown_html(req->arena, json_object_get_string(body)));
	if (frameworks(req, &fws) != 0)
		return -1;
	json_object_object_get_ex(o, "requirements", &tags);
	for (size_t i = 0; i < json_object_array_length(tags); i++) {
		struct json_object *t = json_object_array_get_idx(tags, i), *ref, *title;
		struct _hdf *row = rp_row(req, "Tags", i);
		long long fw = json_id(t, "framework_id");
		json_object_object_get_ex(t, "ref", &ref);
		json_object_object_get_ex(t, "title", &title);
		rp_row_setll(row, "id", json_id(t, "id"));
		rp_row_set(row, "ref", json_object_get_string(ref));
		rp_row_set(row, "title", json_object_get_string(title));
		for (size_t j = 0; j < json_object_array_length(fws); j++) {
			struct json_object *f = json_object_array_get_idx(fws, j), *name;
			if (json_id(f, "id") != fw)
				continue;
			json_object_object_get_ex(f, "name", &name);
			rp_row_set(row, "framework", json_object_get_string(name));
		}
	}
	json_object_put(fws);
	if ((versions = rp_template_versions(req, id)) == NULL)
		return -1;
	rp_set_json(req, "Versions", versions);
	json_object_put(versions);
	if (json_id(o, "version") != json_id(o, "current_version")) {
		rp_set(req, "Page.past", "1");
		/* "You are viewing version N; the current version is M." */
		rp_set(req, "Page.past_text", P("%s %lld%s %s %lld.",
		    rp_lang_text(req, "Lang.library.past_version"), json_id(o, "version"),
		    rp_lang_text(req, "Lang.library.past_sep"),
		    rp_lang_text(req, "Lang.library.past_current"), json_id(o, "current_version")));
	} else if (clients_hdf(req) != 0)
		return -1;
	rp_set(req, "Page.base", "/templates");
	return rp_page(req, "template", "Lang.library.title");
}

/* ---------------------------------------------------------------- forms --- */

/* The create or edit form: the template's values (o, or the defaults), or
 * what was posted (echo) after a refused submission. */
static int
form_page(struct rp_req *req, struct json_object *o, bool echo)
{
	static const char *const fields[] = { "type", "title", "body" };
	size_t nsel;

	if (o != NULL)
		rp_set_json(req, "Template", o);
	if (!rp_ui_edit_fields(req, o, echo, fields, RP_NELEM(fields))) {
		/* A new template: ?type= (a link of an empty type) or a document. */
		const char *type = rp_query(req, "type");
		rp_set(req, "Edit.type", type && rp_enum_parse(&rp_resource_types, type) >= 0 ?
		    type : "document");
	}
	long long *sel = rp_ui_chosen(req, o, echo, "requirement_ids", "Sel", &nsel);
	if (rp_ui_catalogue_picker(req, sel, nsel) != 0)
		return -1;
	rp_set(req, "Page.base", "/templates");
	if (o != NULL) {
		long long id = json_id(o, "id");
		rp_set(req, "Page.action", P("/templates/%lld", id));
		rp_setf(req, "Page.next_version", "%lld", json_id(o, "version") + 1);
		return rp_page(req, "template-edit", "Lang.library.edit");
	}
	rp_set(req, "Page.action", "/templates");
	rp_set(req, "Page.new", "1");
	return rp_page(req, "template-edit", "Lang.library.new");
}

int
rp_ui_templates_new(struct rp_req *req)
{
	return form_page(req, NULL, false);
}

/* An unknown template variable: name it beside its field (found again in
 * what was posted; the check's own message is the API's). */
static void
variable_detail(struct rp_req *req)
{
	const char *field = req->resp.err_field, *text, *what;
	size_t line;

	if (req->resp.err_code == NULL || strcmp(req->resp.err_code, "unknown_variable") != 0 ||
	    field == NULL || (text = rp_param(&req->form, field)) == NULL)
		return;
	if (rp_tplvars_check(req->arena, text, &what, &line) != 0)
		rp_set(req, "Form.error.detail", P("%s (%zu)", what, line));
}

int
rp_ui_templates_create(struct rp_req *req)
{
	long long id;

	if (rp_templates_create(req, &id) != 0) {
		/* Back to the form with the error and what was typed. */
		variable_detail(req);
		if (!rp_ui_take_error(req))
			return -1;
		return form_page(req, NULL, true);
	}
	return rp_ui_done(req, P("/templates/%lld", id), "template_created");
}

int
rp_ui_template_edit(struct rp_req *req)
{
	struct json_object *o = rp_template_get(req, req->args[0], 0);

	if (o == NULL)
		return -1;
	int rc = form_page(req, o, false);
	json_object_put(o);
	return rc;
}

int
rp_ui_template_update(struct rp_req *req)
{
	struct json_object *o = rp_template_get(req, req->args[0], 0);
	int rc;

	if (o == NULL)
		return -1;
	if (rp_templates_update(req, req->args[0]) != 0) {
		variable_detail(req);
		rc = rp_ui_take_error(req) ? form_page(req, o, true) : -1;
		json_object_put(o);
		return rc;
	}
	json_object_put(o);
	return rp_ui_done(req, P("/templates/%lld", req->args[0]), "template_updated");
}

/* ----------------------------------------------------------- deployment --- */

int
rp_ui_template_picker(struct rp_req *req, bool echo)
{
	static const char *const keys[] = { "id", "title", "type", "version" };
	struct rp_template_filter f = { .sort = "type" };
	struct json_object *list;
	long long total;
	size_t n;

	if ((list = rp_templates_list(req, &f, PICK_MAX, 0, &total)) == NULL)
		return -1;
	rp_set_json_rows(req, "Templates", list, keys, RP_NELEM(keys));
	json_object_put(list);
	if (total > PICK_MAX)
		rp_set(req, "Page.templates_more", "1");
	if (echo)
		rp_ui_chosen(req, NULL, true, "template_ids", "TplSel", &n);
	return 0;
}

/* The deploy page: templates and clients to tick, TplSel.* and
 * ClientSel.* already set by the caller. */
static int
deploy_page(struct rp_req *req)
{
	if (rp_ui_template_picker(req, false) != 0 || clients_hdf(req) != 0)
		return -1;
	rp_set(req, "Page.base", "/templates");
	return rp_page(req, "templates-deploy", "Lang.library.deploy_title");
}

int
rp_ui_templates_deploy_form(struct rp_req *req)
{
	long long id;

	/* Ticked from the list's "Deploy selected…" (or a template's page). */
	for (size_t i = 0; i < req->query.n; i++)
		if (strcmp(req->query.v[i].key, "template_ids") == 0 &&
		    rp_strtonum(req->query.v[i].val, 1, 1LL << 53, &id) == 0)
			rp_set(req, P("TplSel.%lld", id), "1");
	return deploy_page(req);
}

static const char *const known_deploy[] = { "template_ids", "client_ids" };

/* Without script: everything at once (all or nothing on rights, one
 * transaction per client, rp_templates_deploy), then the list with the
 * counts and links to the clients' resources. The page's script deploys
 * client by client through the API instead, with a progress bar. */
int
rp_ui_templates_deploy(struct rp_req *req)
{
	const char *bad = rp_in_unknown(req, known_deploy, RP_NELEM(known_deploy));
	struct json_object *o = NULL;
	long long *tids = NULL, *cids = NULL;
	size_t nt = 0, nc = 0, n;

	if (bad != NULL)
		rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	else if (rp_in_links(req, "template_ids", RP_DEPLOY_MAX_TEMPLATES, &tids, &nt) >= 0 &&
	    rp_in_links(req, "client_ids", RP_DEPLOY_MAX_CLIENTS, &cids, &nc) >= 0)
		o = rp_templates_deploy(req, tids, nt, cids, nc, false);
	if (o == NULL) {
		/* Nothing was deployed: the form again, as it was ticked. */
		if (!rp_ui_take_error(req))
			return -1;
		rp_ui_chosen(req, NULL, true, "template_ids", "TplSel", &n);
		rp_ui_chosen(req, NULL, true, "client_ids", "ClientSel", &n);
		return deploy_page(req);
	}
	json_object_put(o);
	struct rp_buf path;
	rp_buf_init(&path, req->arena);
	rp_buf_printf(&path, "/templates?templates=%zu&clients=%zu", nt, nc);
	for (size_t i = 0; i < nc && i < LINKS_MAX; i++)
		rp_buf_printf(&path, "&to=%lld", cids[i]);
	return rp_ui_done(req, rp_buf_str(&path), "deployed");
}
