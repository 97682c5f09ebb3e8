/* Pages of the usage diagnostic for the client's vCISOs (the questionnaire
 * builder, public links, answers) and its feedback widgets on the Pilot
 * and the establishment pages. The public page is app/ui-usage-public.c. */
#ifndef RP_UI_USAGE_H
#define RP_UI_USAGE_H

#include <stddef.h>

struct rp_client;
struct rp_estab;
struct rp_req;

int rp_ui_usage(struct rp_req *);
int rp_ui_usage_starter(struct rp_req *);
int rp_ui_usage_section_create(struct rp_req *);
int rp_ui_usage_section_update(struct rp_req *);
int rp_ui_usage_section_delete(struct rp_req *);
int rp_ui_usage_question_new(struct rp_req *);
int rp_ui_usage_question_create(struct rp_req *);
int rp_ui_usage_question(struct rp_req *);
int rp_ui_usage_question_update(struct rp_req *);
int rp_ui_usage_question_move(struct rp_req *);
int rp_ui_usage_question_delete(struct rp_req *);
int rp_ui_usage_links(struct rp_req *);
int rp_ui_usage_link_create(struct rp_req *);
int rp_ui_usage_link_revoke(struct rp_req *);
int rp_ui_usage_answers(struct rp_req *);

/* Feedback widgets (feature `feedback`, module enabled; nothing otherwise).
 * The Pilot's: Usage.* (scores, sections, establishments, recent answers).
 * An establishment's: Usage.* for establishment id. The establishment
 * list's score column: <list>.i.score and .answers for the n rows of ids,
 * and Page.usage_scores. Return 0 or -1 after rp_fail. */
/* The Pilot's (scores: rp_usage_scores, feed: rp_usage_feed_of, read with
 * the dashboard; both taken; it reads nothing, so cannot fail). */
void rp_ui_usage_pilot(struct rp_req *, const struct rp_client *c, struct json_object *scores,
    struct json_object *feed);
int rp_ui_usage_estab(struct rp_req *, const struct rp_client *c, long long estab);
int rp_ui_usage_estab_column(struct rp_req *, const struct rp_client *c, const char *list,
    const long long *ids, size_t n);

#endif
