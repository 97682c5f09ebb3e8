/* The arguments of the scoping fragments, from the authenticated context. */
#include "authz.h"
#include "db.h"
#include "request.h"
#include "scope.h"

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
