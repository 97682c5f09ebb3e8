/* Splitting a migration file into single SQL statements. */
#include <stdbool.h>

#include "sqlsplit.h"

static bool
blank(const char *s, size_t n)
{
	/* A piece holding only spaces and comments is no statement. */
	for (size_t i = 0; i < n; i++) {
		if ((s[i] == '-' && i + 1 < n && s[i + 1] == '-') || s[i] == '#') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			for (i += 2; i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'); i++)
				;
			i++;
			continue;
		}
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	}
	return true;
}

/* Hand a statement to fn without its leading blank lines, with the line
 * where its text starts (for error messages). */
static int
emit(const char *s, size_t n, int line,
    int (*fn)(void *, const char *, size_t, int), void *ctx)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		if (*s == '\n')
			line++;
		s++;
		n--;
	}
	if (blank(s, n))
		return 0;
	return fn(ctx, s, n, line);
}

int
rp_sql_split(const char *s, size_t n,
    int (*fn)(void *, const char *, size_t, int), void *ctx)
{
	size_t start = 0, i = 0;
	int line = 1, start_line = 1, rc;

	while (i < n) {
		char c = s[i];

		if (c == '\n')
			line++;
		if (c == '\'' || c == '"' || c == '`') {
			for (i++; i < n && s[i] != c; i++) {
				if (s[i] == '\\' && c != '`')
					i++;
				else if (i < n && s[i] == '\n')
					line++;
			}
			if (i >= n)
				return -2;
			i++;
			continue;
		}
		if (c == '-' && i + 1 < n && s[i + 1] == '-') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		if (c == '#') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			for (i += 2; i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'); i++)
				if (s[i] == '\n')
					line++;
			if (i + 1 >= n)
				return -2;
			i += 2;
			continue;
		}
		if (c == ';') {
			if ((rc = emit(s + start, i - start, start_line, fn,
			    ctx)) != 0)
				return rc;
			start = i + 1;
			start_line = line;
		}
		i++;
	}
	if (start < n && (rc = emit(s + start, n - start, start_line, fn,
	    ctx)) != 0)
		return rc;
	return 0;
}
