/* Typed, validated reading of request fields, from JSON or a form. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "enums.h"
#include "input.h"
#include "request.h"
#include "util.h"

/* The raw string value of a field, from JSON (must be a string) or the form.
 * Returns 1, 0 (absent, or JSON null) or -1 (wrong type). */
static int
raw(struct rp_req *req, const char *name, const char **out)
{
	struct json_object *v;

	*out = NULL;
	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, name, &v) || v == NULL)
			return 0;
		/* json-c would turn 12 into "12": insist on the type. */
		if (!json_object_is_type(v, json_type_string))
			return rp_fail(req, 400, "invalid", name,
			    "This field must be a string.");
		*out = json_object_get_string(v);
		return 1;
	}
	*out = rp_param(&req->form, name);
	return *out != NULL;
}

static int
text_lines(struct rp_req *req, const char *name, size_t maxchars, bool required,
    bool empty_ok, bool lines, const char **out);

static int
text(struct rp_req *req, const char *name, size_t maxchars, bool required,
    bool empty_ok, const char **out)
{
	return text_lines(req, name, maxchars, required, empty_ok, false, out);
}

int
rp_in_lines(struct rp_req *req, const char *name, size_t maxchars, bool required,
    const char **out)
{
	return text_lines(req, name, maxchars, required, false, true, out);
}

static int
text_lines(struct rp_req *req, const char *name, size_t maxchars, bool required,
    bool empty_ok, bool lines, const char **out)
{
	const char *v, *code, *msg;
	int rc = raw(req, name, &v);
	char *t;

	*out = NULL;
	if (rc < 0)
		return -1;
	if (rc == 0) {
		if (required)
			return rp_fail(req, 400, "required", name,
			    "This field is required.");
		return 0;
	}
	if ((t = rp_text_clean(req->arena, v, maxchars, lines, &code, &msg)) == NULL)
		return rp_fail(req, 400, code, name, msg);
	if (*t == '\0' && !empty_ok) {
		if (required)
			return rp_fail(req, 400, "required", name,
			    "This field is required.");
		return rp_fail(req, 400, "invalid", name, "This field is empty.");
	}
	*out = t;
	return 1;
}

int
rp_in_text(struct rp_req *req, const char *name, size_t maxchars, bool required,
    const char **out)
{
	return text(req, name, maxchars, required, false, out);
}

int
rp_in_text0(struct rp_req *req, const char *name, size_t maxchars,
    const char **out)
{
	return text(req, name, maxchars, false, true, out);
}

bool
rp_email_valid(const char *e)
{
	const char *at = strchr(e, '@'), *dot;
	size_t len = strlen(e);

	if (len < 3 || len > 254 || at == NULL || at == e || strchr(at + 1, '@'))
		return false;
	if ((size_t)(at - e) > 64)
		return false;
	for (const char *p = e; *p; p++)
		if (*p <= ' ' || strchr("\"(),:;<>[\\]", *p))
			return false;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0' &&
	    strstr(at, "..") == NULL;
}

int
rp_in_email(struct rp_req *req, const char *name, bool required,
    const char **out)
{
	int rc = rp_in_text(req, name, 254, required, out);

	if (rc <= 0)
		return rc;
	char *e = (char *)(uintptr_t)*out;
	for (char *p = e; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!rp_email_valid(e))
		return rp_fail(req, 400, "invalid", name,
		    "This is not a valid e-mail address.");
	return 1;
}

int
rp_in_secret(struct rp_req *req, const char *name, bool required,
    const char **out)
{
	int rc = raw(req, name, out);

	if (rc < 0)
		return -1;
	if (rc == 0 || **out == '\0') {
		*out = NULL;
		if (required)
			return rp_fail(req, 400, "required", name,
			    "This field is required.");
		return 0;
	}
	if (strlen(*out) > 1024 || !rp_utf8_valid(*out, strlen(*out)))
		return rp_fail(req, 400, "invalid", name, "This value is not accepted.");
	return 1;
}

int
rp_in_bool(struct rp_req *req, const char *name, bool *out)
{
	struct json_object *v;
	const char *s;

	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, name, &v) || v == NULL)
			return 0;
		if (!json_object_is_type(v, json_type_boolean))
			return rp_fail(req, 400, "invalid", name,
			    "This field must be true or false.");
		*out = json_object_get_boolean(v);
		return 1;
	}
	if ((s = rp_param(&req->form, name)) == NULL)
		return 0;
	if (!strcmp(s, "1") || !strcmp(s, "on") || !strcmp(s, "true"))
		*out = true;
	else if (!strcmp(s, "0") || !strcmp(s, "off") || !strcmp(s, "false"))
		*out = false;
	else
		return rp_fail(req, 400, "invalid", name,
		    "This field must be true or false.");
	return 1;
}

int
rp_in_keys(struct rp_req *req, const char *name, int (*parse)(const char *),
    unsigned *mask)
{
	struct json_object *v;
	int b;

	*mask = 0;
	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, name, &v) || v == NULL)
			return 0;
		if (!json_object_is_type(v, json_type_array))
			return rp_fail(req, 400, "invalid", name,
			    "This field must be a list.");
		size_t n = json_object_array_length(v);
		for (size_t i = 0; i < n; i++) {
			struct json_object *e = json_object_array_get_idx(v, i);
			if (!json_object_is_type(e, json_type_string) ||
			    (b = parse(json_object_get_string(e))) < 0)
				return rp_fail(req, 400, "invalid", name,
				    "This list holds an unknown key.");
			*mask |= 1u << b;
		}
		return 1;
	}
	char *present = rp_printf(req->arena, "%s_present", name);
	bool any = rp_param(&req->form, present) != NULL;
	for (size_t i = 0; i < req->form.n; i++) {
		if (strcmp(req->form.v[i].key, name) != 0)
			continue;
		any = true;
		if ((b = parse(req->form.v[i].val)) < 0)
			return rp_fail(req, 400, "invalid", name,
			    "This list holds an unknown key.");
		*mask |= 1u << b;
	}
	return any ? 1 : 0;
}

int
rp_in_ids(struct rp_req *req, const char *name, long long **ids, size_t *n)
{
	struct json_object *v;

	*ids = NULL;
	*n = 0;
	if (req->json == NULL) {
		size_t count = 0;
		for (size_t i = 0; i < req->form.n; i++)
			count += strcmp(req->form.v[i].key, name) == 0;
		char *present = rp_printf(req->arena, "%s_present", name);
		if (count == 0)
			return rp_param(&req->form, present) != NULL;
		*ids = rp_calloc(req->arena, count, sizeof(**ids));
		for (size_t i = 0; i < req->form.n; i++)
			if (strcmp(req->form.v[i].key, name) == 0 &&
			    rp_strtonum(req->form.v[i].val, 1, 1LL << 53,
			    &(*ids)[(*n)++]) != 0)
				return rp_fail(req, 400, "invalid", name,
				    "This list holds an invalid id.");
		return 1;
	}
	if (!json_object_object_get_ex(req->json, name, &v) || v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_array) ||
	    json_object_array_length(v) > 10000)
		return rp_fail(req, 400, "invalid", name, "This field must be a list of ids.");
	size_t len = json_object_array_length(v);
	*ids = rp_calloc(req->arena, len ? len : 1, sizeof(**ids));
	for (size_t i = 0; i < len; i++) {
		struct json_object *e = json_object_array_get_idx(v, i);
		int64_t x;
		if (!json_object_is_type(e, json_type_int) ||
		    (x = json_object_get_int64(e)) < 1 || x > (1LL << 53))
			return rp_fail(req, 400, "invalid", name,
			    "This list holds an invalid id.");
		(*ids)[(*n)++] = x;
	}
	return 1;
}

int
rp_in_enum(struct rp_req *req, const char *name, const struct rp_enum *e,
    bool required, const char **out)
{
	const char *v;
	int rc = rp_in_text(req, name, 64, required, &v), i;

	*out = NULL;
	if (rc <= 0)
		return rc;
	if ((i = rp_enum_parse(e, v)) < 0)
		return rp_fail(req, 400, "invalid", name, "This value is not one of the choices.");
	*out = rp_enum_key(e, i);
	return 1;
}

int
rp_in_int(struct rp_req *req, const char *name, long long min, long long max,
    bool *isnull, long long *out)
{
	struct json_object *v;
	const char *s;

	*isnull = false;
	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, name, &v))
			return 0;
		if (v == NULL) {
			*isnull = true;
			return 1;
		}
		if (!json_object_is_type(v, json_type_int))
			return rp_fail(req, 400, "invalid", name, "This field must be an integer.");
		*out = json_object_get_int64(v);
	} else {
		if ((s = rp_param(&req->form, name)) == NULL)
			return 0;
		while (*s == ' ')
			s++;
		if (*s == '\0') {
			*isnull = true;
			return 1;
		}
		if (rp_strtonum(s, min, max, out) != 0)
			return rp_fail(req, 400, "invalid", name, "This field must be a whole number.");
	}
	if (*out < min || *out > max)
		return rp_fail(req, 400, "out_of_range", name, "This number is out of range.");
	return 1;
}

static bool
known_key(const char *k, const char *const *known, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(k, known[i]) == 0)
			return true;
	return false;
}

const char *
rp_in_unknown(const struct rp_req *req, const char *const *known, size_t n)
{
	if (req->json != NULL) {
		json_object_object_foreach(req->json, k, v) {
			(void)v;
			if (!known_key(k, known, n))
				return k;
		}
		return NULL;
	}
	for (size_t i = 0; i < req->form.n; i++) {
		const char *k = req->form.v[i].key;
		size_t len = strlen(k);
		if (strcmp(k, "csrf_token") == 0 ||
		    (len > 8 && strcmp(k + len - 8, "_present") == 0))
			continue;
		if (!known_key(k, known, n))
			return k;
	}
	return NULL;
}

bool
rp_in_blank(const struct rp_req *req, const char *name)
{
	struct json_object *v;
	const char *s;

	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, name, &v))
			return false;
		if (v == NULL)
			return true;
		if (!json_object_is_type(v, json_type_string))
			return false;
		s = json_object_get_string(v);
	} else if ((s = rp_param(&req->form, name)) == NULL) {
		return false;
	}
	return s[strspn(s, " \t\r\n")] == '\0';
}

int
rp_query_enum(struct rp_req *req, const char *name, const struct rp_enum *e, bool strict,
    const char **out)
{
	const char *v = rp_query(req, name);
	int i;

	*out = NULL;
	if (v == NULL || *v == '\0')
		return 0;
	if ((i = rp_enum_parse(e, v)) < 0)
		return strict ? rp_fail(req, 400, "invalid", name,
		    "This filter value is not one of the choices.") : 0;
	*out = rp_enum_key(e, i);
	return 0;
}

int
rp_query_flag(struct rp_req *req, const char *name, bool strict, bool *out)
{
	const char *v = rp_query(req, name);

	*out = false;
	if (v == NULL || *v == '\0' || strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
		return 0;
	if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcmp(v, "on") == 0) {
		*out = true;
		return 0;
	}
	return strict ? rp_fail(req, 400, "invalid", name, "Use 1 or 0.") : 0;
}

int
rp_query_search(struct rp_req *req, const char *name, const char **out)
{
	*out = rp_query(req, name);
	if (*out != NULL && **out == '\0')
		*out = NULL;
	if (*out != NULL && strlen(*out) > 200)
		return rp_fail(req, 400, "too_long", name, "The search is too long.");
	return 0;
}

int
rp_query_id(struct rp_req *req, const char *name, bool strict, long long *out)
{
	const char *v = rp_query(req, name);

	*out = 0;
	if (v == NULL || *v == '\0' || rp_strtonum(v, 1, INT64_MAX, out) == 0)
		return 0;
	*out = 0;
	return strict ? rp_fail(req, 400, "invalid", name, "Give an id.") : 0;
}

int
rp_query_sort(struct rp_req *req, const char *const *keys, size_t n, unsigned desc_mask,
    bool strict, const char **sort, bool *desc)
{
	const char *s = rp_query(req, "sort"), *dir = rp_query(req, "dir");
	size_t k = n;

	for (size_t i = 0; s != NULL && i < n; i++)
		if (strcmp(s, keys[i]) == 0)
			k = i;
	if (k == n) {
		if (s != NULL && *s != '\0' && strict) {
			struct rp_buf b;
			rp_buf_init(&b, req->arena);
			for (size_t i = 0; i < n; i++)
				rp_buf_printf(&b, "%s%s", i == 0 ? "Sort by " : i + 1 < n ?
				    ", " : " or ", keys[i]);
			return rp_fail(req, 400, "invalid", "sort",
			    rp_printf(req->arena, "%s.", rp_buf_str(&b)));
		}
		k = 0;
	}
	*sort = keys[k];
	if (dir != NULL && *dir != '\0' && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0) {
		if (strict)
			return rp_fail(req, 400, "invalid", "dir", "dir must be asc or desc.");
		dir = NULL;
	}
	if (dir == NULL || *dir == '\0')
		*desc = (desc_mask >> k) & 1u;
	else
		*desc = strcmp(dir, "desc") == 0;
	return 0;
}

int
rp_in_links(struct rp_req *req, const char *name, size_t max, long long **ids, size_t *n)
{
	int rc;

	if ((rc = rp_in_ids(req, name, ids, n)) <= 0)
		return rc;
	*n = rp_ids_dedup(*ids, *n);
	if (*n > max)
		return rp_fail(req, 400, "too_long", name, "Too many links.");
	return rc;
}
