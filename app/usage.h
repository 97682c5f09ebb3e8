/* The usage diagnostic's questionnaire of a client (module
 * usage_diagnostic, SPEC §1 "Modules"): sections and questions worded in
 * French and in English, in an order the vCISO edits; read by the API, the
 * builder pages and the public form. Writes run in transactions with their
 * audit entries. */
#ifndef RP_USAGE_H
#define RP_USAGE_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_client;
struct rp_req;
struct rp_usage_q;

#define RP_USAGE_MODULE		"usage_diagnostic"
#define RP_USAGE_MAX_SECTIONS	50
#define RP_USAGE_MAX_QUESTIONS	60	/* per section */

/* The questionnaire of client c: {"sections":[{id, position, title_fr,
 * title_en, questions:[{id, section_id, position, kind, text_fr, text_en,
 * good_answer, options:[{label_fr, label_en, score}], answers}]}],
 * "questions": N}, in order; `answers` (how many answers the question
 * received) only with `counts`. A new object, or NULL after rp_fail. */
struct json_object *rp_usage_questionnaire(struct rp_req *, const struct rp_client *c,
    bool counts);

/* One section (without its questions) or one question of c, as above;
 * NULL after rp_fail (404 when c has no such one). */
struct json_object *rp_usage_section_get(struct rp_req *, const struct rp_client *c,
    long long id);
struct json_object *rp_usage_question_get(struct rp_req *, const struct rp_client *c,
    long long id);

/* Sections: title_fr and title_en (required at creation), position
 * (1-based; the others move). Delete refuses (409 `answered`) a section
 * whose questions have answers. Return 0 (with *id) or -1 after rp_fail
 * (400 naming the field, 404, 409). */
int rp_usage_section_create(struct rp_req *, const struct rp_client *c, long long *id);
int rp_usage_section_update(struct rp_req *, const struct rp_client *c, long long id);
int rp_usage_section_delete(struct rp_req *, const struct rp_client *c, long long id);

/* Questions: kind, text_fr and text_en (required at creation),
 * good_answer (yes_no), options (choice: 2 to 10 of {label_fr, label_en,
 * score}), position within its section, section_id (a move to another
 * section). An answered question keeps its kind and its number of
 * options, and is not deleted (409 `answered`). */
int rp_usage_question_create(struct rp_req *, const struct rp_client *c,
    long long section, long long *id);
int rp_usage_question_update(struct rp_req *, const struct rp_client *c, long long id);
int rp_usage_question_delete(struct rp_req *, const struct rp_client *c, long long id);

/* Inside the caller's transaction, after rp_clients_lock: append a section
 * or a question whose texts are already valid (the starter questionnaire).
 * options is the stored JSON text or NULL. Return 0 or -1 after rp_fail. */
int rp_usage_append_section(struct rp_req *, const struct rp_client *c,
    const char *title_fr, const char *title_en, long long *id);
int rp_usage_append_question(struct rp_req *, const struct rp_client *c, long long section,
    const char *kind, const char *text_fr, const char *text_en, const char *good_answer,
    const char *options, long long *id);

/* What scoring needs of a question object of rp_usage_questionnaire. */
void rp_usage_q_of(struct json_object *question, struct rp_usage_q *out);

/* The text of a question, section or option object in the language code
 * ("fr" or "en"): its <key>_fr or <key>_en member. */
const char *rp_usage_text(struct json_object *o, const char *key, const char *lang);

#endif
