/* Login, MFA step and logout pages. */
#include <string.h>

#include "arena.h"
#include "input.h"
#include "login.h"
#include "request.h"
#include "response.h"
#include "session.h"
#include "tmpl.h"
#include "ui-auth.h"
#include "ui-shared.h"
#include "util.h"

/* Login CSRF: before there is a session, the form carries a random token
 * that must equal a cookie only this site can set (double submit), so a
 * foreign page cannot log the browser into an attacker's account. */
#define PRELOGIN "rempart_prelogin"

static const char *
safe_next(struct rp_req *req, const char *next)
{
	/* In-app paths only: the login never sends anyone elsewhere. */
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strpbrk(next, "\r\n") != NULL || strncmp(next, "/login", 6) == 0)
		return "/";
	return next;
}

static int
login_form(struct rp_req *req, const char *email)
{
	char token[65];
	const char *next = rp_param(&req->form, "next");

	if (next == NULL)
		next = rp_query(req, "next");
	if (rp_random_hex(token, 32) != 0)
		return rp_fail(req, 503, "unavailable", NULL, "Try again later.");
	rp_resp_header(req, "Set-Cookie", rp_printf(req->arena, PRELOGIN "=%s; "
	    "Path=/login; HttpOnly; SameSite=Strict%s", token,
	    rp_env(req, "HTTPS") && *rp_env(req, "HTTPS") ? "; Secure" : ""));
	rp_set(req, "Login.token", token);
	rp_set(req, "Login.email", email);
	rp_set(req, "Login.next", safe_next(req, next));
	return rp_page(req, "login", "Lang.login.title");
}

int
rp_ui_login(struct rp_req *req)
{
	return login_form(req, NULL);
}

int
rp_ui_login_post(struct rp_req *req)
{
	const char *cookie = rp_cookie(req, PRELOGIN), *sent, *email = NULL,
	    *password, *csrf;
	enum rp_login_outcome out;

	sent = rp_param(&req->form, "login_token");
	if (cookie == NULL || sent == NULL || !rp_str_equal_ct(cookie, sent)) {
		rp_fail(req, 403, "csrf", "login_token",
		    "The form expired; try again.");
		rp_ui_take_error(req);
		return login_form(req, NULL);
	}
	if (rp_in_email(req, "email", true, &email) < 0 ||
	    rp_in_secret(req, "password", true, &password) < 0 ||
	    rp_login(req, email, password, NULL, true, &out, &csrf) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return login_form(req, email);
	}
	const char *next = safe_next(req, rp_param(&req->form, "next"));
	if (out == RP_LOGIN_PENDING) {
		rp_redirect(req, rp_printf(req->arena, "/login/mfa?next=%s",
		    rp_url_path_escape(req->arena, next)));
		return 0;
	}
	rp_redirect(req, next);
	return 0;
}

int
rp_ui_login_mfa(struct rp_req *req)
{
	rp_set(req, "Login.next", safe_next(req, rp_query(req, "next")));
	return rp_page(req, "login-mfa", "Lang.login.mfa_title");
}

int
rp_ui_login_mfa_post(struct rp_req *req)
{
	const char *code;

	if (rp_in_text(req, "totp", 32, true, &code) < 0 ||
	    rp_login_mfa(req, code) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		rp_set(req, "Login.next", safe_next(req, rp_param(&req->form, "next")));
		return rp_page(req, "login-mfa", "Lang.login.mfa_title");
	}
	rp_redirect(req, safe_next(req, rp_param(&req->form, "next")));
	return 0;
}

int
rp_ui_logout(struct rp_req *req)
{
	if (rp_logout(req) != 0)
		return -1;
	return rp_ui_done(req, "/login", "logged_out");
}
