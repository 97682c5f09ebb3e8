/* The portfolio: one row of clients per client, the Pilot's figures for
 * the caller's own missions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "compliance.h"
#include "db.h"
#include "enums.h"
#include "exposure.h"
#include "export.h"
#include "input.h"
#include "json.h"
#include "portfolio.h"
#include "request.h"
#include "scans.h"
#include "scope.h"
#include "usage-answers.h"
#include "usage.h"
#include "util.h"

const char *const rp_portfolio_sorts[] = { "name", "last_activity", "compliance", "overdue",
	"open_actions", "risks", "plan", "status", "mission_type" };
const unsigned long rp_portfolio_nsorts = RP_NELEM(rp_portfolio_sorts);

/* Open actions past their due date (app/actions.c OVERDUE), through the
 * index (client_id, status, due_date): two short range reads. */
#define OVERDUE \
    "(SELECT COUNT(*) FROM actions a WHERE a.client_id = c.id" \
    " AND a.status IN ('todo', 'in_progress') AND a.due_date < CURDATE())"
#define COLUMNS \
    "c.id, c.firm_id, c.name, c.mission_type, c.plan, c.status, c.billing_mode," \
    " c.billing_email, c.modules, DATE_FORMAT(c.created_at, '%Y-%m-%dT%H:%i:%sZ')," \
    " c.establishments_count, c.open_actions, c.compliance_pct, c.vciso_ids," \
    " DATE_FORMAT(c.last_activity_at, '%Y-%m-%dT%H:%i:%sZ'), c.risks_low, c.risks_medium," \
    " c.risks_high, c.risks_critical, IF(FIND_IN_SET(?, c.vciso_ids), " OVERDUE ", NULL)"
#define FILTERS \
    " AND (? = '' OR c.name LIKE ?) AND (? = '' OR c.mission_type = ?)" \
    " AND (? = '' OR c.plan = ?) AND (? = '' OR c.status = ?)"
/* The Pilot's figures sort only the caller's own missions: the others
 * come after them (-1), whatever they hold. */
#define MINE(x) "IF(FIND_IN_SET(?, c.vciso_ids), " x ", -1)"
#define ORDER \
    " ORDER BY IF(? = 'desc', -1, 1) * CASE ?" \
    "  WHEN 'last_activity' THEN COALESCE(UNIX_TIMESTAMP(c.last_activity_at), 0)" \
    "  WHEN 'compliance' THEN " MINE("COALESCE(c.compliance_pct, -0.5)") \
    "  WHEN 'overdue' THEN " MINE(OVERDUE) \
    "  WHEN 'open_actions' THEN " MINE("c.open_actions") \
    "  WHEN 'risks' THEN " MINE("c.risks_critical * 1000000000 + c.risks_high * 1000000" \
    "   + c.risks_medium * 1000 + c.risks_low") \
    "  WHEN 'plan' THEN c.plan + 0 WHEN 'status' THEN c.status + 0" \
    "  WHEN 'mission_type' THEN c.mission_type + 0 ELSE 0 END," \
    " IF(? = 'name' AND ? = 'desc', c.name, NULL) DESC, c.name, c.id"
#define LIST(scope, order) RP_STMT("SELECT " COLUMNS " FROM clients c WHERE" scope FILTERS \
    order " LIMIT ? OFFSET ?")

static struct rp_stmt q_count[2] = {
	RP_STMT("SELECT COUNT(*) FROM clients c WHERE" RP_SCOPE_FIRM("c") FILTERS),
	RP_STMT("SELECT COUNT(*) FROM clients c WHERE" RP_SCOPE_CLIENT("c") FILTERS),
};
static struct rp_stmt q_list[2] = { LIST(RP_SCOPE_FIRM("c"), ORDER),
	LIST(RP_SCOPE_CLIENT("c"), ORDER) };
/* The name, the default order, has statements of its own: they walk the
 * index (firm_id, name) and stop after the page, where ORDER sorts every
 * matching client (the overdue count's CURDATE() keeps these statements
 * out of the query cache: each view runs them). */
#define BY_NAME " ORDER BY c.name, c.id"
#define BY_NAME_DESC " ORDER BY c.name DESC, c.id DESC"
static struct rp_stmt q_list_name[2] = { LIST(RP_SCOPE_FIRM("c"), BY_NAME),
	LIST(RP_SCOPE_CLIENT("c"), BY_NAME) };
static struct rp_stmt q_list_name_desc[2] = { LIST(RP_SCOPE_FIRM("c"), BY_NAME_DESC),
	LIST(RP_SCOPE_CLIENT("c"), BY_NAME_DESC) };

int
rp_portfolio_filter(struct rp_req *req, struct rp_portfolio_filter *f, bool strict)
{
	memset(f, 0, sizeof(*f));
	if (rp_query_search(req, "q", &f->q) != 0 ||
	    rp_query_enum(req, "mission_type", &rp_mission_types, strict, &f->mission_type) ||
	    rp_query_enum(req, "plan", &rp_plans, strict, &f->plan) ||
	    rp_query_enum(req, "status", &rp_client_statuses, strict, &f->status) ||
	    rp_query_sort(req, rp_portfolio_sorts, rp_portfolio_nsorts,
	    /* Figures and activity read best biggest first. */
	    0x3e, strict, &f->sort, &f->desc) != 0)
		return -1;
	return 0;
}

static struct json_object *
pct_json(const char *cell)
{
	if (cell == NULL)
		return NULL;
	double v = strtod(cell, NULL);
	char text[16];
	snprintf(text, sizeof(text), "%.1f", v);
	return json_object_new_double_s(strtod(text, NULL), text);
}

/* The Pilot's figures of client c (the caller is its vCISO). */
static struct json_object *
figures(struct rp_req *req, struct rp_client *c, char **r)
{
	struct json_object *o = json_object_new_object(), *fws, *x;

	rp_jadd(o, "compliance_pct", pct_json(c->compliance_pct));
	if ((fws = rp_compliance_summary(req, c)) == NULL)
		goto fail;
	struct json_object *list = json_object_new_array();
	for (size_t i = 0; i < json_object_array_length(fws); i++) {
		struct json_object *f = json_object_array_get_idx(fws, i), *e, *v;
		static const char *const keys[] = { "framework_id", "name", "code", "cycle",
			"compliance_pct", "assessed", "total" };
		e = json_object_new_object();
		for (size_t k = 0; k < RP_NELEM(keys); k++) {
			json_object_object_get_ex(f, keys[k], &v);
			json_object_object_add_ex(e, keys[k], json_object_get(v), JSON_C_OBJECT_ADD_CONSTANT_KEY);
		}
		json_object_array_add(list, e);
	}
	json_object_put(fws);
	rp_jadd(o, "frameworks", list);
	x = json_object_new_object();
	rp_jadd(x, "low", json_object_new_int64(rp_cell_num(r[15])));
	rp_jadd(x, "medium", json_object_new_int64(rp_cell_num(r[16])));
	rp_jadd(x, "high", json_object_new_int64(rp_cell_num(r[17])));
	rp_jadd(x, "critical", json_object_new_int64(rp_cell_num(r[18])));
	rp_jadd(o, "risks", x);
	x = json_object_new_object();
	rp_jadd(x, "open", json_object_new_int64(rp_cell_num(c->open_actions)));
	rp_jadd(x, "overdue", json_object_new_int64(rp_cell_num(r[19])));
	rp_jadd(o, "actions", x);
	/* Exposure and usage: the Pilot's widgets' rules and readers. */
	struct json_object *exp = NULL, *use = NULL;
	if (rp_exposure_shown(req, c)) {
		struct rp_exposure *e;
		size_t n;
		long long sev[RP_SEV__COUNT] = { 0 };
		if (rp_exposure_latest(req, c, NULL, &e, &n) != 0)
			goto fail;
		exp = json_object_new_object();
		rp_jadd(exp, "scanned", json_object_new_int64((long long)n));
		rp_jadd(exp, "establishments", json_object_new_int64(c->establishments));
		for (size_t i = 0; i < n; i++)
			for (int s = 0; s < RP_SEV__COUNT; s++)
				sev[s] += e[i].sev[s];
		struct json_object *bs = json_object_new_object();
		for (int s = 0; s < RP_SEV__COUNT; s++)
			json_object_object_add_ex(bs, rp_scan_severity_key(s), json_object_new_int64(sev[s]), JSON_C_OBJECT_ADD_CONSTANT_KEY);
		rp_jadd(exp, "findings_by_severity", bs);
	}
	rp_jadd(o, "exposure", exp);
	if ((req->user->features & RP_FEAT_BIT(RP_FEAT_FEEDBACK)) != 0 &&
	    rp_clients_has_module(c, RP_USAGE_MODULE)) {
		struct json_object *sc = rp_usage_scores(req, c), *v;
		if (sc == NULL)
			goto fail;
		use = json_object_new_object();
		json_object_object_get_ex(sc, "score", &v);
		rp_jadd(use, "score", json_object_get(v));
		json_object_object_get_ex(sc, "answers", &v);
		rp_jadd(use, "answers", json_object_get(v));
		json_object_put(sc);
	}
	rp_jadd(o, "usage", use);
	return o;
fail:
	json_object_put(o);
	return NULL;
}

struct json_object *
rp_portfolio_list(struct rp_req *req, const struct rp_portfolio_filter *f, long long limit,
    long long offset, long long *total)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS + 8 + 10];
	struct rp_dbres res;
	const char *v[] = { f->mission_type, f->plan, f->status };
	const char *dir = f->desc ? "desc" : "asc";
	char uid[24];
	size_t k = 0;

	snprintf(uid, sizeof(uid), "%lld", req->user->id);
	a[k++] = RP_ASTR(uid);
	k += rp_scope_args(req, a + k);
	a[k++] = RP_ASTR(f->q ? f->q : "");
	a[k++] = RP_ASTR(rp_like_pattern(req->arena, f->q));
	for (size_t i = 0; i < RP_NELEM(v); i++) {
		a[k++] = RP_ASTR(v[i] ? v[i] : "");
		a[k++] = RP_ASTR(v[i] ? v[i] : "");
	}
	/* An admin's unfiltered total is the firm's count, read with the
	 * session (as the client list's). */
	if (req->user->role == RP_ROLE_ADMIN && !f->q && !f->mission_type && !f->plan &&
	    !f->status) {
		*total = req->user->firm_clients;
	} else {
		if (rp_db_do(req, rp_scoped(req, q_count), a + 1, k - 1, &res) != 0)
			return NULL;
		*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	}
	struct rp_stmt *list = rp_scoped(req, q_list);
	if (strcmp(f->sort, "name") == 0) {
		list = f->desc ? rp_scoped(req, q_list_name_desc) : rp_scoped(req, q_list_name);
	} else {
		a[k++] = RP_ASTR(dir);
		a[k++] = RP_ASTR(f->sort);
		for (int i = 0; i < 4; i++)
			a[k++] = RP_ASTR(uid);
		a[k++] = RP_ASTR(f->sort);
		a[k++] = RP_ASTR(dir);
	}
	a[k++] = RP_AINT(limit);
	a[k++] = RP_AINT(offset);
	if (rp_db_do(req, list, a, k, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct rp_client c;
		memset(&c, 0, sizeof(c));
		rp_strtonum(r[0], 1, INT64_MAX, &c.id);
		rp_strtonum(r[1], 1, INT64_MAX, &c.firm_id);
		c.name = r[2];
		c.modules = r[8] ? r[8] : "";
		rp_strtonum(r[10], 0, INT64_MAX, &c.establishments);
		c.open_actions = r[11];
		c.compliance_pct = r[12];
		c.vciso_ids = rp_ids_parse(req->arena, r[13], &c.nvcisos);
		for (size_t n = 0; n < c.nvcisos; n++)
			c.vciso |= c.vciso_ids[n] == req->user->id;
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(c.id));
		rp_jadd(o, "name", json_object_new_string(c.name));
		json_object_array_add(arr, o);
		/* Establishment managers see a client's name only. */
		if (req->user->role == RP_ROLE_ESTABLISHMENT_MANAGER)
			continue;
		rp_jadd(o, "mission_type", json_object_new_string(r[3]));
		rp_jadd(o, "plan", json_object_new_string(r[4]));
		rp_jadd(o, "status", json_object_new_string(r[5]));
		rp_jadd(o, "last_activity_at", r[14] ? json_object_new_string(r[14]) : NULL);
		rp_jadd(o, "vciso", json_object_new_boolean(c.vciso));
		struct json_object *fig = NULL;
		if (c.vciso && (fig = figures(req, &c, r)) == NULL) {
			json_object_put(arr);
			return NULL;
		}
		rp_jadd(o, "figures", fig);
	}
	return arr;
}

/* ------------------------------------------------------------- exports --- */

/* The export's rows at most (the firm's whole portfolio, filtered). */
#define EXPORT_MAX 10000

/* The columns of the portfolio's CSV and XLSX (app/export.h), and where
 * each one's value sits in a portfolio item (NULL: computed). */
static const struct rp_col portfolio_cols[] = {
	{ "name", RP_COL_TEXT, "Lang.export.col.name", NULL },
	{ "mission_type", RP_COL_TEXT, "Lang.export.col.mission_type", NULL },
	{ "plan", RP_COL_TEXT, "Lang.export.col.plan", NULL },
	{ "status", RP_COL_TEXT, "Lang.export.col.status", NULL },
	{ "last_activity_at", RP_COL_DATETIME, "Lang.export.col.last_activity_at", NULL },
	{ "vciso", RP_COL_YESNO, "Lang.export.col.vciso", NULL },
	{ "compliance_pct", RP_COL_NUM, "Lang.export.col.compliance_pct", NULL },
	{ "frameworks", RP_COL_TEXT, "Lang.export.col.frameworks", NULL },
	{ "risks_critical", RP_COL_INT, "Lang.export.col.risks_critical", NULL },
	{ "risks_high", RP_COL_INT, "Lang.export.col.risks_high", NULL },
	{ "risks_medium", RP_COL_INT, "Lang.export.col.risks_medium", NULL },
	{ "risks_low", RP_COL_INT, "Lang.export.col.risks_low", NULL },
	{ "actions_open", RP_COL_INT, "Lang.export.col.actions_open", NULL },
	{ "actions_overdue", RP_COL_INT, "Lang.export.col.actions_overdue", NULL },
	{ "exposure_high", RP_COL_INT, "Lang.export.col.exposure_high", NULL },
	{ "exposure_medium", RP_COL_INT, "Lang.export.col.exposure_medium", NULL },
	{ "usage_score", RP_COL_NUM, "Lang.export.col.usage_score", NULL },
};
static const char *const portfolio_paths[] = { "name", "mission_type", "plan", "status",
	"last_activity_at", "vciso", "figures.compliance_pct", NULL, "figures.risks.critical",
	"figures.risks.high", "figures.risks.medium", "figures.risks.low",
	"figures.actions.open", "figures.actions.overdue",
	"figures.exposure.findings_by_severity.high",
	"figures.exposure.findings_by_severity.medium", "figures.usage.score" };
static const struct rp_table portfolio_table = { "portfolio", portfolio_cols,
	RP_NELEM(portfolio_cols) };

/* "Name: 45.0 %" per adopted framework, " | " between them. */
static const char *
frameworks_cell(struct rp_req *req, struct json_object *item)
{
	struct json_object *fws = rp_export_pick(item, "figures.frameworks");
	struct rp_buf t;

	rp_buf_init(&t, req->arena);
	for (size_t k = 0; fws != NULL && k < json_object_array_length(fws); k++) {
		struct json_object *fw = json_object_array_get_idx(fws, k);
		struct json_object *pct = rp_export_pick(fw, "compliance_pct");
		struct json_object *name = rp_export_pick(fw, "name");
		rp_buf_printf(&t, "%s%s: ", k ? " | " : "", name ? json_object_get_string(name) : "");
		if (pct != NULL)
			rp_buf_printf(&t, "%s %%", json_object_get_string(pct));
		else
			rp_buf_puts(&t, "-");
	}
	return rp_buf_str(&t);
}

int
rp_portfolio_export(struct rp_req *req, const struct rp_portfolio_filter *f,
    enum rp_export_format fmt)
{
	long long total;
	struct json_object *items = rp_portfolio_list(req, f, EXPORT_MAX, 0, &total);

	if (items == NULL)
		return -1;
	struct json_object *rows = json_object_new_array();
	for (size_t r = 0; r < json_object_array_length(items); r++) {
		struct json_object *it = json_object_array_get_idx(items, r);
		struct json_object *o = json_object_new_object();
		for (size_t i = 0; i < RP_NELEM(portfolio_cols); i++) {
			struct json_object *v = portfolio_paths[i] ?
			    json_object_get(rp_export_pick(it, portfolio_paths[i])) :
			    json_object_new_string(frameworks_cell(req, it));
			/* The CSV said "no" for a missing vCISO flag, too. */
			if (v == NULL && strcmp(portfolio_cols[i].key, "vciso") == 0)
				v = json_object_new_boolean(0);
			json_object_object_add(o, portfolio_cols[i].key, v);
		}
		json_object_array_add(rows, o);
	}
	int rc = rp_export_send(req, &portfolio_table, rows, fmt, NULL);
	json_object_put(rows);
	json_object_put(items);
	return rc;
}
