/* One-time setup links by which a new firm's first admin chooses its own
 * password (support never chooses it). */
#ifndef RP_SETUP_H
#define RP_SETUP_H

struct rp_req;

/* Issue a link for user_id (earlier unused links die), inside the caller's
 * transaction: *url is "/setup/<token>", *expires its ISO 8601 expiry.
 * Returns 0 or -1 after rp_fail. */
int rp_setup_issue(struct rp_req *, long long user_id, const char **url,
    const char **expires);

/* Is token a live link (unused, unexpired, active user)? 1 with its user,
 * 0 no, -1 after rp_fail. */
int rp_setup_check(struct rp_req *, const char *token, long long *user_id,
    const char **email);

/* Redeem token with the request's password (and, from the form,
 * password_confirm): sets the password, kills the link, audits. Returns 0
 * with the user's id and e-mail, or -1 after rp_fail (404 for a dead
 * link). */
int rp_setup_redeem(struct rp_req *, const char *token, long long *user_id,
    const char **email);

/* After a redeemed link: log its user in (session, req->user, audit).
 * Returns 0 with the session's CSRF token, or -1 after rp_fail. */
int rp_setup_login(struct rp_req *, const char *email, const char **csrf);

#endif
