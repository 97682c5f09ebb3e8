/* API routes of the risk analysis module: one handler per operation for
 * every kind of item, through app/risk-analysis.h, which checks scope,
 * vCISO and module before anything is read or written. */
#include <json.h>

#include "api-auth.h"
#include "api-risk-analysis.h"
#include "clients.h"
#include "request.h"
#include "response.h"
#include "risk-analysis.h"
#include "util.h"

/* Answer item id of kind of c as it now is, with status. */
static int
answer(struct rp_req *req, int kind, const struct rp_client *c, long long id, int status)
{
	struct json_object *o = rp_ra_get(req, kind, c, id);

	if (o == NULL)
		return -1;
	rp_resp_json(req, status, o);
	return 0;
}

static int
list(struct rp_req *req, int kind)
{
	struct rp_client c;
	struct rp_ra_filter f;
	long long limit, offset, total;

	if (rp_ra_client(req, req->args[0], &c) != 0 || rp_ra_filter(req, kind, &f, true) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_ra_list(req, kind, &c, &f, limit, offset, &total);
	return rp_api_list(req, items, total);
}

static int
create(struct rp_req *req, int kind)
{
	struct rp_client c;
	long long id;

	if (rp_ra_client(req, req->args[0], &c) != 0 || rp_ra_create(req, kind, &c, &id) != 0)
		return -1;
	return answer(req, kind, &c, id, 201);
}

static int
get(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_item_client(req, kind, req->args[0], &c) != 0)
		return -1;
	return answer(req, kind, &c, req->args[0], 200);
}

static int
patch(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_item_client(req, kind, req->args[0], &c) != 0 ||
	    rp_ra_update(req, kind, &c, req->args[0]) != 0)
		return -1;
	return answer(req, kind, &c, req->args[0], 200);
}

static int
delete(struct rp_req *req, int kind)
{
	struct rp_client c;

	if (rp_ra_item_client(req, kind, req->args[0], &c) != 0 ||
	    rp_ra_delete(req, kind, &c, req->args[0]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

#define KIND(name, kind) \
	int rp_api_ra_##name##_list(struct rp_req *req) { return list(req, kind); } \
	int rp_api_ra_##name##_create(struct rp_req *req) { return create(req, kind); } \
	int rp_api_ra_##name##_get(struct rp_req *req) { return get(req, kind); } \
	int rp_api_ra_##name##_patch(struct rp_req *req) { return patch(req, kind); } \
	int rp_api_ra_##name##_delete(struct rp_req *req) { return delete(req, kind); }
KIND(business, RP_RA_BUSINESS)
KIND(supporting, RP_RA_SUPPORTING)
KIND(threat, RP_RA_THREAT)
KIND(scenario, RP_RA_SCENARIO)
#undef KIND

int
rp_api_ra_summary(struct rp_req *req)
{
	struct rp_client c;
	struct rp_ra_counts n;

	if (rp_ra_client(req, req->args[0], &c) != 0 || rp_ra_count(req, &c, &n) != 0)
		return -1;
	rp_resp_json(req, 200, rp_ra_counts_json(&n));
	return 0;
}

/* Retain or discard scenario args[0]; answer it as it now is. */
static int
act(struct rp_req *req, int verb)
{
	struct rp_client c;

	if (rp_ra_item_client(req, RP_RA_SCENARIO, req->args[0], &c) != 0 ||
	    rp_ra_act(req, &c, req->args[0], verb) != 0)
		return -1;
	return answer(req, RP_RA_SCENARIO, &c, req->args[0], 200);
}

int
rp_api_ra_retain(struct rp_req *req)
{
	return act(req, RP_RA_RETAIN);
}

int
rp_api_ra_discard(struct rp_req *req)
{
	return act(req, RP_RA_DISCARD);
}

int
rp_api_ra_sync(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ra_item_client(req, RP_RA_SCENARIO, req->args[0], &c) != 0 ||
	    rp_ra_sync(req, &c, req->args[0]) != 0)
		return -1;
	return answer(req, RP_RA_SCENARIO, &c, req->args[0], 200);
}
