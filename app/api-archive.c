/* Routes of the client archive, API and pages (app/archive.h): one file,
 * for the two share everything but how the zip arrives and what answers. */
#include <string.h>

#include <json.h>

#include "api-archive.h"
#include "archive.h"
#include "arena.h"
#include "clients.h"
#include "jsonw.h"
#include "request.h"
#include "response.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* The client's archive as the response (admins of its firm: the route). */
static int
send_archive(struct rp_req *req)
{
	struct rp_client c;
	int found = rp_clients_get(req, req->args[0], &c);

	if (found < 0)
		return -1;
	if (found == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such client.");
	req->resp.body.len = 0;
	if (rp_archive_export(req, &c, &req->resp.body) != 0)
		return -1;
	req->resp.status = 200;
	req->resp.ctype = "application/zip";
	rp_resp_header(req, "Content-Disposition", P("attachment; filename=\"client-%lld.zip\"",
	    c.id));
	return 0;
}

int
rp_api_client_archive(struct rp_req *req)
{
	return send_archive(req);
}

int
rp_ui_client_archive(struct rp_req *req)
{
	return send_archive(req);
}

int
rp_api_clients_import(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (req->zip == NULL)
		return rp_fail(req, 415, "unsupported_media_type", "content_type",
		    "Send the archive as application/zip.");
	if (rp_archive_import(req, req->zip, req->zip_len, &id) != 0)
		return -1;
	if (rp_clients_get(req, id, &c) != 1)
		return rp_fail(req, 500, "internal", NULL, "Internal error.");
	struct rp_jw w;
	rp_resp_json_begin(req, 201, &w);
	rp_client_write(&w, &c);
	rp_resp_json_end(req);
	return 0;
}

int
rp_ui_clients_import(struct rp_req *req)
{
	const struct rp_kv *file = NULL;
	long long id;

	/* The multipart parser gives the file's bytes as the field's value. */
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, "file") == 0)
			file = &req->form.v[i];
	if (file == NULL || file->len == 0)
		return rp_fail(req, 400, "required", "file", "Choose a client archive (.zip).");
	if (rp_archive_import(req, file->val, file->len, &id) != 0)
		return -1;
	return rp_ui_done(req, P("/clients/%lld", id), "client_imported");
}
