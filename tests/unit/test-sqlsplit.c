/* Unit tests of the migration statement splitter. */
#include "sqlsplit.h"
#include "tap.h"

struct got {
	int	 n;
	char	 s[8][128];
	int	 line[8];
};

static int
collect(void *ctx, const char *s, size_t len, int line)
{
	struct got *g = ctx;

	if (g->n < 8) {
		snprintf(g->s[g->n], sizeof(g->s[0]), "%.*s", (int)len, s);
		g->line[g->n] = line;
	}
	g->n++;
	return 0;
}

static struct got
split(const char *text)
{
	struct got g = { 0 };

	g.n = rp_sql_split(text, strlen(text), collect, &g) == 0 ? g.n : -1;
	return g;
}

int
main(void)
{
	struct got g;

	g = split("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n");
	is_int(g.n, 2, "two statements");
	is_str(g.s[1], "CREATE TABLE b (y INT)", "second statement text");
	is_int(g.line[1], 2, "second statement is reported at line 2");
	g = split("INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`);");
	is_int(g.n, 1, "semicolons inside quotes do not split");
	g = split("-- comment; still\nSELECT 1; /* x; y */ SELECT 2;# z;\n");
	is_int(g.n, 2, "semicolons inside comments do not split");
	g = split("SELECT 1;;  ;\n-- only a comment\n");
	is_int(g.n, 1, "empty and comment-only pieces are skipped");
	g = split("INSERT INTO t VALUES ('it\\'s; fine');");
	is_int(g.n, 1, "backslash-escaped quote");
	g = split("SELECT 'unterminated;");
	is_int(g.n, -1, "unterminated quote is an error");
	g = split("SELECT 1 /* open");
	is_int(g.n, -1, "unterminated comment is an error");
	g = split("SELECT 1");
	is_int(g.n, 1, "last statement without semicolon");
	return done_testing();
}
