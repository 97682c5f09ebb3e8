/* API routes of the action plan. A client's actions open to its declared
 * vCISOs (403 for others in scope, 404 out of scope); an action answers
 * 404 when its client is out of the caller's scope. */
#include <json.h>

#include "actions.h"
#include "api-actions.h"
#include "api-auth.h"
#include "api-pilot.h"
#include "clients.h"
#include "request.h"
#include "response.h"

/* The action as it now is, with `status`. */
static int
action_answer(struct rp_req *req, const struct rp_client *c, long long id, int status)
{
	struct json_object *o = rp_action_get(req, c, id);

	if (o == NULL)
		return -1;
	rp_resp_json(req, status, o);
	return 0;
}

int
rp_api_client_actions(struct rp_req *req)
{
	struct rp_client c;
	struct rp_action_filter f;
	long long limit, offset, total;

	if (rp_api_pilot_client(req, &c) != 0 || rp_api_page(req, &limit, &offset) != 0 ||
	    rp_actions_filter(req, &f, true) != 0)
		return -1;
	struct json_object *items = rp_actions_list(req, &c, &f, limit, offset, &total);
	return rp_api_list(req, items, total);
}

/* The plan as a file, filtered like the list (app/export.h). */
static int
actions_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;
	struct rp_action_filter f;

	if (rp_api_pilot_client(req, &c) != 0 || rp_actions_filter(req, &f, true) != 0)
		return -1;
	return rp_actions_export(req, &c, &f, fmt);
}

int
rp_api_client_actions_csv(struct rp_req *req)
{
	return actions_export(req, RP_EXPORT_CSV);
}

int
rp_api_client_actions_xlsx(struct rp_req *req)
{
	return actions_export(req, RP_EXPORT_XLSX);
}

int
rp_api_client_action_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_api_pilot_client(req, &c) != 0 || rp_actions_create(req, &c, &id) != 0)
		return -1;
	return action_answer(req, &c, id, 201);
}

int
rp_api_action_get(struct rp_req *req)
{
	struct rp_client c;

	if (rp_action_client(req, req->args[0], &c) != 0)
		return -1;
	return action_answer(req, &c, req->args[0], 200);
}

int
rp_api_action_patch(struct rp_req *req)
{
	struct rp_client c;

	if (rp_action_client(req, req->args[0], &c) != 0 ||
	    rp_actions_update(req, &c, req->args[0]) != 0)
		return -1;
	return action_answer(req, &c, req->args[0], 200);
}

int
rp_api_action_delete(struct rp_req *req)
{
	struct rp_client c;

	if (rp_action_client(req, req->args[0], &c) != 0 ||
	    rp_actions_delete(req, &c, req->args[0]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}
