/* The one dispatcher: every check a route declares happens here, in order. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "authz.h"
#include "request.h"
#include "response.h"
#include "router.h"
#include "scope.h"
#include "session.h"
#include "util.h"

/* Match a pattern against a path; {id} segments must be positive integers
 * and are stored in args; a {token} segment (1..128 letters, digits, '-'
 * or '_') is copied to *tok. Returns 1 on match, 0 otherwise. */
static int
match(const char *pat, const char *path, long long *args, char *tok)
{
	size_t nargs = 0;

	while (*pat && *path) {
		if (strncmp(pat, "{token}", 7) == 0) {
			size_t n = strspn(path, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
			if (n == 0 || n > RP_MAX_TOKEN || (path[n] != '\0' && path[n] != '/'))
				return 0;
			memcpy(tok, path, n);
			tok[n] = '\0';
			pat += 7;
			path += n;
			continue;
		}
		if (strncmp(pat, "{id}", 4) == 0) {
			char num[24];
			size_t n = strcspn(path, "/");
			long long v;

			if (n == 0 || n >= sizeof(num) || nargs == RP_MAX_ROUTE_ARGS)
				return 0;
			memcpy(num, path, n);
			num[n] = '\0';
			/* Ids are positive integers; anything else is "no such
			 * thing" (404), like an id that does not exist. */
			if (num[0] == '0' || rp_strtonum(num, 1, (1LL << 53),
			    &v) != 0)
				return 0;
			args[nargs++] = v;
			pat += 4;
			path += n;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

static int
method_matches(const struct rp_route *r, const struct rp_req *req)
{
	if (strcmp(r->method, req->method_name) == 0)
		return 1;
	return req->method == RP_HEAD && strcmp(r->method, "GET") == 0;
}

bool
rp_route_takes_upload(const struct rp_req *req, const struct rp_route *routes,
    size_t n)
{
	long long args[RP_MAX_ROUTE_ARGS];
	char tok[RP_MAX_TOKEN + 1];

	for (size_t i = 0; i < n; i++)
		if ((routes[i].flags & RP_R_UPLOAD) && method_matches(&routes[i], req) &&
		    match(routes[i].pattern, req->path, args, tok))
			return true;
	return false;
}

static int
csrf_ok(const struct rp_req *req)
{
	const char *sent = rp_env(req, "HTTP_X_CSRF_TOKEN");

	if (sent == NULL)
		sent = rp_param(&req->form, "csrf_token");
	return sent != NULL && req->user != NULL && req->user->csrf_token != NULL &&
	    rp_str_equal_ct(sent, req->user->csrf_token);
}

void
rp_dispatch(struct rp_req *req, const struct rp_route *routes, size_t n)
{
	const struct rp_route *found = NULL;
	long long args[RP_MAX_ROUTE_ARGS];
	char allow[64] = "", tok[RP_MAX_TOKEN + 1] = "";
	int path_known = 0;

	for (size_t i = 0; i < n; i++) {
		memset(args, 0, sizeof(args));
		if (!match(routes[i].pattern, req->path, args, tok))
			continue;
		path_known = 1;
		if (method_matches(&routes[i], req)) {
			found = &routes[i];
			memcpy(req->args, args, sizeof(args));
			req->token = rp_strdup(req->arena, tok);
			break;
		}
		if (strlen(allow) + strlen(routes[i].method) + 3 < sizeof(allow)) {
			if (allow[0])
				strcat(allow, ", ");
			strcat(allow, routes[i].method);
			if (strcmp(routes[i].method, "GET") == 0)
				strcat(allow, ", HEAD");
		}
	}
	if (!path_known) {
		rp_fail(req, 404, "not_found", NULL, "Nothing is here.");
		return;
	}
	if (found == NULL) {
		rp_resp_header(req, "Allow", allow);
		rp_fail(req, 405, "method_not_allowed", NULL,
		    "This method is not allowed here.");
		return;
	}
	req->route = found;
	/* Tests may set req->user themselves; otherwise the cookie decides. */
	if (req->user == NULL && (found->flags & (RP_R_SESSION | RP_R_OPTIONAL)) &&
	    rp_session_load(req, (found->flags & RP_R_PENDING) != 0) != 0)
		return;
	if ((found->flags & RP_R_SESSION) && req->user == NULL) {
		if (!req->api && (req->method == RP_GET || req->method == RP_HEAD)) {
			rp_redirect(req, rp_printf(req->arena, "/login?next=%s",
			    rp_url_path_escape(req->arena, req->path)));
			return;
		}
		rp_fail(req, 401, "unauthenticated", NULL, "Please log in.");
		return;
	}
	if (req->user != NULL && req->user->mfa_enrollment_required &&
	    !(found->flags & RP_R_MFA_SETUP)) {
		if (!req->api && req->method == RP_GET) {
			rp_redirect(req, "/account/mfa");
			return;
		}
		rp_fail(req, 403, "mfa_enrollment_required", NULL,
		    "Set up MFA for your account first.");
		return;
	}
	if (found->roles != 0 && (req->user == NULL ||
	    !(found->roles & RP_ROLE_BIT(req->user->role)))) {
		rp_fail(req, 403, "forbidden", NULL,
		    "Your role does not allow this.");
		return;
	}
	if (found->feature != RP_FEAT_NONE && (req->user == NULL ||
	    !(req->user->features & RP_FEAT_BIT(found->feature)))) {
		/* Out of scope is "not found" whatever one's rights. */
		int seen = found->scope ? rp_scope_visible(req, found->scope,
		    req->args[0]) : 1;
		if (seen == 0)
			rp_fail(req, 404, "not_found", NULL, "Nothing is here.");
		else if (seen > 0)
			rp_fail(req, 403, "forbidden", NULL,
			    "Your rights do not allow this.");
		return;
	}
	bool changes = req->method != RP_GET && req->method != RP_HEAD &&
	    req->method != RP_OPTIONS;
	if (changes && req->user != NULL && !(found->flags & RP_R_NO_CSRF) &&
	    !csrf_ok(req)) {
		rp_fail(req, 403, "csrf", "csrf_token",
		    "The security token is missing or wrong; reload the page.");
		return;
	}
	found->handler(req);
}
