/* One-time setup links: a new firm's first admin chooses its own password
 * (support never chooses it). The link's token is random, stored as its
 * SHA-256, valid for 72 hours and once. */
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "input.h"
#include "login.h"
#include "password.h"
#include "request.h"
#include "session.h"
#include "setup.h"
#include "users.h"
#include "util.h"

static struct rp_stmt q_issue = RP_STMT(
    "INSERT INTO setup_tokens (token_hash, user_id, expires_at, created_by)"
    " VALUES (UNHEX(SHA2(?, 256)), ?, UTC_TIMESTAMP() + INTERVAL 72 HOUR, ?)");
static struct rp_stmt q_expiry = RP_STMT(
    "SELECT DATE_FORMAT(expires_at, '%Y-%m-%dT%H:%i:%sZ') FROM setup_tokens"
    " WHERE token_hash = UNHEX(SHA2(?, 256))");
static struct rp_stmt q_find = RP_STMT(
    "SELECT t.user_id, u.email, u.role FROM setup_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = UNHEX(SHA2(?, 256)) AND t.used_at IS NULL"
    " AND t.expires_at > UTC_TIMESTAMP() AND u.active = 1");
static struct rp_stmt q_use = RP_STMT(
    "UPDATE setup_tokens SET used_at = UTC_TIMESTAMP() WHERE token_hash = UNHEX(SHA2(?, 256))"
    " AND used_at IS NULL");
static struct rp_stmt q_unused = RP_STMT(
    "UPDATE setup_tokens SET used_at = UTC_TIMESTAMP() WHERE user_id = ? AND used_at IS NULL");
static struct rp_stmt q_password = RP_STMT(
    "UPDATE users SET password_hash = ? WHERE id = ?");

int
rp_setup_issue(struct rp_req *req, long long user_id, const char **url,
    const char **expires)
{
	char token[65];
	struct rp_dbres res;

	if (rp_random_hex(token, 32) != 0)
		return rp_fail(req, 503, "unavailable", NULL, "Try again later.");
	/* A new link replaces the ones before it. */
	struct rp_dbarg u = RP_AINT(user_id);
	struct rp_dbarg a[] = { RP_ASTR(token), RP_AINT(user_id),
	    req->user ? RP_AINT(req->user->id) : RP_ANULL };
	if (rp_db_do(req, &q_unused, &u, 1, NULL) != 0 ||
	    rp_db_do(req, &q_issue, a, 3, NULL) != 0 ||
	    rp_db_do(req, &q_expiry, a, 1, &res) != 0)
		return -1;
	*url = rp_printf(req->arena, "/setup/%s", token);
	*expires = rp_db_cell(&res, 0, 0);
	return 0;
}

/* A token as a link carries it: 64 hexadecimal digits. */
static bool
token_ok(const char *t)
{
	return t != NULL && strlen(t) == 64 && strspn(t, "0123456789abcdef") == 64;
}

int
rp_setup_check(struct rp_req *req, const char *token, long long *user_id,
    const char **email)
{
	struct rp_dbarg a = RP_ASTR(token);
	struct rp_dbres res;

	if (!token_ok(token))
		return 0;
	if (rp_db_do(req, &q_find, &a, 1, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return 0;
	rp_strtonum(res.rows[0][0], 1, INT64_MAX, user_id);
	*email = res.rows[0][1];
	return 1;
}

int
rp_setup_redeem(struct rp_req *req, const char *token, long long *user_id,
    const char **email)
{
	const char *password, *confirm, *why;
	char hash[RP_HASH_LEN];
	struct rp_dbres res;
	int found;

	if ((found = rp_setup_check(req, token, user_id, email)) <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL,
		    "This link is unknown, used or expired: ask support for a new one.");
	if (rp_in_secret(req, "password", true, &password) < 0 ||
	    rp_in_secret(req, "password_confirm", false, &confirm) < 0)
		return -1;
	/* The form asks twice; the API's client does its own checking. */
	if (!req->json && (confirm == NULL || strcmp(confirm, password) != 0))
		return rp_fail(req, 400, "mismatch", "password_confirm",
		    "The two passwords differ.");
	if ((why = rp_password_policy(password, *email)) != NULL)
		return rp_fail(req, 400, "weak_password", "password", why);
	if (rp_password_hash(password, hash) != 0)
		return rp_fail(req, 500, "internal", NULL, "Hashing failed.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg t = RP_ASTR(token);
	struct rp_dbarg p[] = { RP_ASTR(hash), RP_AINT(*user_id) };
	if (rp_db_do(req, &q_use, &t, 1, &res) != 0)
		goto fail;
	/* Two tabs racing on one link: only one wins. */
	if (res.affected != 1) {
		rp_fail(req, 404, "not_found", NULL, "This link was used already.");
		goto fail;
	}
	if (rp_db_do(req, &q_password, p, 2, NULL) != 0 ||
	    rp_audit(req, "user.setup", "user", *user_id, 0, NULL) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_setup_login(struct rp_req *req, const char *email, const char **csrf)
{
	struct rp_user_rec u;
	const char *hash, *secret;
	long long last;
	int found;

	if ((found = rp_users_by_email(req, email, &u, &hash, &secret, &last)) <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL, "No such user.");
	return rp_login_start(req, &u, csrf);
}
