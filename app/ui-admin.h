/* The support area's pages (/admin...) and the setup-link page. */
#ifndef RP_UI_ADMIN_H
#define RP_UI_ADMIN_H
struct rp_req;
int rp_ui_admin_clients(struct rp_req *);
int rp_ui_admin_client(struct rp_req *);
int rp_ui_admin_billing(struct rp_req *);
int rp_ui_admin_firms(struct rp_req *);
int rp_ui_admin_firm_create(struct rp_req *);
int rp_ui_admin_setup_link(struct rp_req *);
int rp_ui_admin_billing_changes(struct rp_req *);
int rp_ui_admin_statement(struct rp_req *);
int rp_ui_admin_statement_csv(struct rp_req *);
int rp_ui_setup(struct rp_req *);
int rp_ui_setup_post(struct rp_req *);
#endif
