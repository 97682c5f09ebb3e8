/* Risk analysis pages: the steps (a list and a creation form each), an
 * edit page per item, a scenario's decisions (retain, discard, update its
 * risk) and the summary. They show the JSON of risk-analysis.c (the API's
 * answers) through rp_set_json, and every route first checks the client
 * (scope 404, vCISO 403, module 404). */
#include <stdbool.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "clients.h"
#include "enums.h"
#include "request.h"
#include "risk-analysis.h"
#include "tmpl.h"
#include "ui-clients.h"
#include "ui-risk-analysis.h"
#include "ui-shared.h"
#include "util.h"

#define P(...)	rp_printf(req->arena, __VA_ARGS__)
#define BIT(k)	(1u << (k))

/* What each step's list shows, and whose names its list and forms need. */
static const char *const business_cols[] = { "id", "name", "owner", "supporting_asset_ids",
	"scenario_count" };
static const char *const supporting_cols[] = { "id", "name", "type", "business_asset_ids",
	"scenario_count" };
static const char *const threat_cols[] = { "id", "name", "resources", "motivation",
	"scenario_count" };
static const char *const scenario_cols[] = { "id", "title", "threat_source_name",
	"business_asset_name", "score", "level", "status", "risk_id", "risk_differs" };
static const struct {
	const char *const	*cols;
	size_t			 ncols;
	unsigned		 names;		/* BIT(kind) */
} steps[RP_RA__KINDS] = {
	[RP_RA_BUSINESS] = { business_cols, RP_NELEM(business_cols), BIT(RP_RA_SUPPORTING) },
	[RP_RA_SUPPORTING] = { supporting_cols, RP_NELEM(supporting_cols), BIT(RP_RA_BUSINESS) },
	[RP_RA_THREAT] = { threat_cols, RP_NELEM(threat_cols), 0 },
	[RP_RA_SCENARIO] = { scenario_cols, RP_NELEM(scenario_cols),
	    BIT(RP_RA_THREAT) | BIT(RP_RA_BUSINESS) | BIT(RP_RA_SUPPORTING) },
};

/* The client chrome, the steps indicator (RA.counts.*) on `step` (a kind
 * key, or "summary") and Kind.* of kind (-1: none). */
static int
chrome(struct rp_req *req, const struct rp_client *c, int kind)
{
	struct rp_ra_counts n;

	rp_ui_client_chrome(req, c);
	if (rp_ra_count(req, c, &n) != 0)
		return -1;
	for (int k = 0; k < RP_RA__KINDS; k++)
		rp_setf(req, P("RA.counts.%s", rp_ra_kind_key(k)), "%lld", n.items[k]);
	for (int s = 0; s < 3; s++)
		rp_setf(req, P("RA.counts.%s", rp_enum_key(&rp_ra_statuses, s)), "%lld",
		    n.scenarios[s]);
	rp_set(req, "RA.base", P("/clients/%lld/risk-analysis", c->id));
	if (kind >= 0) {
		rp_set(req, "Kind.key", rp_ra_kind_key(kind));
		rp_set(req, "Kind.path", rp_ra_kind_path(kind));
	}
	return 0;
}

/* Choices.<key> (id, name) and Names.<key>.<id> of the kinds in mask. */
static int
names(struct rp_req *req, const struct rp_client *c, unsigned mask)
{
	for (int k = 0; k < RP_RA__KINDS; k++) {
		if (!(mask & BIT(k)))
			continue;
		struct json_object *a = rp_ra_choices(req, k, c), *id, *name;
		if (a == NULL)
			return -1;
		const char *key = rp_ra_kind_key(k);
		rp_set_json(req, P("Choices.%s", key), a);
		for (size_t i = 0; i < json_object_array_length(a); i++) {
			struct json_object *o = json_object_array_get_idx(a, i);
			if (json_object_object_get_ex(o, "id", &id) &&
			    json_object_object_get_ex(o, "name", &name))
				rp_set(req, P("Names.%s.%s", key, json_object_get_string(id)),
				    json_object_get_string(name));
		}
		json_object_put(a);
	}
	return 0;
}

/* Form.* from what was posted, after a refusal: the kind's fields only,
 * and its checked links as Form.sel.<id>. */
static void
form_echo(struct rp_req *req, int kind)
{
	const char *f, *links = rp_ra_links_key(kind);
	long long id;

	for (size_t i = 0; (f = rp_ra_field_name(kind, i)) != NULL; i++)
		rp_set(req, P("Form.%s", f), rp_param(&req->form, f));
	for (size_t i = 0; links != NULL && i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, links) == 0 &&
		    rp_strtonum(req->form.v[i].val, 1, 1LL << 53, &id) == 0)
			rp_set(req, P("Form.sel.%lld", id), "1");
}

/* The page of a step: its list and its creation form (echoing what was
 * posted after a refusal). */
static int
step_page(struct rp_req *req, int kind, const struct rp_client *c, bool echo)
{
	struct rp_ra_filter f;
	long long limit, offset, page, total;
	const char *base = P("/clients/%lld/risk-analysis/%s", c->id, rp_ra_kind_path(kind));

	if (chrome(req, c, kind) != 0 || names(req, c, steps[kind].names) != 0 ||
	    rp_ra_filter(req, kind, &f, false) != 0 ||
	    rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_ra_list(req, kind, c, &f, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json_rows(req, "Items", items, steps[kind].cols, steps[kind].ncols);
	json_object_put(items);
	rp_set(req, "Filter.status", f.status);
	rp_set(req, "Page.base", base);
	rp_set(req, "Form.action", base);
	if (echo)
		form_echo(req, kind);
	rp_ui_pager(req, page, total, limit, f.status ? P("status=%s", f.status) : "");
	return rp_page(req, "ra-step", P("Lang.ra.%s.title", rp_ra_kind_key(kind)));
}

/* The edit page of item args[0]: its fields (echoed after a refusal, else
 * as stored) and, for a scenario, its decisions and its risk. */
static int
edit_page(struct rp_req *req, int kind, const struct rp_client *c, bool echo)
{
	struct json_object *o, *v;
	const char *links = rp_ra_links_key(kind);

	if (chrome(req, c, kind) != 0 || names(req, c, steps[kind].names) != 0 ||
	    (o = rp_ra_get(req, kind, c, req->args[0])) == NULL)
		return -1;
	rp_set_json(req, "Item", o);
	if (echo) {
		form_echo(req, kind);
	} else {
		const char *f;
		for (size_t i = 0; (f = rp_ra_field_name(kind, i)) != NULL; i++)
			if (json_object_object_get_ex(o, f, &v))
				rp_set(req, P("Form.%s", f), json_object_get_string(v));
		if (links != NULL && json_object_object_get_ex(o, links, &v))
			for (size_t i = 0; i < json_object_array_length(v); i++)
				rp_set(req, P("Form.sel.%s", json_object_get_string(
				    json_object_array_get_idx(v, i))), "1");
	}
	json_object_put(o);
	rp_set(req, "Page.base", P("/clients/%lld/risk-analysis/%s", c->id,
	    rp_ra_kind_path(kind)));
	rp_set(req, "Form.action", P("/%s/%lld", rp_ra_kind_path(kind), req->args[0]));
	return rp_page(req, "ra-item", P("Lang.ra.%s.edit", rp_ra_kind_key(kind)));
}

static int
list(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_client(req, req->args[0], &c) != 0)
		return -1;
	return step_page(req, kind, &c, false);
}

static int
create(struct rp_req *req, int kind)
{
	struct rp_client c;
	long long id;

	if (rp_ra_client(req, req->args[0], &c) != 0)
		return -1;
	if (rp_ra_create(req, kind, &c, &id) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return step_page(req, kind, &c, true);
	}
	return rp_ui_done(req, P("/clients/%lld/risk-analysis/%s", c.id, rp_ra_kind_path(kind)),
	    "ra_created");
}

static int
edit(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_item_client(req, kind, req->args[0], &c) != 0)
		return -1;
	return edit_page(req, kind, &c, false);
}

static int
update(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_item_client(req, kind, req->args[0], &c) != 0)
		return -1;
	if (rp_ra_update(req, kind, &c, req->args[0]) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return edit_page(req, kind, &c, true);
	}
	return rp_ui_done(req, P("/%s/%lld", rp_ra_kind_path(kind), req->args[0]), "ra_saved");
}

static int
delete(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_item_client(req, kind, req->args[0], &c) != 0)
		return -1;
	if (rp_ra_delete(req, kind, &c, req->args[0]) != 0) {
		/* In use, or retained: the page again, saying why. */
		if (!rp_ui_take_error(req))
			return -1;
		return edit_page(req, kind, &c, false);
	}
	return rp_ui_done(req, P("/clients/%lld/risk-analysis/%s", c.id, rp_ra_kind_path(kind)),
	    "ra_deleted");
}

#define KIND(name, kind) \
	int rp_ui_ra_##name##_list(struct rp_req *req) { return list(req, kind); } \
	int rp_ui_ra_##name##_create(struct rp_req *req) { return create(req, kind); } \
	int rp_ui_ra_##name##_edit(struct rp_req *req) { return edit(req, kind); } \
	int rp_ui_ra_##name##_update(struct rp_req *req) { return update(req, kind); } \
	int rp_ui_ra_##name##_delete(struct rp_req *req) { return delete(req, kind); }
KIND(business, RP_RA_BUSINESS)
KIND(supporting, RP_RA_SUPPORTING)
KIND(threat, RP_RA_THREAT)
KIND(scenario, RP_RA_SCENARIO)
#undef KIND

/* A scenario's decision (retain, discard, sync: verb -1), then its page. */
static int
decide(struct rp_req *req, int verb, const char *flash)
{
	struct rp_client c;
	int rc;

	if (rp_ra_item_client(req, RP_RA_SCENARIO, req->args[0], &c) != 0)
		return -1;
	rc = verb < 0 ? rp_ra_sync(req, &c, req->args[0]) :
	    rp_ra_act(req, &c, req->args[0], verb);
	if (rc != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return edit_page(req, RP_RA_SCENARIO, &c, false);
	}
	return rp_ui_done(req, P("/scenarios/%lld", req->args[0]), flash);
}

int
rp_ui_ra_retain(struct rp_req *req)
{
	return decide(req, RP_RA_RETAIN, "ra_retained");
}

int
rp_ui_ra_discard(struct rp_req *req)
{
	return decide(req, RP_RA_DISCARD, "ra_discarded");
}

int
rp_ui_ra_sync(struct rp_req *req)
{
	return decide(req, -1, "ra_synced");
}

int
rp_ui_ra_summary(struct rp_req *req)
{
	static const char *const cols[] = { "id", "title", "threat_source_name",
		"business_asset_name", "score", "level", "risk", "risk_differs" };
	struct rp_client c;
	struct rp_ra_filter f = { .status = "retained" };
	long long limit, offset, page, total;

	if (rp_ra_client(req, req->args[0], &c) != 0 || chrome(req, &c, -1) != 0 ||
	    rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_ra_list(req, RP_RA_SCENARIO, &c, &f, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json_rows(req, "Retained", items, cols, RP_NELEM(cols));
	json_object_put(items);
	rp_ui_pager(req, page, total, limit, "");
	return rp_page(req, "risk-analysis", "Lang.ra.title");
}
