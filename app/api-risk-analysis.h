/* API routes of the risk analysis module (README "Risk analysis"): a
 * client's business assets, supporting assets, threat sources and
 * scenarios, one item by id, the scenarios' retain, discard and
 * sync-risk, and the analysis at a glance. For the client's declared
 * vCISOs, and only where the client has the module (404 otherwise). */
#ifndef RP_API_RISK_ANALYSIS_H
#define RP_API_RISK_ANALYSIS_H
struct rp_req;

/* For each kind: GET and POST /clients/{id}/<kind>, GET, PATCH and DELETE
 * /<kind>/{id}. */
#define RP_API_RA_KIND(name) \
	int rp_api_ra_##name##_list(struct rp_req *); \
	int rp_api_ra_##name##_create(struct rp_req *); \
	int rp_api_ra_##name##_get(struct rp_req *); \
	int rp_api_ra_##name##_patch(struct rp_req *); \
	int rp_api_ra_##name##_delete(struct rp_req *);
RP_API_RA_KIND(business)
RP_API_RA_KIND(supporting)
RP_API_RA_KIND(threat)
RP_API_RA_KIND(scenario)
#undef RP_API_RA_KIND

int rp_api_ra_summary(struct rp_req *);
int rp_api_ra_retain(struct rp_req *);
int rp_api_ra_discard(struct rp_req *);
int rp_api_ra_sync(struct rp_req *);
#endif
