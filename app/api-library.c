/* API routes of the library and of publication. Templates are the firm's
 * (404 for another firm's ids); a resource answers 404 when its client is
 * out of the caller's scope, 403 when the caller is not its vCISO. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "api-auth.h"
#include "api-library.h"
#include "clients.h"
#include "input.h"
#include "json.h"
#include "publications.h"
#include "request.h"
#include "resources.h"
#include "response.h"
#include "templates.h"
#include "util.h"

/* ?version=N of the query string: 0 when absent. */
static int
query_version(struct rp_req *req, long long *v)
{
	const char *s = rp_query(req, "version");

	*v = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (rp_strtonum(s, 1, INT32_MAX, v) != 0)
		return rp_fail(req, 400, "invalid", "version", "Give a version number.");
	return 0;
}

/* The template as it now is (or at ?version), body also as HTML. */
static int
template_answer(struct rp_req *req, long long id, long long version, int status)
{
	return rp_api_document(req, rp_template_get(req, id, version), status);
}

int
rp_api_templates(struct rp_req *req)
{
	struct rp_template_filter f;
	long long limit, offset, total;

	if (rp_api_page(req, &limit, &offset) != 0 || rp_templates_filter(req, &f, true) != 0)
		return -1;
	struct json_object *items = rp_templates_list(req, &f, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_template_create(struct rp_req *req)
{
	long long id;

	if (rp_templates_create(req, &id) != 0)
		return -1;
	return template_answer(req, id, 0, 201);
}

int
rp_api_template_get(struct rp_req *req)
{
	long long v;

	if (query_version(req, &v) != 0)
		return -1;
	return template_answer(req, req->args[0], v, 200);
}

int
rp_api_template_patch(struct rp_req *req)
{
	if (rp_templates_update(req, req->args[0]) != 0)
		return -1;
	return template_answer(req, req->args[0], 0, 200);
}

int
rp_api_template_versions(struct rp_req *req)
{
	struct json_object *items = rp_template_versions(req, req->args[0]);

	return rp_api_list(req, items, items ? (long long)json_object_array_length(items) : 0);
}

/* Deploy templates tids to the request's client_ids (with dry_run). */
static int
deploy(struct rp_req *req, const long long *tids, size_t nt)
{
	long long *cids;
	size_t nc;
	bool dry = false;

	if (rp_in_links(req, "client_ids", RP_DEPLOY_MAX_CLIENTS, &cids, &nc) < 0 ||
	    rp_in_bool(req, "dry_run", &dry) < 0)
		return -1;
	struct json_object *o = rp_templates_deploy(req, tids, nt, cids, nc, dry);
	if (o == NULL)
		return -1;
	rp_resp_json(req, dry ? 200 : 201, o);
	return 0;
}

static const char *const known_one[] = { "client_ids", "dry_run" };
static const char *const known_many[] = { "template_ids", "client_ids", "dry_run" };

int
rp_api_template_deploy(struct rp_req *req)
{
	const char *bad = rp_in_unknown(req, known_one, RP_NELEM(known_one));

	if (bad != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	return deploy(req, &req->args[0], 1);
}

int
rp_api_templates_deploy(struct rp_req *req)
{
	const char *bad = rp_in_unknown(req, known_many, RP_NELEM(known_many));
	long long *tids;
	size_t nt;

	if (bad != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_links(req, "template_ids", RP_DEPLOY_MAX_TEMPLATES, &tids, &nt) < 0)
		return -1;
	return deploy(req, tids, nt);
}

int
rp_api_resource_to_template(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (rp_resource_client(req, req->args[0], &c) != 0 ||
	    rp_templates_from_resource(req, &c, req->args[0], &id) != 0)
		return -1;
	return template_answer(req, id, 0, 201);
}

int
rp_api_resource_template_diff(struct rp_req *req)
{
	struct rp_client c;
	long long v;

	if (rp_resource_client(req, req->args[0], &c) != 0 || query_version(req, &v) != 0)
		return -1;
	struct json_object *o = rp_template_diff(req, &c, req->args[0], v);
	if (o == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

static const char *const known_update[] = { "version" };

int
rp_api_resource_template_update(struct rp_req *req)
{
	struct rp_client c;
	const char *bad = rp_in_unknown(req, known_update, RP_NELEM(known_update));
	long long v = 0;
	bool isnull = false;

	if (bad != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_int(req, "version", 1, INT32_MAX, &isnull, &v) < 0)
		return -1;
	if (isnull)
		v = 0;
	if (rp_resource_client(req, req->args[0], &c) != 0 ||
	    rp_template_apply(req, &c, req->args[0], v) != 0)
		return -1;
	struct json_object *o = rp_resource_get(req, &c, req->args[0]);
	if (o == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

static int
publications_answer(struct rp_req *req, const struct rp_client *c, long long rid, int status)
{
	struct json_object *items = rp_publications_of_resource(req, c, rid);

	if (items == NULL)
		return -1;
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "total", json_object_new_int64((long long)json_object_array_length(items)));
	rp_jadd(o, "items", items);
	rp_resp_json(req, status, o);
	return 0;
}

int
rp_api_resource_publications(struct rp_req *req)
{
	struct rp_client c;

	if (rp_resource_client(req, req->args[0], &c) != 0)
		return -1;
	/* The resource itself: 404 when it is gone. */
	struct json_object *r = rp_resource_get(req, &c, req->args[0]);
	if (r == NULL)
		return -1;
	json_object_put(r);
	return publications_answer(req, &c, req->args[0], 200);
}

static const char *const known_publish[] = { "establishment_ids" };

int
rp_api_resource_publish(struct rp_req *req)
{
	struct rp_client c;
	const char *bad = rp_in_unknown(req, known_publish, RP_NELEM(known_publish));
	long long *ids;
	size_t n;

	if (bad != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_links(req, "establishment_ids", RP_PUBLISH_MAX, &ids, &n) < 0)
		return -1;
	if (rp_resource_client(req, req->args[0], &c) != 0 ||
	    rp_publications_add(req, &c, req->args[0], ids, n) != 0)
		return -1;
	return publications_answer(req, &c, req->args[0], 200);
}

int
rp_api_resource_withdraw(struct rp_req *req)
{
	struct rp_client c;

	if (rp_resource_client(req, req->args[0], &c) != 0 ||
	    rp_publications_remove(req, &c, req->args[0], req->args[1]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

int
rp_api_estab_publications(struct rp_req *req)
{
	long long limit, offset, total;

	if (rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_publications_of_estab(req, req->args[0], limit, offset,
	    &total);
	return rp_api_list(req, items, total);
}

int
rp_api_estab_publication(struct rp_req *req)
{
	struct json_object *o = rp_publication_get(req, req->args[0], req->args[1]);

	if (o == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}
