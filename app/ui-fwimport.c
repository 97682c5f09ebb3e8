/* Framework import pages: the upload form and the deletion button. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "authz.h"
#include "fwdoc.h"
#include "fwimport.h"
#include "request.h"
#include "tmpl.h"
#include "ui-fwimport.h"
#include "ui-pilot.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

bool
rp_ui_fw_may_import(const struct rp_req *req)
{
	return req->user != NULL && (RP_FW_IMPORTERS & RP_ROLE_BIT(req->user->role));
}

int
rp_ui_fw_manage(struct rp_req *req, long long id, bool imported)
{
	long long n;

	if (!imported || !rp_ui_fw_may_import(req))
		return 0;
	if (rp_fw_adoptions(req, id, &n) != 0)
		return -1;
	/* No dead button: a framework in use says why it stays. */
	if (n > 0)
		rp_setf(req, "Page.fw_adoptions", "%lld", n);
	else
		rp_set(req, "Page.may_delete", "1");
	return 0;
}

/* Is one of the framework's own fields called name (the form's inputs)? */
static bool
doc_field(const char *name)
{
	const char *f;

	for (size_t i = 0; name != NULL && (f = rp_fwdoc_field(i)) != NULL; i++)
		if (strcmp(f, name) == 0)
			return true;
	return false;
}

/* The form, with what was typed and, after a refusal, where the fault is:
 * next to a form field it names, else under the file input with the line
 * and column (CSV) or the path in the document (JSON). */
static int
import_page(struct rp_req *req, const struct rp_fw_err *err, bool json)
{
	const char *f;

	for (size_t i = 0; (f = rp_fwdoc_field(i)) != NULL; i++)
		rp_set(req, P("Form.%s", f), rp_param(&req->form, f));
	if (!rp_ui_take_error(req))
		return req->resp.err_code ? -1 : rp_page(req, "framework-import",
		    "Lang.fwimport.title");
	if (err != NULL && err->code != NULL && (json || !doc_field(err->field))) {
		rp_set(req, "Form.error.field", "file");
		if (err->line > 0)
			rp_setf(req, "Form.error.line", "%zu", err->line);
		if (err->line > 0 || strcmp(err->field, "file") == 0)
			rp_set(req, "Form.error.column", err->column);
		else
			rp_set(req, "Form.error.path", err->field);
		/* The reader's own words on a file it could not read. */
		if (strcmp(err->code, "unreadable") == 0)
			rp_set(req, "Form.error.detail", err->msg);
	}
	return rp_page(req, "framework-import", "Lang.fwimport.title");
}

int
rp_ui_fw_import(struct rp_req *req)
{
	return import_page(req, NULL, false);
}

int
rp_ui_fw_import_post(struct rp_req *req)
{
	const struct rp_kv *file = NULL;
	struct rp_fw_doc doc;
	struct rp_fw_err err;
	long long id;
	bool json = false;
	int rc;

	memset(&err, 0, sizeof(err));
	/* The multipart parser gives the file's bytes as the field's value. */
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, "file") == 0)
			file = &req->form.v[i];
	if (file == NULL || file->len == 0) {
		rp_fail(req, 400, "required", "file", "Choose a CSV or JSON file.");
		return import_page(req, NULL, false);
	}
	json = rp_upload_is_json(rp_param(&req->form, "file.filename"), file->val, file->len);
	if (json) {
		rc = rp_fwdoc_from_json_text(req->arena, file->val, file->len, &doc, &err);
	} else {
		/* A CSV file holds the requirements; the framework's own
		 * fields come from the form. */
		rc = rp_fwdoc_from_csv(req->arena, file->val, file->len, &doc, &err);
		const char *f;
		for (size_t i = 0; rc == 0 && (f = rp_fwdoc_field(i)) != NULL; i++)
			rp_fwdoc_set(&doc, f, rp_param(&req->form, f));
	}
	if (rc != 0) {
		rp_fw_refuse(req, &err);
		return import_page(req, &err, json);
	}
	if (rp_fw_import(req, &doc, &err, &id) != 0)
		return import_page(req, &err, json);
	return rp_ui_done(req, P("/frameworks/%lld", id), "framework_imported");
}

int
rp_ui_fw_delete(struct rp_req *req)
{
	if (rp_fw_delete(req, req->args[0]) == 0)
		return rp_ui_done(req, "/frameworks", "framework_deleted");
	/* In use: the framework's page again, saying so. */
	if (req->resp.status != 409 || !rp_ui_take_error(req))
		return -1;
	return rp_ui_framework(req);
}
