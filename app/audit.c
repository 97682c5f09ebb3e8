/* The audit log: who did what, when, from where, on which client and object. */
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "audit.h"
#include "clients.h"
#include "db.h"
#include "json.h"
#include "request.h"
#include "util.h"

static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO audit_log (user_id, firm_id, client_id, ip, action, object_type,"
    " object_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

void
rp_audit_change(struct json_object *d, const char *field, const char *from,
    const char *to)
{
	struct json_object *c;

	if (strcmp(from ? from : "", to ? to : "") == 0)
		return;
	c = json_object_new_object();
	rp_jadd(c, "from", from ? json_object_new_string(from) : NULL);
	rp_jadd(c, "to", to ? json_object_new_string(to) : NULL);
	json_object_object_add(d, field, c);
}

int
rp_audit(struct rp_req *req, const char *action, const char *object_type,
    long long object_id, long long client_id, struct json_object *details)
{
	return rp_audit_for(req, action, object_type, object_id,
	    req->user ? req->user->firm_id : 0, client_id, details);
}

int
rp_audit_for(struct rp_req *req, const char *action, const char *object_type,
    long long object_id, long long firm_id, long long client_id,
    struct json_object *details)
{
	const struct rp_user *u = req->user;
	const char *text;
	int rc;

	if (details == NULL)
		details = json_object_new_object();
	text = json_object_to_json_string_ext(details, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	struct rp_dbarg a[] = {
		u && u->id ? RP_AINT(u->id) : RP_ANULL,
		firm_id ? RP_AINT(firm_id) : RP_ANULL,
		client_id ? RP_AINT(client_id) : RP_ANULL,
		RP_ASTR(req->remote_addr), RP_ASTR(action), RP_ASTR(object_type),
		object_id ? RP_AINT(object_id) : RP_ANULL, RP_ASTR(text),
	};
	rc = rp_db_exec(req->arena, &q_insert, a, 8, NULL);
	json_object_put(details);
	return rc == 0 ? 0 : rp_db_fail(req);
}

static struct rp_stmt q_client = RP_STMT(
    "SELECT id, DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%sZ'), user_id, ip, action,"
    " object_type, object_id, client_id, details, DATE_FORMAT(at, ?) FROM audit_log"
    " WHERE firm_id = ? AND client_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
static struct rp_stmt q_latest = RP_STMT(
    "SELECT DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%sZ'), DATE_FORMAT(at, ?), action FROM audit_log"
    " WHERE firm_id = ? AND client_id = ? ORDER BY at DESC, id DESC LIMIT ?");
static struct rp_stmt q_client_count = RP_STMT(
    "SELECT COUNT(*) FROM audit_log WHERE firm_id = ? AND client_id = ?");

static struct json_object *
id_or_null(const char *s)
{
	long long v;

	return s && rp_strtonum(s, 1, INT64_MAX, &v) == 0 ? json_object_new_int64(v) : NULL;
}

struct json_object *
rp_audit_of_client(struct rp_req *req, long long firm_id, long long client_id,
    const char *datefmt, long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_ASTR(datefmt ? datefmt : ""), RP_AINT(firm_id),
	    RP_AINT(client_id), RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;
	struct json_object *arr;

	/* The dashboards show the latest entries without a total: a
	 * client's history only grows, so they do not count it. */
	if (total != NULL) {
		if (rp_db_exec(req->arena, &q_client_count, a + 1, 2, &res) != 0) {
			rp_db_fail(req);
			return NULL;
		}
		rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, total);
	}
	if (rp_db_exec(req->arena, &q_client, a, 5, &res) != 0) {
		rp_db_fail(req);
		return NULL;
	}
	arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", id_or_null(r[0]));
		rp_jadd(o, "at", json_object_new_string(r[1]));
		rp_jadd(o, "user_id", id_or_null(r[2]));
		rp_jadd(o, "ip", json_object_new_string(r[3]));
		rp_jadd(o, "action", json_object_new_string(r[4]));
		rp_jadd(o, "object_type", json_object_new_string(r[5]));
		rp_jadd(o, "object_id", id_or_null(r[6]));
		rp_jadd(o, "client_id", id_or_null(r[7]));
		struct json_object *d = json_tokener_parse(r[8]);
		rp_jadd(o, "details", d ? d : json_object_new_object());
		if (datefmt)
			rp_jadd(o, "at_text", json_object_new_string(r[9]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_audit_latest(struct rp_req *req, long long firm_id, long long client_id,
    const char *datefmt, long long limit, struct rp_dbres *res)
{
	struct rp_dbarg a[] = { RP_ASTR(datefmt), RP_AINT(firm_id), RP_AINT(client_id),
	    RP_AINT(limit) };

	return rp_db_do(req, &q_latest, a, RP_NELEM(a), res);
}

bool
rp_audit_ids(struct json_object *d, const char *field, const long long *from, size_t nfrom,
    const long long *to, size_t nto)
{
	struct json_object *ch;

	if (rp_ids_same(from, nfrom, to, nto))
		return false;
	ch = json_object_new_object();
	rp_jadd(ch, "from", rp_json_ids(from, nfrom));
	rp_jadd(ch, "to", rp_json_ids(to, nto));
	json_object_object_add(d, field, ch);
	return true;
}
