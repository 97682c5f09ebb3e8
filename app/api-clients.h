/* API routes of clients, teams, establishments and suggestions. */
#ifndef RP_API_CLIENTS_H
#define RP_API_CLIENTS_H
struct rp_req;
int rp_api_clients_list(struct rp_req *);
int rp_api_clients_get(struct rp_req *);
int rp_api_clients_create(struct rp_req *);
int rp_api_clients_patch(struct rp_req *);
int rp_api_clients_plan(struct rp_req *);
int rp_api_clients_vcisos(struct rp_req *);
int rp_api_clients_pilot(struct rp_req *);
int rp_api_clients_audit(struct rp_req *);
int rp_api_clients_duplicates(struct rp_req *);
int rp_api_estabs_list(struct rp_req *);
int rp_api_estabs_create(struct rp_req *);
int rp_api_estabs_get(struct rp_req *);
int rp_api_estabs_patch(struct rp_req *);
int rp_api_estabs_status(struct rp_req *);
int rp_api_estabs_plan(struct rp_req *);
int rp_api_estabs_merge(struct rp_req *);
int rp_api_directory_export(struct rp_req *);
int rp_api_directory_import(struct rp_req *);
int rp_api_suggestions_list(struct rp_req *);
int rp_api_suggestions_create(struct rp_req *);
int rp_api_suggestions_accept(struct rp_req *);
int rp_api_suggestions_reject(struct rp_req *);
#endif
