/* Several SELECTs as one UNION ALL statement (see sqlunion.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlunion.h"

/* A keyword of sql at i outside quotes and parentheses, as a whole word. */
static bool
word_at(const char *sql, size_t i, const char *w)
{
	size_t n = strlen(w);

	return strncmp(sql + i, w, n) == 0 && (i == 0 || isspace((unsigned char)sql[i - 1])) &&
	    (sql[i + n] == '\0' || isspace((unsigned char)sql[i + n]));
}

int
rp_sql_select_parse(const char *sql, struct rp_sql_select *out)
{
	size_t depth = 0, i;
	bool order = false, limit = false;
	char quote = 0;

	memset(out, 0, sizeof(*out));
	if (strncmp(sql, "SELECT ", 7) != 0)
		return -1;
	out->list_start = 7;
	out->ncols = 1;
	for (i = 7; sql[i] != '\0'; i++) {
		char ch = sql[i];
		if (quote) {
			if (ch == '\\' && sql[i + 1] != '\0')
				i++;
			else if (ch == quote)
				quote = 0;
			continue;
		}
		if (ch == '\'' || ch == '"' || ch == '`') {
			quote = ch;
		} else if (ch == '(') {
			depth++;
		} else if (ch == ')') {
			if (depth == 0)
				return -1;
			depth--;
		} else if (depth == 0) {
			if (out->list_end == 0 && ch == ',')
				out->ncols++;
			else if (out->list_end == 0 && word_at(sql, i, "FROM"))
				out->list_end = i - 1;
			else if (word_at(sql, i, "UNION"))
				return -1;
			else if (word_at(sql, i, "ORDER"))
				order = true;
			else if (word_at(sql, i, "LIMIT"))
				limit = true;
		}
	}
	if (quote || depth != 0)
		return -1;
	if (out->list_end == 0)
		out->list_end = i;
	while (out->list_end > out->list_start && isspace((unsigned char)sql[out->list_end - 1]))
		out->list_end--;
	out->needs_limit = order && !limit;
	return out->list_end > out->list_start ? 0 : -1;
}

/* Append to a malloc'd text (NULL stays NULL: out of memory). */
static char *
cat(char *s, size_t *len, const char *add, size_t n)
{
	char *t;

	if (s == NULL || (t = realloc(s, *len + n + 1)) == NULL) {
		free(s);
		return NULL;
	}
	memcpy(t + *len, add, n);
	*len += n;
	t[*len] = '\0';
	return t;
}

static char *
nulls(char *s, size_t *len, size_t n)
{
	for (size_t i = 0; i < n && s != NULL; i++)
		s = cat(s, len, ", NULL", 6);
	return s;
}

char *
rp_sql_union(const char *const *sqls, size_t n, size_t *first, size_t *ncols)
{
	struct rp_sql_select *sel;
	size_t total = 1, len = 0;
	char *s, tag[32];

	if (n == 0 || (sel = calloc(n, sizeof(*sel))) == NULL)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		if (rp_sql_select_parse(sqls[k], &sel[k]) != 0) {
			free(sel);
			return NULL;
		}
		first[k] = total;
		ncols[k] = sel[k].ncols;
		total += sel[k].ncols;
	}
	s = calloc(1, 1);
	for (size_t k = 0; k < n && s != NULL; k++) {
		const char *q = sqls[k];
		int t = snprintf(tag, sizeof(tag), "%s(SELECT %zu", k ? " UNION ALL " : "", k);
		s = cat(s, &len, tag, (size_t)t);
		s = nulls(s, &len, first[k] - 1);
		s = cat(s, &len, ", ", 2);
		s = cat(s, &len, q + sel[k].list_start, sel[k].list_end - sel[k].list_start);
		s = nulls(s, &len, total - first[k] - ncols[k]);
		s = cat(s, &len, q + sel[k].list_end, strlen(q + sel[k].list_end));
		if (sel[k].needs_limit)
			s = cat(s, &len, " LIMIT 18446744073709551615", 27);
		s = cat(s, &len, ")", 1);
	}
	free(sel);
	return s;
}
