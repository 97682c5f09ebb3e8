/* Risk register pages: list with heat maps, CSV export, forms. */
#ifndef RP_UI_RISKS_H
#define RP_UI_RISKS_H
struct rp_req;
struct rp_client;
int rp_ui_risks(struct rp_req *);
int rp_ui_risks_csv(struct rp_req *);
int rp_ui_risks_xlsx(struct rp_req *);
int rp_ui_risks_new(struct rp_req *);
int rp_ui_risks_create(struct rp_req *);
int rp_ui_risk(struct rp_req *);
int rp_ui_risk_update(struct rp_req *);
int rp_ui_risk_delete(struct rp_req *);
/* Publish Heat.* (both heat maps, rows by impact from 5 down, and counts
 * by level) for client c, for the heat_map macro. 0 or -1. */
int rp_ui_risks_heat(struct rp_req *, const struct rp_client *);
/* The same from maps already read (the Pilot's figures). */
struct rp_risk_heat;
void rp_ui_risks_heat_set(struct rp_req *, long long client, const struct rp_risk_heat *);
#endif
