/* Sessions: random tokens in a cookie, stored hashed, with idle and absolute
 * timeouts, and the per-session CSRF token. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "arena.h"
#include "authz.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "session.h"
#include "sha256.h"
#include "util.h"

static const struct rp_config *cfg;

/* Only the SHA-256 of a token is stored: a copy of the table opens nothing.
 * Writes use the database's clock, in UTC. The check of every request is
 * given the time, to the second, instead of reading UTC_TIMESTAMP(): a
 * statement without a clock function is one MariaDB's query cache answers
 * (docs/performance.md), until the second changes or a write to sessions,
 * users or firms (a sign-out, a revocation, a deactivation) invalidates it. */
static struct rp_stmt q_load = RP_STMT(
    "SELECT s.id, s.csrf_token, s.mfa_ok, u.id, COALESCE(u.firm_id, 0), u.role,"
    " u.email, u.first_name, u.last_name, u.mfa_enabled,"
    " u.feature_keys, u.profile_keys,"
    " s.last_seen < CAST(? AS DATETIME) - INTERVAL 60 SECOND, u.lang, fi.name, fi.clients_count"
    " FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN firms fi ON fi.id = u.firm_id"
    " WHERE s.token_hash = UNHEX(SHA2(?, 256)) AND u.active = 1"
    " AND s.last_seen > CAST(? AS DATETIME) - INTERVAL ? SECOND"
    " AND s.created_at > CAST(? AS DATETIME) - INTERVAL ? SECOND");
static struct rp_stmt q_touch = RP_STMT(
    "UPDATE sessions SET last_seen = UTC_TIMESTAMP() WHERE id = ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO sessions (token_hash, user_id, csrf_token, mfa_ok, created_at,"
    " last_seen, ip, user_agent) VALUES (UNHEX(SHA2(?, 256)), ?, ?, ?,"
    " UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?, LEFT(?, 255))");
static struct rp_stmt q_purge = RP_STMT(
    "DELETE FROM sessions WHERE user_id = ? AND (last_seen < UTC_TIMESTAMP() -"
    " INTERVAL ? SECOND OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND)");
static struct rp_stmt q_mfa_ok = RP_STMT(
    "UPDATE sessions SET mfa_ok = 1 WHERE id = ?");
static struct rp_stmt q_delete = RP_STMT(
    "DELETE FROM sessions WHERE id = ?");
static struct rp_stmt q_delete_user = RP_STMT(
    "DELETE FROM sessions WHERE user_id = ? AND id <> ?");

static struct rp_stmt q_list = RP_STMT(
    "SELECT id, DATE_FORMAT(created_at, ?), DATE_FORMAT(last_seen, ?), ip, user_agent"
    " FROM sessions WHERE user_id = ? AND mfa_ok = 1"
    " AND last_seen > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " AND created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " ORDER BY last_seen DESC, id DESC LIMIT 100");
static struct rp_stmt q_revoke = RP_STMT(
    "DELETE FROM sessions WHERE id = ? AND user_id = ?");

void
rp_session_setup(const struct rp_config *c)
{
	cfg = c;
}

int
rp_random_hex(char *out, size_t nbytes)
{
	unsigned char buf[64];
	size_t got = 0;

	if (nbytes > sizeof(buf))
		return -1;
	while (got < nbytes) {
		ssize_t n = getrandom(buf + got, nbytes - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rp_err("getrandom: %s", strerror(errno));
			return -1;
		}
		got += (size_t)n;
	}
	rp_hex(buf, nbytes, out);
	return 0;
}

bool
rp_session_mfa_required(int role)
{
	const char *list = cfg->auth_mfa_required_roles, *key = rp_role_key(role);
	size_t n = strlen(key);

	while (*list) {
		list += strspn(list, " ,");
		size_t len = strcspn(list, " ,");
		if (len == n && strncmp(list, key, n) == 0)
			return true;
		list += len;
	}
	return false;
}

static bool
secure_request(const struct rp_req *req)
{
	const char *https = rp_env(req, "HTTPS");

	return https != NULL && *https != '\0';
}

static void
set_cookie(struct rp_req *req, const char *value, bool clear)
{
	char *v = rp_printf(req->arena, RP_SESSION_COOKIE "=%s; Path=/; HttpOnly; "
	    "SameSite=Lax%s%s", value, secure_request(req) ? "; Secure" : "",
	    clear ? "; Max-Age=0" : "");
	rp_resp_header(req, "Set-Cookie", v);
}

int
rp_session_load(struct rp_req *req, bool pending)
{
	const char *token = rp_cookie(req, RP_SESSION_COOKIE);
	struct rp_dbres res;
	struct rp_user *u;
	long long v;

	req->user = NULL;
	/* A token is 64 hex digits; anything else cannot match, skip the query. */
	if (token == NULL || strlen(token) != 64 || strspn(token,
	    "0123456789abcdef") != 64)
		return 0;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	strftime(now, sizeof(now), "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
	struct rp_dbarg args[] = { RP_ASTR(now), RP_ASTR(token), RP_ASTR(now),
	    RP_AINT(cfg->auth_session_idle), RP_ASTR(now),
	    RP_AINT(cfg->auth_session_absolute) };
	if (rp_db_exec(req->arena, &q_load, args, RP_NELEM(args), &res) != 0)
		return rp_db_fail(req);
	if (res.nrows != 1) {
		set_cookie(req, "", true);	/* expired or revoked: forget it */
		return 0;
	}
	char **row = res.rows[0];
	if (strcmp(row[2], "1") != 0 && !pending)
		return 0;
	u = rp_calloc(req->arena, 1, sizeof(*u));
	rp_strtonum(row[0], 1, INT64_MAX, &u->session_id);
	u->csrf_token = row[1];
	rp_strtonum(row[3], 1, INT64_MAX, &u->id);
	rp_strtonum(row[4], 0, INT64_MAX, &u->firm_id);
	if ((u->role = rp_role_parse(row[5])) < 0) {
		rp_err("user %lld has unknown role", u->id);
		return 0;
	}
	u->email = row[6];
	u->first_name = row[7];
	u->last_name = row[8];
	u->firm_name = row[14];
	rp_strtonum(row[15] ? row[15] : "0", 0, INT64_MAX, &u->firm_clients);
	u->mfa_enabled = strcmp(row[9], "1") == 0;
	u->features = rp_effective_features(u->role, rp_features_from_list(row[10]));
	u->profile_fields = rp_effective_profile_fields(u->role,
	    rp_profile_fields_from_list(row[11]));
	u->mfa_enrollment_required = !u->mfa_enabled &&
	    rp_session_mfa_required(u->role);
	req->user = u;
	/* The user's language, unless this request chose one with ?lang=. */
	if (!req->lang_chosen && row[13] != NULL)
		req->lang = strcmp(row[13], "en") == 0 ? RP_LANG_EN : RP_LANG_FR;
	/* Record activity at most once a minute: not a write per request. */
	if (row[12] && strcmp(row[12], "1") == 0) {
		v = u->session_id;
		struct rp_dbarg a = RP_AINT(v);
		if (rp_db_exec(req->arena, &q_touch, &a, 1, NULL) != 0)
			return rp_db_fail(req);
	}
	return 0;
}

int
rp_session_create(struct rp_req *req, long long user_id, bool mfa_ok,
    long long *sid, const char **csrf)
{
	char token[65], *csrf_token = rp_alloc(req->arena, 65);
	const char *ua = rp_env(req, "HTTP_USER_AGENT");
	struct rp_dbres res;

	if (rp_random_hex(token, 32) != 0 || rp_random_hex(csrf_token, 32) != 0)
		return rp_fail(req, 503, "unavailable", NULL, "Try again later.");
	struct rp_dbarg purge[] = { RP_AINT(user_id), RP_AINT(cfg->auth_session_idle),
	    RP_AINT(cfg->auth_session_absolute) };
	if (rp_db_exec(req->arena, &q_purge, purge, 3, NULL) != 0)
		return rp_db_fail(req);
	struct rp_dbarg args[] = { RP_ASTR(token), RP_AINT(user_id),
	    RP_ASTR(csrf_token), RP_AINT(mfa_ok ? 1 : 0), RP_ASTR(req->remote_addr),
	    RP_ASTR(ua && rp_utf8_valid(ua, strlen(ua)) ? ua : "") };
	if (rp_db_exec(req->arena, &q_insert, args, 6, &res) != 0)
		return rp_db_fail(req);
	set_cookie(req, token, false);
	*sid = res.insert_id;
	*csrf = csrf_token;
	return 0;
}

int
rp_session_mfa_passed(struct rp_req *req, long long sid)
{
	struct rp_dbarg a = RP_AINT(sid);

	return rp_db_exec(req->arena, &q_mfa_ok, &a, 1, NULL) == 0 ? 0 :
	    rp_db_fail(req);
}

int
rp_session_end(struct rp_req *req)
{
	if (req->user != NULL) {
		struct rp_dbarg a = RP_AINT(req->user->session_id);
		if (rp_db_exec(req->arena, &q_delete, &a, 1, NULL) != 0)
			return rp_db_fail(req);
	}
	set_cookie(req, "", true);
	return 0;
}

long long
rp_session_end_user(struct rp_req *req, long long user_id, long long keep)
{
	struct rp_dbarg a[] = { RP_AINT(user_id), RP_AINT(keep) };
	struct rp_dbres res;

	if (rp_db_exec(req->arena, &q_delete_user, a, 2, &res) != 0)
		return rp_db_fail(req);
	return res.affected;
}

int
rp_session_list(struct rp_req *req, long long user_id, const char *datefmt,
    struct rp_dbres *res)
{
	struct rp_dbarg a[] = { RP_ASTR(datefmt), RP_ASTR(datefmt), RP_AINT(user_id),
	    RP_AINT(cfg->auth_session_idle), RP_AINT(cfg->auth_session_absolute) };

	return rp_db_exec(req->arena, &q_list, a, 5, res) == 0 ? 0 :
	    rp_db_fail(req);
}

int
rp_session_revoke(struct rp_req *req, long long user_id, long long sid)
{
	struct rp_dbarg a[] = { RP_AINT(sid), RP_AINT(user_id) };
	struct rp_dbres res;

	if (rp_db_exec(req->arena, &q_revoke, a, 2, &res) != 0)
		return rp_db_fail(req);
	return res.affected > 0;
}
