/* Client pages: the list ("my clients"), the new-mission wizard, settings
 * (name, status, modules, plan, team) and the Pilot gate; and the chrome
 * shared by every page of one client. */
#ifndef RP_UI_CLIENTS_H
#define RP_UI_CLIENTS_H

struct rp_req;
struct rp_client;

int rp_ui_clients(struct rp_req *);
int rp_ui_clients_new(struct rp_req *);
int rp_ui_clients_create(struct rp_req *);
int rp_ui_client(struct rp_req *);
int rp_ui_client_update(struct rp_req *);
int rp_ui_client_plan(struct rp_req *);
int rp_ui_client_vcisos(struct rp_req *);
int rp_ui_client_pilot(struct rp_req *);
/* GET /clients/switch?id=: the client switcher's target. */
int rp_ui_clients_switch(struct rp_req *);

/* Load the client named by the path's first id in the caller's scope (404
 * otherwise). Returns 0 or -1. */
int rp_ui_client_load(struct rp_req *, struct rp_client *);
/* Publish Client.* for the client_nav macro: id, name, full, vciso and the
 * nav.duplicates / nav.import entries the caller's features allow. */
void rp_ui_client_chrome(struct rp_req *, const struct rp_client *);

#endif
