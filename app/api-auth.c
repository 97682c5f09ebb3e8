/* API routes of identity: /session, /me, /me/mfa, /users. */
#include <string.h>

#include <json.h>

#include "account.h"
#include "api-auth.h"
#include "arena.h"
#include "input.h"
#include "json.h"
#include "jsonw.h"
#include "login.h"
#include "markdown.h"
#include "mfa.h"
#include "request.h"
#include "response.h"
#include "users.h"
#include "util.h"

/* The user object of the caller itself (NULL if it vanished meanwhile). */
static struct json_object *
me_json(struct rp_req *req)
{
	struct rp_user_rec rec;

	return rp_users_get(req, req->user->id, &rec) == 1 ?
	    rp_user_json(req, &rec) : NULL;
}

int
rp_api_session_create(struct rp_req *req)
{
	const char *email, *password, *totp, *csrf;
	enum rp_login_outcome out;
	struct json_object *o;

	if (req->json == NULL)
		return rp_fail(req, 400, "invalid_json", "body",
		    "Send a JSON object with email and password.");
	if (rp_in_email(req, "email", true, &email) < 0 ||
	    rp_in_secret(req, "password", true, &password) < 0 ||
	    rp_in_text(req, "totp", 32, false, &totp) < 0)
		return -1;
	if (rp_login(req, email, password, totp, false, &out, &csrf) != 0)
		return -1;
	o = json_object_new_object();
	rp_jadd(o, "user", me_json(req));
	rp_jadd(o, "csrf_token", json_object_new_string(csrf));
	if (req->user->mfa_enrollment_required)
		rp_jadd(o, "mfa_enrollment_required",
		    json_object_new_boolean(1));
	rp_resp_json(req, 201, o);
	return 0;
}

int
rp_api_session_delete(struct rp_req *req)
{
	if (rp_logout(req) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}

int
rp_api_me(struct rp_req *req)
{
	struct json_object *me = me_json(req);

	if (me == NULL)
		return req->resp.err_code ? -1 : rp_fail(req, 404, "not_found",
		    NULL, "No such user.");
	rp_resp_json(req, 200, me);
	return 0;
}

int
rp_api_me_patch(struct rp_req *req)
{
	if (rp_account_update(req) != 0)
		return -1;
	return rp_api_me(req);
}

int
rp_api_me_mfa(struct rp_req *req)
{
	const char *secret, *uri;
	struct json_object *o;

	if (rp_mfa_begin(req, &secret, &uri) != 0)
		return -1;
	o = json_object_new_object();
	rp_jadd(o, "secret", json_object_new_string(secret));
	rp_jadd(o, "otpauth_uri", json_object_new_string(uri));
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_me_mfa_confirm(struct rp_req *req)
{
	const char *code, *codes[10];
	struct json_object *o, *arr;

	if (rp_in_text(req, "totp", 6, true, &code) < 0 ||
	    rp_mfa_confirm(req, code, codes) != 0)
		return -1;
	o = json_object_new_object();
	arr = json_object_new_array();
	for (int i = 0; i < 10; i++)
		json_object_array_add(arr, json_object_new_string(codes[i]));
	rp_jadd(o, "recovery_codes", arr);
	rp_resp_json(req, 200, o);
	return 0;
}

/* ?limit= (default 50, at most 500) and ?offset= of every list. */
int
rp_api_page(struct rp_req *req, long long *limit, long long *offset)
{
	const char *l = rp_query(req, "limit"), *o = rp_query(req, "offset");

	*limit = 50;
	*offset = 0;
	if (l != NULL && rp_strtonum(l, 1, 500, limit) != 0)
		return rp_fail(req, 400, "invalid", "limit",
		    "limit must be an integer from 1 to 500.");
	if (o != NULL && rp_strtonum(o, 0, 1LL << 40, offset) != 0)
		return rp_fail(req, 400, "invalid", "offset",
		    "offset must be a non-negative integer.");
	return 0;
}

int
rp_api_document(struct rp_req *req, struct json_object *o, int status)
{
	struct json_object *body;

	if (o == NULL)
		return -1;
	json_object_object_get_ex(o, "body", &body);
	rp_jadd(o, "body_html", json_object_new_string(
	    rp_markdown_html(req->arena, json_object_get_string(body))));
	rp_resp_json(req, status, o);
	return 0;
}

int
rp_api_list(struct rp_req *req, struct json_object *items, long long total)
{
	struct json_object *o;

	if (items == NULL)
		return -1;
	o = json_object_new_object();
	rp_jadd(o, "items", items);
	rp_jadd(o, "total", json_object_new_int64(total));
	rp_resp_json(req, 200, o);
	return 0;
}

void
rp_api_list_open(struct rp_req *req, struct rp_jw *w)
{
	rp_resp_json_begin(req, 200, w);
	rp_jw_open(w, NULL, '{');
	rp_jw_open(w, "items", '[');
}

void
rp_api_list_close(struct rp_req *req, struct rp_jw *w, long long total)
{
	rp_jw_close(w, ']');
	rp_jw_int(w, "total", total);
	rp_jw_close(w, '}');
	rp_resp_json_end(req);
}

int
rp_api_users_list(struct rp_req *req)
{
	struct rp_user_rec *recs;
	long long limit, offset, total;
	size_t n;
	const char *q = rp_query(req, "q");

	if (rp_api_page(req, &limit, &offset) != 0)
		return -1;
	if (q != NULL && strlen(q) > 200)
		return rp_fail(req, 400, "too_long", "q", "The search is too long.");
	const char *sort = rp_query(req, "sort"), *dir = rp_query(req, "dir");
	if (sort != NULL && rp_users_sort_key(sort) == NULL)
		return rp_fail(req, 400, "invalid", "sort", "Sort by name, email or role.");
	if (dir != NULL && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0)
		return rp_fail(req, 400, "invalid", "dir", "dir must be asc or desc.");
	if (rp_users_list(req, q, sort ? sort : "name", dir && !strcmp(dir, "desc"),
	    limit, offset, &recs, &n, &total) != 0)
		return -1;
	struct json_object *o = json_object_new_object(), *items =
	    json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(items, rp_user_json(req, &recs[i]));
	rp_jadd(o, "items", items);
	rp_jadd(o, "total", json_object_new_int64(total));
	rp_resp_json(req, 200, o);
	return 0;
}

static int
load_target(struct rp_req *req, struct rp_user_rec *t)
{
	int found = rp_users_get(req, req->args[0], t);

	if (found < 0)
		return -1;
	if (found == 0)
		return rp_fail(req, 404, "not_found", NULL, "No such user.");
	return 0;
}

int
rp_api_users_get(struct rp_req *req)
{
	struct rp_user_rec t;

	if (load_target(req, &t) != 0)
		return -1;
	rp_resp_json(req, 200, rp_user_json(req, &t));
	return 0;
}

int
rp_api_users_create(struct rp_req *req)
{
	struct rp_user_rec t;
	long long id;

	if (rp_users_create(req, &id) != 0)
		return -1;
	req->args[0] = id;
	if (load_target(req, &t) != 0)
		return -1;
	rp_resp_json(req, 201, rp_user_json(req, &t));
	return 0;
}

int
rp_api_users_patch(struct rp_req *req)
{
	struct rp_user_rec t;

	if (load_target(req, &t) != 0 || rp_users_update(req, &t) != 0 ||
	    load_target(req, &t) != 0)
		return -1;
	rp_resp_json(req, 200, rp_user_json(req, &t));
	return 0;
}

int
rp_api_users_end_sessions(struct rp_req *req)
{
	struct rp_user_rec t;

	if (load_target(req, &t) != 0 || rp_users_end_sessions(req, &t) != 0)
		return -1;
	req->resp.status = 204;
	return 0;
}
