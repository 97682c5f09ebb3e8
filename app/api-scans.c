/* API routes of the external scan module: targets, scans and their
 * import, findings turned into actions, and the exposure of
 * establishments (feature `monitoring`, checked by the route table). */
#include <string.h>

#include <json.h>

#include "actions.h"
#include "api-auth.h"
#include "api-scans.h"
#include "arena.h"
#include "clients.h"
#include "exposure.h"
#include "input.h"
#include "json.h"
#include "nmap.h"
#include "request.h"
#include "response.h"
#include "scandoc.h"
#include "scans.h"
#include "scantargets.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* ?establishment_id= of a list: 0 for all, or -1 after a 400. */
static int
estab_filter(struct rp_req *req, long long *estab)
{
	const char *v = rp_query(req, "establishment_id");

	*estab = 0;
	if (v != NULL && *v != '\0' && rp_strtonum(v, 1, 1LL << 53, estab) != 0)
		return rp_fail(req, 400, "invalid", "establishment_id",
		    "Give an establishment id.");
	return 0;
}

/* The request's establishment_id, required. */
static int
estab_field(struct rp_req *req, long long *estab)
{
	bool isnull;
	int rc = rp_in_int(req, "establishment_id", 1, 1LL << 53, &isnull, estab);

	if (rc < 0)
		return -1;
	if (rc == 0 || isnull)
		return rp_fail(req, 400, "required", "establishment_id",
		    "Choose the establishment.");
	return 0;
}

/* ----------------------------------------------------------- targets --- */

int
rp_api_client_targets(struct rp_req *req)
{
	struct rp_client c;
	long long estab, limit, offset, total;

	if (rp_scans_client(req, req->args[0], &c) != 0 || estab_filter(req, &estab) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_targets_list(req, &c, estab, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_client_target_create(struct rp_req *req)
{
	struct rp_client c;
	long long estab, id;

	if (rp_scans_client(req, req->args[0], &c) != 0 || estab_field(req, &estab) != 0 ||
	    rp_targets_create(req, &c, estab, &id) != 0)
		return -1;
	struct json_object *o = rp_target_get(req, &c, id);
	if (o == NULL)
		return -1;
	rp_resp_json(req, 201, o);
	return 0;
}

int
rp_api_target(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_targets_of(req, req->args[0], &c) != 0 ||
	    (o = rp_target_get(req, &c, req->args[0])) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_target_delete(struct rp_req *req)
{
	struct rp_client c;
	long long estab;

	if (rp_targets_of(req, req->args[0], &c) != 0 ||
	    rp_targets_delete(req, &c, req->args[0], &estab) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

/* ------------------------------------------------------------- scans --- */

/* Answer a refused document: the error of SPEC §4 naming the field (and
 * the path in a JSON scan), with the line and column of an XML fault. */
static int
refuse(struct rp_req *req, const struct rp_scan_err *err)
{
	const char *field = err->path ? P("%s.%s", err->field, err->path) : err->field;

	if (err->line == 0)
		return rp_fail(req, err->status, err->code, field, err->msg);
	struct json_object *o = json_object_new_object(), *e = json_object_new_object();
	rp_jadd(e, "code", json_object_new_string(err->code));
	rp_jadd(e, "message", json_object_new_string(err->msg));
	rp_jadd(e, "field", json_object_new_string(field));
	rp_jadd(e, "line", json_object_new_int64((long long)err->line));
	rp_jadd(e, "column", json_object_new_int64((long long)err->column));
	if (err->detail != NULL)
		rp_jadd(e, "detail", json_object_new_string(err->detail));
	rp_jadd(o, "error", e);
	rp_resp_json(req, err->status, o);
	return 0;
}

/* The document of an import body: exactly one of "nmap_xml" (the text of
 * an `nmap -oX` report) and "scan" (the JSON format). Returns 0, 1 after
 * refuse() answered, or -1 after rp_fail. */
static int
read_doc(struct rp_req *req, struct rp_scan_doc *doc)
{
	struct rp_scan_err err;
	struct json_object *xml = NULL, *scan = NULL;
	int rc;

	json_object_object_get_ex(req->json, "nmap_xml", &xml);
	json_object_object_get_ex(req->json, "scan", &scan);
	if ((xml == NULL) == (scan == NULL))
		return rp_fail(req, 400, "required", xml ? "scan" : "nmap_xml",
		    "Send either nmap_xml (an nmap -oX report) or scan (the JSON format).");
	if (xml != NULL) {
		if (!json_object_is_type(xml, json_type_string))
			return rp_fail(req, 400, "invalid", "nmap_xml",
			    "nmap_xml is the text of the XML report.");
		rc = rp_nmap_read(req->arena, json_object_get_string(xml),
		    (size_t)json_object_get_string_len(xml), "nmap_xml", doc, &err);
	} else {
		rc = rp_scan_from_json(req->arena, scan, "scan", doc, &err);
	}
	if (rc == 0)
		rc = rp_scan_finish(doc, scan != NULL, "scan", &err);
	if (rc != 0)
		return refuse(req, &err) == 0 ? 1 : -1;
	return 0;
}

int
rp_api_client_scan_import(struct rp_req *req)
{
	static const char *const known[] = { "establishment_id", "nmap_xml", "scan", "file_name" };
	struct rp_client c;
	struct rp_scan_doc doc;
	const char *bad, *file = NULL;
	long long estab, id;
	int rc;

	if (rp_scans_client(req, req->args[0], &c) != 0)
		return -1;
	if (req->json == NULL)
		return rp_fail(req, 400, "invalid_json", "body", "Send a JSON object.");
	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (estab_field(req, &estab) != 0 || rp_in_text(req, "file_name", 200, false, &file) < 0)
		return -1;
	/* The establishment before the document: a refused file should not
	 * hide a wrong establishment. */
	if (rp_scans_estab(req, &c, estab, "establishment_id", NULL) != 0)
		return -1;
	if ((rc = read_doc(req, &doc)) != 0)
		return rc > 0 ? 0 : -1;
	if (rp_scans_import(req, &c, estab, doc.format[0] == 'n' ? "nmap_xml" : "scan.scanned_at",
	    file, &doc, &id) != 0)
		return -1;
	struct json_object *o = rp_scan_get(req, &c, id, NULL);
	if (o == NULL)
		return -1;
	rp_resp_json(req, 201, o);
	return 0;
}

int
rp_api_client_scans(struct rp_req *req)
{
	struct rp_client c;
	long long estab, limit, offset, total;

	if (rp_scans_client(req, req->args[0], &c) != 0 || estab_filter(req, &estab) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0)
		return -1;
	struct json_object *items = rp_scans_list(req, &c, estab, NULL, limit, offset, &total);
	return rp_api_list(req, items, total);
}

int
rp_api_scan(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_scans_of(req, req->args[0], &c) != 0 ||
	    (o = rp_scan_get(req, &c, req->args[0], NULL)) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_scan_delete(struct rp_req *req)
{
	struct rp_client c;

	if (rp_scans_of(req, req->args[0], &c) != 0 ||
	    rp_scans_delete(req, &c, req->args[0]) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

int
rp_api_finding_action(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;
	long long action, scan;

	if (rp_findings_of(req, req->args[0], &c) != 0)
		return -1;
	/* The finding says it all: the body, if any, must be empty. */
	if (req->json != NULL && json_object_object_length(req->json) > 0)
		return rp_fail(req, 400, "unknown_field", rp_in_unknown(req, NULL, 0),
		    "This field is not known.");
	if (rp_findings_action(req, &c, req->args[0], &action, &scan) != 0 ||
	    (o = rp_action_get(req, &c, action)) == NULL)
		return -1;
	rp_jadd(o, "finding_id", json_object_new_int64(req->args[0]));
	rp_resp_json(req, 201, o);
	return 0;
}

/* ---------------------------------------------------------- exposure --- */

int
rp_api_client_exposure(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_scans_client(req, req->args[0], &c) != 0 ||
	    (o = rp_exposure_client_json(req, &c)) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_estab_exposure(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;
	long long limit, offset;

	if (rp_exposure_client_of(req, req->args[0], &c) != 0 ||
	    rp_api_page(req, &limit, &offset) != 0 ||
	    (o = rp_exposure_estab_json(req, &c, req->args[0], NULL, limit, offset)) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}
