/* Unit tests of multipart/form-data: boundaries, bodies, errors, limits. */
#include "arena.h"
#include "multipart.h"
#include "request.h"
#include "tap.h"
#include "util.h"

#define B	"----WebKitFormBoundaryq3V8rJzWb1fXc0Kd"
#define DELIM	"\r\n--" B
#define CD	"Content-Disposition: form-data; "

static struct rp_arena *a;
static struct rp_params p;
static const char *bad;

/* Parse a string literal (NULs allowed) with boundary B. */
#define PARSE(body) rp_parse_multipart(a, body, sizeof(body) - 1, B, &p, &bad)

static const struct rp_kv *
entry(const char *key)
{
	for (size_t i = 0; i < p.n; i++)
		if (strcmp(p.v[i].key, key) == 0)
			return &p.v[i];
	return NULL;
}

static void
boundaries(void)
{
	char longer[128];

	is_str(rp_multipart_boundary(a, "multipart/form-data; boundary=" B), B,
	    "boundary as Chromium sends it");
	is_str(rp_multipart_boundary(a, "multipart/form-data; boundary=\"a b:c?\""),
	    "a b:c?", "quoted boundary");
	is_str(rp_multipart_boundary(a,
	    "Multipart/Form-Data;charset=utf-8;  BOUNDARY=xyz ; x=\"y\""), "xyz",
	    "case-insensitive type and name, other parameters");
	ok(rp_multipart_boundary(a, "multipart/form-data") == NULL, "no boundary");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=") == NULL,
	    "empty boundary");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=\"\"") == NULL,
	    "empty quoted boundary");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=\"ab ") == NULL,
	    "unterminated quote");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=\"ab \"") == NULL,
	    "boundary ending with a space");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=a@b") == NULL,
	    "character outside RFC 2046");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=\"a\\\"b\"") == NULL,
	    "backslash escape refused");
	ok(rp_multipart_boundary(a, "multipart/form-data; boundary=a; boundary=b")
	    == NULL, "two boundaries");
	ok(rp_multipart_boundary(a, "multipart/mixed; boundary=a") == NULL,
	    "another multipart type");
	ok(rp_multipart_boundary(a, "multipart/form-dataX; boundary=a") == NULL,
	    "type with a suffix");
	ok(rp_multipart_boundary(a, "application/x-www-form-urlencoded") == NULL,
	    "urlencoded is not multipart");
	ok(rp_multipart_boundary(a, NULL) == NULL, "no content type");
	strcpy(longer, "multipart/form-data; boundary=");
	memset(longer + 30, 'x', 71);
	longer[30 + 70] = '\0';
	ok(rp_multipart_boundary(a, longer) != NULL, "70 characters");
	longer[30 + 70] = 'x';
	longer[30 + 71] = '\0';
	ok(rp_multipart_boundary(a, longer) == NULL, "71 characters");
}

static void
chromium(void)
{
	const struct rp_kv *e;

	ok(PARSE("--" B "\r\n"
	    CD "name=\"csrf_token\"\r\n\r\n"
	    "tok123" DELIM "\r\n"
	    CD "name=\"title\"\r\n\r\n"
	    "Soci\xc3\xa9t\xc3\xa9 x--" B " y\n--" B DELIM "\r\n"
	    CD "name=\"file\"; filename=\"\xc3\xa9tabs.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n"
	    "\xef\xbb\xbfNom;SIRET\r\nA;1\r\n\0\r\n" DELIM "\r\n"
	    CD "name=\"empty\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    DELIM "--\r\n") == 0, "Chromium body parses");
	ok(bad == NULL, "nothing bad");
	is_int(p.n, 6, "six entries");
	is_str(rp_param(&p, "csrf_token"), "tok123", "text field");
	is_str(rp_param(&p, "title"), "Soci\xc3\xa9t\xc3\xa9 x--" B " y\n--" B,
	    "boundary-like text not after CRLF is content");
	e = entry("file");
	ok(e != NULL && e->len == 22 &&
	    memcmp(e->val, "\xef\xbb\xbfNom;SIRET\r\nA;1\r\n\0\r\n", 22) == 0,
	    "file bytes kept: BOM, CRLF, NUL");
	is_str(rp_param(&p, "file.filename"), "\xc3\xa9tabs.csv", "file name");
	e = entry("empty");
	ok(e != NULL && e->len == 0 && e->val[0] == '\0', "empty file");
	e = entry("empty.filename");
	ok(e != NULL && e->len == 0, "empty file name kept");
	ok(entry("csrf_token.filename") == NULL, "no file name for a text field");
}

static void
variants(void)
{
	const char one[] = "--x\r\n" CD "name=\"a\"\r\n\r\n1\r\n--x--";

	ok(PARSE("--" B "  \r\n"
	    "content-disposition:FORM-DATA;NAME=plain ; FileName=\"C:\\x\\a.txt\""
	    "\r\nX-Other: 1\r\n\r\nv" DELIM "--") == 0,
	    "lower-case header, unquoted name, padding, no final CRLF");
	is_str(rp_param(&p, "plain"), "v", "unquoted name read");
	is_str(rp_param(&p, "plain.filename"), "C:\\x\\a.txt",
	    "backslashes kept in file names");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"\r\n\r\n1" DELIM "--\r\nepilogue")
	    == 0 && p.n == 1, "epilogue ignored");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"; filename*=UTF-8''x\r\n\r\n1"
	    DELIM "--") == 0 && p.n == 1, "unknown parameters ignored");
	ok(rp_parse_multipart(a, one, sizeof(one) - 1, "x", &p, &bad) == 0 &&
	    p.n == 1, "one-character boundary");
}

static void
malformed(void)
{
	const char good[] = "--" B "\r\n" CD "name=\"f\"; filename=\"a.bin\"\r\n"
	    "\r\n0123456789" DELIM "--\r\n";
	size_t cut = 0;

	ok(rp_parse_multipart(a, good, sizeof(good) - 1, B, &p, &bad) == 0,
	    "reference body parses");
	for (size_t n = 0; n < sizeof(good) - 3; n++)
		if (rp_parse_multipart(a, good, n, B, &p, &bad) != 0 &&
		    strcmp(bad, "body") == 0)
			cut++;
	is_int(cut, sizeof(good) - 3, "every truncation refused");
	ok(rp_parse_multipart(a, good, sizeof(good) - 1, "other", &p, &bad) != 0,
	    "wrong boundary");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"\r\n\r\n1" DELIM "\r\n") != 0,
	    "no closing boundary");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"\r\n\r\n1") != 0,
	    "no boundary after the part");
	ok(PARSE("preamble\r\n--" B "\r\n" CD "name=\"a\"\r\n\r\n1" DELIM "--")
	    != 0, "preamble refused");
	ok(PARSE("--" B "\n" CD "name=\"a\"\n\n1\n--" B "--") != 0,
	    "LF line ends refused");
	ok(PARSE("--" B "x\r\n" CD "name=\"a\"\r\n\r\n1" DELIM "--") != 0,
	    "text after a boundary");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"\r\n\r\n1" DELIM "x\r\n") != 0,
	    "longer boundary inside content");
	ok(PARSE("--" B "\r\n" CD "filename=\"a\"\r\n\r\n1" DELIM "--") != 0 &&
	    strcmp(bad, "body") == 0, "part without a name");
	ok(PARSE("--" B "\r\nContent-Type: text/plain\r\n\r\n1" DELIM "--")
	    != 0, "part without Content-Disposition");
	ok(PARSE("--" B "\r\n\r\n1" DELIM "--") != 0, "part without headers");
	ok(PARSE("--" B "\r\n" CD "name=\"\"\r\n\r\n1" DELIM "--") != 0,
	    "empty name");
	ok(PARSE("--" B "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1"
	    DELIM "--") != 0, "not form-data");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"\r\n" CD "name=\"b\"\r\n\r\n1"
	    DELIM "--") != 0, "two Content-Disposition headers");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"; name=\"b\"\r\n\r\n1" DELIM "--")
	    != 0, "two names");
	ok(PARSE("--" B "\r\n" CD "name=\"a\r\n b\"\r\n\r\n1" DELIM "--") != 0,
	    "folded header");
	ok(PARSE("--" B "\r\n" CD "name=\"a\nb\"\r\n\r\n1" DELIM "--") != 0,
	    "bare LF in a header");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"\r\nBad Header: x\r\n\r\n1" DELIM
	    "--") != 0, "space in a header name");
	ok(PARSE("--" B "\r\n" CD "name=\"a\"; filename=\"\xe9.csv\"\r\n\r\n1"
	    DELIM "--") != 0 && strcmp(bad, "a") == 0,
	    "Latin-1 file name names the part");
	ok(PARSE("--" B "\r\n" CD "name=\"a.filename\"\r\n\r\n1" DELIM "--")
	    != 0 && strcmp(bad, "a.filename") == 0, "forged .filename refused");
	ok(rp_parse_multipart(a, "", 0, B, &p, &bad) != 0, "empty body");
	ok(rp_parse_multipart(a, "--" B "--", strlen("--" B "--"), B, &p, &bad)
	    != 0, "closing line only, no CRLF before it");
}

/* A body of `parts` parts, each a file part if `files`. */
static const char *
many(size_t parts, bool files, size_t *n)
{
	struct rp_buf b;

	rp_buf_init(&b, a);
	for (size_t i = 0; i < parts; i++)
		rp_buf_printf(&b, "--%s\r\n" CD "name=\"f%zu\"%s\r\n\r\nv\r\n", B,
		    i, files ? "; filename=\"x\"" : "");
	rp_buf_printf(&b, "--%s--\r\n", B);
	*n = b.len;
	return b.data;
}

static void
limits(void)
{
	struct rp_buf b;
	const char *body;
	size_t n;

	body = many(RP_MAX_PARAMS, false, &n);
	ok(rp_parse_multipart(a, body, n, B, &p, &bad) == 0 &&
	    p.n == RP_MAX_PARAMS, "RP_MAX_PARAMS fields");
	body = many(RP_MAX_PARAMS + 1, false, &n);
	ok(rp_parse_multipart(a, body, n, B, &p, &bad) != 0 &&
	    strcmp(bad, "parameters") == 0, "one field too many");
	body = many(RP_MAX_PARAMS / 2, true, &n);
	ok(rp_parse_multipart(a, body, n, B, &p, &bad) == 0 &&
	    p.n == RP_MAX_PARAMS, "RP_MAX_PARAMS / 2 files");
	body = many(RP_MAX_PARAMS / 2 + 1, true, &n);
	ok(rp_parse_multipart(a, body, n, B, &p, &bad) != 0 &&
	    strcmp(bad, "parameters") == 0, "one file too many");

	rp_buf_init(&b, a);
	rp_buf_puts(&b, "--" B "\r\n" CD "name=\"f\"; filename=\"");
	for (int i = 0; i < RP_MAX_PART_HEADERS; i++)
		rp_buf_add(&b, "x", 1);
	rp_buf_puts(&b, "\"\r\n\r\n1" DELIM "--\r\n");
	ok(rp_parse_multipart(a, b.data, b.len, B, &p, &bad) != 0,
	    "headers too long");
	rp_buf_init(&b, a);
	rp_buf_puts(&b, "--" B "\r\n" CD "name=\"");
	for (int i = 0; i < RP_MAX_KEY + 1; i++)
		rp_buf_add(&b, "n", 1);
	rp_buf_puts(&b, "\"\r\n\r\n1" DELIM "--\r\n");
	ok(rp_parse_multipart(a, b.data, b.len, B, &p, &bad) != 0,
	    "name too long");
}

int
main(void)
{
	a = rp_arena_new(0);
	boundaries();
	chromium();
	variants();
	malformed();
	limits();
	rp_arena_free(a);
	return done_testing();
}
