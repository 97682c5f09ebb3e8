/* The support area's pages and the setup-link page. They show the JSON of
 * admin.c and statement.c (the API's answers) through rp_set_json. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "admin.h"
#include "arena.h"
#include "request.h"
#include "response.h"
#include "setup.h"
#include "statement.h"
#include "tmpl.h"
#include "ui-admin.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* Keep the list filters in the form, the pager's links and sort links. */
static const char *
keep_filters(struct rp_req *req, const char *const *keys, size_t n)
{
	struct rp_buf q;

	rp_buf_init(&q, req->arena);
	for (size_t i = 0; i < n; i++) {
		const char *v = rp_query(req, keys[i]);
		if (v == NULL || *v == '\0')
			continue;
		rp_set(req, P("Filter.%s", keys[i]), v);
		rp_buf_printf(&q, "%s%s=%s", q.len ? "&" : "", keys[i],
		    rp_url_arg_escape(req->arena, v));
		rp_set(req, "Filter.any", "1");
	}
	return rp_buf_str(&q);
}

int
rp_ui_admin_clients(struct rp_req *req)
{
	static const char *const keys[] = { "q", "firm_id", "mission_type", "plan",
	    "status", "billing_mode", "sort", "dir" };
	long long limit, offset, page, total, ftotal;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_admin_clients(req, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Clients", items);
	json_object_put(items);
	/* The firm filter offers the firms by name. */
	struct json_object *firms = rp_admin_firms(req, NULL, 500, 0, &ftotal);
	if (firms == NULL)
		return -1;
	rp_set_json(req, "Firms", firms);
	json_object_put(firms);
	rp_ui_pager(req, page, total, limit, keep_filters(req, keys, RP_NELEM(keys)));
	return rp_page(req, "admin-clients", "Lang.admin.clients");
}

static int
client_page(struct rp_req *req)
{
	struct json_object *c;

	if (rp_admin_client(req, req->args[0], rp_lang_text(req, "Lang.formats.datetime"),
	    &c) != 0)
		return -1;
	rp_set_json(req, "Client", c);
	json_object_put(c);
	return rp_page(req, "admin-client", "Lang.admin.client");
}

int
rp_ui_admin_client(struct rp_req *req)
{
	return client_page(req);
}

int
rp_ui_admin_billing(struct rp_req *req)
{
	if (rp_admin_billing_change(req, req->args[0]) == 0)
		return rp_ui_done(req, P("/admin/clients/%lld", req->args[0]), "billing_changed");
	if (!rp_ui_take_error(req))
		return -1;
	static const char *const keep[] = { "billing_mode", "billing_email", "reason" };
	for (size_t i = 0; i < RP_NELEM(keep); i++)
		rp_set(req, P("Edit.%s", keep[i]), rp_param(&req->form, keep[i]));
	rp_set(req, "Edit.posted", "1");
	return client_page(req);
}

static int
firms_page(struct rp_req *req)
{
	long long limit, offset, page, total;
	const char *q = rp_query(req, "q");

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	if (q != NULL && strlen(q) > 200)
		return rp_fail(req, 400, "too_long", "q", "The search is too long.");
	struct json_object *firms = rp_admin_firms(req, q, limit, offset, &total);
	if (firms == NULL)
		return -1;
	rp_set_json(req, "Firms", firms);
	json_object_put(firms);
	static const char *const keys[] = { "q" };
	rp_ui_pager(req, page, total, limit, keep_filters(req, keys, 1));
	return rp_page(req, "admin-firms", "Lang.admin.firms");
}

int
rp_ui_admin_firms(struct rp_req *req)
{
	return firms_page(req);
}

/* The one-time link is shown once, on the answer to the form: never in an
 * address, a log or a redirect. */
static int
show_link(struct rp_req *req, struct json_object *o)
{
	/* The link as the admin will open it: this site's address. */
	rp_set(req, "Page.origin", rp_req_origin(req));
	rp_set_json(req, "Created", o);
	json_object_put(o);
	return firms_page(req);
}

int
rp_ui_admin_firm_create(struct rp_req *req)
{
	struct json_object *o;

	if (rp_admin_firm_create(req, &o) == 0)
		return show_link(req, o);
	if (!rp_ui_take_error(req))
		return -1;
	static const char *const keep[] = { "name", "admin_email", "admin_first_name",
	    "admin_last_name" };
	for (size_t i = 0; i < RP_NELEM(keep); i++)
		rp_set(req, P("Edit.%s", keep[i]), rp_param(&req->form, keep[i]));
	return firms_page(req);
}

int
rp_ui_admin_setup_link(struct rp_req *req)
{
	struct json_object *o;

	if (rp_admin_setup_link(req, req->args[0], &o) == 0)
		return show_link(req, o);
	if (!rp_ui_take_error(req))
		return -1;
	return firms_page(req);
}

int
rp_ui_admin_billing_changes(struct rp_req *req)
{
	long long limit, offset, page, total;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_billing_changes(req, 0, 0,
	    rp_lang_text(req, "Lang.formats.datetime"), limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Changes", items);
	json_object_put(items);
	rp_ui_pager(req, page, total, limit, "");
	return rp_page(req, "admin-billing", "Lang.admin.billing_changes");
}

/* An amount in cents as the language writes money ("1 234,56 €",
 * "€1,234.56"): Lang.formats.money is a pattern where "{}" stands for the
 * number. */
static const char *
money(struct rp_req *req, long long cents)
{
	const char *sep = rp_lang_text(req, "Lang.formats.thousands");
	const char *pat = rp_lang_text(req, "Lang.formats.money");
	long long abs = cents < 0 ? -cents : cents;
	char digits[32];
	struct rp_buf b;
	size_t n;

	rp_buf_init(&b, req->arena);
	if (cents < 0)
		rp_buf_puts(&b, "-");
	n = (size_t)snprintf(digits, sizeof(digits), "%lld", abs / 100);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			rp_buf_puts(&b, sep);
		rp_buf_add(&b, &digits[i], 1);
	}
	rp_buf_printf(&b, "%s%02lld", rp_lang_text(req, "Lang.formats.decimal"), abs % 100);
	const char *num = rp_buf_str(&b), *at = strstr(pat, "{}");
	if (at == NULL)
		return num;
	return P("%.*s%s%s", (int)(at - pat), pat, num, at + 2);
}

/* Add "<key>_text" beside every "<key>_cents" of a statement. */
static void
money_texts(struct rp_req *req, struct json_object *o)
{
	if (json_object_is_type(o, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(o); i++)
			money_texts(req, json_object_array_get_idx(o, i));
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	struct json_object *add = json_object_new_object();
	json_object_object_foreach(o, k, v) {
		size_t len = strlen(k);
		if (len > 6 && strcmp(k + len - 6, "_cents") == 0)
			json_object_object_add(add, P("%.*s_text", (int)(len - 6), k),
			    json_object_new_string(money(req, json_object_get_int64(v))));
		else
			money_texts(req, v);
	}
	json_object_object_foreach(add, k2, v2)
		json_object_object_add(o, k2, json_object_get(v2));
	json_object_put(add);
}

int
rp_ui_admin_statement(struct rp_req *req)
{
	const char *month = rp_query(req, "month");
	char now[8];

	/* The current month unless another is asked for. */
	if (month == NULL || *month == '\0') {
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(now, sizeof(now), "%Y-%m", &tm);
		month = now;
	}
	struct json_object *st = rp_statement(req, month);
	if (st == NULL)
		return -1;
	money_texts(req, st);
	rp_set_json(req, "Statement", st);
	json_object_put(st);
	rp_set(req, "Month", month);
	return rp_page(req, "admin-statement", "Lang.admin.statement");
}

int
rp_ui_admin_statement_csv(struct rp_req *req)
{
	const char *month = rp_query(req, "month");

	req->resp.body.len = 0;
	if (rp_statement_csv(req, month, &req->resp.body) != 0)
		return -1;
	req->resp.status = 200;
	req->resp.ctype = "text/csv; charset=utf-8";
	rp_resp_header(req, "Content-Disposition", P("attachment; filename=\"statement-%s.csv\"",
	    month));
	return 0;
}

/* ----------------------------------------------------------- setup link --- */

static int
setup_page(struct rp_req *req)
{
	long long uid;
	const char *email;
	int found = rp_setup_check(req, req->token, &uid, &email);

	if (found <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL,
		    "This link is unknown, used or expired.");
	rp_set(req, "Setup.email", email);
	rp_set(req, "Setup.action", P("/setup/%s", req->token));
	return rp_page(req, "setup", "Lang.setup.title");
}

int
rp_ui_setup(struct rp_req *req)
{
	return setup_page(req);
}

int
rp_ui_setup_post(struct rp_req *req)
{
	const char *email, *csrf;
	long long uid;

	if (rp_setup_redeem(req, req->token, &uid, &email) != 0) {
		if (req->resp.status == 404 || !rp_ui_take_error(req))
			return -1;
		return setup_page(req);
	}
	if (rp_setup_login(req, email, &csrf) != 0)
		return -1;
	/* Roles that must enrol in MFA go there first (the dispatcher
	 * would send them anyway). */
	return rp_ui_done(req, req->user->mfa_enrollment_required ? "/account/mfa" : "/",
	    "password_set");
}
