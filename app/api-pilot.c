/* API routes of the Pilot space: the framework catalogue (and the
 * frameworks a firm's admin imports), adoption and compliance. Pilot
 * routes open to the client's declared vCISOs only (403 for others in
 * scope, 404 out of scope). */
#include <json.h>

#include "api-auth.h"
#include "api-pilot.h"
#include "clients.h"
#include "compliance.h"
#include "fwdoc.h"
#include "fwimport.h"
#include "request.h"
#include "response.h"
#include "util.h"

int
rp_api_pilot_client(struct rp_req *req, struct rp_client *c)
{
	return rp_clients_pilot(req, req->args[0], c);
}

int
rp_api_frameworks(struct rp_req *req)
{
	long long limit, offset, total;

	if (rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_frameworks_list(req, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_framework(struct rp_req *req)
{
	struct json_object *o;

	if (rp_framework_get(req, req->args[0], &o) != 0)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

/* Import a framework: the body is the document of
 * docs/framework-import.md; the answer is the framework as GET shows it. */
int
rp_api_frameworks_import(struct rp_req *req)
{
	struct rp_fw_doc doc;
	struct rp_fw_err err;
	struct json_object *o;
	long long id;

	if (req->json == NULL)
		return req->csv != NULL ?
		    rp_fail(req, 415, "unsupported_media_type", "content_type",
		    "Send the framework as JSON; CSV files go through the import page.") :
		    rp_fail(req, 400, "required", "body", "Send the framework as a JSON object.");
	if (rp_fwdoc_from_json(req->arena, req->json, &doc, &err) != 0)
		return rp_fw_refuse(req, &err);
	if (rp_fw_import(req, &doc, &err, &id) != 0 || rp_framework_get(req, id, &o) != 0)
		return -1;
	rp_resp_json(req, 201, o);
	return 0;
}

int
rp_api_framework_delete(struct rp_req *req)
{
	if (rp_fw_delete(req, req->args[0]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

/* The summary of one adopted framework, as the Pilot shows it. */
static int
adopted_answer(struct rp_req *req, const struct rp_client *c, long long framework,
    int status)
{
	struct json_object *all = rp_compliance_summary(req, c), *one = NULL;

	if (all == NULL)
		return -1;
	for (size_t i = 0; i < json_object_array_length(all); i++) {
		struct json_object *e = json_object_array_get_idx(all, i), *id;
		if (json_object_object_get_ex(e, "framework_id", &id) &&
		    json_object_get_int64(id) == framework)
			one = json_object_get(e);
	}
	json_object_put(all);
	if (one == NULL)
		return rp_fail(req, 404, "not_found", "framework_id", "No such framework.");
	rp_resp_json(req, status, one);
	return 0;
}

int
rp_api_client_adopt(struct rp_req *req)
{
	struct rp_client c;
	long long framework;

	if (rp_api_pilot_client(req, &c) != 0 || rp_compliance_adopt(req, &c, &framework) != 0)
		return -1;
	return adopted_answer(req, &c, framework, 201);
}

int
rp_api_client_compliance(struct rp_req *req)
{
	struct rp_client c;
	long long limit, offset, total, framework;
	const char *fw = rp_query(req, "framework_id");

	if (rp_api_pilot_client(req, &c) != 0 || rp_api_page(req, &limit, &offset) != 0)
		return -1;
	if (fw == NULL || rp_strtonum(fw, 1, 1LL << 53, &framework) != 0)
		return rp_fail(req, 400, "required", "framework_id",
		    "Name the adopted framework: ?framework_id=.");
	struct json_object *items = rp_compliance_items(req, &c, framework,
	    rp_query(req, "status"), limit, offset, &total);
	return rp_api_list(req, items, total);
}

static int
compliance_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;

	if (rp_api_pilot_client(req, &c) != 0)
		return -1;
	return rp_compliance_export(req, &c, fmt);
}

int
rp_api_client_compliance_csv(struct rp_req *req)
{
	return compliance_export(req, RP_EXPORT_CSV);
}

int
rp_api_client_compliance_xlsx(struct rp_req *req)
{
	return compliance_export(req, RP_EXPORT_XLSX);
}

int
rp_api_client_assess(struct rp_req *req)
{
	struct rp_client c;

	if (rp_api_pilot_client(req, &c) != 0 || rp_compliance_set(req, &c, req->args[1]) != 0)
		return -1;
	/* Answer the item as it now is. */
	struct json_object *item = rp_compliance_item(req, &c, req->args[1]);
	if (item == NULL)
		return -1;
	rp_resp_json(req, 200, item);
	return 0;
}
