/* Public answer links: created, listed and revoked by the client's vCISOs,
 * found by their token on the public page. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "actions.h"
#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "session.h"
#include "usage-links.h"
#include "usage-rules.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* Columns of a link, in the order of enum col. A link lives until the
 * end of its expiry day: expires_on is the day before expires_at. */
#define LINK_COLUMNS \
    "l.id, l.client_id, l.establishment_id, e.name, l.label," \
    " CASE WHEN l.revoked_at IS NOT NULL THEN 'revoked'" \
    "  WHEN l.expires_at <= UTC_TIMESTAMP() THEN 'expired'" \
    "  WHEN l.answers_count >= l.max_answers THEN 'full' ELSE 'active' END," \
    " " DATE("l.expires_at") ", DATE_FORMAT(l.expires_at - INTERVAL 1 DAY, '%Y-%m-%d')," \
    " l.max_answers, l.answers_count, " DATE("l.created_at") "," \
    " (SELECT CASE WHEN u.first_name = '' AND u.last_name = '' THEN u.email" \
    "  ELSE CONCAT(u.first_name, ' ', u.last_name) END FROM users u WHERE u.id = l.created_by)," \
    " " DATE("l.revoked_at")
enum col { C_ID, C_CLIENT, C_ESTAB, C_ESTAB_NAME, C_LABEL, C_STATUS, C_EXPIRES_AT,
	C_EXPIRES_ON, C_MAX, C_COUNT, C_CREATED, C_BY, C_REVOKED };
#define FROM \
    " FROM usage_links l JOIN establishments e ON e.id = l.establishment_id" \
    " AND e.firm_id = l.firm_id"

static struct rp_stmt q_count = RP_STMT(
    "SELECT COUNT(*) FROM usage_links l WHERE l.client_id = ? AND l.firm_id = ?"
    " AND (? = 0 OR l.establishment_id = ?)");
static struct rp_stmt q_list = RP_STMT(
    "SELECT " LINK_COLUMNS FROM " WHERE l.client_id = ? AND l.firm_id = ?"
    " AND (? = 0 OR l.establishment_id = ?) ORDER BY l.id DESC LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " LINK_COLUMNS FROM " WHERE l.id = ? AND l.client_id = ? AND l.firm_id = ?");
static struct rp_stmt q_lock = RP_STMT(
    "SELECT " LINK_COLUMNS FROM " WHERE l.id = ? AND l.client_id = ? AND l.firm_id = ?"
    " FOR UPDATE");
/* An establishment a link may serve: of the client, active, not merged. */
static struct rp_stmt q_estab_ok = RP_STMT(
    "SELECT 1 FROM establishments WHERE id = ? AND client_id = ? AND firm_id = ?"
    " AND status = 'active' AND merged_into IS NULL");
static struct rp_stmt q_questions = RP_STMT(
    "SELECT COUNT(*) FROM usage_questions WHERE client_id = ? AND firm_id = ?");
static struct rp_stmt q_day_ok = RP_STMT(
    "SELECT CAST(? AS DATE) >= UTC_DATE() AND CAST(? AS DATE) <= UTC_DATE() + INTERVAL ? DAY");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO usage_links (firm_id, client_id, establishment_id, token_hash, label,"
    " expires_at, max_answers, created_by) VALUES (?, ?, ?, UNHEX(SHA2(?, 256)), ?,"
    " COALESCE(CAST(? AS DATE), UTC_DATE() + INTERVAL ? DAY) + INTERVAL 1 DAY, ?, ?)");
static struct rp_stmt q_revoke = RP_STMT(
    "UPDATE usage_links SET revoked_at = UTC_TIMESTAMP(), revoked_by = ?"
    " WHERE id = ? AND firm_id = ? AND revoked_at IS NULL");

/* The public page's look-up: every condition of a live link in one
 * statement, so a dead link of any kind is the same "no row". */
static struct rp_stmt q_find = RP_STMT(
    "SELECT l.id, l.firm_id, l.client_id, l.establishment_id, e.name,"
    " l.answers_count >= l.max_answers"
    " FROM usage_links l JOIN establishments e ON e.id = l.establishment_id"
    " AND e.firm_id = l.firm_id JOIN clients c ON c.id = l.client_id AND c.firm_id = l.firm_id"
    " WHERE l.token_hash = UNHEX(SHA2(?, 256)) AND l.revoked_at IS NULL"
    " AND l.expires_at > UTC_TIMESTAMP() AND c.status = 'active'"
    " AND FIND_IN_SET('usage_diagnostic', c.modules) > 0"
    " AND e.status = 'active' AND e.merged_into IS NULL");
static struct rp_stmt q_take = RP_STMT(
    "SELECT answers_count >= max_answers, revoked_at IS NULL AND expires_at > UTC_TIMESTAMP()"
    " FROM usage_links WHERE id = ? AND firm_id = ? FOR UPDATE");
static struct rp_stmt q_count_one = RP_STMT(
    "UPDATE usage_links SET answers_count = answers_count + 1 WHERE id = ? AND firm_id = ?");


static struct json_object *
link_json(const struct rp_req *req, char **r)
{
	(void)req;
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[C_ID])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[C_CLIENT])));
	rp_jadd(o, "establishment_id", json_object_new_int64(rp_cell_num(r[C_ESTAB])));
	rp_jadd(o, "establishment_name", json_object_new_string(r[C_ESTAB_NAME]));
	rp_jadd(o, "label", json_object_new_string(r[C_LABEL]));
	rp_jadd(o, "status", json_object_new_string(r[C_STATUS]));
	rp_jadd(o, "expires_at", json_object_new_string(r[C_EXPIRES_AT]));
	rp_jadd(o, "expires_on", json_object_new_string(r[C_EXPIRES_ON]));
	rp_jadd(o, "max_answers", json_object_new_int64(rp_cell_num(r[C_MAX])));
	rp_jadd(o, "answers_count", json_object_new_int64(rp_cell_num(r[C_COUNT])));
	rp_jadd(o, "created_at", json_object_new_string(r[C_CREATED]));
	rp_jadd(o, "created_by_name", rp_jcell_str(r[C_BY]));
	rp_jadd(o, "revoked_at", rp_jcell_str(r[C_REVOKED]));
	return o;
}

struct json_object *
rp_usage_links_list(struct rp_req *req, const struct rp_client *c, long long estab,
    long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(estab),
	    RP_AINT(estab), RP_AINT(limit), RP_AINT(offset) };

	return rp_db_page(req, &q_count, &q_list, a, 4, RP_NELEM(a), link_json, total);
}

struct json_object *
rp_usage_link_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_one(req, &q_get, a, 3, &res, "No such link.") != 0)
		return NULL;
	return link_json(req, res.rows[0]);
}

/* The link's fields from the request, checked. */
struct fields {
	long long	 estab, max;
	const char	*day;		/* NULL: the default */
	const char	*label;
};

static int
read_fields(struct rp_req *req, const struct rp_client *c, struct fields *f)
{
	static const char *const known[] = { "establishment_id", "expires_on", "max_answers",
		"label" };
	struct rp_dbres res;
	const char *bad;
	bool isnull;
	int rc;

	memset(f, 0, sizeof(*f));
	f->max = RP_USAGE_LINK_ANSWERS;
	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if ((rc = rp_in_int(req, "establishment_id", 1, 1LL << 53, &isnull, &f->estab)) < 0)
		return -1;
	if (rc == 0 || isnull)
		return rp_fail(req, 400, "required", "establishment_id",
		    "Choose the establishment whose staff will answer.");
	if (rp_in_int(req, "max_answers", 1, RP_USAGE_LINK_MAX_ANSWERS, &isnull, &f->max) < 0)
		return -1;
	if (isnull)
		f->max = RP_USAGE_LINK_ANSWERS;
	if (rp_in_text0(req, "label", 200, &f->label) < 0)
		return -1;
	if (!rp_in_blank(req, "expires_on")) {
		if (rp_in_text(req, "expires_on", 10, false, &f->day) < 0)
			return -1;
		if (f->day != NULL && !rp_action_date_valid(f->day))
			return rp_fail(req, 400, "invalid", "expires_on", "Give a date as YYYY-MM-DD.");
	}
	if (f->day != NULL) {
		struct rp_dbarg d[] = { RP_ASTR(f->day), RP_ASTR(f->day),
		    RP_AINT(RP_USAGE_LINK_MAX_DAYS) };
		if (rp_db_do(req, &q_day_ok, d, 3, &res) != 0)
			return -1;
		if (rp_cell_num(rp_db_cell(&res, 0, 0)) != 1)
			return rp_fail(req, 400, "out_of_range", "expires_on",
			    "Choose a day from today to a year ahead.");
	}
	/* The establishment: one of this client's, still active. */
	struct rp_dbarg e[] = { RP_AINT(f->estab), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_estab_ok, e, 3, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 400, "invalid", "establishment_id",
		    "Choose an active establishment of this client.");
	struct rp_dbarg q[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_questions, q, 2, &res) != 0)
		return -1;
	if (rp_cell_num(rp_db_cell(&res, 0, 0)) == 0)
		return rp_fail(req, 409, "empty_questionnaire", NULL,
		    "Write or load the questionnaire before opening links to it.");
	return 0;
}

int
rp_usage_link_create(struct rp_req *req, const struct rp_client *c, long long *id,
    const char **token)
{
	char t[RP_USAGE_TOKEN_LEN + 1];
	struct fields f;
	struct rp_dbres res;

	if (read_fields(req, c, &f) != 0)
		return -1;
	/* 128 bits from the kernel CSPRNG; only the SHA-256 is stored, so
	 * the table alone opens no link. */
	if (rp_random_hex(t, RP_USAGE_TOKEN_BYTES) != 0)
		return rp_fail(req, 503, "unavailable", NULL, "Try again later.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(f.estab),
	    RP_ASTR(t), RP_ASTR(f.label ? f.label : ""), RP_ASTR(f.day),
	    RP_AINT(RP_USAGE_LINK_DAYS), RP_AINT(f.max), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(f.estab));
	rp_jadd(d, "max_answers", json_object_new_int64(f.max));
	rp_jadd(d, "expires_on", f.day ? json_object_new_string(f.day) : NULL);
	if (rp_audit(req, "usage.link.create", "usage_link", *id, c->id, d) != 0)
		goto fail;
	if (rp_db_finish(req) != 0)
		return -1;
	*token = rp_strdup(req->arena, t);
	return 0;
fail:
	rp_db_rollback();
	return -1;
}

int
rp_usage_link_revoke(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_db_one(req, &q_lock, k, 3, &res, "No such link.") != 0)
		goto fail;
	/* Revoking a revoked link changes nothing and says so nowhere. */
	if (res.rows[0][C_REVOKED] != NULL) {
		rp_db_rollback();
		return 0;
	}
	struct rp_dbarg a[] = { RP_AINT(req->user->id), RP_AINT(id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_revoke, a, 3, NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(rp_cell_num(res.rows[0][C_ESTAB])));
	rp_jadd(d, "answers_count", json_object_new_int64(rp_cell_num(res.rows[0][C_COUNT])));
	if (rp_audit(req, "usage.link.revoke", "usage_link", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_usage_link_find(struct rp_req *req, const char *token, struct rp_usage_link *l)
{
	struct rp_dbarg a = RP_ASTR(token);
	struct rp_dbres res;

	memset(l, 0, sizeof(*l));
	if (!rp_usage_token_ok(token))
		return 0;
	if (rp_db_do(req, &q_find, &a, 1, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return 0;
	char **r = res.rows[0];
	l->id = rp_cell_num(r[0]);
	l->firm_id = rp_cell_num(r[1]);
	l->client_id = rp_cell_num(r[2]);
	l->establishment_id = rp_cell_num(r[3]);
	l->establishment_name = r[4];
	l->full = rp_cell_num(r[5]) != 0;
	return 1;
}

int
rp_usage_link_take(struct rp_req *req, const struct rp_usage_link *l)
{
	struct rp_dbarg a[] = { RP_AINT(l->id), RP_AINT(l->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_take, a, 2, &res) != 0)
		return -1;
	if (res.nrows != 1 || rp_cell_num(rp_db_cell(&res, 0, 1)) != 1)
		return rp_fail(req, 404, "not_found", NULL, "Nothing is here.");
	if (rp_cell_num(rp_db_cell(&res, 0, 0)) != 0)
		return rp_fail(req, 410, "link_full", NULL,
		    "This questionnaire has received all the answers it expected.");
	return rp_db_do(req, &q_count_one, a, 2, NULL);
}
