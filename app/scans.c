/* Scans of the external scan module: import, comparison, reading,
 * deletion, findings turned into actions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "actions.h"
#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "json.h"
#include "netaddr.h"
#include "request.h"
#include "scandoc.h"
#include "scans.h"
#include "tmpl.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* Targets read to mark the findings they cover: an establishment's all. */
#define MAX_TARGETS	1000
/* A scan may be dated a little ahead of the server's clock (skew). */
#define FUTURE_SLACK	86400

/* What an action made from a finding looks like, by severity: how soon it
 * is due (days; 0 for no date) and its priority. */
static const struct {
	const char	*priority;
	int		 due_days;
} action_rule[RP_SEV__COUNT] = {
	[RP_SEV_HIGH] =		{ "high", 30 },
	[RP_SEV_MEDIUM] =	{ "medium", 90 },
	[RP_SEV_LOW] =		{ "low", 0 },
	[RP_SEV_INFO] =		{ "low", 0 },
};

/* Two findings are the same exposure when host, protocol and port agree. */
#define SAME_PORT(a, b) \
    a ".host = " b ".host AND " a ".protocol = " b ".protocol AND " a ".port = " b ".port"
/* Action links a later scan inherits: open actions only (a done one whose
 * port is open again did not hold). */
#define OPEN_ACTION(a) "(" a ".status IN ('todo', 'in_progress'))"

#define SCAN_COLUMNS \
    "s.id, s.client_id, s.establishment_id, e.name, " DATE("s.scanned_at") ", s.format," \
    " s.scanner, s.file_name, s.hosts, s.open_ports, s.high, s.medium, s.low, s.info," \
    " s.prev_scan_id, s.new_count, s.fixed_count, " DATE("s.imported_at") ", s.imported_by," \
    " (SELECT COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email)" \
    "  FROM users u WHERE u.id = s.imported_by)," \
    " IF(? = '', NULL, DATE_FORMAT(s.scanned_at, ?))" \
    " FROM scans s JOIN establishments e ON e.id = s.establishment_id"
enum scol {
	S_ID, S_CLIENT, S_ESTAB, S_ESTAB_NAME, S_AT, S_FORMAT, S_SCANNER, S_FILE, S_HOSTS,
	S_PORTS, S_HIGH, S_MEDIUM, S_LOW, S_INFO, S_PREV, S_NEW, S_FIXED, S_IMPORTED_AT,
	S_IMPORTED_BY, S_IMPORTER, S_AT_TEXT
};

static struct rp_stmt q_count = RP_STMT(
    "SELECT COUNT(*) FROM scans s WHERE s.client_id = ? AND s.firm_id = ?"
    " AND (? = 0 OR s.establishment_id = ?)");
static struct rp_stmt q_list = RP_STMT(
    "SELECT " SCAN_COLUMNS " WHERE s.client_id = ? AND s.firm_id = ?"
    " AND (? = 0 OR s.establishment_id = ?)"
    " ORDER BY s.scanned_at DESC, s.id DESC LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " SCAN_COLUMNS " WHERE s.id = ? AND s.client_id = ? AND s.firm_id = ?");
static struct rp_stmt q_scan_client = RP_STMT(
    "SELECT client_id FROM scans WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_finding_client = RP_STMT(
    "SELECT client_id FROM scan_findings WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_estab = RP_STMT(
    "SELECT name, merged_into FROM establishments WHERE id = ? AND client_id = ? AND firm_id = ?");
/* Imports and deletions of one establishment's scans take turns: each
 * reads its neighbours' dates to write the comparisons. */
static struct rp_stmt q_lock_estab = RP_STMT(
    "SELECT id FROM establishments WHERE id = ? AND client_id = ? AND firm_id = ? FOR UPDATE");
static struct rp_stmt q_targets = RP_STMT(
    "SELECT value FROM scan_targets WHERE establishment_id = ? AND firm_id = ? ORDER BY id"
    " LIMIT ?");
static struct rp_stmt q_dated = RP_STMT(
    "SELECT id FROM scans WHERE establishment_id = ? AND firm_id = ? AND scanned_at = ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO scans (firm_id, client_id, establishment_id, scanned_at, format, scanner,"
    " file_name, hosts, open_ports, high, medium, low, info, imported_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_insert_finding = RP_STMT(
    "INSERT INTO scan_findings (firm_id, client_id, scan_id, host, hostname, port, protocol,"
    " service, product, version, severity, rule, in_targets)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
/* The establishment's scans just before and just after a date. */
static struct rp_stmt q_prev = RP_STMT(
    "SELECT id FROM scans WHERE establishment_id = ? AND firm_id = ? AND scanned_at < ?"
    " ORDER BY scanned_at DESC LIMIT 1");
static struct rp_stmt q_next = RP_STMT(
    "SELECT id, DATE_FORMAT(scanned_at, '%Y-%m-%d %H:%i:%s') FROM scans"
    " WHERE establishment_id = ? AND firm_id = ? AND scanned_at > ? ORDER BY scanned_at LIMIT 1");
/* New findings of a scan (args: scan, previous) and fixed ones (the
 * previous scan's that it no longer has; args: previous, scan). */
static struct rp_stmt q_diff = RP_STMT(
    "SELECT (SELECT COUNT(*) FROM scan_findings f WHERE f.scan_id = ? AND NOT EXISTS"
    "  (SELECT 1 FROM scan_findings p WHERE p.scan_id = ? AND " SAME_PORT("p", "f") ")),"
    " (SELECT COUNT(*) FROM scan_findings p WHERE p.scan_id = ? AND NOT EXISTS"
    "  (SELECT 1 FROM scan_findings f WHERE f.scan_id = ? AND " SAME_PORT("f", "p") "))");
static struct rp_stmt q_set_cmp = RP_STMT(
    "UPDATE scans SET prev_scan_id = ?, new_count = ?, fixed_count = ?"
    " WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_carry = RP_STMT(
    "UPDATE scan_findings f JOIN scan_findings p ON p.scan_id = ? AND " SAME_PORT("p", "f")
    " JOIN actions a ON a.id = p.action_id AND " OPEN_ACTION("a")
    " SET f.action_id = p.action_id WHERE f.scan_id = ? AND f.action_id IS NULL");
static struct rp_stmt q_delete = RP_STMT(
    "DELETE FROM scans WHERE id = ? AND client_id = ? AND firm_id = ?");
/* Writers lock the establishment's row first, then what they change:
 * one order for imports, deletions and findings turned into actions. */
static struct rp_stmt q_scan_date = RP_STMT(
    "SELECT establishment_id, DATE_FORMAT(scanned_at, '%Y-%m-%d %H:%i:%s'), " DATE("scanned_at")
    " FROM scans WHERE id = ? AND client_id = ? AND firm_id = ?");
/* A scan's findings, the worst first; args: previous scan (or 0), scan,
 * firm, limit. */
static struct rp_stmt q_findings = RP_STMT(
    "SELECT f.id, f.host, f.hostname, f.port, f.protocol, f.service, f.product, f.version,"
    " f.severity, f.rule, f.in_targets, f.action_id, a.title, a.status,"
    " EXISTS (SELECT 1 FROM scan_findings p WHERE p.scan_id = ? AND " SAME_PORT("p", "f") ")"
    " FROM scan_findings f LEFT JOIN actions a ON a.id = f.action_id"
    " WHERE f.scan_id = ? AND f.firm_id = ?"
    " ORDER BY f.severity, f.host, f.protocol, f.port LIMIT ?");
/* The previous scan's findings this one no longer has; args: previous,
 * firm, scan, limit. */
static struct rp_stmt q_fixed = RP_STMT(
    "SELECT p.id, p.host, p.hostname, p.port, p.protocol, p.service, p.product, p.version,"
    " p.severity, p.rule, p.in_targets, p.action_id, a.title, a.status, 0"
    " FROM scan_findings p LEFT JOIN actions a ON a.id = p.action_id"
    " WHERE p.scan_id = ? AND p.firm_id = ? AND NOT EXISTS"
    "  (SELECT 1 FROM scan_findings f WHERE f.scan_id = ? AND " SAME_PORT("f", "p") ")"
    " ORDER BY p.severity, p.host, p.protocol, p.port LIMIT ?");
static struct rp_stmt q_outside = RP_STMT(
    "SELECT COUNT(DISTINCT host) FROM scan_findings WHERE scan_id = ? AND firm_id = ?"
    " AND in_targets = 0");
static struct rp_stmt q_prev_date = RP_STMT(
    "SELECT " DATE("scanned_at") " FROM scans WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_finding = RP_STMT(
    "SELECT f.scan_id, f.host, f.hostname, f.port, f.protocol, f.service, f.product,"
    " f.version, f.severity, f.rule, f.action_id, s.establishment_id, e.name,"
    " DATE_FORMAT(s.scanned_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(s.scanned_at, ?)"
    " FROM scan_findings f JOIN scans s ON s.id = f.scan_id"
    " JOIN establishments e ON e.id = s.establishment_id"
    " WHERE f.id = ? AND f.client_id = ? AND f.firm_id = ?");
static struct rp_stmt q_finding_lock = RP_STMT(
    "SELECT action_id FROM scan_findings WHERE id = ? AND client_id = ? AND firm_id = ? FOR UPDATE");
/* The same port in this scan and the establishment's later ones, where
 * no action is linked yet. */
static struct rp_stmt q_link_action = RP_STMT(
    "UPDATE scan_findings f JOIN scans s ON s.id = f.scan_id SET f.action_id = ?"
    " WHERE s.establishment_id = ? AND s.firm_id = ? AND s.scanned_at >= ?"
    " AND f.host = ? AND f.protocol = ? AND f.port = ? AND f.action_id IS NULL");

static struct json_object *
str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

/* ------------------------------------------------------------ access --- */

int
rp_scans_client(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_clients_module(req, id, RP_SCAN_MODULE, c);
}

int
rp_scans_owner(struct rp_req *req, struct rp_stmt *client_of, long long id, const char *missing,
    struct rp_client *c)
{
	if (rp_clients_owner(req, client_of, id, missing, c) != 0)
		return -1;
	if (!rp_clients_has_module(c, RP_SCAN_MODULE))
		return rp_fail(req, 404, "not_found", NULL, missing);
	return 0;
}

int
rp_scans_of(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_scans_owner(req, &q_scan_client, id, "No such scan.", c);
}

int
rp_findings_of(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_scans_owner(req, &q_finding_client, id, "No such finding.", c);
}

int
rp_scans_estab(struct rp_req *req, const struct rp_client *c, long long estab,
    const char *field, const char **name)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_estab, a, RP_NELEM(a), &res) != 0)
		return -1;
	/* Another client's establishment is "not found", as anywhere. */
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", field, "No such establishment of this client.");
	if (res.rows[0][1] != NULL)
		return rp_fail(req, 409, "merged", field,
		    "This establishment was merged into another one: use the survivor.");
	if (name != NULL)
		*name = res.rows[0][0];
	return 0;
}

/* ------------------------------------------------------------ import --- */

/* "YYYY-MM-DD HH:MM:SS" of a time, in the arena. */
static const char *
sql_time(struct rp_req *req, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	gmtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	return rp_strdup(req->arena, buf);
}

/* The establishment's declared targets, parsed (they are stored
 * normalised: a row that no longer parses is left out). */
static int
load_targets(struct rp_req *req, const struct rp_client *c, long long estab,
    struct rp_net_target **out, size_t *n)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(c->firm_id), RP_AINT(MAX_TARGETS) };
	struct rp_dbres res;
	const char *msg;

	*n = 0;
	if (rp_db_do(req, &q_targets, a, RP_NELEM(a), &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++)
		if (rp_net_target_parse(res.rows[i][0], &(*out)[*n], &msg) == 0)
			(*n)++;
	return 0;
}

/* Write the comparison of scan `id` (dated at) with the establishment's
 * scan before it. */
static int
compare(struct rp_req *req, long long firm, long long estab, long long id, const char *at,
    long long *prev, long long *added, long long *fixed)
{
	struct rp_dbarg p[] = { RP_AINT(estab), RP_AINT(firm), RP_ASTR(at) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_prev, p, RP_NELEM(p), &res) != 0)
		return -1;
	*prev = res.nrows ? rp_cell_num(res.rows[0][0]) : 0;
	struct rp_dbarg d[] = { RP_AINT(id), RP_AINT(*prev), RP_AINT(*prev), RP_AINT(id) };
	if (rp_db_do(req, &q_diff, d, RP_NELEM(d), &res) != 0)
		return -1;
	*added = rp_cell_num(rp_db_cell(&res, 0, 0));
	*fixed = rp_cell_num(rp_db_cell(&res, 0, 1));
	struct rp_dbarg u[] = { *prev ? RP_AINT(*prev) : RP_ANULL, RP_AINT(*added),
	    RP_AINT(*fixed), RP_AINT(id), RP_AINT(firm) };
	return rp_db_do(req, &q_set_cmp, u, RP_NELEM(u), NULL);
}

/* Rewrite the comparison of the scan following date `at`, if any. */
static int
compare_next(struct rp_req *req, long long firm, long long estab, const char *at)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(firm), RP_ASTR(at) };
	struct rp_dbres res;
	long long prev, added, fixed;

	if (rp_db_do(req, &q_next, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	return compare(req, firm, estab, rp_cell_num(res.rows[0][0]), res.rows[0][1], &prev, &added,
	    &fixed);
}

static int
insert_findings(struct rp_req *req, const struct rp_client *c, long long scan,
    const struct rp_scan_doc *doc, const struct rp_net_target *t, size_t nt)
{
	for (size_t i = 0; i < doc->nfindings; i++) {
		const struct rp_scan_finding *f = &doc->findings[i];
		bool in = false;
		for (size_t k = 0; k < nt && !in; k++)
			in = rp_net_target_covers(&t[k], f->host, f->hostname);
		struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(scan),
		    RP_ASTR(f->host), RP_ASTR(f->hostname), RP_AINT(f->port),
		    RP_ASTR(f->protocol), RP_ASTR(f->service), RP_ASTR(f->product),
		    RP_ASTR(f->version), RP_ASTR(rp_scan_severity_key(f->severity)),
		    RP_ASTR(f->rule), nt ? RP_AINT(in) : RP_ANULL };
		if (rp_db_do(req, &q_insert_finding, a, RP_NELEM(a), NULL) != 0)
			return -1;
	}
	return 0;
}

int
rp_scans_import(struct rp_req *req, const struct rp_client *c, long long estab,
    const char *field, const char *file_name, const struct rp_scan_doc *doc, long long *id)
{
	struct rp_net_target *targets;
	struct rp_dbres res;
	size_t nt;
	long long prev, added, fixed;
	const char *at = sql_time(req, doc->scanned_at);

	if (doc->scanned_at > (long long)time(NULL) + FUTURE_SLACK)
		return rp_fail(req, 400, "future_date", field,
		    "The scan is dated in the future: check the file's date.");
	if (rp_scans_estab(req, c, estab, "establishment_id", NULL) != 0 ||
	    load_targets(req, c, estab, &targets, &nt) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg k[] = { RP_AINT(estab), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg w[] = { RP_AINT(estab), RP_AINT(c->firm_id), RP_ASTR(at) };
	if (rp_db_do(req, &q_lock_estab, k, RP_NELEM(k), &res) != 0 ||
	    rp_db_do(req, &q_dated, w, RP_NELEM(w), &res) != 0)
		goto fail;
	if (res.nrows > 0) {
		rp_fail(req, 409, "scan_exists", field,
		    "This establishment already has a scan at this date and time.");
		goto fail;
	}
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(estab),
	    RP_ASTR(at), RP_ASTR(doc->format), RP_ASTR(doc->scanner),
	    RP_ASTR(file_name ? file_name : ""), RP_AINT((long long)doc->hosts),
	    RP_AINT((long long)doc->nfindings), RP_AINT((long long)doc->by_severity[RP_SEV_HIGH]),
	    RP_AINT((long long)doc->by_severity[RP_SEV_MEDIUM]),
	    RP_AINT((long long)doc->by_severity[RP_SEV_LOW]),
	    RP_AINT((long long)doc->by_severity[RP_SEV_INFO]), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	if (insert_findings(req, c, *id, doc, targets, nt) != 0 ||
	    compare(req, c->firm_id, estab, *id, at, &prev, &added, &fixed) != 0)
		goto fail;
	struct rp_dbarg y[] = { RP_AINT(prev), RP_AINT(*id) };
	if ((prev && rp_db_do(req, &q_carry, y, RP_NELEM(y), NULL) != 0) ||
	    compare_next(req, c->firm_id, estab, at) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(estab));
	rp_jadd(d, "scanned_at", json_object_new_string(at));
	rp_jadd(d, "format", json_object_new_string(doc->format));
	rp_jadd(d, "hosts", json_object_new_int64((long long)doc->hosts));
	rp_jadd(d, "open_ports", json_object_new_int64((long long)doc->nfindings));
	for (int s = 0; s < RP_SEV__COUNT; s++)
		json_object_object_add(d, rp_scan_severity_key(s),
		    json_object_new_int64((long long)doc->by_severity[s]));
	rp_jadd(d, "new", json_object_new_int64(added));
	rp_jadd(d, "fixed", json_object_new_int64(fixed));
	if (rp_audit(req, "scan.import", "scan", *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* ----------------------------------------------------------- reading --- */

static struct json_object *
scan_json(char **r)
{
	struct json_object *o = json_object_new_object(), *sev = json_object_new_object();
	static const enum scol sevcol[RP_SEV__COUNT] = { S_HIGH, S_MEDIUM, S_LOW, S_INFO };

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[S_ID])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[S_CLIENT])));
	rp_jadd(o, "establishment_id", json_object_new_int64(rp_cell_num(r[S_ESTAB])));
	rp_jadd(o, "establishment_name", json_object_new_string(r[S_ESTAB_NAME]));
	rp_jadd(o, "scanned_at", json_object_new_string(r[S_AT]));
	if (r[S_AT_TEXT] != NULL)
		rp_jadd(o, "scanned_at_text", json_object_new_string(r[S_AT_TEXT]));
	rp_jadd(o, "format", json_object_new_string(r[S_FORMAT]));
	rp_jadd(o, "scanner", json_object_new_string(r[S_SCANNER]));
	rp_jadd(o, "file_name", json_object_new_string(r[S_FILE]));
	rp_jadd(o, "hosts", json_object_new_int64(rp_cell_num(r[S_HOSTS])));
	rp_jadd(o, "open_ports", json_object_new_int64(rp_cell_num(r[S_PORTS])));
	for (int s = 0; s < RP_SEV__COUNT; s++)
		json_object_object_add(sev, rp_scan_severity_key(s),
		    json_object_new_int64(rp_cell_num(r[sevcol[s]])));
	rp_jadd(o, "findings_by_severity", sev);
	rp_jadd(o, "previous_scan_id", r[S_PREV] ? json_object_new_int64(rp_cell_num(r[S_PREV])) : NULL);
	rp_jadd(o, "new", json_object_new_int64(rp_cell_num(r[S_NEW])));
	rp_jadd(o, "fixed", json_object_new_int64(rp_cell_num(r[S_FIXED])));
	rp_jadd(o, "still_open", json_object_new_int64(rp_cell_num(r[S_PORTS]) - rp_cell_num(r[S_NEW])));
	rp_jadd(o, "imported_at", json_object_new_string(r[S_IMPORTED_AT]));
	rp_jadd(o, "imported_by", r[S_IMPORTED_BY] ?
	    json_object_new_int64(rp_cell_num(r[S_IMPORTED_BY])) : NULL);
	rp_jadd(o, "imported_by_name", str_or_null(r[S_IMPORTER]));
	return o;
}

struct json_object *
rp_scans_list(struct rp_req *req, const struct rp_client *c, long long estab,
    const char *datefmt, long long limit, long long offset, long long *total)
{
	const char *fmt = datefmt ? datefmt : "";
	struct rp_dbarg a[] = { RP_ASTR(fmt), RP_ASTR(fmt), RP_AINT(c->id), RP_AINT(c->firm_id),
	    RP_AINT(estab), RP_AINT(estab), RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_count, a + 2, 4, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &q_list, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, scan_json(res.rows[i]));
	return arr;
}

/* A finding row of q_findings or q_fixed. */
static struct json_object *
finding_json(char **r, bool fixed)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "host", json_object_new_string(r[1]));
	rp_jadd(o, "hostname", json_object_new_string(r[2]));
	rp_jadd(o, "port", json_object_new_int64(rp_cell_num(r[3])));
	rp_jadd(o, "protocol", json_object_new_string(r[4]));
	rp_jadd(o, "service", json_object_new_string(r[5]));
	rp_jadd(o, "product", json_object_new_string(r[6]));
	rp_jadd(o, "version", json_object_new_string(r[7]));
	rp_jadd(o, "severity", json_object_new_string(r[8]));
	rp_jadd(o, "rule", json_object_new_string(r[9]));
	rp_jadd(o, "in_targets", r[10] ? json_object_new_boolean(rp_cell_num(r[10]) != 0) : NULL);
	rp_jadd(o, "change", json_object_new_string(fixed ? "fixed" :
	    rp_cell_num(r[14]) ? "still_open" : "new"));
	rp_jadd(o, "action_id", r[11] ? json_object_new_int64(rp_cell_num(r[11])) : NULL);
	if (r[11] != NULL) {
		struct json_object *a = json_object_new_object();
		rp_jadd(a, "id", json_object_new_int64(rp_cell_num(r[11])));
		rp_jadd(a, "title", str_or_null(r[12]));
		rp_jadd(a, "status", str_or_null(r[13]));
		rp_jadd(o, "action", a);
	} else {
		rp_jadd(o, "action", NULL);
	}
	return o;
}

static struct json_object *
findings_array(struct rp_dbres *res, bool fixed)
{
	struct json_object *arr = json_object_new_array();

	for (size_t i = 0; i < res->nrows; i++)
		json_object_array_add(arr, finding_json(res->rows[i], fixed));
	return arr;
}

struct json_object *
rp_scan_get(struct rp_req *req, const struct rp_client *c, long long id, const char *datefmt)
{
	const char *fmt = datefmt ? datefmt : "";
	struct rp_dbarg a[] = { RP_ASTR(fmt), RP_ASTR(fmt), RP_AINT(id), RP_AINT(c->id),
	    RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_one(req, &q_get, a, RP_NELEM(a), &res, "No such scan.") != 0)
		return NULL;
	struct json_object *o = scan_json(res.rows[0]);
	long long prev = rp_cell_num(res.rows[0][S_PREV]);
	/* Every finding: a scan holds at most RP_SCAN_MAX_PORTS. */
	struct rp_dbarg f[] = { RP_AINT(prev), RP_AINT(id), RP_AINT(c->firm_id),
	    RP_AINT(RP_SCAN_MAX_PORTS) };
	if (rp_db_do(req, &q_findings, f, RP_NELEM(f), &res) != 0)
		goto fail;
	rp_jadd(o, "findings", findings_array(&res, false));
	struct rp_dbarg x[] = { RP_AINT(prev), RP_AINT(c->firm_id), RP_AINT(id),
	    RP_AINT(RP_SCAN_MAX_PORTS) };
	if (rp_db_do(req, &q_fixed, x, RP_NELEM(x), &res) != 0)
		goto fail;
	rp_jadd(o, "fixed_findings", findings_array(&res, true));
	struct rp_dbarg p[] = { RP_AINT(prev), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_prev_date, p, RP_NELEM(p), &res) != 0)
		goto fail;
	rp_jadd(o, "previous_scanned_at", str_or_null(rp_db_cell(&res, 0, 0)));
	struct rp_dbarg t[] = { RP_AINT(id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_outside, t, RP_NELEM(t), &res) != 0)
		goto fail;
	rp_jadd(o, "hosts_outside_targets", json_object_new_int64(rp_cell_num(rp_db_cell(&res, 0, 0))));
	return o;
fail:
	json_object_put(o);
	return NULL;
}

/* ---------------------------------------------------------- deleting --- */

int
rp_scans_delete(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_db_one(req, &q_scan_date, k, RP_NELEM(k), &res, "No such scan.") != 0)
		goto fail;
	long long estab = rp_cell_num(res.rows[0][0]);
	const char *at = res.rows[0][1];
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(estab));
	rp_jadd(d, "scanned_at", json_object_new_string(res.rows[0][2]));
	struct rp_dbarg e[] = { RP_AINT(estab), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_lock_estab, e, RP_NELEM(e), &res) != 0 ||
	    rp_db_do(req, &q_delete, k, RP_NELEM(k), &res) != 0) {
		json_object_put(d);
		goto fail;
	}
	/* Deleted meanwhile by another request: gone all the same. */
	if (res.affected != 1) {
		json_object_put(d);
		rp_fail(req, 404, "not_found", NULL, "No such scan.");
		goto fail;
	}
	if (compare_next(req, c->firm_id, estab, at) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "scan.delete", "scan", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* ------------------------------------------------------------ merging --- */

static struct rp_stmt q_lock_estab_id = RP_STMT(
    "SELECT id FROM establishments WHERE id = ? AND firm_id = ? FOR UPDATE");
static struct rp_stmt q_merge_targets = RP_STMT(
    "INSERT IGNORE INTO scan_targets (firm_id, client_id, establishment_id, kind, value, label,"
    " created_at, created_by) SELECT firm_id, client_id, ?, kind, value, label, created_at,"
    " created_by FROM scan_targets WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_drop_targets = RP_STMT(
    "DELETE FROM scan_targets WHERE establishment_id = ? AND firm_id = ?");
/* A scan at a date the survivor already has stays with the duplicate. */
static struct rp_stmt q_merge_scans = RP_STMT(
    "UPDATE IGNORE scans SET establishment_id = ? WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_dates = RP_STMT(
    "SELECT id, DATE_FORMAT(scanned_at, '%Y-%m-%d %H:%i:%s') FROM scans"
    " WHERE establishment_id = ? AND firm_id = ? ORDER BY scanned_at");

/* Rewrite the comparison of every scan of an establishment. */
static int
compare_all(struct rp_req *req, long long firm, long long estab)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(firm) };
	struct rp_dbres res;
	long long prev, added, fixed;

	if (rp_db_do(req, &q_dates, a, RP_NELEM(a), &res) != 0)
		return -1;
	for (size_t i = 0; i < res.nrows; i++)
		if (compare(req, firm, estab, rp_cell_num(res.rows[i][0]), res.rows[i][1], &prev, &added,
		    &fixed) != 0)
			return -1;
	return 0;
}

int
rp_scans_merge(struct rp_req *req, long long firm, long long dup, long long survivor)
{
	struct rp_dbarg d[] = { RP_AINT(dup), RP_AINT(firm) };
	struct rp_dbarg mv[] = { RP_AINT(survivor), RP_AINT(dup), RP_AINT(firm) };

	/* The duplicate's row first, as every writer of its scans does. */
	if (rp_db_do(req, &q_lock_estab_id, d, RP_NELEM(d), NULL) != 0 ||
	    rp_db_do(req, &q_merge_targets, mv, RP_NELEM(mv), NULL) != 0 ||
	    rp_db_do(req, &q_drop_targets, d, RP_NELEM(d), NULL) != 0 ||
	    rp_db_do(req, &q_merge_scans, mv, RP_NELEM(mv), NULL) != 0)
		return -1;
	return compare_all(req, firm, survivor) != 0 || compare_all(req, firm, dup) != 0 ? -1 : 0;
}

/* --------------------------------------------------- finding → action --- */

/* text with each {name} of names[] replaced by vals[] (unknown ones
 * kept), in the arena: the language files word the sentences, the code
 * fills them. */
static const char *
fill(struct rp_req *req, const char *text, const char *const *names, const char *const *vals,
    size_t n)
{
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	for (const char *p = text; *p;) {
		size_t k = n;
		if (*p == '{')
			for (k = 0; k < n; k++) {
				size_t len = strlen(names[k]);
				if (strncmp(p + 1, names[k], len) == 0 && p[1 + len] == '}')
					break;
			}
		if (k < n) {
			rp_buf_puts(&b, vals[k]);
			p += strlen(names[k]) + 2;
		} else {
			rp_buf_add(&b, p++, 1);
		}
	}
	return rp_buf_str(&b);
}

/* At most max characters of s (UTF-8), for a column's length. */
static const char *
clip(struct rp_req *req, const char *s, size_t max)
{
	size_t chars = 0, i = 0;

	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > max)
			return rp_strndup(req->arena, s, i);
	return s;
}

/* "YYYY-MM-DD", days from today (UTC). */
static const char *
due_in(struct rp_req *req, int days)
{
	return rp_strndup(req->arena, sql_time(req, (long long)time(NULL) +
	    (long long)days * 86400), 10);
}

int
rp_findings_action(struct rp_req *req, const struct rp_client *c, long long id,
    long long *action, long long *scan)
{
	struct rp_dbres res;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg k[] = { RP_ASTR(rp_lang_text(req, "Lang.formats.datetime")), RP_AINT(id),
	    RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_one(req, &q_finding, k, RP_NELEM(k), &res, "No such finding.") != 0)
		goto fail;
	char **r = res.rows[0];
	*scan = rp_cell_num(r[0]);
	struct rp_dbarg e[] = { RP_AINT(rp_cell_num(r[11])), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg f[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres lock;
	if (rp_db_do(req, &q_lock_estab, e, RP_NELEM(e), &lock) != 0 ||
	    rp_db_do(req, &q_finding_lock, f, RP_NELEM(f), &lock) != 0)
		goto fail;
	if (lock.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such finding.");
		goto fail;
	}
	if (lock.rows[0][0] != NULL) {
		rp_fail(req, 409, "already_linked", NULL,
		    "This finding is already followed by an action.");
		goto fail;
	}
	int sev = -1;
	for (int s = 0; s < RP_SEV__COUNT; s++)
		if (strcmp(r[8], rp_scan_severity_key(s)) == 0)
			sev = s;
	if (sev < 0)
		sev = RP_SEV_INFO;
	const char *rule = rp_lang_text(req, rp_printf(req->arena, "Lang.scan.rules.%s", r[9]));
	const char *sevname = rp_lang_text(req, rp_printf(req->arena, "Lang.enums.scan_severity.%s",
	    r[8]));
	const char *port = rp_printf(req->arena, "%s/%s", r[3], r[4]);
	const char *hostname = *r[2] ? rp_printf(req->arena, " (%s)", r[2]) : "";
	const char *service = rp_printf(req->arena, "%s%s%s%s%s", *r[5] ? r[5] : "?",
	    *r[6] ? " — " : "", r[6], *r[7] ? " " : "", r[7]);
	static const char *const names[] = { "rule", "host", "hostname", "port", "service",
		"severity", "establishment", "date" };
	const char *vals[] = { *rule ? rule : r[9], r[1], hostname, port, service, sevname,
		r[12], r[14] };
	const char *title = clip(req, fill(req, rp_lang_text(req, "Lang.scan.action.title"),
	    names, vals, RP_NELEM(names)), 200);
	const char *desc = rp_printf(req->arena, "%s\n\n%s",
	    fill(req, rp_lang_text(req, "Lang.scan.action.found"), names, vals, RP_NELEM(names)),
	    rp_lang_text(req, rp_printf(req->arena, "Lang.scan.advice.%s", r[9])));
	const char *due = action_rule[sev].due_days ? due_in(req, action_rule[sev].due_days) :
	    NULL;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "finding_id", json_object_new_int64(id));
	rp_jadd(d, "scan_id", json_object_new_int64(rp_cell_num(r[0])));
	if (rp_actions_insert(req, c, title, desc, action_rule[sev].priority, due, req->user->id,
	    d, action) != 0)
		goto fail;
	struct rp_dbarg l[] = { RP_AINT(*action), RP_AINT(rp_cell_num(r[11])), RP_AINT(c->firm_id),
	    RP_ASTR(r[13]), RP_ASTR(r[1]), RP_ASTR(r[4]), RP_AINT(rp_cell_num(r[3])) };
	if (rp_db_do(req, &q_link_action, l, RP_NELEM(l), &res) != 0)
		goto fail;
	d = json_object_new_object();
	rp_jadd(d, "action_id", json_object_new_int64(*action));
	rp_jadd(d, "linked_findings", json_object_new_int64(res.affected));
	if (rp_audit(req, "finding.action", "finding", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
