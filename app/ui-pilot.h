/* Pilot pages: the framework catalogue, adoption and assessments. */
#ifndef RP_UI_PILOT_H
#define RP_UI_PILOT_H
struct rp_req;
struct rp_client;
/* The client of the path's first id, in scope (404) and with the caller
 * declared vCISO (403), with the client chrome set. 0 or -1. */
int rp_ui_pilot_client(struct rp_req *, struct rp_client *);
int rp_ui_frameworks(struct rp_req *);
int rp_ui_framework(struct rp_req *);
int rp_ui_client_adopt(struct rp_req *);
int rp_ui_client_compliance(struct rp_req *);
int rp_ui_client_assess(struct rp_req *);
int rp_ui_client_report(struct rp_req *);
int rp_ui_client_compliance_csv(struct rp_req *);
/* Publish Adopted.* (the client's frameworks with their figures) and
 * Adoptable.* (the catalogue entries not adopted yet). 0 or -1. */
int rp_ui_pilot_frameworks(struct rp_req *, const struct rp_client *);
#endif
