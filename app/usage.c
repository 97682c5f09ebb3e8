/* The usage diagnostic's questionnaire: sections and questions read,
 * validated, ordered and written with their audit entries. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "usage-rules.h"
#include "usage.h"
#include "util.h"

#define TITLE_MAX	200
#define TEXT_MAX	500
#define LABEL_MAX	200
#define MIN_OPTIONS	2


#define SECTION_COLUMNS "s.id, s.position, s.title_fr, s.title_en"
static struct rp_stmt q_sections = RP_STMT(
    "SELECT " SECTION_COLUMNS " FROM usage_sections s WHERE s.client_id = ? AND s.firm_id = ?"
    " ORDER BY s.position, s.id");
static struct rp_stmt q_section = RP_STMT(
    "SELECT " SECTION_COLUMNS " FROM usage_sections s WHERE s.id = ? AND s.client_id = ?"
    " AND s.firm_id = ?");

/* Columns of a question, in the order of enum qcol; the last one counts
 * its answers when the first argument is 1. */
#define QUESTION_COLUMNS \
    "q.id, q.section_id, q.position, q.kind, q.text_fr, q.text_en, q.good_answer, q.options," \
    " CASE WHEN ? = 1 THEN (SELECT COUNT(*) FROM usage_answer_items i" \
    "  WHERE i.question_id = q.id) END"
enum qcol { Q_ID, Q_SECTION, Q_POSITION, Q_KIND, Q_FR, Q_EN, Q_GOOD, Q_OPTIONS, Q_ANSWERS };
static struct rp_stmt q_questions = RP_STMT(
    "SELECT " QUESTION_COLUMNS " FROM usage_questions q JOIN usage_sections s"
    " ON s.id = q.section_id AND s.firm_id = q.firm_id"
    " WHERE q.client_id = ? AND q.firm_id = ? ORDER BY s.position, s.id, q.position, q.id");
static struct rp_stmt q_question = RP_STMT(
    "SELECT " QUESTION_COLUMNS " FROM usage_questions q WHERE q.id = ? AND q.client_id = ?"
    " AND q.firm_id = ?");

static struct rp_stmt q_section_insert = RP_STMT(
    "INSERT INTO usage_sections (firm_id, client_id, position, title_fr, title_en)"
    " VALUES (?, ?, ?, ?, ?)");
static struct rp_stmt q_section_update = RP_STMT(
    "UPDATE usage_sections SET title_fr = ?, title_en = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_section_delete = RP_STMT(
    "DELETE FROM usage_sections WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_section_questions_delete = RP_STMT(
    "DELETE FROM usage_questions WHERE section_id = ? AND firm_id = ?");
/* Answers that name a section: its scores, or answers to its questions. */
static struct rp_stmt q_section_answered = RP_STMT(
    "SELECT EXISTS (SELECT 1 FROM usage_section_scores WHERE section_id = ?)"
    " OR EXISTS (SELECT 1 FROM usage_answer_items i JOIN usage_questions q"
    "  ON q.id = i.question_id WHERE q.section_id = ?)");

static struct rp_stmt q_question_insert = RP_STMT(
    "INSERT INTO usage_questions (firm_id, client_id, section_id, position, kind, text_fr,"
    " text_en, good_answer, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_question_update = RP_STMT(
    "UPDATE usage_questions SET section_id = ?, kind = ?, text_fr = ?, text_en = ?,"
    " good_answer = ?, options = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_question_delete = RP_STMT(
    "DELETE FROM usage_questions WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_question_answered = RP_STMT(
    "SELECT EXISTS (SELECT 1 FROM usage_answer_items WHERE question_id = ?)");

/* The order of the items of one parent (a client's sections, a section's
 * questions): positions 1..n, kept without gaps. Arguments: parent, firm
 * (count); parent, firm, low, high (shifts); position, id, firm (set). */
struct order {
	struct rp_stmt	count, up, down, set;
};
static struct order sections_order = {
	RP_STMT("SELECT COUNT(*) FROM usage_sections WHERE client_id = ? AND firm_id = ?"),
	RP_STMT("UPDATE usage_sections SET position = position + 1 WHERE client_id = ?"
	    " AND firm_id = ? AND position >= ? AND position < ?"),
	RP_STMT("UPDATE usage_sections SET position = position - 1 WHERE client_id = ?"
	    " AND firm_id = ? AND position > ? AND position <= ?"),
	RP_STMT("UPDATE usage_sections SET position = ? WHERE id = ? AND firm_id = ?"),
};
static struct order questions_order = {
	RP_STMT("SELECT COUNT(*) FROM usage_questions WHERE section_id = ? AND firm_id = ?"),
	RP_STMT("UPDATE usage_questions SET position = position + 1 WHERE section_id = ?"
	    " AND firm_id = ? AND position >= ? AND position < ?"),
	RP_STMT("UPDATE usage_questions SET position = position - 1 WHERE section_id = ?"
	    " AND firm_id = ? AND position > ? AND position <= ?"),
	RP_STMT("UPDATE usage_questions SET position = ? WHERE id = ? AND firm_id = ?"),
};


/* ------------------------------------------------------------- order --- */

static int
order_count(struct rp_req *req, struct order *o, long long parent, long long firm,
    long long *n)
{
	struct rp_dbarg a[] = { RP_AINT(parent), RP_AINT(firm) };
	struct rp_dbres res;

	if (rp_db_do(req, &o->count, a, 2, &res) != 0)
		return -1;
	*n = rp_cell_num(rp_db_cell(&res, 0, 0));
	return 0;
}

/* Move item id of parent from position `from` to `to`; the items between
 * shift by one. */
static int
order_move(struct rp_req *req, struct order *o, long long parent, long long firm,
    long long id, long long from, long long to)
{
	if (to == from)
		return 0;
	struct rp_dbarg a[] = { RP_AINT(parent), RP_AINT(firm), RP_AINT(to < from ? to : from),
	    RP_AINT(to < from ? from : to) };
	struct rp_dbarg s[] = { RP_AINT(to), RP_AINT(id), RP_AINT(firm) };
	if (rp_db_do(req, to < from ? &o->up : &o->down, a, 4, NULL) != 0 ||
	    rp_db_do(req, &o->set, s, 3, NULL) != 0)
		return -1;
	return 0;
}

/* Close the gap an item left at position `from`. */
static int
order_close(struct rp_req *req, struct order *o, long long parent, long long firm,
    long long from)
{
	struct rp_dbarg a[] = { RP_AINT(parent), RP_AINT(firm), RP_AINT(from),
	    RP_AINT(INT32_MAX) };

	return rp_db_do(req, &o->down, a, 4, NULL);
}

/* A requested position clamped to 1..n (moving past the ends stops there). */
static long long
clamp(long long p, long long n)
{
	return p < 1 ? 1 : p > n ? n : p;
}

/* ------------------------------------------------------------ reading --- */

const char *
rp_usage_text(struct json_object *o, const char *key, const char *lang)
{
	char name[64];
	struct json_object *v;

	snprintf(name, sizeof(name), "%s_%s", key, strcmp(lang, "en") == 0 ? "en" : "fr");
	if (!json_object_object_get_ex(o, name, &v) || v == NULL)
		return "";
	return json_object_get_string(v);
}

static struct json_object *
section_json(char **r)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "position", json_object_new_int64(rp_cell_num(r[1])));
	rp_jadd(o, "title_fr", json_object_new_string(r[2]));
	rp_jadd(o, "title_en", json_object_new_string(r[3]));
	return o;
}

static struct json_object *
question_json(char **r, bool counts)
{
	struct json_object *o = json_object_new_object(), *opts = NULL;

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[Q_ID])));
	rp_jadd(o, "section_id", json_object_new_int64(rp_cell_num(r[Q_SECTION])));
	rp_jadd(o, "position", json_object_new_int64(rp_cell_num(r[Q_POSITION])));
	rp_jadd(o, "kind", json_object_new_string(r[Q_KIND]));
	rp_jadd(o, "text_fr", json_object_new_string(r[Q_FR]));
	rp_jadd(o, "text_en", json_object_new_string(r[Q_EN]));
	rp_jadd(o, "good_answer", rp_jcell_str(r[Q_GOOD]));
	/* Written by this file only (an array of objects). */
	if (r[Q_OPTIONS] != NULL)
		opts = json_tokener_parse(r[Q_OPTIONS]);
	if (opts == NULL || !json_object_is_type(opts, json_type_array)) {
		json_object_put(opts);
		opts = json_object_new_array();
	}
	rp_jadd(o, "options", opts);
	if (counts)
		rp_jadd(o, "answers", json_object_new_int64(rp_cell_num(r[Q_ANSWERS])));
	return o;
}

struct json_object *
rp_usage_questionnaire(struct rp_req *req, const struct rp_client *c, bool counts)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg qa[] = { RP_AINT(counts), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres sec, qs;

	if (rp_db_do(req, &q_sections, a, 2, &sec) != 0 ||
	    rp_db_do(req, &q_questions, qa, 3, &qs) != 0)
		return NULL;
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array();
	/* Questions come in the sections' order: one pass over both. */
	size_t k = 0;
	for (size_t i = 0; i < sec.nrows; i++) {
		struct json_object *s = section_json(sec.rows[i]), *list = json_object_new_array();
		long long id = rp_cell_num(sec.rows[i][0]);
		while (k < qs.nrows && rp_cell_num(qs.rows[k][Q_SECTION]) == id)
			json_object_array_add(list, question_json(qs.rows[k++], counts));
		rp_jadd(s, "questions", list);
		json_object_array_add(arr, s);
	}
	rp_jadd(o, "sections", arr);
	rp_jadd(o, "questions", json_object_new_int64((int64_t)qs.nrows));
	return o;
}

struct json_object *
rp_usage_section_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_one(req, &q_section, a, 3, &res, "No such section.") != 0)
		return NULL;
	return section_json(res.rows[0]);
}

struct json_object *
rp_usage_question_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(1), RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_one(req, &q_question, a, 4, &res, "No such question.") != 0)
		return NULL;
	return question_json(res.rows[0], true);
}

void
rp_usage_q_of(struct json_object *q, struct rp_usage_q *out)
{
	struct json_object *v, *opts;

	memset(out, 0, sizeof(*out));
	json_object_object_get_ex(q, "kind", &v);
	out->kind = rp_enum_parse(&rp_usage_kinds, json_object_get_string(v));
	out->good_yes = !json_object_object_get_ex(q, "good_answer", &v) || v == NULL ||
	    strcmp(json_object_get_string(v), "no") != 0;
	if (!json_object_object_get_ex(q, "options", &opts) || opts == NULL)
		return;
	for (size_t i = 0; i < json_object_array_length(opts) &&
	    i < RP_USAGE_MAX_OPTIONS; i++) {
		struct json_object *op = json_object_array_get_idx(opts, i);
		out->option_score[i] = json_object_object_get_ex(op, "score", &v) && v != NULL ?
		    json_object_get_int(v) : -1;
		out->noptions++;
	}
}

/* ------------------------------------------------------------ writing --- */

int
rp_usage_append_section(struct rp_req *req, const struct rp_client *c,
    const char *title_fr, const char *title_en, long long *id)
{
	struct rp_dbres res;
	long long n;

	if (order_count(req, &sections_order, c->id, c->firm_id, &n) != 0)
		return -1;
	if (n >= RP_USAGE_MAX_SECTIONS)
		return rp_fail(req, 409, "too_many_sections", NULL,
		    "A questionnaire holds at most 50 sections.");
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(n + 1),
	    RP_ASTR(title_fr), RP_ASTR(title_en) };
	if (rp_db_do(req, &q_section_insert, a, RP_NELEM(a), &res) != 0)
		return -1;
	*id = res.insert_id;
	return 0;
}

int
rp_usage_append_question(struct rp_req *req, const struct rp_client *c, long long section,
    const char *kind, const char *text_fr, const char *text_en, const char *good_answer,
    const char *options, long long *id)
{
	struct rp_dbres res;
	long long n;

	if (order_count(req, &questions_order, section, c->firm_id, &n) != 0)
		return -1;
	if (n >= RP_USAGE_MAX_QUESTIONS)
		return rp_fail(req, 409, "too_many_questions", NULL,
		    "A section holds at most 60 questions.");
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_AINT(section),
	    RP_AINT(n + 1), RP_ASTR(kind), RP_ASTR(text_fr), RP_ASTR(text_en),
	    RP_ASTR(good_answer), RP_ASTR(options) };
	if (rp_db_do(req, &q_question_insert, a, RP_NELEM(a), &res) != 0)
		return -1;
	*id = res.insert_id;
	return 0;
}

/* Start a write: the transaction and the questionnaire's lock. */

/* A requested position: 1..1000, or 0 when none was given (or null). */
static int
in_position(struct rp_req *req, long long *p)
{
	bool isnull;
	int rc = rp_in_int(req, "position", 1, 1000, &isnull, p);

	if (rc <= 0 || isnull)
		*p = 0;
	return rc < 0 ? -1 : 0;
}

static int
read_section(struct rp_req *req, bool create, const char **fr, const char **en,
    long long *position)
{
	static const char *const known[] = { "title_fr", "title_en", "position" };
	const char *bad;

	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_text(req, "title_fr", TITLE_MAX, create, fr) < 0 ||
	    rp_in_text(req, "title_en", TITLE_MAX, create, en) < 0)
		return -1;
	return in_position(req, position);
}

int
rp_usage_section_create(struct rp_req *req, const struct rp_client *c, long long *id)
{
	const char *fr, *en;
	long long p, n;

	if (read_section(req, true, &fr, &en, &p) != 0 || rp_clients_begin(req, c) != 0)
		return -1;
	if (rp_usage_append_section(req, c, fr, en, id) != 0 ||
	    order_count(req, &sections_order, c->id, c->firm_id, &n) != 0 ||
	    (p && order_move(req, &sections_order, c->id, c->firm_id, *id, n,
	    clamp(p, n)) != 0))
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "title_fr", json_object_new_string(fr));
	rp_jadd(d, "title_en", json_object_new_string(en));
	if (rp_audit(req, "usage.section.create", "usage_section", *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_usage_section_update(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;
	const char *fr, *en;
	long long p, n;

	if (read_section(req, false, &fr, &en, &p) != 0 || rp_clients_begin(req, c) != 0)
		return -1;
	if (rp_db_one(req, &q_section, k, 3, &res, "No such section.") != 0)
		goto fail;
	char **o = res.rows[0];
	struct rp_dbarg a[] = { RP_ASTR(fr ? fr : o[2]), RP_ASTR(en ? en : o[3]), RP_AINT(id),
	    RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_section_update, a, 4, NULL) != 0 ||
	    order_count(req, &sections_order, c->id, c->firm_id, &n) != 0 ||
	    (p && order_move(req, &sections_order, c->id, c->firm_id, id, rp_cell_num(o[1]),
	    clamp(p, n)) != 0))
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "title_fr", o[2], fr ? fr : o[2]);
	rp_audit_change(d, "title_en", o[3], en ? en : o[3]);
	if (p)
		rp_audit_change(d, "position", o[1], rp_printf(req->arena, "%lld", clamp(p, n)));
	if (rp_audit(req, "usage.section.update", "usage_section", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_usage_section_delete(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg two[] = { RP_AINT(id), RP_AINT(id) };
	struct rp_dbarg del[] = { RP_AINT(id), RP_AINT(c->firm_id) };
	struct rp_dbres res, used;

	if (rp_clients_begin(req, c) != 0)
		return -1;
	if (rp_db_one(req, &q_section, k, 3, &res, "No such section.") != 0)
		goto fail;
	if (rp_db_do(req, &q_section_answered, two, 2, &used) != 0)
		goto fail;
	/* Answers keep what they were given: their questions stay. */
	if (rp_cell_num(rp_db_cell(&used, 0, 0)) != 0) {
		rp_fail(req, 409, "answered", NULL,
		    "This section has answers: it cannot be deleted.");
		goto fail;
	}
	if (rp_db_do(req, &q_section_questions_delete, del, 2, NULL) != 0 ||
	    rp_db_do(req, &q_section_delete, del, 2, NULL) != 0 ||
	    order_close(req, &sections_order, c->id, c->firm_id, rp_cell_num(res.rows[0][1])) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "title_fr", json_object_new_string(res.rows[0][2]));
	if (rp_audit(req, "usage.section.delete", "usage_section", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* The fields of a question's create or change, as read and validated. */
struct qfields {
	const char		*kind, *fr, *en, *good;
	struct json_object	*options;	/* new array, or NULL when not sent */
	long long		 position;	/* 0: not asked */
	long long		 section;	/* 0: stays */
};

/* One option label: the text rules of every field, reported on `options`. */
static int
option_label(struct rp_req *req, const char *v, const char **out)
{
	const char *code, *msg;
	char *t = rp_text_clean(req->arena, v, LABEL_MAX, false, &code, &msg);

	if (t == NULL)
		return rp_fail(req, 400, code, "options", msg);
	if (*t == '\0')
		return rp_fail(req, 400, "required", "options",
		    "Each option needs a French and an English label.");
	*out = t;
	return 0;
}

static struct json_object *
option_json(const char *fr, const char *en, int score)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "label_fr", json_object_new_string(fr));
	rp_jadd(o, "label_en", json_object_new_string(en));
	rp_jadd(o, "score", score >= 0 ? json_object_new_int(score) : NULL);
	return o;
}

/* Options from a JSON body: an array of {label_fr, label_en, score}. */
static int
options_of_json(struct rp_req *req, struct json_object *v, struct json_object *out)
{
	static const char *const keys[] = { "label_fr", "label_en", "score" };

	if (!json_object_is_type(v, json_type_array) ||
	    json_object_array_length(v) > RP_USAGE_MAX_OPTIONS)
		return rp_fail(req, 400, "invalid", "options",
		    "Give the options as a list of 2 to 10 objects.");
	for (size_t i = 0; i < json_object_array_length(v); i++) {
		struct json_object *e = json_object_array_get_idx(v, i), *f[3];
		const char *fr, *en;
		int score = -1;
		if (!json_object_is_type(e, json_type_object))
			return rp_fail(req, 400, "invalid", "options",
			    "Each option is an object {label_fr, label_en, score}.");
		json_object_object_foreach(e, key, val) {
			(void)val;
			size_t k;
			for (k = 0; k < RP_NELEM(keys) && strcmp(keys[k], key) != 0; k++)
				;
			if (k == RP_NELEM(keys))
				return rp_fail(req, 400, "unknown_field", "options",
				    "An option has label_fr, label_en and score only.");
		}
		for (size_t k = 0; k < RP_NELEM(keys); k++)
			if (!json_object_object_get_ex(e, keys[k], &f[k]))
				f[k] = NULL;
		if (f[0] == NULL || f[1] == NULL || !json_object_is_type(f[0], json_type_string) ||
		    !json_object_is_type(f[1], json_type_string))
			return rp_fail(req, 400, "required", "options",
			    "Each option needs a French and an English label.");
		if (option_label(req, json_object_get_string(f[0]), &fr) != 0 ||
		    option_label(req, json_object_get_string(f[1]), &en) != 0)
			return -1;
		if (f[2] != NULL) {
			if (!json_object_is_type(f[2], json_type_int) ||
			    json_object_get_int64(f[2]) < 0 || json_object_get_int64(f[2]) > 100)
				return rp_fail(req, 400, "invalid", "options",
				    "An option's score is a whole number from 0 to 100, or null.");
			score = json_object_get_int(f[2]);
		}
		json_object_array_add(out, option_json(fr, en, score));
	}
	return 0;
}

/* Options from a form: the fields option_fr, option_en and option_score
 * repeated in the same order, one row each; blank rows are skipped. */
static int
options_of_form(struct rp_req *req, struct json_object *out)
{
	const char *col[3][RP_USAGE_MAX_OPTIONS + 1];
	static const char *const names[] = { "option_fr", "option_en", "option_score" };
	size_t n[3] = { 0, 0, 0 };

	for (size_t i = 0; i < req->form.n; i++)
		for (size_t k = 0; k < 3; k++)
			if (strcmp(req->form.v[i].key, names[k]) == 0) {
				if (n[k] == RP_USAGE_MAX_OPTIONS + 1)
					return rp_fail(req, 400, "invalid", "options",
					    "Give 2 to 10 options.");
				col[k][n[k]++] = req->form.v[i].val;
			}
	if (n[0] != n[1] || n[0] != n[2])
		return rp_fail(req, 400, "invalid", "options",
		    "Each option has a French label, an English label and a score.");
	for (size_t i = 0; i < n[0]; i++) {
		const char *fr, *en, *s = col[2][i];
		long long score = -1;
		bool blank_fr = col[0][i][strspn(col[0][i], " \t")] == '\0';
		bool blank_en = col[1][i][strspn(col[1][i], " \t")] == '\0';
		bool blank_s = s[strspn(s, " \t")] == '\0';
		if (blank_fr && blank_en && blank_s)
			continue;
		if (option_label(req, col[0][i], &fr) != 0 ||
		    option_label(req, col[1][i], &en) != 0)
			return -1;
		if (!blank_s && rp_strtonum(s + strspn(s, " \t"), 0, 100, &score) != 0)
			return rp_fail(req, 400, "invalid", "options",
			    "An option's score is a whole number from 0 to 100, or empty.");
		json_object_array_add(out, option_json(fr, en, (int)score));
	}
	return 0;
}

/* The request's options: 1 with a new array in *out, 0 when none were
 * sent (a form of blank rows, or JSON null), -1 after rp_fail. */
static int
read_options(struct rp_req *req, struct json_object **out)
{
	struct json_object *v, *arr = json_object_new_array();
	int rc;

	*out = NULL;
	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, "options", &v) || v == NULL) {
			json_object_put(arr);
			return 0;
		}
		rc = options_of_json(req, v, arr);
	} else {
		rc = options_of_form(req, arr);
		if (rc == 0 && json_object_array_length(arr) == 0) {
			json_object_put(arr);
			return 0;
		}
	}
	if (rc != 0) {
		json_object_put(arr);
		return -1;
	}
	*out = arr;
	return 1;
}

static int
read_question(struct rp_req *req, bool create, struct qfields *f)
{
	static const char *const known[] = { "kind", "text_fr", "text_en", "good_answer",
		"options", "position", "section_id", "option_fr", "option_en", "option_score" };
	const char *bad;
	bool isnull;
	int rc;

	memset(f, 0, sizeof(*f));
	/* The section of a new question is the path's. */
	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL ||
	    (create && req->json && json_object_object_get_ex(req->json, "section_id", NULL)))
		return rp_fail(req, 400, "unknown_field", bad ? bad : "section_id",
		    "This field is not known.");
	if (rp_in_enum(req, "kind", &rp_usage_kinds, create, &f->kind) < 0 ||
	    rp_in_text(req, "text_fr", TEXT_MAX, create, &f->fr) < 0 ||
	    rp_in_text(req, "text_en", TEXT_MAX, create, &f->en) < 0 ||
	    rp_in_enum(req, "good_answer", &rp_usage_good_answers, false, &f->good) < 0 ||
	    in_position(req, &f->position) != 0)
		return -1;
	if (!create && (rc = rp_in_int(req, "section_id", 1, 1LL << 53, &isnull,
	    &f->section)) != 0) {
		if (rc < 0)
			return -1;
		if (isnull)
			f->section = 0;
	}
	return read_options(req, &f->options) < 0 ? -1 : 0;
}

/* What a question will store once f is applied to its current state (kind,
 * good answer, options; NULL for a new one), checked against the kind:
 * a choice has 2 to 10 options; options are kept for choices only, a good
 * answer for yes/no only. *opts gets the options' stored text or NULL. */
static int
settle(struct rp_req *req, const struct qfields *f, char **old, const char **kind,
    const char **good, const char **opts)
{
	*kind = f->kind ? f->kind : old[Q_KIND];
	*good = NULL;
	*opts = NULL;
	if (strcmp(*kind, "yes_no") == 0)
		*good = f->good ? f->good : old && old[Q_GOOD] ? old[Q_GOOD] : "yes";
	if (strcmp(*kind, "choice") != 0)
		return 0;
	if (f->options != NULL) {
		size_t n = json_object_array_length(f->options);
		if (n < MIN_OPTIONS || n > RP_USAGE_MAX_OPTIONS)
			return rp_fail(req, 400, "invalid", "options", "Give 2 to 10 options.");
		*opts = rp_strdup(req->arena, json_object_to_json_string_ext(f->options,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		return 0;
	}
	if (old == NULL || old[Q_OPTIONS] == NULL)
		return rp_fail(req, 400, "required", "options", "Give 2 to 10 options.");
	*opts = old[Q_OPTIONS];
	return 0;
}

int
rp_usage_question_create(struct rp_req *req, const struct rp_client *c, long long section,
    long long *id)
{
	struct rp_dbarg k[] = { RP_AINT(section), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;
	struct qfields f;
	const char *kind, *good, *opts;
	long long n;

	if (read_question(req, true, &f) != 0)
		return -1;
	if (settle(req, &f, NULL, &kind, &good, &opts) != 0 || rp_clients_begin(req, c) != 0) {
		json_object_put(f.options);
		return -1;
	}
	json_object_put(f.options);
	if (rp_db_one(req, &q_section, k, 3, &res, "No such section.") != 0)
		goto fail;
	if (rp_usage_append_question(req, c, section, kind, f.fr, f.en, good, opts, id) != 0 ||
	    order_count(req, &questions_order, section, c->firm_id, &n) != 0 ||
	    (f.position && order_move(req, &questions_order, section, c->firm_id, *id, n,
	    clamp(f.position, n)) != 0))
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "section_id", json_object_new_int64(section));
	rp_jadd(d, "kind", json_object_new_string(kind));
	rp_jadd(d, "text_fr", json_object_new_string(f.fr));
	if (rp_audit(req, "usage.question.create", "usage_question", *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* Has question id answers? 1, 0, or -1 after rp_fail. */
static int
answered(struct rp_req *req, long long id)
{
	struct rp_dbarg a = RP_AINT(id);
	struct rp_dbres res;

	if (rp_db_do(req, &q_question_answered, &a, 1, &res) != 0)
		return -1;
	return rp_cell_num(rp_db_cell(&res, 0, 0)) != 0;
}

static size_t
options_count(const char *stored)
{
	struct json_object *o = stored ? json_tokener_parse(stored) : NULL;
	size_t n = o && json_object_is_type(o, json_type_array) ? json_object_array_length(o) : 0;

	json_object_put(o);
	return n;
}

int
rp_usage_question_update(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(0), RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res, sec;
	struct qfields f;
	const char *kind, *good, *opts;
	long long n, section, pos;
	int used;

	if (read_question(req, false, &f) != 0)
		return -1;
	if (rp_clients_begin(req, c) != 0) {
		json_object_put(f.options);
		return -1;
	}
	if (rp_db_one(req, &q_question, k, 4, &res, "No such question.") != 0)
		goto fail;
	char **o = res.rows[0];
	if (settle(req, &f, o, &kind, &good, &opts) != 0 || (used = answered(req, id)) < 0)
		goto fail;
	/* Answers given stay meaningful: an answered question keeps its kind
	 * and the number of its options (their wording may change). */
	if (used && strcmp(kind, o[Q_KIND]) != 0) {
		rp_fail(req, 409, "answered", "kind",
		    "This question has answers: its kind cannot change.");
		goto fail;
	}
	if (used && strcmp(kind, "choice") == 0 &&
	    options_count(opts) != options_count(o[Q_OPTIONS])) {
		rp_fail(req, 409, "answered", "options",
		    "This question has answers: its number of options cannot change.");
		goto fail;
	}
	section = rp_cell_num(o[Q_SECTION]);
	pos = rp_cell_num(o[Q_POSITION]);
	if (f.section && f.section != section) {
		struct rp_dbarg s[] = { RP_AINT(f.section), RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_section, s, 3, &sec) != 0)
			goto fail;
		if (sec.nrows != 1) {
			rp_fail(req, 400, "invalid", "section_id",
			    "Name a section of this questionnaire.");
			goto fail;
		}
		if (order_count(req, &questions_order, f.section, c->firm_id, &n) != 0)
			goto fail;
		if (n >= RP_USAGE_MAX_QUESTIONS) {
			rp_fail(req, 409, "too_many_questions", "section_id",
			    "A section holds at most 60 questions.");
			goto fail;
		}
		/* Out of the old section, then last of the new one. */
		struct rp_dbarg m[] = { RP_AINT(n + 1), RP_AINT(id), RP_AINT(c->firm_id) };
		if (order_close(req, &questions_order, section, c->firm_id, pos) != 0 ||
		    rp_db_do(req, &questions_order.set, m, 3, NULL) != 0)
			goto fail;
		section = f.section;
		pos = n + 1;
	}
	struct rp_dbarg a[] = { RP_AINT(section), RP_ASTR(kind), RP_ASTR(f.fr ? f.fr : o[Q_FR]),
	    RP_ASTR(f.en ? f.en : o[Q_EN]), RP_ASTR(good), RP_ASTR(opts), RP_AINT(id),
	    RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_question_update, a, RP_NELEM(a), NULL) != 0 ||
	    order_count(req, &questions_order, section, c->firm_id, &n) != 0 ||
	    (f.position && order_move(req, &questions_order, section, c->firm_id, id, pos,
	    clamp(f.position, n)) != 0))
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "kind", o[Q_KIND], kind);
	rp_audit_change(d, "text_fr", o[Q_FR], f.fr ? f.fr : o[Q_FR]);
	rp_audit_change(d, "text_en", o[Q_EN], f.en ? f.en : o[Q_EN]);
	rp_audit_change(d, "good_answer", o[Q_GOOD], good);
	if (strcmp(o[Q_OPTIONS] ? o[Q_OPTIONS] : "", opts ? opts : "") != 0)
		rp_jadd(d, "options", json_object_new_string("changed"));
	rp_audit_change(d, "section_id", o[Q_SECTION], rp_printf(req->arena, "%lld", section));
	if (f.position)
		rp_audit_change(d, "position", o[Q_POSITION], rp_printf(req->arena, "%lld",
		    clamp(f.position, n)));
	if (rp_audit(req, "usage.question.update", "usage_question", id, c->id, d) != 0)
		goto fail;
	json_object_put(f.options);
	return rp_db_finish(req);
fail:
	json_object_put(f.options);
	rp_db_rollback();
	return -1;
}

int
rp_usage_question_delete(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg k[] = { RP_AINT(0), RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbarg del[] = { RP_AINT(id), RP_AINT(c->firm_id) };
	struct rp_dbres res;
	int used;

	if (rp_clients_begin(req, c) != 0)
		return -1;
	if (rp_db_one(req, &q_question, k, 4, &res, "No such question.") != 0)
		goto fail;
	if ((used = answered(req, id)) < 0)
		goto fail;
	if (used) {
		rp_fail(req, 409, "answered", NULL,
		    "This question has answers: it cannot be deleted.");
		goto fail;
	}
	char **o = res.rows[0];
	if (rp_db_do(req, &q_question_delete, del, 2, NULL) != 0 ||
	    order_close(req, &questions_order, rp_cell_num(o[Q_SECTION]), c->firm_id,
	    rp_cell_num(o[Q_POSITION])) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "section_id", json_object_new_int64(rp_cell_num(o[Q_SECTION])));
	rp_jadd(d, "text_fr", json_object_new_string(o[Q_FR]));
	if (rp_audit(req, "usage.question.delete", "usage_question", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
