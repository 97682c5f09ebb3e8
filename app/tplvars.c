/* Template variables of the library: checking and filling (pure). */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "tplvars.h"
#include "util.h"

static const char *const names[] = { "client_name", "firm_name", "vciso_name", "date" };

/* If s starts a well-formed "{{name}}", the name's length (and *end past
 * the closing braces); else 0. */
static size_t
token(const char *s, const char **end)
{
	size_t n = 0;

	if (s[0] != '{' || s[1] != '{')
		return 0;
	s += 2;
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_')
		n++;
	if (n == 0 || n > RP_TPLVAR_NAME_MAX || s[n] != '}' || s[n + 1] != '}')
		return 0;
	*end = s + n + 2;
	return n;
}

/* Index of the known variable s[0..n), or -1. */
static int
known(const char *s, size_t n)
{
	for (size_t i = 0; i < RP_NELEM(names); i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return (int)i;
	return -1;
}

int
rp_tplvars_check(struct rp_arena *a, const char *text, const char **what, size_t *line)
{
	size_t ln = 1;

	*what = NULL;
	*line = 0;
	for (const char *p = text; *p != '\0'; p++) {
		const char *end;
		size_t n;

		if (*p == '\n')
			ln++;
		if (p[0] != '{' || p[1] != '{')
			continue;
		if ((n = token(p, &end)) == 0) {
			*what = "\"{{\" not closed";
			*line = ln;
			return -1;
		}
		if (known(p + 2, n) < 0) {
			*what = rp_printf(a, "{{%.*s}}", (int)n, p + 2);
			*line = ln;
			return -1;
		}
		p = end - 1;
	}
	return 0;
}

char *
rp_tplvars_fill(struct rp_arena *a, const char *text, const struct rp_tplvals *v)
{
	const char *vals[] = { v->client_name, v->firm_name, v->vciso_name, v->date };
	struct rp_buf b;
	const char *p = text, *run = text;

	rp_buf_init(&b, a);
	while (*p != '\0') {
		const char *end;
		size_t n;
		int k;

		if (p[0] == '{' && (n = token(p, &end)) != 0 && (k = known(p + 2, n)) >= 0) {
			rp_buf_add(&b, run, (size_t)(p - run));
			if (vals[k] != NULL)
				rp_buf_puts(&b, vals[k]);
			p = run = end;
			continue;
		}
		p++;
	}
	rp_buf_add(&b, run, (size_t)(p - run));
	return rp_strdup(a, rp_buf_str(&b));
}

char *
rp_tplvars_generalise(struct rp_arena *a, const char *text, const char *name, size_t *n)
{
	struct rp_buf b;
	size_t len = name ? strlen(name) : 0;
	const char *p = text, *hit;

	*n = 0;
	if (len == 0)
		return rp_strdup(a, text);
	rp_buf_init(&b, a);
	while ((hit = strstr(p, name)) != NULL) {
		rp_buf_add(&b, p, (size_t)(hit - p));
		rp_buf_puts(&b, "{{client_name}}");
		p = hit + len;
		(*n)++;
	}
	rp_buf_puts(&b, p);
	return rp_strdup(a, rp_buf_str(&b));
}
