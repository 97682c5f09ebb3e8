/* API routes of the Pilot space: frameworks and compliance. */
#ifndef RP_API_PILOT_H
#define RP_API_PILOT_H
struct rp_req;
struct rp_client;
/* The client of the path's first id, in scope (404) and with the caller
 * on its vCISO team (403). Returns 0 or -1 after rp_fail. */
int rp_api_pilot_client(struct rp_req *, struct rp_client *);
int rp_api_frameworks(struct rp_req *);
int rp_api_framework(struct rp_req *);
/* POST /api/v1/frameworks (a firm's admin): 201 with the framework. */
int rp_api_frameworks_import(struct rp_req *);
/* DELETE /api/v1/frameworks/{id}: an unused framework of the firm. */
int rp_api_framework_delete(struct rp_req *);
int rp_api_client_adopt(struct rp_req *);
int rp_api_client_compliance(struct rp_req *);
/* GET /api/v1/clients/{id}/compliance.csv and .xlsx?framework_id=. */
int rp_api_client_compliance_csv(struct rp_req *);
int rp_api_client_compliance_xlsx(struct rp_req *);
int rp_api_client_assess(struct rp_req *);
#endif
