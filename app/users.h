/* Users of a firm: reading, the rules of who manages whom (SPEC §2–3), and
 * the validated create/update shared by the API and the HTML pages. */
#ifndef RP_USERS_H
#define RP_USERS_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_req;

struct rp_user_rec {
	long long	 id;
	long long	 firm_id;
	int		 role;
	const char	*email;
	const char	*first_name;
	const char	*last_name;
	const char	*lang;
	bool		 active;
	bool		 mfa_enabled;
	unsigned	 features;	/* effective */
	unsigned	 profile_fields;	/* effective */
	const char	*created_at;
	const char	*client_ids;		/* vCISO of, comma-separated ids */
	const char	*establishment_ids;	/* assigned, comma-separated ids */
};

/* Load user `id` as seen by the caller: only users of the caller's firm
 * that it may manage, and itself. Returns 1 found, 0 not visible (answer
 * 404), -1 after rp_fail. */
int rp_users_get(struct rp_req *, long long id, struct rp_user_rec *out);

/* Users visible to the caller, filtered by q (name or e-mail), sorted by
 * a key of rp_users_sort_key (name, email, role), paged.
 * Returns 0 or -1 after rp_fail. */
int rp_users_list(struct rp_req *, const char *q, const char *sort, bool desc,
    long long limit, long long offset, struct rp_user_rec **out, size_t *n,
    long long *total);
/* The users the caller may declare vCISO of its firm's clients: the
 * visible active users of its firm but establishment managers (itself
 * included), by name, at most `limit`; id, role, e-mail and names filled.
 * Returns 0 or -1 after rp_fail. */
int rp_users_team(struct rp_req *, long long limit, struct rp_user_rec **out, size_t *n);
/* The sort key named by s, or NULL when it is not one. */
const char *rp_users_sort_key(const char *s);

/* Create a user from the request's fields (email, first_name, last_name,
 * role, password, features, profile_fields, client_ids,
 * establishment_ids). Everything is checked against the caller's role and
 * rights; the user and its audit entry commit together. Returns 0 with *id,
 * or -1 after rp_fail. */
int rp_users_create(struct rp_req *, long long *id);

/* Update `target` from the request's fields (any of the above, and
 * active). Returns 0 or -1 after rp_fail. */
int rp_users_update(struct rp_req *, const struct rp_user_rec *target);

/* Replace the stored features and profile fields of user id (none for
 * admins, who hold everything by role), inside the caller's transaction.
 * Returns 0 or -1 after rp_fail. */
int rp_users_store_rights(struct rp_req *, long long id, int role,
    unsigned features, unsigned fields);

/* End every session of a user the caller manages, with an audit entry.
 * Returns 0 or -1 after rp_fail. */
int rp_users_end_sessions(struct rp_req *, const struct rp_user_rec *target);

/* The API shape of a user, as the caller may see it (features and profile
 * fields limited to those the caller holds). */
struct json_object *rp_user_json(const struct rp_req *, const struct rp_user_rec *);

/* May the caller manage (edit, disable) this user? Itself: no. */
bool rp_users_may_manage(const struct rp_req *, const struct rp_user_rec *);

/* Look a user up by e-mail for login (any firm, active or not). Returns
 * 1 found, 0 not, -1 after rp_fail. `hash` and `mfa_secret` point into the
 * arena. */
int rp_users_by_email(struct rp_req *, const char *email, struct rp_user_rec *out,
    const char **hash, const char **mfa_secret, long long *mfa_last);

#endif
