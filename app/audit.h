/* The audit log: who did what, when, from where, on which client and object. */
#ifndef RP_AUDIT_H
#define RP_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

struct rp_req;
struct json_object;
struct rp_dbres;

/* Record one action, inside the caller's transaction so the entry and the
 * change commit or roll back together. The actor is req->user (or nobody,
 * for failed logins). details (consumed, may be NULL) names changed fields
 * and values; never secrets. Returns 0 or -1 after rp_fail. */
int rp_audit(struct rp_req *, const char *action, const char *object_type,
    long long object_id, long long client_id, struct json_object *details);

/* Note a changed field in an entry's details as {"from": .., "to": ..}
 * (NULL written as null, and the same as ""); nothing when unchanged. */
void rp_audit_change(struct json_object *details, const char *field,
    const char *from, const char *to);

/* The same for a list of ids (a link set): notes it and returns true when
 * `to` holds other ids than `from`. */
bool rp_audit_ids(struct json_object *details, const char *field,
    const long long *from, size_t nfrom, const long long *to, size_t nto);

/* The same, for a change a user makes in another firm than its own
 * (support): the entry belongs to firm_id. */
int rp_audit_for(struct rp_req *, const char *action, const char *object_type,
    long long object_id, long long firm_id, long long client_id,
    struct json_object *details);

/* Audit entries of a client, newest first, as a JSON array of SPEC §4's
 * audit entry (with "at_text", the time in datefmt, a DATE_FORMAT
 * pattern, when datefmt is not NULL); *total gets their count (not
 * counted when total is NULL). NULL after rp_fail. The caller has checked that it may read them. */
struct json_object *rp_audit_of_client(struct rp_req *, long long firm_id,
    long long client_id, const char *datefmt, long long limit, long long offset,
    long long *total);

/* The latest `limit` entries of a client for a dashboard: only what it
 * shows, as rows of (time as in SPEC, time in datefmt, action), newest
 * first, in res. 0, or -1 after rp_fail. */
int rp_audit_latest(struct rp_req *, long long firm_id, long long client_id,
    const char *datefmt, long long limit, struct rp_dbres *res);

#endif
