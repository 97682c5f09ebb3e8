/* User management pages: list, create, edit; the rules are those of users.c. */
#include <string.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "establishments.h"
#include "request.h"
#include "tmpl.h"
#include "ui-shared.h"
#include "ui-users.h"
#include "users.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* Establishments listed for assignment, at most (a longer list is no
 * longer a form one can read). */
#define ASSIGN_MAX_ESTABS 500

int
rp_ui_users(struct rp_req *req)
{
	struct rp_user_rec *recs;
	long long limit, offset, page, total;
	const char *q = rp_query(req, "q");
	size_t n;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	if (q != NULL && strlen(q) > 200)
		return rp_fail(req, 400, "too_long", "q", "The search is too long.");
	/* An unknown sort falls back to the name: a stale link still works. */
	const char *sort = rp_users_sort_key(rp_query(req, "sort"));
	const char *dir = rp_query(req, "dir");
	bool desc = dir != NULL && strcmp(dir, "desc") == 0;
	if (sort == NULL)
		sort = "name";
	if (rp_users_list(req, q, sort, desc, limit, offset, &recs, &n, &total) != 0)
		return -1;
	rp_set(req, "Sort.key", sort);
	rp_set(req, "Sort.dir", desc ? "desc" : "asc");
	for (size_t i = 0; i < n; i++) {
		char *b = rp_printf(req->arena, "Users.%zu", i);
		rp_setf(req, rp_printf(req->arena, "%s.id", b), "%lld", recs[i].id);
		rp_set(req, rp_printf(req->arena, "%s.email", b), recs[i].email);
		if (recs[i].first_name[0] || recs[i].last_name[0])
			rp_set(req, rp_printf(req->arena, "%s.name", b), rp_printf(req->arena,
			    "%s %s", recs[i].first_name, recs[i].last_name));
		rp_set(req, rp_printf(req->arena, "%s.role", b), rp_role_key(recs[i].role));
		rp_set(req, rp_printf(req->arena, "%s.active", b), recs[i].active ? "1" : "0");
		rp_set(req, rp_printf(req->arena, "%s.mfa", b), recs[i].mfa_enabled ? "1" : "0");
		if (rp_users_may_manage(req, &recs[i]))
			rp_set(req, rp_printf(req->arena, "%s.manage", b), "1");
	}
	rp_set(req, "Search.q", q);
	rp_set(req, "Search.arg", q ? rp_printf(req->arena, "&q=%s",
	    rp_url_arg_escape(req->arena, q)) : "");
	rp_ui_pager(req, page, total, limit, rp_printf(req->arena, "sort=%s&dir=%s%s",
	    sort, desc ? "desc" : "asc", q ? rp_printf(req->arena, "&q=%s",
	    rp_url_arg_escape(req->arena, q)) : ""));
	return rp_page(req, "users", "Lang.users.title");
}

/* The form's choices: roles, features and profile fields the editor may
 * give, with the target's current ones checked. */
static void
form_choices(struct rp_req *req, int role, unsigned features, unsigned fields)
{
	const struct rp_user *me = req->user;

	for (int r = 0; r < RP_ROLE__COUNT; r++)
		if (r != RP_ROLE_SUPPORT && rp_role_may_manage(me->role, r)) {
			rp_set(req, rp_printf(req->arena, "Choices.roles.%s", rp_role_key(r)),
			    r == role ? "checked" : "");
		}
	for (int f = 0; f < RP_FEAT__COUNT; f++)
		if (me->features & RP_FEAT_BIT(f))
			rp_set(req, rp_printf(req->arena, "Choices.features.%d.key", f),
			    rp_feature_key(f)), rp_set(req, rp_printf(req->arena,
			    "Choices.features.%d.on", f), features & RP_FEAT_BIT(f) ? "1" : "0");
	for (int f = 0; f < RP_PF__COUNT; f++)
		if (me->profile_fields & (1u << f))
			rp_set(req, rp_printf(req->arena, "Choices.fields.%d.key", f),
			    rp_profile_field_key(f)), rp_set(req, rp_printf(req->arena,
			    "Choices.fields.%d.on", f), fields & (1u << f) ? "1" : "0");
}

static bool
has_id(const long long *ids, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* The ids checked in list `name`: those a refused form posted (`echo`),
 * else the stored ones of csv (as GROUP_CONCAT writes them). */
static long long *
checked_ids(struct rp_req *req, const char *name, const char *csv, bool echo, size_t *n)
{
	long long *ids;

	if (!echo || rp_param(&req->form, P("%s_present", name)) == NULL)
		return rp_ids_parse(req->arena, csv ? csv : "", n);
	ids = rp_calloc(req->arena, req->form.n + 1, sizeof(*ids));
	*n = 0;
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, name) == 0 &&
		    rp_strtonum(req->form.v[i].val, 1, 1LL << 53, &ids[*n]) == 0)
			(*n)++;
	return ids;
}

/* The assignments the editor may give, in its own scope: the clients a
 * user is declared vCISO of (`clients`), or the establishments of an
 * establishment manager, grouped by client (`estabs`); cids/eids are the
 * user's (stored, or posted by a refused form). */
static int
assign_choices(struct rp_req *req, bool clients, bool estabs, const char *cids_csv,
    const char *eids_csv, bool echo)
{
	struct rp_client_filter f;
	struct rp_client *cs;
	long long total;
	size_t n, nc, ne, k = 0, g = 0, left = ASSIGN_MAX_ESTABS;

	if (!clients && !estabs)
		return 0;
	long long *cids = checked_ids(req, "client_ids", cids_csv, echo, &nc);
	long long *eids = checked_ids(req, "establishment_ids", eids_csv, echo, &ne);
	memset(&f, 0, sizeof(f));
	f.sort = "name";
	if (rp_clients_list(req, &f, 500, 0, &cs, &n, &total) != 0)
		return -1;
	/* What the form offers goes with it (users.c keeps what it did not
	 * offer: past the limits, the user's other assignments). */
	struct rp_buf offered;
	rp_buf_init(&offered, req->arena);
	if (clients) {
		rp_set(req, "Assign.clients_on", "1");
		for (size_t i = 0; i < n; i++) {
			if (!cs[i].full)
				continue;
			rp_buf_put_id(&offered, cs[i].id);
			const char *b = P("Assign.clients.%zu", k++);
			rp_setf(req, P("%s.id", b), "%lld", cs[i].id);
			rp_set(req, P("%s.name", b), cs[i].name);
			if (has_id(cids, nc, cs[i].id))
				rp_set(req, P("%s.on", b), "1");
		}
		rp_set(req, "Assign.clients_offered", rp_buf_str(&offered));
		if (total > (long long)n)
			rp_set(req, "Assign.clients_capped", "1");
	}
	if (!estabs)
		return 0;
	rp_buf_init(&offered, req->arena);
	rp_set(req, "Assign.estabs_on", "1");
	for (size_t i = 0; i < n; i++) {
		struct rp_estab_filter ef = { NULL, NULL };
		struct rp_estab *es;
		long long count;
		size_t m;
		if (!cs[i].full)
			continue;
		if (left == 0) {
			rp_set(req, "Assign.capped", "1");
			break;
		}
		if (rp_estabs_list(req, &cs[i], &ef, (long long)left, 0, &es, &m, &count) != 0)
			return -1;
		if (count > (long long)m)
			rp_set(req, "Assign.capped", "1");
		if (m == 0)
			continue;
		const char *b = P("Assign.groups.%zu", g++);
		rp_set(req, P("%s.name", b), cs[i].name);
		for (size_t j = 0; j < m; j++) {
			const char *e = P("%s.items.%zu", b, j);
			rp_setf(req, P("%s.id", e), "%lld", es[j].id);
			rp_buf_put_id(&offered, es[j].id);
			rp_set(req, P("%s.name", e), es[j].f[RP_PF_NAME]);
			if (has_id(eids, ne, es[j].id))
				rp_set(req, P("%s.on", e), "1");
		}
		left -= m;
	}
	rp_set(req, "Assign.estabs_offered", rp_buf_str(&offered));
	return 0;
}

/* On the creation form the role is still to choose: each list shows when
 * the editor may give a role that holds it. */
static int
new_assign(struct rp_req *req, bool echo)
{
	int me = req->user->role;
	bool vciso = rp_role_may_manage(me, RP_ROLE_ADMIN) ||
	    rp_role_may_manage(me, RP_ROLE_MULTI_ACCOUNT_MANAGER) ||
	    rp_role_may_manage(me, RP_ROLE_ACCOUNT_MANAGER);

	return assign_choices(req, vciso, rp_role_may_manage(me, RP_ROLE_ESTABLISHMENT_MANAGER),
	    "", "", echo);
}

/* Keep what was typed when a form comes back with an error. */
static void
echo_form(struct rp_req *req)
{
	static const char *const keep[] = { "email", "first_name", "last_name" };

	for (size_t i = 0; i < RP_NELEM(keep); i++)
		rp_set(req, rp_printf(req->arena, "Edit.%s", keep[i]),
		    rp_param(&req->form, keep[i]));
}

int
rp_ui_users_new(struct rp_req *req)
{
	int role = RP_ROLE_ESTABLISHMENT_MANAGER;

	if (!rp_role_may_manage(req->user->role, role) || req->user->firm_id == 0)
		return rp_fail(req, 403, "forbidden", NULL, "You may not create users.");
	form_choices(req, role, rp_default_features(role, req->user->features),
	    req->user->profile_fields);
	rp_set(req, "Edit.new", "1");
	if (new_assign(req, false) != 0)
		return -1;
	return rp_page(req, "user-edit", "Lang.users.new");
}

int
rp_ui_users_create(struct rp_req *req)
{
	long long id;

	if (rp_users_create(req, &id) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		int role = rp_role_parse(rp_param(&req->form, "role"));
		form_choices(req, role, rp_default_features(role < 0 ? 0 : role,
		    req->user->features), req->user->profile_fields);
		echo_form(req);
		rp_set(req, "Edit.new", "1");
		if (new_assign(req, true) != 0)
			return -1;
		return rp_page(req, "user-edit", "Lang.users.new");
	}
	return rp_ui_done(req, rp_printf(req->arena, "/users/%lld", id), "created");
}

static int
edit_page(struct rp_req *req, const struct rp_user_rec *t, bool echo)
{
	rp_setf(req, "Edit.id", "%lld", t->id);
	rp_set(req, "Edit.email", t->email);
	rp_set(req, "Edit.first_name", t->first_name);
	rp_set(req, "Edit.last_name", t->last_name);
	rp_set(req, "Edit.active", t->active ? "1" : "0");
	rp_set(req, "Edit.mfa", t->mfa_enabled ? "1" : "0");
	rp_set(req, "Edit.role", rp_role_key(t->role));
	if (t->id == req->user->id)
		rp_set(req, "Edit.self", "1");
	else if (rp_users_may_manage(req, t)) {
		bool em = t->role == RP_ROLE_ESTABLISHMENT_MANAGER;
		rp_set(req, "Edit.manage", "1");
		if (assign_choices(req, !em, em, t->client_ids, t->establishment_ids, echo) != 0)
			return -1;
	}
	form_choices(req, t->role, t->features, t->profile_fields);
	return rp_page(req, "user-edit", "Lang.users.edit");
}

static int
load(struct rp_req *req, struct rp_user_rec *t)
{
	int found = rp_users_get(req, req->args[0], t);

	if (found < 0)
		return -1;
	return found ? 0 : rp_fail(req, 404, "not_found", NULL, "No such user.");
}

int
rp_ui_users_edit(struct rp_req *req)
{
	struct rp_user_rec t;

	if (load(req, &t) != 0)
		return -1;
	return edit_page(req, &t, false);
}

int
rp_ui_users_update(struct rp_req *req)
{
	struct rp_user_rec t;

	if (load(req, &t) != 0)
		return -1;
	if (rp_users_update(req, &t) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return edit_page(req, &t, true);
	}
	return rp_ui_done(req, rp_printf(req->arena, "/users/%lld", t.id), "saved");
}

int
rp_ui_users_end_sessions(struct rp_req *req)
{
	struct rp_user_rec t;

	if (load(req, &t) != 0 || rp_users_end_sessions(req, &t) != 0)
		return -1;
	return rp_ui_done(req, rp_printf(req->arena, "/users/%lld", t.id),
	    "sessions_ended");
}
