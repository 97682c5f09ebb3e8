/* Assessment cycles and the Statement of Applicability. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "compliance.h"
#include "export.h"
#include "cycles.h"
#include "db.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "response.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* Closed cycles carry their own counters; the current one's are the
 * framework's. */
#define PICK(col) "IF(y.closed_at IS NULL, cf." col ", y." col ")"
static struct rp_stmt q_cycles = RP_STMT(
    "SELECT y.number, y.mode, y.closed_at IS NULL, " DATE("y.started_at") ","
    " COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email),"
    " " DATE("y.closed_at") ", " PICK("total") ", " PICK("compliant") ", " PICK("partial") ","
    " " PICK("non_compliant") ", " PICK("not_applicable")
    " FROM assessment_cycles y JOIN client_frameworks cf ON cf.client_id = y.client_id"
    "  AND cf.framework_id = y.framework_id AND cf.firm_id = y.firm_id"
    " LEFT JOIN users u ON u.id = y.started_by"
    " WHERE y.client_id = ? AND y.firm_id = ? AND y.framework_id = ? AND (? = 0 OR y.number = ?)"
    " ORDER BY y.number DESC");
static struct rp_stmt q_current = RP_STMT(
    "SELECT cycle, total, compliant, partial, non_compliant, not_applicable"
    " FROM client_frameworks WHERE client_id = ? AND firm_id = ? AND framework_id = ? FOR UPDATE");
static struct rp_stmt q_close = RP_STMT(
    "UPDATE assessment_cycles SET closed_at = NOW(), total = ?, compliant = ?, partial = ?,"
    " non_compliant = ?, not_applicable = ? WHERE client_id = ? AND firm_id = ?"
    " AND framework_id = ? AND number = ? AND closed_at IS NULL");
static struct rp_stmt q_keep = RP_STMT(
    "INSERT INTO assessment_history (firm_id, client_id, framework_id, cycle, requirement_id,"
    " status, comment, justification, updated_at, updated_by)"
    " SELECT firm_id, client_id, framework_id, ?, requirement_id, status, comment, justification,"
    " updated_at, updated_by FROM assessments"
    " WHERE client_id = ? AND firm_id = ? AND framework_id = ?");
static struct rp_stmt q_open = RP_STMT(
    "INSERT INTO assessment_cycles (firm_id, client_id, framework_id, number, mode, started_by)"
    " VALUES (?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_next_keep = RP_STMT(
    "UPDATE client_frameworks SET cycle = ? WHERE client_id = ? AND firm_id = ? AND framework_id = ?");
static struct rp_stmt q_next_reset = RP_STMT(
    "UPDATE client_frameworks SET cycle = ?, compliant = 0, partial = 0, non_compliant = 0,"
    " not_applicable = 0 WHERE client_id = ? AND firm_id = ? AND framework_id = ?");
static struct rp_stmt q_reset = RP_STMT(
    "UPDATE assessments SET status = 'not_assessed', updated_by = ?"
    " WHERE client_id = ? AND firm_id = ? AND framework_id = ? AND status <> 'not_assessed'");
static struct rp_stmt q_client_pct = RP_STMT(
    "UPDATE clients c SET compliance_pct = (SELECT CASE WHEN SUM(cf.total - cf.not_applicable) > 0"
    " THEN ROUND(100 * (SUM(cf.compliant) + SUM(cf.partial) / 2)"
    " / SUM(cf.total - cf.not_applicable), 2) END"
    " FROM client_frameworks cf WHERE cf.client_id = c.id) WHERE c.id = ? AND c.firm_id = ?");
/* The statuses of one cycle: the current one's rows, or a closed one's. */
static struct rp_stmt q_rows_current = RP_STMT(
    "SELECT requirement_id, status FROM assessments"
    " WHERE client_id = ? AND firm_id = ? AND framework_id = ?");
static struct rp_stmt q_rows_past = RP_STMT(
    "SELECT requirement_id, status FROM assessment_history"
    " WHERE client_id = ? AND firm_id = ? AND framework_id = ? AND cycle = ?");
/* One cycle's items: the current one's, or a closed one's. */
#define CYCLE_ITEMS(join) \
    "SELECT r.id, r.ref, CASE WHEN ? = 'en' THEN r.title_en ELSE r.title_fr END," \
    " (SELECT g.ref FROM requirements g WHERE g.id = r.parent_id)," \
    " COALESCE(x.status, 'not_assessed'), COALESCE(x.comment, ''), COALESCE(x.justification, '')" \
    " FROM requirements r LEFT JOIN " join " AND x.requirement_id = r.id" \
    " WHERE r.framework_id = ? AND r.assessable = 1 ORDER BY r.position"
static struct rp_stmt q_items_current = RP_STMT(CYCLE_ITEMS(
    "assessments x ON x.client_id = ? AND x.firm_id = ? AND ? > 0"));
static struct rp_stmt q_items_past = RP_STMT(CYCLE_ITEMS(
    "assessment_history x ON x.client_id = ? AND x.firm_id = ? AND x.cycle = ?"));
static struct rp_stmt q_reqs = RP_STMT(
    "SELECT r.id, r.ref, CASE WHEN ? = 'en' THEN r.title_en ELSE r.title_fr END,"
    " (SELECT g.ref FROM requirements g WHERE g.id = r.parent_id)"
    " FROM requirements r WHERE r.framework_id = ? AND r.assessable = 1 ORDER BY r.position");

static struct json_object *
pct_json(long long total, long long comp, long long part, long long na, double *out)
{
	double pct;
	char text[16];

	if (!rp_compliance_pct(total, comp, part, na, &pct)) {
		if (out != NULL)
			*out = -1;
		return NULL;
	}
	snprintf(text, sizeof(text), "%.1f", pct);
	if (out != NULL)
		*out = strtod(text, NULL);
	return json_object_new_double_s(strtod(text, NULL), text);
}

static struct json_object *
cycle_json(char **r, double *pct)
{
	struct json_object *o = json_object_new_object();
	long long total = rp_cell_num(r[6]), comp = rp_cell_num(r[7]), part = rp_cell_num(r[8]),
	    non = rp_cell_num(r[9]), na = rp_cell_num(r[10]);

	rp_jadd(o, "number", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "mode", json_object_new_string(r[1]));
	rp_jadd(o, "current", json_object_new_boolean(rp_cell_num(r[2]) != 0));
	rp_jadd(o, "started_at", json_object_new_string(r[3]));
	rp_jadd(o, "started_by_name", r[4] ? json_object_new_string(r[4]) : NULL);
	rp_jadd(o, "closed_at", r[5] ? json_object_new_string(r[5]) : NULL);
	rp_jadd(o, "total", json_object_new_int64(total));
	rp_jadd(o, "assessed", json_object_new_int64(comp + part + non + na));
	rp_jadd(o, "compliant", json_object_new_int64(comp));
	rp_jadd(o, "partial", json_object_new_int64(part));
	rp_jadd(o, "non_compliant", json_object_new_int64(non));
	rp_jadd(o, "not_applicable", json_object_new_int64(na));
	rp_jadd(o, "compliance_pct", pct_json(total, comp, part, na, pct));
	return o;
}

/* Rows of q_cycles: every cycle (number 0) or one. */
static int
cycles_rows(struct rp_req *req, const struct rp_client *c, long long fw, long long number,
    struct rp_dbres *res)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(fw), RP_AINT(number),
	    RP_AINT(number) };

	if (rp_db_do(req, &q_cycles, a, RP_NELEM(a), res) != 0)
		return -1;
	if (res->nrows == 0)
		return rp_fail(req, 404, "not_found", number ? "cycle" : "framework_id",
		    number ? "No such cycle of this framework." :
		    "This client has not adopted this framework.");
	return 0;
}

struct json_object *
rp_cycles_list(struct rp_req *req, const struct rp_client *c, long long fw)
{
	struct rp_dbres res;

	if (cycles_rows(req, c, fw, 0, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, cycle_json(res.rows[i], NULL));
	return arr;
}

int
rp_cycles_start(struct rp_req *req, const struct rp_client *c, long long fw, long long *number)
{
	const char *mode;
	struct rp_dbres res;
	int rc;

	if ((rc = rp_in_text(req, "mode", 16, false, &mode)) < 0)
		return -1;
	if (rc == 0)
		return rp_fail(req, 400, "required", "mode", "Choose keep or reset.");
	if (strcmp(mode, "keep") != 0 && strcmp(mode, "reset") != 0)
		return rp_fail(req, 400, "invalid", "mode", "mode must be keep or reset.");
	bool reset = strcmp(mode, "reset") == 0;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg k[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(fw) };
	if (rp_db_do(req, &q_current, k, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", "framework_id",
		    "This client has not adopted this framework.");
		goto fail;
	}
	char **r = res.rows[0];
	long long cur = rp_cell_num(r[0]);
	*number = cur + 1;
	struct rp_dbarg cl[] = { RP_AINT(rp_cell_num(r[1])), RP_AINT(rp_cell_num(r[2])),
	    RP_AINT(rp_cell_num(r[3])), RP_AINT(rp_cell_num(r[4])), RP_AINT(rp_cell_num(r[5])),
	    RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(fw), RP_AINT(cur) };
	struct rp_dbarg hist[] = { RP_AINT(cur), RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(fw) };
	struct rp_dbarg op[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(fw),
	    RP_AINT(*number), RP_ASTR(mode), RP_AINT(req->user->id) };
	struct rp_dbarg nx[] = { RP_AINT(*number), RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(fw) };
	struct rp_dbarg rs[] = { RP_AINT(req->user->id), RP_AINT(c->id), RP_AINT(c->firm_id),
	    RP_AINT(fw) };
	struct rp_dbarg p[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_close, cl, RP_NELEM(cl), NULL) != 0 ||
	    rp_db_do(req, &q_keep, hist, RP_NELEM(hist), NULL) != 0 ||
	    rp_db_do(req, &q_open, op, RP_NELEM(op), NULL) != 0 ||
	    rp_db_do(req, reset ? &q_next_reset : &q_next_keep, nx, RP_NELEM(nx), NULL) != 0)
		goto fail;
	if (reset && (rp_db_do(req, &q_reset, rs, RP_NELEM(rs), NULL) != 0 ||
	    rp_db_do(req, &q_client_pct, p, 2, NULL) != 0))
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "framework_id", json_object_new_int64(fw));
	rp_jadd(d, "cycle", json_object_new_int64(*number));
	rp_jadd(d, "mode", json_object_new_string(mode));
	if (rp_audit(req, "compliance.cycle", "framework", fw, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

struct json_object *
rp_cycles_get(struct rp_req *req, const struct rp_client *c, long long fw, long long number)
{
	struct rp_dbres cy, res;

	if (cycles_rows(req, c, fw, number, &cy) != 0)
		return NULL;
	bool current = rp_cell_num(cy.rows[0][2]) != 0;
	struct rp_dbarg a[] = { RP_ASTR(rp_lang_code(req->lang)), RP_AINT(c->id), RP_AINT(c->firm_id),
	    RP_AINT(number), RP_AINT(fw) };
	if (rp_db_do(req, current ? &q_items_current : &q_items_past, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *o = cycle_json(cy.rows[0], NULL), *items = json_object_new_array();
	rp_jadd(o, "framework_id", json_object_new_int64(fw));
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *it = json_object_new_object();
		rp_jadd(it, "requirement_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(it, "ref", json_object_new_string(r[1]));
		rp_jadd(it, "title", json_object_new_string(r[2]));
		rp_jadd(it, "group_ref", r[3] ? json_object_new_string(r[3]) : NULL);
		rp_jadd(it, "status", json_object_new_string(r[4]));
		rp_jadd(it, "applicable", json_object_new_boolean(strcmp(r[4], "not_applicable") != 0));
		rp_jadd(it, "comment", json_object_new_string(r[5]));
		rp_jadd(it, "justification", json_object_new_string(r[6]));
		json_object_array_add(items, it);
	}
	rp_jadd(o, "items", items);
	return o;
}

/* The status of each requirement in one cycle, as an object keyed by id. */
static struct json_object *
cycle_statuses(struct rp_req *req, const struct rp_client *c, long long fw, long long number,
    bool current)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(fw), RP_AINT(number) };
	struct rp_dbres res;

	if (rp_db_do(req, current ? &q_rows_current : &q_rows_past, a, current ? 3 : 4, &res) != 0)
		return NULL;
	struct json_object *by = json_object_new_object();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_object_add(by, res.rows[i][0], json_object_new_string(res.rows[i][1]));
	return by;
}

struct json_object *
rp_cycles_compare(struct rp_req *req, const struct rp_client *c, long long fw, long long a,
    long long b)
{
	struct rp_dbres ra, rb, reqs;
	double pa, pb;

	if (cycles_rows(req, c, fw, a, &ra) != 0 || cycles_rows(req, c, fw, b, &rb) != 0)
		return NULL;
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "framework_id", json_object_new_int64(fw));
	rp_jadd(o, "from", cycle_json(ra.rows[0], &pa));
	rp_jadd(o, "to", cycle_json(rb.rows[0], &pb));
	struct json_object *delta = NULL;
	if (pa >= 0 && pb >= 0) {
		char text[16];
		snprintf(text, sizeof(text), "%.1f", pb - pa);
		if (strcmp(text, "-0.0") == 0)
			strcpy(text, "0.0");
		delta = json_object_new_double_s(strtod(text, NULL), text);
	}
	rp_jadd(o, "delta_pct", delta);
	struct json_object *sa = cycle_statuses(req, c, fw, a, rp_cell_num(ra.rows[0][2]) != 0);
	struct json_object *sb = sa ? cycle_statuses(req, c, fw, b,
	    rp_cell_num(rb.rows[0][2]) != 0) : NULL;
	struct rp_dbarg q[] = { RP_ASTR(rp_lang_code(req->lang)), RP_AINT(fw) };
	if (sb == NULL || rp_db_do(req, &q_reqs, q, 2, &reqs) != 0) {
		json_object_put(sa);
		json_object_put(sb);
		json_object_put(o);
		return NULL;
	}
	struct json_object *items = json_object_new_array();
	long long changed = 0;
	for (size_t i = 0; i < reqs.nrows; i++) {
		char **r = reqs.rows[i];
		struct json_object *va, *vb, *it = json_object_new_object();
		const char *from = json_object_object_get_ex(sa, r[0], &va) ?
		    json_object_get_string(va) : "not_assessed";
		const char *to = json_object_object_get_ex(sb, r[0], &vb) ?
		    json_object_get_string(vb) : "not_assessed";
		bool ch = strcmp(from, to) != 0;
		changed += ch;
		rp_jadd(it, "requirement_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(it, "ref", json_object_new_string(r[1]));
		rp_jadd(it, "title", json_object_new_string(r[2]));
		rp_jadd(it, "group_ref", r[3] ? json_object_new_string(r[3]) : NULL);
		rp_jadd(it, "from", json_object_new_string(from));
		rp_jadd(it, "to", json_object_new_string(to));
		rp_jadd(it, "changed", json_object_new_boolean(ch));
		json_object_array_add(items, it);
	}
	json_object_put(sa);
	json_object_put(sb);
	rp_jadd(o, "changed", json_object_new_int64(changed));
	rp_jadd(o, "items", items);
	return o;
}

/* ------------------------------------------------------------- SoA --- */

static long long
jint(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : 0;
}

static const char *
jstr(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v != NULL ? json_object_get_string(v) : "";
}

struct json_object *
rp_soa(struct rp_req *req, const struct rp_client *c, long long fw)
{
	struct json_object *all, *one = NULL, *items;
	long long total;

	if ((all = rp_compliance_summary(req, c)) == NULL)
		return NULL;
	for (size_t i = 0; i < json_object_array_length(all); i++) {
		struct json_object *e = json_object_array_get_idx(all, i);
		if (jint(e, "framework_id") == fw)
			one = e;
	}
	if (one == NULL) {
		json_object_put(all);
		rp_fail(req, 404, "not_found", "framework_id",
		    "This client has not adopted this framework.");
		return NULL;
	}
	if ((items = rp_compliance_items(req, c, fw, NULL, 100000, 0, &total)) == NULL) {
		json_object_put(all);
		return NULL;
	}
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "framework_id", json_object_new_int64(fw));
	rp_jadd(o, "name", json_object_new_string(jstr(one, "name")));
	rp_jadd(o, "code", json_object_new_string(jstr(one, "code")));
	rp_jadd(o, "version", json_object_new_string(jstr(one, "version")));
	rp_jadd(o, "cycle", json_object_new_int64(jint(one, "cycle")));
	rp_jadd(o, "compliance_pct", json_object_get(json_object_object_get(one,
	    "compliance_pct")));
	json_object_put(all);
	long long n[5] = { 0 }, missing = 0;
	static const char *const st[] = { "not_assessed", "non_compliant", "partial",
		"compliant", "not_applicable" };
	struct json_object *out = json_object_new_array();
	for (size_t i = 0; i < json_object_array_length(items); i++) {
		struct json_object *it = json_object_array_get_idx(items, i), *v = NULL;
		const char *s = jstr(it, "status");
		for (size_t k = 0; k < RP_NELEM(st); k++)
			n[k] += strcmp(s, st[k]) == 0;
		if (strcmp(s, "not_applicable") == 0 && *jstr(it, "justification") == '\0')
			missing++;
		/* The SoA's columns, in their order. */
		struct json_object *e = json_object_new_object();
		static const char *const keys[] = { "requirement_id", "ref", "title", "group_ref",
			"group_title", "applicable", "justification", "status", "comment",
			"resources", "actions" };
		for (size_t k = 0; k < RP_NELEM(keys); k++) {
			json_object_object_get_ex(it, keys[k], &v);
			json_object_object_add_ex(e, keys[k], json_object_get(v), JSON_C_OBJECT_ADD_CONSTANT_KEY);
		}
		json_object_array_add(out, e);
	}
	json_object_put(items);
	struct json_object *cn = json_object_new_object();
	rp_jadd(cn, "total", json_object_new_int64(total));
	rp_jadd(cn, "applicable", json_object_new_int64(total - n[4]));
	for (size_t k = 0; k < RP_NELEM(st); k++)
		json_object_object_add_ex(cn, st[k], json_object_new_int64(n[k]), JSON_C_OBJECT_ADD_CONSTANT_KEY);
	rp_jadd(cn, "justification_missing", json_object_new_int64(missing));
	rp_jadd(o, "counts", cn);
	rp_jadd(o, "items", out);
	return o;
}

/* Titles of linked objects, one cell: "A | B". */
static const char *
titles(struct rp_req *req, struct json_object *list)
{
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	for (size_t i = 0; list != NULL && i < json_object_array_length(list); i++)
		rp_buf_printf(&b, "%s%s", i ? " | " : "",
		    jstr(json_object_array_get_idx(list, i), "title"));
	return rp_buf_str(&b);
}

/* The SoA's columns for CSV and XLSX (app/export.h). */
static const struct rp_col soa_cols[] = {
	{ "ref", RP_COL_TEXT, "Lang.export.col.ref", NULL },
	{ "title", RP_COL_TEXT, "Lang.export.col.title", NULL },
	{ "applicable", RP_COL_YESNO, "Lang.export.col.applicable", NULL },
	{ "justification", RP_COL_TEXT, "Lang.export.col.justification", NULL },
	{ "status", RP_COL_TEXT, "Lang.export.col.status", NULL },
	{ "resources", RP_COL_TEXT, "Lang.export.col.resources", NULL },
	{ "actions", RP_COL_TEXT, "Lang.export.col.actions", NULL },
};
static const struct rp_table soa_table = { "soa", soa_cols, RP_NELEM(soa_cols) };

int
rp_soa_export(struct rp_req *req, const struct rp_client *c, long long fw,
    enum rp_export_format fmt)
{
	struct json_object *soa = rp_soa(req, c, fw), *items, *rows, *v;

	if (soa == NULL)
		return -1;
	json_object_object_get_ex(soa, "items", &items);
	rows = json_object_new_array();
	for (size_t r = 0; r < json_object_array_length(items); r++) {
		struct json_object *it = json_object_array_get_idx(items, r);
		struct json_object *o = json_object_new_object();
		static const char *const kept[] = { "ref", "title", "applicable", "justification",
			"status" };
		for (size_t i = 0; i < RP_NELEM(kept); i++)
			if (json_object_object_get_ex(it, kept[i], &v))
				json_object_object_add(o, kept[i], json_object_get(v));
		json_object_object_get_ex(it, "resources", &v);
		rp_jadd(o, "resources", json_object_new_string(titles(req, v)));
		json_object_object_get_ex(it, "actions", &v);
		rp_jadd(o, "actions", json_object_new_string(titles(req, v)));
		json_object_array_add(rows, o);
	}
	int rc = rp_export_send(req, &soa_table, rows, fmt, rp_printf(req->arena, "%lld-%lld",
	    c->id, fw));
	json_object_put(rows);
	json_object_put(soa);
	return rc;
}
