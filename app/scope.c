/* The arguments of the scoping fragments, from the authenticated context. */
#include "authz.h"
#include "db.h"
#include "request.h"
#include "scope.h"
#include "util.h"

size_t
rp_scope_args(const struct rp_req *req, struct rp_dbarg *a)
{
	const struct rp_user *u = req->user;

	/* firm_id 0 matches no row: support users and anonymous see nothing. */
	a[0] = RP_AINT(u ? u->firm_id : 0);
	a[1] = RP_AINT(u && u->role == RP_ROLE_ADMIN ? 1 : 0);
	a[2] = RP_AINT(u ? u->id : 0);
	a[3] = RP_AINT(u ? u->id : 0);
	return RP_SCOPE_NARGS;
}

struct rp_stmt *
rp_scoped(const struct rp_req *req, struct rp_stmt *pair)
{
	return req->user != NULL && req->user->role == RP_ROLE_ADMIN ? &pair[0] : &pair[1];
}

static struct rp_stmt q_client[2] = {
	RP_STMT("SELECT 1 FROM clients c WHERE c.id = ? AND" RP_SCOPE_FIRM("c")),
	RP_STMT("SELECT 1 FROM clients c WHERE c.id = ? AND" RP_SCOPE_CLIENT("c")),
};
static struct rp_stmt q_estab = RP_STMT(
    "SELECT 1 FROM establishments e WHERE e.id = ? AND" RP_SCOPE_ESTAB("e"));
static struct rp_stmt q_suggestion = RP_STMT(
    "SELECT 1 FROM establishment_suggestions s JOIN establishments e"
    " ON e.id = s.establishment_id AND e.firm_id = s.firm_id"
    " WHERE s.id = ? AND" RP_SCOPE_ESTAB("e"));

static struct rp_stmt q_usage_client[2] = {
	RP_STMT("SELECT 1 FROM clients c WHERE c.id = ?"
	    " AND FIND_IN_SET('usage_diagnostic', c.modules) > 0 AND" RP_SCOPE_FIRM("c")),
	RP_STMT("SELECT 1 FROM clients c WHERE c.id = ?"
	    " AND FIND_IN_SET('usage_diagnostic', c.modules) > 0 AND" RP_SCOPE_CLIENT("c")),
};
static struct rp_stmt q_usage_estab = RP_STMT(
    "SELECT 1 FROM establishments e JOIN clients c ON c.id = e.client_id AND c.firm_id = e.firm_id"
    " WHERE e.id = ? AND FIND_IN_SET('usage_diagnostic', c.modules) > 0 AND" RP_SCOPE_ESTAB("e"));

int
rp_scope_visible(struct rp_req *req, int kind, long long id)
{
	struct rp_stmt *st = kind == RP_SCOPE_OF_CLIENT ? rp_scoped(req, q_client) :
	    kind == RP_SCOPE_OF_ESTAB ? &q_estab :
	    kind == RP_SCOPE_OF_SUGGESTION ? &q_suggestion :
	    kind == RP_SCOPE_OF_USAGE_CLIENT ? rp_scoped(req, q_usage_client) :
	    kind == RP_SCOPE_OF_USAGE_ESTAB ? &q_usage_estab : NULL;
	struct rp_dbarg a[1 + RP_SCOPE_NARGS] = { RP_AINT(id) };
	struct rp_dbres res;

	if (st == NULL)
		return 1;
	rp_scope_args(req, a + 1);
	if (rp_db_do(req, st, a, RP_NELEM(a), &res) != 0)
		return -1;
	return res.nrows > 0;
}
