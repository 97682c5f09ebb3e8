/* API routes of the support area (/api/v1/admin/...), of setup links
 * (/api/v1/setup) and the firm side of billing history. */
#include <string.h>

#include <json.h>

#include "admin.h"
#include "api-admin.h"
#include "api-auth.h"
#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "response.h"
#include "session.h"
#include "setup.h"
#include "statement.h"
#include "users.h"
#include "util.h"

int
rp_api_admin_firms(struct rp_req *req)
{
	long long limit, offset, total;
	const char *q = rp_query(req, "q");

	if (rp_api_page(req, &limit, &offset) != 0)
		return -1;
	if (q != NULL && strlen(q) > 200)
		return rp_fail(req, 400, "too_long", "q", "The search is too long.");
	struct json_object *items = rp_admin_firms(req, q, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_admin_firm_create(struct rp_req *req)
{
	struct json_object *o;

	if (rp_admin_firm_create(req, &o) != 0)
		return -1;
	rp_resp_json(req, 201, o);
	return 0;
}

int
rp_api_admin_setup_link(struct rp_req *req)
{
	struct json_object *o;

	if (rp_admin_setup_link(req, req->args[0], &o) != 0)
		return -1;
	rp_resp_json(req, 201, o);
	return 0;
}

int
rp_api_admin_clients(struct rp_req *req)
{
	long long limit, offset, total;

	if (rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_admin_clients(req, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_admin_client(struct rp_req *req)
{
	struct json_object *o;

	if (rp_admin_client(req, req->args[0], NULL, &o) != 0)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_admin_billing(struct rp_req *req)
{
	if (rp_admin_billing_change(req, req->args[0]) != 0)
		return -1;
	return rp_api_admin_client(req);
}

/* ?name= as a positive id, 0 when absent; -1 after a 400 naming it. */
static int
query_id(struct rp_req *req, const char *name, long long *id)
{
	const char *v = rp_query(req, name);

	*id = 0;
	if (v == NULL || *v == '\0')
		return 0;
	if (rp_strtonum(v, 1, 1LL << 53, id) != 0)
		return rp_fail(req, 400, "invalid", name, "This must be an id.");
	return 0;
}

int
rp_api_admin_billing_changes(struct rp_req *req)
{
	long long limit, offset, total, firm, client;

	if (rp_api_page(req, &limit, &offset) != 0 || query_id(req, "firm_id", &firm) != 0 ||
	    query_id(req, "client_id", &client) != 0)
		return -1;
	struct json_object *items = rp_billing_changes(req, firm, client, NULL, limit,
	    offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_admin_statement(struct rp_req *req)
{
	struct json_object *o = rp_statement(req, rp_query(req, "month"));

	if (o == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_admin_statement_csv(struct rp_req *req)
{
	const char *month = rp_query(req, "month");

	req->resp.body.len = 0;
	if (rp_statement_csv(req, month, &req->resp.body) != 0)
		return -1;
	req->resp.status = 200;
	req->resp.ctype = "text/csv; charset=utf-8";
	rp_resp_header(req, "Content-Disposition", rp_printf(req->arena,
	    "attachment; filename=\"statement-%s.csv\"", month));
	return 0;
}

int
rp_api_client_billing_changes(struct rp_req *req)
{
	struct rp_client c;
	long long limit, offset, total;
	int found;

	if ((found = rp_clients_get(req, req->args[0], &c)) <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL, "No such client.");
	if (req->user->role != RP_ROLE_ADMIN)
		return rp_fail(req, 403, "forbidden", NULL,
		    "Only the firm's admins read its billing history.");
	if (rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_billing_changes(req, c.firm_id, c.id, NULL, limit,
	    offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_setup(struct rp_req *req)
{
	const char *token, *csrf, *email;
	long long uid;
	struct rp_user_rec rec;

	if (req->json == NULL)
		return rp_fail(req, 400, "invalid_json", "body",
		    "Send a JSON object with token and password.");
	if (rp_in_text(req, "token", RP_MAX_TOKEN, true, &token) < 0 ||
	    rp_setup_redeem(req, token, &uid, &email) != 0 ||
	    rp_setup_login(req, email, &csrf) != 0)
		return -1;
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "user", rp_users_get(req, uid, &rec) == 1 ?
	    rp_user_json(req, &rec) : NULL);
	rp_jadd(o, "csrf_token", json_object_new_string(csrf));
	if (req->user->mfa_enrollment_required)
		rp_jadd(o, "mfa_enrollment_required", json_object_new_boolean(1));
	rp_resp_json(req, 201, o);
	return 0;
}
