/* Logging in: throttling, password and TOTP checks, session creation, audit;
 * shared by the HTML form and POST /api/v1/session. */
#ifndef RP_LOGIN_H
#define RP_LOGIN_H

#include <stdbool.h>

struct rp_req;

enum rp_login_outcome {
	RP_LOGIN_DONE,		/* session created, req->user set */
	RP_LOGIN_NEED_TOTP,	/* password right, TOTP needed */
	RP_LOGIN_PENDING,	/* HTML: pending session made, ask the code */
};

/* Check credentials (totp may be NULL). With `pending_ok` (HTML), a user
 * with MFA and no code gets a session that only the MFA step accepts.
 * Returns 0 and the outcome, or -1 after rp_fail (401, 429, 503...). */
int rp_login(struct rp_req *, const char *email, const char *password,
    const char *totp, bool pending_ok, enum rp_login_outcome *out,
    const char **csrf);

/* Start a fully authenticated session for u and make it the request's
 * user, with an audit entry (after the checks of rp_login, or a setup
 * link). Returns 0 or -1 after rp_fail. */
struct rp_user_rec;
int rp_login_start(struct rp_req *, const struct rp_user_rec *u, const char **csrf);

/* Finish a pending (HTML) login with its TOTP or recovery code. */
int rp_login_mfa(struct rp_req *, const char *code);

/* Count a password attempt for `email` before checking it (also used when
 * an open session re-enters its password): 429 when over the bounds.
 * Returns 0 with the attempt's id, or -1 after rp_fail. */
int rp_login_claim(struct rp_req *, const char *email, long long *attempt);
/* The attempt succeeded: it is no failure. */
int rp_login_release(struct rp_req *, long long attempt);

/* End the session, with an audit entry. */
int rp_logout(struct rp_req *);

#endif
