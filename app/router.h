/* The declarative route table and the one dispatcher that guards it. */
#ifndef RP_ROUTER_H
#define RP_ROUTER_H

#include <stddef.h>

struct rp_req;

/* What a route needs, checked by rp_dispatch() before its handler runs. */
enum {
	RP_R_SESSION	= 1 << 0,	/* a logged-in user (401 otherwise) */
	RP_R_CSRF	= 1 << 1,	/* state change: X-CSRF-Token or csrf_token */
	RP_R_DB		= 1 << 2,	/* uses the database (503 when it is down) */
};

struct rp_route {
	const char	*method;	/* "GET", "POST", ... (GET also serves HEAD) */
	const char	*pattern;	/* "/api/v1/clients/{id}" */
	int		(*handler)(struct rp_req *);
	unsigned	 flags;
	unsigned	 roles;		/* RP_ROLE_BIT mask; 0: any role */
	int		 feature;	/* RP_FEAT_*, or RP_FEAT_NONE */
};

/* Match req->path and method against `routes`, check session, role, feature
 * and CSRF in a fixed order (404, 405, 401, 403), then run the handler.
 * Errors are recorded with rp_fail(); the caller sends the response. */
void rp_dispatch(struct rp_req *, const struct rp_route *routes, size_t n);

/* The product's route table (routes.c). */
extern const struct rp_route rp_routes[];
extern const size_t rp_nroutes;

#endif
