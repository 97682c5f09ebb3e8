/* Clients of a firm: reading in scope, the wizard, settings, plan, team. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "jsonw.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "scope.h"
#include "templates.h"
#include "users.h"
#include "util.h"

/* Counts and the team are columns kept on write (sql/012-read-paths.sql):
 * a page of clients reads 50 rows and nothing else, however big the firm.
 * Whether the caller is on the team is read from vciso_ids. */
#define CLIENT_COLUMNS \
    "c.id, c.firm_id, c.name, c.mission_type, c.plan, c.status, c.billing_mode," \
    " c.billing_email, c.modules, DATE_FORMAT(c.created_at, '%Y-%m-%dT%H:%i:%sZ')," \
    " c.establishments_count, c.open_actions, c.compliance_pct, c.vciso_ids"

#define FILTERS \
    " AND (? = '' OR c.name LIKE ?) AND (? = '' OR c.mission_type = ?)" \
    " AND (? = '' OR c.plan = ?) AND (? = '' OR c.status = ?)" \
    " AND (? = '' OR c.billing_mode = ?)"
/* ORDER BY cannot bind a column: other keys than the name are a bound value
 * from a fixed list, compared in CASE arms (a sort of the matching rows);
 * the name, the default, has statements of its own that walk the index
 * (firm_id, name) and stop after the page. */
#define ORDER_ANY \
    " CASE WHEN ? = 'asc' THEN CASE ? WHEN 'created_at' THEN DATE_FORMAT(c.created_at, '%Y%m%d%H%i%s')" \
    "  WHEN 'plan' THEN c.plan + 0 WHEN 'status' THEN c.status + 0" \
    "  WHEN 'mission_type' THEN c.mission_type + 0 ELSE c.name END END ASC," \
    " CASE WHEN ? = 'desc' THEN CASE ? WHEN 'created_at' THEN DATE_FORMAT(c.created_at, '%Y%m%d%H%i%s')" \
    "  WHEN 'plan' THEN c.plan + 0 WHEN 'status' THEN c.status + 0" \
    "  WHEN 'mission_type' THEN c.mission_type + 0 ELSE c.name END END DESC, c.name, c.id"
#define LIST(scope, order) \
    RP_STMT("SELECT " CLIENT_COLUMNS " FROM clients c WHERE" scope FILTERS \
    " ORDER BY " order " LIMIT ? OFFSET ?")
/* Pairs for rp_scoped(): the admin's statement, then everyone else's. */
#define PAIR(macro, ...) { macro(RP_SCOPE_FIRM("c"), __VA_ARGS__), \
	macro(RP_SCOPE_CLIENT("c"), __VA_ARGS__) }

static struct rp_stmt q_get[2] = {
	RP_STMT("SELECT " CLIENT_COLUMNS " FROM clients c WHERE c.id = ? AND" RP_SCOPE_FIRM("c")),
	RP_STMT("SELECT " CLIENT_COLUMNS " FROM clients c WHERE c.id = ? AND" RP_SCOPE_CLIENT("c")),
};
static struct rp_stmt q_count[2] = {
	RP_STMT("SELECT COUNT(*) FROM clients c WHERE" RP_SCOPE_FIRM("c") FILTERS),
	RP_STMT("SELECT COUNT(*) FROM clients c WHERE" RP_SCOPE_CLIENT("c") FILTERS),
};
static struct rp_stmt q_list_any[2] = PAIR(LIST, ORDER_ANY);
static struct rp_stmt q_list_name[2] = PAIR(LIST, "c.name, c.id");
static struct rp_stmt q_list_name_desc[2] = PAIR(LIST, "c.name DESC, c.id DESC");
static struct rp_stmt q_names[2] = {
	RP_STMT("SELECT c.id, c.name FROM clients c WHERE" RP_SCOPE_FIRM("c")
	    " ORDER BY c.name, c.id LIMIT ?"),
	RP_STMT("SELECT c.id, c.name FROM clients c WHERE" RP_SCOPE_CLIENT("c")
	    " ORDER BY c.name, c.id LIMIT ?"),
};
/* The clients the caller is declared vCISO of, within its firm (and so in
 * its scope, whatever its role): what it may deploy templates to. */
static struct rp_stmt q_vciso_of = RP_STMT(
    "SELECT c.id, c.name FROM client_vcisos v"
    " JOIN clients c ON c.id = v.client_id AND c.firm_id = v.firm_id"
    " WHERE v.user_id = ? AND v.firm_id = ? ORDER BY c.name, c.id LIMIT ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode,"
    " billing_email, modules, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE clients SET name = ?, status = ?, modules = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_plan = RP_STMT(
    "UPDATE clients SET plan = ?, mission_type = ? WHERE id = ? AND firm_id = ?");
/* The client's state from now on, for statements' proration. */
static struct rp_stmt q_period = RP_STMT(
    "INSERT INTO client_periods (firm_id, client_id, plan, mission_type, status)"
    " SELECT firm_id, id, plan, mission_type, status FROM clients WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_team = RP_STMT(
    "SELECT u.id, COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email),"
    " u.role, u.active FROM client_vcisos v JOIN users u ON u.id = v.user_id"
    " WHERE v.client_id = ? AND v.firm_id = ? ORDER BY u.last_name, u.first_name, u.id");
static struct rp_stmt q_team_clear = RP_STMT(
    "DELETE FROM client_vcisos WHERE client_id = ? AND firm_id = ?");
static struct rp_stmt q_team_add = RP_STMT(
    "INSERT INTO client_vcisos (client_id, user_id, firm_id) VALUES (?, ?, ?)");

static void
fill(const struct rp_req *req, struct rp_client *c, char **row)
{
	rp_strtonum(row[0], 1, INT64_MAX, &c->id);
	rp_strtonum(row[1], 1, INT64_MAX, &c->firm_id);
	c->name = row[2];
	c->mission_type = row[3];
	c->plan = row[4];
	c->status = row[5];
	c->billing_mode = row[6];
	c->billing_email = row[7];
	c->modules = row[8] ? row[8] : "";
	c->created_at = row[9];
	rp_strtonum(row[10], 0, INT64_MAX, &c->establishments);
	c->open_actions = row[11];
	c->compliance_pct = row[12];
	/* Establishment managers see a client through their establishments:
	 * its name only. */
	c->full = req->user->role != RP_ROLE_ESTABLISHMENT_MANAGER;
	c->vciso_ids = rp_ids_parse(req->arena, row[13], &c->nvcisos);
	c->vciso = false;
	for (size_t i = 0; i < c->nvcisos; i++)
		c->vciso |= c->vciso_ids[i] == req->user->id;
}

int
rp_clients_get(struct rp_req *req, long long id, struct rp_client *out)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS];
	struct rp_dbres res;

	a[0] = RP_AINT(id);
	rp_scope_args(req, a + 1);
	if (rp_db_do(req, rp_scoped(req, q_get), a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows != 1)
		return 0;
	fill(req, out, res.rows[0]);
	return 1;
}

bool
rp_clients_has_module(const struct rp_client *c, const char *key)
{
	const char *p = c->modules ? c->modules : "";
	size_t n = strlen(key);

	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, key, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

int
rp_clients_module(struct rp_req *req, long long id, const char *key, struct rp_client *out)
{
	if (rp_clients_pilot(req, id, out) != 0)
		return -1;
	if (!rp_clients_has_module(out, key))
		return rp_fail(req, 404, "not_found", NULL,
		    "This module is not enabled for this client.");
	return 0;
}

int
rp_clients_pilot(struct rp_req *req, long long id, struct rp_client *out)
{
	int found = rp_clients_get(req, id, out);

	if (found < 0)
		return -1;
	if (found == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such client.");
	return rp_clients_vciso(req, out);
}

int
rp_clients_vciso(struct rp_req *req, const struct rp_client *c)
{
	if (!c->vciso)
		return rp_fail(req, 403, "not_vciso", NULL,
		    "Only the client's declared vCISOs work in its Pilot space.");
	return 0;
}

static const char *const sort_keys[] = {
	"name", "created_at", "plan", "status", "mission_type",
};

const char *
rp_clients_sort_key(const char *s)
{
	for (size_t i = 0; s != NULL && i < RP_NELEM(sort_keys); i++)
		if (strcmp(s, sort_keys[i]) == 0)
			return sort_keys[i];
	return NULL;
}

int
rp_clients_filter(struct rp_req *req, struct rp_client_filter *f, bool strict)
{
	const char *dir = rp_query(req, "dir"), *sort = rp_query(req, "sort");

	memset(f, 0, sizeof(*f));
	f->q = rp_query(req, "q");
	if (f->q != NULL && strlen(f->q) > 200)
		return rp_fail(req, 400, "too_long", "q", "The search is too long.");
	if (rp_query_enum(req, "mission_type", &rp_mission_types, strict, &f->mission_type) ||
	    rp_query_enum(req, "plan", &rp_plans, strict, &f->plan) ||
	    rp_query_enum(req, "status", &rp_client_statuses, strict, &f->status) ||
	    rp_query_enum(req, "billing_mode", &rp_billing_modes, strict, &f->billing_mode))
		return -1;
	f->sort = rp_clients_sort_key(sort);
	if (f->sort == NULL) {
		if (sort != NULL && strict)
			return rp_fail(req, 400, "invalid", "sort",
			    "Sort by name, created_at, plan, status or mission_type.");
		f->sort = "name";
	}
	if (dir != NULL && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0 && strict)
		return rp_fail(req, 400, "invalid", "dir", "dir must be asc or desc.");
	f->desc = dir != NULL && strcmp(dir, "desc") == 0;
	return 0;
}

static size_t
filter_args(struct rp_req *req, const struct rp_client_filter *f, struct rp_dbarg *a)
{
	const char *v[] = { f->mission_type, f->plan, f->status, f->billing_mode };
	size_t k = 0;

	a[k++] = RP_ASTR(f->q ? f->q : "");
	a[k++] = RP_ASTR(rp_like_pattern(req->arena, f->q));
	for (size_t i = 0; i < RP_NELEM(v); i++) {
		a[k++] = RP_ASTR(v[i] ? v[i] : "");
		a[k++] = RP_ASTR(v[i] ? v[i] : "");
	}
	return k;
}

int
rp_clients_list(struct rp_req *req, const struct rp_client_filter *f,
    long long limit, long long offset, struct rp_client **out, size_t *n,
    long long *total)
{
	struct rp_dbarg a[RP_SCOPE_NARGS + 10 + 6];
	struct rp_dbres res;
	size_t k;
	const char *dir = f->desc ? "desc" : "asc";
	bool any = f->q || f->mission_type || f->plan || f->status || f->billing_mode;
	struct rp_stmt *list = strcmp(f->sort, "name") != 0 ? rp_scoped(req, q_list_any) :
	    f->desc ? rp_scoped(req, q_list_name_desc) : rp_scoped(req, q_list_name);

	k = rp_scope_args(req, a);
	k += filter_args(req, f, a + k);
	/* An admin's unfiltered total is the firm's count, read with the
	 * session. */
	if (req->user->role == RP_ROLE_ADMIN && !any) {
		*total = req->user->firm_clients;
	} else {
		if (rp_db_do(req, rp_scoped(req, q_count), a, k, &res) != 0)
			return -1;
		rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, total);
	}
	if (list == &q_list_any[0] || list == &q_list_any[1]) {
		a[k++] = RP_ASTR(dir);
		a[k++] = RP_ASTR(f->sort);
		a[k++] = RP_ASTR(dir);
		a[k++] = RP_ASTR(f->sort);
	}
	a[k++] = RP_AINT(limit);
	a[k++] = RP_AINT(offset);
	if (rp_db_do(req, list, a, k, &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++)
		fill(req, &(*out)[i], res.rows[i]);
	*n = res.nrows;
	return 0;
}

int
rp_clients_names(struct rp_req *req, long long limit, struct rp_client_name **out, size_t *n)
{
	struct rp_dbarg a[RP_SCOPE_NARGS + 1];
	struct rp_dbres res;
	size_t k = rp_scope_args(req, a);

	a[k++] = RP_AINT(limit);
	if (rp_db_do(req, rp_scoped(req, q_names), a, k, &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows + 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++) {
		rp_strtonum(res.rows[i][0], 1, INT64_MAX, &(*out)[i].id);
		(*out)[i].name = res.rows[i][1];
	}
	*n = res.nrows;
	return 0;
}

int
rp_clients_vciso_of(struct rp_req *req, long long limit, struct rp_client_name **out,
    size_t *n)
{
	struct rp_dbarg a[] = { RP_AINT(req->user->id), RP_AINT(req->user->firm_id),
	    RP_AINT(limit) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_vciso_of, a, RP_NELEM(a), &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows + 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++) {
		rp_strtonum(res.rows[i][0], 1, INT64_MAX, &(*out)[i].id);
		(*out)[i].name = res.rows[i][1];
	}
	*n = res.nrows;
	return 0;
}

int
rp_clients_owner(struct rp_req *req, struct rp_stmt *client_of, long long id,
    const char *missing, struct rp_client *c)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(req->user->firm_id) };
	struct rp_dbres res;
	long long client;
	int found = 0;

	if (rp_db_do(req, client_of, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows != 1 || rp_strtonum(res.rows[0][0], 1, INT64_MAX, &client) != 0 ||
	    (found = rp_clients_get(req, client, c)) == 0)
		return rp_fail(req, 404, "not_found", NULL, missing);
	if (found < 0)
		return -1;
	return rp_clients_vciso(req, c);
}

bool
rp_clients_may_edit(const struct rp_req *req, const struct rp_client *c)
{
	int r = req->user->role;

	return r == RP_ROLE_ADMIN || ((r == RP_ROLE_MULTI_ACCOUNT_MANAGER ||
	    r == RP_ROLE_ACCOUNT_MANAGER) && c->vciso);
}

bool
rp_clients_may_staff(const struct rp_req *req, const struct rp_client *c)
{
	int r = req->user->role;

	return r == RP_ROLE_ADMIN || (r == RP_ROLE_MULTI_ACCOUNT_MANAGER && c->vciso);
}

static int
module_parse(const char *key)
{
	return rp_enum_parse(&rp_modules, key);
}

/* The modules of a mask as SET text ("a,b"). */
static const char *
modules_text(struct rp_req *req, unsigned mask)
{
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	for (size_t i = 0; i < rp_modules.n; i++)
		if (mask & (1u << i)) {
			if (b.len)
				rp_buf_puts(&b, ",");
			rp_buf_puts(&b, rp_modules.keys[i]);
		}
	return rp_buf_str(&b);
}

struct json_object *
rp_json_ids(const long long *ids, size_t n)
{
	struct json_object *arr = json_object_new_array();

	for (size_t i = 0; i < n; i++)
		json_object_array_add(arr, json_object_new_int64(ids[i]));
	return arr;
}

struct json_object *
rp_json_key_list(const char *csv)
{
	struct json_object *arr = json_object_new_array();
	const char *p = csv ? csv : "";

	while (*p) {
		size_t n = strcspn(p, ",");
		if (n > 0)
			json_object_array_add(arr, json_object_new_string_len(p, (int)n));
		p += n;
		if (*p == ',')
			p++;
	}
	return arr;
}

/* A member the caller may put on a team: itself, or a user of its firm it
 * may manage (rp_users_get's visibility), who is not an establishment
 * manager. Returns 0 or -1 after rp_fail naming `field`. */
static int
team_member_ok(struct rp_req *req, long long uid, const char *field)
{
	struct rp_user_rec u;
	int found = rp_users_get(req, uid, &u);

	if (found < 0)
		return -1;
	if (found == 0 || u.firm_id != req->user->firm_id)
		return rp_fail(req, 404, "not_found", field, "No such user.");
	if (u.role == RP_ROLE_ESTABLISHMENT_MANAGER)
		return rp_fail(req, 400, "invalid", field,
		    "Establishment managers cannot be declared vCISO.");
	if (!u.active)
		return rp_fail(req, 400, "invalid", field, "This user is disabled.");
	return 0;
}

int
rp_clients_team(struct rp_req *req, const struct rp_client *c,
    struct rp_team_member **out, size_t *n)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_team, a, 2, &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++) {
		rp_strtonum(res.rows[i][0], 1, INT64_MAX, &(*out)[i].id);
		(*out)[i].name = res.rows[i][1];
		(*out)[i].role = rp_role_parse(res.rows[i][2]);
		(*out)[i].active = strcmp(res.rows[i][3], "1") == 0;
	}
	*n = res.nrows;
	return 0;
}

static bool
has_id(const long long *ids, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static int
period(struct rp_req *req, long long client)
{
	struct rp_dbarg a[] = { RP_AINT(client), RP_AINT(req->user->firm_id) };

	return rp_db_do(req, &q_period, a, 2, NULL);
}

static int
team_store(struct rp_req *req, long long client, const long long *ids, size_t n)
{
	struct rp_dbarg a[3] = { RP_AINT(client), RP_AINT(req->user->firm_id) };

	if (rp_db_do(req, &q_team_clear, a, 2, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (has_id(ids, i, ids[i]))
			continue;
		struct rp_dbarg b[3] = { RP_AINT(client), RP_AINT(ids[i]),
		    RP_AINT(req->user->firm_id) };
		if (rp_db_do(req, &q_team_add, b, 3, NULL) != 0)
			return -1;
	}
	return 0;
}

/* The billing e-mail: required for direct billing, refused otherwise (an
 * empty form field counts as absent). */
static int
billing_email(struct rp_req *req, const char *mode, const char **out)
{
	const char *e;

	*out = NULL;
	if (rp_in_text0(req, "billing_email", 254, &e) < 0)
		return -1;
	if (e != NULL && *e == '\0')
		e = NULL;
	if (strcmp(mode, "direct") != 0) {
		if (e != NULL)
			return rp_fail(req, 400, "invalid", "billing_email",
			    "A billing e-mail is only for direct billing.");
		return 0;
	}
	if (e == NULL)
		return rp_fail(req, 400, "required", "billing_email",
		    "Direct billing needs the client's billing e-mail.");
	char *low = rp_strndup(req->arena, e, strlen(e));
	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!rp_email_valid(low))
		return rp_fail(req, 400, "invalid", "billing_email",
		    "This is not a valid e-mail address.");
	*out = low;
	return 0;
}

int
rp_clients_create(struct rp_req *req, long long *id)
{
	const struct rp_user *me = req->user;
	const char *name, *mission, *plan, *mode, *email;
	long long *team, *tpl;
	size_t nteam, ntpl;
	unsigned modules = 0;
	struct rp_dbres res;
	int hteam;

	if (me->role != RP_ROLE_ADMIN && me->role != RP_ROLE_MULTI_ACCOUNT_MANAGER)
		return rp_fail(req, 403, "forbidden", NULL,
		    "Only admins and multi-account managers create clients.");
	if (rp_in_text(req, "name", 200, true, &name) < 0 ||
	    rp_in_enum(req, "mission_type", &rp_mission_types, true, &mission) < 0 ||
	    rp_in_enum(req, "plan", &rp_plans, true, &plan) < 0 ||
	    rp_in_enum(req, "billing_mode", &rp_billing_modes, true, &mode) < 0 ||
	    billing_email(req, mode, &email) < 0 ||
	    rp_in_keys(req, "modules", module_parse, &modules) < 0 ||
	    (hteam = rp_in_ids(req, "vciso_ids", &team, &nteam)) < 0 ||
	    rp_in_ids(req, "template_ids", &tpl, &ntpl) < 0)
		return -1;
	ntpl = rp_ids_dedup(tpl, ntpl);
	if (ntpl > RP_DEPLOY_MAX_TEMPLATES)
		return rp_fail(req, 400, "too_long", "template_ids", rp_printf(req->arena,
		    "Deploy at most %d templates at once.", RP_DEPLOY_MAX_TEMPLATES));
	if (rp_templates_check(req, tpl, ntpl, "template_ids") != 0)
		return -1;
	for (size_t i = 0; i < nteam; i++)
		if (team[i] != me->id && team_member_ok(req, team[i], "vciso_ids") != 0)
			return -1;
	/* The creator is on the team unless an admin chose it otherwise; a
	 * multi-account manager always becomes vCISO of what it creates. */
	if ((!hteam || me->role == RP_ROLE_MULTI_ACCOUNT_MANAGER) &&
	    !has_id(team, nteam, me->id)) {
		long long *t = rp_calloc(req->arena, nteam + 1, sizeof(*t));
		if (nteam)
			memcpy(t, team, nteam * sizeof(*t));
		t[nteam++] = me->id;
		team = t;
	}

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	const char *mods = modules_text(req, modules);
	struct rp_dbarg a[] = { RP_AINT(me->firm_id), RP_ASTR(name), RP_ASTR(mission),
	    RP_ASTR(plan), RP_ASTR(mode), RP_ASTR(email), RP_ASTR(mods), RP_AINT(me->id) };
	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	if (team_store(req, *id, team, nteam) != 0 || period(req, *id) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "name", json_object_new_string(name));
	rp_jadd(d, "mission_type", json_object_new_string(mission));
	rp_jadd(d, "plan", json_object_new_string(plan));
	rp_jadd(d, "billing_mode", json_object_new_string(mode));
	if (email)
		rp_jadd(d, "billing_email", json_object_new_string(email));
	rp_jadd(d, "modules", rp_json_key_list(mods));
	rp_jadd(d, "vciso_ids", rp_json_ids(team, nteam));
	if (ntpl)
		rp_jadd(d, "template_ids", rp_json_ids(tpl, ntpl));
	/* The starter templates, copied in the same transaction. */
	if (rp_audit(req, "client.create", "client", *id, *id, d) != 0 ||
	    rp_templates_copy(req, me->firm_id, *id, tpl, ntpl, NULL) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* Fields settings do not change, and where they are changed instead. */
static const struct {
	const char	*field;
	const char	*code;
	const char	*msg;
} elsewhere[] = {
	{ "billing_mode", "contact_support",
	  "The billing mode is changed by support: contact support to change it." },
	{ "billing_email", "contact_support",
	  "The billing e-mail is changed by support: contact support to change it." },
	{ "plan", "forbidden", "Change the plan through the plan change." },
	{ "mission_type", "forbidden", "Change the mission type through the plan change." },
	{ "vciso_ids", "forbidden", "Change the team through the team settings." },
};

int
rp_clients_update(struct rp_req *req, const struct rp_client *c)
{
	static const char *const known[] = { "name", "status", "modules" };
	const char *name, *status, *bad;
	unsigned modules = 0;
	int hm;

	if (!rp_clients_may_edit(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not change this client's settings.");
	for (size_t i = 0; i < RP_NELEM(elsewhere); i++) {
		const char *f = elsewhere[i].field;
		if ((req->json && json_object_object_get_ex(req->json, f, NULL)) ||
		    (!req->json && rp_param(&req->form, f)))
			return rp_fail(req, 403, elsewhere[i].code, f, elsewhere[i].msg);
	}
	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_text(req, "name", 200, false, &name) < 0 ||
	    rp_in_enum(req, "status", &rp_client_statuses, false, &status) < 0 ||
	    (hm = rp_in_keys(req, "modules", module_parse, &modules)) < 0)
		return -1;
	const char *mods = hm ? modules_text(req, modules) : c->modules;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_ASTR(name ? name : c->name),
	    RP_ASTR(status ? status : c->status), RP_ASTR(mods), RP_AINT(c->id),
	    RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_update, a, RP_NELEM(a), NULL) != 0 ||
	    (status && strcmp(status, c->status) != 0 && period(req, c->id) != 0))
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "name", c->name, name ? name : c->name);
	rp_audit_change(d, "status", c->status, status ? status : c->status);
	rp_audit_change(d, "modules", c->modules, mods);
	if (rp_audit(req, "client.update", "client", c->id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_clients_plan(struct rp_req *req, const struct rp_client *c)
{
	const char *plan, *mission;

	if (!rp_clients_may_edit(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not change this client's plan.");
	if (rp_in_enum(req, "plan", &rp_plans, false, &plan) < 0 ||
	    rp_in_enum(req, "mission_type", &rp_mission_types, false, &mission) < 0)
		return -1;
	if (plan == NULL && mission == NULL)
		return rp_fail(req, 400, "required", "plan",
		    "Give the new plan or mission type.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_ASTR(plan ? plan : c->plan),
	    RP_ASTR(mission ? mission : c->mission_type), RP_AINT(c->id),
	    RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_plan, a, RP_NELEM(a), NULL) != 0 || period(req, c->id) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "plan", c->plan, plan ? plan : c->plan);
	rp_audit_change(d, "mission_type", c->mission_type, mission ? mission : c->mission_type);
	if (rp_audit(req, "client.plan", "client", c->id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_clients_set_vcisos(struct rp_req *req, const struct rp_client *c)
{
	const struct rp_user *me = req->user;
	long long *ids, *team;
	size_t n, nteam = 0;
	int has;

	if (!rp_clients_may_staff(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not change this client's team.");
	if ((has = rp_in_ids(req, "user_ids", &ids, &n)) < 0)
		return -1;
	if (has == 0)
		return rp_fail(req, 400, "required", "user_ids", "Give the list of user ids.");
	for (size_t i = 0; i < n; i++)
		if (ids[i] != me->id && team_member_ok(req, ids[i], "user_ids") != 0)
			return -1;
	/* Members the caller may not manage stay on the team (SPEC §2–3: one
	 * changes only what one may see). */
	team = rp_calloc(req->arena, n + c->nvcisos + 1, sizeof(*team));
	for (size_t i = 0; i < c->nvcisos; i++) {
		struct rp_user_rec u;
		long long uid = c->vciso_ids[i];
		int found = uid == me->id ? 1 : rp_users_get(req, uid, &u);
		if (found < 0)
			return -1;
		if (found == 0)
			team[nteam++] = uid;
	}
	for (size_t i = 0; i < n; i++)
		if (!has_id(team, nteam, ids[i]))
			team[nteam++] = ids[i];
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (team_store(req, c->id, team, nteam) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "from", rp_json_ids(c->vciso_ids, c->nvcisos));
	rp_jadd(d, "to", rp_json_ids(team, nteam));
	if (rp_audit(req, "client.vcisos", "client", c->id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

static struct rp_stmt q_lock_row = RP_STMT(
    "SELECT id FROM clients WHERE id = ? AND firm_id = ? FOR UPDATE");

int
rp_clients_lock(struct rp_req *req, const struct rp_client *c)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_lock_row, a, 2, &res) != 0)
		return -1;
	return res.nrows == 1 ? 0 : rp_fail(req, 404, "not_found", NULL, "No such client.");
}

int
rp_clients_begin(struct rp_req *req, const struct rp_client *c)
{
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_clients_lock(req, c) != 0) {
		rp_db_rollback();
		return -1;
	}
	return 0;
}

/* Streamed (app/jsonw.h): the client list answers 50 of these per request. */
void
rp_client_write(struct rp_jw *w, const struct rp_client *c)
{
	rp_jw_open(w, NULL, '{');
	rp_jw_int(w, "id", c->id);
	rp_jw_str(w, "name", c->name);
	if (c->full) {
		rp_jw_str(w, "mission_type", c->mission_type);
		rp_jw_str(w, "plan", c->plan);
		rp_jw_str(w, "status", c->status);
		rp_jw_str(w, "billing_mode", c->billing_mode);
		rp_jw_str(w, "billing_email", c->billing_email);
		rp_jw_key_list(w, "modules", c->modules);
		rp_jw_ids(w, "vciso_ids", c->vciso_ids, c->nvcisos);
		rp_jw_str(w, "created_at", c->created_at);
		rp_jw_int(w, "establishments_count", c->establishments);
		rp_jw_num(w, "open_actions", c->open_actions);
		/* The column's own text (DECIMAL(5,2)): no float formatting. */
		rp_jw_num(w, "compliance_pct", c->compliance_pct);
		rp_jw_bool(w, "is_vciso", c->vciso);
	}
	rp_jw_close(w, '}');
}
