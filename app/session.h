/* Sessions: random tokens in a cookie, stored hashed, with idle and absolute
 * timeouts, and the per-session CSRF token. */
#ifndef RP_SESSION_H
#define RP_SESSION_H

#include <stdbool.h>
#include <stddef.h>

struct rp_config;
struct rp_req;

#define RP_SESSION_COOKIE	"rempart_session"

void rp_session_setup(const struct rp_config *);

/* Fill req->user from the session cookie, if a live session matches.
 * `pending` accepts a session still waiting for its MFA code. Returns 0
 * (user set or not), or -1 after rp_fail (database down). */
int rp_session_load(struct rp_req *, bool pending);

/* Start a session for user_id (new token every time); sets the cookie and
 * returns the session id through *sid and the CSRF token through *csrf.
 * `mfa_ok` is false for a login still waiting for its TOTP code.
 * Returns 0 or -1 after rp_fail. */
int rp_session_create(struct rp_req *, long long user_id, bool mfa_ok,
    long long *sid, const char **csrf);

/* Mark the current (pending) session as having passed MFA. */
int rp_session_mfa_passed(struct rp_req *, long long sid);

/* End the current session (server-side) and clear the cookie. */
int rp_session_end(struct rp_req *);

/* End every session of a user but `keep` (0: all). Returns the number ended,
 * or -1 after rp_fail. */
long long rp_session_end_user(struct rp_req *, long long user_id, long long keep);

/* The live sessions of a user, newest activity first: rows of id,
 * created_at, last_seen (formatted with the DATE_FORMAT pattern datefmt),
 * ip, user_agent. Returns 0 or -1 after rp_fail. */
struct rp_dbres;
int rp_session_list(struct rp_req *, long long user_id, const char *datefmt,
    struct rp_dbres *);

/* End session `sid` if it belongs to user_id. Returns 1 ended, 0 none,
 * -1 after rp_fail. */
int rp_session_revoke(struct rp_req *, long long user_id, long long sid);

/* Must users of this role enrol in MFA (auth.mfa_required_roles)? */
bool rp_session_mfa_required(int role);

/* Fill buf with n random bytes from the kernel CSPRNG, as 2n hex digits. */
int rp_random_hex(char *out, size_t nbytes);

#endif
