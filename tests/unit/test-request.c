/* Unit tests of the request parser: paths, query, cookies, bodies, limits. */
#include <json.h>

#include "arena.h"
#include "jsoncheck.h"
#include "request.h"
#include "tap.h"

static struct rp_arena *a;

/* Build a request from "NAME=value" strings. */
static int
req_from(struct rp_req *req, const char **env)
{
	return rp_req_init(req, a, (char **)(void *)env, "fr");
}

int
main(void)
{
	struct rp_req req;
	struct rp_params p;
	const char *bad;
	a = rp_arena_new(0);

	const char *e1[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/a%20b?x=1&y=%C3%A9",
	    "QUERY_STRING=x=1&y=%C3%A9", "HTTP_COOKIE=rempart_lang=en; other=v",
	    NULL };
	ok(req_from(&req, e1) == 0, "valid request parses");
	is_str(req.path, "/a b", "path is percent-decoded");
	is_str(rp_query(&req, "x"), "1", "query x");
	is_str(rp_query(&req, "y"), "\xc3\xa9", "query y decoded as UTF-8");
	is_str(rp_cookie(&req, "other"), "v", "cookie read");
	is_int(req.lang, RP_LANG_EN, "language from cookie");
	ok(!req.api, "not an API path");

	const char *e2[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/api/v1/x%zz", NULL };
	ok(req_from(&req, e2) != 0 && req.resp.status == 400, "bad escape in path: 400");
	is_str(req.resp.err_field, "path", "bad path names the field");
	ok(req.api, "API path detected even when malformed");

	const char *e3[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/?a=%", "QUERY_STRING=a=%",
	    NULL };
	ok(req_from(&req, e3) != 0 && req.resp.status == 400, "bad query: 400");
	is_str(req.resp.err_field, "query", "bad query names the field");

	const char *e4[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "HTTP_COOKIE=novalue; a=b", NULL };
	ok(req_from(&req, e4) != 0 && req.resp.status == 400, "cookie without '=': 400");
	is_str(req.resp.err_field, "cookie", "bad cookie names the field");

	const char *e5[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/%00", NULL };
	ok(req_from(&req, e5) != 0 && req.resp.status == 400, "NUL in path: 400");

	const char *e6[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "HTTP_ACCEPT_LANGUAGE=de-DE, en-GB;q=0.8, fr;q=0.5", NULL };
	req_from(&req, e6);
	is_int(req.lang, RP_LANG_EN, "Accept-Language: first known language wins");
	const char *e7[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/?lang=xx",
	    "QUERY_STRING=lang=xx", NULL };
	req_from(&req, e7);
	is_int(req.lang, RP_LANG_FR, "unknown lang falls back to the default");
	ok(!req.lang_chosen, "unknown lang is not remembered");
	const char *e7b[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/?lang=xx",
	    "QUERY_STRING=lang=xx", "HTTP_COOKIE=rempart_lang=en", NULL };
	req_from(&req, e7b);
	is_int(req.lang, RP_LANG_EN, "unknown ?lang= falls back to the cookie");
	const char *e7c[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/?lang=en",
	    "QUERY_STRING=lang=en", NULL };
	req_from(&req, e7c);
	ok(req.lang == RP_LANG_EN && req.lang_chosen, "?lang=en is chosen and remembered");
	const char *e7d[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "HTTP_ACCEPT_LANGUAGE=fr;q=0, en", NULL };
	req_from(&req, e7d);
	is_int(req.lang, RP_LANG_EN, "Accept-Language q=0 refuses a language");

	/* Content-Length is checked before any allocation. */
	const char *e8[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/api/v1/x",
	    "CONTENT_LENGTH=2000000", NULL };
	req_from(&req, e8);
	ok(rp_req_check_length(&req, 1048576) != 0 && req.resp.status == 413,
	    "body over the cap: 413");
	const char *e9[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/api/v1/x",
	    "CONTENT_LENGTH=-1", NULL };
	req_from(&req, e9);
	ok(rp_req_check_length(&req, 1048576) != 0 && req.resp.status == 400,
	    "negative length: 400");
	const char *e10[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/api/v1/x",
	    "CONTENT_LENGTH=99999999999999999999999", NULL };
	req_from(&req, e10);
	ok(rp_req_check_length(&req, 1048576) != 0 && req.resp.status == 400,
	    "absurd length: 400");

	/* Bodies. */
	const char *json_env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/api/v1/x",
	    "CONTENT_TYPE=application/json; charset=utf-8", NULL };
	req_from(&req, json_env);
	ok(rp_req_parse_body(&req, "{\"a\":1}", 7) == 0 && req.json != NULL,
	    "JSON object parses");
	json_object_put(req.json);
	const char *bodies[] = { "{\"a\":", "{\"a\":1} x", "[1,2]", "nul", "{\"a\" 1}",
	    "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1.}",
	    "{\"a\":01}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\x\"}", "{\"a\":-}",
	    "{\"a\":1e}", "{\"a\":tru}", "{\"a\" : \"\t\"}" };
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		req_from(&req, json_env);
		ok(rp_req_parse_body(&req, bodies[i], strlen(bodies[i])) != 0 &&
		    req.resp.status == 400 && req.json == NULL,
		    "malformed JSON %zu refused with 400", i);
	}
	req_from(&req, json_env);
	char deep[200];
	memset(deep, '[', 100);
	deep[0] = '{';
	strcpy(deep + 1, "\"a\":");
	memset(deep + 5, '[', 40);
	memset(deep + 45, ']', 40);
	strcpy(deep + 85, "}");
	ok(rp_req_parse_body(&req, deep, strlen(deep)) != 0, "JSON nested too deep refused");
	req_from(&req, json_env);
	ok(rp_req_parse_body(&req, "{\"a\":\"\xff\"}", 8) != 0, "JSON bad UTF-8 refused");

	const char *apiform_env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/api/v1/x",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	req_from(&req, apiform_env);
	ok(rp_req_parse_body(&req, "a=1", 3) != 0 && req.resp.status == 415,
	    "the API refuses urlencoded forms");
	const char *form_env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/x",
	    "CONTENT_TYPE=application/x-www-form-urlencoded; charset=UTF-8", NULL };
	req_from(&req, form_env);
	ok(rp_req_parse_body(&req, "name=A+B&csrf_token=t%3D", 24) == 0,
	    "form with charset parameter parses");
	is_str(rp_param(&req.form, "name"), "A B", "form value decoded");
	is_str(rp_param(&req.form, "csrf_token"), "t=", "form escape decoded");
	req_from(&req, form_env);
	ok(rp_req_parse_body(&req, "a=%ff", 5) != 0, "form with bad UTF-8 refused");

	const char *xml_env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/x",
	    "CONTENT_TYPE=text/xml", NULL };
	req_from(&req, xml_env);
	ok(rp_req_parse_body(&req, "<a/>", 4) != 0 && req.resp.status == 415,
	    "unknown media type: 415");

	/* Limits of the parameter parsers. */
	char many[4096] = "";
	for (int i = 0; i < RP_MAX_PARAMS + 1; i++)
		strcat(many, "a=1&");
	ok(rp_parse_urlencoded(a, many, strlen(many), &p, &bad) != 0,
	    "too many parameters refused");
	char longkey[300];
	memset(longkey, 'k', 200);
	strcpy(longkey + 200, "=1");
	ok(rp_parse_urlencoded(a, longkey, strlen(longkey), &p, &bad) != 0,
	    "overlong parameter name refused");
	const char *goods[] = { "{}", " {\"a\" : [1, -0.5e+3, true, false, null, \"\\u00e9\\n\"]} ",
	    "{\"a\":{\"b\":{}}}" };
	for (size_t i = 0; i < sizeof(goods) / sizeof(goods[0]); i++) {
		req_from(&req, json_env);
		ok(rp_req_parse_body(&req, goods[i], strlen(goods[i])) == 0,
		    "valid JSON %zu accepted", i);
		if (req.json)
			json_object_put(req.json);
	}
	const char *e11[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/api%2Fv1%2Fhealth", NULL };
	ok(req_from(&req, e11) != 0 && req.resp.status == 400, "encoded slash refused");
	const char *e12[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/%61pi/v1/nope", NULL };
	ok(req_from(&req, e12) == 0 && req.api, "API detected on the decoded path");
	const char *e13[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "HTTP_ACCEPT_LANGUAGE=en; q=0, fr", NULL };
	req_from(&req, e13);
	is_int(req.lang, RP_LANG_FR, "Accept-Language '; q=0' with a space refuses");
	const char *e14[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "HTTP_ACCEPT_LANGUAGE=en;q=0.5, fr", NULL };
	req_from(&req, e14);
	is_int(req.lang, RP_LANG_EN, "q=0.5 is not a refusal");
	ok(rp_parse_urlencoded(a, "a=1&&b", 6, &p, &bad) == 0 && p.n == 2 &&
	    strcmp(p.v[1].val, "") == 0, "empty pair skipped, bare key allowed");
	ok(rp_parse_cookies(a, "a=b; c=\"d", &p, &bad) != 0, "quote in cookie refused");
	ok(rp_parse_cookies(a, "a=b;\x01=c", &p, &bad) != 0, "control char in cookie refused");
	char bigcookie[5000];
	memset(bigcookie, 'a', sizeof(bigcookie) - 1);
	bigcookie[1] = '=';
	bigcookie[sizeof(bigcookie) - 1] = '\0';
	ok(rp_parse_cookies(a, bigcookie, &p, &bad) != 0, "oversized cookie header refused");
	ok(rp_parse_cookies(a, "a=b;  c=d ;e=", &p, &bad) == 0 && p.n == 3 &&
	    strcmp(p.v[1].val, "d") == 0, "cookie spacing tolerated");

	/* rp_json_parse agrees with rp_json_check on bare values (fuzz-json
	 * found "8" checked valid but refused: json-c waited for more digits). */
	const char *values[] = { "8", "-1.5e3", " 42 ", "0", "true", "\"s\"", "[1]" };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct json_object *o = NULL;

		ok(rp_json_check(values[i], strlen(values[i]), 8) == 0 &&
		    rp_json_parse(values[i], strlen(values[i]), 8, &o) == 0 && o != NULL,
		    "bare JSON value '%s' parses", values[i]);
		json_object_put(o);
	}
	req_from(&req, json_env);
	ok(rp_req_parse_body(&req, "8", 1) != 0 && req.resp.status == 400,
	    "a bare number body is refused (not an object)");
	rp_arena_free(a);
	return done_testing();
}
