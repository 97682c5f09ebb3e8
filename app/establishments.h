/* Establishments of a client (SPEC §1): reading in scope, creation, the
 * per-field edit rights of profiles, status changes, plan, duplicates and
 * merging; shared by the API, the HTML pages and the CSV directory. */
#ifndef RP_ESTABLISHMENTS_H
#define RP_ESTABLISHMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "authz.h"

struct json_object;
struct rp_req;
struct rp_client;

struct rp_estab {
	long long	 id;
	long long	 firm_id;
	long long	 client_id;
	const char	*client_name;
	/* Profile field values by enum rp_profile_field; "" when empty. */
	const char	*f[RP_PF__COUNT];
	const char	*status;
	const char	*plan;
	long long	 merged_into;	/* 0 unless merged */
	const char	*merged_at;
	const char	*created_at;
	const char	*updated_at;
};

struct rp_estab_filter {
	const char	*q;		/* name, city or SIRET contains */
	const char	*status;	/* NULL for any */
};

/* Load establishment id in the caller's scope: 1, 0 (404), -1. */
int rp_estabs_get(struct rp_req *, long long id, struct rp_estab *out);
/* The live (not merged) establishments of client c the caller sees. */
int rp_estabs_list(struct rp_req *, const struct rp_client *c,
    const struct rp_estab_filter *, long long limit, long long offset,
    struct rp_estab **out, size_t *n, long long *total);
/* Read ?q= and ?status= (strict: 400 on a bad status). */
int rp_estabs_filter(struct rp_req *, struct rp_estab_filter *, bool strict);

/* May the caller create establishments in c (admins and managers in
 * scope; never establishment managers)? */
bool rp_estabs_may_create(const struct rp_req *, const struct rp_client *c);

/* Create from the request's fields. Returns 0 with *id, or -1. */
int rp_estabs_create(struct rp_req *, const struct rp_client *c, long long *id);
/* Edit profile fields: each one named must be in the caller's
 * profile_fields (403 naming it). Returns 0 or -1. */
int rp_estabs_update(struct rp_req *, const struct rp_estab *);
/* Apply the request's "action" (cancel, close, deactivate, reactivate). */
int rp_estabs_status(struct rp_req *, const struct rp_estab *);
/* The statuses an action may start from, and where it leads; NULL when the
 * action cannot apply to `from`. */
const char *rp_estabs_transition(const char *action, const char *from);
int rp_estabs_plan(struct rp_req *, const struct rp_estab *);
/* Merge e into the establishment named by the request's "into". Returns 0
 * with *survivor, or -1. */
int rp_estabs_merge(struct rp_req *, const struct rp_estab *e, long long *survivor);

/* Likely duplicates among c's live establishments the caller sees. */
struct rp_dup_group {
	const char	*reason;	/* "siret" or "name_postcode" */
	struct rp_estab	*items;
	size_t		 n;
};
int rp_estabs_duplicates(struct rp_req *, const struct rp_client *c,
    struct rp_dup_group **groups, size_t *ngroups);
/* Establishments of c merged into others (the "removed duplicates"). */
int rp_estabs_removed(struct rp_req *, const struct rp_client *c,
    struct rp_estab **out, size_t *n);

/* Check a profile field's value (trimmed text, "" to clear). Returns NULL
 * when valid, else a fixed message. */
const char *rp_estab_check(int field, const char *value);
/* Write e's profile fields (insert when e->id is 0, setting it; the plan
 * too on insert) inside the caller's transaction, keeping the name key in
 * step. Returns 0 or -1 after rp_fail. */
int rp_estabs_store(struct rp_req *, struct rp_estab *e);

/* API shape; profile fields other than the name only with profile.read. */
struct json_object *rp_estab_json(const struct rp_req *, const struct rp_estab *);

#endif
