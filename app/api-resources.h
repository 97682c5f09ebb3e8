/* API routes of a client's resources (SPEC §4). */
#ifndef RP_API_RESOURCES_H
#define RP_API_RESOURCES_H
struct rp_req;
int rp_api_client_resources(struct rp_req *);
int rp_api_client_resource_create(struct rp_req *);
int rp_api_resource_get(struct rp_req *);
int rp_api_resource_patch(struct rp_req *);
int rp_api_resource_delete(struct rp_req *);
#endif
