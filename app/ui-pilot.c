/* Pilot pages: the framework catalogue, adoption and the assessment of a
 * client's requirements. They show the JSON of compliance.c (the API's
 * answers) through rp_set_json. */
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "actions.h"
#include "arena.h"
#include "branding.h"
#include "clients.h"
#include "compliance.h"
#include "csv.h"
#include "fwdoc.h"
#include "pilot.h"
#include "request.h"
#include "resources.h"
#include "response.h"
#include "tmpl.h"
#include "ui-actions.h"
#include "ui-clients.h"
#include "ui-fwimport.h"
#include "ui-pilot.h"
#include "ui-resources.h"
#include "ui-risks.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

int
rp_ui_frameworks(struct rp_req *req)
{
	long long limit, offset, page, total;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_frameworks_list(req, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Frameworks", items);
	json_object_put(items);
	if (rp_ui_fw_may_import(req))
		rp_set(req, "Page.may_import", "1");
	rp_ui_pager(req, page, total, limit, "");
	return rp_page(req, "frameworks", "Lang.pilot.catalogue");
}

int
rp_ui_framework(struct rp_req *req)
{
	struct json_object *fw, *imported, *url;

	if (rp_framework_get(req, req->args[0], &fw) != 0)
		return -1;
	rp_set_json(req, "Framework", fw);
	/* Escaping keeps an address inside its attribute, not a
	 * javascript: one from running: only web addresses become links. */
	json_object_object_get_ex(fw, "source_url", &url);
	if (rp_fwdoc_url_ok(json_object_get_string(url)))
		rp_set(req, "Framework.link", json_object_get_string(url));
	json_object_object_get_ex(fw, "imported", &imported);
	bool own = json_object_get_boolean(imported);
	json_object_put(fw);
	if (rp_ui_fw_manage(req, req->args[0], own) != 0)
		return -1;
	return rp_page(req, "framework", "Lang.pilot.catalogue");
}

int
rp_ui_pilot_client(struct rp_req *req, struct rp_client *c)
{
	if (rp_clients_pilot(req, req->args[0], c) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	return 0;
}

/* The adopted frameworks and the catalogue entries left to adopt. */
int
rp_ui_pilot_frameworks(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *adopted = rp_compliance_summary(req, c), *rest;

	if (adopted == NULL)
		return -1;
	if ((rest = rp_frameworks_adoptable(req, c)) == NULL) {
		json_object_put(adopted);
		return -1;
	}
	rp_ui_pilot_frameworks_set(req, adopted, rest);
	return 0;
}

void
rp_ui_pilot_frameworks_set(struct rp_req *req, struct json_object *adopted,
    struct json_object *adoptable)
{
	rp_set_json(req, "Adopted", adopted);
	json_object_put(adopted);
	rp_set_json(req, "Adoptable", adoptable);
	json_object_put(adoptable);
}

int
rp_ui_pilot_figures(struct rp_req *req, const struct rp_client *c)
{
	struct rp_pilot_figures f;

	if (rp_pilot_figures(req, c, &f) != 0)
		return -1;
	rp_ui_pilot_figures_set(req, c, &f);
	return 0;
}

void
rp_ui_pilot_figures_set(struct rp_req *req, const struct rp_client *c, struct rp_pilot_figures *f)
{
	rp_ui_risks_heat_set(req, c->id, &f->heat);
	rp_ui_actions_figures_set(req, f->open, f->done, f->overdue);
	rp_set_json(req, "Docs", f->docs);
	json_object_put(f->docs);
	f->docs = NULL;
}

int
rp_ui_client_adopt(struct rp_req *req)
{
	struct rp_client c;
	long long fw;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	if (rp_compliance_adopt(req, &c, &fw) != 0) {
		/* Back to the Pilot with the error: its page is the form. */
		if (!rp_ui_take_error(req))
			return -1;
		return rp_ui_client_pilot(req);
	}
	return rp_ui_done(req, P("/clients/%lld/compliance?framework_id=%lld", c.id, fw),
	    "adopted");
}

/* The requirements' forms, written here rather than by an each: loop of
 * the template: the same HTML for a fraction of the cost (through the HDF
 * and the template, a page of 50 cost the worker more than a millisecond;
 * docs/performance.md). Every value, the language's included, goes
 * through rp_html_text, the templates' own escaping.
 * tests/http/compliance-rows.mjs holds the HTML. */
static void
field_label(struct rp_buf *b, const char *id, const char *rid, const char *label)
{
	rp_buf_puts(b, "<div class=\"field\"><label for=\"");
	rp_buf_puts(b, id);
	rp_html_text(b, rid);
	rp_buf_puts(b, "\">");
	rp_buf_puts(b, label);
	rp_buf_puts(b, "</label>\n");
}

/* A text area of the form in its field: comment or justification. */
static void
textarea_field(struct rp_buf *b, const char *id, const char *rid, const char *label,
    const char *name, const char *value)
{
	field_label(b, id, rid, label);
	rp_buf_puts(b, "<textarea id=\"");
	rp_buf_puts(b, id);
	rp_html_text(b, rid);
	rp_buf_puts(b, "\" name=\"");
	rp_buf_puts(b, name);
	rp_buf_puts(b, "\" rows=\"2\">");
	rp_html_text(b, value);
	rp_buf_puts(b, "</textarea></div>\n");
}

/* A text, escaped once for every row of the page. */
static const char *
html_once(struct rp_req *req, const char *text)
{
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	rp_html_text(&b, text);
	return rp_buf_str(&b);
}

/* The evidence or the actions of a requirement: links with their status
 * badge, comma-separated, or a dash. */
static void
linked(struct rp_buf *b, struct json_object *it, const char *key, const char *href,
    const char *badge, struct _hdf *labels)
{
	struct json_object *list = NULL;
	size_t n = 0;

	if (json_object_object_get_ex(it, key, &list) && json_object_is_type(list, json_type_array))
		n = json_object_array_length(list);
	if (n == 0)
		rp_buf_puts(b, "<span class=\"muted\">\u2014</span>");
	for (size_t k = 0; k < n; k++) {
		struct json_object *o = json_object_array_get_idx(list, k);
		const char *status = rp_json_text(o, "status");
		rp_buf_puts(b, "<a href=\"");
		rp_buf_puts(b, href);
		rp_html_text(b, rp_json_text(o, "id"));
		rp_buf_puts(b, "\">");
		rp_html_text(b, rp_json_text(o, "title"));
		rp_buf_puts(b, "</a> <span class=\"badge ");
		rp_buf_puts(b, badge);
		rp_html_text(b, status);
		rp_buf_puts(b, "\">");
		rp_html_text(b, rp_lang_in(labels, status));
		rp_buf_puts(b, k + 1 < n ? "</span>, " : "</span>");
	}
}

static const char *
requirement_rows(struct rp_req *req, const struct rp_client *c, struct json_object *items,
    long long framework, long long page)
{
	struct _hdf *statuses = rp_lang_node(req, "Lang.pilot.statuses"),
	    *res_status = rp_lang_node(req, "Lang.enums.resource_status"),
	    *act_status = rp_lang_node(req, "Lang.enums.action_status");
	const char *err_req = rp_get(req, "Form.error.requirement"),
	    *err_code = rp_get(req, "Form.error.code"), *group = "";
	/* What every form repeats, escaped once. */
	const char *csrf = html_once(req, req->user->csrf_token),
	    *cycle = html_once(req, rp_get(req, "Framework.cycle")),
	    *l_status = html_once(req, rp_lang_text(req, "Lang.pilot.status")),
	    *l_comment = html_once(req, rp_lang_text(req, "Lang.pilot.comment")),
	    *l_applicable = html_once(req, rp_lang_text(req, "Lang.deliv.applicable")),
	    *l_yes = html_once(req, rp_lang_text(req, "Lang.deliv.yes")),
	    *l_no = html_once(req, rp_lang_text(req, "Lang.deliv.no")),
	    *l_justification = html_once(req, rp_lang_text(req, "Lang.deliv.justification")),
	    *l_evidence = html_once(req, rp_lang_text(req, "Lang.pilot.evidence")),
	    *l_add = html_once(req, rp_lang_text(req, "Lang.pilot.add_evidence")),
	    *l_actions = html_once(req, rp_lang_text(req, "Lang.pilot.linked_actions")),
	    *l_save = html_once(req, rp_lang_text(req, "Lang.pilot.save"));
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	rp_buf_puts(&b, "\n");
	for (size_t i = 0; i < json_object_array_length(items); i++) {
		struct json_object *it = json_object_array_get_idx(items, i);
		const char *rid = rp_json_text(it, "requirement_id"),
		    *gref = rp_json_text(it, "group_ref"), *status = rp_json_text(it, "status"),
		    *applicable = rp_json_text(it, "applicable");
		rp_buf_puts(&b, "\n");
		/* A heading where a group starts; a requirement outside any
		 * group (an imported framework's top level) gets none. */
		if (*gref != '\0' && strcmp(gref, group) != 0) {
			rp_buf_puts(&b, "<h2 class=\"req-group\">");
			rp_html_text(&b, gref);
			rp_buf_puts(&b, " \u00b7 ");
			rp_html_text(&b, rp_json_text(it, "group_title"));
			rp_buf_puts(&b, "</h2>");
		}
		group = gref;
		rp_buf_puts(&b, "\n<form method=\"post\" action=\"/clients/");
		rp_buf_putll(&b, c->id);
		rp_buf_puts(&b, "/compliance/");
		rp_html_text(&b, rid);
		rp_buf_puts(&b, "\" class=\"card assess\" id=\"req-");
		rp_html_text(&b, rid);
		rp_buf_puts(&b, "\">\n<input type=\"hidden\" name=\"csrf_token\" value=\"");
		rp_buf_puts(&b, csrf);
		rp_buf_puts(&b, "\"><input type=\"hidden\" name=\"framework_id\" value=\"");
		rp_buf_putll(&b, framework);
		rp_buf_puts(&b, "\"><input type=\"hidden\" name=\"page\" value=\"");
		rp_buf_putll(&b, page);
		rp_buf_puts(&b, "\"><input type=\"hidden\" name=\"cycle\" value=\"");
		rp_buf_puts(&b, cycle);
		rp_buf_puts(&b, "\">\n<p><strong>");
		rp_html_text(&b, rp_json_text(it, "ref"));
		rp_buf_puts(&b, "</strong> ");
		rp_html_text(&b, rp_json_text(it, "title"));
		rp_buf_puts(&b, " <span class=\"badge status-");
		rp_html_text(&b, status);
		rp_buf_puts(&b, "\">");
		rp_html_text(&b, rp_lang_in(statuses, status));
		rp_buf_puts(&b, "</span></p>\n<div class=\"assess-fields\">\n");
		field_label(&b, "s-", rid, l_status);
		rp_buf_puts(&b, "<select id=\"s-");
		rp_html_text(&b, rid);
		rp_buf_puts(&b, "\" name=\"status\">");
		rp_html_options(&b, statuses, status);
		rp_buf_puts(&b, "</select></div>\n");
		textarea_field(&b, "c-", rid, l_comment, "comment", rp_json_text(it, "comment"));
		field_label(&b, "a-", rid, l_applicable);
		rp_buf_puts(&b, "<input type=\"hidden\" name=\"applicable_was\" value=\"");
		rp_html_text(&b, applicable);
		rp_buf_puts(&b, "\"><select id=\"a-");
		rp_html_text(&b, rid);
		bool yes = strcmp(applicable, "1") == 0;
		rp_buf_puts(&b, yes ? "\" name=\"applicable\"><option value=\"1\" selected>" :
		    "\" name=\"applicable\"><option value=\"1\">");
		rp_buf_puts(&b, l_yes);
		rp_buf_puts(&b, yes ? "</option><option value=\"0\">" :
		    "</option><option value=\"0\" selected>");
		rp_buf_puts(&b, l_no);
		rp_buf_puts(&b, "</option></select></div>\n");
		textarea_field(&b, "j-", rid, l_justification, "justification",
		    rp_json_text(it, "justification"));
		rp_buf_puts(&b, "</div>\n<p class=\"links small\"><span class=\"muted\">");
		rp_buf_puts(&b, l_evidence);
		rp_buf_puts(&b, "</span> ");
		linked(&b, it, "resources", "/resources/", "res-", res_status);
		rp_buf_puts(&b, "\n\u00b7 <a href=\"/clients/");
		rp_buf_putll(&b, c->id);
		rp_buf_puts(&b, "/resources/new?requirement_id=");
		rp_html_text(&b, rid);
		rp_buf_puts(&b, "\">");
		rp_buf_puts(&b, l_add);
		rp_buf_puts(&b, "</a><br>\n<span class=\"muted\">");
		rp_buf_puts(&b, l_actions);
		rp_buf_puts(&b, "</span> ");
		linked(&b, it, "actions", "/actions/", "action-", act_status);
		rp_buf_puts(&b, "</p>\n");
		if (strcmp(err_req, rid) == 0) {
			const char *msg = rp_lang_text(req, rp_printf(req->arena, "Lang.errors.%s", err_code));
			rp_buf_puts(&b, "<p class=\"field-error\">");
			rp_html_text(&b, *msg ? msg : rp_lang_text(req, "Lang.errors.invalid"));
			rp_buf_puts(&b, "</p>");
		}
		rp_buf_puts(&b, "\n<p><button type=\"submit\" class=\"button secondary\">");
		rp_buf_puts(&b, l_save);
		rp_buf_puts(&b, "</button></p>\n</form>\n");
	}
	return rp_buf_str(&b);
}

static int
compliance_page(struct rp_req *req, struct rp_client *c)
{
	/* A form posted back carries the framework in its fields. */
	const char *fw = rp_query(req, "framework_id"), *status = rp_query(req, "status");
	if (fw == NULL && req->method == RP_POST) {
		fw = rp_param(&req->form, "framework_id");
		status = NULL;
	}
	long long framework, limit, offset, page, total;

	if (fw == NULL || rp_strtonum(fw, 1, 1LL << 53, &framework) != 0)
		return rp_fail(req, 400, "required", "framework_id", "Choose a framework.");
	if (status != NULL && *status == '\0')
		status = NULL;
	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_compliance_items(req, c, framework, status, limit,
	    offset, &total);
	if (items == NULL)
		return -1;
	struct json_object *all = rp_compliance_summary(req, c);
	if (all == NULL) {
		json_object_put(items);
		return -1;
	}
	for (size_t i = 0; i < json_object_array_length(all); i++) {
		struct json_object *a = json_object_array_get_idx(all, i), *id;
		json_object_object_get_ex(a, "framework_id", &id);
		if (json_object_get_int64(id) == framework)
			rp_set_json(req, "Framework", a);
	}
	json_object_put(all);
	rp_setf(req, "Compliance.count", "%zu", json_object_array_length(items));
	rp_set(req, "Compliance.rows", requirement_rows(req, c, items, framework, page));
	json_object_put(items);
	rp_setf(req, "Filter.framework_id", "%lld", framework);
	rp_set(req, "Filter.status", status);
	rp_ui_pager(req, page, total, limit, P("framework_id=%lld%s%s", framework,
	    status ? "&status=" : "", status ? rp_url_arg_escape(req->arena, status) : ""));
	rp_set(req, "Page.back", P("page=%lld", page));
	return rp_page(req, "compliance", "Lang.pilot.compliance");
}

int
rp_ui_client_compliance(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return compliance_page(req, &c);
}

int
rp_ui_client_assess(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	/* The form sends both the status and the applicability, and what the
	 * applicability was: of the two, the one the user changed wins (a
	 * requirement does not apply exactly when its status is
	 * not_applicable); when they agree both go through. */
	const char *ap = rp_param(&req->form, "applicable"), *st = rp_param(&req->form, "status");
	const char *was = rp_param(&req->form, "applicable_was");
	if (ap != NULL && st != NULL && (strcmp(ap, "0") == 0) != (strcmp(st, "not_applicable") == 0)) {
		bool changed = was != NULL && strcmp(was, ap) != 0;
		for (size_t i = 0; i < req->form.n; i++) {
			struct rp_kv *kv = &req->form.v[i];
			if (strcmp(kv->key, changed ? "status" : "applicable") == 0)
				kv->key = changed ? "status_unused" : "applicable_unused";
		}
	}
	if (rp_compliance_set(req, &c, req->args[1]) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		/* The message goes under the requirement's form, not next to the
		 * filters' select of the same name. */
		rp_set(req, "Form.error.field", "");
		rp_setf(req, "Form.error.requirement", "%lld", req->args[1]);
		return compliance_page(req, &c);
	}
	/* Back where the form was, on the requirement just assessed. The
	 * page and filters come from our own form; rp_ui_done refuses any
	 * path that is not ours. */
	long long fw = 0, pg = 1;
	const char *f = rp_param(&req->form, "framework_id"), *p = rp_param(&req->form, "page");
	if (f != NULL)
		rp_strtonum(f, 1, 1LL << 53, &fw);
	if (p != NULL)
		rp_strtonum(p, 1, 1000000, &pg);
	return rp_ui_done(req, P("/clients/%lld/compliance?framework_id=%lld&page=%lld#req-%lld",
	    c.id, fw, pg, req->args[1]), "assessed");
}

/* The printable mission report: a cover, then the Pilot's figures, heat
 * maps, compliance by framework and the open actions, laid out for the
 * browser's "print to PDF" (the print stylesheet drops the chrome). */
int
rp_ui_client_report(struct rp_req *req)
{
	struct rp_client c;
	struct rp_team_member *team;
	size_t n;
	long long total;
	char today[11];
	time_t t = time(NULL);
	struct tm tm;

	if (rp_ui_pilot_client(req, &c) != 0 || rp_brand_chrome(req, &c) != 0)
		return -1;
	gmtime_r(&t, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	rp_set(req, "Report.date", today);
	rp_set(req, "Report.firm", req->user->firm_name);
	rp_set(req, "Report.plan", c.plan);
	rp_set(req, "Report.mission_type", c.mission_type);
	rp_set(req, "Report.status", c.status);
	if (rp_clients_team(req, &c, &team, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		rp_set(req, P("Report.team.%zu", i), team[i].name);
	if (rp_ui_pilot_frameworks(req, &c) != 0 || rp_ui_pilot_figures(req, &c) != 0)
		return -1;
	/* Open actions, soonest due first. */
	struct rp_action_filter f = { .sort = "due_date", .open = true };
	struct json_object *acts = rp_actions_list(req, &c, &f, 200, 0, &total);
	if (acts == NULL)
		return -1;
	for (size_t i = 0; i < json_object_array_length(acts); i++)
		rp_set_json(req, P("Open.%zu", i), json_object_array_get_idx(acts, i));
	if (total > (long long)json_object_array_length(acts))
		rp_setf(req, "Report.open_more", "%lld", total);
	json_object_put(acts);
	return rp_page(req, "report", "Lang.report.title");
}

/* The assessment of one adopted framework as CSV or XLSX, for the
 * client's spreadsheets (app/export.h). */
static int
compliance_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return rp_compliance_export(req, &c, fmt);
}

int
rp_ui_client_compliance_csv(struct rp_req *req)
{
	return compliance_export(req, RP_EXPORT_CSV);
}

int
rp_ui_client_compliance_xlsx(struct rp_req *req)
{
	return compliance_export(req, RP_EXPORT_XLSX);
}

long long *
rp_ui_chosen(struct rp_req *req, struct json_object *o, bool echo, const char *field,
    const char *prefix, size_t *n)
{
	struct json_object *v = NULL;
	size_t cap = echo ? req->form.n : 0;
	long long *ids;

	if (!echo && o != NULL && json_object_object_get_ex(o, field, &v) &&
	    json_object_is_type(v, json_type_array))
		cap = json_object_array_length(v);
	ids = rp_calloc(req->arena, cap + 1, sizeof(*ids));
	*n = 0;
	if (echo) {
		/* Only ids become template names. */
		for (size_t i = 0; i < req->form.n; i++)
			if (strcmp(req->form.v[i].key, field) == 0 &&
			    rp_strtonum(req->form.v[i].val, 1, 1LL << 53, &ids[*n]) == 0)
				(*n)++;
	} else {
		for (size_t i = 0; i < cap; i++)
			ids[(*n)++] = json_object_get_int64(json_object_array_get_idx(v, i));
	}
	for (size_t i = 0; i < *n; i++)
		rp_set(req, P("%s.%lld", prefix, ids[i]), "1");
	return ids;
}

int
rp_ui_requirement_picker(struct rp_req *req, const struct rp_client *c, const long long *sel,
    size_t nsel)
{
	struct json_object *fws = rp_compliance_summary(req, c);

	if (fws == NULL)
		return -1;
	for (size_t i = 0; i < json_object_array_length(fws); i++) {
		struct json_object *fw = json_object_array_get_idx(fws, i), *id, *name;
		long long total;
		json_object_object_get_ex(fw, "framework_id", &id);
		json_object_object_get_ex(fw, "name", &name);
		struct json_object *items = rp_compliance_items(req, c, json_object_get_int64(id),
		    NULL, 1000, 0, &total);
		if (items == NULL) {
			json_object_put(fws);
			return -1;
		}
		rp_set(req, P("Reqs.%zu.name", i), json_object_get_string(name));
		for (size_t j = 0; j < json_object_array_length(items); j++) {
			struct json_object *it = json_object_array_get_idx(items, j), *rid, *ref, *t;
			json_object_object_get_ex(it, "requirement_id", &rid);
			json_object_object_get_ex(it, "ref", &ref);
			json_object_object_get_ex(it, "title", &t);
			rp_set(req, P("Reqs.%zu.items.%zu.id", i, j), json_object_get_string(rid));
			for (size_t m = 0; m < nsel; m++)
				if (sel[m] == json_object_get_int64(rid))
					rp_set(req, P("Reqs.%zu.open", i), "1");
			rp_set(req, P("Reqs.%zu.items.%zu.label", i, j), P("%s · %s",
			    json_object_get_string(ref), json_object_get_string(t)));
		}
		json_object_put(items);
	}
	json_object_put(fws);
	return 0;
}

int
rp_ui_catalogue_picker(struct rp_req *req, const long long *sel, size_t nsel)
{
	long long total;
	struct json_object *fws = rp_frameworks_list(req, 500, 0, &total);

	if (fws == NULL)
		return -1;
	for (size_t i = 0; i < json_object_array_length(fws); i++) {
		struct json_object *fw = json_object_array_get_idx(fws, i), *id, *name, *one, *reqs;
		json_object_object_get_ex(fw, "id", &id);
		json_object_object_get_ex(fw, "name", &name);
		if (rp_framework_get(req, json_object_get_int64(id), &one) != 0) {
			json_object_put(fws);
			return -1;
		}
		rp_set(req, P("Reqs.%zu.name", i), json_object_get_string(name));
		json_object_object_get_ex(one, "requirements", &reqs);
		for (size_t j = 0, k = 0; j < json_object_array_length(reqs); j++) {
			struct json_object *r = json_object_array_get_idx(reqs, j), *rid, *ref, *t, *a;
			json_object_object_get_ex(r, "assessable", &a);
			if (!json_object_get_boolean(a))
				continue;
			json_object_object_get_ex(r, "id", &rid);
			json_object_object_get_ex(r, "ref", &ref);
			json_object_object_get_ex(r, "title", &t);
			struct _hdf *row = rp_row(req, P("Reqs.%zu.items", i), k++);
			rp_row_set(row, "id", json_object_get_string(rid));
			rp_row_set(row, "label", P("%s · %s", json_object_get_string(ref),
			    json_object_get_string(t)));
			for (size_t m = 0; m < nsel; m++)
				if (sel[m] == json_object_get_int64(rid))
					rp_set(req, P("Reqs.%zu.open", i), "1");
		}
		json_object_put(one);
	}
	json_object_put(fws);
	return 0;
}

int
rp_ui_resource_picker(struct rp_req *req, const struct rp_client *c)
{
	struct rp_resource_filter f = { .sort = "title" };
	long long total;
	struct json_object *list = rp_resources_list(req, c, &f, 500, 0, &total);

	if (list == NULL)
		return -1;
	rp_set_json(req, "Resources", list);
	json_object_put(list);
	return 0;
}

bool
rp_ui_edit_fields(struct rp_req *req, struct json_object *o, bool echo,
    const char *const *fields, size_t n)
{
	struct json_object *v;
	struct _hdf *edit;

	if (!echo && o == NULL)
		return false;
	edit = rp_node(req, "Edit");
	for (size_t i = 0; i < n; i++) {
		if (echo)
			rp_row_set(edit, fields[i], rp_param(&req->form, fields[i]));
		else if (json_object_object_get_ex(o, fields[i], &v) && v != NULL)
			rp_row_set(edit, fields[i], json_object_get_string(v));
	}
	return true;
}
