/* External scan pages (a client's scans and the import form, a scan's
 * report, an establishment's targets and exposure history) and the
 * exposure widgets of other pages. */
#ifndef RP_UI_SCANS_H
#define RP_UI_SCANS_H

#include <stddef.h>

struct rp_client;
struct rp_estab;
struct rp_req;

int rp_ui_scans(struct rp_req *);
int rp_ui_scans_import(struct rp_req *);
int rp_ui_scan(struct rp_req *);
int rp_ui_scan_delete(struct rp_req *);
int rp_ui_finding_action(struct rp_req *);
int rp_ui_estab_targets(struct rp_req *);
int rp_ui_estab_target_create(struct rp_req *);
int rp_ui_target_delete(struct rp_req *);
int rp_ui_estab_exposure(struct rp_req *);

/* The widgets, each set only for a caller holding `monitoring` on a
 * client with the module (nothing otherwise: no widget, no column).
 * Return 0 or -1 after rp_fail. */
/* The Pilot's: Exposure.* (totals of the latest scans x[0..n), read with
 * the dashboard by rp_pilot_dashboard, the most exposed establishments),
 * when the caller may see them; it reads nothing, so cannot fail. */
struct rp_exposure;
void rp_ui_scan_pilot_widget(struct rp_req *, const struct rp_client *c,
    const struct rp_exposure *x, size_t n);
/* An establishment page's: Exposure.latest.*, and Exposure.module for
 * the client's vCISOs (links to targets and scans). */
int rp_ui_scan_estab_widget(struct rp_req *, const struct rp_client *c, long long estab);
/* The establishments list's column: Page.exposure and Estabs.i.exposure.*
 * for the rows es[0..n) shown. */
int rp_ui_scan_estabs_column(struct rp_req *, const struct rp_client *c,
    const struct rp_estab *es, size_t n);

#endif
