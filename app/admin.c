/* The platform's support area: firms, every firm's clients as billing
 * sees them (names, plans, modes, contacts: never Pilot data, profiles or
 * rights), billing-mode changes with their history. Shared by the API and
 * the HTML pages, which show the same JSON. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "setup.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

static struct rp_stmt q_firms_count = RP_STMT(
    "SELECT COUNT(*) FROM firms f WHERE ? = '' OR f.name LIKE ?");
static struct rp_stmt q_firms = RP_STMT(
    "SELECT f.id, f.name, " DATE("f.created_at") ","
    " (SELECT COUNT(*) FROM clients c WHERE c.firm_id = f.id),"
    " (SELECT COUNT(*) FROM users u WHERE u.firm_id = f.id),"
    " (SELECT MIN(u.id) FROM users u WHERE u.firm_id = f.id AND u.role = 'admin'"
    "  AND u.password_hash = '!')"
    " FROM firms f WHERE ? = '' OR f.name LIKE ? ORDER BY f.name, f.id LIMIT ? OFFSET ?");
static struct rp_stmt q_firm_insert = RP_STMT("INSERT INTO firms (name) VALUES (?)");
static struct rp_stmt q_email_taken = RP_STMT("SELECT id FROM users WHERE email = ?");
/* No usable password ('!' never matches a scrypt hash) until the admin
 * opens its setup link. */
static struct rp_stmt q_admin_insert = RP_STMT(
    "INSERT INTO users (firm_id, email, first_name, last_name, role, password_hash,"
    " created_by) VALUES (?, ?, ?, ?, 'admin', '!', ?)");
static struct rp_stmt q_pending_admin = RP_STMT(
    "SELECT id FROM users WHERE id = ? AND firm_id = ? AND role = 'admin'"
    " AND password_hash = '!'");
static struct rp_stmt q_firm_exists = RP_STMT("SELECT id FROM firms WHERE id = ?");

#define CLIENT_COLUMNS \
    "c.id, c.name, c.firm_id, f.name, c.mission_type, c.plan, c.status," \
    " c.billing_mode, c.billing_email, c.modules, " DATE("c.created_at")
#define CLIENT_FILTERS \
    " WHERE (? = '' OR c.name LIKE ?) AND (? = 0 OR c.firm_id = ?)" \
    " AND (? = '' OR c.mission_type = ?) AND (? = '' OR c.plan = ?)" \
    " AND (? = '' OR c.status = ?) AND (? = '' OR c.billing_mode = ?)"
static struct rp_stmt q_clients_count = RP_STMT(
    "SELECT COUNT(*) FROM clients c" CLIENT_FILTERS);
static struct rp_stmt q_clients = RP_STMT(
    "SELECT " CLIENT_COLUMNS " FROM clients c JOIN firms f ON f.id = c.firm_id" CLIENT_FILTERS
    /* The key and direction are bound values from fixed lists (ORDER BY
     * cannot bind a column); ties fall back to the firm, then the id. */
    " ORDER BY"
    " CASE WHEN ? = 'asc' THEN CASE ? WHEN 'firm' THEN f.name WHEN 'created_at'"
    "  THEN DATE_FORMAT(c.created_at, '%Y%m%d%H%i%s') ELSE c.name END END ASC,"
    " CASE WHEN ? = 'desc' THEN CASE ? WHEN 'firm' THEN f.name WHEN 'created_at'"
    "  THEN DATE_FORMAT(c.created_at, '%Y%m%d%H%i%s') ELSE c.name END END DESC,"
    " CASE WHEN ? = 'asc' THEN c.firm_id END ASC, CASE WHEN ? = 'desc' THEN c.firm_id END DESC,"
    " CASE WHEN ? = 'asc' THEN c.id END ASC, CASE WHEN ? = 'desc' THEN c.id END DESC"
    " LIMIT ? OFFSET ?");
static struct rp_stmt q_client = RP_STMT(
    "SELECT " CLIENT_COLUMNS " FROM clients c JOIN firms f ON f.id = c.firm_id WHERE c.id = ?");
static struct rp_stmt q_billing_update = RP_STMT(
    "UPDATE clients SET billing_mode = ?, billing_email = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_change_insert = RP_STMT(
    "INSERT INTO billing_changes (firm_id, client_id, old_mode, new_mode, old_email,"
    " new_email, reason, by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
#define CHANGE_WHERE " WHERE (? = 0 OR b.firm_id = ?) AND (? = 0 OR b.client_id = ?)"
static struct rp_stmt q_changes_count = RP_STMT(
    "SELECT COUNT(*) FROM billing_changes b" CHANGE_WHERE);
static struct rp_stmt q_changes = RP_STMT(
    "SELECT b.id, b.client_id, b.firm_id, b.old_mode, b.new_mode, b.old_email, b.new_email,"
    " b.reason, b.by_user_id, " DATE("b.at") ", c.name,"
    " COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email),"
    " DATE_FORMAT(b.at, ?)"
    " FROM billing_changes b JOIN clients c ON c.id = b.client_id"
    " LEFT JOIN users u ON u.id = b.by_user_id" CHANGE_WHERE
    " ORDER BY b.at DESC, b.id DESC LIMIT ? OFFSET ?");

static struct json_object *
int_or_null(const char *s)
{
	long long v;

	return s && rp_strtonum(s, 0, INT64_MAX, &v) == 0 ? json_object_new_int64(v) : NULL;
}

static struct json_object *
str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static long long
count(struct rp_dbres *res)
{
	long long n = 0;

	rp_strtonum(rp_db_cell(res, 0, 0), 0, INT64_MAX, &n);
	return n;
}

struct json_object *
rp_admin_firms(struct rp_req *req, const char *q, long long limit, long long offset,
    long long *total)
{
	const char *like = rp_like_pattern(req->arena, q);
	struct rp_dbarg a[] = { RP_ASTR(q ? q : ""), RP_ASTR(like), RP_AINT(limit),
	    RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_firms_count, a, 2, &res) != 0)
		return NULL;
	*total = count(&res);
	if (rp_db_do(req, &q_firms, a, 4, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", int_or_null(r[0]));
		rp_jadd(o, "name", json_object_new_string(r[1]));
		rp_jadd(o, "created_at", json_object_new_string(r[2]));
		rp_jadd(o, "clients_count", int_or_null(r[3]));
		rp_jadd(o, "users_count", int_or_null(r[4]));
		/* An admin still waiting to set its password: support may
		 * issue it a new link. */
		rp_jadd(o, "pending_admin_id", int_or_null(r[5]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_admin_firm_create(struct rp_req *req, struct json_object **out)
{
	const char *name, *email, *first, *last, *url, *expires;
	struct rp_dbres res;
	long long firm, admin;

	if (rp_in_text(req, "name", 200, true, &name) < 0 ||
	    rp_in_email(req, "admin_email", true, &email) < 0 ||
	    rp_in_text0(req, "admin_first_name", 100, &first) < 0 ||
	    rp_in_text0(req, "admin_last_name", 100, &last) < 0)
		return -1;
	struct rp_dbarg e = RP_ASTR(email);
	if (rp_db_do(req, &q_email_taken, &e, 1, &res) != 0)
		return -1;
	if (res.nrows > 0)
		return rp_fail(req, 409, "email_taken", "admin_email",
		    "This e-mail address is already used.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg f = RP_ASTR(name);
	if (rp_db_do(req, &q_firm_insert, &f, 1, &res) != 0)
		goto fail;
	firm = res.insert_id;
	struct rp_dbarg u[] = { RP_AINT(firm), RP_ASTR(email), RP_ASTR(first ? first : ""),
	    RP_ASTR(last ? last : ""), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_admin_insert, u, RP_NELEM(u), &res) != 0)
		goto fail;
	admin = res.insert_id;
	if (rp_setup_issue(req, admin, &url, &expires) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "name", json_object_new_string(name));
	rp_jadd(d, "admin_email", json_object_new_string(email));
	if (rp_audit(req, "firm.create", "firm", firm, 0, d) != 0)
		goto fail;
	if (rp_db_finish(req) != 0)
		return -1;
	struct json_object *o = json_object_new_object(), *fo = json_object_new_object(),
	    *ao = json_object_new_object();
	rp_jadd(fo, "id", json_object_new_int64(firm));
	rp_jadd(fo, "name", json_object_new_string(name));
	rp_jadd(ao, "id", json_object_new_int64(admin));
	rp_jadd(ao, "email", json_object_new_string(email));
	rp_jadd(o, "firm", fo);
	rp_jadd(o, "admin", ao);
	rp_jadd(o, "setup_url", json_object_new_string(url));
	rp_jadd(o, "setup_expires_at", json_object_new_string(expires));
	*out = o;
	return 0;
fail:
	rp_db_rollback();
	return -1;
}

int
rp_admin_setup_link(struct rp_req *req, long long firm, struct json_object **out)
{
	const char *url, *expires;
	struct rp_dbres res;
	long long uid;
	bool isnull;
	int rc;

	struct rp_dbarg fa = RP_AINT(firm);
	if (rp_db_do(req, &q_firm_exists, &fa, 1, &res) != 0)
		return -1;
	if (res.nrows == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such firm.");
	if ((rc = rp_in_int(req, "user_id", 1, 1LL << 53, &isnull, &uid)) < 0)
		return -1;
	if (rc == 0 || isnull)
		return rp_fail(req, 400, "required", "user_id", "Name the firm's admin.");
	struct rp_dbarg a[] = { RP_AINT(uid), RP_AINT(firm) };
	if (rp_db_do(req, &q_pending_admin, a, 2, &res) != 0)
		return -1;
	if (res.nrows == 0)
		return rp_fail(req, 409, "already_set", "user_id",
		    "This user is not a firm admin waiting for its first password.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_setup_issue(req, uid, &url, &expires) != 0 ||
	    rp_audit(req, "user.setup_link", "user", uid, 0, NULL) != 0)
		goto fail;
	if (rp_db_finish(req) != 0)
		return -1;
	*out = json_object_new_object();
	rp_jadd(*out, "setup_url", json_object_new_string(url));
	rp_jadd(*out, "setup_expires_at", json_object_new_string(expires));
	return 0;
fail:
	rp_db_rollback();
	return -1;
}

static struct json_object *
client_json(char **r)
{
	struct json_object *o = json_object_new_object(), *mods = json_object_new_array();
	const char *p = r[9] ? r[9] : "";

	rp_jadd(o, "id", int_or_null(r[0]));
	rp_jadd(o, "name", json_object_new_string(r[1]));
	rp_jadd(o, "firm_id", int_or_null(r[2]));
	rp_jadd(o, "firm_name", json_object_new_string(r[3]));
	rp_jadd(o, "mission_type", json_object_new_string(r[4]));
	rp_jadd(o, "plan", json_object_new_string(r[5]));
	rp_jadd(o, "status", json_object_new_string(r[6]));
	rp_jadd(o, "billing_mode", json_object_new_string(r[7]));
	rp_jadd(o, "billing_email", str_or_null(r[8]));
	while (*p) {
		size_t n = strcspn(p, ",");
		json_object_array_add(mods, json_object_new_string_len(p, (int)n));
		p += n + (p[n] == ',');
	}
	rp_jadd(o, "modules", mods);
	rp_jadd(o, "created_at", json_object_new_string(r[10]));
	return o;
}

/* One filter of the query string: absent or empty is "any"; else a key of
 * e (400 naming the parameter). */
static int
filter(struct rp_req *req, const char *name, const struct rp_enum *e, const char **out)
{
	const char *v = rp_query(req, name);

	*out = "";
	if (v == NULL || *v == '\0')
		return 0;
	if (rp_enum_parse(e, v) < 0)
		return rp_fail(req, 400, "invalid", name,
		    "This filter value is not one of the choices.");
	*out = v;
	return 0;
}

struct json_object *
rp_admin_clients(struct rp_req *req, long long limit, long long offset, long long *total)
{
	const char *q = rp_query(req, "q"), *fid = rp_query(req, "firm_id"), *sort =
	    rp_query(req, "sort"), *dir = rp_query(req, "dir"), *mission, *plan, *status,
	    *mode;
	long long firm = 0;
	struct rp_dbres res;

	if (q != NULL && strlen(q) > 200) {
		rp_fail(req, 400, "too_long", "q", "The search is too long.");
		return NULL;
	}
	if (fid != NULL && *fid != '\0' && rp_strtonum(fid, 1, 1LL << 53, &firm) != 0) {
		rp_fail(req, 400, "invalid", "firm_id", "firm_id must be a firm's id.");
		return NULL;
	}
	if (sort != NULL && strcmp(sort, "name") != 0 && strcmp(sort, "firm") != 0 &&
	    strcmp(sort, "created_at") != 0) {
		rp_fail(req, 400, "invalid", "sort", "Sort by name, firm or created_at.");
		return NULL;
	}
	if (dir != NULL && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0) {
		rp_fail(req, 400, "invalid", "dir", "dir must be asc or desc.");
		return NULL;
	}
	dir = dir ? dir : "asc";
	sort = sort ? sort : "name";
	if (filter(req, "mission_type", &rp_mission_types, &mission) != 0 ||
	    filter(req, "plan", &rp_plans, &plan) != 0 ||
	    filter(req, "status", &rp_client_statuses, &status) != 0 ||
	    filter(req, "billing_mode", &rp_billing_modes, &mode) != 0)
		return NULL;
	struct rp_dbarg a[] = { RP_ASTR(q ? q : ""), RP_ASTR(rp_like_pattern(req->arena, q)),
	    RP_AINT(firm), RP_AINT(firm), RP_ASTR(mission), RP_ASTR(mission), RP_ASTR(plan),
	    RP_ASTR(plan), RP_ASTR(status), RP_ASTR(status), RP_ASTR(mode), RP_ASTR(mode),
	    RP_ASTR(dir), RP_ASTR(sort), RP_ASTR(dir), RP_ASTR(sort), RP_ASTR(dir), RP_ASTR(dir),
	    RP_ASTR(dir), RP_ASTR(dir), RP_AINT(limit), RP_AINT(offset) };
	if (rp_db_do(req, &q_clients_count, a, 12, &res) != 0)
		return NULL;
	*total = count(&res);
	if (rp_db_do(req, &q_clients, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, client_json(res.rows[i]));
	return arr;
}

struct json_object *
rp_billing_changes(struct rp_req *req, long long firm, long long client,
    const char *datefmt, long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_ASTR(datefmt ? datefmt : ""), RP_AINT(firm), RP_AINT(firm),
	    RP_AINT(client), RP_AINT(client), RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_changes_count, a + 1, 4, &res) != 0)
		return NULL;
	*total = count(&res);
	if (rp_db_do(req, &q_changes, a, 7, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", int_or_null(r[0]));
		rp_jadd(o, "client_id", int_or_null(r[1]));
		rp_jadd(o, "firm_id", int_or_null(r[2]));
		rp_jadd(o, "old_mode", json_object_new_string(r[3]));
		rp_jadd(o, "new_mode", json_object_new_string(r[4]));
		rp_jadd(o, "old_email", str_or_null(r[5]));
		rp_jadd(o, "new_email", str_or_null(r[6]));
		rp_jadd(o, "reason", json_object_new_string(r[7]));
		rp_jadd(o, "by_user_id", int_or_null(r[8]));
		rp_jadd(o, "at", json_object_new_string(r[9]));
		rp_jadd(o, "client_name", json_object_new_string(r[10]));
		rp_jadd(o, "by_name", str_or_null(r[11]));
		if (datefmt)
			rp_jadd(o, "at_text", json_object_new_string(r[12]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_admin_client(struct rp_req *req, long long id, const char *datefmt,
    struct json_object **out)
{
	struct rp_dbarg a = RP_AINT(id);
	struct rp_dbres res;
	long long total;

	if (rp_db_do(req, &q_client, &a, 1, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such client.");
	*out = client_json(res.rows[0]);
	struct json_object *h = rp_billing_changes(req, 0, id, datefmt, 100, 0, &total);
	if (h == NULL) {
		json_object_put(*out);
		return -1;
	}
	rp_jadd(*out, "billing_history", h);
	return 0;
}

int
rp_admin_billing_change(struct rp_req *req, long long id)
{
	const char *mode, *email, *reason;
	struct rp_dbres res;

	struct rp_dbarg ia = RP_AINT(id);
	if (rp_db_do(req, &q_client, &ia, 1, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such client.");
	char **c = res.rows[0];
	long long firm = 0;
	rp_strtonum(c[2], 1, INT64_MAX, &firm);
	if (rp_in_enum(req, "billing_mode", &rp_billing_modes, true, &mode) < 0 ||
	    rp_in_text0(req, "billing_email", 254, &email) < 0 ||
	    rp_in_lines(req, "reason", 500, true, &reason) < 0)
		return -1;
	size_t chars = 0;
	for (const char *p = reason; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	if (chars < 3)
		return rp_fail(req, 400, "too_short", "reason",
		    "Say why, in a few words: the reason goes to the history.");
	if (email != NULL && *email == '\0')
		email = NULL;
	if (strcmp(mode, "direct") == 0) {
		if (email == NULL)
			return rp_fail(req, 400, "required", "billing_email",
			    "Direct billing needs the client's billing e-mail.");
		char *low = rp_strndup(req->arena, email, strlen(email));
		for (char *p = low; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (!rp_email_valid(low))
			return rp_fail(req, 400, "invalid", "billing_email",
			    "This is not a valid e-mail address.");
		email = low;
	} else if (email != NULL) {
		return rp_fail(req, 400, "invalid", "billing_email",
		    "A billing e-mail is only for direct billing.");
	}
	if (strcmp(mode, c[7]) == 0 && strcmp(email ? email : "", c[8] ? c[8] : "") == 0)
		return rp_fail(req, 409, "unchanged", "billing_mode",
		    "This is already the client's billing.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg u[] = { RP_ASTR(mode), RP_ASTR(email), RP_AINT(id), RP_AINT(firm) };
	struct rp_dbarg h[] = { RP_AINT(firm), RP_AINT(id), RP_ASTR(c[7]), RP_ASTR(mode),
	    RP_ASTR(c[8]), RP_ASTR(email), RP_ASTR(reason), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_billing_update, u, RP_NELEM(u), NULL) != 0 ||
	    rp_db_do(req, &q_change_insert, h, RP_NELEM(h), &res) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "billing_change_id", json_object_new_int64(res.insert_id));
	rp_jadd(d, "old_mode", json_object_new_string(c[7]));
	rp_jadd(d, "new_mode", json_object_new_string(mode));
	rp_jadd(d, "old_email", str_or_null(c[8]));
	rp_jadd(d, "new_email", str_or_null(email));
	rp_jadd(d, "reason", json_object_new_string(reason));
	/* The entry belongs to the client's firm, whose admins read it. */
	if (rp_audit_for(req, "client.billing", "client", id, firm, id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
