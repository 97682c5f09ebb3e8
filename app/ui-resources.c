/* Resource pages: a client's resources (filters, sort, pager, figures by
 * status), a resource's page (its Markdown body rendered, its tags and
 * actions, the workflow buttons), the create and edit forms and the
 * deletion; the rules and JSON are those of resources.c, so the pages and
 * the API agree. */
#include <stdbool.h>
#include <string.h>

#include <ClearSilver.h>
#include <json.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "establishments.h"
#include "input.h"
#include "markdown.h"
#include "publications.h"
#include "request.h"
#include "resources.h"
#include "response.h"
#include "templates.h"
#include "tmpl.h"
#include "ui-clients.h"
#include "ui-pilot.h"
#include "ui-resources.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

int
rp_ui_resources_figures(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *o = rp_resources_figures(req, c);

	if (o == NULL)
		return -1;
	rp_set_json(req, "Docs", o);
	json_object_put(o);
	return 0;
}

/* The filters as a query string (each "&key=value"), also published as
 * Filter.* for the form. */
static const char *
filter_query(struct rp_req *req, const struct rp_resource_filter *f)
{
	struct rp_buf q;
	const char *keys[] = { "q", "type", "status" };
	const char *vals[] = { f->q, f->type, f->status };

	rp_buf_init(&q, req->arena);
	for (size_t i = 0; i < RP_NELEM(keys); i++) {
		if (vals[i] == NULL)
			continue;
		rp_set(req, P("Filter.%s", keys[i]), vals[i]);
		rp_buf_printf(&q, "&%s=%s", keys[i], rp_url_arg_escape(req->arena, vals[i]));
		rp_set(req, "Filter.any", "1");
	}
	if (f->requirement) {
		rp_setf(req, "Filter.requirement_id", "%lld", f->requirement);
		rp_buf_printf(&q, "&requirement_id=%lld", f->requirement);
		rp_set(req, "Filter.any", "1");
	}
	return rp_buf_str(&q);
}

int
rp_ui_client_resources(struct rp_req *req)
{
	struct rp_client c;
	struct rp_resource_filter f;
	long long limit, offset, page, total;

	if (rp_ui_pilot_client(req, &c) != 0 || rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_resources_filter(req, &f, false) != 0)
		return -1;
	struct json_object *items = rp_resources_list(req, &c, &f, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Items", items);
	json_object_put(items);
	if (rp_ui_resources_figures(req, &c) != 0)
		return -1;
	const char *q = filter_query(req, &f);
	const char *dir = f.desc ? "desc" : "asc";
	rp_set(req, "Search.arg", q);
	rp_set(req, "Sort.key", f.sort);
	rp_set(req, "Sort.dir", dir);
	rp_set(req, "Page.base", P("/clients/%lld/resources", c.id));
	rp_ui_pager(req, page, total, limit, P("sort=%s&dir=%s%s", f.sort, dir, q));
	return rp_page(req, "resources", "Lang.resources.title");
}

/* The create or edit form: the resource's values (o, or the defaults), or
 * what was posted (echo) after a refused submission. */
static int
form_page(struct rp_req *req, const struct rp_client *c, struct json_object *o, bool echo)
{
	static const char *const fields[] = { "type", "title", "body", "status" };
	size_t nsel;

	if (o != NULL)
		rp_set_json(req, "Resource", o);
	if (!rp_ui_edit_fields(req, o, echo, fields, RP_NELEM(fields))) {
		const char *type = rp_query(req, "type");
		rp_set(req, "Edit.type", type && *type ? type : "document");
		rp_set(req, "Edit.status", "draft");
	}
	long long *sel = rp_ui_chosen(req, o, echo, "requirement_ids", "Sel", &nsel);
	/* "Add evidence" from an assessment: that requirement comes ticked. */
	long long tag;
	const char *from = rp_query(req, "requirement_id");
	if (o == NULL && !echo && from != NULL &&
	    rp_strtonum(from, 1, 1LL << 53, &tag) == 0) {
		sel = &tag;
		nsel = 1;
		rp_set(req, P("Sel.%lld", tag), "1");
	}
	if (rp_ui_requirement_picker(req, c, sel, nsel) != 0)
		return -1;
	rp_set(req, "Page.base", P("/clients/%lld/resources", c->id));
	if (o != NULL) {
		struct json_object *id;
		json_object_object_get_ex(o, "id", &id);
		rp_set(req, "Page.action", P("/resources/%s", json_object_get_string(id)));
		return rp_page(req, "resource-edit", "Lang.resources.edit");
	}
	rp_set(req, "Page.action", P("/clients/%lld/resources", c->id));
	rp_set(req, "Page.new", "1");
	return rp_page(req, "resource-edit", "Lang.resources.new");
}

int
rp_ui_client_resource_new(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return form_page(req, &c, NULL, false);
}

int
rp_ui_client_resource_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	if (rp_resources_create(req, &c, &id) != 0) {
		/* Back to the form with the error and what was typed. */
		if (!rp_ui_take_error(req))
			return -1;
		return form_page(req, &c, NULL, true);
	}
	return rp_ui_done(req, P("/resources/%lld", id), "resource_created");
}

/* The resource of the path, its client in scope with the caller vCISO of
 * it, and the client chrome set. */
static struct json_object *
load(struct rp_req *req, struct rp_client *c)
{
	if (rp_resource_client(req, req->args[0], c) != 0)
		return NULL;
	rp_ui_client_chrome(req, c);
	return rp_resource_get(req, c, req->args[0]);
}

/* Establishments it is published to, and those of its client it may be
 * published to (an approved or published resource): Published.*,
 * Estabs.* (with .published). */
static int
publication_data(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_estab_filter f = { 0 };
	struct rp_estab *es;
	size_t n;
	long long total;
	struct json_object *pub = rp_publications_of_resource(req, c, id);

	if (pub == NULL)
		return -1;
	rp_set_json(req, "Published", pub);
	/* A client's establishments, by name: a page of them is enough to
	 * choose from (a client with more publishes from the API). */
	if (rp_estabs_list(req, c, &f, RP_PUBLISH_MAX, 0, &es, &n, &total) != 0) {
		json_object_put(pub);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		HDF *row = rp_row(req, "Estabs", i);
		bool on = false;
		for (size_t k = 0; k < json_object_array_length(pub); k++) {
			struct json_object *e;
			json_object_object_get_ex(json_object_array_get_idx(pub, k),
			    "establishment_id", &e);
			on |= json_object_get_int64(e) == es[i].id;
		}
		rp_row_setll(row, "id", es[i].id);
		rp_row_set(row, "name", es[i].f[RP_PF_NAME]);
		if (on)
			rp_row_set(row, "published", "1");
	}
	json_object_put(pub);
	return 0;
}

/* The resource's page: the body rendered, its tags by framework, the
 * actions linked to it, its template and publications, and the buttons of
 * the workflow. */
static int
view_page(struct rp_req *req, const struct rp_client *c, struct json_object *o)
{
	struct json_object *body;
	size_t nsel;

	rp_set_json(req, "Resource", o);
	json_object_object_get_ex(o, "body", &body);
	/* Rendered in safe mode (raw HTML and dangerous URLs dropped): the
	 * one value a template prints unescaped. */
	rp_set(req, "Body.html", rp_markdown_html(req->arena, json_object_get_string(body)));
	long long *sel = rp_ui_chosen(req, o, false, "requirement_ids", "Sel", &nsel);
	if (rp_ui_requirement_picker(req, c, sel, nsel) != 0)
		return -1;
	struct json_object *id, *acts;
	json_object_object_get_ex(o, "id", &id);
	if ((acts = rp_resource_actions(req, c, json_object_get_int64(id))) == NULL)
		return -1;
	rp_set_json(req, "Linked", acts);
	json_object_put(acts);
	rp_set(req, "Page.base", P("/clients/%lld/resources", c->id));
	rp_set(req, "Page.may_publish",
	    req->user->features & RP_FEAT_BIT(RP_FEAT_PUBLICATION) ? "1" : "");
	if (publication_data(req, c, json_object_get_int64(id)) != 0)
		return -1;
	return rp_page(req, "resource", "Lang.resources.title");
}

int
rp_ui_resource(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);

	if (o == NULL)
		return -1;
	int rc = view_page(req, &c, o);
	json_object_put(o);
	return rc;
}

int
rp_ui_resource_edit(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);

	if (o == NULL)
		return -1;
	int rc = form_page(req, &c, o, false);
	json_object_put(o);
	return rc;
}

int
rp_ui_resource_update(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);
	int rc;

	if (o == NULL)
		return -1;
	if (rp_resources_update(req, &c, req->args[0]) != 0) {
		rc = rp_ui_take_error(req) ? form_page(req, &c, o, true) : -1;
		json_object_put(o);
		return rc;
	}
	json_object_put(o);
	return rp_ui_done(req, P("/resources/%lld", req->args[0]), "resource_saved");
}

/* A workflow button (approve, publish, withdraw, reopen): the status
 * alone; a refusal shows on the resource's page. */
int
rp_ui_resource_status(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);
	int rc;

	if (o == NULL)
		return -1;
	if (rp_param(&req->form, "status") == NULL) {
		rp_fail(req, 400, "required", "status", "Choose a status.");
		json_object_put(o);
		return -1;
	}
	if (rp_resources_update(req, &c, req->args[0]) != 0) {
		rc = rp_ui_take_error(req) ? view_page(req, &c, o) : -1;
		json_object_put(o);
		return rc;
	}
	json_object_put(o);
	return rp_ui_done(req, P("/resources/%lld", req->args[0]), "resource_status");
}

int
rp_ui_resource_delete(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);
	int rc;

	if (o == NULL)
		return -1;
	if (rp_resources_delete(req, &c, req->args[0]) != 0) {
		rc = rp_ui_take_error(req) ? view_page(req, &c, o) : -1;
		json_object_put(o);
		return rc;
	}
	json_object_put(o);
	return rp_ui_done(req, P("/clients/%lld/resources", c.id), "resource_deleted");
}

/* ------------------------------------------------- library and publication */

/* A form of the resource's page done, or the page again with its error. */
static int
after(struct rp_req *req, struct rp_client *c, struct json_object *o, int rc,
    const char *path, const char *flash)
{
	if (rc == 0) {
		json_object_put(o);
		return rp_ui_done(req, path, flash);
	}
	rc = rp_ui_take_error(req) ? view_page(req, c, o) : -1;
	json_object_put(o);
	return rc;
}

int
rp_ui_resource_to_template(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);
	long long id = 0;

	if (o == NULL)
		return -1;
	int rc = rp_templates_from_resource(req, &c, req->args[0], &id);
	return after(req, &c, o, rc, P("/templates/%lld", id), "template_saved");
}

/* The line diff from the resource's text to a version of its template,
 * with the button that brings the resource to it. */
int
rp_ui_resource_diff(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c), *d;
	const char *v = rp_query(req, "version");
	long long to = 0;

	if (o == NULL)
		return -1;
	if (v != NULL && *v != '\0' && rp_strtonum(v, 1, 1LL << 31, &to) != 0)
		to = 0;
	rp_set_json(req, "Resource", o);
	json_object_put(o);
	if ((d = rp_template_diff(req, &c, req->args[0], to)) == NULL)
		return -1;
	rp_set_json(req, "Diff", d);
	json_object_put(d);
	rp_set(req, "Page.base", P("/clients/%lld/resources", c.id));
	return rp_page(req, "resource-diff", "Lang.resources.diff_title");
}

int
rp_ui_resource_template_update(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);
	long long to = 0;
	bool isnull = false;

	if (o == NULL)
		return -1;
	int rc = rp_in_int(req, "version", 1, 1LL << 31, &isnull, &to) < 0 ? -1 :
	    rp_template_apply(req, &c, req->args[0], isnull ? 0 : to);
	return after(req, &c, o, rc, P("/resources/%lld", req->args[0]),
	    "resource_template_updated");
}

int
rp_ui_resource_publish(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);
	long long *ids;
	size_t n;

	if (o == NULL)
		return -1;
	int rc = rp_in_links(req, "establishment_ids", RP_PUBLISH_MAX, &ids, &n) < 0 ? -1 :
	    rp_publications_add(req, &c, req->args[0], ids, n);
	return after(req, &c, o, rc, P("/resources/%lld#publication", req->args[0]),
	    "resource_published");
}

int
rp_ui_resource_withdraw(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o = load(req, &c);

	if (o == NULL)
		return -1;
	int rc = rp_publications_remove(req, &c, req->args[0], req->args[1]);
	return after(req, &c, o, rc, P("/resources/%lld#publication", req->args[0]),
	    "resource_unpublished");
}
