/* API routes of the Pilot space: frameworks and compliance. */
#ifndef RP_API_PILOT_H
#define RP_API_PILOT_H
struct rp_req;
int rp_api_frameworks(struct rp_req *);
int rp_api_framework(struct rp_req *);
int rp_api_client_adopt(struct rp_req *);
int rp_api_client_compliance(struct rp_req *);
int rp_api_client_assess(struct rp_req *);
#endif
