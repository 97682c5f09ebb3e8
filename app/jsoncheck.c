/* Strict RFC 8259 syntax check of request bodies, before json-c parses them. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "jsoncheck.h"

struct cur {
	const char	*s;
	size_t		 n, i;
	int		 depth, maxdepth;
};

static bool value(struct cur *);

static void
ws(struct cur *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' ||
	    c->s[c->i] == '\n' || c->s[c->i] == '\r'))
		c->i++;
}

static bool
eat(struct cur *c, char ch)
{
	if (c->i < c->n && c->s[c->i] == ch) {
		c->i++;
		return true;
	}
	return false;
}

static bool
digits(struct cur *c)
{
	size_t start = c->i;

	while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
		c->i++;
	return c->i > start;
}

static bool
number(struct cur *c)
{
	eat(c, '-');
	if (eat(c, '0')) {
		if (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
			return false;	/* no leading zeros */
	} else if (!digits(c)) {
		return false;
	}
	if (eat(c, '.') && !digits(c))
		return false;
	if (eat(c, 'e') || eat(c, 'E')) {
		if (!eat(c, '+'))
			eat(c, '-');
		if (!digits(c))
			return false;
	}
	return true;
}

static int
hex(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static bool
string(struct cur *c)
{
	if (!eat(c, '"'))
		return false;
	while (c->i < c->n) {
		unsigned char ch = (unsigned char)c->s[c->i++];

		if (ch == '"')
			return true;
		if (ch < 0x20)
			return false;
		if (ch != '\\')
			continue;
		if (c->i >= c->n)
			return false;
		ch = (unsigned char)c->s[c->i++];
		if (ch == 'u') {
			unsigned v = 0;

			if (c->n - c->i < 4)
				return false;
			for (int k = 0; k < 4; k++) {
				int h = hex(c->s[c->i++]);
				if (h < 0)
					return false;
				v = v << 4 | (unsigned)h;
			}
			if (v == 0)
				return false;	/* NUL would cut C strings short */
		} else if (strchr("\"\\/bfnrt", ch) == NULL || ch == '\0') {
			return false;
		}
	}
	return false;
}

static bool
literal(struct cur *c, const char *word)
{
	size_t len = strlen(word);

	if (c->n - c->i < len || memcmp(c->s + c->i, word, len) != 0)
		return false;
	c->i += len;
	return true;
}

static bool
container(struct cur *c, char open, char close, bool object)
{
	bool ok = false;

	if (!eat(c, open) || ++c->depth > c->maxdepth)
		return false;
	ws(c);
	if (eat(c, close)) {
		ok = true;
		goto out;
	}
	for (;;) {
		if (object) {
			if (!string(c))
				goto out;
			ws(c);
			if (!eat(c, ':'))
				goto out;
			ws(c);
		}
		if (!value(c))
			goto out;
		ws(c);
		if (eat(c, close)) {
			ok = true;
			goto out;
		}
		if (!eat(c, ','))
			goto out;
		ws(c);
	}
out:
	c->depth--;
	return ok;
}

static bool
value(struct cur *c)
{
	if (c->i >= c->n)
		return false;
	switch (c->s[c->i]) {
	case '{':
		return container(c, '{', '}', true);
	case '[':
		return container(c, '[', ']', false);
	case '"':
		return string(c);
	case 't':
		return literal(c, "true");
	case 'f':
		return literal(c, "false");
	case 'n':
		return literal(c, "null");
	default:
		return number(c);
	}
}

int
rp_json_check(const char *s, size_t n, int maxdepth)
{
	struct cur c = { s, n, 0, 0, maxdepth };

	ws(&c);
	if (!value(&c))
		return -1;
	ws(&c);
	return c.i == n ? 0 : -1;
}

int
rp_json_parse(const char *s, size_t n, int maxdepth, struct json_object **out)
{
	struct json_tokener *tok;
	enum json_tokener_error jerr;
	struct json_object *obj;
	size_t end;

	*out = NULL;
	if (n > INT32_MAX || rp_json_check(s, n, maxdepth) != 0)
		return -1;
	if ((tok = json_tokener_new_ex(maxdepth)) == NULL)
		return -2;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, s, (int)n);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	/* A bare number at the very end ("8", "-1.5e3") is not finished for
	 * json-c until it sees what follows: give it the end of the text (the
	 * fuzzer found "8" checked valid but refused as malformed). */
	if (obj == NULL && jerr == json_tokener_continue && end == n) {
		obj = json_tokener_parse_ex(tok, "", 1);
		jerr = json_tokener_get_error(tok);
		end = n;
	}
	/* The whole text must be exactly one JSON value. */
	if (obj != NULL && (jerr != json_tokener_success || end != n)) {
		json_object_put(obj);
		obj = NULL;
	}
	json_tokener_free(tok);
	if (obj == NULL)
		return -1;
	*out = obj;
	return 0;
}
