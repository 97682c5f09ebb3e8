/* "My account": profile, password, language, MFA and sessions. */
#ifndef RP_UI_ACCOUNT_H
#define RP_UI_ACCOUNT_H
struct rp_req;
int rp_ui_account(struct rp_req *);
int rp_ui_account_post(struct rp_req *);
int rp_ui_account_mfa(struct rp_req *);
int rp_ui_account_mfa_post(struct rp_req *);
int rp_ui_account_mfa_confirm(struct rp_req *);
int rp_ui_account_session_revoke(struct rp_req *);
#endif
