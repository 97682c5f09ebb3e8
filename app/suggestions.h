/* Profile suggestions (SPEC §1): a user who may read a profile but not edit
 * a field proposes a value; one who may edit that field accepts it (the
 * value is applied) or rejects it. */
#ifndef RP_SUGGESTIONS_H
#define RP_SUGGESTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_req;
struct rp_estab;

struct rp_suggestion {
	long long	 id;
	long long	 establishment_id;
	long long	 client_id;
	const char	*field;
	const char	*value;
	const char	*status;	/* pending, accepted, rejected */
	long long	 by_user_id;
	const char	*by_name;
	long long	 decided_by;
	const char	*created_at;
	const char	*decided_at;
};

/* Suggestions of an establishment the caller sees, pending first. */
int rp_suggestions_list(struct rp_req *, const struct rp_estab *,
    struct rp_suggestion **out, size_t *n);
/* Load suggestion id if its establishment is in the caller's scope: 1, 0
 * (404), -1. */
int rp_suggestions_get(struct rp_req *, long long id, struct rp_suggestion *out);
/* Propose the request's "field" and "value". Returns 0 with *id, or -1. */
int rp_suggestions_create(struct rp_req *, const struct rp_estab *, long long *id);
/* Accept (apply) or reject a pending suggestion. */
int rp_suggestions_decide(struct rp_req *, const struct rp_suggestion *, bool accept);

struct json_object *rp_suggestion_json(const struct rp_suggestion *);

#endif
