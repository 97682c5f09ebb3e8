/* The client archive: export one client's mission as a zip of JSON files,
 * import one as a new client (docs/client-archive.md). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>
#include <zip.h>

#include "archive.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "estab-keys.h"
#include "input.h"
#include "export.h"
#include "json.h"
#include "jsoncheck.h"
#include "log.h"
#include "request.h"
#include "sha256.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)
#define STAMP(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define FROM_STAMP "STR_TO_DATE(?, '%Y-%m-%dT%H:%i:%sZ')"
/* JSON nesting an archive file may use. */
#define MAX_DEPTH 8

/* The files of an archive, in the order they are written and imported. */
static const char *const files[] = { "client.json", "establishments.json",
	"frameworks.json", "resources.json", "risks.json", "actions.json", "audit.json" };
#define MANIFEST "manifest.json"

/* ------------------------------------------------------------- reading --- */

static struct rp_stmt q_x_client = RP_STMT(
    "SELECT name, mission_type, plan, status, billing_mode, billing_email, modules"
    " FROM clients WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_x_vcisos = RP_STMT(
    "SELECT u.email FROM client_vcisos v JOIN users u ON u.id = v.user_id"
    " WHERE v.client_id = ? AND v.firm_id = ? ORDER BY u.id");
static struct rp_stmt q_x_estabs = RP_STMT(
    "SELECT id, name, siret, address, postcode, city, country, phone, website, sector,"
    " headcount, security_contact, status, plan, merged_into FROM establishments"
    " WHERE client_id = ? AND firm_id = ? ORDER BY id");
static struct rp_stmt q_x_fws = RP_STMT(
    "SELECT fw.id, fw.code, fw.version FROM client_frameworks cf"
    " JOIN frameworks fw ON fw.id = cf.framework_id"
    " WHERE cf.client_id = ? AND cf.firm_id = ? ORDER BY cf.adopted_at, fw.id");
static struct rp_stmt q_x_assess = RP_STMT(
    "SELECT r.ref, a.status, a.comment, a.justification FROM assessments a"
    " JOIN requirements r ON r.id = a.requirement_id"
    " WHERE a.client_id = ? AND a.firm_id = ? AND a.framework_id = ? ORDER BY r.position, r.id");
#define X_LINKS(table, col) \
    "SELECT l." col ", fw.code, fw.version, q.ref FROM " table " l" \
    " JOIN requirements q ON q.id = l.requirement_id" \
    " JOIN frameworks fw ON fw.id = q.framework_id" \
    " WHERE l.client_id = ? AND l.firm_id = ? ORDER BY l." col ", q.position, q.id"
static struct rp_stmt q_x_risk_reqs = RP_STMT(X_LINKS("risk_requirements", "risk_id"));
static struct rp_stmt q_x_action_reqs = RP_STMT(X_LINKS("action_requirements", "action_id"));
static struct rp_stmt q_x_res_reqs = RP_STMT(X_LINKS("resource_requirements", "resource_id"));
static struct rp_stmt q_x_risks = RP_STMT(
    "SELECT r.id, r.title, r.description, r.asset, r.threat, r.likelihood, r.impact,"
    " r.treatment, u.email, r.status, r.residual_likelihood, r.residual_impact, "
    STAMP("r.created_at") " FROM risks r LEFT JOIN users u ON u.id = r.owner_id"
    " WHERE r.client_id = ? AND r.firm_id = ? ORDER BY r.id");
static struct rp_stmt q_x_actions = RP_STMT(
    "SELECT a.id, a.title, a.description, u.email, DATE_FORMAT(a.due_date, '%Y-%m-%d'),"
    " a.priority, a.status, a.progress, " STAMP("a.created_at")
    " FROM actions a LEFT JOIN users u ON u.id = a.owner_id"
    " WHERE a.client_id = ? AND a.firm_id = ? ORDER BY a.id");
static struct rp_stmt q_x_action_risks = RP_STMT(
    "SELECT action_id, risk_id FROM action_risks WHERE client_id = ? AND firm_id = ?"
    " ORDER BY action_id, risk_id");
static struct rp_stmt q_x_action_res = RP_STMT(
    "SELECT action_id, resource_id FROM action_resources WHERE client_id = ? AND firm_id = ?"
    " ORDER BY action_id, resource_id");
static struct rp_stmt q_x_resources = RP_STMT(
    "SELECT r.id, r.type, r.title, r.body, r.status, r.version, r.template_id,"
    " r.template_version, v.title, " STAMP("r.created_at")
    " FROM resources r LEFT JOIN template_versions v ON v.template_id = r.template_id"
    "  AND v.version = r.template_version AND v.firm_id = r.firm_id"
    " WHERE r.client_id = ? AND r.firm_id = ? ORDER BY r.id");
static struct rp_stmt q_x_audit = RP_STMT(
    "SELECT " STAMP("a.at") ", u.email, a.action, a.object_type, a.object_id, a.details"
    " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
    " WHERE a.client_id = ? AND a.firm_id = ? ORDER BY a.id");

/* ------------------------------------------------------------- writing --- */

static struct rp_stmt q_i_client = RP_STMT(
    "INSERT INTO clients (firm_id, name, mission_type, plan, status, billing_mode,"
    " billing_email, modules, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_i_period = RP_STMT(
    "INSERT INTO client_periods (firm_id, client_id, plan, mission_type, status)"
    " SELECT firm_id, id, plan, mission_type, status FROM clients WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_user = RP_STMT(
    "SELECT id FROM users WHERE email = ? AND firm_id = ? AND active = 1");
static struct rp_stmt q_i_vciso = RP_STMT(
    "INSERT IGNORE INTO client_vcisos (client_id, user_id, firm_id) VALUES (?, ?, ?)");
static struct rp_stmt q_i_estab = RP_STMT(
    "INSERT INTO establishments (firm_id, client_id, name, name_key, siret, address, postcode,"
    " city, country, phone, website, sector, headcount, security_contact, status, plan)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_i_merge = RP_STMT(
    "UPDATE establishments SET merged_into = ?, merged_at = CURRENT_TIMESTAMP"
    " WHERE id = ? AND client_id = ? AND firm_id = ?");
/* The firm's own version of a framework first, else the catalogue's. */
static struct rp_stmt q_fw = RP_STMT(
    "SELECT id FROM frameworks WHERE code = ? AND version = ? AND (firm_id IS NULL OR firm_id = ?)"
    " ORDER BY firm_id IS NULL LIMIT 1");
static struct rp_stmt q_i_adopt = RP_STMT(
    "INSERT INTO client_frameworks (firm_id, client_id, framework_id, adopted_by, total)"
    " SELECT ?, ?, ?, ?, (SELECT COUNT(*) FROM requirements r"
    "  WHERE r.framework_id = ? AND r.assessable = 1)");
static struct rp_stmt q_req = RP_STMT(
    "SELECT id FROM requirements WHERE framework_id = ? AND ref = ? AND assessable = 1");
static struct rp_stmt q_i_assess = RP_STMT(
    "INSERT INTO assessments (firm_id, client_id, framework_id, requirement_id, status,"
    " comment, justification, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_i_counters = RP_STMT(
    "UPDATE client_frameworks cf SET"
    " compliant = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'compliant'),"
    " partial = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'partial'),"
    " non_compliant = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'non_compliant'),"
    " not_applicable = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'not_applicable')"
    " WHERE cf.client_id = ? AND cf.firm_id = ?");
static struct rp_stmt q_i_pct = RP_STMT(
    "UPDATE clients c SET compliance_pct = (SELECT CASE WHEN SUM(cf.total - cf.not_applicable) > 0"
    " THEN ROUND(100 * (SUM(cf.compliant) + SUM(cf.partial) / 2)"
    " / SUM(cf.total - cf.not_applicable), 2) END"
    " FROM client_frameworks cf WHERE cf.client_id = c.id),"
    " open_actions = (SELECT COUNT(*) FROM actions a WHERE a.client_id = c.id"
    "  AND a.status IN ('todo', 'in_progress'))"
    " WHERE c.id = ? AND c.firm_id = ?");
static struct rp_stmt q_i_risk = RP_STMT(
    "INSERT INTO risks (firm_id, client_id, title, description, asset, threat, likelihood,"
    " impact, treatment, owner_id, status, residual_likelihood, residual_impact, created_at,"
    " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " FROM_STAMP ", ?)");
static struct rp_stmt q_i_risk_req = RP_STMT(
    "INSERT IGNORE INTO risk_requirements (risk_id, requirement_id, firm_id, client_id,"
    " framework_id) VALUES (?, ?, ?, ?, ?)");
static struct rp_stmt q_i_action = RP_STMT(
    "INSERT INTO actions (firm_id, client_id, title, description, owner_id, due_date, priority,"
    " status, progress, created_at, created_by)"
    " VALUES (?, ?, ?, ?, ?, STR_TO_DATE(?, '%Y-%m-%d'), ?, ?, ?, " FROM_STAMP ", ?)");
static struct rp_stmt q_i_action_req = RP_STMT(
    "INSERT IGNORE INTO action_requirements (action_id, requirement_id, firm_id, client_id)"
    " VALUES (?, ?, ?, ?)");
static struct rp_stmt q_i_action_risk = RP_STMT(
    "INSERT IGNORE INTO action_risks (action_id, risk_id, firm_id, client_id) VALUES (?, ?, ?, ?)");
static struct rp_stmt q_i_action_res = RP_STMT(
    "INSERT IGNORE INTO action_resources (action_id, resource_id, firm_id, client_id)"
    " VALUES (?, ?, ?, ?)");
/* A template of the importing firm with that version and title: the same
 * template (ids are global), so the copy keeps its lineage. */
static struct rp_stmt q_template = RP_STMT(
    "SELECT 1 FROM template_versions WHERE template_id = ? AND version = ? AND firm_id = ?"
    " AND title = ?");
static struct rp_stmt q_i_resource = RP_STMT(
    "INSERT INTO resources (firm_id, client_id, type, title, body, status, version, template_id,"
    " template_version, created_at, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " FROM_STAMP ", ?)");
static struct rp_stmt q_i_res_req = RP_STMT(
    "INSERT IGNORE INTO resource_requirements (resource_id, requirement_id, firm_id, client_id)"
    " VALUES (?, ?, ?, ?)");
static struct rp_stmt q_i_audit = RP_STMT(
    "INSERT INTO audit_log (at, user_id, firm_id, client_id, ip, action, object_type,"
    " object_id, details) VALUES (" FROM_STAMP ", ?, ?, ?, '', ?, ?, ?, ?)");

/* ================================================================ export === */

static struct json_object *
jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *
jint(const char *s)
{
	return s ? json_object_new_int64(strtoll(s, NULL, 10)) : NULL;
}

/* Rows (owner id, code, version, ref) grouped as {"<owner id>": [{framework,
 * version, ref}]}. NULL after rp_fail. */
static struct json_object *
links_by_owner(struct rp_req *req, struct rp_stmt *q, const struct rp_client *c)
{
	struct rp_dbres res;
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	if (rp_db_do(req, q, a, 2, &res) != 0)
		return NULL;
	struct json_object *map = json_object_new_object();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *arr;
		if (!json_object_object_get_ex(map, r[0], &arr)) {
			arr = json_object_new_array();
			json_object_object_add(map, r[0], arr);
		}
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "framework", jstr(r[1]));
		rp_jadd(o, "version", jstr(r[2]));
		rp_jadd(o, "ref", jstr(r[3]));
		json_object_array_add(arr, o);
	}
	return map;
}

/* map's array for id (a new reference), or an empty array. */
static struct json_object *
take(struct json_object *map, const char *id)
{
	struct json_object *v;

	if (map != NULL && json_object_object_get_ex(map, id, &v))
		return json_object_get(v);
	return json_object_new_array();
}

/* Pairs (a, b) as {"<a>": [b, ...]}. NULL after rp_fail. */
static struct json_object *
pairs(struct rp_req *req, struct rp_stmt *q, const struct rp_client *c)
{
	struct rp_dbres res;
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	if (rp_db_do(req, q, a, 2, &res) != 0)
		return NULL;
	struct json_object *map = json_object_new_object();
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *arr;
		if (!json_object_object_get_ex(map, res.rows[i][0], &arr)) {
			arr = json_object_new_array();
			json_object_object_add(map, res.rows[i][0], arr);
		}
		json_object_array_add(arr, jint(res.rows[i][1]));
	}
	return map;
}

/* The documents of the archive, indexed like files[]; counts (for the
 * manifest) filled. 0, or -1 after rp_fail (docs freed by the caller). */
static int
collect(struct rp_req *req, const struct rp_client *c, struct json_object **docs,
    struct json_object *counts)
{
	struct rp_dbres res;
	struct rp_dbarg k[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct json_object *rr = NULL, *ar = NULL, *sr = NULL, *arisk = NULL, *ares = NULL;
	int rc = -1;

	/* client.json */
	if (rp_db_one(req, &q_x_client, k, 2, &res, "No such client.") != 0)
		goto out;
	char **r = res.rows[0];
	struct json_object *o = docs[0] = json_object_new_object();
	rp_jadd(o, "name", jstr(r[0]));
	rp_jadd(o, "mission_type", jstr(r[1]));
	rp_jadd(o, "plan", jstr(r[2]));
	rp_jadd(o, "status", jstr(r[3]));
	rp_jadd(o, "billing_mode", jstr(r[4]));
	rp_jadd(o, "billing_email", jstr(r[5]));
	rp_jadd(o, "modules", rp_json_key_list(r[6]));
	if (rp_db_do(req, &q_x_vcisos, k, 2, &res) != 0)
		goto out;
	struct json_object *team = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(team, jstr(res.rows[i][0]));
	rp_jadd(o, "vciso_emails", team);
	rp_jadd(counts, "vcisos", json_object_new_int64((long long)res.nrows));

	/* establishments.json */
	if (rp_db_do(req, &q_x_estabs, k, 2, &res) != 0)
		goto out;
	docs[1] = json_object_new_array();
	static const char *const ecols[] = { "id", "name", "siret", "address", "postcode", "city",
		"country", "phone", "website", "sector", "headcount", "security_contact", "status",
		"plan", "merged_into" };
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *e = json_object_new_object();
		for (size_t j = 0; j < RP_NELEM(ecols); j++) {
			bool isnum = j == 0 || j == 10 || j == 14;
			json_object_object_add(e, ecols[j], isnum ? jint(res.rows[i][j]) : jstr(res.rows[i][j]));
		}
		json_object_array_add(docs[1], e);
	}
	rp_jadd(counts, "establishments", json_object_new_int64((long long)res.nrows));

	/* frameworks.json, with their assessments */
	struct rp_dbres fws;
	if (rp_db_do(req, &q_x_fws, k, 2, &fws) != 0)
		goto out;
	docs[2] = json_object_new_array();
	long long nassess = 0;
	for (size_t i = 0; i < fws.nrows; i++) {
		struct json_object *f = json_object_new_object(), *items = json_object_new_array();
		rp_jadd(f, "code", jstr(fws.rows[i][1]));
		rp_jadd(f, "version", jstr(fws.rows[i][2]));
		struct rp_dbarg q[] = { RP_AINT(c->id), RP_AINT(c->firm_id),
		    RP_AINT(strtoll(fws.rows[i][0], NULL, 10)) };
		if (rp_db_do(req, &q_x_assess, q, 3, &res) != 0) {
			json_object_put(f);
			json_object_put(items);
			goto out;
		}
		for (size_t j = 0; j < res.nrows; j++) {
			struct json_object *it = json_object_new_object();
			rp_jadd(it, "ref", jstr(res.rows[j][0]));
			rp_jadd(it, "status", jstr(res.rows[j][1]));
			rp_jadd(it, "comment", jstr(res.rows[j][2]));
			rp_jadd(it, "justification", jstr(res.rows[j][3]));
			json_object_array_add(items, it);
		}
		nassess += (long long)res.nrows;
		rp_jadd(f, "assessments", items);
		json_object_array_add(docs[2], f);
	}
	rp_jadd(counts, "frameworks", json_object_new_int64((long long)fws.nrows));
	rp_jadd(counts, "assessments", json_object_new_int64(nassess));

	if ((rr = links_by_owner(req, &q_x_risk_reqs, c)) == NULL ||
	    (ar = links_by_owner(req, &q_x_action_reqs, c)) == NULL ||
	    (sr = links_by_owner(req, &q_x_res_reqs, c)) == NULL ||
	    (arisk = pairs(req, &q_x_action_risks, c)) == NULL ||
	    (ares = pairs(req, &q_x_action_res, c)) == NULL)
		goto out;

	/* resources.json */
	if (rp_db_do(req, &q_x_resources, k, 2, &res) != 0)
		goto out;
	docs[3] = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **w = res.rows[i];
		struct json_object *e = json_object_new_object();
		rp_jadd(e, "id", jint(w[0]));
		rp_jadd(e, "type", jstr(w[1]));
		rp_jadd(e, "title", jstr(w[2]));
		rp_jadd(e, "body", jstr(w[3]));
		rp_jadd(e, "status", jstr(w[4]));
		rp_jadd(e, "version", jint(w[5]));
		if (w[6] != NULL) {
			struct json_object *t = json_object_new_object();
			rp_jadd(t, "id", jint(w[6]));
			rp_jadd(t, "version", jint(w[7]));
			rp_jadd(t, "title", jstr(w[8] ? w[8] : ""));
			rp_jadd(e, "template", t);
		} else {
			rp_jadd(e, "template", NULL);
		}
		rp_jadd(e, "created_at", jstr(w[9]));
		rp_jadd(e, "requirements", take(sr, w[0]));
		json_object_array_add(docs[3], e);
	}
	rp_jadd(counts, "resources", json_object_new_int64((long long)res.nrows));

	/* risks.json */
	if (rp_db_do(req, &q_x_risks, k, 2, &res) != 0)
		goto out;
	docs[4] = json_object_new_array();
	static const char *const rcols[] = { "id", "title", "description", "asset", "threat",
		"likelihood", "impact", "treatment", "owner_email", "status", "residual_likelihood",
		"residual_impact", "created_at" };
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *e = json_object_new_object();
		for (size_t j = 0; j < RP_NELEM(rcols); j++) {
			bool isnum = j == 0 || j == 5 || j == 6 || j == 10 || j == 11;
			json_object_object_add(e, rcols[j], isnum ? jint(res.rows[i][j]) : jstr(res.rows[i][j]));
		}
		rp_jadd(e, "requirements", take(rr, res.rows[i][0]));
		json_object_array_add(docs[4], e);
	}
	rp_jadd(counts, "risks", json_object_new_int64((long long)res.nrows));

	/* actions.json */
	if (rp_db_do(req, &q_x_actions, k, 2, &res) != 0)
		goto out;
	docs[5] = json_object_new_array();
	static const char *const acols[] = { "id", "title", "description", "owner_email",
		"due_date", "priority", "status", "progress", "created_at" };
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *e = json_object_new_object();
		for (size_t j = 0; j < RP_NELEM(acols); j++) {
			bool isnum = j == 0 || j == 7;
			json_object_object_add(e, acols[j], isnum ? jint(res.rows[i][j]) : jstr(res.rows[i][j]));
		}
		rp_jadd(e, "requirements", take(ar, res.rows[i][0]));
		rp_jadd(e, "risk_ids", take(arisk, res.rows[i][0]));
		rp_jadd(e, "resource_ids", take(ares, res.rows[i][0]));
		json_object_array_add(docs[5], e);
	}
	rp_jadd(counts, "actions", json_object_new_int64((long long)res.nrows));

	/* audit.json */
	if (rp_db_do(req, &q_x_audit, k, 2, &res) != 0)
		goto out;
	docs[6] = json_object_new_array();
	static const char *const ucols[] = { "at", "user_email", "action", "object_type",
		"object_id", "details" };
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *e = json_object_new_object();
		for (size_t j = 0; j < RP_NELEM(ucols); j++)
			json_object_object_add(e, ucols[j], j == 4 ? jint(res.rows[i][j]) : jstr(res.rows[i][j]));
		json_object_array_add(docs[6], e);
	}
	rp_jadd(counts, "audit", json_object_new_int64((long long)res.nrows));
	rc = 0;
out:
	json_object_put(rr);
	json_object_put(ar);
	json_object_put(sr);
	json_object_put(arisk);
	json_object_put(ares);
	return rc;
}

/* The JSON text of o, in the arena. */
static const char *
text_of(struct rp_req *req, struct json_object *o, size_t *len)
{
	const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_SPACED);

	*len = strlen(s);
	return rp_strdup(req->arena, s);
}

static const char *
hex_sha256(struct rp_req *req, const char *s, size_t n)
{
	unsigned char d[RP_SHA256_LEN];
	char *hex = rp_alloc(req->arena, 2 * RP_SHA256_LEN + 1);

	rp_sha256(s, n, d);
	rp_hex(d, RP_SHA256_LEN, hex);
	return hex;
}

int
rp_archive_export(struct rp_req *req, const struct rp_client *c, struct rp_buf *out)
{
	struct json_object *docs[RP_NELEM(files)] = { 0 };
	struct json_object *counts = json_object_new_object(), *manifest = NULL;
	const char *text[RP_NELEM(files) + 1];
	size_t len[RP_NELEM(files) + 1];
	zip_source_t *mem = NULL;
	zip_t *z = NULL;
	zip_error_t ze;
	int rc = -1;

	zip_error_init(&ze);
	if (collect(req, c, docs, counts) != 0)
		goto out;
	manifest = json_object_new_object();
	rp_jadd(manifest, "format", json_object_new_string(RP_ARCHIVE_FORMAT));
	rp_jadd(manifest, "version", json_object_new_int(RP_ARCHIVE_VERSION));
	rp_jadd(manifest, "client_name", json_object_new_string(c->name));
	struct json_object *fl = json_object_new_object();
	for (size_t i = 0; i < RP_NELEM(files); i++) {
		text[i] = text_of(req, docs[i], &len[i]);
		struct json_object *f = json_object_new_object();
		rp_jadd(f, "sha256", json_object_new_string(hex_sha256(req, text[i], len[i])));
		rp_jadd(f, "bytes", json_object_new_int64((long long)len[i]));
		json_object_object_add(fl, files[i], f);
	}
	rp_jadd(manifest, "files", fl);
	rp_jadd(manifest, "counts", json_object_get(counts));
	text[RP_NELEM(files)] = text_of(req, manifest, &len[RP_NELEM(files)]);

	/* In memory: a buffer source kept past zip_close(), then read back. */
	if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)) == NULL)
		goto zerr;
	zip_source_keep(mem);
	for (size_t i = 0; i <= RP_NELEM(files); i++) {
		const char *name = i < RP_NELEM(files) ? files[i] : MANIFEST;
		zip_source_t *s = zip_source_buffer(z, text[i], len[i], 0);
		if (s == NULL || zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			goto zerr_z;
		}
	}
	if (zip_close(z) != 0)
		goto zerr_z;
	z = NULL;
	zip_stat_t st;
	if (zip_source_open(mem) != 0)
		goto zerr;
	zip_stat_init(&st);
	if (zip_source_stat(mem, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		zip_source_close(mem);
		goto zerr;
	}
	char *buf = rp_alloc(req->arena, st.size ? st.size : 1);
	zip_int64_t got = zip_source_read(mem, buf, st.size);
	zip_source_close(mem);
	if (got < 0 || (zip_uint64_t)got != st.size)
		goto zerr;
	rp_buf_add(out, buf, st.size);
	rc = 0;
	goto out;
zerr_z:
	rp_err("%s: libzip: %s", __func__, zip_strerror(z));
	zip_discard(z);
	z = NULL;
	rp_fail(req, 500, "internal", NULL, "Internal error.");
	goto out;
zerr:
	rp_err("%s: libzip: %s", __func__, zip_error_strerror(&ze));
	rp_fail(req, 500, "internal", NULL, "Internal error.");
out:
	zip_source_free(mem);
	zip_error_fini(&ze);
	for (size_t i = 0; i < RP_NELEM(files); i++)
		json_object_put(docs[i]);
	json_object_put(counts);
	json_object_put(manifest);
	return rc;
}

/* ================================================================ import === */

/* The import's state: the firm, the new client, and the maps of archive
 * ids to new ids (JSON objects keyed by the archive id). */
struct imp {
	struct rp_req		*req;
	long long		 firm, client;
	struct json_object	*estabs, *risks, *actions, *resources, *fws;
};

int
rp_archive_name_ok(const char *name)
{
	if (name == NULL || strcmp(name, MANIFEST) == 0)
		return name != NULL;
	for (size_t i = 0; i < RP_NELEM(files); i++)
		if (strcmp(name, files[i]) == 0)
			return 1;
	return 0;
}

static int
bad(struct rp_req *req, const char *path, const char *msg)
{
	return rp_fail(req, 400, "invalid_archive", path, msg);
}

/* A member of o: its value in *v (NULL for JSON null). Missing and not
 * nullable: 400 naming path.key. */
static int
member(struct rp_req *req, struct json_object *o, const char *path, const char *key,
    bool nullable, struct json_object **v)
{
	if (!json_object_object_get_ex(o, key, v))
		return bad(req, P("%s.%s", path, key), "This field is missing.");
	if (*v == NULL && !nullable)
		return bad(req, P("%s.%s", path, key), "This field may not be null.");
	return 0;
}

/* A string member of at most maxchars characters (NULL when null and
 * nullable). */
static int
str(struct rp_req *req, struct json_object *o, const char *path, const char *key,
    size_t maxchars, bool nullable, const char **out)
{
	struct json_object *v;

	*out = NULL;
	if (member(req, o, path, key, nullable, &v) != 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_string))
		return bad(req, P("%s.%s", path, key), "This field must be a string.");
	const char *s = json_object_get_string(v);
	size_t n = (size_t)json_object_get_string_len(v);
	if (strlen(s) != n || !rp_utf8_valid(s, n))
		return bad(req, P("%s.%s", path, key), "This text is not valid UTF-8.");
	if (rp_utf8_chars(s) > maxchars)
		return bad(req, P("%s.%s", path, key), P("At most %zu characters.", maxchars));
	*out = s;
	return 0;
}

static int
num(struct rp_req *req, struct json_object *o, const char *path, const char *key,
    long long min, long long max, bool nullable, long long *out, bool *null)
{
	struct json_object *v;

	*out = 0;
	if (null)
		*null = false;
	if (member(req, o, path, key, nullable, &v) != 0)
		return -1;
	if (v == NULL) {
		*null = true;
		return 0;
	}
	if (!json_object_is_type(v, json_type_int))
		return bad(req, P("%s.%s", path, key), "This field must be an integer.");
	*out = json_object_get_int64(v);
	if (*out < min || *out > max)
		return bad(req, P("%s.%s", path, key), P("Between %lld and %lld.", min, max));
	return 0;
}

static int
key_of(struct rp_req *req, struct json_object *o, const char *path, const char *key,
    const struct rp_enum *e, const char **out)
{
	if (str(req, o, path, key, 64, false, out) != 0)
		return -1;
	if (rp_enum_parse(e, *out) < 0)
		return bad(req, P("%s.%s", path, key), P("Not a known %s.", e->name));
	return 0;
}

static int
stamp(struct rp_req *req, struct json_object *o, const char *path, const char *key,
    const char **out)
{
	int y, mo, d, h, mi, s;

	if (str(req, o, path, key, 20, false, out) != 0)
		return -1;
	if (strlen(*out) != 20 || rp_export_parse_date(*out, &y, &mo, &d, &h, &mi, &s) != 0)
		return bad(req, P("%s.%s", path, key), "A UTC time: YYYY-MM-DDTHH:MM:SSZ.");
	return 0;
}

static int
array(struct rp_req *req, struct json_object *o, const char *path, const char *key,
    struct json_object **out)
{
	if (member(req, o, path, key, false, out) != 0)
		return -1;
	if (!json_object_is_type(*out, json_type_array))
		return bad(req, P("%s.%s", path, key), "This field must be an array.");
	return 0;
}

/* A user of the importing firm by e-mail, or 0 (left unassigned). */
static int
user_of(struct imp *m, const char *email, long long *id)
{
	struct rp_dbres res;

	*id = 0;
	if (email == NULL)
		return 0;
	struct rp_dbarg a[] = { RP_ASTR(email), RP_AINT(m->firm) };
	if (rp_db_do(m->req, &q_user, a, 2, &res) != 0)
		return -1;
	if (res.nrows == 1)
		*id = strtoll(res.rows[0][0], NULL, 10);
	return 0;
}

/* The new id that map gives archive id (400 naming path when none). */
static int
mapped(struct imp *m, struct json_object *map, long long old, const char *path, long long *id)
{
	struct json_object *v;
	char k[24];

	snprintf(k, sizeof(k), "%lld", old);
	if (!json_object_object_get_ex(map, k, &v))
		return bad(m->req, path, "This id is not in the archive.");
	*id = json_object_get_int64(v);
	return 0;
}

static void
remember(struct json_object *map, long long old, long long id)
{
	char k[24];

	snprintf(k, sizeof(k), "%lld", old);
	json_object_object_add(map, k, json_object_new_int64(id));
}

/* An archive id: a positive integer, unique in its file. */
static int
archive_id(struct imp *m, struct json_object *o, const char *path, struct json_object *map,
    long long *old)
{
	struct rp_req *req = m->req;
	struct json_object *v;
	char k[24];

	if (num(req, o, path, "id", 1, INT64_MAX, false, old, NULL) != 0)
		return -1;
	snprintf(k, sizeof(k), "%lld", *old);
	if (json_object_object_get_ex(map, k, &v))
		return bad(req, P("%s.id", path), "This id appears twice.");
	return 0;
}

/* A requirement reference {framework, version, ref} of an adopted
 * framework: its id and framework id. */
static int
requirement(struct imp *m, struct json_object *o, const char *path, long long *req_id,
    long long *fw_id)
{
	struct rp_req *req = m->req;
	const char *code, *version, *ref;
	struct json_object *v;
	struct rp_dbres res;

	if (!json_object_is_type(o, json_type_object))
		return bad(req, path, "Each requirement must be an object.");
	if (str(req, o, path, "framework", 100, false, &code) != 0 ||
	    str(req, o, path, "version", 50, false, &version) != 0 ||
	    str(req, o, path, "ref", 100, false, &ref) != 0)
		return -1;
	if (!json_object_object_get_ex(m->fws, P("%s@%s", code, version), &v))
		return bad(req, P("%s.framework", path),
		    "This framework is not among the client's frameworks (frameworks.json).");
	*fw_id = json_object_get_int64(v);
	struct rp_dbarg a[] = { RP_AINT(*fw_id), RP_ASTR(ref) };
	if (rp_db_do(req, &q_req, a, 2, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return bad(req, P("%s.ref", path), "No such requirement in this framework.");
	*req_id = strtoll(res.rows[0][0], NULL, 10);
	return 0;
}

/* The requirements array of o, each linked through q (args: owner id,
 * requirement id, firm, client[, framework id]). */
static int
link_reqs(struct imp *m, struct json_object *o, const char *path, struct rp_stmt *q,
    long long owner, bool with_fw)
{
	struct rp_req *req = m->req;
	struct json_object *arr;

	if (array(m->req, o, path, "requirements", &arr) != 0)
		return -1;
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		long long rid = 0, fid = 0;
		if (requirement(m, json_object_array_get_idx(arr, i),
		    P("%s.requirements[%zu]", path, i), &rid, &fid) != 0)
			return -1;
		struct rp_dbarg a[] = { RP_AINT(owner), RP_AINT(rid), RP_AINT(m->firm),
		    RP_AINT(m->client), RP_AINT(fid) };
		if (rp_db_do(m->req, q, a, with_fw ? 5 : 4, NULL) != 0)
			return -1;
	}
	return 0;
}

static int
imp_client(struct imp *m, struct json_object *o)
{
	struct rp_req *req = m->req;
	const char *p = "client.json", *name, *mission, *plan, *status, *mode, *email;
	struct json_object *mods, *team;
	struct rp_dbres res;

	if (!json_object_is_type(o, json_type_object))
		return bad(req, p, "This file must hold an object.");
	if (str(req, o, p, "name", 200, false, &name) != 0 ||
	    key_of(req, o, p, "mission_type", &rp_mission_types, &mission) != 0 ||
	    key_of(req, o, p, "plan", &rp_plans, &plan) != 0 ||
	    key_of(req, o, p, "status", &rp_client_statuses, &status) != 0 ||
	    key_of(req, o, p, "billing_mode", &rp_billing_modes, &mode) != 0 ||
	    str(req, o, p, "billing_email", 254, true, &email) != 0 ||
	    array(req, o, p, "modules", &mods) != 0 || array(req, o, p, "vciso_emails", &team) != 0)
		return -1;
	if (*name == '\0')
		return bad(req, "client.json.name", "The name is empty.");
	if (strcmp(mode, "direct") == 0 && (email == NULL || !rp_email_valid(email)))
		return bad(req, "client.json.billing_email", "Direct billing needs an e-mail.");
	if (strcmp(mode, "direct") != 0)
		email = NULL;
	struct rp_buf b;
	rp_buf_init(&b, req->arena);
	for (size_t i = 0; i < json_object_array_length(mods); i++) {
		struct json_object *v = json_object_array_get_idx(mods, i);
		if (!json_object_is_type(v, json_type_string) ||
		    rp_enum_parse(&rp_modules, json_object_get_string(v)) < 0)
			return bad(req, P("client.json.modules[%zu]", i), "Not a known module.");
		rp_buf_printf(&b, "%s%s", i ? "," : "", json_object_get_string(v));
	}
	struct rp_dbarg a[] = { RP_AINT(m->firm), RP_ASTR(name), RP_ASTR(mission), RP_ASTR(plan),
	    RP_ASTR(status), RP_ASTR(mode), RP_ASTR(email), RP_ASTR(rp_buf_str(&b)),
	    RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_i_client, a, RP_NELEM(a), &res) != 0)
		return -1;
	m->client = res.insert_id;
	struct rp_dbarg k[] = { RP_AINT(m->client), RP_AINT(m->firm) };
	if (rp_db_do(req, &q_i_period, k, 2, NULL) != 0)
		return -1;
	/* The team: the archive's vCISOs that the firm has (by e-mail); the
	 * importing admin when none is found, so that someone opens it. */
	size_t nteam = 0;
	for (size_t i = 0; i < json_object_array_length(team); i++) {
		struct json_object *v = json_object_array_get_idx(team, i);
		long long uid;
		if (!json_object_is_type(v, json_type_string))
			return bad(req, P("client.json.vciso_emails[%zu]", i), "An e-mail.");
		if (user_of(m, json_object_get_string(v), &uid) != 0)
			return -1;
		if (uid == 0)
			continue;
		struct rp_dbarg t[] = { RP_AINT(m->client), RP_AINT(uid), RP_AINT(m->firm) };
		if (rp_db_do(req, &q_i_vciso, t, 3, NULL) != 0)
			return -1;
		nteam++;
	}
	if (nteam == 0) {
		struct rp_dbarg t[] = { RP_AINT(m->client), RP_AINT(req->user->id), RP_AINT(m->firm) };
		if (rp_db_do(req, &q_i_vciso, t, 3, NULL) != 0)
			return -1;
	}
	return 0;
}

static int
imp_estabs(struct imp *m, struct json_object *arr)
{
	struct rp_req *req = m->req;
	static const char *const texts[] = { "address", "postcode", "city", "country", "phone",
		"website", "sector", "security_contact" };
	static const size_t maxes[] = { 200, 10, 200, 100, 40, 200, 200, 200 };

	if (!json_object_is_type(arr, json_type_array))
		return bad(req, "establishments.json", "This file must hold an array.");
	size_t n = json_object_array_length(arr);
	for (size_t i = 0; i < n; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *p = P("establishments.json[%zu]", i), *name, *siret, *status, *plan;
		const char *t[RP_NELEM(texts)];
		long long old, head;
		bool nohead;
		struct rp_dbres res;

		if (!json_object_is_type(o, json_type_object))
			return bad(req, p, "Each establishment must be an object.");
		if (archive_id(m, o, p, m->estabs, &old) != 0 ||
		    str(req, o, p, "name", 200, false, &name) != 0 ||
		    str(req, o, p, "siret", 14, true, &siret) != 0 ||
		    num(req, o, p, "headcount", 0, 10000000, true, &head, &nohead) != 0 ||
		    key_of(req, o, p, "status", &rp_estab_statuses, &status) != 0 ||
		    key_of(req, o, p, "plan", &rp_plans, &plan) != 0)
			return -1;
		if (siret != NULL && !rp_siret_valid(siret))
			return bad(req, P("%s.siret", p), "Not a valid SIRET.");
		for (size_t j = 0; j < RP_NELEM(texts); j++)
			if (str(req, o, p, texts[j], maxes[j], false, &t[j]) != 0)
				return -1;
		struct rp_dbarg a[] = { RP_AINT(m->firm), RP_AINT(m->client), RP_ASTR(name),
		    RP_ASTR(rp_name_key(req->arena, name)), RP_ASTR(siret), RP_ASTR(t[0]),
		    RP_ASTR(t[1]), RP_ASTR(t[2]), RP_ASTR(t[3]), RP_ASTR(t[4]), RP_ASTR(t[5]),
		    RP_ASTR(t[6]), nohead ? RP_ANULL : RP_AINT(head), RP_ASTR(t[7]),
		    RP_ASTR(status), RP_ASTR(plan) };
		if (rp_db_do(req, &q_i_estab, a, RP_NELEM(a), &res) != 0)
			return -1;
		remember(m->estabs, old, res.insert_id);
	}
	/* Merges point at establishments of the same file. */
	for (size_t i = 0; i < n; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *p = P("establishments.json[%zu]", i);
		long long old, into, id, to;
		bool none;
		num(req, o, p, "id", 1, INT64_MAX, false, &old, NULL);
		if (num(req, o, p, "merged_into", 1, INT64_MAX, true, &into, &none) != 0)
			return -1;
		if (none)
			continue;
		if (into == old)
			return bad(req, P("%s.merged_into", p), "Merged into itself.");
		if (mapped(m, m->estabs, old, p, &id) != 0 ||
		    mapped(m, m->estabs, into, P("%s.merged_into", p), &to) != 0)
			return -1;
		struct rp_dbarg a[] = { RP_AINT(to), RP_AINT(id), RP_AINT(m->client), RP_AINT(m->firm) };
		if (rp_db_do(req, &q_i_merge, a, RP_NELEM(a), NULL) != 0)
			return -1;
	}
	return 0;
}

/* A token safe to name in a message: letters, digits, . _ - only. */
static bool
plain(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-'))
			return false;
	return true;
}

static int
imp_frameworks(struct imp *m, struct json_object *arr)
{
	struct rp_req *req = m->req;
	static const char *const statuses[] = { "not_assessed", "non_compliant", "partial",
		"compliant", "not_applicable" };

	if (!json_object_is_type(arr, json_type_array))
		return bad(req, "frameworks.json", "This file must hold an array.");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i), *items, *v;
		const char *p = P("frameworks.json[%zu]", i), *code, *version;
		struct rp_dbres res;

		if (!json_object_is_type(o, json_type_object))
			return bad(req, p, "Each framework must be an object.");
		if (str(req, o, p, "code", 100, false, &code) != 0 ||
		    str(req, o, p, "version", 50, false, &version) != 0 ||
		    array(req, o, p, "assessments", &items) != 0)
			return -1;
		const char *key = P("%s@%s", code, version);
		if (json_object_object_get_ex(m->fws, key, &v))
			return bad(req, P("%s.code", p), "This framework appears twice.");
		struct rp_dbarg f[] = { RP_ASTR(code), RP_ASTR(version), RP_AINT(m->firm) };
		if (rp_db_do(req, &q_fw, f, 3, &res) != 0)
			return -1;
		if (res.nrows != 1)
			return bad(req, P("%s.code", p), plain(code) && plain(version) ?
			    P("This firm has no framework %s version %s: import it first.", code,
			    version) : "This firm has no such framework: import it first.");
		long long fw = strtoll(res.rows[0][0], NULL, 10);
		json_object_object_add(m->fws, key, json_object_new_int64(fw));
		struct rp_dbarg a[] = { RP_AINT(m->firm), RP_AINT(m->client), RP_AINT(fw),
		    RP_AINT(req->user->id), RP_AINT(fw) };
		if (rp_db_do(req, &q_i_adopt, a, RP_NELEM(a), NULL) != 0)
			return -1;
		struct json_object *seen = json_object_new_object();
		int rc = -1;
		for (size_t j = 0; j < json_object_array_length(items); j++) {
			struct json_object *it = json_object_array_get_idx(items, j);
			const char *q = P("%s.assessments[%zu]", p, j), *ref, *status, *comment, *why;
			bool known = false;
			if (!json_object_is_type(it, json_type_object)) {
				bad(req, q, "Each assessment must be an object.");
				goto done;
			}
			if (str(req, it, q, "ref", 100, false, &ref) != 0 ||
			    str(req, it, q, "status", 20, false, &status) != 0 ||
			    str(req, it, q, "comment", 10000, false, &comment) != 0 ||
			    str(req, it, q, "justification", 10000, false, &why) != 0)
				goto done;
			for (size_t s = 0; s < RP_NELEM(statuses); s++)
				known = known || strcmp(status, statuses[s]) == 0;
			if (!known) {
				bad(req, P("%s.status", q), "Not a known status.");
				goto done;
			}
			if (json_object_object_get_ex(seen, ref, NULL)) {
				bad(req, P("%s.ref", q), "This requirement appears twice.");
				goto done;
			}
			json_object_object_add(seen, ref, NULL);
			struct rp_dbarg r[] = { RP_AINT(fw), RP_ASTR(ref) };
			if (rp_db_do(req, &q_req, r, 2, &res) != 0)
				goto done;
			if (res.nrows != 1) {
				bad(req, P("%s.ref", q), "No such requirement in this framework.");
				goto done;
			}
			struct rp_dbarg w[] = { RP_AINT(m->firm), RP_AINT(m->client), RP_AINT(fw),
			    RP_AINT(strtoll(res.rows[0][0], NULL, 10)), RP_ASTR(status),
			    RP_ASTR(comment), RP_ASTR(why), RP_AINT(req->user->id) };
			if (rp_db_do(req, &q_i_assess, w, RP_NELEM(w), NULL) != 0)
				goto done;
		}
		rc = 0;
done:
		json_object_put(seen);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int
imp_resources(struct imp *m, struct json_object *arr)
{
	struct rp_req *req = m->req;

	if (!json_object_is_type(arr, json_type_array))
		return bad(req, "resources.json", "This file must hold an array.");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i), *t;
		const char *p = P("resources.json[%zu]", i), *type, *title, *body, *status, *at;
		long long old, version, tid = 0, tver = 0;
		struct rp_dbres res;

		if (!json_object_is_type(o, json_type_object))
			return bad(req, p, "Each resource must be an object.");
		if (archive_id(m, o, p, m->resources, &old) != 0 ||
		    key_of(req, o, p, "type", &rp_resource_types, &type) != 0 ||
		    str(req, o, p, "title", 200, false, &title) != 0 ||
		    str(req, o, p, "body", 200000, false, &body) != 0 ||
		    key_of(req, o, p, "status", &rp_resource_statuses, &status) != 0 ||
		    num(req, o, p, "version", 1, 1000000, false, &version, NULL) != 0 ||
		    stamp(req, o, p, "created_at", &at) != 0 ||
		    member(req, o, p, "template", true, &t) != 0)
			return -1;
		if (t != NULL) {
			const char *q = P("%s.template", p), *ttitle;
			if (!json_object_is_type(t, json_type_object))
				return bad(req, q, "The template must be an object or null.");
			if (num(req, t, q, "id", 1, INT64_MAX, false, &tid, NULL) != 0 ||
			    num(req, t, q, "version", 1, 1000000, false, &tver, NULL) != 0 ||
			    str(req, t, q, "title", 200, false, &ttitle) != 0)
				return -1;
			struct rp_dbarg a[] = { RP_AINT(tid), RP_AINT(tver), RP_AINT(m->firm),
			    RP_ASTR(ttitle) };
			if (rp_db_do(req, &q_template, a, RP_NELEM(a), &res) != 0)
				return -1;
			/* Another firm's (or installation's) template: the
			 * lineage stays in the archive only. */
			if (res.nrows != 1)
				tid = tver = 0;
		}
		struct rp_dbarg a[] = { RP_AINT(m->firm), RP_AINT(m->client), RP_ASTR(type),
		    RP_ASTR(title), RP_ASTR(body), RP_ASTR(status), RP_AINT(version),
		    tid ? RP_AINT(tid) : RP_ANULL, tid ? RP_AINT(tver) : RP_ANULL, RP_ASTR(at),
		    RP_AINT(req->user->id) };
		if (rp_db_do(req, &q_i_resource, a, RP_NELEM(a), &res) != 0)
			return -1;
		remember(m->resources, old, res.insert_id);
		if (link_reqs(m, o, p, &q_i_res_req, res.insert_id, false) != 0)
			return -1;
	}
	return 0;
}

static int
imp_risks(struct imp *m, struct json_object *arr)
{
	struct rp_req *req = m->req;

	if (!json_object_is_type(arr, json_type_array))
		return bad(req, "risks.json", "This file must hold an array.");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *p = P("risks.json[%zu]", i), *title, *desc, *asset, *threat, *treat, *owner;
		const char *status, *at;
		long long old, l, im, rl, ri, uid;
		bool nrl, nri;
		struct rp_dbres res;

		if (!json_object_is_type(o, json_type_object))
			return bad(req, p, "Each risk must be an object.");
		if (archive_id(m, o, p, m->risks, &old) != 0 ||
		    str(req, o, p, "title", 200, false, &title) != 0 ||
		    str(req, o, p, "description", 10000, false, &desc) != 0 ||
		    str(req, o, p, "asset", 200, false, &asset) != 0 ||
		    str(req, o, p, "threat", 200, false, &threat) != 0 ||
		    num(req, o, p, "likelihood", 1, 5, false, &l, NULL) != 0 ||
		    num(req, o, p, "impact", 1, 5, false, &im, NULL) != 0 ||
		    key_of(req, o, p, "treatment", &rp_risk_treatments, &treat) != 0 ||
		    str(req, o, p, "owner_email", 254, true, &owner) != 0 ||
		    key_of(req, o, p, "status", &rp_risk_statuses, &status) != 0 ||
		    num(req, o, p, "residual_likelihood", 1, 5, true, &rl, &nrl) != 0 ||
		    num(req, o, p, "residual_impact", 1, 5, true, &ri, &nri) != 0 ||
		    stamp(req, o, p, "created_at", &at) != 0 ||
		    user_of(m, owner, &uid) != 0)
			return -1;
		struct rp_dbarg a[] = { RP_AINT(m->firm), RP_AINT(m->client), RP_ASTR(title),
		    RP_ASTR(desc), RP_ASTR(asset), RP_ASTR(threat), RP_AINT(l), RP_AINT(im),
		    RP_ASTR(treat), uid ? RP_AINT(uid) : RP_ANULL, RP_ASTR(status),
		    nrl ? RP_ANULL : RP_AINT(rl), nri ? RP_ANULL : RP_AINT(ri), RP_ASTR(at),
		    RP_AINT(req->user->id) };
		if (rp_db_do(req, &q_i_risk, a, RP_NELEM(a), &res) != 0)
			return -1;
		remember(m->risks, old, res.insert_id);
		if (link_reqs(m, o, p, &q_i_risk_req, res.insert_id, true) != 0)
			return -1;
	}
	return 0;
}

/* The ids array key of o, each mapped through map and linked by q. */
static int
link_ids(struct imp *m, struct json_object *o, const char *path, const char *key,
    struct json_object *map, struct rp_stmt *q, long long action)
{
	struct rp_req *req = m->req;
	struct json_object *arr;

	if (array(m->req, o, path, key, &arr) != 0)
		return -1;
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *v = json_object_array_get_idx(arr, i);
		const char *p = P("%s.%s[%zu]", path, key, i);
		long long id;
		if (!json_object_is_type(v, json_type_int))
			return bad(m->req, p, "An id of the archive.");
		if (mapped(m, map, json_object_get_int64(v), p, &id) != 0)
			return -1;
		struct rp_dbarg a[] = { RP_AINT(action), RP_AINT(id), RP_AINT(m->firm),
		    RP_AINT(m->client) };
		if (rp_db_do(m->req, q, a, 4, NULL) != 0)
			return -1;
	}
	return 0;
}

static int
imp_actions(struct imp *m, struct json_object *arr)
{
	struct rp_req *req = m->req;

	if (!json_object_is_type(arr, json_type_array))
		return bad(req, "actions.json", "This file must hold an array.");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *p = P("actions.json[%zu]", i), *title, *desc, *owner, *due, *prio;
		const char *status, *at;
		long long old, progress, uid;
		int y, mo, d, h, mi, s;
		struct rp_dbres res;

		if (!json_object_is_type(o, json_type_object))
			return bad(req, p, "Each action must be an object.");
		if (archive_id(m, o, p, m->actions, &old) != 0 ||
		    str(req, o, p, "title", 200, false, &title) != 0 ||
		    str(req, o, p, "description", 10000, false, &desc) != 0 ||
		    str(req, o, p, "owner_email", 254, true, &owner) != 0 ||
		    str(req, o, p, "due_date", 10, true, &due) != 0 ||
		    key_of(req, o, p, "priority", &rp_action_priorities, &prio) != 0 ||
		    key_of(req, o, p, "status", &rp_action_statuses, &status) != 0 ||
		    num(req, o, p, "progress", 0, 100, false, &progress, NULL) != 0 ||
		    stamp(req, o, p, "created_at", &at) != 0 ||
		    user_of(m, owner, &uid) != 0)
			return -1;
		if (due != NULL && (strlen(due) != 10 ||
		    rp_export_parse_date(due, &y, &mo, &d, &h, &mi, &s) != 0))
			return bad(req, P("%s.due_date", p), "A date: YYYY-MM-DD.");
		struct rp_dbarg a[] = { RP_AINT(m->firm), RP_AINT(m->client), RP_ASTR(title),
		    RP_ASTR(desc), uid ? RP_AINT(uid) : RP_ANULL, RP_ASTR(due), RP_ASTR(prio),
		    RP_ASTR(status), RP_AINT(progress), RP_ASTR(at), RP_AINT(req->user->id) };
		if (rp_db_do(req, &q_i_action, a, RP_NELEM(a), &res) != 0)
			return -1;
		long long id = res.insert_id;
		remember(m->actions, old, id);
		if (link_reqs(m, o, p, &q_i_action_req, id, false) != 0 ||
		    link_ids(m, o, p, "risk_ids", m->risks, &q_i_action_risk, id) != 0 ||
		    link_ids(m, o, p, "resource_ids", m->resources, &q_i_action_res, id) != 0)
			return -1;
	}
	return 0;
}

static int
imp_audit(struct imp *m, struct json_object *arr)
{
	struct rp_req *req = m->req;

	if (!json_object_is_type(arr, json_type_array))
		return bad(req, "audit.json", "This file must hold an array.");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *p = P("audit.json[%zu]", i), *at, *email, *action, *type, *details;
		long long oid, uid, id = 0;
		bool none;

		if (!json_object_is_type(o, json_type_object))
			return bad(req, p, "Each entry must be an object.");
		if (stamp(req, o, p, "at", &at) != 0 ||
		    str(req, o, p, "user_email", 254, true, &email) != 0 ||
		    str(req, o, p, "action", 64, false, &action) != 0 ||
		    str(req, o, p, "object_type", 32, false, &type) != 0 ||
		    num(req, o, p, "object_id", 1, INT64_MAX, true, &oid, &none) != 0 ||
		    str(req, o, p, "details", 65535, false, &details) != 0 ||
		    user_of(m, email, &uid) != 0)
			return -1;
		/* The column is a TEXT: 65,535 bytes. */
		if (strlen(details) > 65535)
			return bad(req, P("%s.details", p), "At most 65,535 bytes.");
		/* Ids of what the archive holds follow their objects; others
		 * (users, templates, other firms' rows) are dropped. */
		struct json_object *map = strcmp(type, "risk") == 0 ? m->risks :
		    strcmp(type, "action") == 0 ? m->actions :
		    strcmp(type, "resource") == 0 ? m->resources :
		    strcmp(type, "establishment") == 0 ? m->estabs : NULL, *v;
		if (!none && strcmp(type, "client") == 0)
			id = m->client;
		else if (!none && map != NULL && json_object_object_get_ex(map, P("%lld", oid), &v))
			id = json_object_get_int64(v);
		struct rp_dbarg a[] = { RP_ASTR(at), uid ? RP_AINT(uid) : RP_ANULL, RP_AINT(m->firm),
		    RP_AINT(m->client), RP_ASTR(action), RP_ASTR(type), id ? RP_AINT(id) : RP_ANULL,
		    RP_ASTR(details) };
		if (rp_db_do(req, &q_i_audit, a, RP_NELEM(a), NULL) != 0)
			return -1;
	}
	return 0;
}

/* Open the zip and check its directory (names, sizes, ratios) before
 * inflating anything. */
static zip_t *
open_checked(struct rp_req *req, const char *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_uint64_t total = 0;

	zip_error_init(&ze);
	if (len == 0) {
		bad(req, "archive", "Send the archive (a zip file).");
		return NULL;
	}
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		bad(req, "archive", "This is not a readable zip file.");
		return NULL;
	}
	zip_error_fini(&ze);
	zip_int64_t n = zip_get_num_entries(z, 0);
	if (n < 1 || n > RP_ARCHIVE_MAX_ENTRIES) {
		bad(req, "archive", "An archive holds at most 16 files.");
		goto fail;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		const char *p = P("archive.entries[%lld]", (long long)i);
		if (zip_stat_index(z, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE) ||
		    !(st.valid & ZIP_STAT_COMP_SIZE)) {
			bad(req, p, "Unreadable entry.");
			goto fail;
		}
		/* Absolute, parent or unknown names are refused, and never
		 * echoed: only the archive's own file names are read. */
		if (st.name[0] == '/' || strstr(st.name, "..") != NULL || strchr(st.name, '\\')) {
			bad(req, p, "An absolute or parent (..) path is refused.");
			goto fail;
		}
		if (!rp_archive_name_ok(st.name)) {
			bad(req, p, "Not a file of a client archive.");
			goto fail;
		}
		/* A known name from here on: safe to name, copied (the zip's
		 * memory goes with it). */
		const char *name = rp_strdup(req->arena, st.name);
		for (zip_int64_t j = 0; j < i; j++)
			if (strcmp(zip_get_name(z, (zip_uint64_t)j, ZIP_FL_ENC_RAW), name) == 0) {
				bad(req, name, "This file appears twice in the archive.");
				goto fail;
			}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
			bad(req, name, "Encrypted entries are refused.");
			goto fail;
		}
		if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
		    st.comp_method != ZIP_CM_DEFLATE) {
			bad(req, name, "Only stored or deflated entries are read.");
			goto fail;
		}
		total += st.size;
		if (st.size > RP_ARCHIVE_MAX_ENTRY || total > RP_ARCHIVE_MAX_TOTAL) {
			bad(req, name, "The archive's files are too large once inflated.");
			goto fail;
		}
		/* A zip bomb: far more text than a real JSON file packs. */
		if (st.size > 65536 && st.size / (st.comp_size ? st.comp_size : 1) >
		    RP_ARCHIVE_MAX_RATIO) {
			bad(req, name, "This entry's compression ratio is refused (zip bomb).");
			goto fail;
		}
	}
	return z;
fail:
	zip_discard(z);
	return NULL;
}

/* About how many JSON values text holds (its commas and opening brackets
 * outside strings): json-c spends far more memory per value than the text
 * does, so a file of tiny values is refused before it is parsed. */
static size_t
json_values(const char *s, size_t n)
{
	size_t count = 1;
	bool in = false;

	for (size_t i = 0; i < n; i++) {
		if (in) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				in = false;
		} else if (s[i] == '"') {
			in = true;
		} else if (s[i] == ',' || s[i] == '[' || s[i] == '{') {
			count++;
		}
	}
	return count;
}

/* Entry name inflated (at most its declared size), verified against the
 * manifest's checksum when given, parsed. NULL after a 400. */
static struct json_object *
read_entry(struct rp_req *req, zip_t *z, const char *name, const char *sha)
{
	zip_stat_t st;
	zip_int64_t i = zip_name_locate(z, name, ZIP_FL_ENC_RAW);
	struct json_object *o = NULL;

	if (i < 0 || zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) {
		bad(req, name, "This file is missing from the archive.");
		return NULL;
	}
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
	if (f == NULL) {
		bad(req, name, "This file cannot be read.");
		return NULL;
	}
	char *buf = rp_alloc(req->arena, st.size + 1);
	zip_uint64_t have = 0;
	zip_int64_t got;
	/* Never more than declared: the directory's size was checked. */
	while (have <= st.size && (got = zip_fread(f, buf + have, st.size + 1 - have)) > 0)
		have += (zip_uint64_t)got;
	bool ok = zip_fclose(f) == 0 && have == st.size;
	if (!ok) {
		bad(req, name, "This file is damaged (size or checksum).");
		return NULL;
	}
	buf[have] = '\0';
	if (sha != NULL && strcmp(hex_sha256(req, buf, have), sha) != 0) {
		bad(req, name, "This file does not match its checksum in manifest.json.");
		return NULL;
	}
	if (json_values(buf, have) > RP_ARCHIVE_MAX_VALUES) {
		bad(req, name, "This file holds too many values.");
		return NULL;
	}
	if (!rp_utf8_valid(buf, have) || rp_json_parse(buf, have, MAX_DEPTH, &o) != 0 || o == NULL) {
		bad(req, name, "This file is not valid JSON.");
		return NULL;
	}
	return o;
}

/* The manifest: format, version, a checksum per file. */
static struct json_object *
read_manifest(struct rp_req *req, zip_t *z)
{
	struct json_object *m = read_entry(req, z, MANIFEST, NULL), *v, *fl;
	const char *fmt;
	long long version;

	if (m == NULL)
		return NULL;
	if (!json_object_is_type(m, json_type_object)) {
		bad(req, MANIFEST, "This file must hold an object.");
		goto fail;
	}
	if (str(req, m, MANIFEST, "format", 64, false, &fmt) != 0)
		goto fail;
	if (strcmp(fmt, RP_ARCHIVE_FORMAT) != 0) {
		bad(req, MANIFEST ".format", "Not a Rempart client archive.");
		goto fail;
	}
	if (num(req, m, MANIFEST, "version", 0, INT32_MAX, false, &version, NULL) != 0)
		goto fail;
	if (version != RP_ARCHIVE_VERSION) {
		bad(req, MANIFEST ".version", rp_printf(req->arena,
		    "This build reads archives of version %d only.", RP_ARCHIVE_VERSION));
		goto fail;
	}
	if (member(req, m, MANIFEST, "files", false, &fl) != 0)
		goto fail;
	if (!json_object_is_type(fl, json_type_object)) {
		bad(req, MANIFEST ".files", "This field must be an object.");
		goto fail;
	}
	for (size_t i = 0; i < RP_NELEM(files); i++) {
		const char *p = P(MANIFEST ".files.%s", files[i]), *sha;
		if (!json_object_object_get_ex(fl, files[i], &v) || v == NULL ||
		    !json_object_is_type(v, json_type_object)) {
			bad(req, p, "This file is not listed.");
			goto fail;
		}
		if (str(req, v, p, "sha256", 64, false, &sha) != 0)
			goto fail;
	}
	return m;
fail:
	json_object_put(m);
	return NULL;
}

/* The manifest's counts must be what the files hold (a truncated or
 * edited archive is refused). */
static int
check_counts(struct rp_req *req, struct json_object *man, struct json_object **docs)
{
	struct json_object *counts, *v;
	static const struct { const char *key; size_t doc; } direct[] = {
		{ "establishments", 1 }, { "frameworks", 2 }, { "resources", 3 }, { "risks", 4 },
		{ "actions", 5 }, { "audit", 6 } };

	if (member(req, man, MANIFEST, "counts", false, &counts) != 0)
		return -1;
	if (!json_object_is_type(counts, json_type_object))
		return bad(req, MANIFEST ".counts", "This field must be an object.");
	for (size_t i = 0; i < RP_NELEM(direct); i++) {
		const char *p = P(MANIFEST ".counts.%s", direct[i].key);
		if (!json_object_object_get_ex(counts, direct[i].key, &v) ||
		    !json_object_is_type(v, json_type_int))
			return bad(req, p, "This count is missing.");
		if (!json_object_is_type(docs[direct[i].doc], json_type_array) ||
		    (long long)json_object_array_length(docs[direct[i].doc]) !=
		    json_object_get_int64(v))
			return bad(req, p, "The count does not match the file.");
	}
	return 0;
}

int
rp_archive_import(struct rp_req *req, const char *data, size_t len, long long *id)
{
	struct json_object *docs[RP_NELEM(files)] = { 0 }, *man = NULL;
	struct imp m = { .req = req, .firm = req->user->firm_id };
	zip_t *z = open_checked(req, data, len);
	int rc = -1;
	bool tx = false;

	if (z == NULL)
		return -1;
	if ((man = read_manifest(req, z)) == NULL)
		goto out;
	struct json_object *fl, *v;
	json_object_object_get_ex(man, "files", &fl);
	for (size_t i = 0; i < RP_NELEM(files); i++) {
		json_object_object_get_ex(fl, files[i], &v);
		json_object_object_get_ex(v, "sha256", &v);
		if ((docs[i] = read_entry(req, z, files[i], json_object_get_string(v))) == NULL)
			goto out;
	}
	if (check_counts(req, man, docs) != 0)
		goto out;
	m.estabs = json_object_new_object();
	m.risks = json_object_new_object();
	m.actions = json_object_new_object();
	m.resources = json_object_new_object();
	m.fws = json_object_new_object();
	/* One transaction: any refusal below rolls everything back. */
	if (rp_db_begin() != 0) {
		rp_db_fail(req);
		goto out;
	}
	tx = true;
	if (imp_client(&m, docs[0]) != 0 || imp_estabs(&m, docs[1]) != 0 ||
	    imp_frameworks(&m, docs[2]) != 0 || imp_resources(&m, docs[3]) != 0 ||
	    imp_risks(&m, docs[4]) != 0 || imp_actions(&m, docs[5]) != 0 ||
	    imp_audit(&m, docs[6]) != 0)
		goto out;
	struct rp_dbarg k[] = { RP_AINT(m.client), RP_AINT(m.firm) };
	if (rp_db_do(req, &q_i_counters, k, 2, NULL) != 0 || rp_db_do(req, &q_i_pct, k, 2, NULL) != 0)
		goto out;
	struct json_object *d = json_object_new_object(), *counts;
	json_object_object_get_ex(man, "counts", &counts);
	rp_jadd(d, "counts", json_object_get(counts));
	if (rp_audit(req, "client.import", "client", m.client, m.client, d) != 0)
		goto out;
	tx = false;
	if (rp_db_finish(req) != 0)
		goto out;
	*id = m.client;
	rc = 0;
out:
	if (tx)
		rp_db_rollback();
	zip_discard(z);
	for (size_t i = 0; i < RP_NELEM(files); i++)
		json_object_put(docs[i]);
	json_object_put(man);
	json_object_put(m.estabs);
	json_object_put(m.risks);
	json_object_put(m.actions);
	json_object_put(m.resources);
	json_object_put(m.fws);
	return rc;
}
