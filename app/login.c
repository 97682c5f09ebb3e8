/* Logging in: throttling, password and TOTP checks, sessions, audit. */
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "config.h"
#include "db.h"
#include "json.h"
#include "login.h"
#include "mfa.h"
#include "password.h"
#include "request.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "users.h"
#include "util.h"

static struct rp_stmt q_fail_email = RP_STMT(
    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),"
    " MIN(at) + INTERVAL ? SECOND), 0) FROM login_failures"
    " WHERE email = ? AND at > UTC_TIMESTAMP() - INTERVAL ? SECOND");
static struct rp_stmt q_fail_ip = RP_STMT(
    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),"
    " MIN(at) + INTERVAL ? SECOND), 0) FROM login_failures"
    " WHERE ip = ? AND at > UTC_TIMESTAMP() - INTERVAL ? SECOND");
static struct rp_stmt q_fail_add = RP_STMT(
    "INSERT INTO login_failures (email, ip, at) VALUES (?, ?, UTC_TIMESTAMP())");
static struct rp_stmt q_fail_drop = RP_STMT(
    "DELETE FROM login_failures WHERE id = ?");
static struct rp_stmt q_fail_clear = RP_STMT(
    "DELETE FROM login_failures WHERE email = ?");
static struct rp_stmt q_rehash = RP_STMT(
    "UPDATE users SET password_hash = ? WHERE id = ?");
static struct rp_stmt q_pending_user = RP_STMT(
    "SELECT mfa_secret FROM users WHERE id = ?");

/* Claim an attempt before checking anything: the attempt is recorded first
 * and then counted, so parallel guesses cannot all pass the check (each
 * sees the ones committed before it). A good login deletes the rows of its
 * e-mail; a throttled attempt removes its own row so that waiting works. */
int
rp_login_claim(struct rp_req *req, const char *email, long long *attempt)
{
	const struct rp_config *cfg = rp_worker_config;
	struct rp_dbres res;

	struct rp_dbarg add[] = { RP_ASTR(email), RP_ASTR(req->remote_addr) };
	if (rp_db_exec(req->arena, &q_fail_add, add, 2, &res) != 0)
		return rp_db_fail(req);
	*attempt = res.insert_id;
	if (rp_throttle_check(req, &q_fail_email, &q_fail_drop, email,
	    cfg->auth_throttle_window, cfg->auth_max_failures_account, *attempt,
	    "Too many failed logins; try again later.") != 0 ||
	    rp_throttle_check(req, &q_fail_ip, &q_fail_drop, req->remote_addr,
	    cfg->auth_throttle_window, cfg->auth_max_failures_address, *attempt,
	    "Too many failed logins; try again later.") != 0)
		return -1;
	return 0;
}

/* Count a failure and audit it; the answer never says what was wrong. */
static int
failed(struct rp_req *req, const char *email, const struct rp_user_rec *u,
    const char *reason, const char *code, const char *field, const char *msg)
{
	struct rp_user actor = { 0 };
	struct json_object *d = json_object_new_object();

	rp_jadd(d, "email", json_object_new_string(email));
	rp_jadd(d, "reason", json_object_new_string(reason));
	if (u != NULL) {
		actor.id = u->id;
		actor.firm_id = u->firm_id;
		req->user = &actor;
	}
	int rc = rp_audit(req, "login.failed", "user", u ? u->id : 0, 0, d);
	req->user = NULL;
	if (rc != 0)
		return -1;
	return rp_fail(req, 401, code, field, msg);
}

int
rp_login(struct rp_req *req, const char *email, const char *password,
    const char *totp, bool pending_ok, enum rp_login_outcome *out,
    const char **csrf)
{
	struct rp_user_rec u;
	const char *hash, *secret;
	long long last, sid, attempt;
	bool rehash;
	int found, ok;

	if (rp_login_claim(req, email, &attempt) != 0)
		return -1;
	if ((found = rp_users_by_email(req, email, &u, &hash, &secret, &last)) < 0)
		return -1;
	if (!found || !u.active) {
		/* Same cost and same answer as a wrong password. */
		rp_password_burn(password);
		return failed(req, email, found ? &u : NULL, found ? "inactive" :
		    "unknown", "invalid_credentials", NULL,
		    "Wrong e-mail or password.");
	}
	if (!rp_password_verify(password, hash, &rehash))
		return failed(req, email, &u, "password", "invalid_credentials",
		    NULL, "Wrong e-mail or password.");
	if (u.mfa_enabled && totp == NULL) {
		/* The password was right: this attempt is no failure. */
		struct rp_dbarg own = RP_AINT(attempt);
		if (rp_db_exec(req->arena, &q_fail_drop, &own, 1, NULL) != 0)
			return rp_db_fail(req);
		if (!pending_ok) {
			*out = RP_LOGIN_NEED_TOTP;
			return rp_fail(req, 401, "mfa_required", "totp",
			    "Enter the code of your authenticator app.");
		}
		if (rp_session_create(req, u.id, false, &sid, csrf) != 0)
			return -1;
		*out = RP_LOGIN_PENDING;
		return 0;
	}
	if (u.mfa_enabled) {
		if ((ok = rp_mfa_check(req, u.id, secret, totp)) < 0)
			return -1;
		if (!ok)
			return failed(req, email, &u, "totp", "invalid_totp", "totp",
			    "This code is not valid.");
	}
	struct rp_dbarg e = RP_ASTR(email);
	if (rp_db_exec(req->arena, &q_fail_clear, &e, 1, NULL) != 0)
		return rp_db_fail(req);
	/* A cost raised in the config applies at the next good login. */
	if (rehash) {
		char fresh[RP_HASH_LEN];
		if (rp_password_hash(password, fresh) == 0) {
			struct rp_dbarg r[] = { RP_ASTR(fresh), RP_AINT(u.id) };
			if (rp_db_exec(req->arena, &q_rehash, r, 2, NULL) != 0)
				return rp_db_fail(req);
		}
	}
	if (rp_login_start(req, &u, csrf) != 0)
		return -1;
	*out = RP_LOGIN_DONE;
	return 0;
}

int
rp_login_start(struct rp_req *req, const struct rp_user_rec *u, const char **csrf)
{
	long long sid;

	if (rp_session_create(req, u->id, true, &sid, csrf) != 0)
		return -1;
	/* Make the new session the request's user. */
	struct rp_user *me = rp_calloc(req->arena, 1, sizeof(*me));
	me->id = u->id;
	me->firm_id = u->firm_id;
	me->role = u->role;
	me->features = u->features;
	me->profile_fields = u->profile_fields;
	me->csrf_token = *csrf;
	me->session_id = sid;
	me->email = u->email;
	me->first_name = u->first_name;
	me->last_name = u->last_name;
	me->mfa_enabled = u->mfa_enabled;
	me->mfa_enrollment_required = !u->mfa_enabled &&
	    rp_session_mfa_required(u->role);
	req->user = me;
	return rp_audit(req, "login", "session", sid, 0, NULL);
}

int
rp_login_mfa(struct rp_req *req, const char *code)
{
	struct rp_user *u = req->user;
	struct rp_dbres res;
	struct rp_dbarg id = RP_AINT(u->id);
	long long attempt;
	int ok;

	/* Codes typed at the MFA step count as login attempts too. */
	if (rp_login_claim(req, u->email, &attempt) != 0)
		return -1;
	if (rp_db_exec(req->arena, &q_pending_user, &id, 1, &res) != 0)
		return rp_db_fail(req);
	if ((ok = rp_mfa_check(req, u->id, rp_db_cell(&res, 0, 0), code)) < 0)
		return -1;
	if (!ok)
		return rp_fail(req, 400, "invalid_totp", "totp", "This code is not valid.");
	struct rp_dbarg e = RP_ASTR(u->email);
	if (rp_db_exec(req->arena, &q_fail_clear, &e, 1, NULL) != 0)
		return rp_db_fail(req);
	if (rp_session_mfa_passed(req, u->session_id) != 0)
		return -1;
	return rp_audit(req, "login", "session", u->session_id, 0, NULL);
}

int
rp_login_release(struct rp_req *req, long long attempt)
{
	struct rp_dbarg own = RP_AINT(attempt);

	return rp_db_exec(req->arena, &q_fail_drop, &own, 1, NULL) == 0 ? 0 :
	    rp_db_fail(req);
}

int
rp_logout(struct rp_req *req)
{
	if (req->user != NULL && rp_audit(req, "logout", "session",
	    req->user->session_id, 0, NULL) != 0)
		return -1;
	return rp_session_end(req);
}
