/* Scan targets of establishments: list, add, remove. */
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "audit.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "netaddr.h"
#include "request.h"
#include "scans.h"
#include "scantargets.h"
#include "util.h"

#define TARGET_COLUMNS \
    "t.id, t.client_id, t.establishment_id, e.name, t.kind, t.value, t.label," \
    " DATE_FORMAT(t.created_at, '%Y-%m-%dT%H:%i:%sZ')" \
    " FROM scan_targets t JOIN establishments e ON e.id = t.establishment_id"

static struct rp_stmt q_count = RP_STMT(
    "SELECT COUNT(*) FROM scan_targets t WHERE t.client_id = ? AND t.firm_id = ?"
    " AND (? = 0 OR t.establishment_id = ?)");
static struct rp_stmt q_list = RP_STMT(
    "SELECT " TARGET_COLUMNS " WHERE t.client_id = ? AND t.firm_id = ?"
    " AND (? = 0 OR t.establishment_id = ?)"
    " ORDER BY e.name, t.establishment_id, t.kind, t.value LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " TARGET_COLUMNS " WHERE t.id = ? AND t.client_id = ? AND t.firm_id = ?");
static struct rp_stmt q_client_of = RP_STMT(
    "SELECT client_id FROM scan_targets WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_lock_estab = RP_STMT(
    "SELECT id FROM establishments WHERE id = ? AND client_id = ? AND firm_id = ? FOR UPDATE");
static struct rp_stmt q_estab_count = RP_STMT(
    "SELECT COUNT(*), SUM(value = ?) FROM scan_targets WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO scan_targets (firm_id, client_id, establishment_id, kind, value, label,"
    " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_lock = RP_STMT(
    "SELECT establishment_id, value, kind FROM scan_targets"
    " WHERE id = ? AND client_id = ? AND firm_id = ? FOR UPDATE");
static struct rp_stmt q_delete = RP_STMT(
    "DELETE FROM scan_targets WHERE id = ? AND client_id = ? AND firm_id = ?");

static struct json_object *
target_json(const struct rp_req *req, char **r)
{
	(void)req;
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[1])));
	rp_jadd(o, "establishment_id", json_object_new_int64(rp_cell_num(r[2])));
	rp_jadd(o, "establishment_name", json_object_new_string(r[3]));
	rp_jadd(o, "kind", json_object_new_string(r[4]));
	rp_jadd(o, "value", json_object_new_string(r[5]));
	rp_jadd(o, "label", json_object_new_string(r[6]));
	rp_jadd(o, "created_at", json_object_new_string(r[7]));
	return o;
}

struct json_object *
rp_targets_list(struct rp_req *req, const struct rp_client *c, long long estab,
    long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(estab),
	    RP_AINT(estab), RP_AINT(limit), RP_AINT(offset) };

	return rp_db_page(req, &q_count, &q_list, a, 4, RP_NELEM(a), target_json, total);
}

struct json_object *
rp_target_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_one(req, &q_get, a, RP_NELEM(a), &res, "No such target.") != 0)
		return NULL;
	return target_json(req, res.rows[0]);
}

int
rp_targets_of(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_scans_owner(req, &q_client_of, id, "No such target.", c);
}

int
rp_targets_create(struct rp_req *req, const struct rp_client *c, long long estab,
    long long *id)
{
	static const char *const known[] = { "establishment_id", "value", "label" };
	struct rp_net_target t;
	struct rp_dbres res;
	const char *bad, *value, *label = "", *msg;

	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_text(req, "value", 260, true, &value) < 0 ||
	    rp_in_text0(req, "label", 200, &label) < 0)
		return -1;
	if (label == NULL)
		label = "";
	if (rp_net_target_parse(value, &t, &msg) != 0)
		return rp_fail(req, 400, "invalid_target", "value", msg);
	if (rp_scans_estab(req, c, estab, "establishment_id", NULL) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	/* The count and the duplicate check under the establishment's lock:
	 * two additions take turns. */
	struct rp_dbarg k[] = { RP_AINT(estab), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg n[] = { RP_ASTR(t.text), RP_AINT(estab), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_lock_estab, k, RP_NELEM(k), &res) != 0 ||
	    rp_db_do(req, &q_estab_count, n, RP_NELEM(n), &res) != 0)
		goto fail;
	if (rp_cell_num(rp_db_cell(&res, 0, 1)) > 0) {
		rp_fail(req, 409, "target_exists", "value",
		    "This establishment already has this target.");
		goto fail;
	}
	if (rp_cell_num(rp_db_cell(&res, 0, 0)) >= RP_TARGETS_MAX) {
		rp_fail(req, 400, "too_many_targets", "value",
		    "An establishment has at most 256 targets.");
		goto fail;
	}
	const char *kind = rp_enum_key(&rp_scan_target_kinds, (int)t.kind);
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(estab),
	    RP_ASTR(kind), RP_ASTR(t.text), RP_ASTR(label), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(estab));
	rp_jadd(d, "kind", json_object_new_string(kind));
	rp_jadd(d, "value", json_object_new_string(t.text));
	if (*label)
		rp_jadd(d, "label", json_object_new_string(label));
	if (rp_audit(req, "scan_target.create", "scan_target", *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_targets_delete(struct rp_req *req, const struct rp_client *c, long long id, long long *estab)
{
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_db_one(req, &q_lock, k, RP_NELEM(k), &res, "No such target.") != 0)
		goto fail;
	*estab = rp_cell_num(res.rows[0][0]);
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(*estab));
	rp_jadd(d, "kind", json_object_new_string(res.rows[0][2]));
	rp_jadd(d, "value", json_object_new_string(res.rows[0][1]));
	if (rp_db_do(req, &q_delete, k, RP_NELEM(k), NULL) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "scan_target.delete", "scan_target", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
