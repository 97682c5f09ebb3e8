/* Unit tests of the dispatcher: 404, 405, 401, 403 decided before handlers. */
#include "arena.h"
#include "authz.h"
#include "request.h"
#include "router.h"
#include "tap.h"

static int calls;
static long long seen_id;

static int
handler(struct rp_req *req)
{
	calls++;
	seen_id = req->args[0];
	return 0;
}

static const struct rp_route table[] = {
	{ "GET", "/public", handler, 0, 0, RP_FEAT_NONE, 0 },
	{ "GET", "/things/{id}", handler, RP_R_SESSION, 0, RP_FEAT_NONE, 0 },
	{ "PATCH", "/things/{id}", handler, RP_R_SESSION, 0, RP_FEAT_NONE, 0 },
	{ "POST", "/admin", handler, RP_R_SESSION,
	  RP_ROLE_BIT(RP_ROLE_SUPPORT), RP_FEAT_NONE, 0 },
	{ "POST", "/plan", handler, RP_R_SESSION, 0, RP_FEAT_PLAN, 0 },
	{ "GET", "/a/{id}/b/{id}", handler, 0, 0, RP_FEAT_NONE, 0 },
	{ "GET", "/setup", handler, RP_R_SESSION | RP_R_MFA_SETUP, 0, RP_FEAT_NONE, 0 },
	{ "POST", "/open", handler, RP_R_NO_CSRF, 0, RP_FEAT_NONE, 0 },
};

static struct rp_arena *a;

static int
run(const char *method, const char *path, struct rp_user *user,
    const char *csrf_header)
{
	struct rp_req req;
	char m[64], u[256], h[128];
	const char *env[4] = { m, u, NULL, NULL };

	snprintf(m, sizeof(m), "REQUEST_METHOD=%s", method);
	snprintf(u, sizeof(u), "REQUEST_URI=%s", path);
	if (csrf_header) {
		snprintf(h, sizeof(h), "HTTP_X_CSRF_TOKEN=%s", csrf_header);
		env[2] = h;
	}
	calls = 0;
	rp_req_init(&req, a, (char **)(void *)env, "fr");
	req.user = user;
	rp_dispatch(&req, table, sizeof(table) / sizeof(table[0]));
	return req.resp.err_code ? req.resp.status : calls ? 200 :
	    req.resp.status == 303 ? 303 : -1;
}

int
main(void)
{
	struct rp_user admin = { .id = 1, .firm_id = 1, .role = RP_ROLE_ADMIN,
	    .features = ~0u, .csrf_token = "tok" };
	struct rp_user nofeat = { .id = 2, .firm_id = 1,
	    .role = RP_ROLE_ACCOUNT_MANAGER, .csrf_token = "tok" };
	struct rp_user enrol = { .id = 3, .firm_id = 1, .role = RP_ROLE_ADMIN,
	    .features = ~0u, .csrf_token = "tok", .mfa_enrollment_required = true };
	a = rp_arena_new(0);

	is_int(run("GET", "/public", NULL, NULL), 200, "public route runs");
	is_int(run("HEAD", "/public", NULL, NULL), 200, "HEAD served by GET route");
	is_int(run("GET", "/nothing", NULL, NULL), 404, "unknown path: 404");
	is_int(run("DELETE", "/public", NULL, NULL), 405, "wrong method: 405");
	is_int(run("GET", "/things/7", NULL, NULL), 303, "no session, HTML: to the login page");
	is_int(run("PATCH", "/things/7", NULL, NULL), 401, "no session: 401");
	is_int(calls, 0, "handler not run without session");
	is_int(run("GET", "/things/7", &admin, NULL), 200, "session: runs");
	is_int(seen_id, 7, "id argument parsed");
	is_int(run("GET", "/things/0", &admin, NULL), 404, "id 0: 404");
	is_int(run("GET", "/things/-1", &admin, NULL), 404, "negative id: 404");
	is_int(run("GET", "/things/07", &admin, NULL), 404, "leading zero: 404");
	is_int(run("GET", "/things/abc", &admin, NULL), 404, "non-numeric id: 404");
	is_int(run("GET", "/things/99999999999999999999", &admin, NULL), 404,
	    "huge id: 404");
	is_int(run("GET", "/things/7/x", &admin, NULL), 404, "trailing segment: 404");
	is_int(run("PATCH", "/things/7", &admin, NULL), 403, "no CSRF token: 403");
	is_int(calls, 0, "handler not run without CSRF token");
	is_int(run("PATCH", "/things/7", &admin, "bad"), 403, "wrong CSRF token: 403");
	is_int(run("PATCH", "/things/7", &admin, "tok"), 200, "right CSRF token runs");
	is_int(run("POST", "/admin", &admin, "tok"), 403, "wrong role: 403");
	is_int(run("POST", "/admin", NULL, "tok"), 401, "401 comes before 403");
	is_int(run("POST", "/plan", &nofeat, "tok"), 403, "missing feature: 403");
	is_int(run("POST", "/plan", &admin, "tok"), 200, "feature held: runs");
	is_int(run("GET", "/a/3/b/9", NULL, NULL), 200, "two ids match");
	is_int(run("PATCH", "/things/7", &enrol, "tok"), 403,
	    "MFA enrolment required: 403 before any handler");
	is_int(run("GET", "/setup", &enrol, NULL), 200, "MFA set-up route allowed");
	is_int(run("POST", "/open", &admin, NULL), 200,
	    "a route without session (login) needs no CSRF token");
	is_int(run("POST", "/nothing", NULL, NULL), 404, "404 comes before 405");
	rp_arena_free(a);
	return done_testing();
}
