/* API routes of the support area, setup links and billing history. */
#ifndef RP_API_ADMIN_H
#define RP_API_ADMIN_H
struct rp_req;
int rp_api_admin_firms(struct rp_req *);
int rp_api_admin_firm_create(struct rp_req *);
int rp_api_admin_setup_link(struct rp_req *);
int rp_api_admin_clients(struct rp_req *);
int rp_api_admin_client(struct rp_req *);
int rp_api_admin_billing(struct rp_req *);
int rp_api_admin_billing_changes(struct rp_req *);
int rp_api_admin_statement(struct rp_req *);
int rp_api_admin_statement_csv(struct rp_req *);
int rp_api_client_billing_changes(struct rp_req *);
int rp_api_setup(struct rp_req *);
#endif
