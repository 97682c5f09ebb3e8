/* API routes of branding and of the mission report (api-branding.h). A
 * logo is sent as the request's body, Content-Type image/png or
 * image/jpeg (the bytes decide, not the declared type). */
#include <string.h>

#include "api-branding.h"
#include "branding.h"
#include "clients.h"
#include "json.h"
#include "report.h"
#include "request.h"
#include "response.h"
#include "util.h"

static struct json_object *
branding_json(struct rp_req *req, int *rc)
{
	const char *accent, *logo;
	struct json_object *o;

	*rc = -1;
	if (rp_brand_accent(req, req->user->firm_id, &accent) != 0 ||
	    rp_brand_logo(req, req->user->firm_id, 0, &logo) != 0)
		return NULL;
	o = json_object_new_object();
	rp_jadd(o, "accent_color", accent ? json_object_new_string(accent) : NULL);
	rp_jadd(o, "logo", json_object_new_boolean(logo != NULL));
	*rc = 0;
	return o;
}

int
rp_api_branding(struct rp_req *req)
{
	int rc;
	struct json_object *o = branding_json(req, &rc);

	if (rc == 0)
		rp_resp_json(req, 200, o);
	return rc;
}

int
rp_api_branding_patch(struct rp_req *req)
{
	if (req->json == NULL)
		return rp_fail(req, 400, "required", "body", "Send a JSON object.");
	if (rp_brand_set_accent(req) != 0)
		return -1;
	return rp_api_branding(req);
}

int
rp_api_branding_logo(struct rp_req *req)
{
	return rp_brand_logo_send(req, req->user->firm_id, 0);
}

int
rp_api_branding_logo_put(struct rp_req *req)
{
	if (rp_brand_logo_put(req, req->user->firm_id, 0, (const unsigned char *)req->image,
	    req->image_len, "logo") != 0)
		return -1;
	return rp_api_branding(req);
}

int
rp_api_branding_logo_delete(struct rp_req *req)
{
	if (rp_brand_logo_delete(req, req->user->firm_id, 0) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

static int
client_in_scope(struct rp_req *req, struct rp_client *c, bool edit)
{
	int rc = rp_clients_get(req, req->args[0], c);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such client.");
	if (edit && !rp_clients_may_edit(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "Only those who manage this client's settings change its logo.");
	return 0;
}

int
rp_api_client_logo(struct rp_req *req)
{
	struct rp_client c;

	if (client_in_scope(req, &c, false) != 0)
		return -1;
	return rp_brand_logo_send(req, c.firm_id, c.id);
}

int
rp_api_client_logo_put(struct rp_req *req)
{
	struct rp_client c;

	if (client_in_scope(req, &c, true) != 0 ||
	    rp_brand_logo_put(req, c.firm_id, c.id, (const unsigned char *)req->image,
	    req->image_len, "logo") != 0)
		return -1;
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "client_id", json_object_new_int64(c.id));
	rp_jadd(o, "logo", json_object_new_boolean(1));
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_client_logo_delete(struct rp_req *req)
{
	struct rp_client c;

	if (client_in_scope(req, &c, true) != 0 || rp_brand_logo_delete(req, c.firm_id, c.id) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

int
rp_api_client_report(struct rp_req *req)
{
	struct rp_client c;
	const char *format = rp_query(req, "format");

	if (rp_clients_pilot(req, req->args[0], &c) != 0)
		return -1;
	if (format == NULL)
		format = "pdf";
	if (strcmp(format, "pdf") != 0 && strcmp(format, "docx") != 0)
		return rp_fail(req, 400, "invalid", "format", "Use format=pdf or format=docx.");
	return rp_report_send(req, &c, format);
}
