/* API routes of clients, teams, establishments and suggestions. The rules
 * live in clients.c, establishments.c and suggestions.c; these handlers
 * load what the path names in the caller's scope (404 otherwise), call
 * them and shape the answer. */
#include <string.h>

#include <json.h>

#include "actions.h"
#include "api-auth.h"
#include "api-clients.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "compliance.h"
#include "directory.h"
#include "enums.h"
#include "establishments.h"
#include "json.h"
#include "jsonw.h"
#include "pilot.h"
#include "request.h"
#include "resources.h"
#include "response.h"
#include "risks.h"
#include "suggestions.h"
#include "util.h"

/* The client named by the path's first id, in scope, or a 404. */
static int
load_client(struct rp_req *req, struct rp_client *c)
{
	int found = rp_clients_get(req, req->args[0], c);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such client.");
}

static int
load_estab(struct rp_req *req, long long id, struct rp_estab *e)
{
	int found = rp_estabs_get(req, id, e);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such establishment.");
}

/* Answer the client the path names, as it is now. */
static int
client_answer(struct rp_req *req, int status)
{
	struct rp_client c;

	if (load_client(req, &c) != 0)
		return -1;
	struct rp_jw w;

	rp_resp_json_begin(req, status, &w);
	rp_client_write(&w, &c);
	rp_resp_json_end(req);
	return 0;
}

int
rp_api_clients_list(struct rp_req *req)
{
	struct rp_client_filter f;
	struct rp_client *cs;
	long long limit, offset, total;
	size_t n;

	if (rp_api_page(req, &limit, &offset) != 0 ||
	    rp_clients_filter(req, &f, true) != 0 ||
	    rp_clients_list(req, &f, limit, offset, &cs, &n, &total) != 0)
		return -1;
	struct rp_jw w;

	rp_api_list_open(req, &w);
	for (size_t i = 0; i < n; i++)
		rp_client_write(&w, &cs[i]);
	rp_api_list_close(req, &w, total);
	return 0;
}

int
rp_api_clients_get(struct rp_req *req)
{
	return client_answer(req, 200);
}

int
rp_api_clients_create(struct rp_req *req)
{
	long long id;

	if (rp_clients_create(req, &id) != 0)
		return -1;
	req->args[0] = id;
	return client_answer(req, 201);
}

int
rp_api_clients_patch(struct rp_req *req)
{
	struct rp_client c;

	if (load_client(req, &c) != 0 || rp_clients_update(req, &c) != 0)
		return -1;
	return client_answer(req, 200);
}

int
rp_api_clients_plan(struct rp_req *req)
{
	struct rp_client c;

	if (load_client(req, &c) != 0 || rp_clients_plan(req, &c) != 0)
		return -1;
	return client_answer(req, 200);
}

int
rp_api_clients_vcisos(struct rp_req *req)
{
	struct rp_client c;

	if (load_client(req, &c) != 0 || rp_clients_set_vcisos(req, &c) != 0)
		return -1;
	return client_answer(req, 200);
}

int
rp_api_clients_pilot(struct rp_req *req)
{
	struct rp_client c;
	struct rp_pilot_figures f;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 || rp_pilot_figures(req, &c, &f) != 0)
		return -1;
	struct json_object *activity = rp_audit_of_client(req, c.firm_id, c.id, NULL,
	    10, 0, NULL);
	struct json_object *fws = activity ? rp_compliance_summary(req, &c) : NULL;
	if (fws == NULL) {
		json_object_put(activity);
		json_object_put(f.docs);
		return -1;
	}
	/* Risk maps are heat_map[impact - 1][likelihood - 1]. */
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "client_id", json_object_new_int64(c.id));
	rp_jadd(o, "frameworks", fws);
	rp_jadd(o, "risks", rp_risk_heat_json(&f.heat));
	rp_jadd(o, "actions", rp_actions_figures_json(f.open, f.done, f.overdue));
	rp_jadd(o, "resources", f.docs);
	rp_jadd(o, "modules", rp_json_key_list(c.modules));
	rp_jadd(o, "recent_activity", activity);
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_clients_audit(struct rp_req *req)
{
	struct rp_client c;
	long long limit, offset, total;

	if (load_client(req, &c) != 0 || rp_api_page(req, &limit, &offset) != 0)
		return -1;
	if (req->user->role != RP_ROLE_ADMIN && !c.vciso)
		return rp_fail(req, 403, "forbidden", NULL,
		    "Only admins and the client's vCISOs read its audit log.");
	struct json_object *items = rp_audit_of_client(req, c.firm_id, c.id, NULL,
	    limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_api_list(req, items, total);
	return 0;
}

int
rp_api_estabs_list(struct rp_req *req)
{
	struct rp_client c;
	struct rp_estab_filter f;
	struct rp_estab *es;
	long long limit, offset, total;
	size_t n;

	if (load_client(req, &c) != 0 || rp_api_page(req, &limit, &offset) != 0 ||
	    rp_estabs_filter(req, &f, true) != 0 ||
	    rp_estabs_list(req, &c, &f, limit, offset, &es, &n, &total) != 0)
		return -1;
	struct json_object *items = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(items, rp_estab_json(req, &es[i]));
	rp_api_list(req, items, total);
	return 0;
}

static int
estab_answer(struct rp_req *req, long long id, int status)
{
	struct rp_estab e;

	if (load_estab(req, id, &e) != 0)
		return -1;
	rp_resp_json(req, status, rp_estab_json(req, &e));
	return 0;
}

int
rp_api_estabs_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (load_client(req, &c) != 0 || rp_estabs_create(req, &c, &id) != 0)
		return -1;
	return estab_answer(req, id, 201);
}

int
rp_api_estabs_get(struct rp_req *req)
{
	return estab_answer(req, req->args[0], 200);
}

int
rp_api_estabs_patch(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0 || rp_estabs_update(req, &e) != 0)
		return -1;
	return estab_answer(req, e.id, 200);
}

int
rp_api_estabs_status(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0 || rp_estabs_status(req, &e) != 0)
		return -1;
	return estab_answer(req, e.id, 200);
}

int
rp_api_estabs_plan(struct rp_req *req)
{
	struct rp_estab e;

	if (load_estab(req, req->args[0], &e) != 0 || rp_estabs_plan(req, &e) != 0)
		return -1;
	return estab_answer(req, e.id, 200);
}

int
rp_api_estabs_merge(struct rp_req *req)
{
	struct rp_estab e;
	long long survivor;

	if (load_estab(req, req->args[0], &e) != 0 ||
	    rp_estabs_merge(req, &e, &survivor) != 0)
		return -1;
	return estab_answer(req, survivor, 200);
}

int
rp_api_clients_duplicates(struct rp_req *req)
{
	struct rp_client c;
	struct rp_dup_group *g;
	struct rp_estab *removed;
	size_t ng, nr;
	long long limit, offset;

	if (load_client(req, &c) != 0 || rp_api_page(req, &limit, &offset) != 0 ||
	    rp_estabs_duplicates(req, &c, &g, &ng) != 0 ||
	    rp_estabs_removed(req, &c, &removed, &nr) != 0)
		return -1;
	struct json_object *o = json_object_new_object(), *items = json_object_new_array(),
	    *rm = json_object_new_array();
	for (size_t i = (size_t)offset; i < ng && i < (size_t)(offset + limit); i++) {
		struct json_object *grp = json_object_new_object(), *arr =
		    json_object_new_array();
		for (size_t j = 0; j < g[i].n; j++)
			json_object_array_add(arr, rp_estab_json(req, &g[i].items[j]));
		rp_jadd(grp, "reason", json_object_new_string(g[i].reason));
		rp_jadd(grp, "establishments", arr);
		json_object_array_add(items, grp);
	}
	for (size_t i = 0; i < nr; i++)
		json_object_array_add(rm, rp_estab_json(req, &removed[i]));
	rp_jadd(o, "items", items);
	rp_jadd(o, "total", json_object_new_int64((long long)ng));
	rp_jadd(o, "removed", rm);
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_suggestions_list(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_suggestion *s;
	size_t n;

	if (load_estab(req, req->args[0], &e) != 0 ||
	    rp_suggestions_list(req, &e, &s, &n) != 0)
		return -1;
	struct json_object *items = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(items, rp_suggestion_json(&s[i]));
	rp_api_list(req, items, (long long)n);
	return 0;
}

static int
load_suggestion(struct rp_req *req, long long id, struct rp_suggestion *s)
{
	int found = rp_suggestions_get(req, id, s);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such suggestion.");
}

int
rp_api_suggestions_create(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_suggestion s;
	long long id;

	if (load_estab(req, req->args[0], &e) != 0 ||
	    rp_suggestions_create(req, &e, &id) != 0 || load_suggestion(req, id, &s) != 0)
		return -1;
	rp_resp_json(req, 201, rp_suggestion_json(&s));
	return 0;
}

static int
decide(struct rp_req *req, bool accept)
{
	struct rp_suggestion s;

	if (load_suggestion(req, req->args[0], &s) != 0 ||
	    rp_suggestions_decide(req, &s, accept) != 0 ||
	    load_suggestion(req, s.id, &s) != 0)
		return -1;
	rp_resp_json(req, 200, rp_suggestion_json(&s));
	return 0;
}

int
rp_api_suggestions_accept(struct rp_req *req)
{
	return decide(req, true);
}

int
rp_api_suggestions_reject(struct rp_req *req)
{
	return decide(req, false);
}

int
rp_api_directory_export(struct rp_req *req)
{
	struct rp_client c;

	if (load_client(req, &c) != 0)
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

int
rp_api_directory_import(struct rp_req *req)
{
	struct rp_client c;
	struct rp_import_report rep;
	int rc;

	if (load_client(req, &c) != 0)
		return -1;
	if (req->csv == NULL)
		return rp_fail(req, 400, "required", "file",
		    "Send the directory as a text/csv body.");
	if ((rc = rp_directory_import(req, &c, req->csv, req->csv_len, &rep)) < 0)
		return -1;
	struct json_object *o = rp_import_report_json(&rep);
	if (rc == 1) {
		/* The error of SPEC §4, with the report beside it. */
		struct json_object *e = json_object_new_object();
		rp_jadd(e, "code", json_object_new_string("import_rejected"));
		rp_jadd(e, "message", json_object_new_string(
		    "Some rows were rejected, so nothing was imported; see the report."));
		rp_jadd(e, "field", json_object_new_string("file"));
		rp_jadd(o, "error", e);
	}
	rp_resp_json(req, rc == 1 ? 400 : 200, o);
	return 0;
}
