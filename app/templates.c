/* The firm's library: templates, their versions, deployment to clients and
 * the update of deployed copies. */
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
#include "linediff.h"
#include "request.h"
#include "resources.h"
#include "templates.h"
#include "tplvars.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define WHO(u) "COALESCE(NULLIF(TRIM(CONCAT(" u ".first_name, ' ', " u ".last_name)), ''), " u ".email)"

#define TEMPLATE_COLUMNS \
    "t.id, t.type, t.title, t.version, " DATE("t.created_at") ", " DATE("t.updated_at") "," \
    " t.created_by, t.updated_by, " WHO("u") "," \
    " (SELECT GROUP_CONCAT(tr.requirement_id ORDER BY tr.requirement_id)" \
    "  FROM template_requirements tr WHERE tr.template_id = t.id)," \
    " (SELECT COUNT(*) FROM resources d WHERE d.firm_id = t.firm_id AND d.template_id = t.id)" \
    " FROM templates t LEFT JOIN users u ON u.id = t.updated_by"
enum { C_ID, C_TYPE, C_TITLE, C_VERSION, C_CREATED, C_UPDATED, C_CREATED_BY, C_UPDATED_BY,
	C_UPDATER, C_REQS, C_DEPLOYED };
#define LIST_WHERE \
    " WHERE t.firm_id = ? AND (? = '' OR t.type = ?) AND (? = '' OR t.title LIKE ?)" \
    " AND (? = 0 OR EXISTS (SELECT 1 FROM template_requirements f" \
    "  WHERE f.template_id = t.id AND f.requirement_id = ?))" \
    " AND (? = 0 OR EXISTS (SELECT 1 FROM template_requirements f" \
    "  JOIN requirements fr ON fr.id = f.requirement_id" \
    "  WHERE f.template_id = t.id AND fr.framework_id = ?))"
#define SORT_KEY \
    " CASE ? WHEN 'type' THEN t.type + 0" \
    "  WHEN 'updated_at' THEN DATE_FORMAT(t.updated_at, '%Y%m%d%H%i%s') ELSE t.title END"

static struct rp_stmt q_count = RP_STMT("SELECT COUNT(*) FROM templates t" LIST_WHERE);
static struct rp_stmt q_list = RP_STMT(
    "SELECT " TEMPLATE_COLUMNS LIST_WHERE
    " ORDER BY CASE WHEN ? = 'asc' THEN" SORT_KEY " END ASC,"
    " CASE WHEN ? = 'desc' THEN" SORT_KEY " END DESC, t.title, t.id LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " TEMPLATE_COLUMNS " WHERE t.id = ? AND t.firm_id = ?");
/* A version as written (the current one is a version too). */
static struct rp_stmt q_version = RP_STMT(
    "SELECT v.type, v.title, v.body, v.requirement_ids, " DATE("v.created_at") ","
    " v.created_by, " WHO("u")
    " FROM template_versions v LEFT JOIN users u ON u.id = v.created_by"
    " WHERE v.template_id = ? AND v.firm_id = ? AND v.version = ?");
static struct rp_stmt q_versions = RP_STMT(
    "SELECT v.version, v.title, " DATE("v.created_at") ", v.created_by, " WHO("u")
    " FROM template_versions v LEFT JOIN users u ON u.id = v.created_by"
    " WHERE v.template_id = ? AND v.firm_id = ? ORDER BY v.version DESC");
static struct rp_stmt q_tag_refs = RP_STMT(
    "SELECT r.id, r.ref, fw.code, fw.id, CASE WHEN ? = 'en' THEN r.title_en ELSE r.title_fr END"
    " FROM requirements r"
    " JOIN frameworks fw ON fw.id = r.framework_id"
    " WHERE FIND_IN_SET(r.id, ?) > 0 AND (fw.firm_id IS NULL OR fw.firm_id = ?)"
    " ORDER BY fw.code, r.position, r.id");
static struct rp_stmt q_current = RP_STMT(
    "SELECT type, title, body, version,"
    " (SELECT GROUP_CONCAT(tr.requirement_id ORDER BY tr.requirement_id)"
    "  FROM template_requirements tr WHERE tr.template_id = t.id)"
    " FROM templates t WHERE t.id = ? AND t.firm_id = ? FOR UPDATE");
static struct rp_stmt q_mine = RP_STMT(
    "SELECT version FROM templates WHERE id = ? AND firm_id = ?");
/* A requirement to tag: assessable, of a framework the firm sees. */
static struct rp_stmt q_req_ok = RP_STMT(
    "SELECT 1 FROM requirements r JOIN frameworks fw ON fw.id = r.framework_id"
    " WHERE r.id = ? AND r.assessable = 1 AND (fw.firm_id IS NULL OR fw.firm_id = ?)");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO templates (firm_id, type, title, body, version, source_resource_id,"
    " created_by, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?)");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE templates SET type = ?, title = ?, body = ?, version = ?, updated_by = ?"
    " WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_version_add = RP_STMT(
    "INSERT INTO template_versions (template_id, version, firm_id, type, title, body,"
    " requirement_ids, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_tags_clear = RP_STMT(
    "DELETE FROM template_requirements WHERE template_id = ? AND firm_id = ?");
static struct rp_stmt q_tag = RP_STMT(
    "INSERT INTO template_requirements (template_id, requirement_id, firm_id) VALUES (?, ?, ?)");
/* A resource to save as a template: its client's, the caller checked. */
static struct rp_stmt q_resource = RP_STMT(
    "SELECT r.type, r.title, r.body,"
    " (SELECT GROUP_CONCAT(rr.requirement_id ORDER BY rr.requirement_id)"
    "  FROM resource_requirements rr WHERE rr.resource_id = r.id)"
    " FROM resources r WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ?");
/* Deployment: a copy of the template at its current version, its
 * variables filled (app/tplvars.h)... */
static struct rp_stmt q_copy_src = RP_STMT(
    "SELECT t.type, t.title, t.body, t.version FROM templates t WHERE t.id = ? AND t.firm_id = ?");
static struct rp_stmt q_copy = RP_STMT(
    "INSERT INTO resources (firm_id, client_id, type, title, body, status, version,"
    " template_id, template_version, created_by)"
    " VALUES (?, ?, ?, ?, ?, 'draft', 1, ?, ?, ?)");
/* The values of the variables for a client: its name, its firm's, its
 * first declared vCISO (smallest user id among the active ones; else the
 * acting user) and the date: the day resource ? was created (a deployed
 * copy's date stays that of its deployment, so that the "newer version"
 * diff compares like with like), or today for a new copy. */
static struct rp_stmt q_vars = RP_STMT(
    "SELECT c.name, f.name,"
    " COALESCE((SELECT " WHO("u") " FROM client_vcisos v JOIN users u ON u.id = v.user_id"
    "  WHERE v.client_id = c.id AND v.firm_id = c.firm_id AND u.active = 1"
    "  ORDER BY u.id LIMIT 1),"
    "  (SELECT " WHO("m") " FROM users m WHERE m.id = ?)),"
    " COALESCE((SELECT DATE_FORMAT(r.created_at, '%Y-%m-%d') FROM resources r"
    "  WHERE r.id = ? AND r.client_id = c.id AND r.firm_id = c.firm_id),"
    "  DATE_FORMAT(CURRENT_TIMESTAMP, '%Y-%m-%d'))"
    " FROM clients c JOIN firms f ON f.id = c.firm_id WHERE c.id = ? AND c.firm_id = ?");
/* ...with the tags of the frameworks the client adopted. */
static struct rp_stmt q_copy_tags = RP_STMT(
    "INSERT INTO resource_requirements (resource_id, requirement_id, firm_id, client_id)"
    " SELECT ?, tr.requirement_id, ?, ? FROM template_requirements tr"
    " JOIN requirements r ON r.id = tr.requirement_id"
    " JOIN client_frameworks cf ON cf.framework_id = r.framework_id"
    "  AND cf.client_id = ? AND cf.firm_id = ?"
    " WHERE tr.template_id = ? AND tr.firm_id = ?");
static struct rp_stmt q_copy_title = RP_STMT(
    "SELECT title, version FROM templates WHERE id = ? AND firm_id = ?");
/* Update of a deployed copy. */
static struct rp_stmt q_deployed = RP_STMT(
    "SELECT r.type, r.title, r.body, r.status, r.version, r.template_id, r.template_version,"
    " t.title, t.version FROM resources r"
    " JOIN templates t ON t.id = r.template_id AND t.firm_id = r.firm_id"
    " WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ?");
static struct rp_stmt q_deployed_lock = RP_STMT(
    "SELECT r.status, r.version, r.template_id, r.template_version FROM resources r"
    " WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ? FOR UPDATE");
static struct rp_stmt q_apply = RP_STMT(
    "UPDATE resources SET type = ?, title = ?, body = ?, status = 'draft', version = version + 1,"
    " template_version = ?, approved_at = NULL, approved_by = NULL"
    " WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_apply_tags_clear = RP_STMT(
    "DELETE FROM resource_requirements WHERE resource_id = ? AND firm_id = ?");
static struct rp_stmt q_apply_tags = RP_STMT(
    "INSERT INTO resource_requirements (resource_id, requirement_id, firm_id, client_id)"
    " SELECT ?, r.id, ?, ? FROM requirements r"
    " JOIN client_frameworks cf ON cf.framework_id = r.framework_id"
    "  AND cf.client_id = ? AND cf.firm_id = ?"
    " WHERE FIND_IN_SET(r.id, ?) > 0");
static struct rp_stmt q_unpublish = RP_STMT(
    "DELETE FROM resource_publications WHERE resource_id = ? AND firm_id = ?");

/* Lines a diff searches, at most: beyond, the texts are "too different". */
#define MAX_DIFF 4000
/* A title's length in the tables (VARCHAR(200)). */
#define TITLE_MAX 200

static int vars_check(struct rp_req *, const char *field, const char *text);
static int vars_of(struct rp_req *, long long firm, long long client, long long resource,
    struct rp_tplvals *);
static char *fill_title(struct rp_req *, const char *title, const struct rp_tplvals *);

/* 400 naming the variable at fault in text (field: "title" or "body"). */
static int
vars_check(struct rp_req *req, const char *field, const char *text)
{
	const char *what;
	size_t line;

	if (text == NULL || rp_tplvars_check(req->arena, text, &what, &line) == 0)
		return 0;
	return rp_fail(req, 400, "unknown_variable", field, rp_printf(req->arena,
	    "Unknown template variable %s (line %zu). Known: {{client_name}}, {{firm_name}},"
	    " {{vciso_name}}, {{date}}.", what, line));
}

/* The values of the variables for client (firm, client); resource: a
 * deployed copy whose date to use, or 0 for today. 0 or -1. */
static int
vars_of(struct rp_req *req, long long firm, long long client, long long resource,
    struct rp_tplvals *v)
{
	struct rp_dbres res;
	struct rp_dbarg a[] = { RP_AINT(req->user->id), RP_AINT(resource), RP_AINT(client),
	    RP_AINT(firm) };

	if (rp_db_one(req, &q_vars, a, RP_NELEM(a), &res, "No such client.") != 0)
		return -1;
	v->client_name = res.rows[0][0];
	v->firm_name = res.rows[0][1];
	v->vciso_name = res.rows[0][2];
	v->date = res.rows[0][3];
	return 0;
}

/* A title filled, kept within the column (a long client name). */
static char *
fill_title(struct rp_req *req, const char *title, const struct rp_tplvals *v)
{
	char *t = rp_tplvars_fill(req->arena, title, v);
	size_t i = 0, chars = 0;

	while (t[i] != '\0' && chars < TITLE_MAX) {
		i++;
		while (((unsigned char)t[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	t[i] = '\0';
	return t;
}

/* ------------------------------------------------------------- reading --- */

static struct json_object *
template_json(const struct rp_req *req, char **r)
{
	struct json_object *o = json_object_new_object();
	size_t n;
	long long *reqs = rp_ids_parse(req->arena, r[C_REQS], &n);

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[C_ID])));
	rp_jadd(o, "type", json_object_new_string(r[C_TYPE]));
	rp_jadd(o, "title", json_object_new_string(r[C_TITLE]));
	rp_jadd(o, "version", json_object_new_int64(rp_cell_num(r[C_VERSION])));
	rp_jadd(o, "requirement_ids", rp_json_ids(reqs, n));
	rp_jadd(o, "created_at", json_object_new_string(r[C_CREATED]));
	rp_jadd(o, "updated_at", json_object_new_string(r[C_UPDATED]));
	rp_jadd(o, "created_by", rp_jcell_int(r[C_CREATED_BY]));
	rp_jadd(o, "updated_by", rp_jcell_int(r[C_UPDATED_BY]));
	rp_jadd(o, "updated_by_name", rp_jcell_str(r[C_UPDATER]));
	rp_jadd(o, "deployed_count", json_object_new_int64(rp_cell_num(r[C_DEPLOYED])));
	return o;
}

static const char *const sort_keys[] = { "title", "type", "updated_at" };

int
rp_templates_filter(struct rp_req *req, struct rp_template_filter *f, bool strict)
{
	memset(f, 0, sizeof(*f));
	/* Without a direction: A to Z, the latest change first. */
	if (rp_query_search(req, "q", &f->q) != 0 ||
	    rp_query_enum(req, "type", &rp_resource_types, strict, &f->type) != 0 ||
	    rp_query_id(req, "requirement_id", strict, &f->requirement) != 0 ||
	    rp_query_id(req, "framework_id", strict, &f->framework) != 0 ||
	    rp_query_sort(req, sort_keys, RP_NELEM(sort_keys), 0x4, strict, &f->sort,
	    &f->desc) != 0)
		return -1;
	return 0;
}

struct json_object *
rp_templates_list(struct rp_req *req, const struct rp_template_filter *f, long long limit,
    long long offset, long long *total)
{
	const char *dir = f->desc ? "desc" : "asc", *type = f->type ? f->type : "";
	struct rp_dbarg a[] = { RP_AINT(req->user->firm_id), RP_ASTR(type), RP_ASTR(type),
	    RP_ASTR(f->q ? f->q : ""), RP_ASTR(rp_like_pattern(req->arena, f->q)),
	    RP_AINT(f->requirement), RP_AINT(f->requirement),
	    RP_AINT(f->framework), RP_AINT(f->framework),
	    RP_ASTR(dir), RP_ASTR(f->sort), RP_ASTR(dir), RP_ASTR(f->sort),
	    RP_AINT(limit), RP_AINT(offset) };

	return rp_db_page(req, &q_count, &q_list, a, 9, RP_NELEM(a), template_json, total);
}

/* The requirements of a tag list (ids in a comma list): [{id, ref,
 * framework, framework_id, title}], in the catalogue's order. */
static struct json_object *
tag_refs(struct rp_req *req, const char *csv)
{
	struct json_object *arr = json_object_new_array();
	struct rp_dbres res;

	if (csv == NULL || *csv == '\0')
		return arr;
	struct rp_dbarg a[] = { RP_ASTR(rp_lang_code(req->lang)), RP_ASTR(csv),
	    RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_tag_refs, a, RP_NELEM(a), &res) != 0) {
		json_object_put(arr);
		return NULL;
	}
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(res.rows[i][0])));
		rp_jadd(o, "ref", json_object_new_string(res.rows[i][1]));
		rp_jadd(o, "framework", json_object_new_string(res.rows[i][2]));
		rp_jadd(o, "framework_id", json_object_new_int64(rp_cell_num(res.rows[i][3])));
		rp_jadd(o, "title", json_object_new_string(res.rows[i][4]));
		json_object_array_add(arr, o);
	}
	return arr;
}

struct json_object *
rp_template_get(struct rp_req *req, long long id, long long version)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(req->user->firm_id) };
	struct rp_dbres res, v;

	if (rp_db_one(req, &q_get, a, 2, &res, "No such template.") != 0)
		return NULL;
	char **r = res.rows[0];
	long long current = rp_cell_num(r[C_VERSION]);
	if (version == 0)
		version = current;
	struct rp_dbarg b[] = { RP_AINT(id), RP_AINT(req->user->firm_id), RP_AINT(version) };
	if (rp_db_do(req, &q_version, b, 3, &v) != 0)
		return NULL;
	if (v.nrows != 1) {
		rp_fail(req, 404, "not_found", "version", "No such version of this template.");
		return NULL;
	}
	char **w = v.rows[0];
	struct json_object *o = template_json(req, r);
	rp_jadd(o, "current_version", json_object_new_int64(current));
	if (version != current) {
		/* A past version: its own text and tags. */
		size_t n;
		long long *reqs = rp_ids_parse(req->arena, w[3], &n);
		rp_jadd(o, "version", json_object_new_int64(version));
		rp_jadd(o, "type", json_object_new_string(w[0]));
		rp_jadd(o, "title", json_object_new_string(w[1]));
		rp_jadd(o, "requirement_ids", rp_json_ids(reqs, n));
		rp_jadd(o, "updated_at", json_object_new_string(w[4]));
		rp_jadd(o, "updated_by", rp_jcell_int(w[5]));
		rp_jadd(o, "updated_by_name", rp_jcell_str(w[6]));
	}
	rp_jadd(o, "body", json_object_new_string(w[2]));
	struct json_object *refs = tag_refs(req, version != current ? w[3] : r[C_REQS]);
	if (refs == NULL) {
		json_object_put(o);
		return NULL;
	}
	rp_jadd(o, "requirements", refs);
	return o;
}

static const char *tags_csv(struct rp_req *, const long long *tags, size_t n);

struct json_object *
rp_templates_tag_refs(struct rp_req *req, const long long *ids, size_t n)
{
	return tag_refs(req, tags_csv(req, ids, n));
}

struct json_object *
rp_template_versions(struct rp_req *req, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(req->user->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_versions, a, 2, &res) != 0)
		return NULL;
	if (res.nrows == 0) {
		rp_fail(req, 404, "not_found", NULL, "No such template.");
		return NULL;
	}
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "version", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "title", json_object_new_string(r[1]));
		rp_jadd(o, "created_at", json_object_new_string(r[2]));
		rp_jadd(o, "created_by", rp_jcell_int(r[3]));
		rp_jadd(o, "created_by_name", rp_jcell_str(r[4]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_templates_check(struct rp_req *req, const long long *ids, size_t n, const char *field)
{
	struct rp_dbres res;

	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg a[] = { RP_AINT(ids[i]), RP_AINT(req->user->firm_id) };
		if (rp_db_do(req, &q_mine, a, 2, &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 404, "not_found", field, "No such template.");
	}
	return 0;
}

/* ------------------------------------------------------------- writing --- */

static int
check_tags(struct rp_req *req, const long long *tags, size_t n)
{
	struct rp_dbres res;

	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg a[] = { RP_AINT(tags[i]), RP_AINT(req->user->firm_id) };
		if (rp_db_do(req, &q_req_ok, a, 2, &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 400, "invalid", "requirement_ids",
			    "Tag only assessable requirements of the catalogue.");
	}
	return 0;
}

/* The tags as the comma list a version row keeps, ascending. */
static const char *
tags_csv(struct rp_req *req, const long long *tags, size_t n)
{
	long long *s = rp_alloc(req->arena, (n ? n : 1) * sizeof(*s));
	struct rp_buf b;

	if (n)	/* tags is NULL when there is none: memcpy(s, NULL, 0) is undefined */
		memcpy(s, tags, n * sizeof(*s));
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) {
			long long t = s[j];
			s[j] = s[j - 1];
			s[j - 1] = t;
		}
	rp_buf_init(&b, req->arena);
	for (size_t i = 0; i < n; i++)
		rp_buf_printf(&b, "%s%lld", i ? "," : "", s[i]);
	return rp_buf_str(&b);
}

/* Write a template's tags and its version row (inside the transaction). */
static int
store_version(struct rp_req *req, long long id, long long version, const char *type,
    const char *title, const char *body, const long long *tags, size_t ntags, bool retag)
{
	long long firm = req->user->firm_id;

	if (retag) {
		struct rp_dbarg c[] = { RP_AINT(id), RP_AINT(firm) };
		if (rp_db_do(req, &q_tags_clear, c, 2, NULL) != 0)
			return -1;
		for (size_t i = 0; i < ntags; i++) {
			struct rp_dbarg l[] = { RP_AINT(id), RP_AINT(tags[i]), RP_AINT(firm) };
			if (rp_db_do(req, &q_tag, l, RP_NELEM(l), NULL) != 0)
				return -1;
		}
	}
	struct rp_dbarg v[] = { RP_AINT(id), RP_AINT(version), RP_AINT(firm), RP_ASTR(type),
	    RP_ASTR(title), RP_ASTR(body), RP_ASTR(tags_csv(req, tags, ntags)),
	    RP_AINT(req->user->id) };
	return rp_db_do(req, &q_version_add, v, RP_NELEM(v), NULL);
}

/* Insert a template (version 1) and audit it: inside a transaction. */
static int
insert(struct rp_req *req, const char *type, const char *title, const char *body,
    const long long *tags, size_t ntags, long long source, long long client, long long *id)
{
	struct rp_dbres res;
	struct rp_dbarg a[] = { RP_AINT(req->user->firm_id), RP_ASTR(type), RP_ASTR(title),
	    RP_ASTR(body), source ? RP_AINT(source) : RP_ANULL, RP_AINT(req->user->id),
	    RP_AINT(req->user->id) };

	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		return -1;
	*id = res.insert_id;
	if (store_version(req, *id, 1, type, title, body, tags, ntags, true) != 0)
		return -1;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "type", json_object_new_string(type));
	rp_jadd(d, "title", json_object_new_string(title));
	rp_jadd(d, "version", json_object_new_int(1));
	if (ntags)
		rp_jadd(d, "requirement_ids", rp_json_ids(tags, ntags));
	if (source)
		rp_jadd(d, "resource_id", json_object_new_int64(source));
	return rp_audit(req, "template.create", "template", *id, client, d);
}

int
rp_templates_create(struct rp_req *req, long long *id)
{
	struct rp_doc f;

	if (rp_doc_read(req, true, false, &f) != 0 || vars_check(req, "title", f.title) != 0 ||
	    vars_check(req, "body", f.body) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (check_tags(req, f.tags, f.ntags) != 0 ||
	    insert(req, f.type, f.title, f.body ? f.body : "", f.tags, f.ntags, 0, 0, id) != 0) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

int
rp_templates_update(struct rp_req *req, long long id)
{
	struct rp_doc f;
	struct rp_dbres res;

	if (rp_doc_read(req, false, false, &f) != 0 || vars_check(req, "title", f.title) != 0 ||
	    vars_check(req, "body", f.body) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(req->user->firm_id) };
	if (rp_db_one(req, &q_current, k, 2, &res, "No such template.") != 0)
		goto fail;
	char **old = res.rows[0];
	const char *type = f.type ? f.type : old[0];
	const char *title = f.title ? f.title : old[1];
	const char *body = f.body ? f.body : old[2];
	size_t nold;
	long long *old_tags = rp_ids_parse(req->arena, old[4], &nold);
	if (f.has_tags && check_tags(req, f.tags, f.ntags) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "type", old[0], type);
	rp_audit_change(d, "title", old[1], title);
	if (strcmp(body, old[2]) != 0)
		rp_jadd(d, "body", json_object_new_string("changed"));
	bool retag = f.has_tags &&
	    rp_audit_ids(d, "requirement_ids", old_tags, nold, f.tags, f.ntags);
	if (json_object_object_length(d) == 0) {
		/* Nothing changed: no new version. */
		json_object_put(d);
		rp_db_rollback();
		return 0;
	}
	long long version = rp_cell_num(old[3]) + 1;
	rp_audit_change(d, "version", old[3], rp_printf(req->arena, "%lld", version));
	struct rp_dbarg a[] = { RP_ASTR(type), RP_ASTR(title), RP_ASTR(body), RP_AINT(version),
	    RP_AINT(req->user->id), RP_AINT(id), RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_update, a, RP_NELEM(a), NULL) != 0 ||
	    store_version(req, id, version, type, title, body, retag ? f.tags : old_tags,
	    retag ? f.ntags : nold, retag) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "template.update", "template", id, 0, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* client_name_variable (default true): the client's name becomes
 * {{client_name}}; the form's checkbox comes with a marker field, so that
 * an unticked box (sent as nothing) reads as false. */
static const char *const known_save[] = { "title", "client_name_variable",
	"client_name_variable_present" };

int
rp_templates_from_resource(struct rp_req *req, const struct rp_client *c,
    long long resource_id, long long *id)
{
	struct rp_dbres res;
	const char *bad, *title = NULL;

	if ((bad = rp_in_unknown(req, known_save, RP_NELEM(known_save))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_text(req, "title", 200, false, &title) < 0)
		return -1;
	bool generalise = true;
	int got = rp_in_bool(req, "client_name_variable", &generalise);
	if (got < 0)
		return -1;
	if (got == 0 && req->json == NULL && rp_param(&req->form, "client_name_variable_present"))
		generalise = false;
	struct rp_dbarg a[] = { RP_AINT(resource_id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_resource, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such resource.");
	char **r = res.rows[0];
	if (title == NULL)
		title = r[1];
	if (generalise) {
		size_t n;
		title = rp_tplvars_generalise(req->arena, title, c->name, &n);
		r[2] = rp_tplvars_generalise(req->arena, r[2], c->name, &n);
	}
	/* A template's text must stay fillable: the same check as a save. */
	if (vars_check(req, "title", title) != 0 || vars_check(req, "body", r[2]) != 0)
		return -1;
	size_t ntags;
	long long *tags = rp_ids_parse(req->arena, r[3], &ntags);
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (insert(req, r[0], title, r[2], tags, ntags, resource_id, c->id, id) != 0) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

/* ---------------------------------------------------------- deployment --- */

int
rp_templates_copy(struct rp_req *req, long long firm, long long client,
    const long long *tids, size_t n, long long *ids)
{
	struct rp_dbres res, t, src;
	struct rp_tplvals vals;

	if (n > 0 && vars_of(req, firm, client, 0, &vals) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg k[] = { RP_AINT(tids[i]), RP_AINT(firm) };
		if (rp_db_do(req, &q_copy_src, k, 2, &src) != 0)
			return -1;
		if (src.nrows != 1)
			return rp_fail(req, 404, "not_found", "template_ids", "No such template.");
		char **w = src.rows[0];
		struct rp_dbarg a[] = { RP_AINT(firm), RP_AINT(client), RP_ASTR(w[0]),
		    RP_ASTR(fill_title(req, w[1], &vals)),
		    RP_ASTR(rp_tplvars_fill(req->arena, w[2], &vals)), RP_AINT(tids[i]),
		    RP_AINT(rp_cell_num(w[3])), RP_AINT(req->user->id) };
		if (rp_db_do(req, &q_copy, a, RP_NELEM(a), &res) != 0)
			return -1;
		long long rid = res.insert_id;
		struct rp_dbarg g[] = { RP_AINT(rid), RP_AINT(firm), RP_AINT(client),
		    RP_AINT(client), RP_AINT(firm), RP_AINT(tids[i]), RP_AINT(firm) };
		if (rp_db_do(req, &q_copy_tags, g, RP_NELEM(g), NULL) != 0 ||
		    rp_db_do(req, &q_copy_title, k, 2, &t) != 0)
			return -1;
		struct json_object *d = json_object_new_object();
		rp_jadd(d, "template_id", json_object_new_int64(tids[i]));
		rp_jadd(d, "template_version", json_object_new_int64(rp_cell_num(rp_db_cell(&t, 0, 1))));
		rp_jadd(d, "title", rp_jcell_str(rp_db_cell(&t, 0, 0)));
		if (rp_audit(req, "resource.deploy", "resource", rid, client, d) != 0)
			return -1;
		if (ids != NULL)
			ids[i] = rid;
	}
	return 0;
}

struct json_object *
rp_templates_deploy(struct rp_req *req, const long long *tids, size_t nt,
    const long long *cids, size_t nc, bool dry_run)
{
	struct rp_client *cs = rp_calloc(req->arena, nc ? nc : 1, sizeof(*cs));
	long long *ids = rp_calloc(req->arena, nt ? nt : 1, sizeof(*ids));

	if (nt == 0 || nc == 0) {
		rp_fail(req, 400, "required", nt == 0 ? "template_ids" : "client_ids",
		    nt == 0 ? "Choose one template or more." : "Choose one client or more.");
		return NULL;
	}
	if (rp_templates_check(req, tids, nt, "template_ids") != 0)
		return NULL;
	/* Every client first: one refused, nothing deployed anywhere. */
	for (size_t i = 0; i < nc; i++) {
		int found = rp_clients_get(req, cids[i], &cs[i]);
		if (found < 0)
			return NULL;
		if (found == 0) {
			rp_fail(req, 404, "not_found", "client_ids", "No such client.");
			return NULL;
		}
		if (!cs[i].vciso) {
			rp_fail(req, 403, "not_vciso", "client_ids", rp_printf(req->arena,
			    "You are not declared vCISO of %s.", cs[i].name));
			return NULL;
		}
	}
	struct json_object *out = json_object_new_object(), *arr = json_object_new_array();
	rp_jadd(out, "deployed", arr);
	rp_jadd(out, "dry_run", json_object_new_boolean(dry_run));
	for (size_t i = 0; i < nc && !dry_run; i++) {
		if (rp_db_begin() != 0) {
			rp_db_fail(req);
			goto fail;
		}
		if (rp_templates_copy(req, cs[i].firm_id, cs[i].id, tids, nt, ids) != 0) {
			rp_db_rollback();
			goto fail;
		}
		if (rp_db_finish(req) != 0)
			goto fail;
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "client_id", json_object_new_int64(cs[i].id));
		rp_jadd(o, "client_name", json_object_new_string(cs[i].name));
		rp_jadd(o, "resource_ids", rp_json_ids(ids, nt));
		json_object_array_add(arr, o);
	}
	return out;
fail:
	json_object_put(out);
	return NULL;
}

/* ------------------------------------------------------------- updates --- */

static const char *const ops[] = { "same", "del", "add" };

struct json_object *
rp_template_diff(struct rp_req *req, const struct rp_client *c, long long resource_id,
    long long to)
{
	struct rp_dbres res, v;
	struct rp_diff_line *lines;

	struct rp_dbarg a[] = { RP_AINT(resource_id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_one(req, &q_deployed, a, RP_NELEM(a), &res,
	    "This resource was not deployed from a template of the library.") != 0)
		return NULL;
	char **r = res.rows[0];
	long long tid = rp_cell_num(r[5]);
	if (to == 0)
		to = rp_cell_num(r[8]);
	struct rp_dbarg b[] = { RP_AINT(tid), RP_AINT(c->firm_id), RP_AINT(to) };
	if (rp_db_do(req, &q_version, b, 3, &v) != 0)
		return NULL;
	if (v.nrows != 1) {
		rp_fail(req, 404, "not_found", "version", "No such version of the template.");
		return NULL;
	}
	char **w = v.rows[0];
	/* The copy holds filled text: compare it with the version filled
	 * the same way (its deployment date, app/tplvars.h). */
	struct rp_tplvals vals;
	if (vars_of(req, c->firm_id, c->id, resource_id, &vals) != 0)
		return NULL;
	w[1] = fill_title(req, w[1], &vals);
	w[2] = rp_tplvars_fill(req->arena, w[2], &vals);
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array();
	rp_jadd(o, "template_id", json_object_new_int64(tid));
	rp_jadd(o, "template_title", json_object_new_string(r[7]));
	rp_jadd(o, "from_version", rp_jcell_int(r[6]));
	rp_jadd(o, "to_version", json_object_new_int64(to));
	rp_jadd(o, "latest_version", json_object_new_int64(rp_cell_num(r[8])));
	if (strcmp(r[0], w[0]) != 0) {
		struct json_object *t = json_object_new_object();
		rp_jadd(t, "from", json_object_new_string(r[0]));
		rp_jadd(t, "to", json_object_new_string(w[0]));
		rp_jadd(o, "type", t);
	}
	if (strcmp(r[1], w[1]) != 0) {
		struct json_object *t = json_object_new_object();
		rp_jadd(t, "from", json_object_new_string(r[1]));
		rp_jadd(t, "to", json_object_new_string(w[1]));
		rp_jadd(o, "title", t);
	}
	ssize_t n = rp_linediff(req->arena, r[2], w[2], MAX_DIFF, &lines);
	size_t added = 0, deleted = 0;
	rp_jadd(o, "too_different", json_object_new_boolean(n < 0));
	for (ssize_t i = 0; i < n; i++) {
		struct json_object *l = json_object_new_object();
		rp_jadd(l, "op", json_object_new_string(ops[lines[i].op]));
		rp_jadd(l, "text", json_object_new_string_len(lines[i].text, (int)lines[i].len));
		rp_jadd(l, "old_no", lines[i].old_no ? json_object_new_int64(
		    (long long)lines[i].old_no) : NULL);
		rp_jadd(l, "new_no", lines[i].new_no ? json_object_new_int64(
		    (long long)lines[i].new_no) : NULL);
		json_object_array_add(arr, l);
	}
	if (n > 0)
		rp_linediff_counts(lines, (size_t)n, &added, &deleted);
	rp_jadd(o, "lines", arr);
	rp_jadd(o, "added", json_object_new_int64((long long)added));
	rp_jadd(o, "deleted", json_object_new_int64((long long)deleted));
	rp_jadd(o, "same", json_object_new_boolean(n >= 0 && added == 0 && deleted == 0 &&
	    json_object_object_get_ex(o, "title", NULL) == 0 &&
	    json_object_object_get_ex(o, "type", NULL) == 0));
	return o;
}

int
rp_template_apply(struct rp_req *req, const struct rp_client *c, long long resource_id,
    long long to)
{
	struct rp_dbres res, v, t;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_AINT(resource_id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_deployed_lock, a, RP_NELEM(a), &res) != 0)
		goto fail;
	if (res.nrows != 1 || res.rows[0][2] == NULL) {
		rp_fail(req, 404, "not_found", NULL,
		    "This resource was not deployed from a template of the library.");
		goto fail;
	}
	char **r = res.rows[0];
	long long tid = rp_cell_num(r[2]);
	struct rp_dbarg k[] = { RP_AINT(tid), RP_AINT(c->firm_id) };
	if (rp_db_one(req, &q_copy_title, k, 2, &t,
	    "Its template is no longer in the library.") != 0)
		goto fail;
	if (to == 0)
		to = rp_cell_num(rp_db_cell(&t, 0, 1));
	struct rp_dbarg b[] = { RP_AINT(tid), RP_AINT(c->firm_id), RP_AINT(to) };
	if (rp_db_do(req, &q_version, b, 3, &v) != 0)
		goto fail;
	if (v.nrows != 1) {
		rp_fail(req, 404, "not_found", "version", "No such version of the template.");
		goto fail;
	}
	char **w = v.rows[0];
	struct rp_tplvals vals;
	if (vars_of(req, c->firm_id, c->id, resource_id, &vals) != 0)
		goto fail;
	w[1] = fill_title(req, w[1], &vals);
	w[2] = rp_tplvars_fill(req->arena, w[2], &vals);
	/* Leaving "published" withdraws it from the establishments. */
	if (strcmp(r[0], "published") == 0 &&
	    !(req->user->features & RP_FEAT_BIT(RP_FEAT_PUBLICATION))) {
		rp_fail(req, 403, "forbidden", "status",
		    "This resource is published: updating it withdraws it, which needs the"
		    " publication right.");
		goto fail;
	}
	struct rp_dbarg u[] = { RP_ASTR(w[0]), RP_ASTR(w[1]), RP_ASTR(w[2]), RP_AINT(to),
	    RP_AINT(resource_id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg clear[] = { RP_AINT(resource_id), RP_AINT(c->firm_id) };
	struct rp_dbarg tags[] = { RP_AINT(resource_id), RP_AINT(c->firm_id), RP_AINT(c->id),
	    RP_AINT(c->id), RP_AINT(c->firm_id), RP_ASTR(w[3]) };
	if (rp_db_do(req, &q_apply, u, RP_NELEM(u), NULL) != 0 ||
	    rp_db_do(req, &q_apply_tags_clear, clear, 2, NULL) != 0 ||
	    rp_db_do(req, &q_apply_tags, tags, RP_NELEM(tags), NULL) != 0 ||
	    rp_db_do(req, &q_unpublish, clear, 2, NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "template_id", json_object_new_int64(tid));
	rp_audit_change(d, "template_version", r[3], rp_printf(req->arena, "%lld", to));
	rp_audit_change(d, "version", r[1], rp_printf(req->arena, "%lld", rp_cell_num(r[1]) + 1));
	rp_audit_change(d, "status", r[0], "draft");
	if (rp_audit(req, "resource.template_update", "resource", resource_id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
