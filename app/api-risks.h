/* API routes of the risk register (SPEC §4): a client's risks, and one
 * risk by id, for the client's declared vCISOs. */
#ifndef RP_API_RISKS_H
#define RP_API_RISKS_H
struct rp_req;
int rp_api_client_risks(struct rp_req *);
int rp_api_client_risk_create(struct rp_req *);
/* GET /api/v1/clients/{id}/risks.csv and .xlsx: the filtered register. */
int rp_api_risk(struct rp_req *);
int rp_api_risk_patch(struct rp_req *);
int rp_api_risk_delete(struct rp_req *);
#endif
