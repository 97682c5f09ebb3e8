/* The one scoping rule of tenant data (SPEC §2): what a caller sees is
 * bounded by its firm, and below admins by its vCISO declarations
 * (managers) or its assigned establishments (establishment managers).
 *
 * Each fragment takes the same RP_SCOPE_NARGS arguments, filled by
 * rp_scope_args() from the authenticated context (never from the request):
 *   static struct rp_stmt q = RP_STMT(
 *       "SELECT ... FROM clients c WHERE c.id = ? AND" RP_SCOPE_CLIENT("c"));
 */
#ifndef RP_SCOPE_H
#define RP_SCOPE_H

#include <stddef.h>

struct rp_dbarg;
struct rp_req;

#define RP_SCOPE_NARGS 4

/* Clients the caller sees: every client of an admin's firm; those it is
 * declared vCISO of; those holding an establishment assigned to it. */
#define RP_SCOPE_CLIENT(c) \
    " (" c ".firm_id = ? AND (? = 1" \
    " OR EXISTS (SELECT 1 FROM client_vcisos sv WHERE sv.client_id = " c ".id" \
    "  AND sv.user_id = ?)" \
    " OR EXISTS (SELECT 1 FROM user_establishments su JOIN establishments se" \
    "  ON se.id = su.establishment_id WHERE su.user_id = ? AND se.client_id = " c ".id)))"

/* The same for an admin, whose scope is the whole firm: the same
 * arguments, without the subqueries (the optimizer pays for those on every
 * execution, even when `? = 1` makes them moot). rp_scoped() picks it. */
#define RP_SCOPE_FIRM(c) \
    " (" c ".firm_id = ? AND ? = 1 AND ? IS NOT NULL AND ? IS NOT NULL)"
/* Establishments the caller sees: every one of an admin's firm; all those
 * of the clients it is declared vCISO of; those assigned to it. */
#define RP_SCOPE_ESTAB(e) \
    " (" e ".firm_id = ? AND (? = 1" \
    " OR EXISTS (SELECT 1 FROM client_vcisos sv WHERE sv.client_id = " e ".client_id" \
    "  AND sv.user_id = ?)" \
    " OR EXISTS (SELECT 1 FROM user_establishments su WHERE su.establishment_id = " e ".id" \
    "  AND su.user_id = ?)))"

/* What the first {id} of a route names, for rp_scope_visible. */
enum rp_scope_kind {
	RP_SCOPE_NONE,
	RP_SCOPE_OF_CLIENT,
	RP_SCOPE_OF_ESTAB,
	RP_SCOPE_OF_SUGGESTION,
	/* The usage diagnostic's: a client in scope with the module enabled,
	 * an establishment in scope whose client has it (a disabled module's
	 * routes do not exist: 404 even for a caller without the feature). */
	RP_SCOPE_OF_USAGE_CLIENT,
	RP_SCOPE_OF_USAGE_ESTAB,
};

/* Is object id of this kind in the caller's scope? 1 yes, 0 no, -1 after
 * rp_fail (database). */
int rp_scope_visible(struct rp_req *, int kind, long long id);

/* Fill a[0..RP_SCOPE_NARGS) for the caller; returns RP_SCOPE_NARGS. A
 * caller without a firm (support) matches nothing. */
size_t rp_scope_args(const struct rp_req *, struct rp_dbarg *a);
/* Of a pair of statements { with RP_SCOPE_FIRM, with RP_SCOPE_CLIENT },
 * the one for the caller: the first for admins. */
struct rp_stmt;
struct rp_stmt *rp_scoped(const struct rp_req *, struct rp_stmt *pair);

#endif
