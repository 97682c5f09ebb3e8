/* External scan pages: a client's scans with the import form, a scan's
 * report, an establishment's targets and its exposure history; and the
 * exposure widgets other pages show (Pilot, establishment, list column),
 * for holders of `monitoring` on a client with the module. The rules are
 * those of scans.c, scantargets.c and exposure.c, as the API's. */
#include <stdbool.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "clients.h"
#include "establishments.h"
#include "exposure.h"
#include "nmap.h"
#include "request.h"
#include "scandoc.h"
#include "scans.h"
#include "scantargets.h"
#include "tmpl.h"
#include "ui-clients.h"
#include "ui-scans.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)
#define DATEFMT rp_lang_text(req, "Lang.formats.datetime")
/* Establishments offered by the import form; a client with more is rare
 * enough to pick from the first ones by name. */
#define ESTAB_CHOICES	500
/* The most exposed establishments the Pilot's widget names. */
#define PILOT_TOP	5

/* ------------------------------------------------------------ shared --- */

/* The client of the path (scope 404, vCISO 403, module 404) and its
 * chrome. */
static int
scan_client(struct rp_req *req, struct rp_client *c)
{
	if (rp_scans_client(req, req->args[0], c) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	return 0;
}

/* The establishment of the path, in scope (404), and its client for the
 * module's pages: vCISO (403), module (404). */
static int
estab_client(struct rp_req *req, struct rp_estab *e, struct rp_client *c)
{
	int found = rp_estabs_get(req, req->args[0], e);

	if (found < 0)
		return -1;
	if (found == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such establishment.");
	if (rp_scans_client(req, e->client_id, c) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	rp_setf(req, "Estab.id", "%lld", e->id);
	rp_set(req, "Estab.name", e->f[RP_PF_NAME]);
	return 0;
}

/* Exposure counts of one latest scan under node b. */
static void
exposure_hdf(struct rp_req *req, const char *b, const struct rp_exposure *x)
{
	rp_setf(req, P("%s.scan", b), "%lld", x->scan);
	rp_set(req, P("%s.scanned_at", b), x->scanned_at);
	rp_set(req, P("%s.scanned_at_text", b), x->scanned_at_text);
	rp_setf(req, P("%s.open_ports", b), "%lld", x->open_ports);
	rp_setf(req, P("%s.new", b), "%lld", x->new_count);
	if (x->prev)
		rp_setf(req, P("%s.previous", b), "%lld", x->prev);
	rp_setf(req, P("%s.fixed", b), "%lld", x->fixed_count);
	for (int s = 0; s < RP_SEV__COUNT; s++)
		rp_setf(req, P("%s.sev.%s", b, rp_scan_severity_key(s)), "%lld", x->sev[s]);
}

/* ----------------------------------------------------------- widgets --- */

void
rp_ui_scan_pilot_widget(struct rp_req *req, const struct rp_client *c,
    const struct rp_exposure *x, size_t n)
{
	long long total[RP_SEV__COUNT] = { 0 }, added = 0, fixed = 0;

	if (!rp_exposure_shown(req, c))
		return;
	rp_set(req, "Exposure.shown", "1");
	rp_setf(req, "Exposure.scanned", "%zu", n);
	rp_setf(req, "Exposure.establishments", "%lld", c->establishments);
	for (size_t i = 0; i < n; i++) {
		for (int s = 0; s < RP_SEV__COUNT; s++)
			total[s] += x[i].sev[s];
		/* A first scan's findings are all "new": not news. */
		added += x[i].prev ? x[i].new_count : 0;
		fixed += x[i].fixed_count;
		/* The most exposed first: those with high or medium findings. */
		if (i < PILOT_TOP && x[i].sev[RP_SEV_HIGH] + x[i].sev[RP_SEV_MEDIUM] > 0) {
			const char *b = P("Exposure.top.%zu", i);
			rp_setf(req, P("%s.estab", b), "%lld", x[i].estab);
			rp_set(req, P("%s.name", b), x[i].estab_name);
			exposure_hdf(req, b, &x[i]);
		}
	}
	for (int s = 0; s < RP_SEV__COUNT; s++)
		rp_setf(req, P("Exposure.sev.%s", rp_scan_severity_key(s)), "%lld", total[s]);
	rp_setf(req, "Exposure.new", "%lld", added);
	rp_setf(req, "Exposure.fixed", "%lld", fixed);
}

int
rp_ui_scan_estab_widget(struct rp_req *req, const struct rp_client *c, long long estab)
{
	struct rp_exposure *x;
	size_t n;

	/* The module's own pages (targets, scans) are the vCISOs'. */
	if (c->vciso && rp_clients_has_module(c, RP_SCAN_MODULE))
		rp_set(req, "Exposure.module", "1");
	if (!rp_exposure_shown(req, c))
		return 0;
	if (rp_exposure_latest(req, c, DATEFMT, &x, &n) != 0)
		return -1;
	rp_set(req, "Exposure.shown", "1");
	for (size_t i = 0; i < n; i++)
		if (x[i].estab == estab)
			exposure_hdf(req, "Exposure.latest", &x[i]);
	return 0;
}

int
rp_ui_scan_estabs_column(struct rp_req *req, const struct rp_client *c,
    const struct rp_estab *es, size_t nes)
{
	struct rp_exposure *x;
	size_t n;

	if (!rp_exposure_shown(req, c))
		return 0;
	if (rp_exposure_latest(req, c, NULL, &x, &n) != 0)
		return -1;
	rp_set(req, "Page.exposure", "1");
	for (size_t i = 0; i < nes; i++)
		for (size_t k = 0; k < n; k++)
			if (x[k].estab == es[i].id)
				exposure_hdf(req, P("Estabs.%zu.exposure", i), &x[k]);
	return 0;
}

/* ------------------------------------------------------ scans of a client --- */

/* The scans page: import form (establishments to choose), the list with
 * its establishment filter; the form keeps what was chosen. */
static int
scans_page(struct rp_req *req, const struct rp_client *c)
{
	struct rp_estab_filter ef = { NULL, NULL };
	struct rp_estab *es;
	size_t n;
	long long limit, offset, page, total, estab = 0, ne;
	const char *v = rp_query(req, "establishment_id");

	if (v != NULL && *v != '\0' && rp_strtonum(v, 1, 1LL << 53, &estab) != 0)
		estab = 0;	/* a stale link: every scan */
	if (rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_estabs_list(req, c, &ef, ESTAB_CHOICES, 0, &es, &n, &ne) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct _hdf *row = rp_row(req, "Estabs", i);
		rp_row_setll(row, "id", es[i].id);
		rp_row_set(row, "name", es[i].f[RP_PF_NAME]);
		if (es[i].id == estab)
			rp_set(req, "Filter.estab_name", es[i].f[RP_PF_NAME]);
	}
	struct json_object *items = rp_scans_list(req, c, estab, DATEFMT, limit, offset, &total);
	if (items == NULL)
		return -1;
	static const char *const shown[] = { "id", "establishment_id", "establishment_name",
		"scanned_at", "scanned_at_text", "hosts", "open_ports", "findings_by_severity",
		"new", "fixed", "previous_scan_id", "format" };
	rp_set_json_rows(req, "Scans", items, shown, RP_NELEM(shown));
	json_object_put(items);
	if (estab) {
		rp_setf(req, "Filter.establishment_id", "%lld", estab);
		rp_set(req, "Filter.any", "1");
	}
	if (rp_param(&req->form, "establishment_id") != NULL)
		rp_set(req, "Form.establishment_id", rp_param(&req->form, "establishment_id"));
	else if (estab)
		rp_setf(req, "Form.establishment_id", "%lld", estab);
	rp_set(req, "Page.base", P("/clients/%lld/scans", c->id));
	rp_ui_pager(req, page, total, limit, estab ? P("establishment_id=%lld", estab) : "");
	return rp_page(req, "scans", "Lang.scan.title");
}

int
rp_ui_scans(struct rp_req *req)
{
	struct rp_client c;

	if (scan_client(req, &c) != 0)
		return -1;
	return scans_page(req, &c);
}

/* The page again after a refused file, saying where the fault is. */
static int
refused(struct rp_req *req, const struct rp_client *c, const struct rp_scan_err *err)
{
	rp_fail(req, err->status, err->code, "file", err->msg);
	if (!rp_ui_take_error(req))
		return -1;
	if (err->line > 0) {
		rp_setf(req, "Form.error.line", "%zu", err->line);
		rp_setf(req, "Form.error.column", "%zu", err->column);
	}
	rp_set(req, "Form.error.path", err->path);
	rp_set(req, "Form.error.detail", err->detail);
	return scans_page(req, c);
}

int
rp_ui_scans_import(struct rp_req *req)
{
	struct rp_client c;
	struct rp_scan_doc doc;
	struct rp_scan_err err;
	const struct rp_kv *file = NULL;
	const char *name = rp_param(&req->form, "file.filename"), *v;
	long long estab, id;
	int rc;

	if (scan_client(req, &c) != 0)
		return -1;
	v = rp_param(&req->form, "establishment_id");
	if (v == NULL || rp_strtonum(v, 1, 1LL << 53, &estab) != 0)
		rp_fail(req, 400, "required", "establishment_id", "Choose the establishment.");
	else
		rp_scans_estab(req, &c, estab, "establishment_id", NULL);
	if (req->resp.err_code != NULL)
		return rp_ui_take_error(req) ? scans_page(req, &c) : -1;
	/* The multipart parser gives the file's bytes as the field's value. */
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, "file") == 0)
			file = &req->form.v[i];
	if (file == NULL || file->len == 0) {
		rp_fail(req, 400, "required", "file", "Choose an nmap XML or JSON file.");
		return rp_ui_take_error(req) ? scans_page(req, &c) : -1;
	}
	memset(&err, 0, sizeof(err));
	if (rp_upload_is_json(name, file->val, file->len))
		rc = rp_scan_from_json_text(req->arena, file->val, file->len, "file", &doc, &err);
	else
		rc = rp_nmap_read(req->arena, file->val, file->len, "file", &doc, &err);
	if (rc == 0)
		rc = rp_scan_finish(&doc, strcmp(doc.format, "json") == 0, "file", &err);
	if (rc != 0)
		return refused(req, &c, &err);
	if (rp_scans_import(req, &c, estab, "file", name && *name ? name : NULL, &doc, &id) != 0)
		return rp_ui_take_error(req) ? scans_page(req, &c) : -1;
	return rp_ui_done(req, P("/scans/%lld", id), "scan_imported");
}

/* ------------------------------------------------------- a scan's report --- */

static int
scan_page(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct json_object *o = rp_scan_get(req, c, id, DATEFMT);

	if (o == NULL)
		return -1;
	rp_set_json(req, "Scan", o);
	json_object_put(o);
	return rp_page(req, "scan", "Lang.scan.report");
}

int
rp_ui_scan(struct rp_req *req)
{
	struct rp_client c;

	if (rp_scans_of(req, req->args[0], &c) != 0)
		return -1;
	rp_ui_client_chrome(req, &c);
	return scan_page(req, &c, req->args[0]);
}

int
rp_ui_scan_delete(struct rp_req *req)
{
	struct rp_client c;

	if (rp_scans_of(req, req->args[0], &c) != 0 ||
	    rp_scans_delete(req, &c, req->args[0]) != 0)
		return -1;
	return rp_ui_done(req, P("/clients/%lld/scans", c.id), "scan_deleted");
}

int
rp_ui_finding_action(struct rp_req *req)
{
	struct rp_client c;
	long long action, scan = 0;

	if (rp_findings_of(req, req->args[0], &c) != 0)
		return -1;
	if (rp_findings_action(req, &c, req->args[0], &action, &scan) == 0)
		return rp_ui_done(req, P("/scans/%lld#finding-%lld", scan, req->args[0]),
		    "finding_action");
	/* Already followed: the report again, saying so. */
	if (scan == 0 || !rp_ui_take_error(req))
		return -1;
	rp_ui_client_chrome(req, &c);
	return scan_page(req, &c, scan);
}

/* ------------------------------------------------ an establishment's targets --- */

static int
targets_page(struct rp_req *req, const struct rp_estab *e, const struct rp_client *c,
    bool echo)
{
	long long total;
	struct json_object *items = rp_targets_list(req, c, e->id, RP_TARGETS_MAX, 0, &total);

	if (items == NULL)
		return -1;
	rp_set_json(req, "Targets", items);
	json_object_put(items);
	rp_setf(req, "Page.targets", "%lld", total);
	if (echo) {
		rp_set(req, "Form.value", rp_param(&req->form, "value"));
		rp_set(req, "Form.label", rp_param(&req->form, "label"));
	}
	return rp_page(req, "scan-targets", "Lang.scan.targets");
}

int
rp_ui_estab_targets(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_client c;

	if (estab_client(req, &e, &c) != 0)
		return -1;
	return targets_page(req, &e, &c, false);
}

int
rp_ui_estab_target_create(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_client c;
	long long id;

	if (estab_client(req, &e, &c) != 0)
		return -1;
	if (rp_targets_create(req, &c, e.id, &id) == 0)
		return rp_ui_done(req, P("/establishments/%lld/scan-targets", e.id), "target_added");
	if (!rp_ui_take_error(req))
		return -1;
	return targets_page(req, &e, &c, true);
}

int
rp_ui_target_delete(struct rp_req *req)
{
	struct rp_client c;
	long long estab;

	if (rp_targets_of(req, req->args[0], &c) != 0 ||
	    rp_targets_delete(req, &c, req->args[0], &estab) != 0)
		return -1;
	return rp_ui_done(req, P("/establishments/%lld/scan-targets", estab), "target_deleted");
}

/* ---------------------------------------------- an establishment's exposure --- */

int
rp_ui_estab_exposure(struct rp_req *req)
{
	struct rp_estab e;
	struct rp_client c;
	long long limit, offset, page, total = 0;
	struct json_object *o, *h, *v;
	int found;

	if ((found = rp_estabs_get(req, req->args[0], &e)) < 0)
		return -1;
	if (found == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such establishment.");
	if (rp_exposure_client_of(req, e.id, &c) != 0 ||
	    rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    (o = rp_exposure_estab_json(req, &c, e.id, DATEFMT, limit, offset)) == NULL)
		return -1;
	rp_ui_client_chrome(req, &c);
	rp_setf(req, "Estab.id", "%lld", e.id);
	rp_set(req, "Estab.name", e.f[RP_PF_NAME]);
	if (json_object_object_get_ex(o, "latest", &v) && v != NULL)
		rp_set_json(req, "Latest", v);
	if (json_object_object_get_ex(o, "history", &h)) {
		if (json_object_object_get_ex(h, "items", &v))
			rp_set_json(req, "History", v);
		if (json_object_object_get_ex(h, "total", &v))
			total = json_object_get_int64(v);
	}
	json_object_put(o);
	if (c.vciso)
		rp_set(req, "Page.vciso", "1");
	rp_set(req, "Page.base", P("/establishments/%lld/exposure", e.id));
	rp_ui_pager(req, page, total, limit, "");
	return rp_page(req, "exposure", "Lang.scan.exposure");
}
