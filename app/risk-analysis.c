/* The risk analysis module: its rules, and its four kinds of items read
 * and written from one table of fields per kind, in transactions with
 * their audit entries; retained scenarios become risks of the register
 * through app/risks.h. */
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "risk-analysis.h"
#include "risks.h"
#include "util.h"

#define DATE(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define MAX_FIELDS	6	/* fields of the largest kind */
#define MAX_LINKS	200	/* links of one item */
#define MAX_CHOICES	500	/* items a form offers */

/* ----------------------------------------------------------- the kinds --- */

enum ftype {
	T_TEXT,		/* one line; required ones may not be empty */
	T_LINES,	/* several lines, may be cleared */
	T_ENUM,		/* a key of `set` */
	T_SCALE,	/* 1..5 */
	T_REF,		/* the id of an item of kind `ref` of the same client */
};

/* A writable field: its JSON and form name is its column's. */
struct field {
	const char		*key;
	enum ftype		 type;
	bool			 required;	/* on creation; never emptied */
	size_t			 max;		/* characters of a text */
	const struct rp_enum	*set;
	int			 ref;
};

/* A kind: its fields (the first one names the item: unique per client,
 * except for scenarios) and its statements. The columns every read
 * selects, in this order: id, client_id, the fields, created_at,
 * updated_at, the ids of the linked items (or NULL), the number of
 * scenarios that name the item (or NULL), then a scenario's own (enum sc). */
struct kind {
	const char		*path;		/* in URLs */
	const char		*key;		/* audit object type, language files */
	const char		*missing;	/* its 404 message */
	const struct field	*fields;
	size_t			 nfields;
	bool			 unique_name;
	const char		*links_key;	/* JSON key of the linked ids, or NULL */
	int			 links_kind;	/* what they are */
	bool			 links_writable; /* set from this item (else read only) */
	struct rp_stmt		 count, list, get, lock, client_of, belongs, insert, update,
				 del, choices, links_clear, links_add;
};

/* A scenario's columns after the common ones. */
enum sc {
	SC_SCORE, SC_STATUS, SC_RISK, SC_THREAT_NAME, SC_BUSINESS_NAME, SC_RISK_TITLE,
	SC_RISK_DESCRIPTION, SC_RISK_LIKELIHOOD, SC_RISK_IMPACT, SC_RISK_STATUS
};

static const struct field business_fields[] = {
	{ "name", T_TEXT, true, 200, NULL, 0 },
	{ "description", T_LINES, false, 10000, NULL, 0 },
	{ "owner", T_TEXT, false, 200, NULL, 0 },
};
static const struct field supporting_fields[] = {
	{ "name", T_TEXT, true, 200, NULL, 0 },
	{ "type", T_ENUM, true, 0, &rp_ra_support_types, 0 },
	{ "description", T_LINES, false, 10000, NULL, 0 },
};
static const struct field threat_fields[] = {
	{ "name", T_TEXT, true, 200, NULL, 0 },
	{ "motivation", T_LINES, false, 2000, NULL, 0 },
	{ "resources", T_ENUM, true, 0, &rp_ra_resources, 0 },
};
static const struct field scenario_fields[] = {
	{ "title", T_TEXT, true, 200, NULL, 0 },
	{ "description", T_LINES, false, 10000, NULL, 0 },
	{ "threat_source_id", T_REF, true, 0, NULL, RP_RA_THREAT },
	{ "business_asset_id", T_REF, true, 0, NULL, RP_RA_BUSINESS },
	{ "likelihood", T_SCALE, true, 0, NULL, 0 },
	{ "impact", T_SCALE, true, 0, NULL, 0 },
};

/* The statements of a kind over table t (alias x) whose columns are cols;
 * status is the scenario status column ('' for other kinds, so that a
 * status filter matches nothing there). */
#define LIST_WHERE(x, status) \
    " WHERE " x ".client_id = ? AND " x ".firm_id = ? AND (? = '' OR " status " = ?)"
#define KIND_READS(t, x, cols, status, order) \
	.count = RP_STMT("SELECT COUNT(*) FROM " t " " x LIST_WHERE(x, status)), \
	.list = RP_STMT("SELECT " cols " FROM " t " " x LIST_WHERE(x, status) \
	    " ORDER BY " order " LIMIT ? OFFSET ?"), \
	.get = RP_STMT("SELECT " cols " FROM " t " " x " WHERE " x ".id = ? AND " x \
	    ".client_id = ? AND " x ".firm_id = ?"), \
	.lock = RP_STMT("SELECT " cols " FROM " t " " x " WHERE " x ".id = ? AND " x \
	    ".client_id = ? AND " x ".firm_id = ? FOR UPDATE"), \
	.client_of = RP_STMT("SELECT client_id FROM " t " WHERE id = ? AND firm_id = ?"), \
	.belongs = RP_STMT("SELECT 1 FROM " t " WHERE id = ? AND client_id = ? AND firm_id = ?"), \
	.del = RP_STMT("DELETE FROM " t " WHERE id = ? AND client_id = ? AND firm_id = ?")
#define COMMON(x)	x ".id, " x ".client_id, "
#define STAMPS(x)	DATE(x ".created_at") ", " DATE(x ".updated_at") ", "
#define USES(col, x) \
    "(SELECT COUNT(*) FROM ra_scenarios s WHERE s." col " = " x ".id AND s.client_id = " x ".client_id)"
#define RISK(col)	"(SELECT r." col " FROM risks r WHERE r.id = s.risk_id AND r.client_id = s.client_id)"
/* The writes of a kind of three fields a, b, c (its columns' names) and the
 * choices its items give forms. */
#define WRITES3(t, a, b, c) \
	.insert = RP_STMT("INSERT INTO " t " (firm_id, client_id, " a ", " b ", " c ", created_by)" \
	    " VALUES (?, ?, ?, ?, ?, ?)"), \
	.update = RP_STMT("UPDATE " t " SET " a " = ?, " b " = ?, " c " = ? WHERE id = ?" \
	    " AND client_id = ? AND firm_id = ?"), \
	.choices = RP_STMT("SELECT id, name FROM " t " WHERE client_id = ? AND firm_id = ?" \
	    " ORDER BY name, id LIMIT ?")

static struct kind kinds[RP_RA__KINDS] = {
	[RP_RA_BUSINESS] = {
		"business-assets", "business_asset", "No such business asset.",
		business_fields, RP_NELEM(business_fields), true,
		"supporting_asset_ids", RP_RA_SUPPORTING, false,
		KIND_READS("ra_business_assets", "b", COMMON("b")
		    "b.name, b.description, b.owner, " STAMPS("b")
		    "(SELECT GROUP_CONCAT(l.supporting_asset_id ORDER BY l.supporting_asset_id)"
		    " FROM ra_supporting_links l WHERE l.business_asset_id = b.id), "
		    USES("business_asset_id", "b"), "''", "b.name, b.id"),
		WRITES3("ra_business_assets", "name", "description", "owner"),
	},
	[RP_RA_SUPPORTING] = {
		"supporting-assets", "supporting_asset", "No such supporting asset.",
		supporting_fields, RP_NELEM(supporting_fields), true,
		"business_asset_ids", RP_RA_BUSINESS, true,
		KIND_READS("ra_supporting_assets", "a", COMMON("a")
		    "a.name, a.type, a.description, " STAMPS("a")
		    "(SELECT GROUP_CONCAT(l.business_asset_id ORDER BY l.business_asset_id)"
		    " FROM ra_supporting_links l WHERE l.supporting_asset_id = a.id), "
		    "(SELECT COUNT(*) FROM ra_scenario_supports p WHERE p.supporting_asset_id = a.id)",
		    "''", "a.name, a.id"),
		WRITES3("ra_supporting_assets", "name", "type", "description"),
		.links_clear = RP_STMT("DELETE FROM ra_supporting_links WHERE supporting_asset_id = ?"
		    " AND firm_id = ?"),
		.links_add = RP_STMT("INSERT INTO ra_supporting_links (supporting_asset_id,"
		    " business_asset_id, firm_id, client_id) VALUES (?, ?, ?, ?)"),
	},
	[RP_RA_THREAT] = {
		"threat-sources", "threat_source", "No such threat source.",
		threat_fields, RP_NELEM(threat_fields), true,
		NULL, 0, false,
		KIND_READS("ra_threat_sources", "t", COMMON("t")
		    "t.name, t.motivation, t.resources, " STAMPS("t") "NULL, "
		    USES("threat_source_id", "t"), "''", "t.name, t.id"),
		WRITES3("ra_threat_sources", "name", "motivation", "resources"),
	},
	[RP_RA_SCENARIO] = {
		"scenarios", "scenario", "No such scenario.",
		scenario_fields, RP_NELEM(scenario_fields), false,
		"supporting_asset_ids", RP_RA_SUPPORTING, true,
		KIND_READS("ra_scenarios", "s", COMMON("s")
		    "s.title, s.description, s.threat_source_id, s.business_asset_id,"
		    " s.likelihood, s.impact, " STAMPS("s")
		    "(SELECT GROUP_CONCAT(p.supporting_asset_id ORDER BY p.supporting_asset_id)"
		    " FROM ra_scenario_supports p WHERE p.scenario_id = s.id), NULL,"
		    " s.score, s.status, s.risk_id,"
		    " (SELECT t.name FROM ra_threat_sources t WHERE t.id = s.threat_source_id),"
		    " (SELECT b.name FROM ra_business_assets b WHERE b.id = s.business_asset_id), "
		    RISK("title") ", " RISK("description") ", " RISK("likelihood") ", "
		    RISK("impact") ", " RISK("status"),
		    "s.status", "s.score DESC, s.title, s.id"),
		.insert = RP_STMT("INSERT INTO ra_scenarios (firm_id, client_id, title, description,"
		    " threat_source_id, business_asset_id, likelihood, impact, created_by)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		.update = RP_STMT("UPDATE ra_scenarios SET title = ?, description = ?,"
		    " threat_source_id = ?, business_asset_id = ?, likelihood = ?, impact = ?"
		    " WHERE id = ? AND client_id = ? AND firm_id = ?"),
		.links_clear = RP_STMT("DELETE FROM ra_scenario_supports WHERE scenario_id = ?"
		    " AND firm_id = ?"),
		.links_add = RP_STMT("INSERT INTO ra_scenario_supports (scenario_id,"
		    " supporting_asset_id, firm_id, client_id) VALUES (?, ?, ?, ?)"),
	},
};

static struct rp_stmt q_status = RP_STMT(
    "UPDATE ra_scenarios SET status = ?, risk_id = ? WHERE id = ? AND client_id = ?"
    " AND firm_id = ?");
#define COUNT_OF(t, extra) \
    "(SELECT COUNT(*) FROM " t " WHERE client_id = ? AND firm_id = ?" extra ")"
static struct rp_stmt q_counts = RP_STMT(
    "SELECT " COUNT_OF("ra_business_assets", "") ", " COUNT_OF("ra_supporting_assets", "")
    ", " COUNT_OF("ra_threat_sources", "") ", "
    COUNT_OF("ra_scenarios", " AND status = 'draft'") ", "
    COUNT_OF("ra_scenarios", " AND status = 'retained'") ", "
    COUNT_OF("ra_scenarios", " AND status = 'discarded'"));

/* Where the common columns after the fields start. */
#define C_CREATED(k)	(2 + (k)->nfields)
#define C_UPDATED(k)	(3 + (k)->nfields)
#define C_LINKS(k)	(4 + (k)->nfields)
#define C_USES(k)	(5 + (k)->nfields)
#define C_OWN(k, c)	(6 + (k)->nfields + (c))

const char *
rp_ra_kind_path(int kind)
{
	return kind >= 0 && kind < RP_RA__KINDS ? kinds[kind].path : NULL;
}

const char *
rp_ra_kind_key(int kind)
{
	return kind >= 0 && kind < RP_RA__KINDS ? kinds[kind].key : NULL;
}

const char *
rp_ra_field_name(int kind, size_t i)
{
	if (kind < 0 || kind >= RP_RA__KINDS || i >= kinds[kind].nfields)
		return NULL;
	return kinds[kind].fields[i].key;
}

const char *
rp_ra_links_key(int kind)
{
	if (kind < 0 || kind >= RP_RA__KINDS || !kinds[kind].links_writable)
		return NULL;
	return kinds[kind].links_key;
}

/* ------------------------------------------------------------- rules --- */

static const char *const field_keys[RP_RA__FIELDS] = {
	[RP_RA_F_TITLE] = "title",
	[RP_RA_F_DESCRIPTION] = "description",
	[RP_RA_F_LIKELIHOOD] = "likelihood",
	[RP_RA_F_IMPACT] = "impact",
};

int
rp_ra_next(int from, int verb)
{
	if (rp_enum_key(&rp_ra_statuses, from) == NULL)
		return -1;
	switch (verb) {
	case RP_RA_RETAIN:
		return RP_RA_RETAINED;
	case RP_RA_DISCARD:
		return RP_RA_DISCARDED;
	default:
		return -1;
	}
}

bool
rp_ra_needs_risk(int to, bool linked)
{
	return to == RP_RA_RETAINED && !linked;
}

bool
rp_ra_may_delete(int status)
{
	return status == RP_RA_DRAFT || status == RP_RA_DISCARDED;
}

static bool
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

unsigned
rp_ra_diff(const struct rp_ra_values *a, const struct rp_ra_values *b)
{
	unsigned d = 0;

	if (!same_text(a->title, b->title))
		d |= RP_RA_BIT(RP_RA_F_TITLE);
	if (!same_text(a->description, b->description))
		d |= RP_RA_BIT(RP_RA_F_DESCRIPTION);
	if (a->likelihood != b->likelihood)
		d |= RP_RA_BIT(RP_RA_F_LIKELIHOOD);
	if (a->impact != b->impact)
		d |= RP_RA_BIT(RP_RA_F_IMPACT);
	return d;
}

const char *
rp_ra_field_key(int f)
{
	return f >= 0 && f < RP_RA__FIELDS ? field_keys[f] : NULL;
}

int
rp_ra_field_parse(const char *key)
{
	for (int f = 0; key != NULL && f < RP_RA__FIELDS; f++)
		if (strcmp(field_keys[f], key) == 0)
			return f;
	return -1;
}

/* ------------------------------------------------------------ access --- */

int
rp_ra_client(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_clients_module(req, id, RP_RA_MODULE, c);
}

int
rp_ra_item_client(struct rp_req *req, int kind, long long id, struct rp_client *c)
{
	struct kind *k = &kinds[kind];

	/* Another firm's item, none, or one of a client out of scope: the
	 * same 404; then 403 for a non-vCISO, as everywhere in the Pilot. */
	if (rp_clients_owner(req, &k->client_of, id, k->missing, c) != 0)
		return -1;
	/* A disabled module's items do not exist for its client. */
	if (!rp_clients_has_module(c, RP_RA_MODULE))
		return rp_fail(req, 404, "not_found", NULL, k->missing);
	return 0;
}

/* ----------------------------------------------------------- reading --- */

/* Add v under a key of a table (a literal that outlives the object). */
static void
jset(struct json_object *o, const char *key, struct json_object *v)
{
	json_object_object_add_ex(o, key, v, JSON_C_OBJECT_ADD_CONSTANT_KEY);
}

static struct json_object *
jstr(const char *s)
{
	return json_object_new_string(s ? s : "");
}

static struct json_object *
jids(struct rp_req *req, const char *csv)
{
	struct json_object *a = json_object_new_array();
	size_t n;
	long long *ids = rp_ids_parse(req->arena, csv, &n);

	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_int64(ids[i]));
	return a;
}

static struct json_object *
level_json(long long score)
{
	return jstr(rp_risk_level_key(rp_risk_level(score)));
}

/* A scenario's own members: status, score, names, its risk and how the
 * risk differs from it. */
static void
scenario_json(struct rp_req *req, const struct kind *k, struct json_object *o, char **r)
{
	long long score = rp_cell_num(r[C_OWN(k, SC_SCORE)]);

	jset(o, "score", json_object_new_int64(score));
	jset(o, "level", level_json(score));
	jset(o, "status", jstr(r[C_OWN(k, SC_STATUS)]));
	jset(o, "threat_source_name", jstr(r[C_OWN(k, SC_THREAT_NAME)]));
	jset(o, "business_asset_name", jstr(r[C_OWN(k, SC_BUSINESS_NAME)]));
	struct json_object *diff = json_object_new_object(), *risk = NULL;
	/* A risk's title is never NULL: NULL is no risk (none linked). */
	if (r[C_OWN(k, SC_RISK_TITLE)] != NULL) {
		long long rl = rp_cell_num(r[C_OWN(k, SC_RISK_LIKELIHOOD)]);
		long long ri = rp_cell_num(r[C_OWN(k, SC_RISK_IMPACT)]);
		struct rp_ra_values s = { r[2], r[3], rp_cell_num(r[6]), rp_cell_num(r[7]) };
		struct rp_ra_values v = { r[C_OWN(k, SC_RISK_TITLE)],
		    r[C_OWN(k, SC_RISK_DESCRIPTION)], rl, ri };
		unsigned d = rp_ra_diff(&s, &v);
		const char *sv[RP_RA__FIELDS] = { s.title, s.description };
		const char *rv[RP_RA__FIELDS] = { v.title, v.description };
		long long sn[RP_RA__FIELDS] = { 0, 0, s.likelihood, s.impact };
		long long rn[RP_RA__FIELDS] = { 0, 0, v.likelihood, v.impact };

		risk = json_object_new_object();
		rp_jadd(risk, "id", json_object_new_int64(rp_cell_num(r[C_OWN(k, SC_RISK)])));
		rp_jadd(risk, "title", jstr(v.title));
		rp_jadd(risk, "status", jstr(r[C_OWN(k, SC_RISK_STATUS)]));
		rp_jadd(risk, "likelihood", json_object_new_int64(rl));
		rp_jadd(risk, "impact", json_object_new_int64(ri));
		rp_jadd(risk, "score", json_object_new_int64(rl * ri));
		rp_jadd(risk, "level", level_json(rl * ri));
		for (int f = 0; f < RP_RA__FIELDS; f++) {
			if (!(d & RP_RA_BIT(f)))
				continue;
			struct json_object *e = json_object_new_object();
			bool text = f == RP_RA_F_TITLE || f == RP_RA_F_DESCRIPTION;
			rp_jadd(e, "scenario", text ? jstr(sv[f]) : json_object_new_int64(sn[f]));
			rp_jadd(e, "risk", text ? jstr(rv[f]) : json_object_new_int64(rn[f]));
			jset(diff, field_keys[f], e);
		}
	}
	jset(o, "risk_id", risk ? json_object_new_int64(rp_cell_num(r[C_OWN(k, SC_RISK)])) : NULL);
	jset(o, "risk", risk);
	jset(o, "risk_differs", json_object_new_boolean(json_object_object_length(diff) > 0));
	jset(o, "risk_diff", diff);
}

static struct json_object *
item_json(struct rp_req *req, const struct kind *k, char **r)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[1])));
	for (size_t i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		jset(o, f->key, f->type == T_SCALE || f->type == T_REF ?
		    json_object_new_int64(rp_cell_num(r[2 + i])) : jstr(r[2 + i]));
	}
	if (k->links_key != NULL)
		jset(o, k->links_key, jids(req, r[C_LINKS(k)]));
	if (r[C_USES(k)] != NULL)
		rp_jadd(o, "scenario_count", json_object_new_int64(rp_cell_num(r[C_USES(k)])));
	if (k == &kinds[RP_RA_SCENARIO])
		scenario_json(req, k, o, r);
	rp_jadd(o, "created_at", jstr(r[C_CREATED(k)]));
	rp_jadd(o, "updated_at", jstr(r[C_UPDATED(k)]));
	return o;
}

int
rp_ra_filter(struct rp_req *req, int kind, struct rp_ra_filter *f, bool strict)
{
	memset(f, 0, sizeof(*f));
	if (kind != RP_RA_SCENARIO)
		return 0;
	return rp_query_enum(req, "status", &rp_ra_statuses, strict, &f->status);
}

struct json_object *
rp_ra_list(struct rp_req *req, int kind, const struct rp_client *c,
    const struct rp_ra_filter *f, long long limit, long long offset, long long *total)
{
	struct kind *k = &kinds[kind];
	const char *st = f->status ? f->status : "";
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_ASTR(st), RP_ASTR(st),
	    RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_db_do(req, &k->count, a, 4, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &k->list, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, item_json(req, k, res.rows[i]));
	return arr;
}

/* Row of item id of c by stmt (get or lock): 1, 0 after the 404, -1. */
static int
row_of(struct rp_req *req, struct kind *k, struct rp_stmt *st, const struct rp_client *c,
    long long id, char ***row)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, st, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, k->missing);
		return 0;
	}
	*row = res.rows[0];
	return 1;
}

struct json_object *
rp_ra_get(struct rp_req *req, int kind, const struct rp_client *c, long long id)
{
	struct kind *k = &kinds[kind];
	char **r;

	if (row_of(req, k, &k->get, c, id, &r) != 1)
		return NULL;
	return item_json(req, k, r);
}

struct json_object *
rp_ra_choices(struct rp_req *req, int kind, const struct rp_client *c)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(MAX_CHOICES) };
	struct rp_dbres res;

	if (rp_db_do(req, &kinds[kind].choices, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(res.rows[i][0])));
		rp_jadd(o, "name", jstr(res.rows[i][1]));
		json_object_array_add(arr, o);
	}
	return arr;
}

int
rp_ra_count(struct rp_req *req, const struct rp_client *c, struct rp_ra_counts *n)
{
	struct rp_dbarg a[12];
	struct rp_dbres res;

	for (size_t i = 0; i < RP_NELEM(a); i += 2) {
		a[i] = RP_AINT(c->id);
		a[i + 1] = RP_AINT(c->firm_id);
	}
	memset(n, 0, sizeof(*n));
	if (rp_db_do(req, &q_counts, a, RP_NELEM(a), &res) != 0)
		return -1;
	for (int i = 0; i < RP_RA_SCENARIO; i++)
		n->items[i] = rp_cell_num(rp_db_cell(&res, 0, (size_t)i));
	for (int s = 0; s < 3; s++) {
		n->scenarios[s] = rp_cell_num(rp_db_cell(&res, 0, (size_t)(RP_RA_SCENARIO + s)));
		n->items[RP_RA_SCENARIO] += n->scenarios[s];
	}
	return 0;
}

struct json_object *
rp_ra_counts_json(const struct rp_ra_counts *n)
{
	struct json_object *o = json_object_new_object(), *s = json_object_new_object();

	rp_jadd(o, "business_assets", json_object_new_int64(n->items[RP_RA_BUSINESS]));
	rp_jadd(o, "supporting_assets", json_object_new_int64(n->items[RP_RA_SUPPORTING]));
	rp_jadd(o, "threat_sources", json_object_new_int64(n->items[RP_RA_THREAT]));
	rp_jadd(s, "total", json_object_new_int64(n->items[RP_RA_SCENARIO]));
	for (int i = 0; i < 3; i++)
		jset(s, rp_enum_key(&rp_ra_statuses, i), json_object_new_int64(n->scenarios[i]));
	rp_jadd(o, "scenarios", s);
	return o;
}

/* ----------------------------------------------------------- writing --- */

/* The fields a request gives. */
struct vals {
	bool		 has[MAX_FIELDS];
	const char	*s[MAX_FIELDS];		/* texts and keys */
	long long	 n[MAX_FIELDS];		/* numbers */
	bool		 has_links;
	long long	*links;
	size_t		 nlinks;
};

static int
read_field(struct rp_req *req, const struct field *f, bool create, const char **s,
    long long *n)
{
	bool isnull;
	int rc;

	/* A required field is never emptied: "" or null is "required". */
	if (f->required && rp_in_blank(req, f->key))
		return rp_fail(req, 400, "required", f->key, "This field is required.");
	switch (f->type) {
	case T_TEXT:
		return f->required ? rp_in_text(req, f->key, f->max, create, s) :
		    rp_in_text0(req, f->key, f->max, s);
	case T_LINES:
		/* An empty text clears it (rp_in_lines refuses ""). */
		if (rp_in_blank(req, f->key)) {
			*s = "";
			return 1;
		}
		return rp_in_lines(req, f->key, f->max, false, s);
	case T_ENUM:
		return rp_in_enum(req, f->key, f->set, create && f->required, s);
	case T_SCALE:
	case T_REF:
		rc = rp_in_int(req, f->key, 1, f->type == T_SCALE ? RP_RISK_SCALE : 1LL << 53,
		    &isnull, n);
		if (rc == 0 && create)
			return rp_fail(req, 400, "required", f->key, f->type == T_SCALE ?
			    "Choose a value from 1 to 5." : "This field is required.");
		return rc;
	}
	return -1;
}

/* Does item id of kind belong to client c? 1, 0, -1 after rp_fail. */
static int
belongs(struct rp_req *req, int kind, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &kinds[kind].belongs, a, RP_NELEM(a), &res) != 0)
		return -1;
	return res.nrows == 1;
}

/* Read and check the request's fields for kind: every reference must name
 * an item of c (400 naming the field otherwise, never a hint that it
 * exists elsewhere). */
static int
read_vals(struct rp_req *req, const struct kind *k, const struct rp_client *c, bool create,
    struct vals *v)
{
	const char *known[MAX_FIELDS + 1], *bad;
	size_t nk = 0;
	int rc;

	memset(v, 0, sizeof(*v));
	for (size_t i = 0; i < k->nfields; i++)
		known[nk++] = k->fields[i].key;
	if (k->links_writable)
		known[nk++] = k->links_key;
	if ((bad = rp_in_unknown(req, known, nk)) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	for (size_t i = 0; i < k->nfields; i++) {
		if ((rc = read_field(req, &k->fields[i], create, &v->s[i], &v->n[i])) < 0)
			return -1;
		v->has[i] = rc > 0;
	}
	if (k->links_writable) {
		if ((rc = rp_in_links(req, k->links_key, MAX_LINKS, &v->links, &v->nlinks)) < 0)
			return -1;
		v->has_links = rc > 0;
	}
	for (size_t i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		if (f->type != T_REF || !v->has[i])
			continue;
		if ((rc = belongs(req, f->ref, c, v->n[i])) < 0)
			return -1;
		if (rc == 0)
			return rp_fail(req, 400, "invalid", f->key,
			    "Choose an item of this client's analysis.");
	}
	for (size_t i = 0; i < v->nlinks; i++) {
		if ((rc = belongs(req, k->links_kind, c, v->links[i])) < 0)
			return -1;
		if (rc == 0)
			return rp_fail(req, 400, "invalid", k->links_key,
			    "Choose items of this client's analysis.");
	}
	return 0;
}

/* A field's value as a statement argument: given (v) or stored (old, a
 * row's column; NULL on creation). */
static struct rp_dbarg
field_arg(const struct field *f, const struct vals *v, size_t i, const char *old)
{
	bool number = f->type == T_SCALE || f->type == T_REF;

	if (v->has[i])
		return number ? RP_AINT(v->n[i]) : RP_ASTR(v->s[i]);
	return number ? RP_AINT(rp_cell_num(old)) : RP_ASTR(old ? old : "");
}

/* Run an insert or update that a unique name may refuse: 409
 * `ra_name_taken` naming the field, rather than the generic conflict. */
static int
write_row(struct rp_req *req, const struct kind *k, struct rp_stmt *st,
    const struct rp_dbarg *a, size_t n, struct rp_dbres *res)
{
	if (rp_db_exec(req->arena, st, a, n, res) == 0)
		return 0;
	if (k->unique_name && rp_db_error() == RP_DB_DUPLICATE)
		return rp_fail(req, 409, "ra_name_taken", k->fields[0].key,
		    "This client's analysis already has an item of this name.");
	return rp_db_fail(req);
}

static const char *
action(struct rp_req *req, const struct kind *k, const char *verb)
{
	return rp_printf(req->arena, "%s.%s", k->key, verb);
}

int
rp_ra_create(struct rp_req *req, int kind, const struct rp_client *c, long long *id)
{
	struct kind *k = &kinds[kind];
	struct rp_dbarg a[MAX_FIELDS + 3];
	struct rp_dbres res;
	struct vals v;
	size_t n = 0;

	if (read_vals(req, k, c, true, &v) != 0)
		return -1;
	a[n++] = RP_AINT(c->firm_id);
	a[n++] = RP_AINT(c->id);
	for (size_t i = 0; i < k->nfields; i++)
		a[n++] = field_arg(&k->fields[i], &v, i, NULL);
	a[n++] = RP_AINT(req->user->id);
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (write_row(req, k, &k->insert, a, n, &res) != 0)
		goto fail;
	*id = res.insert_id;
	if (v.nlinks && rp_db_links(req, &k->links_clear, &k->links_add, *id, v.links,
	    v.nlinks, c->firm_id, c->id) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	jset(d, k->fields[0].key, jstr(v.s[0]));
	if (v.nlinks)
		jset(d, k->links_key, rp_json_ids(v.links, v.nlinks));
	if (rp_audit(req, action(req, k, "create"), k->key, *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_ra_update(struct rp_req *req, int kind, const struct rp_client *c, long long id)
{
	struct kind *k = &kinds[kind];
	struct rp_dbarg a[MAX_FIELDS + 3];
	struct vals v;
	size_t n = 0;
	char **o;

	if (read_vals(req, k, c, false, &v) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (row_of(req, k, &k->lock, c, id, &o) != 1)
		goto fail;
	struct json_object *d = json_object_new_object();
	for (size_t i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const char *old = o[2 + i];
		a[n++] = field_arg(f, &v, i, old);
		if (!v.has[i])
			continue;
		if (f->type == T_LINES) {
			/* Long texts: that it changed, not the text. */
			if (!same_text(old, v.s[i]))
				jset(d, f->key, json_object_new_string("changed"));
		} else {
			rp_audit_change(d, f->key, old, f->type == T_SCALE || f->type == T_REF ?
			    rp_printf(req->arena, "%lld", v.n[i]) : v.s[i]);
		}
	}
	a[n++] = RP_AINT(id);
	a[n++] = RP_AINT(c->id);
	a[n++] = RP_AINT(c->firm_id);
	if (write_row(req, k, &k->update, a, n, NULL) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (v.has_links) {
		size_t nold;
		long long *old = rp_ids_parse(req->arena, o[C_LINKS(k)], &nold);
		if (rp_audit_ids(d, k->links_key, old, nold, v.links, v.nlinks) &&
		    rp_db_links(req, &k->links_clear, &k->links_add, id, v.links, v.nlinks,
		    c->firm_id, c->id) != 0) {
			json_object_put(d);
			goto fail;
		}
	}
	if (rp_audit(req, action(req, k, "update"), k->key, id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_ra_delete(struct rp_req *req, int kind, const struct rp_client *c, long long id)
{
	struct kind *k = &kinds[kind];
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	char **o;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (row_of(req, k, &k->lock, c, id, &o) != 1)
		goto fail;
	/* What scenarios name stays: deleting it would rewrite them. */
	if (rp_cell_num(o[C_USES(k)]) > 0) {
		rp_fail(req, 409, "ra_in_use", NULL,
		    "Scenarios name this item: change or delete them first.");
		goto fail;
	}
	if (kind == RP_RA_SCENARIO && !rp_ra_may_delete(rp_enum_parse(&rp_ra_statuses,
	    o[C_OWN(k, SC_STATUS)]))) {
		rp_fail(req, 409, "ra_retained", NULL,
		    "This scenario is retained: discard it before deleting it.");
		goto fail;
	}
	if (rp_db_do(req, &k->del, a, RP_NELEM(a), NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	jset(d, k->fields[0].key, jstr(o[2]));
	if (rp_audit(req, action(req, k, "delete"), k->key, id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* Scenario id of c, locked, inside the caller's transaction: its row, its
 * status and its risk (0 for none). 1, or 0/-1 after rp_fail. */
static int
lock_scenario(struct rp_req *req, const struct rp_client *c, long long id, char ***row,
    int *status, long long *risk)
{
	struct kind *k = &kinds[RP_RA_SCENARIO];
	int rc = row_of(req, k, &k->lock, c, id, row);

	if (rc != 1)
		return rc;
	*status = rp_enum_parse(&rp_ra_statuses, (*row)[C_OWN(k, SC_STATUS)]);
	*risk = rp_cell_num((*row)[C_OWN(k, SC_RISK)]);
	return 1;
}

int
rp_ra_act(struct rp_req *req, const struct rp_client *c, long long id, int verb)
{
	const struct kind *k = &kinds[RP_RA_SCENARIO];
	const char *bad;
	char **o;
	int from, to;
	long long risk;
	bool created = false;

	if ((bad = rp_in_unknown(req, NULL, 0)) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (lock_scenario(req, c, id, &o, &from, &risk) != 1)
		goto fail;
	if ((to = rp_ra_next(from, verb)) < 0) {
		rp_fail(req, 409, "invalid_transition", NULL, "This action does not apply.");
		goto fail;
	}
	if (rp_ra_needs_risk(to, risk != 0)) {
		/* The register's entry, through the register's own rules and
		 * audit, in this transaction: both or neither. */
		struct rp_risk_values rv = { o[2], o[3], o[C_OWN(k, SC_BUSINESS_NAME)],
		    o[C_OWN(k, SC_THREAT_NAME)], rp_cell_num(o[6]), rp_cell_num(o[7]), req->user->id };
		if (rp_risks_add(req, c, &rv, &risk) != 0)
			goto fail;
		created = true;
	}
	if (to == from && !created) {
		/* Done already: nothing to write. */
		rp_db_rollback();
		return 0;
	}
	struct rp_dbarg a[] = { RP_ASTR(rp_enum_key(&rp_ra_statuses, to)),
	    risk ? RP_AINT(risk) : RP_ANULL, RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_status, a, RP_NELEM(a), NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "status", rp_enum_key(&rp_ra_statuses, from),
	    rp_enum_key(&rp_ra_statuses, to));
	if (risk)
		rp_jadd(d, "risk_id", json_object_new_int64(risk));
	if (created)
		rp_jadd(d, "risk_created", json_object_new_boolean(true));
	if (rp_audit(req, verb == RP_RA_RETAIN ? "scenario.retain" : "scenario.discard",
	    "scenario", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_ra_sync(struct rp_req *req, const struct rp_client *c, long long id)
{
	static const char *const known[] = { "fields" };
	const struct kind *k = &kinds[RP_RA_SCENARIO];
	const char *bad;
	unsigned want;
	char **o;
	int status, rc;
	long long risk;

	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if ((rc = rp_in_keys(req, "fields", rp_ra_field_parse, &want)) < 0)
		return -1;
	if (rc == 0)
		want = RP_RA_SYNC_DEFAULT;
	else if (want == 0)
		return rp_fail(req, 400, "required", "fields", "Choose what to copy into the risk.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (lock_scenario(req, c, id, &o, &status, &risk) != 1)
		goto fail;
	if (status != RP_RA_RETAINED) {
		rp_fail(req, 409, "invalid_transition", NULL,
		    "Only a retained scenario updates its risk.");
		goto fail;
	}
	if (risk == 0 || o[C_OWN(k, SC_RISK_TITLE)] == NULL) {
		rp_fail(req, 409, "ra_no_risk", NULL,
		    "This scenario's risk is no longer in the register: retain it again.");
		goto fail;
	}
	struct rp_ra_values s = { o[2], o[3], rp_cell_num(o[6]), rp_cell_num(o[7]) };
	struct rp_ra_values r = { o[C_OWN(k, SC_RISK_TITLE)], o[C_OWN(k, SC_RISK_DESCRIPTION)],
	    rp_cell_num(o[C_OWN(k, SC_RISK_LIKELIHOOD)]), rp_cell_num(o[C_OWN(k, SC_RISK_IMPACT)]) };
	unsigned d = rp_ra_diff(&s, &r) & want;
	if (d == 0) {
		/* The risk says the same already: no update to record. */
		rp_db_rollback();
		return 0;
	}
	struct rp_risk_values v = { 0 };
	struct json_object *copied = json_object_new_array();
	if (d & RP_RA_BIT(RP_RA_F_TITLE))
		v.title = s.title;
	if (d & RP_RA_BIT(RP_RA_F_DESCRIPTION))
		v.description = s.description;
	if (d & RP_RA_BIT(RP_RA_F_LIKELIHOOD))
		v.likelihood = s.likelihood;
	if (d & RP_RA_BIT(RP_RA_F_IMPACT))
		v.impact = s.impact;
	for (int f = 0; f < RP_RA__FIELDS; f++)
		if (d & RP_RA_BIT(f))
			json_object_array_add(copied, json_object_new_string(field_keys[f]));
	/* A normal update of the risk, audited as such ("risk.update"). */
	if (rp_risks_set(req, c, risk, &v) != 0) {
		json_object_put(copied);
		goto fail;
	}
	struct json_object *a = json_object_new_object();
	rp_jadd(a, "risk_id", json_object_new_int64(risk));
	rp_jadd(a, "fields", copied);
	if (rp_audit(req, "scenario.sync_risk", "scenario", id, c->id, a) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
