/* Assessment cycles and the Statement of Applicability (issue 14): a
 * client's assessment of an adopted framework runs in cycles (the yearly
 * audit); the current one is what assessments and the counters of
 * client_frameworks hold, closed ones are kept read-only
 * (sql/017-assessment-cycles.sql). All take a client loaded for its Pilot
 * (rp_clients_pilot: in scope, caller declared vCISO). */
#ifndef RP_CYCLES_H
#define RP_CYCLES_H

#include "export.h"

struct json_object;
struct rp_client;
struct rp_req;

/* The cycles of adopted framework fw, the newest first: {number, mode,
 * current, started_at, started_by_name, closed_at, total, assessed,
 * compliant, partial, non_compliant, not_applicable, compliance_pct}.
 * NULL after rp_fail (404 when fw is not adopted). */
struct json_object *rp_cycles_list(struct rp_req *, const struct rp_client *c, long long fw);
/* Close the current cycle of fw and open the next one from it, the
 * request's "mode": "keep" (statuses kept as the baseline) or "reset"
 * (every status not_assessed; comments, justifications and evidence links
 * kept). One transaction. 0 with *number, or -1 after rp_fail (400 naming
 * mode, 404). */
int rp_cycles_start(struct rp_req *, const struct rp_client *c, long long fw, long long *number);
/* One cycle of fw, as listed, with framework_id and its items, read-only
 * for a closed one: [{requirement_id, ref, title, group_ref, status,
 * applicable, comment, justification}]. NULL after rp_fail (404). */
struct json_object *rp_cycles_get(struct rp_req *, const struct rp_client *c, long long fw,
    long long number);
/* What changed per requirement from cycle a to cycle b of fw: {framework_id,
 * name, from:{cycle}, to:{cycle}, delta_pct, changed, items:[{requirement_id,
 * ref, title, group_ref, from, to, changed}]}. NULL after rp_fail (404 for
 * a cycle that does not exist). */
struct json_object *rp_cycles_compare(struct rp_req *, const struct rp_client *c, long long fw,
    long long a, long long b);

/* The Statement of Applicability of fw (current cycle): {framework_id,
 * name, code, cycle, counts:{total, applicable, not_applicable,
 * not_assessed, non_compliant, partial, compliant, justification_missing},
 * items:[{requirement_id, ref, title, group_ref, group_title, applicable,
 * justification, status, comment, resources, actions}]}. NULL after
 * rp_fail. */
struct json_object *rp_soa(struct rp_req *, const struct rp_client *c, long long fw);
/* The same as CSV or XLSX (app/export.h: ref, title, applicable,
 * justification, status, resources, actions) into the response, with its
 * Content-Disposition. 0 or -1 after rp_fail. */
int rp_soa_export(struct rp_req *, const struct rp_client *c, long long fw,
    enum rp_export_format fmt);

#endif
