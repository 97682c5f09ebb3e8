/* The public page of a usage-diagnostic link, /q/{token}: no login and no
 * session read, nothing shown but the questionnaire (with the name of the
 * establishment it is about), every request throttled per address, and
 * the form signed so that only a form this server served, for this link
 * and recently, is accepted. */
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "throttle.h"
#include "tmpl.h"
#include "ui-shared.h"
#include "ui-usage-public.h"
#include "usage-answers.h"
#include "usage-links.h"
#include "usage-rules.h"
#include "usage.h"
#include "clients.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

static struct rp_stmt q_hit_purge = RP_STMT(
    "DELETE FROM usage_public_hits WHERE at < UTC_TIMESTAMP() - INTERVAL ? SECOND LIMIT 100");
static struct rp_stmt q_hit_add = RP_STMT(
    "INSERT INTO usage_public_hits (ip, at) VALUES (?, UTC_TIMESTAMP())");
static struct rp_stmt q_hit_count = RP_STMT(
    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),"
    " MIN(at) + INTERVAL ? SECOND), 0) FROM usage_public_hits"
    " WHERE ip = ? AND at > UTC_TIMESTAMP() - INTERVAL ? SECOND");
static struct rp_stmt q_hit_drop = RP_STMT(
    "DELETE FROM usage_public_hits WHERE id = ?");
static struct rp_stmt q_secret = RP_STMT(
    "SELECT HEX(secret) FROM install_secrets WHERE name = 'usage_form'");

/* The per-install key of the form tokens, read once per worker (it never
 * changes; the migration draws it). */
static char form_key[65];

static int
key(struct rp_req *req)
{
	struct rp_dbres res;

	if (form_key[0] != '\0')
		return 0;
	if (rp_db_do(req, &q_secret, NULL, 0, &res) != 0)
		return -1;
	if (res.nrows != 1 || rp_db_cell(&res, 0, 0) == NULL ||
	    strlen(rp_db_cell(&res, 0, 0)) != 64) {
		rp_err("install_secrets: no usage_form secret (run rempart-admin migrate)");
		return rp_fail(req, 503, "unavailable", NULL, "Try again later.");
	}
	memcpy(form_key, rp_db_cell(&res, 0, 0), 65);
	return 0;
}

/* Every request of the public pages counts for its address, whatever the
 * token: guessing links costs the same as answering. Old rows go as new
 * ones come. */
static int
throttle(struct rp_req *req)
{
	const struct rp_config *cfg = rp_worker_config;
	struct rp_dbarg w = RP_AINT(cfg->usage_throttle_window);
	struct rp_dbarg ip = RP_ASTR(req->remote_addr);
	struct rp_dbres res;

	if (rp_db_do(req, &q_hit_purge, &w, 1, NULL) != 0 ||
	    rp_db_do(req, &q_hit_add, &ip, 1, &res) != 0)
		return -1;
	return rp_throttle_check(req, &q_hit_count, &q_hit_drop, req->remote_addr,
	    cfg->usage_throttle_window, cfg->usage_max_requests_address, res.insert_id,
	    "Too many requests from this address; try again later.");
}

/* The start of every public request: the bare chrome (error pages too),
 * the throttle, the live link. Returns 0 with *l, or -1 after rp_fail (429,
 * 404 for any dead or unknown token). */
static int
open_link(struct rp_req *req, struct rp_usage_link *l)
{
	int found;

	rp_set(req, "Page.bare", "1");
	if (throttle(req) != 0 || (found = rp_usage_link_find(req, req->token, l)) < 0)
		return -1;
	if (!found)
		return rp_fail(req, 404, "not_found", NULL, "Nothing is here.");
	rp_set(req, "Public.establishment", l->establishment_name);
	rp_set(req, "Public.action", P("/q/%s", req->token));
	return 0;
}

/* A link that has all its answers: a page of its own, 410. */
static int
full_page(struct rp_req *req)
{
	rp_set(req, "Public.full", "1");
	req->resp.status = 410;
	return rp_page(req, "usage-public", "Lang.usage.public_title");
}

/* The form: the questionnaire of the link's client in the request's
 * language, a fresh signed token, and what was posted (echo). */
static int
form_page(struct rp_req *req, const struct rp_usage_link *l, struct json_object *q,
    bool echo)
{
	char token[RP_USAGE_FORM_TOKEN_MAX];
	struct json_object *secs, *qs, *v;

	if (key(req) != 0)
		return -1;
	rp_usage_form_token((const unsigned char *)form_key, 64, req->token,
	    (long long)time(NULL), token);
	rp_set(req, "Public.form_token", token);
	rp_set_json(req, "Questionnaire", q);
	if (echo) {
		json_object_object_get_ex(q, "sections", &secs);
		for (size_t i = 0; i < json_object_array_length(secs); i++) {
			json_object_object_get_ex(json_object_array_get_idx(secs, i), "questions",
			    &qs);
			for (size_t k = 0; k < json_object_array_length(qs); k++) {
				json_object_object_get_ex(json_object_array_get_idx(qs, k), "id", &v);
				const char *name = P("q%s", json_object_get_string(v));
				rp_set(req, P("Echo.%s", name), rp_param(&req->form, name));
			}
		}
	}
	(void)l;
	return rp_page(req, "usage-public", "Lang.usage.public_title");
}

/* The questionnaire of link l's client. */
static struct json_object *
questionnaire(struct rp_req *req, const struct rp_usage_link *l)
{
	struct rp_client c = { .id = l->client_id, .firm_id = l->firm_id };

	return rp_usage_questionnaire(req, &c, false);
}

int
rp_ui_usage_public(struct rp_req *req)
{
	struct rp_usage_link l;
	struct json_object *q;
	const char *done = rp_query(req, "done");
	int rc;

	if (open_link(req, &l) != 0)
		return -1;
	if (done != NULL && strcmp(done, "1") == 0) {
		rp_set(req, "Public.thanks", "1");
		return rp_page(req, "usage-public", "Lang.usage.public_title");
	}
	if (l.full)
		return full_page(req);
	if ((q = questionnaire(req, &l)) == NULL)
		return -1;
	rc = form_page(req, &l, q, false);
	json_object_put(q);
	return rc;
}

/* A POST must come from this site's own page: a browser names the page's
 * origin (Origin) and whether it is this site (Sec-Fetch-Site); either,
 * when sent, must say so. */
static bool
same_origin(struct rp_req *req)
{
	const char *origin = rp_env(req, "HTTP_ORIGIN"), *site = rp_env(req, "HTTP_SEC_FETCH_SITE");
	const char *ours = rp_req_origin(req);

	if (site != NULL && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return false;
	return origin == NULL || (ours != NULL && strcmp(origin, ours) == 0);
}

int
rp_ui_usage_public_post(struct rp_req *req)
{
	struct rp_usage_link l;
	struct json_object *q;
	long long id;
	int rc;

	if (open_link(req, &l) != 0)
		return -1;
	if (l.full)
		return full_page(req);
	if (key(req) != 0 || (q = questionnaire(req, &l)) == NULL)
		return -1;
	if (!same_origin(req) || !rp_usage_form_check((const unsigned char *)form_key, 64,
	    req->token, rp_param(&req->form, "form_token"), (long long)time(NULL),
	    rp_worker_config->usage_form_max_age)) {
		rp_fail(req, 403, "csrf", "form_token", "The form expired; reload the page.");
	} else if (rp_usage_answer_record(req, &l, q, &id) == 0) {
		json_object_put(q);
		rp_redirect(req, P("/q/%s?done=1", req->token));
		return 0;
	}
	if (req->resp.status == 410) {
		json_object_put(q);
		rp_ui_take_error(req);
		return full_page(req);
	}
	if (req->resp.status >= 500 || req->resp.status == 404 || !rp_ui_take_error(req)) {
		json_object_put(q);
		return -1;
	}
	rc = form_page(req, &l, q, true);
	json_object_put(q);
	return rc;
}
