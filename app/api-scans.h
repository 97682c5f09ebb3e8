/* API routes of the external scan module (README "External scan"):
 * targets, scans and their import, findings turned into actions, for the
 * client's vCISOs on a client with the module; the exposure of
 * establishments for holders of `monitoring`. */
#ifndef RP_API_SCANS_H
#define RP_API_SCANS_H
struct rp_req;
int rp_api_client_targets(struct rp_req *);
int rp_api_client_target_create(struct rp_req *);
int rp_api_target(struct rp_req *);
int rp_api_target_delete(struct rp_req *);
int rp_api_client_scan_import(struct rp_req *);
int rp_api_client_scans(struct rp_req *);
int rp_api_scan(struct rp_req *);
int rp_api_scan_delete(struct rp_req *);
int rp_api_finding_action(struct rp_req *);
int rp_api_client_exposure(struct rp_req *);
int rp_api_estab_exposure(struct rp_req *);
#endif
