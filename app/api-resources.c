/* API routes of resources. A client's resources open to its declared
 * vCISOs (403 for others in scope, 404 out of scope); a resource answers
 * 404 when its client is out of the caller's scope. */
#include <json.h>

#include "api-auth.h"
#include "api-pilot.h"
#include "api-resources.h"
#include "clients.h"
#include "json.h"
#include "request.h"
#include "resources.h"
#include "response.h"

/* The resource as it now is, with its body also as HTML, and `status`. */
static int
resource_answer(struct rp_req *req, const struct rp_client *c, long long id, int status)
{
	return rp_api_document(req, rp_resource_get(req, c, id), status);
}

int
rp_api_client_resources(struct rp_req *req)
{
	struct rp_client c;
	struct rp_resource_filter f;
	long long limit, offset, total;

	if (rp_api_pilot_client(req, &c) != 0 || rp_api_page(req, &limit, &offset) != 0 ||
	    rp_resources_filter(req, &f, true) != 0)
		return -1;
	f.body = true;
	struct json_object *items = rp_resources_list(req, &c, &f, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_client_resource_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_api_pilot_client(req, &c) != 0 || rp_resources_create(req, &c, &id) != 0)
		return -1;
	return resource_answer(req, &c, id, 201);
}

int
rp_api_resource_get(struct rp_req *req)
{
	struct rp_client c;

	if (rp_resource_client(req, req->args[0], &c) != 0)
		return -1;
	return resource_answer(req, &c, req->args[0], 200);
}

int
rp_api_resource_patch(struct rp_req *req)
{
	struct rp_client c;

	if (rp_resource_client(req, req->args[0], &c) != 0 ||
	    rp_resources_update(req, &c, req->args[0]) != 0)
		return -1;
	return resource_answer(req, &c, req->args[0], 200);
}

int
rp_api_resource_delete(struct rp_req *req)
{
	struct rp_client c;

	if (rp_resource_client(req, req->args[0], &c) != 0 ||
	    rp_resources_delete(req, &c, req->args[0]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}
