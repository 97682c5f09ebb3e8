/* Unit tests of CSV: dialects, quoting, errors, limits, formulas. */
#include "arena.h"
#include "csv.h"
#include "tap.h"
#include "util.h"

static struct rp_arena *a;
static struct rp_csv csv;
static const char *err;
static size_t err_line;

/* Parse a NUL-terminated text with roomy limits. */
static int
parse(const char *text)
{
	return rp_csv_parse(a, text, strlen(text), 100, 50, 1000, &csv, &err,
	    &err_line);
}

static const char *
cell(size_t row, size_t col)
{
	if (row >= csv.nrows || col >= csv.rows[row].ncells)
		return NULL;
	return csv.rows[row].cells[col];
}

/* The text (a string literal, NULs allowed) fails at the line given. */
#define REFUSED(text, ...) refused(text, sizeof(text) - 1, __VA_ARGS__)

static void
refused(const char *text, size_t len, size_t max_rows, size_t max_cells,
    size_t max_cell, size_t line, const char *name)
{
	int rc = rp_csv_parse(a, text, len, max_rows, max_cells, max_cell,
	    &csv, &err, &err_line);

	ok(rc == -1 && err != NULL && csv.nrows == 0, "%s: refused", name);
	is_int(err_line, line, name);
}

static void
dialects(void)
{
	ok(parse("\xef\xbb\xbfNom;SIRET\r\nSoci\xc3\xa9t\xc3\xa9;73282932000074\r\n")
	    == 0, "BOM, ';', CRLF parses");
	ok(err == NULL, "no error on success");
	is_int(csv.sep, ';', "';' detected");
	is_int(csv.nrows, 2, "two records");
	is_str(cell(0, 0), "Nom", "BOM skipped from the first cell");
	is_str(cell(1, 0), "Soci\xc3\xa9t\xc3\xa9", "UTF-8 kept");
	is_int(csv.rows[1].line, 2, "second record on line 2");

	ok(parse("name,city\nACME,Paris") == 0, "no BOM, ',', LF, no final newline");
	is_int(csv.sep, ',', "',' detected");
	is_str(cell(1, 1), "Paris", "last cell without newline");

	ok(parse("a;b\rc;d\re;f\r") == 0, "CR line ends");
	is_int(csv.nrows, 3, "three records with CR");
	is_int(csv.rows[2].line, 3, "CR counts lines");
	is_str(cell(2, 1), "f", "CR: last cell");

	ok(parse("a;b;c,d\n1;2\n") == 0 && csv.sep == ';', "';' wins when more frequent");
	ok(parse("\"x;y;z\",a,b\n") == 0 && csv.sep == ',',
	    "separators inside quotes are not counted");
	ok(parse("single\nvalue\n") == 0 && csv.sep == ',', "',' when neither");
	is_int(csv.rows[0].ncells, 1, "one cell per record");

	ok(parse("a;b;;\n1;;;\n") == 0, "trailing empty cells");
	is_int(csv.rows[0].ncells, 4, "trailing separators make empty cells");
	is_str(cell(1, 3), "", "empty cell is \"\"");
}

static void
quoting(void)
{
	ok(parse("id;text;note\r\n"
	    "1;\"He said \"\"hi\"\"\";\"a;b,c\"\r\n"
	    "2;\"line one\r\nline two\nline three\";x\r\n"
	    "3;\"\";\"\"\"\"\r\n"
	    "4;end;\"\"\r\n") == 0, "quoted fields parse");
	is_str(cell(1, 1), "He said \"hi\"", "doubled quotes");
	is_str(cell(1, 2), "a;b,c", "separators inside quotes");
	is_str(cell(2, 1), "line one\r\nline two\nline three",
	    "newlines inside quotes kept as they are");
	is_str(cell(2, 2), "x", "cell after a multi-line cell");
	is_int(csv.rows[2].line, 3, "multi-line record starts on line 3");
	is_int(csv.rows[3].line, 6, "next record on line 6");
	is_str(cell(3, 1), "", "quoted empty");
	is_str(cell(3, 2), "\"", "quoted lone quote");
	is_int(csv.rows[4].line, 7, "line numbers stay right afterwards");
}

static void
blanks(void)
{
	ok(parse("\n\na;b\n\n;;\n\"\";\"\"\r\n\rc;d\n\n") == 0,
	    "blank lines parse");
	is_int(csv.nrows, 2, "blank lines and empty records skipped");
	is_int(csv.rows[0].line, 3, "first record after leading blanks");
	is_int(csv.rows[1].line, 8, "second record after blanks");
	is_str(cell(1, 1), "d", "cell after blanks");
	ok(parse("a, b ,\" c \"\n") == 0, "spaces around values");
	is_str(cell(0, 1), " b ", "spaces kept");
	is_str(cell(0, 2), " c ", "quoted spaces kept");
}

static void
errors(void)
{
	REFUSED("Nom;Ville\nSoci\xe9t\xe9;Paris\n", 100, 50, 100, 2,
	    "Latin-1 refused");
	REFUSED("\xef\xbb\xbf" "a\r\n\"b\r\n\xc3\";c\r\n", 100, 50, 100, 3,
	    "truncated UTF-8 in a quoted cell refused");
	REFUSED("a\n\xc0\xaf\n", 100, 50, 100, 2, "overlong UTF-8 refused");
	REFUSED("a\n\xed\xa0\x80\n", 100, 50, 100, 2, "surrogate refused");
	REFUSED("a\xf0\x9f", 100, 50, 100, 1, "cut 4-byte sequence refused");
	REFUSED("a;b\nc\0d;e\n", 100, 50, 100, 2, "NUL refused");
	REFUSED("a;b\nc;\"open\nmore\nstill", 100, 50, 100, 2,
	    "unterminated quote refused at its opening line");
	REFUSED("a;b\n1;2\nc;d\"e\n", 100, 50, 100, 3,
	    "quote inside unquoted field");
	REFUSED("a;b\n\"x\ny\"z;w\n", 100, 50, 100, 3,
	    "text after a closing quote");
	REFUSED("a;b\n\"x\" ;w\n", 100, 50, 100, 2,
	    "space after a closing quote");
	REFUSED("h\n1\n\n2\n3\n", 3, 50, 100, 5, "too many records");
	ok(rp_csv_parse(a, "h\n1\n\n2\n", 7, 3, 50, 100, &csv, &err, &err_line)
	    == 0 && csv.nrows == 3, "exactly max_rows records");
	REFUSED("a;b\n1;2;3\n", 100, 2, 100, 2, "too many cells");
	ok(rp_csv_parse(a, "a;b\n1;2\n", 8, 100, 2, 100, &csv, &err,
	    &err_line) == 0, "exactly max_cells cells");
	REFUSED("a;b\n\"x\ny\";abcd\n", 100, 50, 3, 3, "cell too long");
	REFUSED("a;b\n\"abc\ndef\";c\n", 100, 50, 5, 2,
	    "multi-line cell too long: its first line");
	ok(rp_csv_parse(a, "abc;\"a\"\"b\"\n", 11, 100, 50, 3, &csv, &err,
	    &err_line) == 0, "exactly max_cell bytes (after unquoting)");
	REFUSED("", 100, 50, 100, 1, "empty file");
	REFUSED("\xef\xbb\xbf", 100, 50, 100, 1, "BOM only");
	REFUSED("\r\n\n;;\n", 100, 50, 100, 1, "blank lines only");
	ok(parse("Soci\xe9t\xe9") == -1 && strstr(err, "\xe9") == NULL,
	    "message holds no input");
}

static void
big(void)
{
	struct rp_buf b;
	size_t ok_rows = 0;

	rp_buf_init(&b, a);
	rp_buf_puts(&b, "\xef\xbb\xbfsiret;name;city\r\n");
	for (int i = 0; i < 10000; i++)
		rp_buf_printf(&b, "%014d;\"Name %d; \"\"quoted\"\"\";City\r\n", i, i);
	ok(rp_csv_parse(a, b.data, b.len, 10001, 10, 100, &csv, &err,
	    &err_line) == 0, "10,000 rows parse");
	is_int(csv.nrows, 10001, "10,001 records");
	for (size_t i = 1; i < csv.nrows; i++)
		if (csv.rows[i].ncells == 3 && csv.rows[i].line == i + 1)
			ok_rows++;
	is_int(ok_rows, 10000, "every row has its cells and line");
	is_str(cell(10000, 1), "Name 9999; \"quoted\"", "last row read");
	refused(b.data, b.len, 10000, 10, 100, 10001, "10,001 records over 10,000");
}

/* Write a row of values, parse it back, and compare. */
static void
round_trip(char sep)
{
	const char *values[] = { "plain", "", "a;b", "a,b", "say \"hi\"",
	    "two\r\nlines", "lf\nonly", "cr\ronly", " lead", "trail ", "\tx",
	    "=1+1", "+33 1 23", "-2", "@SUM(A1)", "\rcr", "'=x", "''+y", "'plain",
	    "'", "\"", "Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale", "a b" };
	struct rp_buf b;
	size_t same = 0, n = RP_NELEM(values);

	rp_buf_init(&b, a);
	for (int r = 0; r < 2; r++) {
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				rp_buf_add(&b, &sep, 1);
			rp_csv_cell(&b, values[i], sep);
		}
		rp_buf_puts(&b, "\r\n");
	}
	ok(rp_csv_parse(a, b.data, b.len, 10, 50, 100, &csv, &err,
	    &err_line) == 0, "written rows parse back (sep '%c')", sep);
	is_int(csv.sep, sep, "separator detected back");
	is_int(csv.nrows, 2, "two rows back");
	for (size_t i = 0; i < n && csv.nrows == 2 && csv.rows[1].ncells == n; i++)
		if (strcmp(rp_csv_unneutralise(csv.rows[1].cells[i]), values[i]) == 0)
			same++;
	is_int(same, n, "every value comes back the same");
	is_int(csv.rows[1].line, 6, "second row after the multi-line cells");
}

static const char *
written(const char *v, char sep)
{
	struct rp_buf b;

	rp_buf_init(&b, a);
	rp_csv_cell(&b, v, sep);
	return rp_buf_str(&b);
}

static void
writer(void)
{
	is_str(written("plain", ';'), "plain", "plain value untouched");
	is_str(written("", ';'), "", "empty value untouched");
	is_str(written("Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale", ';'),
	    "Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale", "UTF-8 untouched");
	is_str(written("a,b", ';'), "a,b", "other separator not quoted");
	is_str(written("a;b", ';'), "\"a;b\"", "separator quoted");
	is_str(written("a,b", ','), "\"a,b\"", "comma separator quoted");
	is_str(written("say \"hi\"", ';'), "\"say \"\"hi\"\"\"", "quotes doubled");
	is_str(written("a\nb", ';'), "\"a\nb\"", "LF quoted");
	is_str(written("a\rb", ';'), "\"a\rb\"", "CR quoted");
	is_str(written(" a", ';'), "\" a\"", "leading space quoted");
	is_str(written("a ", ';'), "\"a \"", "trailing space quoted");
	is_str(written("a b", ';'), "a b", "inner space not quoted");
	is_str(written("it's", ';'), "it's", "apostrophe inside untouched");
	is_str(written("john@example.com", ';'), "john@example.com",
	    "@ inside untouched");
	is_str(written("12-34", ';'), "12-34", "- inside untouched");

	is_str(written("=1+1", ';'), "'=1+1", "= neutralised");
	is_str(written("+33 1 23", ';'), "'+33 1 23", "+ neutralised");
	is_str(written("-2", ';'), "'-2", "- neutralised");
	is_str(written("@SUM(A1)", ';'), "'@SUM(A1)", "@ neutralised");
	is_str(written("\tx", ';'), "'\tx", "TAB neutralised");
	is_str(written("\rx", ';'), "\"'\rx\"", "CR neutralised and quoted");
	is_str(written("=A1;B1", ';'), "\"'=A1;B1\"", "neutralised and quoted");
	is_str(written("=HYPERLINK(\"http://x\")", ','),
	    "\"'=HYPERLINK(\"\"http://x\"\")\"", "formula with quotes");
	is_str(written("'=x", ';'), "''=x", "apostrophe before = gets another");
	is_str(written("'x", ';'), "'x", "apostrophe before text untouched");

	is_str(rp_csv_unneutralise("'=1+1"), "=1+1", "unneutralise =");
	is_str(rp_csv_unneutralise("'+33"), "+33", "unneutralise +");
	is_str(rp_csv_unneutralise("'-2"), "-2", "unneutralise -");
	is_str(rp_csv_unneutralise("'@x"), "@x", "unneutralise @");
	is_str(rp_csv_unneutralise("'\tx"), "\tx", "unneutralise TAB");
	is_str(rp_csv_unneutralise("'\rx"), "\rx", "unneutralise CR");
	is_str(rp_csv_unneutralise("''=x"), "'=x", "one apostrophe removed");
	is_str(rp_csv_unneutralise("'abc"), "'abc", "apostrophe before text kept");
	is_str(rp_csv_unneutralise("'"), "'", "lone apostrophe kept");
	is_str(rp_csv_unneutralise("=x"), "=x", "no apostrophe: untouched");
	is_str(rp_csv_unneutralise(""), "", "empty untouched");
}

int
main(void)
{
	a = rp_arena_new(0);
	dialects();
	quoting();
	blanks();
	errors();
	big();
	round_trip(';');
	round_trip(',');
	writer();
	rp_arena_free(a);
	return done_testing();
}
