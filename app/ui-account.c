/* "My account": profile, password, language, MFA and sessions. */
#include <string.h>

#include <json.h>

#include "account.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "db.h"
#include "input.h"
#include "mfa.h"
#include "request.h"
#include "session.h"
#include "tmpl.h"
#include "ui-account.h"
#include "ui-shared.h"
#include "users.h"

static int
account_page(struct rp_req *req)
{
	struct rp_user_rec me;
	struct rp_dbres res;
	int found = rp_users_get(req, req->user->id, &me);

	if (found <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL,
		    "No such user.");
	rp_set(req, "Account.first_name", me.first_name);
	rp_set(req, "Account.last_name", me.last_name);
	rp_set(req, "Account.email", me.email);
	rp_set(req, "Account.lang", me.lang);
	rp_set(req, "Account.mfa", me.mfa_enabled ? "1" : "0");
	if (req->user->features & RP_FEAT_BIT(RP_FEAT_SELF))
		rp_set(req, "Account.self", "1");
	/* Dates as the user's language writes them (a DATE_FORMAT pattern of
	 * the language file). */
	if (rp_session_list(req, req->user->id,
	    rp_lang_text(req, "Lang.formats.datetime"), &res) != 0)
		return -1;
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		char *base = rp_printf(req->arena, "Sessions.%zu", i);
		rp_set(req, rp_printf(req->arena, "%s.id", base), r[0]);
		rp_set(req, rp_printf(req->arena, "%s.created", base), r[1]);
		rp_set(req, rp_printf(req->arena, "%s.seen", base), r[2]);
		rp_set(req, rp_printf(req->arena, "%s.ip", base), r[3]);
		rp_set(req, rp_printf(req->arena, "%s.agent", base), r[4]);
		if (strcmp(r[0], rp_printf(req->arena, "%lld",
		    req->user->session_id)) == 0)
			rp_set(req, rp_printf(req->arena, "%s.current", base), "1");
	}
	return rp_page(req, "account", "Lang.account.title");
}

int
rp_ui_account(struct rp_req *req)
{
	return account_page(req);
}

int
rp_ui_account_post(struct rp_req *req)
{
	bool password = rp_param(&req->form, "password") != NULL &&
	    *rp_param(&req->form, "password") != '\0';

	if (rp_account_update(req) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return account_page(req);
	}
	return rp_ui_done(req, "/account", password ? "password_changed" : "saved");
}

int
rp_ui_account_mfa(struct rp_req *req)
{
	rp_set(req, "Account.mfa", req->user->mfa_enabled ? "1" : "0");
	return rp_page(req, "account-mfa", "Lang.mfa.title");
}

int
rp_ui_account_mfa_post(struct rp_req *req)
{
	const char *secret, *uri;

	if (rp_mfa_begin(req, &secret, &uri) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return rp_ui_account_mfa(req);
	}
	rp_set(req, "Mfa.secret", secret);
	rp_set(req, "Mfa.uri", uri);
	/* The QR code is our own SVG markup, built from the URI only. */
	rp_set(req, "Mfa.qr", rp_qr_svg(req, uri));
	return rp_ui_account_mfa(req);
}

int
rp_ui_account_mfa_confirm(struct rp_req *req)
{
	const char *code, *codes[10];

	if (rp_in_text(req, "totp", 6, true, &code) < 0 ||
	    rp_mfa_confirm(req, code, codes) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		rp_set(req, "Mfa.retry", "1");
		return rp_ui_account_mfa(req);
	}
	for (int i = 0; i < 10; i++)
		rp_set(req, rp_printf(req->arena, "Mfa.codes.%d", i), codes[i]);
	return rp_ui_account_mfa(req);
}

int
rp_ui_account_session_revoke(struct rp_req *req)
{
	int n = rp_session_revoke(req, req->user->id, req->args[0]);

	if (n < 0)
		return -1;
	if (n == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such session.");
	if (rp_audit(req, "session.revoke", "session", req->args[0], 0, NULL) != 0)
		return -1;
	return rp_ui_done(req, "/account", "session_ended");
}
