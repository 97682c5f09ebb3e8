/* API routes of identity: /session, /me, /me/mfa, /users. */
#ifndef RP_API_AUTH_H
#define RP_API_AUTH_H
struct rp_req;
int rp_api_session_create(struct rp_req *);
int rp_api_session_delete(struct rp_req *);
int rp_api_me(struct rp_req *);
int rp_api_me_patch(struct rp_req *);
int rp_api_me_mfa(struct rp_req *);
int rp_api_me_mfa_confirm(struct rp_req *);
int rp_api_users_list(struct rp_req *);
int rp_api_users_get(struct rp_req *);
int rp_api_users_create(struct rp_req *);
int rp_api_users_patch(struct rp_req *);
int rp_api_users_end_sessions(struct rp_req *);
/* ?limit= (default 50, at most 500) and ?offset= of every list: 0, or -1
 * after a 400 naming the parameter. */
int rp_api_page(struct rp_req *, long long *limit, long long *offset);
/* Answer {"items": items, "total": total} (items consumed); a NULL items
 * (its maker failed) answers that failure. Returns 0 or -1. */
struct json_object;
int rp_api_list(struct rp_req *, struct json_object *items, long long total);
/* The same answer streamed (app/jsonw.h), for the hot lists: open writes
 * {"items":[ and readies w for the elements; close ends it with the total. */
struct rp_jw;
void rp_api_list_open(struct rp_req *, struct rp_jw *w);
void rp_api_list_close(struct rp_req *, struct rp_jw *w, long long total);
/* Answer o (consumed; NULL: already failed, -1) with `status`, its
 * Markdown "body" also as "body_html" (resources, templates). */
int rp_api_document(struct rp_req *, struct json_object *o, int status);
#endif
