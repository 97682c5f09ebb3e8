/* Frameworks, adoption, assessments and the compliance percentage. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "compliance.h"
#include "db.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* The frameworks a firm sees: the platform's catalogue and its own
 * (imported by its admins, app/fwimport.c); no other firm's. */
#define FW_VISIBLE " (fw.firm_id IS NULL OR fw.firm_id = ?)"

static struct rp_stmt q_fw_count = RP_STMT(
    "SELECT COUNT(*) FROM frameworks fw WHERE" FW_VISIBLE);
static struct rp_stmt q_fw_list = RP_STMT(
    "SELECT fw.id, fw.code, fw.version, fw.name_fr, fw.name_en, fw.publisher, fw.licence,"
    " fw.source_url, fw.summary_fr, fw.summary_en,"
    " (SELECT COUNT(*) FROM requirements r WHERE r.framework_id = fw.id AND r.assessable = 1),"
    " fw.firm_id IS NOT NULL"
    " FROM frameworks fw WHERE" FW_VISIBLE " ORDER BY fw.firm_id IS NOT NULL, fw.name_en, fw.id"
    " LIMIT ? OFFSET ?");
static struct rp_stmt q_fw_get = RP_STMT(
    "SELECT fw.id, fw.code, fw.version, fw.name_fr, fw.name_en, fw.publisher, fw.licence,"
    " fw.source_url, fw.summary_fr, fw.summary_en,"
    " (SELECT COUNT(*) FROM requirements r WHERE r.framework_id = fw.id AND r.assessable = 1),"
    " fw.firm_id IS NOT NULL"
    " FROM frameworks fw WHERE fw.id = ? AND" FW_VISIBLE);
/* The catalogue entries a client has not adopted yet, by name. */
static struct rp_stmt q_fw_adoptable = RP_STMT(
    "SELECT fw.id, CASE WHEN ? = 'en' THEN fw.name_en ELSE fw.name_fr END"
    " FROM frameworks fw WHERE" FW_VISIBLE " AND NOT EXISTS (SELECT 1 FROM client_frameworks cf"
    "  WHERE cf.client_id = ? AND cf.framework_id = fw.id)"
    " ORDER BY fw.firm_id IS NOT NULL, fw.name_en, fw.id LIMIT 500");
static struct rp_stmt q_reqs = RP_STMT(
    "SELECT id, COALESCE(parent_id, 0), ref, depth, assessable, title_fr, title_en,"
    " summary_fr, summary_en FROM requirements WHERE framework_id = ? ORDER BY position");
static struct rp_stmt q_adopt = RP_STMT(
    "INSERT INTO client_frameworks (firm_id, client_id, framework_id, adopted_by, total)"
    " SELECT ?, ?, fw.id, ?, (SELECT COUNT(*) FROM requirements r"
    "  WHERE r.framework_id = fw.id AND r.assessable = 1)"
    " FROM frameworks fw WHERE fw.id = ? AND" FW_VISIBLE);
static struct rp_stmt q_adopted = RP_STMT(
    "SELECT 1 FROM client_frameworks WHERE client_id = ? AND framework_id = ?");
#define ITEM_WHERE \
    " FROM requirements r JOIN client_frameworks cf ON cf.framework_id = r.framework_id" \
    " LEFT JOIN assessments a ON a.client_id = cf.client_id AND a.requirement_id = r.id" \
    " WHERE cf.client_id = ? AND cf.firm_id = ? AND r.framework_id = ? AND r.assessable = 1" \
    " AND (? = '' OR COALESCE(a.status, 'not_assessed') = ?)"
static struct rp_stmt q_items_count = RP_STMT("SELECT COUNT(*)" ITEM_WHERE);
static struct rp_stmt q_items = RP_STMT(
    "SELECT r.id, r.ref, r.title_fr, r.title_en, COALESCE(a.status, 'not_assessed'),"
    " COALESCE(a.comment, ''), " DATE("a.updated_at") ","
    " (SELECT g.ref FROM requirements g WHERE g.id = r.parent_id),"
    " (SELECT CASE WHEN ? = 'en' THEN g.title_en ELSE g.title_fr END"
    "  FROM requirements g WHERE g.id = r.parent_id), COALESCE(a.justification, '')"
    ITEM_WHERE " ORDER BY r.position LIMIT ? OFFSET ?");
static struct rp_stmt q_item = RP_STMT(
    "SELECT r.id, r.ref, r.title_fr, r.title_en, COALESCE(a.status, 'not_assessed'),"
    " COALESCE(a.comment, ''), " DATE("a.updated_at") ","
    " (SELECT g.ref FROM requirements g WHERE g.id = r.parent_id),"
    " (SELECT CASE WHEN ? = 'en' THEN g.title_en ELSE g.title_fr END"
    "  FROM requirements g WHERE g.id = r.parent_id), COALESCE(a.justification, '')"
    " FROM requirements r JOIN client_frameworks cf ON cf.framework_id = r.framework_id"
    " LEFT JOIN assessments a ON a.client_id = cf.client_id AND a.requirement_id = r.id"
    " WHERE cf.client_id = ? AND cf.firm_id = ? AND r.id = ? AND r.assessable = 1");
/* The requirement, with its framework adopted by the client. */
static struct rp_stmt q_req_of = RP_STMT(
    "SELECT r.framework_id, COALESCE(a.status, 'not_assessed'), COALESCE(a.comment, ''),"
    " COALESCE(a.justification, ''), cf.cycle"
    " FROM requirements r JOIN client_frameworks cf ON cf.framework_id = r.framework_id"
    "  AND cf.client_id = ? AND cf.firm_id = ?"
    " LEFT JOIN assessments a ON a.client_id = cf.client_id AND a.requirement_id = r.id"
    " WHERE r.id = ? AND r.assessable = 1 FOR UPDATE");
static struct rp_stmt q_assess = RP_STMT(
    "INSERT INTO assessments (firm_id, client_id, framework_id, requirement_id, status,"
    " comment, justification, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE status = VALUES(status), comment = VALUES(comment),"
    " justification = VALUES(justification), updated_by = VALUES(updated_by)");
/* Counters move by the change: -1 for the old status, +1 for the new. */
static struct rp_stmt q_count_move = RP_STMT(
    "UPDATE client_frameworks SET compliant = compliant + ?, partial = partial + ?,"
    " non_compliant = non_compliant + ?, not_applicable = not_applicable + ?"
    " WHERE client_id = ? AND framework_id = ?");
/* The client's figure in lists: over every adopted framework. */
static struct rp_stmt q_client_pct = RP_STMT(
    "UPDATE clients c SET compliance_pct = (SELECT CASE WHEN SUM(cf.total - cf.not_applicable) > 0"
    " THEN ROUND(100 * (SUM(cf.compliant) + SUM(cf.partial) / 2)"
    " / SUM(cf.total - cf.not_applicable), 2) END"
    " FROM client_frameworks cf WHERE cf.client_id = c.id) WHERE c.id = ? AND c.firm_id = ?");
static struct rp_stmt q_summary = RP_STMT(
    "SELECT cf.framework_id, fw.name_fr, fw.name_en, cf.total, cf.compliant, cf.partial,"
    " cf.non_compliant, cf.not_applicable, fw.code, cf.cycle, fw.version"
    " FROM client_frameworks cf JOIN frameworks fw ON fw.id = cf.framework_id"
    " WHERE cf.client_id = ? AND cf.firm_id = ? ORDER BY cf.adopted_at, cf.framework_id");

/* What links to the items of a framework (0: of one requirement, 0: of
 * any framework): the actions and the resources (evidence) of the client,
 * as (requirement id, id, title, status) rows. */
#define LINKS(table, col, objects) \
    "SELECT l.requirement_id, o.id, o.title, o.status FROM " table " l" \
    " JOIN " objects " o ON o.id = l." col " AND o.firm_id = l.firm_id" \
    " JOIN requirements r ON r.id = l.requirement_id" \
    " WHERE l.client_id = ? AND l.firm_id = ? AND (? = 0 OR r.framework_id = ?)" \
    " AND (? = 0 OR l.requirement_id = ?) ORDER BY l.requirement_id, o.title, o.id"
static struct rp_stmt q_action_links = RP_STMT(
    LINKS("action_requirements", "action_id", "actions"));
static struct rp_stmt q_resource_links = RP_STMT(
    LINKS("resource_requirements", "resource_id", "resources"));

/* Counted statuses, in the order of q_count_move's deltas. */
static const char *const counted[] = { "compliant", "partial", "non_compliant",
	"not_applicable" };
static const char *const statuses[] = { "not_assessed", "non_compliant", "partial",
	"compliant", "not_applicable" };

bool
rp_compliance_pct(long long total, long long compliant, long long partial,
    long long not_applicable, double *pct)
{
	long long applicable = total - not_applicable;

	*pct = 0;
	if (applicable <= 0)
		return false;
	*pct = 100.0 * ((double)compliant + (double)partial / 2.0) / (double)applicable;
	return true;
}

static struct json_object *item_json(const struct rp_req *, char **row);
static int link_items(struct rp_req *, const struct rp_client *, struct json_object *items,
    long long framework, long long requirement);

static const char *
in_lang(const struct rp_req *req, const char *fr, const char *en)
{
	return req->lang == RP_LANG_EN ? en : fr;
}

static struct json_object *
framework_json(const struct rp_req *req, char **r)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "code", json_object_new_string(r[1]));
	rp_jadd(o, "version", json_object_new_string(r[2]));
	rp_jadd(o, "name", json_object_new_string(in_lang(req, r[3], r[4])));
	rp_jadd(o, "publisher", json_object_new_string(r[5]));
	rp_jadd(o, "licence", json_object_new_string(r[6]));
	rp_jadd(o, "source_url", json_object_new_string(r[7]));
	rp_jadd(o, "summary", json_object_new_string(in_lang(req, r[8], r[9])));
	rp_jadd(o, "requirements_count", json_object_new_int64(rp_cell_num(r[10])));
	/* Imported by the caller's firm (the only firm whose own
	 * frameworks it sees), or the platform's. */
	rp_jadd(o, "imported", json_object_new_boolean(rp_cell_num(r[11]) != 0));
	return o;
}

struct json_object *
rp_frameworks_list(struct rp_req *req, long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_AINT(req->user->firm_id), RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_fw_count, a, 1, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &q_fw_list, a, 3, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, framework_json(req, res.rows[i]));
	return arr;
}

void
rp_frameworks_adoptable_part(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_ASTR(rp_lang_code(req->lang)), RP_AINT(c->firm_id),
	    RP_AINT(c->id) };

	*p = (struct rp_db_part){ &q_fw_adoptable, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

struct json_object *
rp_frameworks_adoptable(struct rp_req *req, const struct rp_client *c)
{
	struct rp_db_part p;

	rp_frameworks_adoptable_part(req, c, &p);
	return rp_db_part_do(req, &p) == 0 ? rp_frameworks_adoptable_of(&p.res) : NULL;
}

struct json_object *
rp_frameworks_adoptable_of(const struct rp_dbres *res)
{
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res->nrows; i++) {
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(res->rows[i][0])));
		rp_jadd(o, "name", json_object_new_string(res->rows[i][1]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_framework_get(struct rp_req *req, long long id, struct json_object **out)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(req->user->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_fw_get, a, 2, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such framework.");
	*out = framework_json(req, res.rows[0]);
	if (rp_db_do(req, &q_reqs, a, 1, &res) != 0) {
		json_object_put(*out);
		return -1;
	}
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "parent_id", rp_cell_num(r[1]) ?
		    json_object_new_int64(rp_cell_num(r[1])) : NULL);
		rp_jadd(o, "ref", json_object_new_string(r[2]));
		rp_jadd(o, "depth", json_object_new_int((int)rp_cell_num(r[3])));
		rp_jadd(o, "assessable", json_object_new_boolean(rp_cell_num(r[4]) != 0));
		rp_jadd(o, "title", json_object_new_string(in_lang(req, r[5], r[6])));
		rp_jadd(o, "summary", json_object_new_string(in_lang(req, r[7], r[8])));
		json_object_array_add(arr, o);
	}
	rp_jadd(*out, "requirements", arr);
	return 0;
}

int
rp_compliance_adopt(struct rp_req *req, const struct rp_client *c, long long *framework)
{
	struct rp_dbres res;
	bool isnull;
	int rc;

	if ((rc = rp_in_int(req, "framework_id", 1, 1LL << 53, &isnull, framework)) < 0)
		return -1;
	if (rc == 0 || isnull)
		return rp_fail(req, 400, "required", "framework_id", "Choose a framework.");
	struct rp_dbarg chk[] = { RP_AINT(c->id), RP_AINT(*framework) };
	if (rp_db_do(req, &q_adopted, chk, 2, &res) != 0)
		return -1;
	if (res.nrows > 0)
		return rp_fail(req, 409, "already_adopted", "framework_id",
		    "This client has already adopted this framework.");
	if (rp_clients_begin(req, c) != 0)
		return -1;
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(req->user->id),
	    RP_AINT(*framework), RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_adopt, a, RP_NELEM(a), &res) != 0)
		goto fail;
	if (res.affected != 1) {
		rp_fail(req, 404, "not_found", "framework_id", "No such framework.");
		goto fail;
	}
	struct rp_dbarg p[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "framework_id", json_object_new_int64(*framework));
	if (rp_db_do(req, &q_client_pct, p, 2, NULL) != 0 ||
	    rp_audit(req, "framework.adopt", "framework", *framework, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

struct json_object *
rp_compliance_items(struct rp_req *req, const struct rp_client *c, long long framework,
    const char *status, long long limit, long long offset, long long *total)
{
	struct rp_dbres res;

	status = status ? status : "";
	if (*status) {
		size_t i;
		for (i = 0; i < RP_NELEM(statuses) && strcmp(statuses[i], status) != 0; i++)
			;
		if (i == RP_NELEM(statuses)) {
			rp_fail(req, 400, "invalid", "status", "Unknown assessment status.");
			return NULL;
		}
	}
	struct rp_dbarg chk[] = { RP_AINT(c->id), RP_AINT(framework) };
	if (rp_db_do(req, &q_adopted, chk, 2, &res) != 0)
		return NULL;
	if (res.nrows == 0) {
		rp_fail(req, 404, "not_found", "framework_id",
		    "This client has not adopted this framework.");
		return NULL;
	}
	struct rp_dbarg a[] = { RP_ASTR(rp_lang_code(req->lang)), RP_AINT(c->id),
	    RP_AINT(c->firm_id), RP_AINT(framework), RP_ASTR(status), RP_ASTR(status),
	    RP_AINT(limit), RP_AINT(offset) };
	if (rp_db_do(req, &q_items_count, a + 1, 5, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &q_items, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, item_json(req, res.rows[i]));
	if (link_items(req, c, arr, framework, 0) != 0) {
		json_object_put(arr);
		return NULL;
	}
	return arr;
}

/* Set `ids` (the ids) and `objects` ({id, title, status}) of the items
 * from one query over the links of the framework (or of one requirement). */
static int
link_one(struct rp_req *req, const struct rp_client *c, struct json_object *items,
    long long framework, long long requirement, struct rp_stmt *q, const char *ids,
    const char *objects)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(framework),
	    RP_AINT(framework), RP_AINT(requirement), RP_AINT(requirement) };
	struct rp_dbres res;
	struct json_object *by, *objs = NULL;
	const char *key = NULL;

	if (rp_db_do(req, q, a, RP_NELEM(a), &res) != 0)
		return -1;
	/* The rows come grouped by requirement: one list per requirement. */
	by = json_object_new_object();
	for (size_t r = 0; r < res.nrows; r++) {
		if (key == NULL || strcmp(key, res.rows[r][0]) != 0) {
			key = res.rows[r][0];
			objs = json_object_new_array();
			json_object_object_add(by, key, objs);
		}
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(res.rows[r][1])));
		rp_jadd(o, "title", json_object_new_string(res.rows[r][2]));
		rp_jadd(o, "status", json_object_new_string(res.rows[r][3]));
		json_object_array_add(objs, o);
	}
	for (size_t i = 0; i < json_object_array_length(items); i++) {
		struct json_object *it = json_object_array_get_idx(items, i), *id, *found;
		struct json_object *list = json_object_new_array();
		json_object_object_get_ex(it, "requirement_id", &id);
		if (!json_object_object_get_ex(by, json_object_get_string(id), &found))
			found = json_object_new_array();
		else
			json_object_get(found);
		for (size_t k = 0; k < json_object_array_length(found); k++) {
			struct json_object *o = json_object_array_get_idx(found, k), *v;
			json_object_object_get_ex(o, "id", &v);
			json_object_array_add(list, json_object_get(v));
		}
		json_object_object_add(it, ids, list);
		json_object_object_add(it, objects, found);
	}
	json_object_put(by);
	return 0;
}

static int
link_items(struct rp_req *req, const struct rp_client *c, struct json_object *items,
    long long framework, long long requirement)
{
	if (link_one(req, c, items, framework, requirement, &q_action_links, "action_ids",
	    "actions") != 0 ||
	    link_one(req, c, items, framework, requirement, &q_resource_links, "resource_ids",
	    "resources") != 0)
		return -1;
	return 0;
}

struct json_object *
rp_compliance_item(struct rp_req *req, const struct rp_client *c, long long requirement)
{
	struct rp_dbarg a[] = { RP_ASTR(rp_lang_code(req->lang)), RP_AINT(c->id),
	    RP_AINT(c->firm_id), RP_AINT(requirement) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_item, a, RP_NELEM(a), &res) != 0)
		return NULL;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such requirement.");
		return NULL;
	}
	struct json_object *one = json_object_new_array();
	json_object_array_add(one, item_json(req, res.rows[0]));
	if (link_items(req, c, one, 0, requirement) != 0) {
		json_object_put(one);
		return NULL;
	}
	struct json_object *item = json_object_get(json_object_array_get_idx(one, 0));
	json_object_put(one);
	return item;
}

static struct json_object *
item_json(const struct rp_req *req, char **r)
{
	struct json_object *o = json_object_new_object();

	{
		rp_jadd(o, "requirement_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "ref", json_object_new_string(r[1]));
		rp_jadd(o, "title", json_object_new_string(in_lang(req, r[2], r[3])));
		rp_jadd(o, "status", json_object_new_string(r[4]));
		rp_jadd(o, "comment", json_object_new_string(r[5]));
		/* resource_ids (the evidence) and action_ids are filled by
		 * link_items(). */
		rp_jadd(o, "updated_at", r[6] ? json_object_new_string(r[6]) : NULL);
		rp_jadd(o, "group_ref", r[7] ? json_object_new_string(r[7]) : NULL);
		rp_jadd(o, "group_title", r[8] ? json_object_new_string(r[8]) : NULL);
		/* The Statement of Applicability: a requirement applies
		 * unless its status is not_applicable. */
		rp_jadd(o, "applicable", json_object_new_boolean(strcmp(r[4], "not_applicable") != 0));
		rp_jadd(o, "justification", json_object_new_string(r[9]));
	}
	return o;
}

int
rp_compliance_set(struct rp_req *req, const struct rp_client *c, long long requirement)
{
	const char *status = NULL, *comment, *just;
	struct rp_dbres res;
	long long cycle = 0;
	bool applicable = true, cnull = false;
	int hs, ha, hy;

	/* An empty comment or justification (a form's empty text area, "" or
	 * null) clears it. */
	bool cblank = rp_in_blank(req, "comment"), jblank = rp_in_blank(req, "justification");
	comment = cblank ? "" : NULL;
	just = jblank ? "" : NULL;
	if ((hs = rp_in_text(req, "status", 32, false, &status)) < 0 ||
	    (!cblank && rp_in_lines(req, "comment", 4000, false, &comment) < 0) ||
	    (!jblank && rp_in_lines(req, "justification", 4000, false, &just) < 0) ||
	    (ha = rp_in_bool(req, "applicable", &applicable)) < 0 ||
	    (hy = rp_in_int(req, "cycle", 1, 1000000, &cnull, &cycle)) < 0)
		return -1;
	if (hs) {
		size_t i;
		for (i = 0; i < RP_NELEM(statuses) && strcmp(statuses[i], status) != 0; i++)
			;
		if (i == RP_NELEM(statuses))
			return rp_fail(req, 400, "invalid", "status", "Unknown assessment status.");
	}
	/* The SoA's applicability is the status not_applicable, or not. */
	if (ha && !applicable) {
		if (hs && strcmp(status, "not_applicable") != 0)
			return rp_fail(req, 400, "invalid", "status",
			    "A requirement that does not apply has the status not_applicable.");
		status = "not_applicable";
		hs = 1;
	} else if (ha && hs && strcmp(status, "not_applicable") == 0)
		return rp_fail(req, 400, "invalid", "applicable",
		    "A requirement that applies cannot have the status not_applicable.");
	if (!hs && !ha && comment == NULL && just == NULL)
		return rp_fail(req, 400, "required", "status", "Give a status or a comment.");
	if (rp_clients_begin(req, c) != 0)
		return -1;
	struct rp_dbarg q[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(requirement) };
	if (rp_db_do(req, &q_req_of, q, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL,
		    "No such requirement in the frameworks this client adopted.");
		goto fail;
	}
	long long framework = rp_cell_num(res.rows[0][0]);
	const char *old = res.rows[0][1], *old_comment = res.rows[0][2];
	const char *old_just = res.rows[0][3];
	/* A form or a client that names its cycle writes to that one only:
	 * past cycles are read-only. */
	if (hy > 0 && !cnull && cycle != rp_cell_num(res.rows[0][4])) {
		rp_fail(req, 409, "past_cycle", "cycle",
		    "This cycle is closed: its assessments are read-only. Assess the current cycle.");
		goto fail;
	}
	const char *now = hs ? status : old;
	/* Applicable again: back to not assessed, unless a status is given. */
	if (ha && applicable && !hs && strcmp(old, "not_applicable") == 0)
		now = "not_assessed";
	const char *jnow = just ? just : old_just;
	if (ha && !applicable && *jnow == '\0') {
		rp_fail(req, 400, "required", "justification",
		    "Say why this requirement does not apply.");
		goto fail;
	}
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(framework),
	    RP_AINT(requirement), RP_ASTR(now), RP_ASTR(comment ? comment : old_comment),
	    RP_ASTR(jnow), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_assess, a, RP_NELEM(a), NULL) != 0)
		goto fail;
	if (strcmp(old, now) != 0) {
		struct rp_dbarg m[6];
		for (size_t i = 0; i < RP_NELEM(counted); i++)
			m[i] = RP_AINT((strcmp(now, counted[i]) == 0) - (strcmp(old, counted[i]) == 0));
		m[4] = RP_AINT(c->id);
		m[5] = RP_AINT(framework);
		struct rp_dbarg p[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_count_move, m, 6, NULL) != 0 ||
		    rp_db_do(req, &q_client_pct, p, 2, NULL) != 0)
			goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "requirement_id", json_object_new_int64(requirement));
	if (strcmp(old, now) != 0) {
		struct json_object *ch = json_object_new_object();
		rp_jadd(ch, "from", json_object_new_string(old));
		rp_jadd(ch, "to", json_object_new_string(now));
		rp_jadd(d, "status", ch);
	}
	if (comment != NULL && strcmp(comment, old_comment) != 0)
		rp_jadd(d, "comment", json_object_new_string(comment));
	if (strcmp(jnow, old_just) != 0)
		rp_jadd(d, "justification", json_object_new_string(jnow));
	if (rp_audit(req, "compliance.assess", "requirement", requirement, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

void
rp_compliance_summary_part(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	*p = (struct rp_db_part){ &q_summary, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

struct json_object *
rp_compliance_summary(struct rp_req *req, const struct rp_client *c)
{
	struct rp_db_part p;

	rp_compliance_summary_part(req, c, &p);
	return rp_db_part_do(req, &p) == 0 ? rp_compliance_summary_of(req, &p.res) : NULL;
}

struct json_object *
rp_compliance_summary_of(struct rp_req *req, const struct rp_dbres *res)
{
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res->nrows; i++) {
		char **r = res->rows[i];
		long long total = rp_cell_num(r[3]), comp = rp_cell_num(r[4]), part = rp_cell_num(r[5]),
		    non = rp_cell_num(r[6]), na = rp_cell_num(r[7]);
		double pct;
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "framework_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "name", json_object_new_string(in_lang(req, r[1], r[2])));
		rp_jadd(o, "code", json_object_new_string(r[8]));
		rp_jadd(o, "version", json_object_new_string(r[10]));
		/* A number with one decimal, written as such (66.7, not
		 * 66.700000000000003). */
		struct json_object *jp = NULL;
		if (rp_compliance_pct(total, comp, part, na, &pct)) {
			char text[16];
			snprintf(text, sizeof(text), "%.1f", pct);
			jp = json_object_new_double_s(strtod(text, NULL), text);
		}
		rp_jadd(o, "compliance_pct", jp);
		rp_jadd(o, "assessed", json_object_new_int64(comp + part + non + na));
		rp_jadd(o, "total", json_object_new_int64(total));
		rp_jadd(o, "compliant", json_object_new_int64(comp));
		rp_jadd(o, "partial", json_object_new_int64(part));
		rp_jadd(o, "non_compliant", json_object_new_int64(non));
		rp_jadd(o, "not_applicable", json_object_new_int64(na));
		rp_jadd(o, "cycle", json_object_new_int64(rp_cell_num(r[9])));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* ------------------------------------------------------------- exports --- */

/* The columns of an assessment's CSV and XLSX (app/export.h). */
static const struct rp_col item_cols[] = {
	{ "ref", RP_COL_TEXT, "Lang.export.col.ref", NULL },
	{ "title", RP_COL_TEXT, "Lang.export.col.title", NULL },
	{ "status", RP_COL_TEXT, "Lang.export.col.status", NULL },
	{ "comment", RP_COL_TEXT, "Lang.export.col.comment", NULL },
	{ "updated_at", RP_COL_DATETIME, "Lang.export.col.updated_at", NULL },
};
static const struct rp_table item_table = { "compliance", item_cols, RP_NELEM(item_cols) };

int
rp_compliance_export(struct rp_req *req, const struct rp_client *c, enum rp_export_format fmt)
{
	const char *fw = rp_query(req, "framework_id");
	long long framework, total;

	if (fw == NULL || rp_strtonum(fw, 1, 1LL << 53, &framework) != 0)
		return rp_fail(req, 400, "required", "framework_id", "Choose a framework.");
	struct json_object *items = rp_compliance_items(req, c, framework, NULL, 100000, 0,
	    &total);
	if (items == NULL)
		return -1;
	int rc = rp_export_send(req, &item_table, items, fmt, rp_printf(req->arena,
	    "%lld-%lld", c->id, framework));
	json_object_put(items);
	return rc;
}
