/* Pages of the risk analysis module: a page per step (business assets,
 * supporting assets, threat sources, scenarios) with its list and its
 * creation form, an edit page per item (a scenario's with retain, discard
 * and the update of its risk), and the summary of the retained scenarios
 * with their risks. */
#ifndef RP_UI_RISK_ANALYSIS_H
#define RP_UI_RISK_ANALYSIS_H
struct rp_req;

/* For each kind: GET and POST /clients/{id}/risk-analysis/<kind>, GET and
 * POST /<kind>/{id}, POST /<kind>/{id}/delete. */
#define RP_UI_RA_KIND(name) \
	int rp_ui_ra_##name##_list(struct rp_req *); \
	int rp_ui_ra_##name##_create(struct rp_req *); \
	int rp_ui_ra_##name##_edit(struct rp_req *); \
	int rp_ui_ra_##name##_update(struct rp_req *); \
	int rp_ui_ra_##name##_delete(struct rp_req *);
RP_UI_RA_KIND(business)
RP_UI_RA_KIND(supporting)
RP_UI_RA_KIND(threat)
RP_UI_RA_KIND(scenario)
#undef RP_UI_RA_KIND

int rp_ui_ra_summary(struct rp_req *);
int rp_ui_ra_retain(struct rp_req *);
int rp_ui_ra_discard(struct rp_req *);
int rp_ui_ra_sync(struct rp_req *);
#endif
