/* Unit tests of the UNION ALL composer of rp_db_union. */
#include <stdlib.h>

#include "sqlunion.h"
#include "tap.h"

/* The select list of sql as parsed, or "REFUSED". */
static const char *
list_of(const char *sql, struct rp_sql_select *s)
{
	static char buf[512];

	if (rp_sql_select_parse(sql, s) != 0)
		return "REFUSED";
	snprintf(buf, sizeof(buf), "%.*s", (int)(s->list_end - s->list_start), sql + s->list_start);
	return buf;
}

int
main(void)
{
	struct rp_sql_select s;

	is_str(list_of("SELECT a, b FROM t WHERE x = ?", &s), "a, b", "plain: the select list");
	is_int((int)s.ncols, 2, "plain: two columns");
	ok(!s.needs_limit, "plain: no ORDER BY, no LIMIT needed");

	is_str(list_of("SELECT COALESCE(SUM(x), 0), 'a,b FROM c', DATE_FORMAT(at, '%Y, %m')"
	    " FROM t WHERE y IN (1, 2) ORDER BY a", &s),
	    "COALESCE(SUM(x), 0), 'a,b FROM c', DATE_FORMAT(at, '%Y, %m')",
	    "commas and FROM inside parentheses and quotes do not count");
	is_int((int)s.ncols, 3, "three columns");
	ok(s.needs_limit, "ORDER BY without LIMIT needs one in a union");

	is_str(list_of("SELECT (SELECT c FROM u WHERE u.id = t.id), t.d FROM t ORDER BY t.d LIMIT 30", &s),
	    "(SELECT c FROM u WHERE u.id = t.id), t.d", "a subquery's FROM is not the statement's");
	is_int((int)s.ncols, 2, "two columns");
	ok(!s.needs_limit, "ORDER BY with its LIMIT");

	is_str(list_of("SELECT (SELECT x FROM y), EXISTS (SELECT 1 FROM z WHERE k = ?)", &s),
	    "(SELECT x FROM y), EXISTS (SELECT 1 FROM z WHERE k = ?)", "no FROM: the list runs to the end");
	is_int((int)s.ncols, 2, "two columns");

	is_str(list_of("SELECT from_date, 'it''s', \"q\\\"uoted\" FROM t", &s),
	    "from_date, 'it''s', \"q\\\"uoted\"", "a word that starts with FROM; escaped quotes");
	is_int((int)s.ncols, 3, "three columns");

	is_str(list_of("UPDATE t SET a = 1", &s), "REFUSED", "not a SELECT");
	is_str(list_of("SELECT a FROM t UNION ALL SELECT b FROM u", &s), "REFUSED",
	    "a union of its own");
	is_str(list_of("SELECT (a FROM t", &s), "REFUSED", "unbalanced parenthesis");
	is_str(list_of("SELECT a) FROM t", &s), "REFUSED", "a closing parenthesis too many");
	is_str(list_of("SELECT 'a FROM t", &s), "REFUSED", "unterminated quote");
	is_str(list_of("SELECT  FROM t", &s), "REFUSED", "an empty select list");

	const char *parts[] = {
		"SELECT a, b FROM t WHERE id = ? ORDER BY a",
		"SELECT COUNT(*) FROM u WHERE k = ? AND j = ?",
		"SELECT (SELECT c FROM v), ?",
	};
	size_t first[3], ncols[3];
	char *u = rp_sql_union(parts, 3, first, ncols);
	is_str(u,
	    "(SELECT 0, a, b, NULL, NULL, NULL FROM t WHERE id = ? ORDER BY a LIMIT 18446744073709551615)"
	    " UNION ALL (SELECT 1, NULL, NULL, COUNT(*), NULL, NULL FROM u WHERE k = ? AND j = ?)"
	    " UNION ALL (SELECT 2, NULL, NULL, NULL, (SELECT c FROM v), ?)",
	    "the union: a tag, columns of each part's own, placeholders in order, the LIMIT added");
	ok(first[0] == 1 && first[1] == 3 && first[2] == 4, "first columns 1, 3, 4");
	ok(ncols[0] == 2 && ncols[1] == 1 && ncols[2] == 2, "column counts 2, 1, 2");
	free(u);
	const char *bad[] = { "SELECT a FROM t", "DELETE FROM t" };
	ok(rp_sql_union(bad, 2, first, ncols) == NULL, "a part that is not a SELECT: no union");
	ok(rp_sql_union(bad, 0, first, ncols) == NULL, "no part: no union");
	return done_testing();
}
