/* Unit tests of the starter library's content: types, titles, bodies (UTF-8
 * Markdown without HTML), French and English in pairs, and tags that name
 * assessable requirements of the built-in catalogue (sql/006-frameworks.sql). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "markdown.h"
#include "starter.h"
#include "tap.h"
#include "util.h"

static struct rp_arena *a;
static const char *catalogue;

/* sql/006-frameworks.sql whole, in the arena; NULL if unreadable. */
static char *
slurp_catalogue(void)
{
	char path[4096];
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/sql/006-frameworks.sql", TOP_SRCDIR);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	char *buf = rp_alloc(a, (size_t)n + 1);
	size_t got = fread(buf, 1, (size_t)n, f);
	buf[got] = '\0';
	fclose(f);
	return buf;
}

/* Is ref an assessable requirement of the built-in framework `code` in the
 * catalogue's SQL? Its rows read "(@fw, @parent, 'REF', depth, 1, ...". */
static bool
in_catalogue(const char *code, const char *ref)
{
	char head[64], needle[64];

	snprintf(head, sizeof(head), "(NULL, '%s',", code);
	const char *from = strstr(catalogue, head);
	if (from == NULL)
		return false;
	const char *to = strstr(from, "INSERT INTO frameworks");
	snprintf(needle, sizeof(needle), ", '%s', ", ref);
	for (const char *p = strstr(from, needle); p != NULL && (to == NULL || p < to);
	    p = strstr(p + 1, needle)) {
		const char *q = p + strlen(needle);
		while (isdigit((unsigned char)*q))
			q++;
		if (q > p + strlen(needle) && strncmp(q, ", 1, ", 5) == 0)
			return true;
	}
	return false;
}

/* NIST CSF 2.0 subcategory: two capitals, '.', two capitals, '-', two digits. */
static bool
nist_ref(const char *r)
{
	return strlen(r) == 8 && isupper((unsigned char)r[0]) && isupper((unsigned char)r[1]) &&
	    r[2] == '.' && isupper((unsigned char)r[3]) && isupper((unsigned char)r[4]) &&
	    r[5] == '-' && isdigit((unsigned char)r[6]) && isdigit((unsigned char)r[7]);
}

/* ANSSI hygiene measure: 1..42, no leading zero. */
static bool
anssi_ref(const char *r)
{
	long long n;

	return r[0] != '0' && rp_strtonum(r, 1, 42, &n) == 0;
}

/* Does the body hold raw HTML: a '<' opening a tag, a closing tag, a
 * comment or a processing instruction? */
static bool
has_html(const char *s)
{
	for (const char *p = strchr(s, '<'); p != NULL; p = strchr(p + 1, '<'))
		if (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?')
			return true;
	return false;
}

/* Does a line of the body start with '|' (after up to three spaces): a
 * table row, which plain CommonMark (no GFM tables) shows as a paragraph
 * of pipes? */
static bool
has_table(const char *s)
{
	for (const char *p = s; p != NULL; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		size_t sp = strspn(p, " ");
		if (sp <= 3 && p[sp] == '|')
			return true;
	}
	return false;
}

/* Lines of a body ending in a newline. */
static size_t
lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Every '[' closed by a ']' on the same line, with a non-empty placeholder
 * between them and no '(' right after (which would make it a link). */
static bool
placeholders_ok(const char *s)
{
	size_t open = 0, close = 0;

	for (const char *p = strchr(s, '['); p != NULL; p = strchr(p + 1, '[')) {
		size_t n = strcspn(p + 1, "[]\n");
		if (n == 0 || p[1 + n] != ']' || p[2 + n] == '(')
			return false;
		open++;
	}
	for (const char *p = strchr(s, ']'); p != NULL; p = strchr(p + 1, ']'))
		close++;
	return open == close;
}

static bool
same_tags(const struct rp_starter *x, const struct rp_starter *y)
{
	for (size_t k = 0; k < RP_STARTER_MAX_TAGS; k++) {
		const struct rp_starter_tag *t = &x->tags[k], *u = &y->tags[k];
		if ((t->framework == NULL) != (u->framework == NULL))
			return false;
		if (t->framework != NULL && (strcmp(t->framework, u->framework) != 0 ||
		    strcmp(t->ref, u->ref) != 0))
			return false;
	}
	return true;
}

static void
one(size_t i, const struct rp_starter *s)
{
	const char *t = s->title;

	ok(strcmp(s->type, "document") == 0 || strcmp(s->type, "process") == 0 ||
	    strcmp(s->type, "tool") == 0 || strcmp(s->type, "control") == 0,
	    "%zu: type %s", i, s->type);
	ok(strcmp(s->lang, "fr") == 0 || strcmp(s->lang, "en") == 0, "%zu: language %s", i,
	    s->lang);
	ok(t[0] != '\0' && rp_utf8_valid(t, strlen(t)) && strchr(t, '\n') == NULL &&
	    strchr(t, '\t') == NULL && rp_utf8_chars(t) <= 200 && !isspace((unsigned char)t[0]) &&
	    !isspace((unsigned char)t[strlen(t) - 1]), "%zu: title \"%s\" fits a title", i, t);

	const char *b = s->body;
	size_t n = strlen(b), nl = lines(b);
	ok(n > 0 && rp_utf8_valid(b, n) && rp_utf8_chars(b) <= 200000,
	    "%zu: body valid UTF-8, 1..200000 characters", i);
	ok(nl >= 30 && nl <= 120 && b[n - 1] == '\n', "%zu: body of %zu lines (30..120)", i, nl);
	ok(strncmp(b, "# ", 2) == 0 && strncmp(b + 2, t, strlen(t)) == 0 &&
	    b[2 + strlen(t)] == '\n', "%zu: body opens with its title as a heading", i);
	ok(strstr(b, "\n## ") != NULL, "%zu: body has sections", i);
	ok(strcasestr(b, "<script") == NULL && !has_html(b), "%zu: no HTML in the body", i);
	ok(!has_table(b), "%zu: no line starts with '|' (no table)", i);
	const char *html = rp_markdown_html(a, b);
	ok(strstr(html, "raw HTML omitted") == NULL && strstr(html, "<h1>") != NULL &&
	    strstr(html, "<h2>") != NULL && strstr(html, "<li>") != NULL,
	    "%zu: renders with headings and lists, nothing dropped", i);
	ok(placeholders_ok(b) && strstr(b, strcmp(s->lang, "fr") == 0 ?
	    "[Nom de l'entreprise]" : "[Company name]") != NULL,
	    "%zu: placeholders closed, the company's among them", i);

	size_t nt = 0;
	bool formats = true, known = true, once = true;
	while (nt < RP_STARTER_MAX_TAGS && s->tags[nt].framework != NULL) {
		const struct rp_starter_tag *g = &s->tags[nt];
		if (strcmp(g->framework, "nist-csf") == 0)
			formats &= nist_ref(g->ref);
		else if (strcmp(g->framework, "anssi-hygiene") == 0)
			formats &= anssi_ref(g->ref);
		else
			formats = false;
		if (!in_catalogue(g->framework, g->ref)) {
			known = false;
			printf("# %s %s not in the catalogue\n", g->framework, g->ref);
		}
		for (size_t k = 0; k < nt; k++)
			if (strcmp(s->tags[k].framework, g->framework) == 0 &&
			    strcmp(s->tags[k].ref, g->ref) == 0)
				once = false;
		nt++;
	}
	ok(nt >= 1 && nt <= 4, "%zu: %zu tags (1..4)", i, nt);
	ok(formats, "%zu: tags of nist-csf or anssi-hygiene, refs well formed", i);
	ok(known, "%zu: every tag an assessable requirement of the catalogue", i);
	ok(once, "%zu: no tag twice", i);
}

int
main(void)
{
	size_t n = rp_starter_count(), fr = 0, en = 0;

	a = rp_arena_new(0);
	catalogue = slurp_catalogue();
	ok(catalogue != NULL, "the catalogue SQL is readable");
	if (catalogue == NULL)
		catalogue = "";
	ok(n >= 12, "%zu starter templates", n);
	ok(rp_starter_at(n) == NULL, "nothing past the end");

	for (size_t i = 0; i < n; i++) {
		const struct rp_starter *s = rp_starter_at(i);
		one(i, s);
		fr += strcmp(s->lang, "fr") == 0;
		en += strcmp(s->lang, "en") == 0;
		bool unique = true;
		for (size_t k = 0; k < i; k++)
			if (strcasecmp(rp_starter_at(k)->title, s->title) == 0)
				unique = false;
		ok(unique, "%zu: title unique", i);
	}
	is_int((long long)fr, (long long)en, "as many in French as in English");

	/* Each template once in each language, of one type and one set of tags. */
	for (size_t i = 0; i < n; i++) {
		const struct rp_starter *s = rp_starter_at(i), *other = NULL;
		size_t same = 0;
		for (size_t k = 0; k < n; k++) {
			const struct rp_starter *x = rp_starter_at(k);
			if (strcmp(x->key, s->key) != 0)
				continue;
			if (strcmp(x->lang, s->lang) == 0)
				same++;
			else
				other = x;
		}
		ok(same == 1 && other != NULL && strcmp(other->type, s->type) == 0 &&
		    same_tags(s, other), "%s (%s): one translation, same type and tags", s->key,
		    s->lang);
	}

	/* The checks above do see a bad ref. */
	ok(!in_catalogue("nist-csf", "PR.AA-07") && !in_catalogue("nist-csf", "PR.AA") &&
	    !in_catalogue("anssi-hygiene", "43") && !in_catalogue("anssi-hygiene", "I") &&
	    in_catalogue("anssi-hygiene", "42") && in_catalogue("nist-csf", "RC.CO-04"),
	    "the catalogue look-up refuses groups and unknown refs");
	ok(!nist_ref("PR.AA-1") && !nist_ref("pr.aa-01") && !anssi_ref("0") &&
	    !anssi_ref("07") && !anssi_ref("43"), "the ref formats refuse near misses");
	ok(has_html("a <b>b</b>") && has_html("</p>") && has_html("<!-- x -->") &&
	    !has_html("5 < 6"), "the HTML check finds tags only");
	ok(has_table("| a | b |\n") && has_table("x\n|---|\n") && has_table("x\n   | a\n") &&
	    !has_table("a | b\n") && !has_table("x\n    | code\n") && !has_table(""),
	    "the table check finds lines starting with '|' only");
	rp_arena_free(a);
	return done_testing();
}
