/* API routes of branding and of the mission report (issue 14). */
#ifndef RP_API_BRANDING_H
#define RP_API_BRANDING_H

struct rp_req;

int rp_api_branding(struct rp_req *);
int rp_api_branding_patch(struct rp_req *);
int rp_api_branding_logo(struct rp_req *);
int rp_api_branding_logo_put(struct rp_req *);
int rp_api_branding_logo_delete(struct rp_req *);
int rp_api_client_logo(struct rp_req *);
int rp_api_client_logo_put(struct rp_req *);
int rp_api_client_logo_delete(struct rp_req *);
int rp_api_client_report(struct rp_req *);

#endif
