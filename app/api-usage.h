/* API routes of the usage diagnostic (module usage_diagnostic): the
 * questionnaire, the starter, public links, and the feedback read back
 * (answers and scores, feature `feedback`). */
#ifndef RP_API_USAGE_H
#define RP_API_USAGE_H
struct rp_req;
int rp_api_usage_questionnaire(struct rp_req *);
int rp_api_usage_starter(struct rp_req *);
int rp_api_usage_section_create(struct rp_req *);
int rp_api_usage_section_patch(struct rp_req *);
int rp_api_usage_section_delete(struct rp_req *);
int rp_api_usage_question_create(struct rp_req *);
int rp_api_usage_question_get(struct rp_req *);
int rp_api_usage_question_patch(struct rp_req *);
int rp_api_usage_question_delete(struct rp_req *);
int rp_api_usage_links(struct rp_req *);
int rp_api_usage_link_create(struct rp_req *);
int rp_api_usage_link_revoke(struct rp_req *);
int rp_api_usage_answers(struct rp_req *);
int rp_api_usage_scores(struct rp_req *);
int rp_api_usage_estab(struct rp_req *);
#endif
