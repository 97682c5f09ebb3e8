/* API routes of the risk register. The client of the path, or of the
 * risk, must be in the caller's scope (404) and the caller declared its
 * vCISO (403), as everywhere in the Pilot space. */
#include <json.h>

#include "api-auth.h"
#include "api-risks.h"
#include "clients.h"
#include "request.h"
#include "response.h"
#include "risks.h"
#include "util.h"

/* Answer risk `id` of c as it now is, with status. */
static int
risk_answer(struct rp_req *req, const struct rp_client *c, long long id, int status)
{
	struct json_object *o = rp_risk_get(req, c, id);

	if (o == NULL)
		return -1;
	rp_resp_json(req, status, o);
	return 0;
}

int
rp_api_client_risks(struct rp_req *req)
{
	struct rp_client c;
	struct rp_risk_filter f;
	long long limit, offset, total;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 || rp_risks_filter(req, &f) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_risks_list(req, &c, &f, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_client_risk_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 || rp_risks_create(req, &c, &id) != 0)
		return -1;
	return risk_answer(req, &c, id, 201);
}

int
rp_api_risk(struct rp_req *req)
{
	struct rp_client c;

	if (rp_risks_of(req, req->args[0], &c) != 0)
		return -1;
	return risk_answer(req, &c, req->args[0], 200);
}

int
rp_api_risk_patch(struct rp_req *req)
{
	struct rp_client c;

	if (rp_risks_of(req, req->args[0], &c) != 0 ||
	    rp_risks_update(req, &c, req->args[0]) != 0)
		return -1;
	return risk_answer(req, &c, req->args[0], 200);
}

int
rp_api_risk_delete(struct rp_req *req)
{
	struct rp_client c;

	if (rp_risks_of(req, req->args[0], &c) != 0 ||
	    rp_risks_delete(req, &c, req->args[0]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}
