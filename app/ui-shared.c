/* Shared chrome of HTML pages: the user menu, CSRF field, form errors,
 * flash messages and pagination. */
#include <string.h>

#include "arena.h"
#include "authz.h"
#include "request.h"
#include "response.h"
#include "templates.h"
#include "tmpl.h"
#include "ui-shared.h"
#include "util.h"

#define PER_PAGE 50

/* Flash messages a redirect may name (?done=KEY): anything else is ignored,
 * so no text from the address reaches the page. */
static const char *const flashes[] = {
	"saved", "created", "password_changed", "mfa_enrolled", "session_ended",
	"sessions_ended", "logged_out", "client_created", "plan_changed",
	"team_saved", "estab_created", "status_changed", "merged", "imported",
	"suggested", "accepted", "rejected", "billing_changed", "password_set",
	"adopted", "assessed", "cycle_started", "risk_created", "risk_saved", "risk_deleted",
	"action_created", "action_saved", "action_deleted",
	"resource_created", "resource_saved", "resource_status", "resource_deleted",
	"template_saved", "resource_template_updated", "resource_published",
	"resource_unpublished",
	"framework_imported", "framework_deleted",
	"template_created", "template_updated", "deployed", "client_imported",
	"ra_created", "ra_saved", "ra_deleted", "ra_retained", "ra_discarded", "ra_synced",
	"scan_imported", "scan_deleted", "finding_action", "target_added", "target_deleted",
	"usage_starter", "usage_saved", "usage_deleted", "usage_link_created",
	"usage_link_revoked",
	"branding_saved", "logo_saved", "logo_deleted",
};

int
rp_page(struct rp_req *req, const char *page, const char *title_key)
{
	const struct rp_user *u = req->user;
	const char *done = rp_query(req, "done");

	rp_set(req, "Page.title", rp_lang_text(req, title_key));
	if (u != NULL) {
		rp_set(req, "User.email", u->email);
		rp_set(req, "User.name", u->first_name[0] || u->last_name[0] ?
		    rp_printf(req->arena, "%s %s", u->first_name, u->last_name) :
		    u->email);
		rp_set(req, "User.role", rp_role_key(u->role));
		rp_set(req, "User.firm", u->firm_name);
		rp_set(req, "Page.csrf", u->csrf_token);
		/* Navigation shows only what the user may use. */
		for (int r = 0; r < RP_ROLE__COUNT; r++)
			if (u->firm_id != 0 && rp_role_may_manage(u->role, r)) {
				rp_set(req, "Nav.users", "1");
				break;
			}
		if (u->firm_id != 0)
			rp_set(req, "Nav.clients", "1");
		if (u->firm_id != 0 && (RP_ROLE_BIT(u->role) & RP_LIBRARY_ROLES))
			rp_set(req, "Nav.library", "1");
		if (u->role == RP_ROLE_SUPPORT)
			rp_set(req, "Nav.admin", "1");
		if (u->role == RP_ROLE_ADMIN)
			rp_set(req, "Nav.branding", "1");
		if (u->mfa_enrollment_required)
			rp_set(req, "Nav.mfa_required", "1");
	}
	for (size_t i = 0; done && i < RP_NELEM(flashes); i++)
		if (strcmp(done, flashes[i]) == 0)
			rp_set(req, "Flash.key", flashes[i]);
	return rp_render(req, page);
}

bool
rp_ui_take_error(struct rp_req *req)
{
	struct rp_resp *r = &req->resp;

	if (r->err_code == NULL || r->status >= 500)
		return false;
	rp_set(req, "Form.error.code", r->err_code);
	rp_set(req, "Form.error.field", r->err_field ? r->err_field : "");
	r->err_code = NULL;
	r->err_field = NULL;
	r->err_msg = NULL;
	return true;
}

int
rp_ui_done(struct rp_req *req, const char *path, const char *key)
{
	/* The flash goes in the query, before any #fragment. */
	const char *hash = strchr(path, '#');
	size_t n = hash ? (size_t)(hash - path) : strlen(path);
	rp_redirect(req, rp_printf(req->arena, "%.*s%sdone=%s%s", (int)n, path,
	    memchr(path, '?', n) ? "&" : "?", key, hash ? hash : ""));
	return 0;
}

int
rp_ui_page_args(struct rp_req *req, long long *limit, long long *offset,
    long long *page)
{
	const char *p = rp_query(req, "page");

	*page = 1;
	if (p != NULL && rp_strtonum(p, 1, 1000000, page) != 0)
		return rp_fail(req, 400, "invalid", "page", "Invalid page number.");
	*limit = PER_PAGE;
	*offset = (*page - 1) * PER_PAGE;
	return 0;
}

void
rp_ui_pager(struct rp_req *req, long long page, long long total,
    long long per_page, const char *base_query)
{
	long long pages = total ? (total + per_page - 1) / per_page : 1;

	rp_setf(req, "Pager.page", "%lld", page);
	rp_setf(req, "Pager.pages", "%lld", pages);
	rp_setf(req, "Pager.total", "%lld", total);
	rp_set(req, "Pager.query", base_query);
	if (page > 1)
		rp_setf(req, "Pager.prev", "%lld", page - 1);
	if (page < pages)
		rp_setf(req, "Pager.next", "%lld", page + 1);
}
