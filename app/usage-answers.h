/* Answers of the usage diagnostic: recorded from the public form as an
 * establishment's feedback with their scores (app/usage-rules.h), then
 * read as feedback (feature `feedback`): answers, scores per section, per
 * establishment and for the client. */
#ifndef RP_USAGE_ANSWERS_H
#define RP_USAGE_ANSWERS_H

#include <stddef.h>

struct json_object;
struct rp_client;
struct rp_req;
struct rp_usage_link;

#define RP_USAGE_TEXT_MAX 2000	/* characters of a free-text answer */

/* Record the form's answers through link l, against the questionnaire q
 * (rp_usage_questionnaire of its client): each question's field is
 * "q<id>"; closed questions (scale, yes_no, choice) are required, text is
 * optional. In one transaction: the answer, its items and section scores,
 * the link's count (410 when it is full), the establishment's counters and
 * an audit entry without a user. Returns 0 with *id, or -1 after rp_fail
 * (400 naming the field). */
int rp_usage_answer_record(struct rp_req *, const struct rp_usage_link *l,
    struct json_object *q, long long *id);

/* Answers of client c, newest first (one establishment's when estab is not
 * 0): {id, establishment_id, establishment_name, link_id, lang, score,
 * submitted_at, sections:[{section_id, score}], items:[{question_id,
 * value, text, score}]}; *total gets their count (not counted when total
 * is NULL: a feed). NULL after rp_fail. */
struct json_object *rp_usage_answers_list(struct rp_req *, const struct rp_client *c,
    long long estab, long long limit, long long offset, long long *total);

/* The scores of client c: {"score", "answers", "sections":[{section_id,
 * title_fr, title_en, score, answers}], "establishments":[{
 * establishment_id, name, score, answers, last_answer_at}]}; scores are
 * 0..100 or null. NULL after rp_fail. */
struct json_object *rp_usage_scores(struct rp_req *, const struct rp_client *c);
/* The same as two parts of a union (db.h rp_db_union), p[0] and p[1], and decoded. */
struct rp_db_part;
void rp_usage_scores_parts(struct rp_req *, const struct rp_client *c, struct rp_db_part *p);
struct json_object *rp_usage_scores_of(const struct rp_db_part *p);
/* The latest `limit` answers of c as a part of a union, and decoded:
 * [{id, establishment_id, establishment_name, score, submitted_at}] (the
 * answers' list without their items). */
struct rp_dbres;
void rp_usage_feed_part(struct rp_req *, const struct rp_client *c, long long limit,
    struct rp_db_part *);
struct json_object *rp_usage_feed_of(const struct rp_dbres *);

/* The feedback of one establishment of c: {"establishment_id", "score",
 * "answers", "last_answer_at", "sections":[...as above], "recent":[{id,
 * score, submitted_at}] (the five latest)}. NULL after rp_fail. */
struct json_object *rp_usage_estab_feedback(struct rp_req *, const struct rp_client *c,
    long long estab);

/* Scores of c's establishments for a list: for each of ids[0..n), the
 * score (-1: none) and the number of answers. 0 or -1 after rp_fail. */
int rp_usage_estab_scores(struct rp_req *, const struct rp_client *c, const long long *ids,
    size_t n, int *score, long long *answers);

/* Inside a merge's transaction: the duplicate `from`'s answers, scores,
 * links and counters become the survivor `into`'s. 0 or -1 after rp_fail. */
int rp_usage_merge(struct rp_req *, long long into, long long from, long long firm);

#endif
