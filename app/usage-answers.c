/* Answers of the usage diagnostic: scored and recorded in one transaction,
 * read back as the client's and its establishments' feedback. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "usage-answers.h"
#include "usage-links.h"
#include "usage-rules.h"
#include "usage.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define RECENT 5

static struct rp_stmt q_answer = RP_STMT(
    "INSERT INTO usage_answers (firm_id, client_id, establishment_id, link_id, lang, score,"
    " submitted_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct rp_stmt q_item = RP_STMT(
    "INSERT INTO usage_answer_items (answer_id, question_id, firm_id, value, text, score)"
    " VALUES (?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_section_score = RP_STMT(
    "INSERT INTO usage_section_scores (answer_id, section_id, firm_id, client_id,"
    " establishment_id, score) VALUES (?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_estab_count = RP_STMT(
    "INSERT INTO usage_estab_scores (establishment_id, firm_id, client_id, answers, scored,"
    " score_total, last_answer_at) VALUES (?, ?, ?, 1, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE answers = answers + 1, scored = scored + VALUES(scored),"
    " score_total = score_total + VALUES(score_total), last_answer_at = VALUES(last_answer_at)");

#define ANSWER_FILTER \
    " WHERE a.client_id = ? AND a.firm_id = ? AND (? = 0 OR a.establishment_id = ?)"
static struct rp_stmt q_answers_count = RP_STMT(
    "SELECT COUNT(*) FROM usage_answers a" ANSWER_FILTER);
static struct rp_stmt q_answers = RP_STMT(
    "SELECT a.id, a.establishment_id, e.name, a.link_id, a.lang, a.score, " DATE("a.submitted_at") ","
    " (SELECT GROUP_CONCAT(CONCAT(s.section_id, ':', s.score) ORDER BY s.section_id)"
    "  FROM usage_section_scores s WHERE s.answer_id = a.id),"
    " (SELECT JSON_ARRAYAGG(JSON_OBJECT('question_id', i.question_id, 'value', i.value,"
    "  'text', i.text, 'score', i.score) ORDER BY i.question_id)"
    "  FROM usage_answer_items i WHERE i.answer_id = a.id)"
    " FROM usage_answers a JOIN establishments e ON e.id = a.establishment_id"
    " AND e.firm_id = a.firm_id" ANSWER_FILTER " ORDER BY a.id DESC LIMIT ? OFFSET ?");

/* The latest answers of a client, what a feed shows of them. */
static struct rp_stmt q_feed = RP_STMT(
    "SELECT a.id, a.establishment_id, e.name, a.score, " DATE("a.submitted_at")
    " FROM usage_answers a JOIN establishments e ON e.id = a.establishment_id"
    " AND e.firm_id = a.firm_id" ANSWER_FILTER " ORDER BY a.id DESC LIMIT ?");

/* Section scores of the client, or of one establishment (estab not 0). */
static struct rp_stmt q_sections = RP_STMT(
    "SELECT s.id, s.title_fr, s.title_en, COUNT(ss.answer_id), COALESCE(SUM(ss.score), 0)"
    " FROM usage_sections s LEFT JOIN usage_section_scores ss ON ss.section_id = s.id"
    " AND ss.firm_id = s.firm_id AND (? = 0 OR ss.establishment_id = ?)"
    " WHERE s.client_id = ? AND s.firm_id = ?"
    " GROUP BY s.id, s.title_fr, s.title_en, s.position ORDER BY s.position, s.id");
static struct rp_stmt q_estabs = RP_STMT(
    "SELECT x.establishment_id, e.name, x.answers, x.scored, x.score_total,"
    " " DATE("x.last_answer_at") " FROM usage_estab_scores x JOIN establishments e"
    " ON e.id = x.establishment_id AND e.firm_id = x.firm_id"
    " WHERE x.client_id = ? AND x.firm_id = ? ORDER BY e.name, e.id");
static struct rp_stmt q_estab = RP_STMT(
    "SELECT answers, scored, score_total, " DATE("last_answer_at") " FROM usage_estab_scores"
    " WHERE establishment_id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_recent = RP_STMT(
    "SELECT id, score, " DATE("submitted_at") " FROM usage_answers"
    " WHERE establishment_id = ? AND client_id = ? AND firm_id = ? ORDER BY id DESC LIMIT ?");
static struct rp_stmt q_estab_scores = RP_STMT(
    "SELECT establishment_id, answers, scored, score_total FROM usage_estab_scores"
    " WHERE client_id = ? AND firm_id = ?");

/* A merge moves a duplicate's feedback to the survivor (args: survivor,
 * duplicate, firm). */
static struct rp_stmt q_merge_answers = RP_STMT(
    "UPDATE usage_answers SET establishment_id = ? WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_merge_scores = RP_STMT(
    "UPDATE usage_section_scores SET establishment_id = ? WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_merge_links = RP_STMT(
    "UPDATE usage_links SET establishment_id = ? WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_merge_counts = RP_STMT(
    "INSERT INTO usage_estab_scores (establishment_id, firm_id, client_id, answers, scored,"
    " score_total, last_answer_at) SELECT ?, x.firm_id, x.client_id, x.answers, x.scored,"
    " x.score_total, x.last_answer_at FROM usage_estab_scores x"
    " WHERE x.establishment_id = ? AND x.firm_id = ?"
    " ON DUPLICATE KEY UPDATE answers = usage_estab_scores.answers + VALUES(answers),"
    " scored = usage_estab_scores.scored + VALUES(scored),"
    " score_total = usage_estab_scores.score_total + VALUES(score_total),"
    " last_answer_at = GREATEST(COALESCE(usage_estab_scores.last_answer_at, VALUES(last_answer_at)),"
    " COALESCE(VALUES(last_answer_at), usage_estab_scores.last_answer_at))");
static struct rp_stmt q_merge_counts_drop = RP_STMT(
    "DELETE FROM usage_estab_scores WHERE establishment_id = ? AND firm_id = ?");


static struct json_object *
score_json(int score)
{
	return score >= 0 ? json_object_new_int(score) : NULL;
}

/* ---------------------------------------------------------- recording --- */

/* One answered question. */
struct item {
	long long	 question;
	const char	*value;		/* closed questions */
	const char	*text;		/* text questions */
	int		 score;		/* 0..100, or RP_USAGE_UNSCORED */
};

/* A section's scored answers. */
struct section {
	long long	 id;
	long long	 total, n;
};

/* Read and score the form's answer to question q. Returns 1 with *it
 * filled, 0 for a text left blank, -1 after rp_fail. */
static int
read_item(struct rp_req *req, struct json_object *q, struct item *it)
{
	struct rp_usage_q uq;
	struct json_object *v;
	const char *name;

	json_object_object_get_ex(q, "id", &v);
	it->question = json_object_get_int64(v);
	name = rp_printf(req->arena, "q%lld", it->question);
	it->value = it->text = NULL;
	it->score = RP_USAGE_UNSCORED;
	rp_usage_q_of(q, &uq);
	if (uq.kind == RP_USAGE_TEXT) {
		/* Left blank or not sent: no answer to this question. */
		if (rp_in_blank(req, name))
			return 0;
		return rp_in_lines(req, name, RP_USAGE_TEXT_MAX, false, &it->text);
	}
	if (rp_in_text(req, name, 8, true, &it->value) < 0)
		return -1;
	if ((it->score = rp_usage_score(&uq, it->value)) == RP_USAGE_INVALID)
		return rp_fail(req, 400, "invalid", name, "Choose one of the answers offered.");
	return 1;
}

int
rp_usage_answer_record(struct rp_req *req, const struct rp_usage_link *l,
    struct json_object *q, long long *id)
{
	struct json_object *secs, *qs, *v;
	struct item *items;
	struct section *ss;
	size_t nitems = 0, nsecs, total_q;
	long long sum = 0, scored = 0;
	int rc;

	json_object_object_get_ex(q, "sections", &secs);
	json_object_object_get_ex(q, "questions", &v);
	total_q = (size_t)json_object_get_int64(v);
	nsecs = json_object_array_length(secs);
	if (total_q == 0)
		return rp_fail(req, 409, "empty_questionnaire", NULL,
		    "This questionnaire has no question yet.");
	items = rp_calloc(req->arena, total_q, sizeof(*items));
	ss = rp_calloc(req->arena, nsecs ? nsecs : 1, sizeof(*ss));
	for (size_t i = 0; i < nsecs; i++) {
		struct json_object *s = json_object_array_get_idx(secs, i);
		json_object_object_get_ex(s, "id", &v);
		ss[i].id = json_object_get_int64(v);
		json_object_object_get_ex(s, "questions", &qs);
		for (size_t k = 0; k < json_object_array_length(qs) && nitems < total_q; k++) {
			struct item *it = &items[nitems];
			if ((rc = read_item(req, json_object_array_get_idx(qs, k), it)) < 0)
				return -1;
			if (rc == 0)
				continue;
			nitems++;
			if (it->score >= 0) {
				ss[i].total += it->score;
				ss[i].n++;
			}
		}
	}
	/* The answer's score: the mean of its sections' (each the mean of
	 * its scored answers), so a long section weighs no more than a short
	 * one. */
	for (size_t i = 0; i < nsecs; i++)
		if (ss[i].n > 0) {
			sum += rp_usage_mean(ss[i].total, ss[i].n);
			scored++;
		}
	int score = rp_usage_mean(sum, scored);

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbres res;
	struct rp_dbarg a[] = { RP_AINT(l->firm_id), RP_AINT(l->client_id),
	    RP_AINT(l->establishment_id), RP_AINT(l->id), RP_ASTR(rp_lang_code(req->lang)),
	    score >= 0 ? RP_AINT(score) : RP_ANULL };
	if (rp_usage_link_take(req, l) != 0 ||
	    rp_db_do(req, &q_answer, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	for (size_t i = 0; i < nitems; i++) {
		struct rp_dbarg b[] = { RP_AINT(*id), RP_AINT(items[i].question),
		    RP_AINT(l->firm_id), RP_ASTR(items[i].value), RP_ASTR(items[i].text),
		    items[i].score >= 0 ? RP_AINT(items[i].score) : RP_ANULL };
		if (rp_db_do(req, &q_item, b, RP_NELEM(b), NULL) != 0)
			goto fail;
	}
	for (size_t i = 0; i < nsecs; i++) {
		if (ss[i].n == 0)
			continue;
		struct rp_dbarg b[] = { RP_AINT(*id), RP_AINT(ss[i].id), RP_AINT(l->firm_id),
		    RP_AINT(l->client_id), RP_AINT(l->establishment_id),
		    RP_AINT(rp_usage_mean(ss[i].total, ss[i].n)) };
		if (rp_db_do(req, &q_section_score, b, RP_NELEM(b), NULL) != 0)
			goto fail;
	}
	struct rp_dbarg e[] = { RP_AINT(l->establishment_id), RP_AINT(l->firm_id),
	    RP_AINT(l->client_id), RP_AINT(score >= 0), RP_AINT(score >= 0 ? score : 0) };
	if (rp_db_do(req, &q_estab_count, e, RP_NELEM(e), NULL) != 0)
		goto fail;
	/* Nobody is logged in: the entry names the link and the address. */
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(l->establishment_id));
	rp_jadd(d, "link_id", json_object_new_int64(l->id));
	rp_jadd(d, "score", score_json(score));
	if (rp_audit_for(req, "usage.answer", "usage_answer", *id, l->firm_id, l->client_id,
	    d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* ------------------------------------------------------------ reading --- */

/* "section:score,..." as [{section_id, score}]. */
static struct json_object *
section_scores_json(const char *csv)
{
	struct json_object *arr = json_object_new_array();
	const char *p = csv ? csv : "";

	while (*p) {
		char *end;
		long long sid = strtoll(p, &end, 10), sc;
		if (*end != ':')
			break;
		sc = strtoll(end + 1, &end, 10);
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "section_id", json_object_new_int64(sid));
		rp_jadd(o, "score", json_object_new_int64(sc));
		json_object_array_add(arr, o);
		p = *end == ',' ? end + 1 : end;
		if (*end != ',')
			break;
	}
	return arr;
}

struct json_object *
rp_usage_answers_list(struct rp_req *req, const struct rp_client *c, long long estab,
    long long limit, long long offset, long long *total)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(estab),
	    RP_AINT(estab), RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	/* A feed (total NULL) does without the count. */
	if (total != NULL) {
		if (rp_db_do(req, &q_answers_count, a, 4, &res) != 0)
			return NULL;
		*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	}
	if (rp_db_do(req, &q_answers, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];
		struct json_object *o = json_object_new_object();
		/* JSON the database wrote from our own rows. */
		struct json_object *items = r[8] ? json_tokener_parse(r[8]) : NULL;
		if (items == NULL || !json_object_is_type(items, json_type_array)) {
			json_object_put(items);
			items = json_object_new_array();
		}
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "establishment_id", json_object_new_int64(rp_cell_num(r[1])));
		rp_jadd(o, "establishment_name", json_object_new_string(r[2]));
		rp_jadd(o, "link_id", json_object_new_int64(rp_cell_num(r[3])));
		rp_jadd(o, "lang", json_object_new_string(r[4]));
		rp_jadd(o, "score", rp_jcell_int(r[5]));
		rp_jadd(o, "submitted_at", json_object_new_string(r[6]));
		rp_jadd(o, "sections", section_scores_json(r[7]));
		rp_jadd(o, "items", items);
		json_object_array_add(arr, o);
	}
	return arr;
}

void
rp_usage_feed_part(struct rp_req *req, const struct rp_client *c, long long limit,
    struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id), RP_AINT(0), RP_AINT(0),
	    RP_AINT(limit) };

	*p = (struct rp_db_part){ &q_feed, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

struct json_object *
rp_usage_feed_of(const struct rp_dbres *res)
{
	struct json_object *arr = json_object_new_array();

	for (size_t i = 0; i < res->nrows; i++) {
		char **r = res->rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "establishment_id", json_object_new_int64(rp_cell_num(r[1])));
		rp_jadd(o, "establishment_name", json_object_new_string(r[2]));
		rp_jadd(o, "score", rp_jcell_int(r[3]));
		rp_jadd(o, "submitted_at", json_object_new_string(r[4]));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* Section scores of c (of one establishment when estab is not 0): the
 * statement as a part, and its rows decoded. */
static void
sections_part(struct rp_req *req, const struct rp_client *c, long long estab, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(estab), RP_AINT(c->id),
	    RP_AINT(c->firm_id) };

	*p = (struct rp_db_part){ &q_sections, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

static struct json_object *
sections_of(const struct rp_dbres *res)
{
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res->nrows; i++) {
		char **r = res->rows[i];
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "section_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(o, "title_fr", json_object_new_string(r[1]));
		rp_jadd(o, "title_en", json_object_new_string(r[2]));
		rp_jadd(o, "score", score_json(rp_usage_mean(rp_cell_num(r[4]), rp_cell_num(r[3]))));
		rp_jadd(o, "answers", json_object_new_int64(rp_cell_num(r[3])));
		json_object_array_add(arr, o);
	}
	return arr;
}

static struct json_object *
sections_json(struct rp_req *req, const struct rp_client *c, long long estab)
{
	struct rp_db_part p;

	sections_part(req, c, estab, &p);
	return rp_db_part_do(req, &p) == 0 ? sections_of(&p.res) : NULL;
}

void
rp_usage_scores_parts(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	p[0] = (struct rp_db_part){ &q_estabs, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
	sections_part(req, c, 0, &p[1]);
}

struct json_object *
rp_usage_scores(struct rp_req *req, const struct rp_client *c)
{
	struct rp_db_part p[2];

	rp_usage_scores_parts(req, c, p);
	if (rp_db_part_do(req, &p[0]) != 0 || rp_db_part_do(req, &p[1]) != 0)
		return NULL;
	return rp_usage_scores_of(p);
}

struct json_object *
rp_usage_scores_of(const struct rp_db_part *p)
{
	const struct rp_dbres *res = &p[0].res;
	/* The client's totals are the sums of its establishments' rows. */
	struct json_object *o = json_object_new_object(), *es = json_object_new_array();
	struct json_object *secs = sections_of(&p[1].res);
	long long answers = 0, scored = 0, total = 0;
	for (size_t i = 0; i < res->nrows; i++) {
		char **r = res->rows[i];
		struct json_object *e = json_object_new_object();
		answers += rp_cell_num(r[2]);
		scored += rp_cell_num(r[3]);
		total += rp_cell_num(r[4]);
		rp_jadd(e, "establishment_id", json_object_new_int64(rp_cell_num(r[0])));
		rp_jadd(e, "name", json_object_new_string(r[1]));
		rp_jadd(e, "score", score_json(rp_usage_mean(rp_cell_num(r[4]), rp_cell_num(r[3]))));
		rp_jadd(e, "answers", json_object_new_int64(rp_cell_num(r[2])));
		rp_jadd(e, "last_answer_at", rp_jcell_str(r[5]));
		json_object_array_add(es, e);
	}
	rp_jadd(o, "score", score_json(rp_usage_mean(total, scored)));
	rp_jadd(o, "answers", json_object_new_int64(answers));
	rp_jadd(o, "sections", secs);
	rp_jadd(o, "establishments", es);
	return o;
}

struct json_object *
rp_usage_estab_feedback(struct rp_req *req, const struct rp_client *c, long long estab)
{
	struct rp_dbarg a[] = { RP_AINT(estab), RP_AINT(c->id), RP_AINT(c->firm_id),
	    RP_AINT(RECENT) };
	struct rp_dbres tot, rec;
	struct json_object *secs;

	if (rp_db_do(req, &q_estab, a, 3, &tot) != 0 ||
	    rp_db_do(req, &q_recent, a, 4, &rec) != 0 ||
	    (secs = sections_json(req, c, estab)) == NULL)
		return NULL;
	struct json_object *o = json_object_new_object(), *recent = json_object_new_array();
	const char *last = rp_db_cell(&tot, 0, 3);
	rp_jadd(o, "establishment_id", json_object_new_int64(estab));
	rp_jadd(o, "score", score_json(rp_usage_mean(rp_cell_num(rp_db_cell(&tot, 0, 2)),
	    rp_cell_num(rp_db_cell(&tot, 0, 1)))));
	rp_jadd(o, "answers", json_object_new_int64(rp_cell_num(rp_db_cell(&tot, 0, 0))));
	rp_jadd(o, "last_answer_at", rp_jcell_str(last));
	rp_jadd(o, "sections", secs);
	for (size_t i = 0; i < rec.nrows; i++) {
		struct json_object *e = json_object_new_object();
		rp_jadd(e, "id", json_object_new_int64(rp_cell_num(rec.rows[i][0])));
		rp_jadd(e, "score", rp_jcell_int(rec.rows[i][1]));
		rp_jadd(e, "submitted_at", json_object_new_string(rec.rows[i][2]));
		json_object_array_add(recent, e);
	}
	rp_jadd(o, "recent", recent);
	return o;
}

int
rp_usage_estab_scores(struct rp_req *req, const struct rp_client *c, const long long *ids,
    size_t n, int *score, long long *answers)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	for (size_t i = 0; i < n; i++) {
		score[i] = -1;
		answers[i] = 0;
	}
	if (rp_db_do(req, &q_estab_scores, a, 2, &res) != 0)
		return -1;
	for (size_t r = 0; r < res.nrows; r++) {
		long long id = rp_cell_num(res.rows[r][0]);
		for (size_t i = 0; i < n; i++)
			if (ids[i] == id) {
				answers[i] = rp_cell_num(res.rows[r][1]);
				score[i] = rp_usage_mean(rp_cell_num(res.rows[r][3]), rp_cell_num(res.rows[r][2]));
			}
	}
	return 0;
}

int
rp_usage_merge(struct rp_req *req, long long into, long long from, long long firm)
{
	struct rp_dbarg mv[] = { RP_AINT(into), RP_AINT(from), RP_AINT(firm) };

	if (rp_db_do(req, &q_merge_answers, mv, 3, NULL) != 0 ||
	    rp_db_do(req, &q_merge_scores, mv, 3, NULL) != 0 ||
	    rp_db_do(req, &q_merge_links, mv, 3, NULL) != 0 ||
	    rp_db_do(req, &q_merge_counts, mv, 3, NULL) != 0 ||
	    rp_db_do(req, &q_merge_counts_drop, mv + 1, 2, NULL) != 0)
		return -1;
	return 0;
}
