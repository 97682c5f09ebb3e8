/* The user's own account (feature `self`): names, e-mail, password,
 * language; shared by PATCH /api/v1/me and the account page. */
#ifndef RP_ACCOUNT_H
#define RP_ACCOUNT_H
struct rp_req;
/* Apply first_name, last_name, email, password (+ current_password for
 * e-mail and password changes), lang. A password change ends every other
 * session. Returns 0 or -1 after rp_fail. */
int rp_account_update(struct rp_req *);
#endif
