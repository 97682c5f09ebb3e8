/* User management pages: list, create, edit. */
#ifndef RP_UI_USERS_H
#define RP_UI_USERS_H
struct rp_req;
int rp_ui_users(struct rp_req *);
int rp_ui_users_new(struct rp_req *);
int rp_ui_users_create(struct rp_req *);
int rp_ui_users_edit(struct rp_req *);
int rp_ui_users_update(struct rp_req *);
int rp_ui_users_end_sessions(struct rp_req *);
#endif
