/* Clients (missions) of a firm: reading in scope, the new-mission wizard,
 * settings, plan changes and the vCISO team (SPEC §1–2), shared by the API
 * and the HTML pages. */
#ifndef RP_CLIENTS_H
#define RP_CLIENTS_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_req;

struct rp_client {
	long long	 id;
	long long	 firm_id;
	const char	*name;
	const char	*mission_type;
	const char	*plan;
	const char	*status;
	const char	*billing_mode;
	const char	*billing_email;	/* NULL unless direct */
	const char	*modules;	/* comma-separated keys */
	const char	*created_at;
	long long	 establishments;
	const char	*open_actions;	/* NULL until the Pilot counts them */
	const char	*compliance_pct;
	bool		 vciso;		/* the caller is declared vCISO of it */
	bool		 full;		/* the caller sees more than its name */
	long long	*vciso_ids;
	size_t		 nvcisos;
};

struct rp_client_filter {
	const char	*q;		/* name contains; NULL for any */
	const char	*mission_type;	/* keys of app/enums.h, NULL for any */
	const char	*plan;
	const char	*status;
	const char	*billing_mode;
	const char	*sort;		/* a key of rp_clients_sort_key */
	bool		 desc;
};

/* Load client `id` in the caller's scope. Returns 1, 0 when out of scope
 * (answer 404), -1 after rp_fail. */
int rp_clients_get(struct rp_req *, long long id, struct rp_client *out);

/* The first `limit` clients in the caller's scope by name, ids and names
 * only (no count): the client switcher's. Returns 0 or -1 after rp_fail. */
struct rp_client_name {
	long long	 id;
	const char	*name;
};
int rp_clients_names(struct rp_req *, long long limit, struct rp_client_name **out,
    size_t *n);

/* The first `limit` clients, by name, that the caller is declared vCISO
 * of (ids and names): those it may deploy library templates to. Returns 0
 * or -1 after rp_fail. */
int rp_clients_vciso_of(struct rp_req *, long long limit, struct rp_client_name **out,
    size_t *n);

/* Clients in scope matching f, paged. Returns 0 or -1 after rp_fail. */
int rp_clients_list(struct rp_req *, const struct rp_client_filter *f,
    long long limit, long long offset, struct rp_client **out, size_t *n,
    long long *total);
const char *rp_clients_sort_key(const char *s);
/* Read and validate the list filters from the query string (400 naming
 * the parameter). Returns 0 or -1. */
int rp_clients_filter(struct rp_req *, struct rp_client_filter *f, bool strict);

/* The wizard: create a client with its team, modules and billing mode from
 * the request's fields in one transaction. Returns 0 with *id, or -1. */
int rp_clients_create(struct rp_req *, long long *id);
/* Settings: name, status, modules. Returns 0 or -1 after rp_fail. */
int rp_clients_update(struct rp_req *, const struct rp_client *);
/* Plan change: plan and/or mission_type (feature `plan`). */
int rp_clients_plan(struct rp_req *, const struct rp_client *);
/* Replace the team with the request's user_ids; members the caller may not
 * manage are kept. */
int rp_clients_set_vcisos(struct rp_req *, const struct rp_client *);

/* A member of a client's team, for display. */
struct rp_team_member {
	long long	 id;
	const char	*name;		/* "First Last", or the e-mail */
	int		 role;
	bool		 active;
};
/* The team of client c (already loaded in scope). Returns 0 or -1. */
int rp_clients_team(struct rp_req *, const struct rp_client *c,
    struct rp_team_member **out, size_t *n);

/* Client id for its Pilot space: in the caller's scope (404 otherwise)
 * and with the caller declared vCISO of it (403 `not_vciso` otherwise,
 * admins included). Returns 0 or -1 after rp_fail. */
int rp_clients_pilot(struct rp_req *, long long id, struct rp_client *out);
/* The same check on a client already loaded in scope: 0, or -1 after the
 * 403. */
int rp_clients_vciso(struct rp_req *, const struct rp_client *);
/* The client of object `id` of a Pilot table, read by client_of (args: id,
 * the caller's firm; one column, the client id), loaded in the caller's
 * scope with the caller declared vCISO of it. Another firm's object, a
 * missing one and one of a client out of scope are the same 404 (message
 * `missing`); 403 for a non-vCISO. Returns 0 or -1 after rp_fail. */
struct rp_stmt;
int rp_clients_owner(struct rp_req *, struct rp_stmt *client_of, long long id,
    const char *missing, struct rp_client *c);

/* Is evaluation module `key` (a key of rp_modules) enabled for c? */
bool rp_clients_has_module(const struct rp_client *c, const char *key);
/* The Pilot client of a module's route: rp_clients_pilot (404 out of
 * scope, 403 not vCISO), then 404 when the module is disabled for it (a
 * disabled module's pages and routes do not exist for that client).
 * Returns 0 or -1 after rp_fail. */
int rp_clients_module(struct rp_req *, long long id, const char *key, struct rp_client *out);

/* May the caller change this client's settings (admins; managers declared
 * vCISO of it)? */
bool rp_clients_may_edit(const struct rp_req *, const struct rp_client *);
/* May the caller set this client's team (admins; multi-account managers
 * declared vCISO of it)? */
bool rp_clients_may_staff(const struct rp_req *, const struct rp_client *);

/* The API shape (name only for a caller that sees only the name). */
struct rp_jw;
void rp_client_write(struct rp_jw *, const struct rp_client *);
/* Begin a write transaction of client c with its row locked first: the
 * writes to one client, and the counters and copies they keep on its row
 * (compliance %, open actions, risk counts, last activity), take turns
 * instead of deadlocking. 0, or -1 after rp_fail (nothing left open). */
int rp_clients_begin(struct rp_req *, const struct rp_client *c);
/* The lock alone, inside the caller's transaction (404 when the client is
 * gone). 0, or -1 after rp_fail. */
int rp_clients_lock(struct rp_req *, const struct rp_client *c);
/* Ids as a JSON array of numbers. */
struct json_object *rp_json_ids(const long long *ids, size_t n);
/* A comma-separated list of keys as a JSON array of strings. */
struct json_object *rp_json_key_list(const char *csv);

#endif
