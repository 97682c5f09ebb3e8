/* The public page of a usage-diagnostic link (/q/{token}): the
 * questionnaire for an establishment's staff, without login. */
#ifndef RP_UI_USAGE_PUBLIC_H
#define RP_UI_USAGE_PUBLIC_H
struct rp_req;
/* GET: the form (or the thanks after an answer, ?done=1; 410 when the
 * link has all its answers); 404 for any unknown or dead token. */
int rp_ui_usage_public(struct rp_req *);
/* POST: record an answer (303 to the thanks), or the form again with the
 * error (400 naming the question, 403 for a form not signed by this site
 * for this link or expired). */
int rp_ui_usage_public_post(struct rp_req *);
#endif
