/* Resources of the Pilot space: the workflow rule, SQL and the API's
 * resource objects. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "resources.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* Columns of a resource object; the first bound value says whether the
 * body comes along (list pages do without it). */
#define RESOURCE_COLUMNS \
    "r.id, r.client_id, r.type, r.title, CASE WHEN ? = 1 THEN r.body END, r.status," \
    " r.version, r.template_id, r.template_version," \
    " (SELECT GROUP_CONCAT(rr.requirement_id ORDER BY rr.requirement_id)" \
    "  FROM resource_requirements rr WHERE rr.resource_id = r.id)," \
    " (SELECT GROUP_CONCAT(ar.action_id ORDER BY ar.action_id)" \
    "  FROM action_resources ar WHERE ar.resource_id = r.id)," \
    " " DATE("r.created_at") ", " DATE("r.updated_at") ", r.created_by," \
    " " DATE("r.approved_at") ", r.approved_by," \
    " COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email)," \
    " tp.title, tp.version," \
    " (SELECT COUNT(*) FROM resource_publications rp WHERE rp.resource_id = r.id)" \
    " FROM resources r LEFT JOIN users u ON u.id = r.approved_by" \
    " LEFT JOIN templates tp ON tp.id = r.template_id AND tp.firm_id = r.firm_id"
enum { C_ID, C_CLIENT, C_TYPE, C_TITLE, C_BODY, C_STATUS, C_VERSION, C_TEMPLATE,
	C_TEMPLATE_VERSION, C_REQS, C_ACTIONS, C_CREATED, C_UPDATED, C_CREATED_BY,
	C_APPROVED_AT, C_APPROVED_BY, C_APPROVER, C_TEMPLATE_TITLE, C_TEMPLATE_LATEST,
	C_PUBLICATIONS };
#define LIST_WHERE \
    " WHERE r.client_id = ? AND r.firm_id = ?" \
    " AND (? = '' OR r.type = ?) AND (? = '' OR r.status = ?)" \
    " AND (? = '' OR r.title LIKE ?)" \
    " AND (? = 0 OR EXISTS (SELECT 1 FROM resource_requirements t" \
    "  WHERE t.resource_id = r.id AND t.requirement_id = ?))"
/* ORDER BY cannot bind a column: the key is a bound value from a fixed
 * list, compared in CASE arms (ENUM + 0 is its position). */
#define SORT_KEY \
    " CASE ? WHEN 'type' THEN r.type + 0 WHEN 'status' THEN r.status + 0" \
    "  WHEN 'updated_at' THEN DATE_FORMAT(r.updated_at, '%Y%m%d%H%i%s') ELSE r.title END"

static struct rp_stmt q_count = RP_STMT("SELECT COUNT(*) FROM resources r" LIST_WHERE);
static struct rp_stmt q_list = RP_STMT(
    "SELECT " RESOURCE_COLUMNS LIST_WHERE
    " ORDER BY CASE WHEN ? = 'asc' THEN" SORT_KEY " END ASC,"
    " CASE WHEN ? = 'desc' THEN" SORT_KEY " END DESC, r.title, r.id LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " RESOURCE_COLUMNS " WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ?");
static struct rp_stmt q_client_of = RP_STMT(
    "SELECT client_id FROM resources WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_figures = RP_STMT(
    "SELECT status, COUNT(*) FROM resources WHERE client_id = ? AND firm_id = ? GROUP BY status");
static struct rp_stmt q_current = RP_STMT(
    "SELECT type, title, body, status, version,"
    " (SELECT GROUP_CONCAT(rr.requirement_id ORDER BY rr.requirement_id)"
    "  FROM resource_requirements rr WHERE rr.resource_id = r.id)"
    " FROM resources r WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ? FOR UPDATE");
/* A requirement to tag: assessable, of a framework the client adopted. */
static struct rp_stmt q_req_ok = RP_STMT(
    "SELECT 1 FROM requirements r JOIN client_frameworks cf ON cf.framework_id = r.framework_id"
    " WHERE r.id = ? AND r.assessable = 1 AND cf.client_id = ? AND cf.firm_id = ?");
static struct rp_stmt q_actions = RP_STMT(
    "SELECT a.id, a.title, a.status FROM action_resources ar JOIN actions a ON a.id = ar.action_id"
    " WHERE ar.resource_id = ? AND ar.client_id = ? AND ar.firm_id = ? ORDER BY a.title, a.id");
static struct rp_stmt q_mine = RP_STMT(
    "SELECT 1 FROM resources WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO resources (firm_id, client_id, type, title, body, status, version,"
    " created_by, approved_at, approved_by)"
    " VALUES (?, ?, ?, ?, ?, ?, 1, ?, IF(? = 'draft', NULL, UTC_TIMESTAMP()), ?)");
/* approved_* name who approved the version now held: set again when an
 * approval (of a new version) happens, cleared when it goes back to
 * draft. */
static struct rp_stmt q_update = RP_STMT(
    "UPDATE resources SET type = ?, title = ?, body = ?, status = ?, version = ?,"
    " approved_at = CASE WHEN ? = 'draft' THEN NULL WHEN ? = 1 THEN UTC_TIMESTAMP()"
    "  ELSE approved_at END,"
    " approved_by = CASE WHEN ? = 'draft' THEN NULL WHEN ? = 1 THEN ? ELSE approved_by END"
    " WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_delete = RP_STMT(
    "DELETE FROM resources WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_tags_clear = RP_STMT(
    "DELETE FROM resource_requirements WHERE resource_id = ? AND firm_id = ?");
/* Only a published resource is published to establishments. */
static struct rp_stmt q_unpublish = RP_STMT(
    "DELETE FROM resource_publications WHERE resource_id = ? AND firm_id = ?");
static struct rp_stmt q_tag = RP_STMT(
    "INSERT INTO resource_requirements (resource_id, requirement_id, firm_id, client_id)"
    " VALUES (?, ?, ?, ?)");

/* ------------------------------------------------------------ the rule --- */

int
rp_resource_revise(const char *from, long long version, const char *asked, bool edited,
    const char **status, long long *next)
{
	bool reviewed = strcmp(from, "draft") != 0;

	/* An edit of a reviewed resource is a new version, and a new
	 * version starts as a draft. */
	if (edited && reviewed) {
		from = "draft";
		version++;
	}
	*next = version;
	*status = asked ? asked : from;
	/* Publishing needs an approved version first. */
	if (strcmp(*status, "published") == 0 && strcmp(from, "draft") == 0)
		return -1;
	return 0;
}

/* ------------------------------------------------------------- reading --- */

static struct json_object *
resource_json(const struct rp_req *req, char **r)
{
	struct json_object *o = json_object_new_object();
	size_t n, na;
	long long *reqs = rp_ids_parse(req->arena, r[C_REQS], &n);
	long long *acts = rp_ids_parse(req->arena, r[C_ACTIONS], &na);

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[C_ID])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[C_CLIENT])));
	rp_jadd(o, "type", json_object_new_string(r[C_TYPE]));
	rp_jadd(o, "title", json_object_new_string(r[C_TITLE]));
	if (r[C_BODY] != NULL)
		rp_jadd(o, "body", json_object_new_string(r[C_BODY]));
	rp_jadd(o, "status", json_object_new_string(r[C_STATUS]));
	rp_jadd(o, "version", json_object_new_int64(rp_cell_num(r[C_VERSION])));
	rp_jadd(o, "requirement_ids", rp_json_ids(reqs, n));
	rp_jadd(o, "action_ids", rp_json_ids(acts, na));
	rp_jadd(o, "template_id", rp_jcell_int(r[C_TEMPLATE]));
	rp_jadd(o, "template_version", rp_jcell_int(r[C_TEMPLATE_VERSION]));
	rp_jadd(o, "created_at", json_object_new_string(r[C_CREATED]));
	rp_jadd(o, "updated_at", json_object_new_string(r[C_UPDATED]));
	rp_jadd(o, "created_by", rp_jcell_int(r[C_CREATED_BY]));
	rp_jadd(o, "approved_at", rp_jcell_str(r[C_APPROVED_AT]));
	rp_jadd(o, "approved_by", rp_jcell_int(r[C_APPROVED_BY]));
	rp_jadd(o, "approved_by_name", rp_jcell_str(r[C_APPROVER]));
	/* Deployed from a template: whether the library holds a newer version. */
	rp_jadd(o, "template_title", rp_jcell_str(r[C_TEMPLATE_TITLE]));
	rp_jadd(o, "template_latest_version", rp_jcell_int(r[C_TEMPLATE_LATEST]));
	rp_jadd(o, "template_update", json_object_new_boolean(r[C_TEMPLATE_LATEST] != NULL &&
	    r[C_TEMPLATE_VERSION] != NULL &&
	    rp_cell_num(r[C_TEMPLATE_LATEST]) > rp_cell_num(r[C_TEMPLATE_VERSION])));
	rp_jadd(o, "publications", json_object_new_int64(rp_cell_num(r[C_PUBLICATIONS])));
	return o;
}

static const char *const sort_keys[] = { "title", "type", "status", "updated_at" };

int
rp_resources_filter(struct rp_req *req, struct rp_resource_filter *f, bool strict)
{
	memset(f, 0, sizeof(*f));
	/* Without a direction: A to Z, the latest change first. */
	if (rp_query_search(req, "q", &f->q) != 0 ||
	    rp_query_enum(req, "type", &rp_resource_types, strict, &f->type) != 0 ||
	    rp_query_enum(req, "status", &rp_resource_statuses, strict, &f->status) != 0 ||
	    rp_query_id(req, "requirement_id", strict, &f->requirement) != 0 ||
	    rp_query_sort(req, sort_keys, RP_NELEM(sort_keys), 0x8, strict, &f->sort,
	    &f->desc) != 0)
		return -1;
	return 0;
}

struct json_object *
rp_resources_list(struct rp_req *req, const struct rp_client *c,
    const struct rp_resource_filter *f, long long limit, long long offset, long long *total)
{
	const char *dir = f->desc ? "desc" : "asc";
	const char *type = f->type ? f->type : "", *status = f->status ? f->status : "";
	struct rp_dbarg a[] = { RP_AINT(f->body), RP_AINT(c->id), RP_AINT(c->firm_id),
	    RP_ASTR(type), RP_ASTR(type), RP_ASTR(status), RP_ASTR(status),
	    RP_ASTR(f->q ? f->q : ""), RP_ASTR(rp_like_pattern(req->arena, f->q)),
	    RP_AINT(f->requirement), RP_AINT(f->requirement),
	    RP_ASTR(dir), RP_ASTR(f->sort), RP_ASTR(dir), RP_ASTR(f->sort),
	    RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	/* The count binds the same values but the first. */
	if (rp_db_do(req, &q_count, a + 1, 10, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &q_list, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, resource_json(req, res.rows[i]));
	return arr;
}

int
rp_resource_client(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_clients_owner(req, &q_client_of, id, "No such resource.", c);
}

struct json_object *
rp_resource_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(1), RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_get, a, RP_NELEM(a), &res) != 0)
		return NULL;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such resource.");
		return NULL;
	}
	return resource_json(req, res.rows[0]);
}

void
rp_resources_figures_part(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	*p = (struct rp_db_part){ &q_figures, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

struct json_object *
rp_resources_figures(struct rp_req *req, const struct rp_client *c)
{
	struct rp_db_part p;

	rp_resources_figures_part(req, c, &p);
	return rp_db_part_do(req, &p) == 0 ? rp_resources_figures_of(&p.res) : NULL;
}

struct json_object *
rp_resources_figures_of(const struct rp_dbres *res)
{
	struct json_object *o = json_object_new_object();

	for (size_t i = 0; i < rp_resource_statuses.n; i++) {
		long long n = 0;
		for (size_t r = 0; r < res->nrows; r++)
			if (strcmp(res->rows[r][0], rp_resource_statuses.keys[i]) == 0)
				n = rp_cell_num(res->rows[r][1]);
		json_object_object_add(o, rp_resource_statuses.keys[i], json_object_new_int64(n));
	}
	return o;
}

struct json_object *
rp_resource_actions(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_actions, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(res.rows[i][0])));
		rp_jadd(o, "title", json_object_new_string(res.rows[i][1]));
		rp_jadd(o, "status", json_object_new_string(res.rows[i][2]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_resources_check(struct rp_req *req, const struct rp_client *c, const long long *ids,
    size_t n, const char *field)
{
	struct rp_dbres res;

	/* A resource of another client (or firm) is "not found", as anywhere. */
	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg a[] = { RP_AINT(ids[i]), RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_mine, a, RP_NELEM(a), &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 404, "not_found", field, "No such resource.");
	}
	return 0;
}

/* ------------------------------------------------------------- writing --- */

/* status last: a template's fields are those before it. */
static const char *const doc_fields[] = { "type", "title", "body", "requirement_ids", "status" };

int
rp_doc_read(struct rp_req *req, bool create, bool with_status, struct rp_doc *f)
{
	const char *bad;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((bad = rp_in_unknown(req, doc_fields, RP_NELEM(doc_fields) - !with_status)) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_enum(req, "type", &rp_resource_types, create, &f->type) < 0 ||
	    rp_in_text(req, "title", 200, create, &f->title) < 0)
		return -1;
	/* A blank (or null) body empties it: rp_in_lines refuses "". */
	if (rp_in_blank(req, "body"))
		f->body = "";
	else if (rp_in_lines(req, "body", RP_DOC_MAX_BODY, false, &f->body) < 0)
		return -1;
	if (with_status &&
	    rp_in_enum(req, "status", &rp_resource_statuses, false, &f->status) < 0)
		return -1;
	if ((rc = rp_in_links(req, "requirement_ids", RP_DOC_MAX_TAGS, &f->tags,
	    &f->ntags)) < 0)
		return -1;
	f->has_tags = rc > 0;
	return 0;
}

static int
check_tags(struct rp_req *req, const struct rp_client *c, const struct rp_doc *f)
{
	struct rp_dbres res;

	for (size_t i = 0; f->has_tags && i < f->ntags; i++) {
		struct rp_dbarg a[] = { RP_AINT(f->tags[i]), RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_req_ok, a, RP_NELEM(a), &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 400, "invalid", "requirement_ids",
			    "Tag only requirements of the frameworks this client adopted.");
	}
	return 0;
}

/* The status the change reaches, per the workflow and the caller's rights:
 * publishing and withdrawing are the `publication` feature's (SPEC §3). */
static int
check_status(struct rp_req *req, const char *from, long long version, const char *asked,
    bool edited, const char **status, long long *next)
{
	if (rp_resource_revise(from, version, asked, edited, status, next) != 0)
		return rp_fail(req, 409, "approve_first", "status",
		    "Approve this version before publishing it.");
	if ((strcmp(*status, "published") == 0) != (strcmp(from, "published") == 0) &&
	    !(req->user->features & RP_FEAT_BIT(RP_FEAT_PUBLICATION)))
		return rp_fail(req, 403, "forbidden", "status",
		    "Publishing and withdrawing need the publication right.");
	return 0;
}

int
rp_resources_create(struct rp_req *req, const struct rp_client *c, long long *id)
{
	struct rp_doc f;
	struct rp_dbres res;
	const char *status;
	long long version;

	if (rp_doc_read(req, true, true, &f) != 0)
		return -1;
	const char *body = f.body ? f.body : "";
	if (check_status(req, "draft", 1, f.status, false, &status, &version) != 0)
		return -1;
	if (rp_clients_begin(req, c) != 0)
		return -1;
	if (check_tags(req, c, &f) != 0)
		goto fail;
	bool approved = strcmp(status, "draft") != 0;
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_ASTR(f.type),
	    RP_ASTR(f.title), RP_ASTR(body), RP_ASTR(status), RP_AINT(req->user->id),
	    RP_ASTR(status), approved ? RP_AINT(req->user->id) : RP_ANULL };
	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	if (rp_db_links(req, &q_tags_clear, &q_tag, *id, f.tags, f.ntags, c->firm_id,
	    c->id) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "type", json_object_new_string(f.type));
	rp_jadd(d, "title", json_object_new_string(f.title));
	rp_jadd(d, "status", json_object_new_string(status));
	rp_jadd(d, "version", json_object_new_int(1));
	if (f.ntags)
		rp_jadd(d, "requirement_ids", rp_json_ids(f.tags, f.ntags));
	if (rp_audit(req, "resource.create", "resource", *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_resources_update(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_doc f;
	struct rp_dbres res;
	const char *status;
	long long version;

	if (rp_doc_read(req, false, true, &f) != 0)
		return -1;
	if (rp_clients_begin(req, c) != 0)
		return -1;
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_current, k, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such resource.");
		goto fail;
	}
	char **old = res.rows[0];
	const char *type = f.type ? f.type : old[0];
	const char *title = f.title ? f.title : old[1];
	const char *body = f.body ? f.body : old[2];
	bool edited = strcmp(type, old[0]) != 0 || strcmp(title, old[1]) != 0 ||
	    strcmp(body, old[2]) != 0;
	if (check_status(req, old[3], rp_cell_num(old[4]), f.status, edited, &status, &version) != 0 ||
	    check_tags(req, c, &f) != 0)
		goto fail;
	size_t nold;
	long long *old_tags = rp_ids_parse(req->arena, old[5], &nold);
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "type", old[0], type);
	rp_audit_change(d, "title", old[1], title);
	/* The body itself stays out of the log: the resource holds it. */
	if (strcmp(body, old[2]) != 0)
		rp_jadd(d, "body", json_object_new_string("changed"));
	rp_audit_change(d, "status", old[3], status);
	if (version != rp_cell_num(old[4]))
		rp_audit_change(d, "version", old[4], rp_printf(req->arena, "%lld", version));
	bool tags = f.has_tags &&
	    rp_audit_ids(d, "requirement_ids", old_tags, nold, f.tags, f.ntags);
	/* Nothing changed: nothing to write or record. */
	if (json_object_object_length(d) == 0) {
		json_object_put(d);
		rp_db_rollback();
		return 0;
	}
	/* An approval: the status becomes approved or published from a
	 * draft (a new version included). */
	bool approval = strcmp(status, "draft") != 0 &&
	    (strcmp(old[3], "draft") == 0 || version != rp_cell_num(old[4]));
	struct rp_dbarg a[] = { RP_ASTR(type), RP_ASTR(title), RP_ASTR(body), RP_ASTR(status),
	    RP_AINT(version), RP_ASTR(status), RP_AINT(approval), RP_ASTR(status),
	    RP_AINT(approval), RP_AINT(req->user->id), RP_AINT(id), RP_AINT(c->id),
	    RP_AINT(c->firm_id) };
	bool withdrawn = strcmp(old[3], "published") == 0 && strcmp(status, "published") != 0;
	struct rp_dbarg w[] = { RP_AINT(id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_update, a, RP_NELEM(a), NULL) != 0 ||
	    (tags && rp_db_links(req, &q_tags_clear, &q_tag, id, f.tags, f.ntags, c->firm_id,
	    c->id) != 0) ||
	    (withdrawn && rp_db_do(req, &q_unpublish, w, 2, NULL) != 0)) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "resource.update", "resource", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_resources_delete(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbres res;

	if (rp_clients_begin(req, c) != 0)
		return -1;
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_current, k, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such resource.");
		goto fail;
	}
	/* Taking a published resource away is a withdrawal. */
	if (strcmp(res.rows[0][3], "published") == 0 &&
	    !(req->user->features & RP_FEAT_BIT(RP_FEAT_PUBLICATION))) {
		rp_fail(req, 403, "forbidden", "status",
		    "Withdrawing a published resource needs the publication right.");
		goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "type", json_object_new_string(res.rows[0][0]));
	rp_jadd(d, "title", json_object_new_string(res.rows[0][1]));
	rp_jadd(d, "status", json_object_new_string(res.rows[0][3]));
	rp_jadd(d, "version", json_object_new_int64(rp_cell_num(res.rows[0][4])));
	if (rp_db_do(req, &q_delete, k, 3, NULL) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "resource.delete", "resource", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
