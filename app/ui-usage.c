/* Usage diagnostic pages of a client's vCISOs: the questionnaire builder,
 * the question form, public links, answers; and the feedback widgets the
 * Pilot and establishment pages embed. The rules are those of usage.c,
 * usage-links.c and usage-answers.c, so the pages and the API agree. */
#include <stdbool.h>
#include <string.h>

#include <ClearSilver.h>
#include <json.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "establishments.h"
#include "input.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
#include "ui-clients.h"
#include "ui-shared.h"
#include "ui-usage.h"
#include "usage-answers.h"
#include "usage-links.h"
#include "usage-rules.h"
#include "usage-starter.h"
#include "usage.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)
#define FEEDBACK(req) (((req)->user->features & RP_FEAT_BIT(RP_FEAT_FEEDBACK)) != 0)
/* Establishments a link form offers, at most. */
#define LINK_ESTABS 500

/* The module client of the path (404 out of scope or module disabled, 403
 * not vCISO), and the client chrome with the usage tabs. */
static int
usage_client(struct rp_req *req, struct rp_client *c)
{
	if (rp_clients_module(req, req->args[0], RP_USAGE_MODULE, c) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	if (FEEDBACK(req))
		rp_set(req, "Usage.tab_answers", "1");
	return 0;
}

/* --------------------------------------------------------- the builder --- */

static int
builder_page(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *q = rp_usage_questionnaire(req, c, true);

	if (q == NULL)
		return -1;
	rp_set_json(req, "Questionnaire", q);
	json_object_put(q);
	rp_setf(req, "Usage.starter_sections", "%zu", rp_usage_starter_count());
	return rp_page(req, "usage", "Lang.usage.title");
}

int
rp_ui_usage(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	return builder_page(req, &c);
}

/* After a refused change of the builder: the page with the error, and
 * what was typed in the new-section form. */
static int
builder_error(struct rp_req *req, const struct rp_client *c, const char *form)
{
	if (!rp_ui_take_error(req))
		return -1;
	rp_set(req, "Form.which", form);
	if (strcmp(form, "new_section") == 0) {
		rp_set(req, "Form.title_fr", rp_param(&req->form, "title_fr"));
		rp_set(req, "Form.title_en", rp_param(&req->form, "title_en"));
	}
	return builder_page(req, c);
}

static const char *
builder_path(struct rp_req *req, const struct rp_client *c)
{
	return P("/clients/%lld/usage", c->id);
}

int
rp_ui_usage_starter(struct rp_req *req)
{
	struct rp_client c;
	long long n;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_starter_load(req, &c, &n) != 0)
		return builder_error(req, &c, "starter");
	return rp_ui_done(req, builder_path(req, &c), "usage_starter");
}

int
rp_ui_usage_section_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_section_create(req, &c, &id) != 0)
		return builder_error(req, &c, "new_section");
	return rp_ui_done(req, P("/clients/%lld/usage#section-%lld", c.id, id), "usage_saved");
}

int
rp_ui_usage_section_update(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_section_update(req, &c, req->args[1]) != 0)
		return builder_error(req, &c, P("section-%lld", req->args[1]));
	return rp_ui_done(req, P("/clients/%lld/usage#section-%lld", c.id, req->args[1]),
	    "usage_saved");
}

int
rp_ui_usage_section_delete(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_section_delete(req, &c, req->args[1]) != 0)
		return builder_error(req, &c, P("section-%lld", req->args[1]));
	return rp_ui_done(req, builder_path(req, &c), "usage_deleted");
}

/* ------------------------------------------------------- question form --- */

/* The form's rows of options: those of the question (or of the refused
 * post), then blank ones up to the maximum. */
static void
option_rows(struct rp_req *req, struct json_object *opts, bool echo)
{
	static const char *const names[] = { "option_fr", "option_en", "option_score" };
	static const char *const keys[] = { "label_fr", "label_en", "score" };
	size_t k[3] = { 0, 0, 0 };

	if (echo) {
		for (size_t i = 0; i < req->form.n; i++)
			for (size_t f = 0; f < 3; f++)
				if (strcmp(req->form.v[i].key, names[f]) == 0 &&
				    k[f] < RP_USAGE_MAX_OPTIONS)
					rp_set(req, P("Options.%zu.%s", k[f]++, keys[f]),
					    req->form.v[i].val);
	} else if (opts != NULL) {
		rp_set_json(req, "Options", opts);
	}
	for (size_t i = 0; i < RP_USAGE_MAX_OPTIONS; i++)
		rp_setf(req, P("Options.%zu.n", i), "%zu", i + 1);
}

/* The question form: Form.* echoes what was posted (echo) or shows
 * question q (NULL for a new one); Sections lists where it may go. */
static int
question_page(struct rp_req *req, const struct rp_client *c, struct json_object *q,
    bool echo, const char *action, const char *title_key)
{
	static const char *const fields[] = { "kind", "text_fr", "text_en", "good_answer",
		"section_id" };
	struct json_object *all, *v = NULL;

	if (echo) {
		for (size_t i = 0; i < RP_NELEM(fields); i++)
			rp_set(req, P("Form.%s", fields[i]), rp_param(&req->form, fields[i]));
	} else if (q != NULL) {
		rp_set_json(req, "Form", q);
		json_object_object_get_ex(q, "options", &v);
	} else {
		rp_set(req, "Form.kind", "scale");
	}
	if (q != NULL)
		rp_set_json(req, "Question", q);
	option_rows(req, v, echo);
	if ((all = rp_usage_questionnaire(req, c, false)) == NULL)
		return -1;
	json_object_object_get_ex(all, "sections", &v);
	static const char *const keys[] = { "id", "title_fr", "title_en" };
	rp_set_json_rows(req, "Sections", v, keys, RP_NELEM(keys));
	json_object_put(all);
	rp_set(req, "Form.action", action);
	return rp_page(req, "usage-question", title_key);
}

/* The section of the path's second id, as Section.* (404 when c has no
 * such section). */
static int
path_section(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *s = rp_usage_section_get(req, c, req->args[1]);

	if (s == NULL)
		return -1;
	rp_set_json(req, "Section", s);
	json_object_put(s);
	return 0;
}

int
rp_ui_usage_question_new(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0 || path_section(req, &c) != 0)
		return -1;
	rp_set(req, "Form.good_answer", "yes");
	return question_page(req, &c, NULL, false, P("/clients/%lld/usage/sections/%lld/questions",
	    c.id, req->args[1]), "Lang.usage.question_new");
}

int
rp_ui_usage_question_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_question_create(req, &c, req->args[1], &id) == 0)
		return rp_ui_done(req, P("/clients/%lld/usage#question-%lld", c.id, id),
		    "usage_saved");
	if (req->resp.status == 404 || !rp_ui_take_error(req) || path_section(req, &c) != 0)
		return -1;
	return question_page(req, &c, NULL, true, P("/clients/%lld/usage/sections/%lld/questions",
	    c.id, req->args[1]), "Lang.usage.question_new");
}

/* The edit page of question args[1]; `echo` keeps what was posted. */
static int
edit_page(struct rp_req *req, const struct rp_client *c, bool echo)
{
	struct json_object *q = rp_usage_question_get(req, c, req->args[1]);
	int rc;

	if (q == NULL)
		return -1;
	rc = question_page(req, c, q, echo, P("/clients/%lld/usage/questions/%lld", c->id,
	    req->args[1]), "Lang.usage.question_edit");
	json_object_put(q);
	return rc;
}

int
rp_ui_usage_question(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	return edit_page(req, &c, false);
}

int
rp_ui_usage_question_update(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_question_update(req, &c, req->args[1]) == 0)
		return rp_ui_done(req, P("/clients/%lld/usage#question-%lld", c.id, req->args[1]),
		    "usage_saved");
	if (req->resp.status == 404 || !rp_ui_take_error(req))
		return -1;
	return edit_page(req, &c, true);
}

int
rp_ui_usage_question_move(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_question_update(req, &c, req->args[1]) != 0)
		return builder_error(req, &c, P("question-%lld", req->args[1]));
	return rp_ui_done(req, P("/clients/%lld/usage#question-%lld", c.id, req->args[1]),
	    "usage_saved");
}

int
rp_ui_usage_question_delete(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_question_delete(req, &c, req->args[1]) != 0)
		return builder_error(req, &c, P("question-%lld", req->args[1]));
	return rp_ui_done(req, builder_path(req, &c), "usage_deleted");
}

/* --------------------------------------------------------------- links --- */

static int
links_page(struct rp_req *req, const struct rp_client *c)
{
	static const char *const shown[] = { "id", "establishment_id", "establishment_name",
		"label", "status", "expires_on", "max_answers", "answers_count", "created_at",
		"created_by_name" };
	struct rp_estab_filter f = { NULL, "active" };
	struct rp_estab *es;
	long long limit, offset, page, total, nq;
	struct json_object *q, *v;
	size_t n;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_usage_links_list(req, c, 0, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json_rows(req, "Links", items, shown, RP_NELEM(shown));
	json_object_put(items);
	rp_ui_pager(req, page, total, limit, "");
	rp_set(req, "Page.base", P("/clients/%lld/usage/links", c->id));
	/* What the creation form offers. */
	if (rp_estabs_list(req, c, &f, LINK_ESTABS, 0, &es, &n, &total) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		HDF *row = rp_row(req, "Estabs", i);
		rp_row_setll(row, "id", es[i].id);
		rp_row_set(row, "name", es[i].f[RP_PF_NAME]);
	}
	if ((q = rp_usage_questionnaire(req, c, false)) == NULL)
		return -1;
	json_object_object_get_ex(q, "questions", &v);
	nq = json_object_get_int64(v);
	json_object_put(q);
	rp_setf(req, "Usage.questions", "%lld", nq);
	rp_setf(req, "Usage.default_answers", "%d", RP_USAGE_LINK_ANSWERS);
	rp_setf(req, "Usage.default_days", "%d", RP_USAGE_LINK_DAYS);
	return rp_page(req, "usage-links", "Lang.usage.links_title");
}

int
rp_ui_usage_links(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0)
		return -1;
	return links_page(req, &c);
}

int
rp_ui_usage_link_create(struct rp_req *req)
{
	static const char *const keep[] = { "establishment_id", "expires_on", "max_answers",
		"label" };
	struct rp_client c;
	struct json_object *o;
	const char *token;
	long long id;

	if (usage_client(req, &c) != 0)
		return -1;
	if (rp_usage_link_create(req, &c, &id, &token) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		for (size_t i = 0; i < RP_NELEM(keep); i++)
			rp_set(req, P("Form.%s", keep[i]), rp_param(&req->form, keep[i]));
		return links_page(req, &c);
	}
	/* The link is told once, on this answer: never in an address, a log
	 * or a redirect (the token is not stored). */
	if ((o = rp_usage_link_get(req, &c, id)) == NULL)
		return -1;
	rp_set_json(req, "Created", o);
	json_object_put(o);
	rp_set(req, "Created.url", P("%s/q/%s", rp_req_origin(req) ? rp_req_origin(req) : "",
	    token));
	rp_set(req, "Flash.key", "usage_link_created");
	return links_page(req, &c);
}

int
rp_ui_usage_link_revoke(struct rp_req *req)
{
	struct rp_client c;

	if (usage_client(req, &c) != 0 || rp_usage_link_revoke(req, &c, req->args[1]) != 0)
		return -1;
	return rp_ui_done(req, P("/clients/%lld/usage/links", c.id), "usage_link_revoked");
}

/* ------------------------------------------------------------- answers --- */

/* The questions and options of c by id, in the page's language, for the
 * answers' details: Q.<id>.text, .kind, .opt.<n>. */
static int
question_texts(struct rp_req *req, const struct rp_client *c)
{
	const char *lang = rp_lang_code(req->lang);
	struct json_object *q = rp_usage_questionnaire(req, c, false), *secs, *qs, *opts, *v;

	if (q == NULL)
		return -1;
	json_object_object_get_ex(q, "sections", &secs);
	for (size_t i = 0; i < json_object_array_length(secs); i++) {
		struct json_object *s = json_object_array_get_idx(secs, i);
		json_object_object_get_ex(s, "id", &v);
		rp_set(req, P("S.%s", json_object_get_string(v)), rp_usage_text(s, "title", lang));
		json_object_object_get_ex(s, "questions", &qs);
		for (size_t k = 0; k < json_object_array_length(qs); k++) {
			struct json_object *one = json_object_array_get_idx(qs, k);
			json_object_object_get_ex(one, "id", &v);
			const char *b = P("Q.%s", json_object_get_string(v));
			rp_set(req, P("%s.text", b), rp_usage_text(one, "text", lang));
			json_object_object_get_ex(one, "kind", &v);
			rp_set(req, P("%s.kind", b), json_object_get_string(v));
			json_object_object_get_ex(one, "options", &opts);
			for (size_t o = 0; o < json_object_array_length(opts); o++)
				rp_set(req, P("%s.opt.%zu", b, o + 1), rp_usage_text(
				    json_object_array_get_idx(opts, o), "label", lang));
		}
	}
	json_object_put(q);
	return 0;
}

int
rp_ui_usage_answers(struct rp_req *req)
{
	struct rp_client c;
	struct rp_estab_filter f = { NULL, NULL };
	struct rp_estab *es;
	long long limit, offset, page, total, estab;
	size_t n;

	/* A stale filter in a link is ignored, like the other pages'. */
	if (usage_client(req, &c) != 0 || rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_query_id(req, "establishment_id", false, &estab) != 0)
		return -1;
	struct json_object *items = rp_usage_answers_list(req, &c, estab, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Answers", items);
	json_object_put(items);
	if (question_texts(req, &c) != 0 ||
	    rp_estabs_list(req, &c, &f, LINK_ESTABS, 0, &es, &n, &total) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		HDF *row = rp_row(req, "Estabs", i);
		rp_row_setll(row, "id", es[i].id);
		rp_row_set(row, "name", es[i].f[RP_PF_NAME]);
	}
	rp_ui_pager(req, page, total, limit, estab ? P("establishment_id=%lld", estab) : "");
	if (estab)
		rp_setf(req, "Filter.establishment_id", "%lld", estab);
	rp_set(req, "Page.base", P("/clients/%lld/usage/answers", c.id));
	return rp_page(req, "usage-answers", "Lang.usage.answers_title");
}

/* ------------------------------------------------------------- widgets --- */

/* Is the feedback of c shown to the caller (module and feature)? */
static bool
shows_feedback(const struct rp_req *req, const struct rp_client *c)
{
	return FEEDBACK(req) && rp_clients_has_module(c, RP_USAGE_MODULE);
}

void
rp_ui_usage_pilot(struct rp_req *req, const struct rp_client *c, struct json_object *scores,
    struct json_object *feed)
{
	if (!shows_feedback(req, c)) {
		json_object_put(scores);
		json_object_put(feed);
		return;
	}
	rp_set_json(req, "Usage", scores);
	json_object_put(scores);
	static const char *const keys[] = { "id", "establishment_id", "establishment_name",
		"score", "submitted_at" };
	rp_set_json_rows(req, "Usage.recent", feed, keys, RP_NELEM(keys));
	json_object_put(feed);
	rp_set(req, "Usage.shown", "1");
}

int
rp_ui_usage_estab(struct rp_req *req, const struct rp_client *c, long long estab)
{
	struct json_object *o;

	if (!shows_feedback(req, c))
		return 0;
	if ((o = rp_usage_estab_feedback(req, c, estab)) == NULL)
		return -1;
	rp_set_json(req, "Usage", o);
	json_object_put(o);
	rp_set(req, "Usage.shown", "1");
	/* The answers page is the client's vCISOs'. */
	if (c->vciso)
		rp_setf(req, "Usage.answers_link", "/clients/%lld/usage/answers?establishment_id=%lld",
		    c->id, estab);
	return 0;
}

int
rp_ui_usage_estab_column(struct rp_req *req, const struct rp_client *c, const char *list,
    const long long *ids, size_t n)
{
	if (!shows_feedback(req, c))
		return 0;
	int *score = rp_calloc(req->arena, n ? n : 1, sizeof(*score));
	long long *answers = rp_calloc(req->arena, n ? n : 1, sizeof(*answers));
	if (rp_usage_estab_scores(req, c, ids, n, score, answers) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (score[i] >= 0)
			rp_setf(req, P("%s.%zu.score", list, i), "%d", score[i]);
		rp_setf(req, P("%s.%zu.answers", list, i), "%lld", answers[i]);
	}
	rp_set(req, "Page.usage_scores", "1");
	return 0;
}
