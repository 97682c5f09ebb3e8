/* API routes of the usage diagnostic. Every route of a client first loads
 * it as a module client (rp_clients_module: 404 out of scope or module
 * disabled, 403 not vCISO); the feedback routes also need the feature
 * `feedback`, checked by the dispatcher. */
#include <json.h>

#include "api-auth.h"
#include "arena.h"
#include "api-usage.h"
#include "clients.h"
#include "establishments.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "response.h"
#include "usage-answers.h"
#include "usage-links.h"
#include "usage-starter.h"
#include "usage.h"
#include "util.h"

static int
module_client(struct rp_req *req, struct rp_client *c)
{
	return rp_clients_module(req, req->args[0], RP_USAGE_MODULE, c);
}

/* Answer obj (consumed) with status; a NULL obj answers its maker's
 * failure. */
static int
answer(struct rp_req *req, struct json_object *obj, int status)
{
	if (obj == NULL)
		return -1;
	rp_resp_json(req, status, obj);
	return 0;
}

/* ?establishment_id= of the lists: 0 for all, or an id (400 naming it). */
static int
estab_filter(struct rp_req *req, long long *estab)
{
	return rp_query_id(req, "establishment_id", true, estab);
}

int
rp_api_usage_questionnaire(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0)
		return -1;
	return answer(req, rp_usage_questionnaire(req, &c, true), 200);
}

int
rp_api_usage_starter(struct rp_req *req)
{
	struct rp_client c;
	long long n;

	if (module_client(req, &c) != 0 || rp_usage_starter_load(req, &c, &n) != 0)
		return -1;
	return answer(req, rp_usage_questionnaire(req, &c, true), 201);
}

int
rp_api_usage_section_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (module_client(req, &c) != 0 || rp_usage_section_create(req, &c, &id) != 0)
		return -1;
	return answer(req, rp_usage_section_get(req, &c, id), 201);
}

int
rp_api_usage_section_patch(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0 || rp_usage_section_update(req, &c, req->args[1]) != 0)
		return -1;
	return answer(req, rp_usage_section_get(req, &c, req->args[1]), 200);
}

int
rp_api_usage_section_delete(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0 || rp_usage_section_delete(req, &c, req->args[1]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

int
rp_api_usage_question_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (module_client(req, &c) != 0 ||
	    rp_usage_question_create(req, &c, req->args[1], &id) != 0)
		return -1;
	return answer(req, rp_usage_question_get(req, &c, id), 201);
}

int
rp_api_usage_question_get(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0)
		return -1;
	return answer(req, rp_usage_question_get(req, &c, req->args[1]), 200);
}

int
rp_api_usage_question_patch(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0 || rp_usage_question_update(req, &c, req->args[1]) != 0)
		return -1;
	return answer(req, rp_usage_question_get(req, &c, req->args[1]), 200);
}

int
rp_api_usage_question_delete(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0 || rp_usage_question_delete(req, &c, req->args[1]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

int
rp_api_usage_links(struct rp_req *req)
{
	struct rp_client c;
	long long limit, offset, total, estab;

	if (module_client(req, &c) != 0 || estab_filter(req, &estab) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0)
		return -1;
	/* The list first: it sets total (arguments have no order). */
	struct json_object *items = rp_usage_links_list(req, &c, estab, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_usage_link_create(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;
	const char *token;
	long long id;

	if (module_client(req, &c) != 0 || rp_usage_link_create(req, &c, &id, &token) != 0 ||
	    (o = rp_usage_link_get(req, &c, id)) == NULL)
		return -1;
	/* The only time the token is told: it is not stored. */
	rp_jadd(o, "token", json_object_new_string(token));
	rp_jadd(o, "url", json_object_new_string(rp_printf(req->arena, "/q/%s", token)));
	return answer(req, o, 201);
}

int
rp_api_usage_link_revoke(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0 || rp_usage_link_revoke(req, &c, req->args[1]) != 0)
		return -1;
	return answer(req, rp_usage_link_get(req, &c, req->args[1]), 200);
}

int
rp_api_usage_answers(struct rp_req *req)
{
	struct rp_client c;
	long long limit, offset, total, estab;

	if (module_client(req, &c) != 0 || estab_filter(req, &estab) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_usage_answers_list(req, &c, estab, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_usage_scores(struct rp_req *req)
{
	struct rp_client c;

	if (module_client(req, &c) != 0)
		return -1;
	return answer(req, rp_usage_scores(req, &c), 200);
}

/* One establishment's feedback: for whoever sees the establishment and
 * holds `feedback` (an establishment manager included), when its client
 * has the module. */
int
rp_api_usage_estab(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_client c;
	int found = rp_estabs_get(req, req->args[0], &e);

	if (found <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL,
		    "No such establishment.");
	if ((found = rp_clients_get(req, e.client_id, &c)) <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL,
		    "No such establishment.");
	if (!rp_clients_has_module(&c, RP_USAGE_MODULE))
		return rp_fail(req, 404, "not_found", NULL,
		    "This module is not enabled for this client.");
	return answer(req, rp_usage_estab_feedback(req, &c, e.id), 200);
}
