/* Exposure of establishments: the latest scan of each, and its history. */
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "db.h"
#include "establishments.h"
#include "exposure.h"
#include "json.h"
#include "request.h"
#include "scans.h"
#include "util.h"

/* The latest scan of each establishment: the one whose date is the
 * greatest of its establishment's (one per date, by key). */
static struct rp_stmt q_latest = RP_STMT(
    "SELECT s.establishment_id, e.name, s.id, DATE_FORMAT(s.scanned_at, '%Y-%m-%dT%H:%i:%sZ'),"
    " IF(? = '', NULL, DATE_FORMAT(s.scanned_at, ?)), s.hosts, s.open_ports, s.new_count,"
    " s.fixed_count, s.high, s.medium, s.low, s.info, s.prev_scan_id"
    " FROM scans s JOIN establishments e ON e.id = s.establishment_id"
    " WHERE s.client_id = ? AND s.firm_id = ? AND e.merged_into IS NULL"
    " AND s.scanned_at = (SELECT MAX(x.scanned_at) FROM scans x"
    "  WHERE x.establishment_id = s.establishment_id)"
    " ORDER BY s.high DESC, s.medium DESC, e.name, s.establishment_id");
static struct rp_stmt q_latest_of = RP_STMT(
    "SELECT id FROM scans WHERE establishment_id = ? AND client_id = ? AND firm_id = ?"
    " ORDER BY scanned_at DESC LIMIT 1");

bool
rp_exposure_shown(const struct rp_req *req, const struct rp_client *c)
{
	return req->user != NULL &&
	    (req->user->features & RP_FEAT_BIT(RP_FEAT_MONITORING)) != 0 &&
	    rp_clients_has_module(c, RP_SCAN_MODULE);
}

int
rp_exposure_client_of(struct rp_req *req, long long estab, struct rp_client *c)
{
	struct rp_estab e;
	int found = rp_estabs_get(req, estab, &e);

	if (found < 0)
		return -1;
	if (found == 0 || (found = rp_clients_get(req, e.client_id, c)) == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such establishment.");
	if (found < 0)
		return -1;
	if (!rp_clients_has_module(c, RP_SCAN_MODULE))
		return rp_fail(req, 404, "not_found", NULL,
		    "This module is not enabled for this client.");
	return 0;
}

int
rp_exposure_latest(struct rp_req *req, const struct rp_client *c, const char *datefmt,
    struct rp_exposure **out, size_t *n)
{
	struct rp_db_part p;

	*n = 0;
	rp_exposure_latest_part(req, c, datefmt, &p);
	if (rp_db_part_do(req, &p) != 0)
		return -1;
	rp_exposure_latest_of(req, &p.res, out, n);
	return 0;
}

void
rp_exposure_latest_part(struct rp_req *req, const struct rp_client *c, const char *datefmt,
    struct rp_db_part *p)
{
	const char *fmt = datefmt ? datefmt : "";
	struct rp_dbarg a[] = { RP_ASTR(fmt), RP_ASTR(fmt), RP_AINT(c->id), RP_AINT(c->firm_id) };

	*p = (struct rp_db_part){ &q_latest, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

void
rp_exposure_latest_of(struct rp_req *req, const struct rp_dbres *res, struct rp_exposure **out,
    size_t *n)
{
	*out = rp_calloc(req->arena, res->nrows ? res->nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res->nrows; i++) {
		char **r = res->rows[i];
		struct rp_exposure *x = &(*out)[i];
		x->estab = rp_cell_num(r[0]);
		x->estab_name = r[1];
		x->scan = rp_cell_num(r[2]);
		x->scanned_at = r[3];
		x->scanned_at_text = r[4];
		x->hosts = rp_cell_num(r[5]);
		x->open_ports = rp_cell_num(r[6]);
		x->new_count = rp_cell_num(r[7]);
		x->fixed_count = rp_cell_num(r[8]);
		for (int s = 0; s < RP_SEV__COUNT; s++)
			x->sev[s] = rp_cell_num(r[9 + s]);
		x->prev = rp_cell_num(r[13]);
	}
	*n = res->nrows;
}

static struct json_object *
severities(const long long *sev)
{
	struct json_object *o = json_object_new_object();

	for (int s = 0; s < RP_SEV__COUNT; s++)
		json_object_object_add(o, rp_scan_severity_key(s), json_object_new_int64(sev[s]));
	return o;
}

struct json_object *
rp_exposure_client_json(struct rp_req *req, const struct rp_client *c)
{
	struct rp_exposure *x;
	long long total[RP_SEV__COUNT] = { 0 }, ports = 0, added = 0, fixed = 0;
	size_t n;

	if (rp_exposure_latest(req, c, NULL, &x, &n) != 0)
		return NULL;
	struct json_object *o = json_object_new_object(), *list = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		struct json_object *e = json_object_new_object();
		rp_jadd(e, "establishment_id", json_object_new_int64(x[i].estab));
		rp_jadd(e, "establishment_name", json_object_new_string(x[i].estab_name));
		rp_jadd(e, "scan_id", json_object_new_int64(x[i].scan));
		rp_jadd(e, "scanned_at", json_object_new_string(x[i].scanned_at));
		rp_jadd(e, "hosts", json_object_new_int64(x[i].hosts));
		rp_jadd(e, "open_ports", json_object_new_int64(x[i].open_ports));
		rp_jadd(e, "findings_by_severity", severities(x[i].sev));
		rp_jadd(e, "previous_scan_id", x[i].prev ? json_object_new_int64(x[i].prev) : NULL);
		rp_jadd(e, "new", json_object_new_int64(x[i].new_count));
		rp_jadd(e, "fixed", json_object_new_int64(x[i].fixed_count));
		json_object_array_add(list, e);
		for (int s = 0; s < RP_SEV__COUNT; s++)
			total[s] += x[i].sev[s];
		ports += x[i].open_ports;
		/* A first scan's findings are all "new": not news. */
		added += x[i].prev ? x[i].new_count : 0;
		fixed += x[i].fixed_count;
	}
	struct json_object *t = json_object_new_object();
	rp_jadd(t, "findings_by_severity", severities(total));
	rp_jadd(t, "open_ports", json_object_new_int64(ports));
	rp_jadd(t, "new", json_object_new_int64(added));
	rp_jadd(t, "fixed", json_object_new_int64(fixed));
	rp_jadd(o, "establishments", list);
	rp_jadd(o, "totals", t);
	rp_jadd(o, "scanned", json_object_new_int64((long long)n));
	rp_jadd(o, "establishments_total", json_object_new_int64(c->establishments));
	return o;
}

/* Outside the Pilot, a finding says nothing of the plan's actions. */
static void
drop_actions(struct json_object *scan)
{
	static const char *const lists[] = { "findings", "fixed_findings" };
	struct json_object *l;

	for (size_t k = 0; k < RP_NELEM(lists); k++) {
		if (!json_object_object_get_ex(scan, lists[k], &l))
			continue;
		for (size_t i = 0; i < json_object_array_length(l); i++) {
			json_object_object_del(json_object_array_get_idx(l, i), "action");
			json_object_object_del(json_object_array_get_idx(l, i), "action_id");
		}
	}
}

struct json_object *
rp_exposure_estab_json(struct rp_req *req, const struct rp_client *c, long long estab,
    const char *datefmt, long long limit, long long offset)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;
	struct json_object *latest = NULL, *items, *h;
	long long total;

	if (rp_db_do(req, &q_latest_of, a, RP_NELEM(a), &res) != 0)
		return NULL;
	if (res.nrows == 1) {
		if ((latest = rp_scan_get(req, c, rp_cell_num(res.rows[0][0]), datefmt)) == NULL)
			return NULL;
		if (!c->vciso)
			drop_actions(latest);
	}
	if ((items = rp_scans_list(req, c, estab, datefmt, limit, offset, &total)) == NULL) {
		json_object_put(latest);
		return NULL;
	}
	struct json_object *o = json_object_new_object();
	rp_jadd(o, "establishment_id", json_object_new_int64(estab));
	rp_jadd(o, "latest", latest);
	h = json_object_new_object();
	rp_jadd(h, "items", items);
	rp_jadd(h, "total", json_object_new_int64(total));
	rp_jadd(o, "history", h);
	return o;
}
