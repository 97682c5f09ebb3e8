/* Branding pages and the report downloads (ui-branding.h). The firm's
 * branding is its admins' (the route table says so); a client's logo is
 * set by whoever may change the client's settings (rp_clients_may_edit),
 * and shown to whoever sees the client. */
#include <string.h>

#include "arena.h"
#include "branding.h"
#include "clients.h"
#include "report.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
#include "ui-branding.h"
#include "ui-clients.h"
#include "ui-pilot.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

const unsigned char *
rp_ui_upload(const struct rp_req *req, const char *name, size_t *len)
{
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, name) == 0 && req->form.v[i].len > 0) {
			*len = req->form.v[i].len;
			return (const unsigned char *)req->form.v[i].val;
		}
	*len = 0;
	return NULL;
}

int
rp_ui_branding(struct rp_req *req)
{
	const char *accent, *logo;

	if (rp_brand_accent(req, req->user->firm_id, &accent) != 0 ||
	    rp_brand_logo(req, req->user->firm_id, 0, &logo) != 0)
		return -1;
	rp_set(req, "Brand.accent", accent);
	/* The colour input needs a value: the product's own blue. */
	rp_set(req, "Edit.accent_color", accent ? accent : "#1d4e89");
	if (logo != NULL)
		rp_set(req, "Brand.firm_logo", "1");
	return rp_page(req, "branding", "Lang.brand.title");
}

/* Back to the form with the error, or on to the page with a flash. */
static int
after(struct rp_req *req, int rc, int (*form)(struct rp_req *), const char *path,
    const char *flash)
{
	if (rc != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return form(req);
	}
	return rp_ui_done(req, path, flash);
}

int
rp_ui_branding_post(struct rp_req *req)
{
	return after(req, rp_brand_set_accent(req), rp_ui_branding, "/branding", "branding_saved");
}

int
rp_ui_branding_logo(struct rp_req *req)
{
	return rp_brand_logo_send(req, req->user->firm_id, 0);
}

int
rp_ui_branding_logo_post(struct rp_req *req)
{
	size_t n;
	const unsigned char *p = rp_ui_upload(req, "logo", &n);

	return after(req, rp_brand_logo_put(req, req->user->firm_id, 0, p, n, "logo"),
	    rp_ui_branding, "/branding", "logo_saved");
}

int
rp_ui_branding_logo_delete(struct rp_req *req)
{
	if (rp_brand_logo_delete(req, req->user->firm_id, 0) != 0)
		return -1;
	return rp_ui_done(req, "/branding", "logo_deleted");
}

/* The firm's accent colour as the stylesheet's brand colour: a file of
 * its own, since the pages' CSP allows no inline style. */
int
rp_ui_branding_css(struct rp_req *req)
{
	const char *accent;

	if (rp_brand_accent(req, req->user->firm_id, &accent) != 0)
		return -1;
	req->resp.body.len = 0;
	/* Stored only as #rrggbb (checked on write). */
	if (accent != NULL)
		rp_buf_printf(&req->resp.body, ":root { --brand: %s; }\n", accent);
	req->resp.status = 200;
	req->resp.ctype = "text/css; charset=utf-8";
	return 0;
}

/* The client of the route in the caller's scope (404 otherwise). */
static int
client_in_scope(struct rp_req *req, struct rp_client *c)
{
	int rc = rp_clients_get(req, req->args[0], c);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such client.");
	return 0;
}

/* ... and allowed to change its settings (403 otherwise). */
static int
client_editable(struct rp_req *req, struct rp_client *c)
{
	if (client_in_scope(req, c) != 0)
		return -1;
	if (!rp_clients_may_edit(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "Only those who manage this client's settings change its logo.");
	return 0;
}

int
rp_ui_client_logo(struct rp_req *req)
{
	struct rp_client c;

	if (client_in_scope(req, &c) != 0)
		return -1;
	return rp_brand_logo_send(req, c.firm_id, c.id);
}

int
rp_ui_client_logo_post(struct rp_req *req)
{
	struct rp_client c;
	size_t n;
	const unsigned char *p;

	if (client_editable(req, &c) != 0)
		return -1;
	p = rp_ui_upload(req, "logo", &n);
	return after(req, rp_brand_logo_put(req, c.firm_id, c.id, p, n, "logo"), rp_ui_client,
	    P("/clients/%lld", c.id), "logo_saved");
}

int
rp_ui_client_logo_delete(struct rp_req *req)
{
	struct rp_client c;

	if (client_editable(req, &c) != 0 || rp_brand_logo_delete(req, c.firm_id, c.id) != 0)
		return -1;
	return rp_ui_done(req, P("/clients/%lld", c.id), "logo_deleted");
}

int
rp_ui_client_report_pdf(struct rp_req *req)
{
	struct rp_client c;

	if (rp_clients_pilot(req, req->args[0], &c) != 0)
		return -1;
	return rp_report_send(req, &c, "pdf");
}

int
rp_ui_client_report_docx(struct rp_req *req)
{
	struct rp_client c;

	if (rp_clients_pilot(req, req->args[0], &c) != 0)
		return -1;
	return rp_report_send(req, &c, "docx");
}
