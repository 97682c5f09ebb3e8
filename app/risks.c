/* The risk register: levels, heat maps, and risks read and written in
 * transactions with their audit entries. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "export.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "risks.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define MAX_REQUIREMENTS 200	/* links of one risk */

/* The levels of a score: the one place that sets their thresholds. */
static const struct {
	const char	*key;
	int		 min, max;
} levels[RP_RISK__LEVELS] = {
	[RP_RISK_LOW] =		{ "low", 1, 4 },
	[RP_RISK_MEDIUM] =	{ "medium", 5, 9 },
	[RP_RISK_HIGH] =	{ "high", 10, 14 },
	[RP_RISK_CRITICAL] =	{ "critical", 15, 25 },
};

/* Columns of a risk, in the order of enum col. */
#define RISK_COLUMNS \
    "r.id, r.client_id, r.title, r.description, r.asset, r.threat, r.likelihood," \
    " r.impact, r.score, r.treatment, r.owner_id, r.status, r.residual_likelihood," \
    " r.residual_impact, " DATE("r.created_at") ", " DATE("r.updated_at") "," \
    " (SELECT GROUP_CONCAT(rr.requirement_id ORDER BY rr.requirement_id)" \
    "  FROM risk_requirements rr WHERE rr.risk_id = r.id)," \
    " (SELECT CASE WHEN u.first_name = '' AND u.last_name = '' THEN u.email" \
    "  ELSE CONCAT(u.first_name, ' ', u.last_name) END FROM users u WHERE u.id = r.owner_id)," \
    " (SELECT GROUP_CONCAT(ak.action_id ORDER BY ak.action_id)" \
    "  FROM action_risks ak WHERE ak.risk_id = r.id)," \
    /* the scenario of the risk analysis it comes from (one at most) */ \
    " (SELECT sc.id FROM ra_scenarios sc WHERE sc.risk_id = r.id AND sc.client_id = r.client_id)," \
    " (SELECT sc.title FROM ra_scenarios sc WHERE sc.risk_id = r.id AND sc.client_id = r.client_id)"
enum col {
	C_ID, C_CLIENT, C_TITLE, C_DESCRIPTION, C_ASSET, C_THREAT, C_LIKELIHOOD,
	C_IMPACT, C_SCORE, C_TREATMENT, C_OWNER, C_STATUS, C_RL, C_RI, C_CREATED,
	C_UPDATED, C_REQS, C_OWNER_NAME, C_ACTIONS, C_SCENARIO, C_SCENARIO_TITLE
};

#define FILTERS \
    " WHERE r.client_id = ? AND r.firm_id = ?" \
    " AND (? = '' OR r.status = ?) AND (? = '' OR r.treatment = ?)" \
    " AND r.score BETWEEN ? AND ?" \
    " AND (? = '' OR r.title LIKE ? OR r.asset LIKE ? OR r.threat LIKE ?)" \
    /* a heat-map cell: what the map counts */ \
    " AND (? = 0 OR r.status <> 'closed' OR ? = 'closed')" \
    " AND (? = 0 OR IF(? = 1, COALESCE(r.residual_likelihood, r.likelihood), r.likelihood) = ?)" \
    " AND (? = 0 OR IF(? = 1, COALESCE(r.residual_impact, r.impact), r.impact) = ?)"
#define NFILTERS 20

static struct rp_stmt q_count = RP_STMT("SELECT COUNT(*) FROM risks r" FILTERS);
static struct rp_stmt q_list = RP_STMT(
    "SELECT " RISK_COLUMNS " FROM risks r" FILTERS
    /* ORDER BY cannot bind a column: the key is a bound value from a fixed
     * list, compared in CASE arms (scores padded to sort as text). */
    " ORDER BY"
    " CASE WHEN ? = 'asc' THEN CASE ? WHEN 'title' THEN r.title"
    "  WHEN 'updated_at' THEN DATE_FORMAT(r.updated_at, '%Y%m%d%H%i%s')"
    "  ELSE LPAD(r.score, 2, '0') END END ASC,"
    " CASE WHEN ? = 'desc' THEN CASE ? WHEN 'title' THEN r.title"
    "  WHEN 'updated_at' THEN DATE_FORMAT(r.updated_at, '%Y%m%d%H%i%s')"
    "  ELSE LPAD(r.score, 2, '0') END END DESC,"
    " r.score DESC, r.title, r.id LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " RISK_COLUMNS " FROM risks r WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ?");
static struct rp_stmt q_lock = RP_STMT(
    "SELECT " RISK_COLUMNS " FROM risks r WHERE r.id = ? AND r.client_id = ? AND r.firm_id = ?"
    " FOR UPDATE");
static struct rp_stmt q_client_of = RP_STMT(
    "SELECT client_id FROM risks WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO risks (firm_id, client_id, title, description, asset, threat, likelihood,"
    " impact, treatment, owner_id, status, residual_likelihood, residual_impact, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE risks SET title = ?, description = ?, asset = ?, threat = ?, likelihood = ?,"
    " impact = ?, treatment = ?, owner_id = ?, status = ?, residual_likelihood = ?,"
    " residual_impact = ? WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_delete = RP_STMT(
    "DELETE FROM risks WHERE id = ? AND client_id = ? AND firm_id = ?");
/* An owner: an active user of the firm declared vCISO of the client. */
static struct rp_stmt q_owner_ok = RP_STMT(
    "SELECT 1 FROM users u JOIN client_vcisos v ON v.user_id = u.id AND v.client_id = ?"
    " WHERE u.id = ? AND u.firm_id = ? AND u.active = 1");
static struct rp_stmt q_owners = RP_STMT(
    "SELECT u.id, CASE WHEN u.first_name = '' AND u.last_name = '' THEN u.email"
    " ELSE CONCAT(u.first_name, ' ', u.last_name) END"
    " FROM users u JOIN client_vcisos v ON v.user_id = u.id AND v.client_id = ?"
    " WHERE u.firm_id = ? AND u.active = 1 ORDER BY u.last_name, u.first_name, u.id");
/* A requirement the client's risks may name: of a framework it adopted. */
static struct rp_stmt q_req_ok = RP_STMT(
    "SELECT r.framework_id FROM requirements r JOIN client_frameworks cf"
    " ON cf.framework_id = r.framework_id AND cf.client_id = ? AND cf.firm_id = ?"
    " WHERE r.id = ? AND r.assessable = 1");
static struct rp_stmt q_reqs = RP_STMT(
    "SELECT r.id, r.ref, CASE WHEN ? = 'en' THEN r.title_en ELSE r.title_fr END,"
    " CASE WHEN ? = 'en' THEN fw.name_en ELSE fw.name_fr END"
    " FROM client_frameworks cf JOIN frameworks fw ON fw.id = cf.framework_id"
    " JOIN requirements r ON r.framework_id = cf.framework_id AND r.assessable = 1"
    " WHERE cf.client_id = ? AND cf.firm_id = ? ORDER BY cf.adopted_at, cf.framework_id,"
    " r.position");
static struct rp_stmt q_unlink = RP_STMT("DELETE FROM risk_requirements WHERE risk_id = ?");
static struct rp_stmt q_link = RP_STMT(
    "INSERT INTO risk_requirements (risk_id, requirement_id, firm_id, client_id, framework_id)"
    " VALUES (?, ?, ?, ?, ?)");
static struct rp_stmt q_heat = RP_STMT(
    "SELECT likelihood, impact, COALESCE(residual_likelihood, 0),"
    " COALESCE(residual_impact, 0), COUNT(*) FROM risks"
    " WHERE client_id = ? AND firm_id = ? AND status <> 'closed' GROUP BY 1, 2, 3, 4");

/* ------------------------------------------------------------- rules --- */

int
rp_risk_level(long long score)
{
	for (int l = 0; l < RP_RISK__LEVELS; l++)
		if (score >= levels[l].min && score <= levels[l].max)
			return l;
	return -1;
}

const char *
rp_risk_level_key(int level)
{
	return level >= 0 && level < RP_RISK__LEVELS ? levels[level].key : NULL;
}

int
rp_risk_level_parse(const char *key)
{
	for (int l = 0; key != NULL && l < RP_RISK__LEVELS; l++)
		if (strcmp(levels[l].key, key) == 0)
			return l;
	return -1;
}

bool
rp_risk_level_range(int level, int *min, int *max)
{
	if (level < 0 || level >= RP_RISK__LEVELS)
		return false;
	*min = levels[level].min;
	*max = levels[level].max;
	return true;
}

int
rp_risk_score(long long likelihood, long long impact)
{
	if (likelihood < 1 || likelihood > RP_RISK_SCALE || impact < 1 || impact > RP_RISK_SCALE)
		return -1;
	return (int)(likelihood * impact);
}

bool
rp_risk_heat_add(struct rp_risk_heat *h, int l, int i, int rl, int ri, long long n)
{
	if (rp_risk_score(l, i) < 0 || rl < 0 || rl > RP_RISK_SCALE || ri < 0 ||
	    ri > RP_RISK_SCALE || n < 0)
		return false;
	/* Not assessed yet: the residual risk is the inherent one. */
	rl = rl ? rl : l;
	ri = ri ? ri : i;
	h->inherent[i - 1][l - 1] += n;
	h->residual[ri - 1][rl - 1] += n;
	h->by_level[rp_risk_level(rp_risk_score(l, i))] += n;
	h->residual_by_level[rp_risk_level(rp_risk_score(rl, ri))] += n;
	h->total += n;
	return true;
}

/* ------------------------------------------------------------- helpers --- */

static struct json_object *
map_json(const long long m[RP_RISK_SCALE][RP_RISK_SCALE])
{
	struct json_object *a = json_object_new_array();

	for (int i = 0; i < RP_RISK_SCALE; i++) {
		struct json_object *row = json_object_new_array();
		for (int l = 0; l < RP_RISK_SCALE; l++)
			json_object_array_add(row, json_object_new_int64(m[i][l]));
		json_object_array_add(a, row);
	}
	return a;
}

static struct json_object *
levels_json(const long long *n)
{
	struct json_object *o = json_object_new_object();

	for (int l = 0; l < RP_RISK__LEVELS; l++)
		json_object_object_add(o, levels[l].key, json_object_new_int64(n[l]));
	return o;
}

struct json_object *
rp_risk_heat_json(const struct rp_risk_heat *h)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "by_level", levels_json(h->by_level));
	rp_jadd(o, "heat_map", map_json(h->inherent));
	rp_jadd(o, "residual_heat_map", map_json(h->residual));
	rp_jadd(o, "residual_by_level", levels_json(h->residual_by_level));
	rp_jadd(o, "total", json_object_new_int64(h->total));
	return o;
}

void
rp_risks_heat_part(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	*p = (struct rp_db_part){ &q_heat, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

int
rp_risks_heat(struct rp_req *req, const struct rp_client *c, struct rp_risk_heat *h)
{
	struct rp_db_part p;

	rp_risks_heat_part(req, c, &p);
	if (rp_db_part_do(req, &p) != 0)
		return -1;
	rp_risks_heat_of(&p.res, h);
	return 0;
}

void
rp_risks_heat_of(const struct rp_dbres *res, struct rp_risk_heat *h)
{
	memset(h, 0, sizeof(*h));
	/* The table's checks keep every value in range. */
	for (size_t k = 0; k < res->nrows; k++) {
		char **r = res->rows[k];
		rp_risk_heat_add(h, (int)rp_cell_num(r[0]), (int)rp_cell_num(r[1]),
		    (int)rp_cell_num(r[2]), (int)rp_cell_num(r[3]), rp_cell_num(r[4]));
	}
}

static struct json_object *
int_or_null(const char *s)
{
	return s ? json_object_new_int64(rp_cell_num(s)) : NULL;
}

static struct json_object *
risk_json(struct rp_req *req, char **r)
{
	struct json_object *o = json_object_new_object(), *ids = json_object_new_array();
	long long score = rp_cell_num(r[C_SCORE]);
	long long rl = r[C_RL] ? rp_cell_num(r[C_RL]) : rp_cell_num(r[C_LIKELIHOOD]);
	long long ri = r[C_RI] ? rp_cell_num(r[C_RI]) : rp_cell_num(r[C_IMPACT]);
	size_t n;
	long long *reqs = rp_ids_parse(req->arena, r[C_REQS], &n);

	for (size_t i = 0; i < n; i++)
		json_object_array_add(ids, json_object_new_int64(reqs[i]));
	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[C_ID])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[C_CLIENT])));
	rp_jadd(o, "title", json_object_new_string(r[C_TITLE]));
	rp_jadd(o, "description", json_object_new_string(r[C_DESCRIPTION]));
	rp_jadd(o, "asset", json_object_new_string(r[C_ASSET]));
	rp_jadd(o, "threat", json_object_new_string(r[C_THREAT]));
	rp_jadd(o, "likelihood", json_object_new_int64(rp_cell_num(r[C_LIKELIHOOD])));
	rp_jadd(o, "impact", json_object_new_int64(rp_cell_num(r[C_IMPACT])));
	rp_jadd(o, "score", json_object_new_int64(score));
	rp_jadd(o, "level", json_object_new_string(rp_risk_level_key(
	    rp_risk_level(score))));
	rp_jadd(o, "treatment", json_object_new_string(r[C_TREATMENT]));
	rp_jadd(o, "owner_id", int_or_null(r[C_OWNER]));
	rp_jadd(o, "owner_name", r[C_OWNER_NAME] ?
	    json_object_new_string(r[C_OWNER_NAME]) : NULL);
	rp_jadd(o, "status", json_object_new_string(r[C_STATUS]));
	rp_jadd(o, "residual_likelihood", int_or_null(r[C_RL]));
	rp_jadd(o, "residual_impact", int_or_null(r[C_RI]));
	rp_jadd(o, "residual_score", json_object_new_int64(rl * ri));
	rp_jadd(o, "residual_level", json_object_new_string(rp_risk_level_key(
	    rp_risk_level(rl * ri))));
	/* The actions that treat it (linked from the action plan). */
	struct json_object *acts = json_object_new_array();
	size_t na;
	long long *aids = rp_ids_parse(req->arena, r[C_ACTIONS], &na);
	for (size_t i = 0; i < na; i++)
		json_object_array_add(acts, json_object_new_int64(aids[i]));
	rp_jadd(o, "action_ids", acts);
	rp_jadd(o, "requirement_ids", ids);
	/* Retained from a scenario of the risk analysis (app/risk-analysis.c). */
	rp_jadd(o, "scenario_id", int_or_null(r[C_SCENARIO]));
	rp_jadd(o, "scenario_title", r[C_SCENARIO_TITLE] ?
	    json_object_new_string(r[C_SCENARIO_TITLE]) : NULL);
	rp_jadd(o, "created_at", json_object_new_string(r[C_CREATED]));
	rp_jadd(o, "updated_at", json_object_new_string(r[C_UPDATED]));
	return o;
}

/* ------------------------------------------------------------ reading --- */

int
rp_risks_filter(struct rp_req *req, struct rp_risk_filter *f)
{
	static const char *const sorts[] = { "score", "title", "updated_at" };
	const char *v;

	memset(f, 0, sizeof(*f));
	f->sort = "score";
	f->desc = true;
#define EMPTY(s) ((s) == NULL || *(s) == '\0')
	if (!EMPTY(v = rp_query(req, "status"))) {
		if (rp_enum_parse(&rp_risk_statuses, v) < 0)
			return rp_fail(req, 400, "invalid", "status", "Unknown risk status.");
		f->status = v;
	}
	if (!EMPTY(v = rp_query(req, "treatment"))) {
		if (rp_enum_parse(&rp_risk_treatments, v) < 0)
			return rp_fail(req, 400, "invalid", "treatment", "Unknown treatment.");
		f->treatment = v;
	}
	if (!EMPTY(v = rp_query(req, "level"))) {
		if (rp_risk_level_parse(v) < 0)
			return rp_fail(req, 400, "invalid", "level", "Unknown risk level.");
		f->level = v;
	}
	if (!EMPTY(v = rp_query(req, "q"))) {
		if (strlen(v) > 200)
			return rp_fail(req, 400, "too_long", "q", "This search is too long.");
		f->q = v;
	}
	if (!EMPTY(v = rp_query(req, "likelihood")) &&
	    rp_strtonum(v, 1, RP_RISK_SCALE, &f->likelihood) != 0)
		return rp_fail(req, 400, "invalid", "likelihood", "A likelihood runs from 1 to 5.");
	if (!EMPTY(v = rp_query(req, "impact")) &&
	    rp_strtonum(v, 1, RP_RISK_SCALE, &f->impact) != 0)
		return rp_fail(req, 400, "invalid", "impact", "An impact runs from 1 to 5.");
	if (!EMPTY(v = rp_query(req, "residual"))) {
		if (strcmp(v, "1") != 0 && strcmp(v, "0") != 0)
			return rp_fail(req, 400, "invalid", "residual", "Use residual=1 or 0.");
		f->residual = strcmp(v, "1") == 0;
	}
	if (!EMPTY(v = rp_query(req, "sort"))) {
		size_t i;
		for (i = 0; i < RP_NELEM(sorts) && strcmp(sorts[i], v) != 0; i++)
			;
		if (i == RP_NELEM(sorts))
			return rp_fail(req, 400, "invalid", "sort", "Sort by score, title or updated_at.");
		f->sort = sorts[i];
		/* Titles read A to Z; scores and changes newest/highest first. */
		f->desc = i != 1;
	}
	if (!EMPTY(v = rp_query(req, "dir"))) {
		if (strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0)
			return rp_fail(req, 400, "invalid", "dir", "Use dir=asc or desc.");
		f->desc = strcmp(v, "desc") == 0;
	}
#undef EMPTY
	return 0;
}

/* The bound values of FILTERS, into a (NFILTERS of them). */
static void
filter_args(struct rp_req *req, const struct rp_client *c, const struct rp_risk_filter *f,
    struct rp_dbarg *a)
{
	const char *st = f->status ? f->status : "", *tr = f->treatment ? f->treatment : "";
	const char *q = f->q ? f->q : "", *like = rp_like_pattern(req->arena, q);
	int min = 1, max = RP_RISK_SCALE * RP_RISK_SCALE, k = 0;

	if (f->level != NULL)
		rp_risk_level_range(rp_risk_level_parse(f->level), &min, &max);
	a[k++] = RP_AINT(c->id);
	a[k++] = RP_AINT(c->firm_id);
	a[k++] = RP_ASTR(st);
	a[k++] = RP_ASTR(st);
	a[k++] = RP_ASTR(tr);
	a[k++] = RP_ASTR(tr);
	a[k++] = RP_AINT(min);
	a[k++] = RP_AINT(max);
	a[k++] = RP_ASTR(q);
	a[k++] = RP_ASTR(like);
	a[k++] = RP_ASTR(like);
	a[k++] = RP_ASTR(like);
	a[k++] = RP_AINT(f->likelihood || f->impact);
	a[k++] = RP_ASTR(st);
	a[k++] = RP_AINT(f->likelihood);
	a[k++] = RP_AINT(f->residual);
	a[k++] = RP_AINT(f->likelihood);
	a[k++] = RP_AINT(f->impact);
	a[k++] = RP_AINT(f->residual);
	a[k++] = RP_AINT(f->impact);
}

struct json_object *
rp_risks_list(struct rp_req *req, const struct rp_client *c, const struct rp_risk_filter *f,
    long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[NFILTERS + 6];
	struct rp_dbres res;
	const char *dir = f->desc ? "desc" : "asc";

	filter_args(req, c, f, a);
	if (rp_db_do(req, &q_count, a, NFILTERS, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	a[NFILTERS] = RP_ASTR(dir);
	a[NFILTERS + 1] = RP_ASTR(f->sort);
	a[NFILTERS + 2] = RP_ASTR(dir);
	a[NFILTERS + 3] = RP_ASTR(f->sort);
	a[NFILTERS + 4] = RP_AINT(limit);
	a[NFILTERS + 5] = RP_AINT(offset);
	if (rp_db_do(req, &q_list, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, risk_json(req, res.rows[i]));
	return arr;
}

struct json_object *
rp_risk_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_get, a, 3, &res) != 0)
		return NULL;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such risk.");
		return NULL;
	}
	return risk_json(req, res.rows[0]);
}

int
rp_risks_of(struct rp_req *req, long long risk, struct rp_client *c)
{
	/* Another firm's risk, none, or one of a client out of scope: the
	 * same 404. */
	return rp_clients_owner(req, &q_client_of, risk, "No such risk.", c);
}

struct json_object *
rp_risks_owners(struct rp_req *req, const struct rp_client *c)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_owners, a, 2, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(res.rows[i][0])));
		rp_jadd(o, "name", json_object_new_string(res.rows[i][1]));
		json_object_array_add(arr, o);
	}
	return arr;
}

struct json_object *
rp_risks_requirements(struct rp_req *req, const struct rp_client *c)
{
	const char *lang = rp_lang_code(req->lang);
	struct rp_dbarg a[] = { RP_ASTR(lang), RP_ASTR(lang), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_reqs, a, 4, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "ref", json_object_new_string(r[1]));
		rp_jadd(o, "title", json_object_new_string(r[2]));
		rp_jadd(o, "framework", json_object_new_string(r[3]));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* ------------------------------------------------------------ writing --- */

/* A risk's writable fields; `has` tells which the request gave. */
struct fields {
	const char	*title, *description, *asset, *threat, *treatment, *status;
	long long	 likelihood, impact, owner, rl, ri;
	bool		 owner_null, rl_null, ri_null;
	int		 h_description, h_owner, h_rl, h_ri, h_reqs;
	long long	*reqs;
	size_t		 nreqs;
};

static const char *const known[] = { "title", "description", "asset", "threat",
	"likelihood", "impact", "treatment", "owner_id", "status", "residual_likelihood",
	"residual_impact", "requirement_ids" };

static int
scale(struct rp_req *req, const char *name, bool nullable, long long *v, bool *isnull)
{
	int rc = rp_in_int(req, name, 1, RP_RISK_SCALE, isnull, v);

	if (rc > 0 && *isnull && !nullable)
		return rp_fail(req, 400, "required", name, "Choose a value from 1 to 5.");
	return rc;
}

static int
read_fields(struct rp_req *req, bool create, struct fields *f)
{
	const char *bad;
	bool isnull;
	int h;

	memset(f, 0, sizeof(*f));
	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_text(req, "title", 200, create, &f->title) < 0)
		return -1;
	/* An empty description clears it (rp_in_lines refuses ""). */
	if (rp_in_blank(req, "description"))
		f->description = "";
	else if (rp_in_lines(req, "description", 10000, false, &f->description) < 0)
		return -1;
	f->h_description = f->description != NULL;
	if (rp_in_text0(req, "asset", 200, &f->asset) < 0 ||
	    rp_in_text0(req, "threat", 200, &f->threat) < 0)
		return -1;
	if ((h = scale(req, "likelihood", false, &f->likelihood, &isnull)) < 0)
		return -1;
	if (h == 0 && create)
		return rp_fail(req, 400, "required", "likelihood", "Choose a likelihood from 1 to 5.");
	if ((h = scale(req, "impact", false, &f->impact, &isnull)) < 0)
		return -1;
	if (h == 0 && create)
		return rp_fail(req, 400, "required", "impact", "Choose an impact from 1 to 5.");
	if (rp_in_enum(req, "treatment", &rp_risk_treatments, false, &f->treatment) < 0 ||
	    rp_in_enum(req, "status", &rp_risk_statuses, false, &f->status) < 0)
		return -1;
	if ((f->h_owner = rp_in_int(req, "owner_id", 1, 1LL << 53, &f->owner_null,
	    &f->owner)) < 0)
		return -1;
	/* null (or an empty form field) clears the owner and residual values. */
	if ((f->h_rl = scale(req, "residual_likelihood", true, &f->rl, &f->rl_null)) < 0 ||
	    (f->h_ri = scale(req, "residual_impact", true, &f->ri, &f->ri_null)) < 0)
		return -1;
	if ((f->h_reqs = rp_in_ids(req, "requirement_ids", &f->reqs, &f->nreqs)) < 0)
		return -1;
	if (f->nreqs > MAX_REQUIREMENTS)
		return rp_fail(req, 400, "invalid", "requirement_ids", "Too many requirements.");
	return 0;
}

/* The owner must be an active user of the caller's firm on the client's
 * vCISO team: a risk is followed by someone who may open it. */
static int
check_owner(struct rp_req *req, const struct rp_client *c, long long owner)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(owner), RP_AINT(req->user->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_owner_ok, a, 3, &res) != 0)
		return -1;
	if (res.nrows == 0)
		return rp_fail(req, 400, "invalid", "owner_id",
		    "The owner must be an active vCISO of this client.");
	return 0;
}

/* Replace the risk's requirement links (inside the transaction). */
static int
set_requirements(struct rp_req *req, const struct rp_client *c, long long risk,
    const long long *ids, size_t n)
{
	struct rp_dbarg u = RP_AINT(risk);
	struct rp_dbres res;

	if (rp_db_do(req, &q_unlink, &u, 1, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t j = 0; j < i; j++)
			dup |= ids[j] == ids[i];
		if (dup)
			continue;
		struct rp_dbarg q[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(ids[i]) };
		if (rp_db_do(req, &q_req_ok, q, 3, &res) != 0)
			return -1;
		if (res.nrows != 1)
			return rp_fail(req, 400, "invalid", "requirement_ids",
			    "Name requirements of the frameworks this client adopted.");
		struct rp_dbarg l[] = { RP_AINT(risk), RP_AINT(ids[i]), RP_AINT(c->firm_id),
		    RP_AINT(c->id), RP_AINT(rp_cell_num(res.rows[0][0])) };
		if (rp_db_do(req, &q_link, l, RP_NELEM(l), NULL) != 0)
			return -1;
	}
	return 0;
}

static struct rp_dbarg
opt_int(bool isnull, long long v)
{
	return isnull ? RP_ANULL : RP_AINT(v);
}

/* Insert risk f of c with its requirement links and its audit entry,
 * inside the caller's transaction. */
static int
insert_risk(struct rp_req *req, const struct rp_client *c, const struct fields *f,
    long long *id)
{
	struct rp_dbres res;
	bool no_owner = !f->h_owner || f->owner_null;
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_ASTR(f->title),
	    RP_ASTR(f->description ? f->description : ""), RP_ASTR(f->asset ? f->asset : ""),
	    RP_ASTR(f->threat ? f->threat : ""), RP_AINT(f->likelihood), RP_AINT(f->impact),
	    RP_ASTR(f->treatment ? f->treatment : "reduce"), opt_int(no_owner, f->owner),
	    RP_ASTR(f->status ? f->status : "open"), opt_int(!f->h_rl || f->rl_null, f->rl),
	    opt_int(!f->h_ri || f->ri_null, f->ri), RP_AINT(req->user->id) };

	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		return -1;
	*id = res.insert_id;
	if (set_requirements(req, c, *id, f->reqs, f->nreqs) != 0)
		return -1;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "title", json_object_new_string(f->title));
	rp_jadd(d, "score", json_object_new_int(rp_risk_score(f->likelihood,
	    f->impact)));
	return rp_audit(req, "risk.create", "risk", *id, c->id, d);
}

int
rp_risks_create(struct rp_req *req, const struct rp_client *c, long long *id)
{
	struct fields f;

	if (read_fields(req, true, &f) != 0)
		return -1;
	if (f.h_owner && !f.owner_null && check_owner(req, c, f.owner) != 0)
		return -1;
	if (rp_clients_begin(req, c) != 0)
		return -1;
	if (insert_risk(req, c, &f, id) != 0) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

/* Apply the fields f holds to risk id of c (row locked first) and audit
 * what changed, inside the caller's transaction. */
static int
update_risk(struct rp_req *req, const struct rp_client *c, long long id, const struct fields *f)
{
	struct rp_dbres res;
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };

	if (rp_db_do(req, &q_lock, k, 3, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such risk.");
	char **o = res.rows[0];
#define NOW_S(x, col) ((x) ? (x) : o[col])
	const char *owner = f->h_owner ? (f->owner_null ? NULL :
	    rp_printf(req->arena, "%lld", f->owner)) : o[C_OWNER];
	const char *rl = f->h_rl ? (f->rl_null ? NULL : rp_printf(req->arena, "%lld", f->rl)) :
	    o[C_RL];
	const char *ri = f->h_ri ? (f->ri_null ? NULL : rp_printf(req->arena, "%lld", f->ri)) :
	    o[C_RI];
	const char *lk = f->likelihood ? rp_printf(req->arena, "%lld", f->likelihood) :
	    o[C_LIKELIHOOD];
	const char *im = f->impact ? rp_printf(req->arena, "%lld", f->impact) : o[C_IMPACT];
	struct rp_dbarg a[] = { RP_ASTR(NOW_S(f->title, C_TITLE)),
	    RP_ASTR(NOW_S(f->description, C_DESCRIPTION)), RP_ASTR(NOW_S(f->asset, C_ASSET)),
	    RP_ASTR(NOW_S(f->threat, C_THREAT)), RP_AINT(rp_cell_num(lk)), RP_AINT(rp_cell_num(im)),
	    RP_ASTR(NOW_S(f->treatment, C_TREATMENT)), owner ? RP_AINT(rp_cell_num(owner)) : RP_ANULL,
	    RP_ASTR(NOW_S(f->status, C_STATUS)), rl ? RP_AINT(rp_cell_num(rl)) : RP_ANULL,
	    ri ? RP_AINT(rp_cell_num(ri)) : RP_ANULL, RP_AINT(id), RP_AINT(c->id),
	    RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_update, a, RP_NELEM(a), NULL) != 0)
		return -1;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "title", o[C_TITLE], NOW_S(f->title, C_TITLE));
	if (f->description && strcmp(f->description, o[C_DESCRIPTION]) != 0)
		rp_jadd(d, "description", json_object_new_string("changed"));
	rp_audit_change(d, "asset", o[C_ASSET], NOW_S(f->asset, C_ASSET));
	rp_audit_change(d, "threat", o[C_THREAT], NOW_S(f->threat, C_THREAT));
	rp_audit_change(d, "likelihood", o[C_LIKELIHOOD], lk);
	rp_audit_change(d, "impact", o[C_IMPACT], im);
	rp_audit_change(d, "treatment", o[C_TREATMENT], NOW_S(f->treatment, C_TREATMENT));
	rp_audit_change(d, "owner_id", o[C_OWNER], owner);
	rp_audit_change(d, "status", o[C_STATUS], NOW_S(f->status, C_STATUS));
	rp_audit_change(d, "residual_likelihood", o[C_RL], rl);
	rp_audit_change(d, "residual_impact", o[C_RI], ri);
#undef NOW_S
	if (f->h_reqs) {
		struct rp_buf b;
		rp_buf_init(&b, req->arena);
		for (size_t i = 0; i < f->nreqs; i++)
			rp_buf_printf(&b, "%s%lld", i ? "," : "", f->reqs[i]);
		rp_audit_change(d, "requirement_ids", o[C_REQS] ? o[C_REQS] : "", rp_buf_str(&b));
		if (set_requirements(req, c, id, f->reqs, f->nreqs) != 0) {
			json_object_put(d);
			return -1;
		}
	}
	return rp_audit(req, "risk.update", "risk", id, c->id, d);
}

int
rp_risks_update(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct fields f;

	if (read_fields(req, false, &f) != 0)
		return -1;
	if (f.h_owner && !f.owner_null && check_owner(req, c, f.owner) != 0)
		return -1;
	if (rp_clients_begin(req, c) != 0)
		return -1;
	if (update_risk(req, c, id, &f) != 0) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

/* The fields of values v (another module's, valid by its own rules: the
 * database's checks back them). */
static void
values_fields(const struct rp_risk_values *v, struct fields *f)
{
	memset(f, 0, sizeof(*f));
	f->title = v->title;
	f->description = v->description;
	f->asset = v->asset;
	f->threat = v->threat;
	f->likelihood = v->likelihood;
	f->impact = v->impact;
	if (v->owner_id != 0) {
		f->h_owner = 1;
		f->owner = v->owner_id;
	}
}

int
rp_risks_add(struct rp_req *req, const struct rp_client *c, const struct rp_risk_values *v,
    long long *id)
{
	struct fields f;

	values_fields(v, &f);
	if (f.title == NULL || rp_risk_score(f.likelihood, f.impact) < 0)
		return rp_fail(req, 500, "internal", NULL, "Something went wrong; it has been logged.");
	if (f.h_owner && check_owner(req, c, f.owner) != 0)
		return -1;
	return insert_risk(req, c, &f, id);
}

int
rp_risks_set(struct rp_req *req, const struct rp_client *c, long long id,
    const struct rp_risk_values *v)
{
	struct fields f;

	values_fields(v, &f);
	if (f.h_owner && check_owner(req, c, f.owner) != 0)
		return -1;
	return update_risk(req, c, id, &f);
}

int
rp_risks_delete(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_clients_begin(req, c) != 0)
		return -1;
	if (rp_db_do(req, &q_lock, k, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such risk.");
		goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "title", json_object_new_string(res.rows[0][C_TITLE]));
	rp_jadd(d, "score", json_object_new_int64(rp_cell_num(res.rows[0][C_SCORE])));
	if (rp_db_do(req, &q_delete, k, 3, NULL) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "risk.delete", "risk", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* ------------------------------------------------------------- exports --- */

/* The columns of the risk register's CSV and XLSX (app/export.h). */
static const struct rp_col risk_cols[] = {
	{ "id", RP_COL_INT, "Lang.export.col.id", NULL },
	{ "title", RP_COL_TEXT, "Lang.export.col.title", NULL },
	{ "description", RP_COL_TEXT, "Lang.export.col.description", NULL },
	{ "asset", RP_COL_TEXT, "Lang.export.col.asset", NULL },
	{ "threat", RP_COL_TEXT, "Lang.export.col.threat", NULL },
	{ "likelihood", RP_COL_INT, "Lang.export.col.likelihood", NULL },
	{ "impact", RP_COL_INT, "Lang.export.col.impact", NULL },
	{ "score", RP_COL_INT, "Lang.export.col.score", NULL },
	{ "level", RP_COL_TEXT, "Lang.export.col.level", NULL },
	{ "treatment", RP_COL_TEXT, "Lang.export.col.treatment", NULL },
	{ "owner_name", RP_COL_TEXT, "Lang.export.col.owner_name", NULL },
	{ "status", RP_COL_TEXT, "Lang.export.col.status", NULL },
	{ "residual_likelihood", RP_COL_INT, "Lang.export.col.residual_likelihood", NULL },
	{ "residual_impact", RP_COL_INT, "Lang.export.col.residual_impact", NULL },
	{ "residual_score", RP_COL_INT, "Lang.export.col.residual_score", NULL },
	{ "residual_level", RP_COL_TEXT, "Lang.export.col.residual_level", NULL },
	{ "requirement_ids", RP_COL_LIST, "Lang.export.col.requirement_ids", "," },
	{ "created_at", RP_COL_DATETIME, "Lang.export.col.created_at", NULL },
	{ "updated_at", RP_COL_DATETIME, "Lang.export.col.updated_at", NULL },
};
static const struct rp_table risk_table = { "risks", risk_cols, RP_NELEM(risk_cols) };

int
rp_risks_export(struct rp_req *req, const struct rp_client *c, const struct rp_risk_filter *f,
    enum rp_export_format fmt)
{
	long long total;
	struct json_object *items = rp_risks_list(req, c, f, 100000, 0, &total);

	if (items == NULL)
		return -1;
	int rc = rp_export_send(req, &risk_table, items, fmt, rp_printf(req->arena, "%lld",
	    c->id));
	json_object_put(items);
	return rc;
}
