/* Client pages: list, wizard, settings, Pilot gate; the rules are those of
 * clients.c, so the pages and the API agree. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>
#include <json.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "branding.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "pilot.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
#include "ui-actions.h"
#include "ui-clients.h"
#include "ui-library.h"
#include "ui-pilot.h"
#include "ui-resources.h"
#include "ui-risks.h"
#include "ui-scans.h"
#include "ui-shared.h"
#include "ui-usage.h"
#include "usage.h"
#include "users.h"
#include "util.h"

/* Clients the switcher of the client pages lists, at most. */
#define SWITCH_MAX 30

#define P(...) rp_printf(req->arena, __VA_ARGS__)

int
rp_ui_client_load(struct rp_req *req, struct rp_client *c)
{
	int found = rp_clients_get(req, req->args[0], c);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such client.");
}

void
rp_ui_client_chrome(struct rp_req *req, const struct rp_client *c)
{
	unsigned f = req->user->features;

	rp_setf(req, "Client.id", "%lld", c->id);
	rp_set(req, "Client.name", c->name);
	if (c->full)
		rp_set(req, "Client.full", "1");
	if (c->vciso)
		rp_set(req, "Client.vciso", "1");
	if (f & RP_FEAT_BIT(RP_FEAT_PROFILE_DUPLICATES))
		rp_set(req, "Client.nav.duplicates", "1");
	if (f & RP_FEAT_BIT(RP_FEAT_PROFILE_EDIT))
		rp_set(req, "Client.nav.import", "1");
	/* The evaluation modules' pages, for the vCISOs of a client that
	 * enabled them. */
	for (size_t i = 0; c->vciso && i < rp_modules.n; i++)
		if (rp_clients_has_module(c, rp_modules.keys[i]))
			rp_set(req, P("Client.module.%s", rp_modules.keys[i]), "1");
	/* The client switcher: the first clients of the caller's scope by
	 * name (one short index walk, however many clients), this one
	 * included. */
	struct rp_client_name *cs;
	size_t n;
	bool here = false;
	if (rp_clients_names(req, SWITCH_MAX, &cs, &n) != 0) {
		rp_ui_take_error(req);
		return;
	}
	for (size_t i = 0; i < n; i++)
		here |= cs[i].id == c->id;
	if (!here)
		cs[n++] = (struct rp_client_name){ c->id, c->name };
	if (n < 2)
		return;
	for (size_t i = 0; i < n; i++) {
		HDF *row = rp_row(req, "Switch", i);
		rp_row_setll(row, "id", cs[i].id);
		rp_row_set(row, "name", cs[i].name);
	}
}

int
rp_ui_clients_switch(struct rp_req *req)
{
	struct rp_client c;
	const char *id = rp_query(req, "id");
	int found;

	if (id == NULL || rp_strtonum(id, 1, 1LL << 53, &req->args[0]) != 0)
		return rp_fail(req, 400, "invalid", "id", "Choose a client.");
	if ((found = rp_clients_get(req, req->args[0], &c)) <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL, "No such client.");
	rp_redirect(req, c.full ? P("/clients/%lld", c.id) :
	    P("/clients/%lld/establishments", c.id));
	return 0;
}

/* The fields of one client under node n (Edit): full details when seen. */
static void
client_hdf(HDF *n, const struct rp_client *c)
{
	HDF *mods;
	char key[32];

	rp_row_setll(n, "id", c->id);
	rp_row_set(n, "name", c->name);
	if (!c->full)
		return;
	rp_row_set(n, "mission_type", c->mission_type);
	rp_row_set(n, "plan", c->plan);
	rp_row_set(n, "status", c->status);
	rp_row_set(n, "billing_mode", c->billing_mode);
	rp_row_setll(n, "establishments", c->establishments);
	rp_row_set(n, "open_actions", c->open_actions ? c->open_actions : "");
	rp_row_set(n, "compliance", c->compliance_pct ? c->compliance_pct : "");
	rp_row_set(n, "full", "1");
	rp_row_set(n, "billing_email", c->billing_email);
	rp_row_set(n, "created_at", c->created_at);
	if (*c->modules != '\0' && hdf_get_node(n, "modules", &mods) == STATUS_OK) {
		for (const char *m = c->modules; *m;) {
			size_t len = strcspn(m, ",");
			if (len < sizeof(key)) {
				memcpy(key, m, len);
				key[len] = '\0';
				rp_row_set(mods, key, "1");
			}
			m += len + (m[len] == ',');
		}
	}
	if (c->vciso)
		rp_row_set(n, "vciso", "1");
}

static bool
may_create(const struct rp_req *req)
{
	return req->user->role == RP_ROLE_ADMIN ||
	    req->user->role == RP_ROLE_MULTI_ACCOUNT_MANAGER;
}

/* The list's rows, written here rather than by an each: loop of the
 * template: the same HTML for a fraction of the cost (a row through the
 * HDF and the template took 55,000 instructions; docs/performance.md).
 * Every value, the language's included, goes through rp_html_text, the
 * templates' own escaping. tests/http/clients-rows.mjs holds the HTML. */
static void
td_link(struct rp_buf *b, long long id, const char *tail, const char *text)
{
	rp_buf_puts(b, "<td><a href=\"/clients/");
	rp_buf_putll(b, id);
	rp_buf_puts(b, tail);
	rp_buf_puts(b, "\">");
	rp_html_text(b, text);
	rp_buf_puts(b, "</a></td>");
}

static void
td_badge(struct rp_buf *b, const char *cls, const char *cls_key, const char *label)
{
	rp_buf_puts(b, "<td><span class=\"badge ");
	rp_buf_puts(b, cls);
	rp_html_text(b, cls_key);
	rp_buf_puts(b, "\">");
	rp_html_text(b, label);
	rp_buf_puts(b, "</span></td>\n");
}

static const char *
client_rows(struct rp_req *req, const struct rp_client *cs, size_t n, bool full)
{
	HDF *mission = rp_lang_node(req, "Lang.enums.mission_type"),
	    *plan = rp_lang_node(req, "Lang.enums.plan"),
	    *status = rp_lang_node(req, "Lang.enums.client_status"),
	    *billing = rp_lang_node(req, "Lang.clients.billing_short");
	const char *not_yet = rp_lang_text(req, "Lang.clients.not_yet"),
	    *compliance = rp_lang_text(req, "Lang.clients.compliance");
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	for (size_t i = 0; i < n; i++) {
		const struct rp_client *c = &cs[i];
		if (!full) {
			rp_buf_puts(&b, "<tr>");
			td_link(&b, c->id, "/establishments", c->name);
			rp_buf_puts(&b, "</tr>");
			continue;
		}
		rp_buf_puts(&b, "<tr>\n");
		td_link(&b, c->id, "", c->name);
		rp_buf_puts(&b, "\n<td>");
		rp_html_text(&b, rp_lang_in(mission, c->mission_type));
		rp_buf_puts(&b, "</td>\n");
		td_badge(&b, "badge-plan-", c->plan, rp_lang_in(plan, c->plan));
		td_badge(&b, strcmp(c->status, "active") == 0 ? "badge-ok" :
		    strcmp(c->status, "closed") == 0 ? "badge-bad" : "badge-warn", "",
		    rp_lang_in(status, c->status));
		rp_buf_puts(&b, "<td>");
		rp_html_text(&b, rp_lang_in(billing, c->billing_mode));
		rp_buf_puts(&b, "</td>\n");
		rp_buf_puts(&b, "<td><a href=\"/clients/");
		rp_buf_putll(&b, c->id);
		rp_buf_puts(&b, "/establishments\">");
		rp_buf_putll(&b, c->establishments);
		rp_buf_puts(&b, "</a></td>\n<td>");
		if (c->open_actions != NULL && *c->open_actions != '\0') {
			rp_html_text(&b, c->open_actions);
		} else {
			rp_buf_puts(&b, "<span class=\"muted\" title=\"");
			rp_html_text(&b, not_yet);
			rp_buf_puts(&b, "\">\u2014</span>");
		}
		rp_buf_puts(&b, "</td>\n<td>");
		/* The macro progress: the bar's tenth as ClearSilver's #pct / 10. */
		if (c->compliance_pct != NULL && *c->compliance_pct != '\0') {
			rp_buf_puts(&b, "<span class=\"progress\" role=\"img\" aria-label=\"");
			rp_html_text(&b, compliance);
			rp_buf_puts(&b, " ");
			rp_html_text(&b, c->compliance_pct);
			rp_buf_puts(&b, " %\"><span class=\"progress-bar progress-");
			rp_buf_putll(&b, strtol(c->compliance_pct, NULL, 0) / 10);
			rp_buf_puts(&b, "\"></span></span> <span class=\"small\">");
			rp_html_text(&b, c->compliance_pct);
			rp_buf_puts(&b, " %</span>");
		} else {
			rp_buf_puts(&b, "<span class=\"muted\" aria-label=\"");
			rp_html_text(&b, not_yet);
			rp_buf_puts(&b, "\">\u2014</span>");
		}
		rp_buf_puts(&b, "</td>\n</tr>");
	}
	return rp_buf_str(&b);
}

int
rp_ui_clients(struct rp_req *req)
{
	struct rp_client_filter f;
	struct rp_client *cs;
	long long limit, offset, page, total;
	size_t n;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_clients_filter(req, &f, false) != 0 ||
	    rp_clients_list(req, &f, limit, offset, &cs, &n, &total) != 0)
		return -1;
	bool full = req->user->role != RP_ROLE_ESTABLISHMENT_MANAGER;
	rp_setf(req, "Clients.count", "%zu", n);
	rp_set(req, "Clients.rows", client_rows(req, cs, n, full));
	if (may_create(req))
		rp_set(req, "Page.may_create", "1");
	if (full)
		rp_set(req, "Page.full", "1");
	/* The filters, kept in the form, the sort links and the pager. */
	struct rp_buf q;
	rp_buf_init(&q, req->arena);
	const char *keys[] = { "q", "mission_type", "plan", "status", "billing_mode" };
	const char *vals[] = { f.q, f.mission_type, f.plan, f.status, f.billing_mode };
	for (size_t i = 0; i < RP_NELEM(keys); i++) {
		if (vals[i] == NULL || *vals[i] == '\0')
			continue;
		rp_set(req, P("Filter.%s", keys[i]), vals[i]);
		rp_buf_printf(&q, "&%s=%s", keys[i], rp_url_arg_escape(req->arena, vals[i]));
		rp_set(req, "Filter.any", "1");
	}
	rp_set(req, "Search.arg", rp_buf_str(&q));
	rp_set(req, "Sort.key", f.sort);
	rp_set(req, "Sort.dir", f.desc ? "desc" : "asc");
	rp_ui_pager(req, page, total, limit, P("sort=%s&dir=%s%s", f.sort,
	    f.desc ? "desc" : "asc", rp_buf_str(&q)));
	return rp_page(req, "clients", "Lang.clients.title");
}

/* At most this many people are offered as vCISOs, by name
 * (Lang.clients.team_more says the same number); past it, the others get
 * the client from their page under Users. */
#define TEAM_CHOICES 500
/* Checked people looked up past the limit, at most. */
#define TEAM_CHECKED_MAX 100

/* The users the caller may declare vCISO: itself and the active users it
 * manages who are not establishment managers (rp_users_team); `on` says
 * who is checked. Past the limit, the checked ones are offered too: a
 * member missing from the form would be dropped by saving it. */
static int
team_choices(struct rp_req *req, const long long *on, size_t non, long long **ids,
    size_t *nids)
{
	struct rp_user_rec *us;
	size_t n;

	if (rp_users_team(req, TEAM_CHOICES + 1, &us, &n) != 0)
		return -1;
	if (n > TEAM_CHOICES) {
		n = TEAM_CHOICES;
		rp_set(req, "Team.more", "1");
		struct rp_user_rec *all = rp_calloc(req->arena, n + TEAM_CHECKED_MAX,
		    sizeof(*all));
		memcpy(all, us, n * sizeof(*us));
		for (size_t j = 0, looked = 0; j < non && looked < TEAM_CHECKED_MAX; j++) {
			bool listed = false;
			for (size_t i = 0; i < n && !listed; i++)
				listed = all[i].id == on[j];
			if (listed)
				continue;
			struct rp_user_rec u;
			int found = rp_users_get(req, on[j], &u);
			looked++;
			if (found < 0)
				return -1;
			if (found == 1 && u.firm_id == req->user->firm_id && u.active &&
			    u.role != RP_ROLE_ESTABLISHMENT_MANAGER && u.role != RP_ROLE_SUPPORT)
				all[n++] = u;
		}
		us = all;
	}
	*ids = rp_calloc(req->arena, n ? n : 1, sizeof(**ids));
	for (size_t k = 0; k < n; k++) {
		const struct rp_user_rec *u = &us[k];
		(*ids)[k] = u->id;
		const char *b = P("Team.choices.%zu", k);
		rp_setf(req, P("%s.id", b), "%lld", u->id);
		rp_set(req, P("%s.name", b), u->first_name[0] || u->last_name[0] ?
		    P("%s %s", u->first_name, u->last_name) : u->email);
		rp_set(req, P("%s.role", b), rp_role_key(u->role));
		if (u->id == req->user->id)
			rp_set(req, P("%s.self", b), "1");
		for (size_t j = 0; j < non; j++)
			if (on[j] == u->id)
				rp_set(req, P("%s.on", b), "1");
	}
	*nids = n;
	return 0;
}

/* Echo the wizard's fields after an error. */
static void
wizard_echo(struct rp_req *req)
{
	static const char *const keep[] = { "name", "mission_type", "plan",
	    "billing_mode", "billing_email" };

	for (size_t i = 0; i < RP_NELEM(keep); i++)
		rp_set(req, P("Edit.%s", keep[i]), rp_param(&req->form, keep[i]));
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, "modules") == 0 &&
		    rp_enum_parse(&rp_modules, req->form.v[i].val) >= 0)
			rp_set(req, P("Edit.modules.%s", req->form.v[i].val), "1");
}

/* The wizard's page; echo: a refused form is shown again as it was. */
static int
wizard(struct rp_req *req, const long long *team, size_t nteam, bool echo)
{
	long long *ids;
	size_t n;

	/* The starter templates: the firm's library, to copy into the new
	 * client in its creation transaction. */
	if (team_choices(req, team, nteam, &ids, &n) != 0 ||
	    rp_ui_template_picker(req, echo) != 0)
		return -1;
	if (req->user->role == RP_ROLE_MULTI_ACCOUNT_MANAGER)
		rp_set(req, "Team.creator_note", "1");
	return rp_page(req, "client-new", "Lang.clients.wizard_title");
}

int
rp_ui_clients_new(struct rp_req *req)
{
	long long self = req->user->id;

	rp_set(req, "Edit.mission_type", "diagnostic");
	rp_set(req, "Edit.plan", "standard");
	rp_set(req, "Edit.billing_mode", "intermediated");
	return wizard(req, &self, 1, false);
}

int
rp_ui_clients_create(struct rp_req *req)
{
	long long id, *team;
	size_t nteam;

	if (rp_clients_create(req, &id) == 0)
		return rp_ui_done(req, P("/clients/%lld", id), "client_created");
	if (!rp_ui_take_error(req))
		return -1;
	wizard_echo(req);
	if (rp_in_ids(req, "vciso_ids", &team, &nteam) < 0) {
		rp_ui_take_error(req);
		nteam = 0;
	}
	return wizard(req, team, nteam, true);
}

static int
settings_page(struct rp_req *req, const struct rp_client *c)
{
	struct rp_team_member *team;
	size_t n;

	rp_ui_client_chrome(req, c);
	client_hdf(rp_node(req, "Edit"), c);
	if (rp_clients_may_edit(req, c))
		rp_set(req, "Page.may_edit", "1");
	if (c->full && rp_brand_chrome(req, c) != 0)
		return -1;
	if (rp_clients_may_edit(req, c) && (req->user->features & RP_FEAT_BIT(RP_FEAT_PLAN)))
		rp_set(req, "Page.may_plan", "1");
	if (!c->full)
		return rp_page(req, "client", "Lang.clients.settings");
	/* The firm's admins read the billing history support writes. */
	if (req->user->role == RP_ROLE_ADMIN) {
		long long total;
		struct json_object *h = rp_billing_changes(req, c->firm_id, c->id,
		    rp_lang_text(req, "Lang.formats.datetime"), 50, 0, &total);
		if (h == NULL)
			return -1;
		rp_set(req, "Page.history", "1");
		rp_set_json(req, "History", h);
		json_object_put(h);
	}
	if (rp_clients_team(req, c, &team, &n) != 0)
		return -1;
	long long *ids = rp_calloc(req->arena, n ? n : 1, sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		const char *b = P("Team.members.%zu", i);
		ids[i] = team[i].id;
		rp_setf(req, P("%s.id", b), "%lld", team[i].id);
		rp_set(req, P("%s.name", b), team[i].name);
		rp_set(req, P("%s.role", b), rp_role_key(team[i].role));
	}
	if (rp_clients_may_staff(req, c)) {
		rp_set(req, "Page.may_staff", "1");
		long long *choices;
		size_t nchoices;
		if (team_choices(req, ids, n, &choices, &nchoices) != 0)
			return -1;
		/* Members not among the choices are kept as they are. */
		for (size_t i = 0, k = 0; i < n; i++) {
			bool choice = false;
			for (size_t j = 0; j < nchoices; j++)
				choice |= choices[j] == team[i].id;
			if (!choice)
				rp_set(req, P("Team.kept.%zu", k++), team[i].name);
		}
	}
	return rp_page(req, "client", "Lang.clients.settings");
}

int
rp_ui_client(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	return settings_page(req, &c);
}

/* A settings form posted: done, or the page again with the error inline. */
static int
after(struct rp_req *req, const struct rp_client *c, int rc, const char *flash)
{
	if (rc == 0)
		return rp_ui_done(req, P("/clients/%lld", c->id), flash);
	if (!rp_ui_take_error(req))
		return -1;
	return settings_page(req, c);
}

int
rp_ui_client_update(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	return after(req, &c, rp_clients_update(req, &c), "saved");
}

int
rp_ui_client_plan(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	return after(req, &c, rp_clients_plan(req, &c), "plan_changed");
}

int
rp_ui_client_vcisos(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_client_load(req, &c) != 0)
		return -1;
	/* The form always names the list, even when every box is cleared. */
	return after(req, &c, rp_clients_set_vcisos(req, &c), "team_saved");
}

int
rp_ui_client_pilot(struct rp_req *req)
{
	struct rp_client c;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 || rp_brand_chrome(req, &c) != 0)
		return -1;
	rp_ui_client_chrome(req, &c);
	client_hdf(rp_node(req, "Edit"), &c);
	struct rp_dbres act;
	if (rp_audit_latest(req, c.firm_id, c.id, rp_lang_text(req, "Lang.formats.datetime"),
	    10, &act) != 0)
		return -1;
	for (size_t i = 0; i < act.nrows; i++) {
		const char *b = P("Activity.%zu", i);
		rp_set(req, P("%s.at", b), act.rows[i][0]);
		rp_set(req, P("%s.at_text", b), act.rows[i][1]);
		rp_set(req, P("%s.action", b), act.rows[i][2]);
	}
	/* The frameworks, the figures, the usage scores and the latest scans
	 * in one round trip; each widget shows its part if the caller may. */
	struct rp_pilot_dashboard d;
	if (rp_pilot_dashboard(req, &c, rp_lang_text(req, "Lang.formats.datetime"), &d) != 0)
		return -1;
	rp_ui_pilot_frameworks_set(req, d.adopted, d.adoptable);
	rp_ui_pilot_figures_set(req, &c, &d.f);
	rp_ui_usage_pilot(req, &c, d.usage, d.feed);
	/* External exposure (feature monitoring, module external_scan). */
	rp_ui_scan_pilot_widget(req, &c, d.exposure, d.nexposure);
	return rp_page(req, "client-pilot", "Lang.clients.pilot_title");
}
