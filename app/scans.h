/* The external scan module's scans (SPEC §1 "Modules"): importing a
 * result as a scan of one establishment, all or nothing, the comparison
 * with the establishment's previous scan (new, fixed and still open
 * findings), reading and deleting scans, and turning a finding into an
 * action of the client's plan. For the client's declared vCISOs, on a
 * client with the module (404 otherwise). Shared by the API and the pages. */
#ifndef RP_SCANS_H
#define RP_SCANS_H

#include <stdbool.h>

struct json_object;
struct rp_client;
struct rp_req;
struct rp_scan_doc;

/* The module's key (app/enums.h rp_modules). */
#define RP_SCAN_MODULE	"external_scan"

/* The client of the path's client id for the module's routes: in scope
 * (404), the caller its vCISO (403), the module enabled (404). Returns 0
 * or -1 after rp_fail. */
int rp_scans_client(struct rp_req *, long long id, struct rp_client *c);

/* The client of object `id` of one of the module's tables, read by
 * client_of (args: id, the caller's firm; one column, the client id), as
 * rp_clients_owner (404, 403 not_vciso), with the module enabled for it:
 * a disabled module's objects do not exist (404, message `missing`).
 * Returns 0 or -1 after rp_fail. */
struct rp_stmt;
int rp_scans_owner(struct rp_req *, struct rp_stmt *client_of, long long id,
    const char *missing, struct rp_client *c);

/* Establishment `estab` (the request's field `field`) belongs to c and
 * was not merged away: 0, or -1 after rp_fail (404 not_found naming the
 * field; 409 merged). Sets *name to its name when name is not NULL. */
int rp_scans_estab(struct rp_req *, const struct rp_client *c, long long estab,
    const char *field, const char **name);

/* Store doc (read and finished: app/scandoc.h) as a scan of establishment
 * estab of c: the scan, its findings with their target coverage and the
 * action links carried from the previous scan's same ports, the
 * comparisons of this scan and of the one after it, and the audit entry
 * ("scan.import"), in one transaction. file_name may be NULL. Returns 0
 * with *id, or -1 after rp_fail: 400 future_date naming `field`, 409
 * scan_exists (this establishment has a scan at that date), 503. */
int rp_scans_import(struct rp_req *, const struct rp_client *c, long long estab,
    const char *field, const char *file_name, const struct rp_scan_doc *doc, long long *id);

/* Scans of c (of establishment estab, or all when 0), the latest first,
 * paged; *total gets their count. datefmt (a DATE_FORMAT pattern, or
 * NULL) adds "scanned_at_text". NULL after rp_fail. */
struct json_object *rp_scans_list(struct rp_req *, const struct rp_client *c, long long estab,
    const char *datefmt, long long limit, long long offset, long long *total);

/* The client of scan `id` (as rp_scans_client; another firm's scan and a
 * missing one are the same 404). */
int rp_scans_of(struct rp_req *, long long id, struct rp_client *c);
/* Scan id of c with its findings (the worst first, each marked "new" or
 * "still_open" against the previous scan, with its action) and the
 * findings the previous scan had that this one no longer has
 * ("fixed_findings"). NULL after rp_fail (404). */
struct json_object *rp_scan_get(struct rp_req *, const struct rp_client *c, long long id,
    const char *datefmt);
/* Delete scan id of c and its findings (actions stay), rewriting the
 * comparison of the scan after it; audited ("scan.delete"). 0 or -1. */
int rp_scans_delete(struct rp_req *, const struct rp_client *c, long long id);

/* The client of finding `id` (as rp_scans_of). */
int rp_findings_of(struct rp_req *, long long id, struct rp_client *c);
/* Turn finding id of c into an action of c's plan (title and description
 * from its rule, host and port; priority and due date from its severity;
 * the caller its owner) and link it: the finding, and the same port in
 * later scans that have no action, show it. One transaction, audited
 * ("action.create", "finding.action"). Returns 0 with *action, or -1
 * after rp_fail: 404, 409 already_linked (the finding has an action).
 * *scan gets the finding's scan once it is found. */
int rp_findings_action(struct rp_req *, const struct rp_client *c, long long id,
    long long *action, long long *scan);

/* Establishment dup merged into survivor (same firm and client), inside
 * the merge's transaction: dup's targets join the survivor's (each value
 * once), its scans move to the survivor unless the survivor has one at the
 * same date (those stay with the merged duplicate), and the comparisons
 * of both are rewritten. Returns 0 or -1 after rp_fail. */
int rp_scans_merge(struct rp_req *, long long firm, long long dup, long long survivor);

#endif
