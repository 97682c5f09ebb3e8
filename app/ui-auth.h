/* Login, MFA step and logout pages. */
#ifndef RP_UI_AUTH_H
#define RP_UI_AUTH_H
struct rp_req;
int rp_ui_login(struct rp_req *);
int rp_ui_login_post(struct rp_req *);
int rp_ui_login_mfa(struct rp_req *);
int rp_ui_login_mfa_post(struct rp_req *);
int rp_ui_logout(struct rp_req *);
#endif
