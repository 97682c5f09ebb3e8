/* Establishment pages: list, creation, profile, duplicates, directory; the
 * rules are those of establishments.c, suggestions.c and directory.c, so
 * the pages and the API agree. */
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "directory.h"
#include "enums.h"
#include "establishments.h"
#include "publications.h"
#include "request.h"
#include "response.h"
#include "suggestions.h"
#include "tmpl.h"
#include "ui-clients.h"
#include "ui-estabs.h"
#include "ui-scans.h"
#include "ui-shared.h"
#include "ui-usage.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)
#define HAS(f)	((req->user->features & RP_FEAT_BIT(RP_FEAT_##f)) != 0)

/* Published resources listed on an establishment's page; the count says
 * the rest. */
#define PUBLISHED_ROWS 100
/* Rows of an import report shown on the page; the count says the rest. */
#define REPORT_ROWS 500

static int	load_estab(struct rp_req *, long long, struct rp_estab *);
static int	load_client_of(struct rp_req *, const struct rp_estab *, struct rp_client *);
static bool	live(const struct rp_estab *);
static const char *input_type(int);
static void	list_row(struct rp_req *, const char *, const struct rp_estab *);
static int	new_page(struct rp_req *, const struct rp_client *, bool);
static int	profile_page(struct rp_req *, const struct rp_estab *, bool);
static int	after(struct rp_req *, const struct rp_estab *, int, const char *);
static int	decide(struct rp_req *, bool);
static int	dup_page(struct rp_req *, const struct rp_client *);
static int	dir_page(struct rp_req *, const struct rp_client *,
		    const struct rp_import_report *);

static int
load_estab(struct rp_req *req, long long id, struct rp_estab *e)
{
	int found = rp_estabs_get(req, id, e);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such establishment.");
}

/* The client of an establishment in scope: the caller sees at least its
 * name (establishment managers see nothing more). */
static int
load_client_of(struct rp_req *req, const struct rp_estab *e, struct rp_client *c)
{
	int found = rp_clients_get(req, e->client_id, c);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such client.");
}

/* Merged and closed establishments are history: no form changes them. */
static bool
live(const struct rp_estab *e)
{
	return e->merged_into == 0 && strcmp(e->status, "closed") != 0;
}

static const char *
input_type(int pf)
{
	switch (pf) {
	case RP_PF_PHONE:
		return "tel";
	case RP_PF_HEADCOUNT:
		return "number";
	default:
		return "text";
	}
}

/* One establishment of a list; profile fields only with profile.read. */
static void
list_row(struct rp_req *req, const char *b, const struct rp_estab *e)
{
	rp_setf(req, P("%s.id", b), "%lld", e->id);
	rp_set(req, P("%s.name", b), e->f[RP_PF_NAME]);
	rp_set(req, P("%s.status", b), e->status);
	rp_set(req, P("%s.plan", b), e->plan);
	if (!HAS(PROFILE_READ))
		return;
	rp_set(req, P("%s.city", b), e->f[RP_PF_CITY]);
	rp_set(req, P("%s.postcode", b), e->f[RP_PF_POSTCODE]);
	rp_set(req, P("%s.siret", b), e->f[RP_PF_SIRET]);
}

int
rp_ui_estabs(struct rp_req *req)
{
	static const char *const counts[] = { "created", "updated", "unchanged" };
	struct rp_client c;
	struct rp_estab_filter f;
	struct rp_estab *es;
	struct rp_buf q;
	long long limit, offset, page, total, x;
	const char *done = rp_query(req, "done"), *v;
	size_t n;

	if (rp_ui_client_load(req, &c) != 0 ||
	    rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_estabs_filter(req, &f, false) != 0 ||
	    rp_estabs_list(req, &c, &f, limit, offset, &es, &n, &total) != 0)
		return -1;
	rp_ui_client_chrome(req, &c);
	long long *ids = rp_calloc(req->arena, n ? n : 1, sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		list_row(req, P("Estabs.%zu", i), &es[i]);
		ids[i] = es[i].id;
	}
	/* The external exposure column (feature monitoring, module
	 * external_scan) and the usage score column (feature feedback). */
	if (rp_ui_scan_estabs_column(req, &c, es, n) != 0 ||
	    rp_ui_usage_estab_column(req, &c, "Estabs", ids, n) != 0)
		return -1;
	if (HAS(PROFILE_READ))
		rp_set(req, "Page.read", "1");
	if (rp_estabs_may_create(req, &c))
		rp_set(req, "Page.may_create", "1");
	/* The filters, kept in the form and the pager's links. */
	rp_buf_init(&q, req->arena);
	if (f.q != NULL && *f.q != '\0') {
		rp_set(req, "Filter.q", f.q);
		rp_buf_printf(&q, "&q=%s", rp_url_arg_escape(req->arena, f.q));
		rp_set(req, "Filter.any", "1");
	}
	if (f.status != NULL) {
		rp_set(req, "Filter.status", f.status);
		rp_buf_printf(&q, "&status=%s", f.status);
		rp_set(req, "Filter.any", "1");
	}
	rp_set(req, "Page.base", P("/clients/%lld/establishments", c.id));
	rp_ui_pager(req, page, total, limit, q.len ? rp_buf_str(&q) + 1 : "");
	/* What an import just did, from the redirect's numbers. */
	if (done != NULL && strcmp(done, "imported") == 0)
		for (size_t i = 0; i < RP_NELEM(counts); i++)
			if ((v = rp_query(req, counts[i])) != NULL &&
			    rp_strtonum(v, 0, INT32_MAX, &x) == 0) {
				rp_setf(req, P("Imported.%s", counts[i]), "%lld", x);
				rp_set(req, "Imported.any", "1");
			}
	return rp_page(req, "establishments", "Lang.estabs.title");
}

/* The creation form: the name, the profile fields the caller may edit,
 * the plan with feature plan; `echo` keeps what was posted. */
static int
new_page(struct rp_req *req, const struct rp_client *c, bool echo)
{
	unsigned fields = req->user->profile_fields | (1u << RP_PF_NAME);
	const char *v;
	size_t k = 0;

	rp_ui_client_chrome(req, c);
	for (int i = 0; i < RP_PF__COUNT; i++) {
		if (!(fields & (1u << i)))
			continue;
		const char *key = rp_profile_field_key(i), *b = P("Fields.%zu", k++);
		rp_set(req, P("%s.key", b), key);
		rp_set(req, P("%s.type", b), input_type(i));
		rp_set(req, P("%s.value", b), echo ? rp_param(&req->form, key) : "");
		if (i == RP_PF_NAME)
			rp_set(req, P("%s.required", b), "1");
	}
	if (HAS(PLAN)) {
		rp_set(req, "Page.may_plan", "1");
		v = echo ? rp_param(&req->form, "plan") : NULL;
		rp_set(req, "Edit.plan", v && rp_enum_parse(&rp_plans, v) >= 0 ? v : c->plan);
	}
	rp_set(req, "Page.base", P("/clients/%lld/establishments", c->id));
	return rp_page(req, "establishment-new", "Lang.estabs.new");
}

int
rp_ui_estabs_new(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	if (!rp_estabs_may_create(req, &c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not create establishments for this client.");
	return new_page(req, &c, false);
}

int
rp_ui_estabs_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	/* Refused outright: there is no form to show again. */
	if (!rp_estabs_may_create(req, &c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not create establishments for this client.");
	if (rp_estabs_create(req, &c, &id) == 0)
		return rp_ui_done(req, P("/establishments/%lld", id), "estab_created");
	if (!rp_ui_take_error(req))
		return -1;
	return new_page(req, &c, true);
}

/* The profile: every field the caller may read, as an input when it may
 * edit it, else as text; suggestions, status actions and the plan as its
 * features allow. `echo` keeps what a refused form posted. */
static int
profile_page(struct rp_req *req, const struct rp_estab *e, bool echo)
{
	const struct rp_user *me = req->user;
	struct rp_client c;
	struct rp_suggestion *s;
	bool read = HAS(PROFILE_READ), any = false;
	unsigned editable = live(e) && HAS(PROFILE_EDIT) ? me->profile_fields : 0;
	size_t k, ns;

	if (load_client_of(req, e, &c) != 0)
		return -1;
	rp_ui_client_chrome(req, &c);
	rp_set(req, "Page.base", P("/clients/%lld/establishments", c.id));
	rp_setf(req, "Estab.id", "%lld", e->id);
	rp_set(req, "Estab.name", e->f[RP_PF_NAME]);
	rp_set(req, "Estab.status", e->status);
	rp_set(req, "Estab.plan", e->plan);
	if (e->merged_into) {
		struct rp_estab sv;
		int found = rp_estabs_get(req, e->merged_into, &sv);
		if (found < 0)
			return -1;
		rp_setf(req, "Estab.merged_into", "%lld", e->merged_into);
		if (found)
			rp_set(req, "Estab.merged_into_name", sv.f[RP_PF_NAME]);
		rp_set(req, "Estab.merged_at", e->merged_at);
	} else if (!live(e))
		rp_set(req, "Estab.closed", "1");
	if (read)
		rp_set(req, "Page.read", "1");
	k = 0;
	for (int i = 0; i < RP_PF__COUNT; i++) {
		if (i != RP_PF_NAME && !read)
			continue;
		const char *key = rp_profile_field_key(i), *b = P("Fields.%zu", k++);
		const char *v = e->f[i];
		bool edit = (editable & (1u << i)) != 0;
		if (edit && echo && rp_param(&req->form, key) != NULL)
			v = rp_param(&req->form, key);
		rp_set(req, P("%s.key", b), key);
		rp_set(req, P("%s.type", b), input_type(i));
		rp_set(req, P("%s.value", b), v);
		if (edit) {
			rp_set(req, P("%s.edit", b), "1");
			any = true;
		}
		if (i == RP_PF_NAME)
			rp_set(req, P("%s.required", b), "1");
	}
	if (any)
		rp_set(req, "Page.may_edit", "1");
	if (read) {
		/* Readers suggest values for the fields they may not edit. */
		k = 0;
		for (int i = 0; live(e) && i < RP_PF__COUNT; i++)
			if (!(me->profile_fields & (1u << i)))
				rp_set(req, P("Suggest.fields.%zu", k++), rp_profile_field_key(i));
		if (k > 0) {
			rp_set(req, "Page.may_suggest", "1");
			if (echo) {
				rp_set(req, "Suggest.field", rp_param(&req->form, "field"));
				rp_set(req, "Suggest.value", rp_param(&req->form, "value"));
			}
		}
		if (rp_suggestions_list(req, e, &s, &ns) != 0)
			return -1;
		k = 0;
		for (size_t i = 0; i < ns; i++) {
			int pf = rp_profile_field_parse(s[i].field);
			if (strcmp(s[i].status, "pending") != 0 || pf < 0)
				continue;
			const char *b = P("Suggestions.%zu", k++);
			rp_setf(req, P("%s.id", b), "%lld", s[i].id);
			rp_set(req, P("%s.field", b), s[i].field);
			rp_set(req, P("%s.value", b), s[i].value);
			rp_set(req, P("%s.by", b), s[i].by_name);
			rp_set(req, P("%s.at", b), s[i].created_at);
			if (editable & (1u << pf))
				rp_set(req, P("%s.decide", b), "1");
		}
	}
	/* Only the transitions the status machine allows from here. */
	k = 0;
	for (size_t i = 0; live(e) && HAS(PROFILE_STATUS) && i < rp_estab_actions.n; i++) {
		const char *a = rp_estab_actions.keys[i];
		if (rp_estabs_transition(a, e->status) != NULL)
			rp_set(req, P("Actions.%zu", k++), a);
	}
	if (live(e) && HAS(PLAN))
		rp_set(req, "Page.may_plan", "1");
	/* What is published to it: for holders of `publication` and the
	 * client's vCISOs. */
	if (HAS(PUBLICATION) || c.vciso) {
		long long total;
		struct json_object *pub = rp_publications_of_estab(req, e->id, PUBLISHED_ROWS, 0,
		    &total);
		if (pub == NULL)
			return -1;
		rp_set_json(req, "Publications", pub);
		json_object_put(pub);
		rp_setf(req, "Page.publications", "%lld", total);
	}
	/* External exposure (feature monitoring, module external_scan) and
	 * the usage diagnostic's feedback (feature feedback). */
	if (rp_ui_scan_estab_widget(req, &c, e->id) != 0 ||
	    rp_ui_usage_estab(req, &c, e->id) != 0)
		return -1;
	return rp_page(req, "establishment", "Lang.estabs.profile");
}

int
rp_ui_estab(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0)
		return -1;
	return profile_page(req, &e, false);
}

/* A profile form posted: done, or the page again with the error inline
 * (a refused change changed nothing). */
static int
after(struct rp_req *req, const struct rp_estab *e, int rc, const char *flash)
{
	if (rc == 0)
		return rp_ui_done(req, P("/establishments/%lld", e->id), flash);
	if (!rp_ui_take_error(req))
		return -1;
	return profile_page(req, e, true);
}

/* A resource published to the establishment, read-only: what an
 * establishment manager with `publication` reads of the Pilot. */
int
rp_ui_estab_publication(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_client c;
	struct json_object *o, *body;

	if (load_estab(req, req->args[0], &e) != 0 || load_client_of(req, &e, &c) != 0)
		return -1;
	if ((o = rp_publication_get(req, e.id, req->args[1])) == NULL)
		return -1;
	rp_ui_client_chrome(req, &c);
	rp_set_json(req, "Pub", o);
	json_object_object_get_ex(o, "body_html", &body);
	/* Rendered in safe mode: the one value a template prints unescaped. */
	rp_set(req, "Body.html", json_object_get_string(body));
	json_object_put(o);
	rp_setf(req, "Estab.id", "%lld", e.id);
	rp_set(req, "Estab.name", e.f[RP_PF_NAME]);
	rp_set(req, "Page.base", P("/clients/%lld/establishments", c.id));
	return rp_page(req, "publication", "Lang.publications.title");
}

int
rp_ui_estab_update(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0)
		return -1;
	return after(req, &e, rp_estabs_update(req, &e), "saved");
}

int
rp_ui_estab_status(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0)
		return -1;
	return after(req, &e, rp_estabs_status(req, &e), "status_changed");
}

int
rp_ui_estab_plan(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0)
		return -1;
	return after(req, &e, rp_estabs_plan(req, &e), "plan_changed");
}

int
rp_ui_estab_suggest(struct rp_req *req)
{
	struct rp_estab e;
	long long id;

	if (load_estab(req, req->args[0], &e) != 0)
		return -1;
	return after(req, &e, rp_suggestions_create(req, &e, &id), "suggested");
}

static int
decide(struct rp_req *req, bool accept)
{
	struct rp_suggestion s;
	struct rp_estab e;
	int rc = rp_suggestions_get(req, req->args[0], &s);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such suggestion.");
	rc = rp_suggestions_decide(req, &s, accept);
	if (rc != 0 && !rp_ui_take_error(req))
		return -1;
	if (load_estab(req, s.establishment_id, &e) != 0)
		return -1;
	if (rc == 0)
		return rp_ui_done(req, P("/establishments/%lld", e.id),
		    accept ? "accepted" : "rejected");
	return profile_page(req, &e, false);
}

int
rp_ui_suggestion_accept(struct rp_req *req)
{
	return decide(req, true);
}

int
rp_ui_suggestion_reject(struct rp_req *req)
{
	return decide(req, false);
}

/* Likely duplicates, a page of groups at a time, and the removed ones. */
static int
dup_page(struct rp_req *req, const struct rp_client *c)
{
	struct rp_dup_group *g;
	struct rp_estab *rm, sv;
	long long limit, offset, page;
	size_t ng, nr;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_estabs_duplicates(req, c, &g, &ng) != 0 ||
	    rp_estabs_removed(req, c, &rm, &nr) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	if (HAS(PROFILE_READ))
		rp_set(req, "Page.read", "1");
	for (size_t i = (size_t)offset, k = 0; i < ng && i < (size_t)(offset + limit); i++, k++) {
		const char *b = P("Groups.%zu", k);
		rp_set(req, P("%s.reason", b), g[i].reason);
		rp_setf(req, P("%s.number", b), "%zu", i + 1);
		for (size_t j = 0; j < g[i].n; j++)
			list_row(req, P("%s.items.%zu", b, j), &g[i].items[j]);
	}
	/* The survivor's name, looked up once per survivor. */
	long long *seen = rp_calloc(req->arena, nr ? nr : 1, sizeof(*seen));
	const char **names = rp_calloc(req->arena, nr ? nr : 1, sizeof(*names));
	size_t nseen = 0;
	for (size_t i = 0; i < nr; i++) {
		const char *b = P("Removed.%zu", i), *into = NULL;
		rp_setf(req, P("%s.id", b), "%lld", rm[i].id);
		rp_set(req, P("%s.name", b), rm[i].f[RP_PF_NAME]);
		rp_setf(req, P("%s.into", b), "%lld", rm[i].merged_into);
		rp_set(req, P("%s.at", b), rm[i].merged_at);
		for (size_t j = 0; j < nseen && into == NULL; j++)
			if (seen[j] == rm[i].merged_into)
				into = names[j];
		if (into == NULL) {
			int found = rp_estabs_get(req, rm[i].merged_into, &sv);
			if (found < 0)
				return -1;
			into = found ? sv.f[RP_PF_NAME] : "";
			seen[nseen] = rm[i].merged_into;
			names[nseen++] = into;
		}
		rp_set(req, P("%s.into_name", b), into);
	}
	rp_set(req, "Page.base", P("/clients/%lld/duplicates", c->id));
	rp_ui_pager(req, page, (long long)ng, limit, "");
	return rp_page(req, "duplicates", "Lang.estabs.dup_title");
}

int
rp_ui_duplicates(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	return dup_page(req, &c);
}

int
rp_ui_estab_merge(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_client c;
	long long survivor;

	if (load_estab(req, req->args[0], &e) != 0)
		return -1;
	if (rp_estabs_merge(req, &e, &survivor) == 0)
		return rp_ui_done(req, P("/clients/%lld/duplicates", e.client_id), "merged");
	if (!rp_ui_take_error(req))
		return -1;
	if (load_client_of(req, &e, &c) != 0)
		return -1;
	return dup_page(req, &c);
}

/* The directory page: export, the upload form when the caller may import,
 * and the report of a refused file. */
static int
dir_page(struct rp_req *req, const struct rp_client *c, const struct rp_import_report *rep)
{
	struct rp_buf cols;

	rp_ui_client_chrome(req, c);
	if (rp_estabs_may_create(req, c))
		rp_set(req, "Page.may_import", "1");
	rp_buf_init(&cols, req->arena);
	for (int i = 0; i < RP_PF__COUNT; i++)
		rp_buf_printf(&cols, "%s;", rp_profile_field_key(i));
	rp_buf_puts(&cols, "status;plan");
	rp_set(req, "Format.columns", rp_buf_str(&cols));
	if (rep != NULL) {
		rp_setf(req, "Report.created", "%lld", rep->created);
		rp_setf(req, "Report.updated", "%lld", rep->updated);
		rp_setf(req, "Report.unchanged", "%lld", rep->unchanged);
		rp_setf(req, "Report.rejected", "%zu", rep->nrejected);
		for (size_t i = 0; i < rep->nrejected && i < REPORT_ROWS; i++) {
			const struct rp_import_reject *r = &rep->rejected[i];
			const char *b = P("Report.rows.%zu", i);
			rp_setf(req, P("%s.line", b), "%zu", r->line);
			rp_set(req, P("%s.field", b), r->field);
			rp_set(req, P("%s.code", b), r->code);
			rp_set(req, P("%s.reason", b), r->reason);
		}
		if (rep->nrejected > REPORT_ROWS)
			rp_setf(req, "Report.more", "%zu", rep->nrejected - REPORT_ROWS);
	}
	return rp_page(req, "directory", "Lang.estabs.dir_title");
}

int
rp_ui_directory(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	return dir_page(req, &c, NULL);
}

int
rp_ui_directory_import(struct rp_req *req)
{
	struct rp_client c;
	struct rp_import_report rep;
	const char *text = NULL;
	size_t len = 0;
	int rc;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	/* The multipart parser gives the file's bytes as the field's value. */
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, "file") == 0) {
			text = req->form.v[i].val;
			len = req->form.v[i].len;
		}
	if (text == NULL || len == 0) {
		rp_fail(req, 400, "required", "file", "Choose a CSV file to import.");
		rp_ui_take_error(req);
		return dir_page(req, &c, NULL);
	}
	if ((rc = rp_directory_import(req, &c, text, len, &rep)) < 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return dir_page(req, &c, NULL);
	}
	if (rc == 1) {
		/* All or nothing: the page again, with the report. */
		rp_fail(req, 400, "import_rejected", "file",
		    "Some rows were rejected, so nothing was imported.");
		rp_ui_take_error(req);
		return dir_page(req, &c, &rep);
	}
	return rp_ui_done(req, P("/clients/%lld/establishments?created=%lld&updated=%lld"
	    "&unchanged=%lld", c.id, rep.created, rep.updated, rep.unchanged), "imported");
}

int
rp_ui_directory_export(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	req->resp.body.len = 0;
	if (rp_directory_export(req, &c, &req->resp.body) != 0)
		return -1;
	req->resp.status = 200;
	req->resp.ctype = "text/csv; charset=utf-8";
	rp_resp_header(req, "Content-Disposition", rp_printf(req->arena,
	    "attachment; filename=\"establishments-%lld.csv\"", c.id));
	return 0;
}
