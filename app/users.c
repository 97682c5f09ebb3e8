/* Users of a firm: reading, who manages whom, validated create and update. */
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "db.h"
#include "establishments.h"
#include "input.h"
#include "json.h"
#include "password.h"
#include "request.h"
#include "session.h"
#include "users.h"
#include "util.h"

#define USER_COLUMNS \
    "u.id, COALESCE(u.firm_id, 0), u.role, u.email, u.first_name, u.last_name," \
    " u.lang, u.active, u.mfa_enabled," \
    " (SELECT GROUP_CONCAT(f.feature) FROM user_features f WHERE f.user_id = u.id)," \
    " (SELECT GROUP_CONCAT(p.field) FROM user_profile_fields p WHERE p.user_id = u.id)," \
    " DATE_FORMAT(u.created_at, '%Y-%m-%dT%H:%i:%sZ')," \
    " (SELECT GROUP_CONCAT(v.client_id ORDER BY v.client_id) FROM client_vcisos v" \
    "  WHERE v.user_id = u.id)," \
    " (SELECT GROUP_CONCAT(a.establishment_id ORDER BY a.establishment_id)" \
    "  FROM user_establishments a WHERE a.user_id = u.id)"

/* Visible users: the caller itself (a support user too, which has no firm),
 * and users of its firm whose role it may manage (the roles are bound as up
 * to four parameters, '' for none) and, below admins, whose scope lies
 * within the caller's: every client they are vCISO of, and the client of
 * every establishment assigned to them, is one the caller is vCISO of. */
#define VISIBLE \
    " (u.id = ? OR (u.firm_id = ? AND u.role IN (?, ?, ?, ?) AND (? = 1 OR (" \
    " NOT EXISTS (SELECT 1 FROM client_vcisos tv WHERE tv.user_id = u.id" \
    "  AND NOT EXISTS (SELECT 1 FROM client_vcisos mv WHERE mv.user_id = ?" \
    "  AND mv.client_id = tv.client_id))" \
    " AND NOT EXISTS (SELECT 1 FROM user_establishments te JOIN establishments tx" \
    "  ON tx.id = te.establishment_id WHERE te.user_id = u.id" \
    "  AND NOT EXISTS (SELECT 1 FROM client_vcisos mw WHERE mw.user_id = ?" \
    "  AND mw.client_id = tx.client_id))))))"
#define VISIBLE_NARGS 9

static struct rp_stmt q_get = RP_STMT(
    "SELECT " USER_COLUMNS " FROM users u WHERE u.id = ? AND" VISIBLE);
static struct rp_stmt q_list = RP_STMT(
    "SELECT " USER_COLUMNS " FROM users u WHERE" VISIBLE
    " AND (? = '' OR u.email LIKE ? OR u.first_name LIKE ? OR u.last_name LIKE ?"
    " OR CONCAT(u.first_name, ' ', u.last_name) LIKE ?)"
    " ORDER BY"
    /* The sort key and direction are bound values chosen from a fixed list
     * (ORDER BY cannot take a column as a parameter). */
    " CASE WHEN ? = 'asc' THEN CASE ? WHEN 'email' THEN u.email"
    "  WHEN 'role' THEN u.role ELSE CONCAT(u.last_name, ' ', u.first_name) END END ASC,"
    " CASE WHEN ? = 'desc' THEN CASE ? WHEN 'email' THEN u.email"
    "  WHEN 'role' THEN u.role ELSE CONCAT(u.last_name, ' ', u.first_name) END END DESC,"
    " u.id LIMIT ? OFFSET ?");
static struct rp_stmt q_count = RP_STMT(
    "SELECT COUNT(*) FROM users u WHERE" VISIBLE
    " AND (? = '' OR u.email LIKE ? OR u.first_name LIKE ? OR u.last_name LIKE ?"
    " OR CONCAT(u.first_name, ' ', u.last_name) LIKE ?)");
/* Who may be declared vCISO of the firm's clients by the caller: the
 * visible active users of its firm but establishment managers, by name
 * (the list's order), only what the choice shows. */
static struct rp_stmt q_team = RP_STMT(
    "SELECT u.id, u.role, u.email, u.first_name, u.last_name FROM users u"
    " WHERE u.firm_id = ? AND u.active = 1 AND u.role IN (?, ?, ?) AND" VISIBLE
    " ORDER BY CONCAT(u.last_name, ' ', u.first_name), u.id LIMIT ?");
static struct rp_stmt q_by_email = RP_STMT(
    "SELECT " USER_COLUMNS ", u.password_hash, u.mfa_secret,"
    " COALESCE(u.mfa_last_counter, -1) FROM users u WHERE u.email = ?");
static struct rp_stmt q_email_taken = RP_STMT(
    "SELECT id FROM users WHERE email = ? AND id <> ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO users (firm_id, email, first_name, last_name, role,"
    " password_hash, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE users SET email = ?, first_name = ?, last_name = ?, role = ?,"
    " active = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_set_password = RP_STMT(
    "UPDATE users SET password_hash = ? WHERE id = ?");
static struct rp_stmt q_del_features = RP_STMT(
    "DELETE FROM user_features WHERE user_id = ?");
static struct rp_stmt q_add_feature = RP_STMT(
    "INSERT INTO user_features (user_id, feature) VALUES (?, ?)");
static struct rp_stmt q_del_fields = RP_STMT(
    "DELETE FROM user_profile_fields WHERE user_id = ?");
static struct rp_stmt q_add_field = RP_STMT(
    "INSERT INTO user_profile_fields (user_id, field) VALUES (?, ?)");

static void
fill(struct rp_user_rec *u, char **row)
{
	rp_strtonum(row[0], 1, INT64_MAX, &u->id);
	rp_strtonum(row[1], 0, INT64_MAX, &u->firm_id);
	u->role = rp_role_parse(row[2]);
	u->email = row[3];
	u->first_name = row[4];
	u->last_name = row[5];
	u->lang = row[6];
	u->active = strcmp(row[7], "1") == 0;
	u->mfa_enabled = strcmp(row[8], "1") == 0;
	u->features = rp_effective_features(u->role, rp_features_from_list(row[9]));
	u->profile_fields = rp_effective_profile_fields(u->role,
	    rp_profile_fields_from_list(row[10]));
	u->created_at = row[11];
	u->client_ids = row[12] ? row[12] : "";
	u->establishment_ids = row[13] ? row[13] : "";
}

/* The visibility arguments: self, firm, and the manageable role keys. */
static size_t
visible_args(const struct rp_req *req, struct rp_dbarg *a)
{
	const struct rp_user *me = req->user;
	size_t k = 0;

	a[0] = RP_AINT(me->id);
	a[1] = RP_AINT(me->firm_id);
	for (int r = 0; r < RP_ROLE__COUNT && k < 4; r++)
		if (me->firm_id != 0 && rp_role_may_manage(me->role, r))
			a[2 + k++] = RP_ASTR(rp_role_key(r));
	while (k < 4)
		a[2 + k++] = RP_ASTR("");
	a[6] = RP_AINT(me->role == RP_ROLE_ADMIN ? 1 : 0);
	a[7] = RP_AINT(me->id);
	a[8] = RP_AINT(me->id);
	return VISIBLE_NARGS;
}

int
rp_users_get(struct rp_req *req, long long id, struct rp_user_rec *out)
{
	struct rp_dbarg a[1 + VISIBLE_NARGS];
	struct rp_dbres res;

	a[0] = RP_AINT(id);
	visible_args(req, a + 1);
	if (rp_db_exec(req->arena, &q_get, a, RP_NELEM(a), &res) != 0)
		return rp_db_fail(req);
	if (res.nrows != 1)
		return 0;
	fill(out, res.rows[0]);
	return 1;
}

/* The keys users may be sorted by (SPEC lists; ?sort=). */
static const char *const sort_keys[] = { "name", "email", "role" };

const char *
rp_users_sort_key(const char *s)
{
	for (size_t i = 0; s != NULL && i < RP_NELEM(sort_keys); i++)
		if (strcmp(s, sort_keys[i]) == 0)
			return sort_keys[i];
	return NULL;
}

int
rp_users_list(struct rp_req *req, const char *q, const char *sort, bool desc,
    long long limit, long long offset, struct rp_user_rec **out, size_t *n,
    long long *total)
{
	struct rp_dbarg a[VISIBLE_NARGS + 11];
	struct rp_dbres res;
	const char *like;

	q = q ? q : "";
	like = rp_like_pattern(req->arena, q);
	size_t k = visible_args(req, a);
	a[k++] = RP_ASTR(q);
	for (int i = 0; i < 4; i++)
		a[k++] = RP_ASTR(like);
	if (rp_db_exec(req->arena, &q_count, a, k, &res) != 0)
		return rp_db_fail(req);
	rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, total);
	a[k++] = RP_ASTR(desc ? "desc" : "asc");
	a[k++] = RP_ASTR(sort);
	a[k++] = RP_ASTR(desc ? "desc" : "asc");
	a[k++] = RP_ASTR(sort);
	a[k++] = RP_AINT(limit);
	a[k++] = RP_AINT(offset);
	if (rp_db_exec(req->arena, &q_list, a, k, &res) != 0)
		return rp_db_fail(req);
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++)
		fill(&(*out)[i], res.rows[i]);
	*n = res.nrows;
	return 0;
}

int
rp_users_team(struct rp_req *req, long long limit, struct rp_user_rec **out, size_t *n)
{
	struct rp_dbarg a[4 + VISIBLE_NARGS + 1];
	struct rp_dbres res;

	a[0] = RP_AINT(req->user->firm_id);
	a[1] = RP_ASTR(rp_role_key(RP_ROLE_ADMIN));
	a[2] = RP_ASTR(rp_role_key(RP_ROLE_MULTI_ACCOUNT_MANAGER));
	a[3] = RP_ASTR(rp_role_key(RP_ROLE_ACCOUNT_MANAGER));
	size_t k = 4 + visible_args(req, a + 4);
	a[k++] = RP_AINT(limit);
	if (rp_db_exec(req->arena, &q_team, a, k, &res) != 0)
		return rp_db_fail(req);
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++) {
		struct rp_user_rec *u = &(*out)[i];
		rp_strtonum(res.rows[i][0], 1, INT64_MAX, &u->id);
		u->firm_id = req->user->firm_id;
		u->role = rp_role_parse(res.rows[i][1]);
		u->email = res.rows[i][2];
		u->first_name = res.rows[i][3];
		u->last_name = res.rows[i][4];
		u->active = true;
	}
	*n = res.nrows;
	return 0;
}

int
rp_users_by_email(struct rp_req *req, const char *email, struct rp_user_rec *out,
    const char **hash, const char **mfa_secret, long long *mfa_last)
{
	struct rp_dbarg a = RP_ASTR(email);
	struct rp_dbres res;

	if (rp_db_exec(req->arena, &q_by_email, &a, 1, &res) != 0)
		return rp_db_fail(req);
	if (res.nrows != 1)
		return 0;
	fill(out, res.rows[0]);
	*hash = res.rows[0][14];
	*mfa_secret = res.rows[0][15];
	rp_strtonum(res.rows[0][16], -1, INT64_MAX, mfa_last);
	return out->role >= 0;
}

bool
rp_users_may_manage(const struct rp_req *req, const struct rp_user_rec *t)
{
	const struct rp_user *me = req->user;

	return t->id != me->id && t->firm_id == me->firm_id && me->firm_id != 0 &&
	    rp_role_may_manage(me->role, t->role);
}

static struct json_object *
keys_json(unsigned mask, const char *(*key)(int), int count)
{
	struct json_object *arr = json_object_new_array();

	for (int i = 0; i < count; i++)
		if (mask & (1u << i))
			json_object_array_add(arr, json_object_new_string(key(i)));
	return arr;
}

static struct json_object *
ids_json(const struct rp_req *req, const char *csv)
{
	size_t n;
	long long *ids = rp_ids_parse(req->arena, csv, &n);

	return rp_json_ids(ids, n);
}

struct json_object *
rp_user_json(const struct rp_req *req, const struct rp_user_rec *u)
{
	struct json_object *o = json_object_new_object();
	/* A caller sees only the rights it holds itself (SPEC §3). */
	unsigned fmask = u->id == req->user->id ? u->features :
	    u->features & req->user->features;
	unsigned pmask = u->id == req->user->id ? u->profile_fields :
	    u->profile_fields & req->user->profile_fields;

	rp_jadd(o, "id", json_object_new_int64(u->id));
	rp_jadd(o, "email", json_object_new_string(u->email));
	rp_jadd(o, "first_name", json_object_new_string(u->first_name));
	rp_jadd(o, "last_name", json_object_new_string(u->last_name));
	rp_jadd(o, "role", json_object_new_string(rp_role_key(u->role)));
	rp_jadd(o, "firm_id", u->firm_id ?
	    json_object_new_int64(u->firm_id) : NULL);
	rp_jadd(o, "active", json_object_new_boolean(u->active));
	rp_jadd(o, "features", keys_json(fmask, rp_feature_key,
	    RP_FEAT__COUNT));
	rp_jadd(o, "profile_fields", keys_json(pmask,
	    rp_profile_field_key, RP_PF__COUNT));
	rp_jadd(o, "client_ids", ids_json(req, u->client_ids));
	rp_jadd(o, "establishment_ids", ids_json(req, u->establishment_ids));
	rp_jadd(o, "mfa_enrolled", json_object_new_boolean(u->mfa_enabled));
	rp_jadd(o, "lang", json_object_new_string(u->lang));
	rp_jadd(o, "created_at", json_object_new_string(u->created_at));
	return o;
}

int
rp_users_store_rights(struct rp_req *req, long long id, int role, unsigned features,
    unsigned fields)
{
	struct rp_dbarg a[2] = { RP_AINT(id) };

	if (rp_db_exec(req->arena, &q_del_features, a, 1, NULL) != 0 ||
	    rp_db_exec(req->arena, &q_del_fields, a, 1, NULL) != 0)
		return rp_db_fail(req);
	/* Admins hold everything by role; rows are kept for other roles. */
	if (role == RP_ROLE_ADMIN)
		return 0;
	for (int i = 0; i < RP_FEAT__COUNT; i++) {
		if (!(features & RP_FEAT_BIT(i)))
			continue;
		a[1] = RP_ASTR(rp_feature_key(i));
		if (rp_db_exec(req->arena, &q_add_feature, a, 2, NULL) != 0)
			return rp_db_fail(req);
	}
	for (int i = 0; i < RP_PF__COUNT; i++) {
		if (!(fields & (1u << i)))
			continue;
		a[1] = RP_ASTR(rp_profile_field_key(i));
		if (rp_db_exec(req->arena, &q_add_field, a, 2, NULL) != 0)
			return rp_db_fail(req);
	}
	return 0;
}

static struct rp_stmt q_del_clients = RP_STMT(
    "DELETE FROM client_vcisos WHERE user_id = ?");
static struct rp_stmt q_add_client = RP_STMT(
    "INSERT INTO client_vcisos (client_id, user_id, firm_id) VALUES (?, ?, ?)");
static struct rp_stmt q_del_estabs = RP_STMT(
    "DELETE FROM user_establishments WHERE user_id = ?");
static struct rp_stmt q_add_estab = RP_STMT(
    "INSERT INTO user_establishments (user_id, establishment_id, firm_id) VALUES (?, ?, ?)");

/* A user's scope as a request names it: client_ids (vCISO declarations)
 * and establishment_ids (establishment managers). */
struct assign {
	long long	*cids;
	size_t		 nc;
	int		 hc;
	long long	*eids;
	size_t		 ne;
	int		 he;
	/* What a form offered (its client_ids_offered and
	 * establishment_ids_offered): an entry it did not offer stays,
	 * whatever the caller may see, as the form could not clear it. NULL
	 * when every visible entry was offered: the API's requests, a form
	 * without the list. */
	long long	*offc, *offe;
	size_t		 noffc, noffe;
};

/* Is client id one the caller may declare a vCISO of (admins: any client
 * of the firm; managers: their own)? Establishment id one in its scope? */
static int
client_in_scope(struct rp_req *req, long long id)
{
	struct rp_client c;
	int found = rp_clients_get(req, id, &c);

	return found <= 0 ? found : c.full;
}

static int
estab_in_scope(struct rp_req *req, long long id)
{
	struct rp_estab e;
	int found = rp_estabs_get(req, id, &e);

	return found <= 0 ? found : e.merged_into == 0;
}

static int
assign_read(struct rp_req *req, int role, struct assign *as)
{
	int rc;

	as->offc = as->offe = NULL;
	as->noffc = as->noffe = 0;
	if (req->json == NULL) {
		const char *oc = rp_param(&req->form, "client_ids_offered");
		const char *oe = rp_param(&req->form, "establishment_ids_offered");
		if (oc != NULL)
			as->offc = rp_ids_parse(req->arena, oc, &as->noffc);
		if (oe != NULL)
			as->offe = rp_ids_parse(req->arena, oe, &as->noffe);
	}
	if ((as->hc = rp_in_ids(req, "client_ids", &as->cids, &as->nc)) < 0 ||
	    (as->he = rp_in_ids(req, "establishment_ids", &as->eids, &as->ne)) < 0)
		return -1;
	if (as->nc > 0 && role == RP_ROLE_ESTABLISHMENT_MANAGER)
		return rp_fail(req, 400, "invalid", "client_ids",
		    "Establishment managers are not declared vCISO: assign them establishments.");
	if (as->ne > 0 && role != RP_ROLE_ESTABLISHMENT_MANAGER)
		return rp_fail(req, 400, "invalid", "establishment_ids",
		    "Only establishment managers are assigned establishments.");
	for (size_t i = 0; i < as->nc; i++)
		if ((rc = client_in_scope(req, as->cids[i])) <= 0)
			return rc < 0 ? -1 : rp_fail(req, 404, "not_found", "client_ids",
			    "No such client.");
	for (size_t i = 0; i < as->ne; i++)
		if ((rc = estab_in_scope(req, as->eids[i])) <= 0)
			return rc < 0 ? -1 : rp_fail(req, 404, "not_found", "establishment_ids",
			    "No such establishment.");
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

/* The new list: the old entries the caller cannot see stay (one changes
 * only what one sees), and so do those a form did not offer (`offered`,
 * when not NULL); the others are replaced by the request's. */
static int
merge_ids(struct rp_req *req, const char *old_csv, const long long *want, size_t nwant,
    int (*in_scope)(struct rp_req *, long long), const long long *offered,
    size_t noffered, long long **out, size_t *n)
{
	size_t nold;
	long long *old = rp_ids_parse(req->arena, old_csv, &nold);
	int rc;

	*out = rp_calloc(req->arena, nold + nwant + 1, sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < nold; i++) {
		if (offered != NULL && !has_id(offered, noffered, old[i])) {
			(*out)[(*n)++] = old[i];
			continue;
		}
		if ((rc = in_scope(req, old[i])) < 0)
			return -1;
		if (rc == 0)
			(*out)[(*n)++] = old[i];
	}
	for (size_t i = 0; i < nwant; i++)
		if (!has_id(*out, *n, want[i]))
			(*out)[(*n)++] = want[i];
	return 0;
}

static int
store_ids(struct rp_req *req, long long uid, struct rp_stmt *del, struct rp_stmt *add,
    const long long *ids, size_t n, bool client_first)
{
	struct rp_dbarg d = RP_AINT(uid);

	if (rp_db_do(req, del, &d, 1, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg a[] = { RP_AINT(client_first ? ids[i] : uid),
		    RP_AINT(client_first ? uid : ids[i]), RP_AINT(req->user->firm_id) };
		if (rp_db_do(req, add, a, 3, NULL) != 0)
			return -1;
	}
	return 0;
}

/* Store the scope of user uid (role `role`; t: its record before, NULL on
 * creation) inside the caller's transaction; a role that cannot hold one
 * kind of assignment loses it. Adds what changed to d. */
static int
assign_store(struct rp_req *req, long long uid, int role, const struct rp_user_rec *t,
    const struct assign *as, struct json_object *d)
{
	bool em = role == RP_ROLE_ESTABLISHMENT_MANAGER;
	const char *oc = t ? t->client_ids : "", *oe = t ? t->establishment_ids : "";
	long long *c, *e;
	size_t nc, ne;

	if (as->hc || (em && *oc)) {
		if (em)
			nc = 0, c = NULL;
		else if (merge_ids(req, oc, as->cids, as->nc, client_in_scope, as->offc,
		    as->noffc, &c, &nc) != 0)
			return -1;
		if (store_ids(req, uid, &q_del_clients, &q_add_client, c, nc, true) != 0)
			return -1;
		struct json_object *arr = json_object_new_array();
		for (size_t i = 0; i < nc; i++)
			json_object_array_add(arr, json_object_new_int64(c[i]));
		rp_jadd(d, "client_ids", arr);
	}
	if (as->he || (!em && *oe)) {
		if (!em)
			ne = 0, e = NULL;
		else if (merge_ids(req, oe, as->eids, as->ne, estab_in_scope, as->offe,
		    as->noffe, &e, &ne) != 0)
			return -1;
		if (store_ids(req, uid, &q_del_estabs, &q_add_estab, e, ne, false) != 0)
			return -1;
		struct json_object *arr = json_object_new_array();
		for (size_t i = 0; i < ne; i++)
			json_object_array_add(arr, json_object_new_int64(e[i]));
		rp_jadd(d, "establishment_ids", arr);
	}
	return 0;
}

static int
email_free(struct rp_req *req, const char *email, long long self)
{
	struct rp_dbarg a[] = { RP_ASTR(email), RP_AINT(self) };
	struct rp_dbres res;

	if (rp_db_exec(req->arena, &q_email_taken, a, 2, &res) != 0)
		return rp_db_fail(req);
	if (res.nrows > 0)
		return rp_fail(req, 409, "email_taken", "email",
		    "This e-mail address is already used.");
	return 0;
}

int
rp_users_create(struct rp_req *req, long long *id)
{
	const struct rp_user *me = req->user;
	const char *email, *first, *last, *role_key, *password, *why;
	unsigned features, fields;
	char hash[RP_HASH_LEN];
	struct rp_dbres res;
	struct assign as;
	int role, hf, hp;

	if (rp_in_email(req, "email", true, &email) < 0 ||
	    rp_in_text(req, "first_name", 100, true, &first) < 0 ||
	    rp_in_text(req, "last_name", 100, true, &last) < 0 ||
	    rp_in_text(req, "role", 32, true, &role_key) < 0 ||
	    rp_in_secret(req, "password", true, &password) < 0)
		return -1;
	if ((role = rp_role_parse(role_key)) < 0 || role == RP_ROLE_SUPPORT)
		return rp_fail(req, 400, "invalid", "role", "Unknown role.");
	if (!rp_role_may_manage(me->role, role))
		return rp_fail(req, 403, "forbidden", "role",
		    "You may not create users of this role.");
	if ((why = rp_password_policy(password, email)) != NULL)
		return rp_fail(req, 400, "weak_password", "password", why);
	if ((hf = rp_in_keys(req, "features", rp_feature_parse, &features)) < 0 ||
	    (hp = rp_in_keys(req, "profile_fields", rp_profile_field_parse,
	    &fields)) < 0 || assign_read(req, role, &as) < 0)
		return -1;
	/* Nobody grants what it does not hold. */
	if (hf && (features & ~me->features))
		return rp_fail(req, 403, "forbidden", "features",
		    "You may only grant features you hold.");
	if (hp && (fields & ~me->profile_fields))
		return rp_fail(req, 403, "forbidden", "profile_fields",
		    "You may only grant profile fields you may edit.");
	if (!hf)
		features = rp_default_features(role, me->features);
	if (!hp)
		fields = me->profile_fields;
	if (email_free(req, email, 0) < 0)
		return -1;
	if (rp_password_hash(password, hash) != 0)
		return rp_fail(req, 500, "internal", NULL, "Hashing failed.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_AINT(me->firm_id), RP_ASTR(email),
	    RP_ASTR(first), RP_ASTR(last), RP_ASTR(rp_role_key(role)),
	    RP_ASTR(hash), RP_AINT(me->id) };
	if (rp_db_exec(req->arena, &q_insert, a, 7, &res) != 0) {
		rp_db_fail(req);
		goto fail;
	}
	*id = res.insert_id;
	if (rp_users_store_rights(req, *id, role, features, fields) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	if (assign_store(req, *id, role, NULL, &as, d) != 0) {
		json_object_put(d);
		goto fail;
	}
	rp_jadd(d, "email", json_object_new_string(email));
	rp_jadd(d, "role", json_object_new_string(rp_role_key(role)));
	rp_jadd(d, "features", keys_json(features, rp_feature_key,
	    RP_FEAT__COUNT));
	rp_jadd(d, "profile_fields", keys_json(fields,
	    rp_profile_field_key, RP_PF__COUNT));
	if (rp_audit(req, "user.create", "user", *id, 0, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_users_update(struct rp_req *req, const struct rp_user_rec *t)
{
	const struct rp_user *me = req->user;
	const char *email, *first, *last, *role_key, *password, *why;
	unsigned features = 0, fields = 0;
	bool active = t->active, self = t->id == me->id;
	int role = t->role, hf, hp, ha;
	struct assign as;

	if (rp_in_email(req, "email", false, &email) < 0 ||
	    rp_in_text(req, "first_name", 100, false, &first) < 0 ||
	    rp_in_text(req, "last_name", 100, false, &last) < 0 ||
	    rp_in_text(req, "role", 32, false, &role_key) < 0 ||
	    rp_in_secret(req, "password", false, &password) < 0 ||
	    (ha = rp_in_bool(req, "active", &active)) < 0 ||
	    (hf = rp_in_keys(req, "features", rp_feature_parse, &features)) < 0 ||
	    (hp = rp_in_keys(req, "profile_fields", rp_profile_field_parse,
	    &fields)) < 0)
		return -1;
	/* One's own account changes only through /me (feature `self`, current
	 * password for the e-mail): here nobody raises or edits itself. */
	if (self)
		return rp_fail(req, 403, "forbidden", role_key ? "role" : hf ?
		    "features" : hp ? "profile_fields" : ha ? "active" : NULL,
		    "Change your own account on /me; nobody changes its own role, "
		    "rights or status.");
	if (!self && !rp_users_may_manage(req, t))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not manage this user.");
	if (role_key != NULL) {
		if ((role = rp_role_parse(role_key)) < 0 || role == RP_ROLE_SUPPORT)
			return rp_fail(req, 400, "invalid", "role", "Unknown role.");
		if (!rp_role_may_manage(me->role, role))
			return rp_fail(req, 403, "forbidden", "role",
			    "You may not give this role.");
	}
	if (assign_read(req, role, &as) < 0)
		return -1;
	if (hf && (features & ~me->features))
		return rp_fail(req, 403, "forbidden", "features",
		    "You may only grant or revoke features you hold.");
	if (hp && (fields & ~me->profile_fields))
		return rp_fail(req, 403, "forbidden", "profile_fields",
		    "You may only grant or revoke profile fields you may edit.");
	/* Rights the editor cannot see stay as they are. */
	unsigned new_features = hf ? (t->features & ~me->features) | features :
	    t->features;
	unsigned new_fields = hp ? (t->profile_fields & ~me->profile_fields) |
	    fields : t->profile_fields;
	if (email != NULL && email_free(req, email, t->id) < 0)
		return -1;
	if (password != NULL && (why = rp_password_policy(password,
	    email ? email : t->email)) != NULL)
		return rp_fail(req, 400, "weak_password", "password", why);
	char hash[RP_HASH_LEN];
	if (password != NULL && rp_password_hash(password, hash) != 0)
		return rp_fail(req, 500, "internal", NULL, "Hashing failed.");

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_ASTR(email ? email : t->email),
	    RP_ASTR(first ? first : t->first_name), RP_ASTR(last ? last : t->last_name),
	    RP_ASTR(rp_role_key(role)), RP_AINT(active ? 1 : 0), RP_AINT(t->id),
	    RP_AINT(me->firm_id) };
	if (rp_db_exec(req->arena, &q_update, a, 7, NULL) != 0) {
		rp_db_fail(req);
		goto fail;
	}
	if ((hf || hp || role != t->role) &&
	    rp_users_store_rights(req, t->id, role, role == RP_ROLE_ADMIN ? RP_FEAT_ALL :
	    new_features, role == RP_ROLE_ADMIN ? RP_PF_ALL : new_fields) != 0)
		goto fail;
	if (password != NULL) {
		struct rp_dbarg p[] = { RP_ASTR(hash), RP_AINT(t->id) };
		if (rp_db_exec(req->arena, &q_set_password, p, 2, NULL) != 0) {
			rp_db_fail(req);
			goto fail;
		}
	}
	/* A disabled user, or one whose password was reset, is logged out. */
	if ((!active || password != NULL) && rp_session_end_user(req, t->id, 0) < 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	if (assign_store(req, t->id, role, t, &as, d) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (email)
		rp_audit_change(d, "email", t->email, email);
	if (first)
		rp_audit_change(d, "first_name", t->first_name, first);
	if (last)
		rp_audit_change(d, "last_name", t->last_name, last);
	rp_audit_change(d, "role", rp_role_key(t->role), rp_role_key(role));
	rp_audit_change(d, "active", t->active ? "true" : "false", active ? "true" : "false");
	if (hf && new_features != t->features)
		rp_jadd(d, "features", keys_json(new_features,
		    rp_feature_key, RP_FEAT__COUNT));
	if (hp && new_fields != t->profile_fields)
		rp_jadd(d, "profile_fields", keys_json(new_fields,
		    rp_profile_field_key, RP_PF__COUNT));
	if (password)
		rp_jadd(d, "password", json_object_new_string("reset"));
	if (rp_audit(req, "user.update", "user", t->id, 0, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_users_end_sessions(struct rp_req *req, const struct rp_user_rec *t)
{
	long long n;

	if (!rp_users_may_manage(req, t))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not manage this user.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if ((n = rp_session_end_user(req, t->id, 0)) < 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "sessions_ended", json_object_new_int64(n));
	if (rp_audit(req, "user.sessions_end", "user", t->id, 0, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
