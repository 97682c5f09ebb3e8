/* Frameworks and compliance (SPEC §1 "Compliance"): the catalogue, the
 * frameworks a client adopts, the assessment of each requirement, and the
 * compliance percentage kept from counters updated on every change. */
#ifndef RP_COMPLIANCE_H
#define RP_COMPLIANCE_H

#include "export.h"

#include <stdbool.h>

struct json_object;
struct rp_client;
struct rp_req;

/* Compliance % = (compliant + half of partial) / applicable requirements
 * (every assessable one, assessed or not, but those not applicable).
 * Returns false when none applies: the percentage is then undefined. */
bool rp_compliance_pct(long long total, long long compliant, long long partial,
    long long not_applicable, double *pct);

/* The frameworks a firm user may adopt (the catalogue and its firm's own),
 * paged; NULL after rp_fail. */
/* The frameworks client c may still adopt: [{id, name}]. NULL after
 * rp_fail. */
struct json_object *rp_frameworks_adoptable(struct rp_req *, const struct rp_client *c);
/* The same as a part of a union (db.h rp_db_union), and its rows decoded. */
struct rp_db_part;
struct rp_dbres;
void rp_frameworks_adoptable_part(struct rp_req *, const struct rp_client *c, struct rp_db_part *);
struct json_object *rp_frameworks_adoptable_of(const struct rp_dbres *);
struct json_object *rp_frameworks_list(struct rp_req *, long long limit, long long offset,
    long long *total);
/* One framework with its requirements in document order; 0 or -1 (404). */
int rp_framework_get(struct rp_req *, long long id, struct json_object **out);

/* Adopt the request's framework_id for client c (its vCISO). */
int rp_compliance_adopt(struct rp_req *, const struct rp_client *c, long long *framework);
/* The compliance items of an adopted framework, one per assessable
 * requirement, filtered by ?status= when given; NULL after rp_fail. */
struct json_object *rp_compliance_items(struct rp_req *, const struct rp_client *c,
    long long framework, const char *status, long long limit, long long offset,
    long long *total);
/* One compliance item of client c; NULL after rp_fail (404). */
struct json_object *rp_compliance_item(struct rp_req *, const struct rp_client *c,
    long long requirement);
/* Assess requirement_id from the request's status, comment, justification
 * and applicable (false: the status not_applicable, with a justification;
 * 400 naming the field). A request naming a "cycle" other than the
 * framework's current one is refused with 409 past_cycle. */
int rp_compliance_set(struct rp_req *, const struct rp_client *c, long long requirement);
/* Per adopted framework: framework_id, name, compliance_pct (null when
 * undefined), assessed, total; NULL after rp_fail. */
struct json_object *rp_compliance_summary(struct rp_req *, const struct rp_client *c);
void rp_compliance_summary_part(struct rp_req *, const struct rp_client *c, struct rp_db_part *);
struct json_object *rp_compliance_summary_of(struct rp_req *, const struct rp_dbres *);

/* The assessment of the adopted framework named by ?framework_id= (400
 * naming it when missing) as a CSV or XLSX attachment in the response
 * (app/export.h: ref, title, status, comment, updated_at). 0 or -1. */
int rp_compliance_export(struct rp_req *, const struct rp_client *c,
    enum rp_export_format fmt);

#endif
