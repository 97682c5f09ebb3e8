/* External exposure of establishments (feature `monitoring`): what the
 * latest scan of each establishment found, for the Pilot's widget, the
 * establishments list's column, the establishment page and the exposure
 * routes. Read from the counts each scan keeps (app/scans.c). */
#ifndef RP_EXPOSURE_H
#define RP_EXPOSURE_H

#include <stdbool.h>
#include <stddef.h>

#include "scandoc.h"

struct json_object;
struct rp_client;
struct rp_req;

/* The latest scan of one establishment. */
struct rp_exposure {
	long long	 estab;
	const char	*estab_name;
	long long	 scan;
	const char	*scanned_at;		/* ISO 8601 UTC */
	const char	*scanned_at_text;	/* in datefmt, or NULL */
	long long	 hosts, open_ports, new_count, fixed_count;
	long long	 prev;			/* the scan before it, or 0 */
	long long	 sev[RP_SEV__COUNT];
};

/* May the caller see exposure data of c's establishments: the feature
 * `monitoring` and the module enabled for c? */
bool rp_exposure_shown(const struct rp_req *, const struct rp_client *c);

/* The client of establishment estab for its exposure: the establishment
 * in the caller's scope (404; establishment managers included), the
 * module enabled for its client (404). The feature is the route's to
 * check. Returns 0 or -1 after rp_fail. */
int rp_exposure_client_of(struct rp_req *, long long estab, struct rp_client *c);

/* The latest scan of every live establishment of c that has one, the
 * most exposed first (high, then medium findings). datefmt (DATE_FORMAT
 * pattern) or NULL. Returns 0 or -1 after rp_fail. */
int rp_exposure_latest(struct rp_req *, const struct rp_client *c, const char *datefmt,
    struct rp_exposure **out, size_t *n);
/* The same as a part of a union (db.h rp_db_union), and its rows decoded. */
struct rp_db_part;
struct rp_dbres;
void rp_exposure_latest_part(struct rp_req *, const struct rp_client *c, const char *datefmt,
    struct rp_db_part *);
void rp_exposure_latest_of(struct rp_req *, const struct rp_dbres *, struct rp_exposure **out,
    size_t *n);

/* The client's exposure: {"establishments":[latest scans: establishment_id,
 * establishment_name, scan_id, scanned_at, hosts, open_ports,
 * findings_by_severity, previous_scan_id, new, fixed], "totals":
 * {findings_by_severity, open_ports, new (of scans that have a previous
 * one), fixed}, "scanned": N, "establishments_total": M}.
 * NULL after rp_fail. */
struct json_object *rp_exposure_client_json(struct rp_req *, const struct rp_client *c);

/* Establishment estab of c: {"establishment_id", "latest": its latest
 * scan with findings (as rp_scan_get) or null, "history": {"items":
 * scans, the latest first, paged, "total"}}. Links to actions are left
 * out for a caller who is not a vCISO of c (no Pilot data). NULL after
 * rp_fail. */
struct json_object *rp_exposure_estab_json(struct rp_req *, const struct rp_client *c,
    long long estab, const char *datefmt, long long limit, long long offset);

#endif
