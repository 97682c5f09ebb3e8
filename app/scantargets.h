/* What the external scan module watches for each establishment: its
 * targets (domains, IPv4 and IPv6 addresses, IPv4 networks up to a /24),
 * validated and normalised by app/netaddr.c, once each per establishment.
 * For the client's declared vCISOs, on a client with the module. */
#ifndef RP_SCANTARGETS_H
#define RP_SCANTARGETS_H

struct json_object;
struct rp_client;
struct rp_req;

/* Most targets of one establishment. */
#define RP_TARGETS_MAX	256

/* Targets of c (of establishment estab, or all when 0), by establishment
 * then value, paged; *total gets their count. NULL after rp_fail. */
struct json_object *rp_targets_list(struct rp_req *, const struct rp_client *c,
    long long estab, long long limit, long long offset, long long *total);

/* Add a target to establishment estab of c from the request's `value`
 * and optional `label` (an "establishment_id" field is allowed, read by
 * the caller); audited ("scan_target.create"). Returns 0 with *id, or -1
 * after rp_fail: 400 naming the field, 404/409 for the establishment
 * (rp_scans_estab), 409 target_exists naming value. */
int rp_targets_create(struct rp_req *, const struct rp_client *c, long long estab,
    long long *id);
/* Target id of c; NULL after rp_fail (404). */
struct json_object *rp_target_get(struct rp_req *, const struct rp_client *c, long long id);
/* The client of target `id` (as rp_scans_of). */
int rp_targets_of(struct rp_req *, long long id, struct rp_client *c);
/* Remove target id of c; audited ("scan_target.delete"). Returns 0 with
 * *estab set to its establishment, or -1 after rp_fail. */
int rp_targets_delete(struct rp_req *, const struct rp_client *c, long long id,
    long long *estab);

#endif
