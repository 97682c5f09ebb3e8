/* The declarative route table and the one dispatcher that guards it. */
#ifndef RP_ROUTER_H
#define RP_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

struct rp_req;

/* What a route needs, checked by rp_dispatch() before its handler runs. */
enum {
	RP_R_SESSION	= 1 << 0,	/* a logged-in user (401, or the login page) */
	RP_R_OPTIONAL	= 1 << 1,	/* load the session if there is one */
	RP_R_PENDING	= 1 << 2,	/* also a login waiting for its MFA code */
	RP_R_MFA_SETUP	= 1 << 3,	/* allowed before a required MFA enrolment */
	RP_R_NO_CSRF	= 1 << 4,	/* state change without a session (login) */
	RP_R_UPLOAD	= 1 << 5,	/* takes a file: http.max_upload bytes */
};
/* Every POST, PUT, PATCH and DELETE made with a session must carry the
 * session's CSRF token (X-CSRF-Token, or the csrf_token form field): the
 * dispatcher checks it for every such route unless RP_R_NO_CSRF. */

struct rp_route {
	const char	*method;	/* "GET", "POST", ... (GET also serves HEAD) */
	const char	*pattern;	/* "/api/v1/clients/{id}" */
	int		(*handler)(struct rp_req *);
	unsigned	 flags;
	unsigned	 roles;		/* RP_ROLE_BIT mask; 0: any role */
	int		 feature;	/* RP_FEAT_*, or RP_FEAT_NONE */
};

/* Match req->path and method against `routes`, load the session, check it,
 * the MFA enrolment gate, role, feature and CSRF in a fixed order (404, 405,
 * 401, 403), then run the handler.
 * Errors are recorded with rp_fail(); the caller sends the response. */
void rp_dispatch(struct rp_req *, const struct rp_route *routes, size_t n);

/* Does the request go to a route that takes a file upload (so its body may
 * reach http.max_upload rather than http.max_body)? */
bool rp_route_takes_upload(const struct rp_req *, const struct rp_route *routes,
    size_t n);

/* The product's route table (routes.c). */
extern const struct rp_route rp_routes[];
extern const size_t rp_nroutes;

#endif
