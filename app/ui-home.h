/* The public home page. */
#ifndef RP_UI_HOME_H
#define RP_UI_HOME_H
struct rp_req;
int rp_ui_home(struct rp_req *);
#endif
