/* Publication of resources to establishments: SQL and rules. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "db.h"
#include "json.h"
#include "markdown.h"
#include "publications.h"
#include "request.h"
#include "scope.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

static struct rp_stmt q_of_resource = RP_STMT(
    "SELECT e.id, e.name, " DATE("p.published_at") ","
    " COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email)"
    " FROM resource_publications p JOIN establishments e ON e.id = p.establishment_id"
    " LEFT JOIN users u ON u.id = p.published_by"
    " WHERE p.resource_id = ? AND p.client_id = ? AND p.firm_id = ? ORDER BY e.name, e.id");
static struct rp_stmt q_resource = RP_STMT(
    "SELECT status, title FROM resources WHERE id = ? AND client_id = ? AND firm_id = ?"
    " FOR UPDATE");
static struct rp_stmt q_estab_ok = RP_STMT(
    "SELECT name FROM establishments WHERE id = ? AND client_id = ? AND firm_id = ?"
    " AND merged_into IS NULL");
static struct rp_stmt q_publish = RP_STMT(
    "INSERT IGNORE INTO resource_publications (resource_id, establishment_id, firm_id,"
    " client_id, published_by) VALUES (?, ?, ?, ?, ?)");
static struct rp_stmt q_status = RP_STMT(
    "UPDATE resources SET status = 'published' WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_withdraw = RP_STMT(
    "DELETE FROM resource_publications WHERE resource_id = ? AND establishment_id = ?"
    " AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_estab = RP_STMT(
    "SELECT e.client_id, EXISTS (SELECT 1 FROM client_vcisos v WHERE v.client_id = e.client_id"
    " AND v.user_id = ?) FROM establishments e WHERE e.id = ? AND e.firm_id = ?");
/* What an establishment sees: published resources only (publications of
 * a resource that left that status are gone with it). */
#define PUBLISHED \
    " FROM resource_publications p JOIN resources r ON r.id = p.resource_id" \
    " AND r.firm_id = p.firm_id AND r.status = 'published'" \
    " WHERE p.establishment_id = ? AND p.firm_id = ?"
static struct rp_stmt q_count = RP_STMT("SELECT COUNT(*)" PUBLISHED);
static struct rp_stmt q_list = RP_STMT(
    "SELECT r.id, r.type, r.title, r.version, " DATE("p.published_at") PUBLISHED
    " ORDER BY r.type, r.title, r.id LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT r.id, r.type, r.title, r.version, r.body, " DATE("p.published_at") ","
    " c.name, e.name FROM resource_publications p JOIN resources r ON r.id = p.resource_id"
    " AND r.firm_id = p.firm_id AND r.status = 'published'"
    " JOIN clients c ON c.id = p.client_id JOIN establishments e ON e.id = p.establishment_id"
    " WHERE p.establishment_id = ? AND p.firm_id = ? AND p.resource_id = ?");

static int
need_feature(struct rp_req *req)
{
	if (req->user->features & RP_FEAT_BIT(RP_FEAT_PUBLICATION))
		return 0;
	return rp_fail(req, 403, "forbidden", NULL,
	    "Publishing to establishments needs the publication right.");
}

struct json_object *
rp_publications_of_resource(struct rp_req *req, const struct rp_client *c, long long rid)
{
	struct rp_dbarg a[] = { RP_AINT(rid), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_of_resource, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "establishment_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "name", json_object_new_string(r[1]));
		rp_jadd(o, "published_at", json_object_new_string(r[2]));
		rp_jadd(o, "published_by_name", r[3] ? json_object_new_string(r[3]) : NULL);
		json_object_array_add(arr, o);
	}
	return arr;
}

/* The resource's row, locked, or a 404. */
static char **
lock_resource(struct rp_req *req, const struct rp_client *c, long long rid)
{
	struct rp_dbarg a[] = { RP_AINT(rid), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_one(req, &q_resource, a, RP_NELEM(a), &res, "No such resource.") != 0)
		return NULL;
	return res.rows[0];
}

int
rp_publications_add(struct rp_req *req, const struct rp_client *c, long long rid,
    const long long *ids, size_t n)
{
	struct rp_dbres res;
	char **r;

	if (need_feature(req) != 0)
		return -1;
	if (n == 0)
		return rp_fail(req, 400, "required", "establishment_ids",
		    "Choose one establishment or more.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if ((r = lock_resource(req, c, rid)) == NULL)
		goto fail;
	if (strcmp(r[0], "draft") == 0) {
		rp_fail(req, 409, "approve_first", "status",
		    "Approve this resource before publishing it.");
		goto fail;
	}
	struct json_object *d = json_object_new_object();
	struct json_object *added = json_object_new_array();
	rp_jadd(d, "establishment_ids", added);
	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg e[] = { RP_AINT(ids[i]), RP_AINT(c->id), RP_AINT(c->firm_id) };
		struct rp_dbarg p[] = { RP_AINT(rid), RP_AINT(ids[i]), RP_AINT(c->firm_id),
		    RP_AINT(c->id), RP_AINT(req->user->id) };
		if (rp_db_do(req, &q_estab_ok, e, RP_NELEM(e), &res) != 0)
			goto fail_d;
		if (res.nrows == 0) {
			rp_fail(req, 404, "not_found", "establishment_ids",
			    "No such establishment of this client.");
			goto fail_d;
		}
		if (rp_db_do(req, &q_publish, p, RP_NELEM(p), &res) != 0)
			goto fail_d;
		if (res.affected > 0)
			json_object_array_add(added, json_object_new_int64(ids[i]));
	}
	if (strcmp(r[0], "approved") == 0) {
		struct rp_dbarg s[] = { RP_AINT(rid), RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_status, s, RP_NELEM(s), NULL) != 0)
			goto fail_d;
		rp_audit_change(d, "status", r[0], "published");
	}
	if (json_object_array_length(added) == 0 && strcmp(r[0], "approved") != 0) {
		/* Published there already: nothing to record. */
		json_object_put(d);
		rp_db_rollback();
		return 0;
	}
	if (rp_audit(req, "resource.publish", "resource", rid, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail_d:
	json_object_put(d);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_publications_remove(struct rp_req *req, const struct rp_client *c, long long rid,
    long long eid)
{
	struct rp_dbres res;

	if (need_feature(req) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (lock_resource(req, c, rid) == NULL)
		goto fail;
	struct rp_dbarg a[] = { RP_AINT(rid), RP_AINT(eid), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_withdraw, a, RP_NELEM(a), &res) != 0)
		goto fail;
	if (res.affected == 0) {
		rp_fail(req, 404, "not_found", NULL, "It is not published to this establishment.");
		goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(eid));
	if (rp_audit(req, "resource.withdraw", "resource", rid, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_publications_access(struct rp_req *req, long long eid)
{
	struct rp_dbres res;
	int seen = rp_scope_visible(req, RP_SCOPE_OF_ESTAB, eid);

	if (seen < 0)
		return -1;
	if (seen == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such establishment.");
	if (req->user->features & RP_FEAT_BIT(RP_FEAT_PUBLICATION))
		return 0;
	struct rp_dbarg a[] = { RP_AINT(req->user->id), RP_AINT(eid), RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_estab, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows == 1 && strcmp(res.rows[0][1], "1") == 0)
		return 0;
	return rp_fail(req, 403, "forbidden", NULL,
	    "Reading what is published to establishments needs the publication right.");
}

struct json_object *
rp_publications_of_estab(struct rp_req *req, long long eid, long long limit,
    long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_AINT(eid), RP_AINT(req->user->firm_id), RP_AINT(limit),
	    RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_publications_access(req, eid) != 0)
		return NULL;
	if (rp_db_do(req, &q_count, a, 2, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &q_list, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "type", json_object_new_string(r[1]));
		rp_jadd(o, "title", json_object_new_string(r[2]));
		rp_jadd(o, "version", json_object_new_int64(rp_cell_num(r[3])));
		rp_jadd(o, "published_at", json_object_new_string(r[4]));
		json_object_array_add(arr, o);
	}
	return arr;
}

struct json_object *
rp_publication_get(struct rp_req *req, long long eid, long long rid)
{
	struct rp_dbarg a[] = { RP_AINT(eid), RP_AINT(req->user->firm_id), RP_AINT(rid) };
	struct rp_dbres res;

	if (rp_publications_access(req, eid) != 0)
		return NULL;
	if (rp_db_one(req, &q_get, a, RP_NELEM(a), &res,
	    "Nothing of that id is published here.") != 0)
		return NULL;
	char **r = res.rows[0];
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "type", json_object_new_string(r[1]));
	rp_jadd(o, "title", json_object_new_string(r[2]));
	rp_jadd(o, "version", json_object_new_int64(rp_cell_num(r[3])));
	rp_jadd(o, "body", json_object_new_string(r[4]));
	rp_jadd(o, "body_html", json_object_new_string(rp_markdown_html(req->arena, r[4])));
	rp_jadd(o, "published_at", json_object_new_string(r[5]));
	rp_jadd(o, "client_name", json_object_new_string(r[6]));
	rp_jadd(o, "establishment_name", json_object_new_string(r[7]));
	rp_jadd(o, "establishment_id", json_object_new_int64(eid));
	return o;
}
