/* Unit tests of the framework document: the JSON and CSV readers, the one
 * validator (every refusal names its field), and the sample files of docs/. */
#include <stdio.h>
#include <stdlib.h>

#include <json.h>

#include "arena.h"
#include "fwdoc.h"
#include "tap.h"
#include "util.h"

static struct rp_arena *a;
static struct rp_fw_doc doc;
static struct rp_fw_err err;

/* A valid document with two groups and four items; each test changes one
 * thing in it. */
#define HEAD "{\"code\":\"acme-sec\",\"version\":\"1.0\",\"name_fr\":\"Politique ACME\"," \
	"\"name_en\":\"ACME policy\",\"publisher\":\"ACME\",\"licence\":\"Internal\","
#define REQS "\"requirements\":[" \
	"{\"ref\":\"A\",\"parent_ref\":null,\"assessable\":false,\"title_fr\":\"Accès\",\"title_en\":\"Access\"}," \
	"{\"ref\":\"A.1\",\"parent_ref\":\"A\",\"assessable\":true,\"title_fr\":\"MFA\",\"title_en\":\"MFA\"}," \
	"{\"ref\":\"A.2\",\"parent_ref\":\"A\",\"assessable\":true,\"title_fr\":\"Revue\",\"title_en\":\"Review\"}," \
	"{\"ref\":\"B\",\"parent_ref\":null,\"assessable\":false,\"title_fr\":\"Sauvegardes\",\"title_en\":\"Backups\"}," \
	"{\"ref\":\"B.1\",\"parent_ref\":\"B\",\"assessable\":true,\"title_fr\":\"Hors ligne\",\"title_en\":\"Offline\"}]"
#define GOOD HEAD REQS "}"

/* Read JSON text then validate: 0, or -1 with err set. */
static int
json(const char *text)
{
	if (rp_fwdoc_from_json_text(a, text, strlen(text), &doc, &err) != 0)
		return -1;
	return rp_fwdoc_check(a, &doc, &err);
}

static int
csv(const char *text)
{
	if (rp_fwdoc_from_csv(a, text, strlen(text), &doc, &err) != 0)
		return -1;
	rp_fwdoc_set(&doc, "code", "acme-sec");
	rp_fwdoc_set(&doc, "version", "1.0");
	rp_fwdoc_set(&doc, "name_fr", "Politique ACME");
	rp_fwdoc_set(&doc, "name_en", "ACME policy");
	rp_fwdoc_set(&doc, "publisher", "ACME");
	rp_fwdoc_set(&doc, "licence", "Internal");
	return rp_fwdoc_check(a, &doc, &err);
}

/* The document refused with this field and code. */
static void
refused(int rc, const char *field, const char *code, const char *name)
{
	ok(rc == -1, "%s: refused", name);
	is_str(err.field, field, name);
	is_str(err.code, code, name);
	ok(err.msg != NULL, "%s: a message", name);
}

static void
valid_json(void)
{
	ok(json(GOOD) == 0, "the valid document passes");
	is_str(doc.code, "acme-sec", "code read");
	is_str(doc.source_url, "", "absent source_url: empty");
	is_str(doc.summary_fr, "", "absent summary: empty");
	is_int(doc.nitems, 5, "five requirements");
	is_int(doc.items[0].depth, 0, "a group at depth 0");
	is_int(doc.items[0].parent, -1, "no parent");
	is_int(doc.items[2].parent, 0, "A.2 under A");
	is_int(doc.items[2].depth, 1, "A.2 at depth 1");
	is_int(doc.items[4].parent, 3, "B.1 under B");
	ok(doc.items[1].assessable && !doc.items[3].assessable, "assessable read");
	is_str(doc.items[1].parent_ref, "A", "parent_ref kept");
	is_str(doc.items[0].parent_ref, "", "null parent_ref: empty");

	ok(json("\xef\xbb\xbf  " GOOD "\n") == 0, "a BOM and blanks around are fine");
	ok(json(HEAD "\"source_url\":\"HTTPS://example.org/x\",\"summary_en\":\"Two\\nlines\"," REQS "}") == 0,
	    "https in capitals, a summary on two lines");
	is_str(doc.summary_en, "Two\nlines", "summary lines kept");
	ok(json("{\"code\":\"  acme  \",\"version\":\"1\",\"name_fr\":\"a\",\"name_en\":\"b\","
	    "\"publisher\":\"p\",\"licence\":\"l\",\"requirements\":[{\"ref\":\" R \",\"assessable\":true,"
	    "\"title_fr\":\"t\",\"title_en\":\"t\"}]}") == 0, "a flat one-item framework, trimmed");
	is_str(doc.code, "acme", "code trimmed");
	is_str(doc.items[0].ref, "R", "ref trimmed");
}

static void
json_types(void)
{
	refused(json("[1]"), "file", "unreadable", "not an object");
	refused(json("{\"code\":"), "file", "unreadable", "malformed");
	refused(json("{'code':'x'}"), "file", "unreadable", "json-c's leniency refused");
	refused(json("{\"code\":\"a\xff\"}"), "file", "unreadable", "not UTF-8");
	refused(json(HEAD REQS ",\"colour\":\"red\"}"), "colour", "unknown_field", "unknown key");
	refused(json("{\"code\":12}"), "code", "invalid", "code a number");
	refused(json(HEAD "\"requirements\":{}}"), "requirements", "invalid", "requirements an object");
	refused(json(HEAD "\"requirements\":[1]}"), "requirements[0]", "invalid", "a requirement a number");
	refused(json(HEAD "\"requirements\":[{\"ref\":\"A\",\"assessable\":\"yes\",\"title_fr\":\"t\","
	    "\"title_en\":\"t\"}]}"), "requirements[0].assessable", "invalid", "assessable a string");
	refused(json(HEAD "\"requirements\":[{\"ref\":\"A\",\"title_fr\":\"t\",\"title_en\":\"t\"}]}"),
	    "requirements[0].assessable", "required", "assessable missing");
	refused(json(HEAD "\"requirements\":[{\"ref\":\"A\",\"assessable\":true,\"title_fr\":\"t\","
	    "\"title_en\":\"t\",\"titel\":\"x\"}]}"), "requirements[0].titel", "unknown_field",
	    "unknown requirement key");
	refused(json(HEAD "\"requirements\":[{\"ref\":7,\"assessable\":true,\"title_fr\":\"t\","
	    "\"title_en\":\"t\"}]}"), "requirements[0].ref", "invalid", "ref a number");
}

static void
json_values(void)
{
	refused(json("{\"version\":\"1\"}"), "code", "required", "code missing");
	refused(json("{\"code\":\"   \"}"), "code", "required", "code blank");
	refused(json("{\"code\":\"Acme\"}"), "code", "invalid_slug", "code in capitals");
	refused(json("{\"code\":\"ac me\"}"), "code", "invalid_slug", "code with a space");
	refused(json("{\"code\":\"-acme\"}"), "code", "invalid_slug", "code opening with a hyphen");
	refused(json("{\"code\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}"), "code", "too_long",
	    "code of 41 characters");
	refused(json("{\"code\":\"acme\",\"version\":\"1\"}"), "name_fr", "required", "name_fr missing");
	refused(json("{\"code\":\"acme\",\"version\":\"1\",\"name_fr\":\"a\\nb\"}"), "name_fr", "invalid",
	    "a name on two lines");
	refused(json("{\"code\":\"acme\",\"version\":\"1\",\"name_fr\":\"a\",\"name_en\":\"b\","
	    "\"publisher\":\"p\"}"), "licence", "required", "licence missing");
	refused(json(HEAD "\"source_url\":\"javascript:alert(1)\"," REQS "}"), "source_url", "invalid_url",
	    "javascript: refused");
	refused(json(HEAD "\"source_url\":\"data:text/html,x\"," REQS "}"), "source_url", "invalid_url",
	    "data: refused");
	refused(json(HEAD "\"source_url\":\"https://\"," REQS "}"), "source_url", "invalid_url",
	    "no host");
	refused(json(HEAD "\"source_url\":\"https://a b\"," REQS "}"), "source_url", "invalid_url",
	    "a space");
	refused(json(HEAD "\"source_url\":\"//evil.example\"," REQS "}"), "source_url", "invalid_url",
	    "scheme-relative");
	refused(json(HEAD "\"summary_fr\":\"a\\u0007b\"," REQS "}"), "summary_fr", "invalid",
	    "a control character in a summary");
	refused(json(HEAD "\"requirements\":[]}"), "requirements", "required", "no requirement");
	refused(json(HEAD "\"x\":1}"), "x", "unknown_field", "unknown before missing");
	refused(json(HEAD "\"summary_fr\":\"x\"}"), "requirements", "required", "requirements missing");
}

/* A document of n requirements: one group, then n - 1 items under it. */
static const char *
many(size_t n)
{
	struct rp_buf b;

	rp_buf_init(&b, a);
	rp_buf_puts(&b, HEAD "\"requirements\":[{\"ref\":\"G\",\"assessable\":false,"
	    "\"title_fr\":\"g\",\"title_en\":\"g\"}");
	for (size_t i = 1; i < n; i++)
		rp_buf_printf(&b, ",{\"ref\":\"R%zu\",\"parent_ref\":\"G\",\"assessable\":true,"
		    "\"title_fr\":\"t\",\"title_en\":\"t\"}", i);
	rp_buf_puts(&b, "]}");
	return rp_buf_str(&b);
}

/* A chain of n levels: groups L0 .. L(n-2), then the item L(n-1). */
static const char *
chain(int n)
{
	struct rp_buf b;

	rp_buf_init(&b, a);
	rp_buf_puts(&b, HEAD "\"requirements\":[");
	for (int d = 0; d < n; d++)
		rp_buf_printf(&b, "%s{\"ref\":\"L%d\",\"parent_ref\":%s,\"assessable\":%s,"
		    "\"title_fr\":\"t\",\"title_en\":\"t\"}", d ? "," : "", d,
		    d ? rp_printf(a, "\"L%d\"", d - 1) : "null", d == n - 1 ? "true" : "false");
	rp_buf_puts(&b, "]}");
	return rp_buf_str(&b);
}

static void
tree(void)
{
	const char *item = "{\"ref\":\"%s\",\"parent_ref\":%s,\"assessable\":%s,\"title_fr\":\"t\","
	    "\"title_en\":\"t\"}";
	char buf[2048];

#define TREE(s) (snprintf(buf, sizeof(buf), HEAD "\"requirements\":[%s]}", s), json(buf))
	char r[6][160];
	snprintf(r[0], sizeof(r[0]), item, "A", "null", "false");
	snprintf(r[1], sizeof(r[1]), item, "A.1", "\"A\"", "true");
	snprintf(r[2], sizeof(r[2]), item, "a", "null", "true");
	snprintf(r[3], sizeof(r[3]), item, "A.2", "\"Z\"", "true");
	snprintf(r[4], sizeof(r[4]), item, "A.3", "\"A.1\"", "true");
	snprintf(r[5], sizeof(r[5]), item, "B", "\"B\"", "false");
	char two[600];

	snprintf(two, sizeof(two), "%s,%s,%s", r[0], r[1], r[2]);
	refused(TREE(two), "requirements[2].ref", "duplicate_ref", "a ref repeated, case aside");
	is_int(err.index, 2, "the index of the repeat");
	is_str(err.column, "ref", "its column");
	snprintf(two, sizeof(two), "%s,%s,%s", r[0], r[1], r[3]);
	refused(TREE(two), "requirements[2].parent_ref", "unknown_parent", "an unknown parent");
	snprintf(two, sizeof(two), "%s,%s,%s", r[0], r[1], r[4]);
	refused(TREE(two), "requirements[2].parent_ref", "parent_not_group", "an assessable parent");
	snprintf(two, sizeof(two), "%s,%s", r[5], r[1]);
	refused(TREE(two), "requirements[0].parent_ref", "unknown_parent", "its own parent");
	/* A parent given later in the file would allow cycles: refused. */
	char later[600];
	snprintf(later, sizeof(later), "%s,%s", r[1], r[0]);
	refused(TREE(later), "requirements[0].parent_ref", "unknown_parent", "a parent after its child");
	/* Case ignored for parents too, as for refs. */
	snprintf(r[1], sizeof(r[1]), item, "A.1", "\"a\"", "true");
	snprintf(two, sizeof(two), "%s,%s", r[0], r[1]);
	ok(TREE(two) == 0, "a parent named in another case");
	snprintf(two, sizeof(two), "%s", r[0]);
	refused(TREE(two), "requirements", "no_assessable", "no assessable requirement");

	/* Depth: five levels pass, a sixth does not. */
	ok(json(chain(RP_FW_MAX_DEPTH)) == 0, "five levels");
	is_int(doc.items[RP_FW_MAX_DEPTH - 1].depth, RP_FW_MAX_DEPTH - 1, "depth of the deepest");
	refused(json(chain(RP_FW_MAX_DEPTH + 1)), "requirements[5].parent_ref", "too_deep",
	    "a sixth level");

	ok(json(many(RP_FW_MAX_REQS)) == 0, "2,000 requirements pass");
	refused(json(many(RP_FW_MAX_REQS + 1)), "requirements", "too_many", "2,001 are too many");
#undef TREE
}

static void
csv_reader(void)
{
	ok(csv("ref,parent_ref,assessable,title_fr,title_en\r\nA,,0,Accès,Access\r\n"
	    "A.1,A,1,MFA,MFA\r\n") == 0, "a minimal CSV");
	is_int(doc.nitems, 2, "two rows");
	is_int(doc.items[1].line, 3, "the line of a row");
	is_str(doc.items[0].summary_fr, "", "no summary column: empty");
	ok(csv("\xef\xbb\xbfTitle_EN;Ref;Parent_Ref;Assessable;Title_FR;summary_fr\n"
	    "Access;A;;non;Accès;\"Contrôle; \"\"accès\"\"\"\nMFA;A.1;A;Oui;MFA;\n") == 0,
	    "BOM, ';', columns in any order and case, French booleans, quotes");
	is_str(doc.items[0].summary_fr, "Contrôle; \"accès\"", "a quoted cell");
	ok(doc.items[1].assessable && !doc.items[0].assessable, "oui / non");
	ok(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,0,a,a\nA.1,A,1,'=b,b\n") == 0,
	    "a neutralised formula");
	is_str(doc.items[1].title_fr, "=b", "the apostrophe goes");

	refused(csv(""), "file", "unreadable", "an empty file");
	is_int(err.line, 1, "empty: line 1");
	refused(csv("ref,title_fr\n\"open\n"), "file", "unreadable", "an unclosed quote");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en,colour\nA,,1,a,a,red\n"), "file",
	    "unknown_column", "an unknown column");
	is_str(err.column, "colour", "the column named");
	is_int(err.line, 1, "on the header line");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en,REF\n"), "file", "duplicate_column",
	    "a column twice");
	refused(csv("ref,parent_ref,title_fr,title_en\nA,,a,a\n"), "file", "missing_column",
	    "assessable missing");
	is_str(err.column, "assessable", "the missing column named");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,1,a\n"), "file", "column_count",
	    "a short row");
	is_int(err.line, 2, "its line");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,0,a,a\nA.1,A,maybe,b,b\n"),
	    "line 3: assessable", "invalid", "a bad boolean");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,0,a,a\nA.1,A,,b,b\n"),
	    "line 3: assessable", "required", "an empty boolean");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,0,a,a\nB.1,B,1,b,b\n"),
	    "line 3: parent_ref", "unknown_parent", "the validator names lines for CSV");
	is_int(err.line, 3, "err.line");
	is_int(err.index, 1, "err.index");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,1,,a\n"), "line 2: title_fr",
	    "required", "an empty title");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\n"), "requirements", "required",
	    "a header alone");
	/* Rows spread over lines by a quoted newline keep their first line. */
	refused(csv("ref,parent_ref,assessable,title_fr,title_en,summary_en\nA,,0,a,a,\"a\nb\"\n"
	    "A,,1,c,c,\n"), "line 4: ref", "duplicate_ref", "a repeat after a two-line cell");
	refused(csv("ref,parent_ref,assessable,title_fr,title_en\nA,,0,\"a\nb\",a\n"), "line 2: title_fr",
	    "invalid", "a title on two lines");
}

static void
urls(void)
{
	ok(rp_fwdoc_url_ok("https://doi.org/10.6028/NIST.CSWP.29"), "https");
	ok(rp_fwdoc_url_ok("http://example.org"), "http");
	ok(!rp_fwdoc_url_ok("javascript:alert(1)"), "javascript:");
	ok(!rp_fwdoc_url_ok(" javascript:alert(1)"), "javascript: after a space");
	ok(!rp_fwdoc_url_ok("JaVaScRiPt:alert(1)"), "JavaScript: in mixed case");
	ok(!rp_fwdoc_url_ok("ftp://example.org"), "ftp:");
	ok(!rp_fwdoc_url_ok("https:/example.org"), "one slash");
	ok(!rp_fwdoc_url_ok("https://ex\"ample.org"), "a quote");
	ok(!rp_fwdoc_url_ok("https:///path"), "no host");
	ok(!rp_fwdoc_url_ok(""), "empty");
}

/* Read a file of docs/ whole, in the arena. */
static char *
slurp(const char *name, size_t *len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/docs/%s", TOP_SRCDIR, name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	char *buf = rp_alloc(a, 65536);
	*len = fread(buf, 1, 65535, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void
samples(void)
{
	size_t n;
	char *j = slurp("framework-sample.json", &n), *c;

	ok(j != NULL, "the JSON sample exists");
	ok(j != NULL && rp_fwdoc_from_json_text(a, j, n, &doc, &err) == 0 &&
	    rp_fwdoc_check(a, &doc, &err) == 0, "the JSON sample is valid");
	struct rp_fw_doc from_json = doc;
	c = slurp("framework-sample.csv", &n);
	ok(c != NULL && csv(c) == 0, "the CSV sample is valid");
	is_int(doc.nitems, from_json.nitems, "both samples hold the same requirements");
	size_t groups = 0, items = 0;
	for (size_t i = 0; i < doc.nitems && i < from_json.nitems; i++) {
		const struct rp_fw_item *x = &doc.items[i], *y = &from_json.items[i];
		ok(strcmp(x->ref, y->ref) == 0 && strcmp(x->parent_ref, y->parent_ref) == 0 &&
		    x->assessable == y->assessable && strcmp(x->title_fr, y->title_fr) == 0 &&
		    strcmp(x->title_en, y->title_en) == 0 && strcmp(x->summary_fr, y->summary_fr) == 0 &&
		    strcmp(x->summary_en, y->summary_en) == 0, "sample row %zu alike", i);
		groups += !x->assessable;
		items += x->assessable;
	}
	is_int(groups, 2, "two groups");
	is_int(items, 4, "four items");
}

int
main(void)
{
	a = rp_arena_new(4096);
	valid_json();
	json_types();
	json_values();
	tree();
	csv_reader();
	urls();
	samples();
	rp_arena_free(a);
	return done_testing();
}
