/* Action plan pages: a client's actions (filters, sort, pager, overdue
 * rows, progress bars), the form to create or edit one, its deletion and
 * the CSV export; the rules and JSON are those of actions.c, so the pages
 * and the API agree. */
#include <stdbool.h>
#include <string.h>

#include <json.h>

#include "actions.h"
#include "arena.h"
#include "clients.h"
#include "request.h"
#include "risks.h"
#include "response.h"
#include "tmpl.h"
#include "ui-actions.h"
#include "ui-clients.h"
#include "ui-pilot.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* Rows of the CSV export, at most. */

static int	list_page(struct rp_req *, const struct rp_client *);
static int	form_page(struct rp_req *, const struct rp_client *, struct json_object *, bool);
static const char *filter_query(struct rp_req *, const struct rp_action_filter *);

/* The filters as a query string (each "&key=value"), also published as
 * Filter.* for the form. */
static const char *
filter_query(struct rp_req *req, const struct rp_action_filter *f)
{
	struct rp_buf q;
	const char *keys[] = { "q", "status", "priority" };
	const char *vals[] = { f->q, f->status, f->priority };

	rp_buf_init(&q, req->arena);
	for (size_t i = 0; i < RP_NELEM(keys); i++) {
		if (vals[i] == NULL)
			continue;
		rp_set(req, P("Filter.%s", keys[i]), vals[i]);
		rp_buf_printf(&q, "&%s=%s", keys[i], rp_url_arg_escape(req->arena, vals[i]));
		rp_set(req, "Filter.any", "1");
	}
	if (f->mine) {
		rp_set(req, "Filter.mine", "1");
		rp_buf_puts(&q, "&mine=1");
		rp_set(req, "Filter.any", "1");
	}
	if (f->overdue) {
		rp_set(req, "Filter.overdue", "1");
		rp_buf_puts(&q, "&overdue=1");
		rp_set(req, "Filter.any", "1");
	}
	return rp_buf_str(&q);
}

/* Figures.*: open, done, overdue and the share done (of what is not
 * cancelled) for a progress bar; "" when there is nothing yet. */
void
rp_ui_actions_figures_set(struct rp_req *req, long long open, long long done,
    long long overdue)
{
	rp_setf(req, "Figures.open", "%lld", open);
	rp_setf(req, "Figures.done", "%lld", done);
	rp_setf(req, "Figures.overdue", "%lld", overdue);
	rp_set(req, "Figures.done_pct", open + done > 0 ?
	    P("%lld", done * 100 / (open + done)) : "");
}

int
rp_ui_actions_figures(struct rp_req *req, const struct rp_client *c)
{
	long long open, done, overdue;

	if (rp_actions_counts(req, c, &open, &done, &overdue) != 0)
		return -1;
	rp_ui_actions_figures_set(req, open, done, overdue);
	return 0;
}

static int
list_page(struct rp_req *req, const struct rp_client *c)
{
	struct rp_action_filter f;
	long long limit, offset, page, total;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_actions_filter(req, &f, false) != 0)
		return -1;
	struct json_object *items = rp_actions_list(req, c, &f, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Actions", items);
	json_object_put(items);
	if (rp_ui_actions_figures(req, c) != 0)
		return -1;
	const char *q = filter_query(req, &f);
	const char *dir = f.desc ? "desc" : "asc";
	rp_set(req, "Search.arg", q);
	rp_set(req, "Sort.key", f.sort);
	rp_set(req, "Sort.dir", dir);
	rp_set(req, "Page.base", P("/clients/%lld/actions", c->id));
	rp_set(req, "Page.csv", P("/clients/%lld/actions.csv?sort=%s&dir=%s%s", c->id, f.sort,
	    dir, q));
	rp_set(req, "Page.xlsx", P("/clients/%lld/actions.xlsx?sort=%s&dir=%s%s", c->id, f.sort,
	    dir, q));
	rp_ui_pager(req, page, total, limit, P("sort=%s&dir=%s%s", f.sort, dir, q));
	return rp_page(req, "actions", "Lang.actions.title");
}

int
rp_ui_client_actions(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return list_page(req, &c);
}

static int
actions_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;
	struct rp_action_filter f;

	if (rp_ui_pilot_client(req, &c) != 0 || rp_actions_filter(req, &f, false) != 0)
		return -1;
	return rp_actions_export(req, &c, &f, fmt);
}

int
rp_ui_client_actions_csv(struct rp_req *req)
{
	return actions_export(req, RP_EXPORT_CSV);
}

int
rp_ui_client_actions_xlsx(struct rp_req *req)
{
	return actions_export(req, RP_EXPORT_XLSX);
}

/* The create or edit form: the action's values (a, or the defaults), or
 * what was posted (echo) after a refused submission. */
static int
form_page(struct rp_req *req, const struct rp_client *c, struct json_object *a, bool echo)
{
	static const char *const fields[] = { "title", "description", "owner_id", "due_date",
		"priority", "status", "progress" };
	struct rp_team_member *team;
	size_t n, k = 0, nsel, nother;

	if (a != NULL)
		rp_set_json(req, "Action", a);
	if (!rp_ui_edit_fields(req, a, echo, fields, RP_NELEM(fields))) {
		rp_set(req, "Edit.priority", "medium");
		rp_set(req, "Edit.status", "todo");
		rp_set(req, "Edit.progress", "0");
		rp_setf(req, "Edit.owner_id", "%lld", req->user->id);
	}
	long long *sel = rp_ui_chosen(req, a, echo, "requirement_ids", "Sel", &nsel);
	rp_ui_chosen(req, a, echo, "risk_ids", "RiskSel", &nother);
	rp_ui_chosen(req, a, echo, "resource_ids", "ResSel", &nother);
	/* Owners: the client's active vCISOs. */
	if (rp_clients_team(req, c, &team, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!team[i].active)
			continue;
		rp_setf(req, P("Owners.%zu.id", k), "%lld", team[i].id);
		rp_set(req, P("Owners.%zu.name", k++), team[i].name);
	}
	/* Requirements to link: those of the frameworks the client adopted;
	 * resources: the client's. */
	if (rp_ui_requirement_picker(req, c, sel, nsel) != 0 ||
	    rp_ui_resource_picker(req, c) != 0)
		return -1;
	/* Risks the action treats: the client's, by score. */
	struct rp_risk_filter rf = { .sort = "score", .desc = true };
	long long nr;
	struct json_object *risks = rp_risks_list(req, c, &rf, 500, 0, &nr);
	if (risks == NULL)
		return -1;
	rp_set_json(req, "Risks", risks);
	json_object_put(risks);
	rp_set(req, "Page.base", P("/clients/%lld/actions", c->id));
	if (a != NULL) {
		struct json_object *id;
		json_object_object_get_ex(a, "id", &id);
		rp_set(req, "Page.action", P("/actions/%s", json_object_get_string(id)));
		return rp_page(req, "action", "Lang.actions.edit");
	}
	rp_set(req, "Page.action", P("/clients/%lld/actions", c->id));
	rp_set(req, "Page.new", "1");
	return rp_page(req, "action", "Lang.actions.new");
}

int
rp_ui_client_action_new(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return form_page(req, &c, NULL, false);
}

int
rp_ui_client_action_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	if (rp_actions_create(req, &c, &id) != 0) {
		/* Back to the form with the error and what was typed. */
		if (!rp_ui_take_error(req))
			return -1;
		return form_page(req, &c, NULL, true);
	}
	return rp_ui_done(req, P("/clients/%lld/actions#action-%lld", c.id, id), "action_created");
}

/* The action of the path, its client in scope with the caller vCISO of
 * it, and the client chrome set. */
static struct json_object *
load_action(struct rp_req *req, struct rp_client *c)
{
	if (rp_action_client(req, req->args[0], c) != 0)
		return NULL;
	rp_ui_client_chrome(req, c);
	return rp_action_get(req, c, req->args[0]);
}

int
rp_ui_action(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *a = load_action(req, &c);

	if (a == NULL)
		return -1;
	int rc = form_page(req, &c, a, false);
	json_object_put(a);
	return rc;
}

int
rp_ui_action_update(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *a = load_action(req, &c);
	int rc;

	if (a == NULL)
		return -1;
	if (rp_actions_update(req, &c, req->args[0]) != 0) {
		rc = rp_ui_take_error(req) ? form_page(req, &c, a, true) : -1;
		json_object_put(a);
		return rc;
	}
	json_object_put(a);
	return rp_ui_done(req, P("/clients/%lld/actions#action-%lld", c.id, req->args[0]),
	    "action_saved");
}

int
rp_ui_action_delete(struct rp_req *req)
{
	struct rp_client c;

	if (rp_action_client(req, req->args[0], &c) != 0 ||
	    rp_actions_delete(req, &c, req->args[0]) != 0)
		return -1;
	return rp_ui_done(req, P("/clients/%lld/actions", c.id), "action_deleted");
}
