/* Unit tests of the resources' rules: the workflow and version rule of
 * rp_resource_revise, and the safe Markdown rendering. */
#include <string.h>

#include "arena.h"
#include "markdown.h"
#include "resources.h"
#include "tap.h"

/* The outcome of one change, as "status vN" or "refused". */
static const char *
revise(struct rp_arena *a, const char *from, long long v, const char *asked, bool edited)
{
	const char *status;
	long long next;

	if (rp_resource_revise(from, v, asked, edited, &status, &next) != 0)
		return "refused";
	return rp_printf(a, "%s v%lld", status, next);
}

int
main(void)
{
	struct rp_arena *a = rp_arena_new(0);
	static const struct {
		const char *from; long long v; const char *asked; bool edited; const char *want;
	} cases[] = {
		/* A new resource is revise("draft", 1, asked, false). */
		{ "draft", 1, NULL, false, "draft v1" },
		{ "draft", 1, "approved", false, "approved v1" },
		{ "draft", 1, "published", false, "refused" },
		/* Drafts are edited freely. */
		{ "draft", 4, NULL, true, "draft v4" },
		{ "draft", 4, "approved", true, "approved v4" },
		{ "draft", 4, "published", true, "refused" },
		/* The workflow without edits. */
		{ "approved", 2, "published", false, "published v2" },
		{ "approved", 2, "draft", false, "draft v2" },
		{ "published", 2, "approved", false, "approved v2" },
		{ "published", 2, "draft", false, "draft v2" },
		{ "published", 2, "published", false, "published v2" },
		{ "approved", 2, NULL, false, "approved v2" },
		/* An edit of a reviewed resource: a new version, a draft. */
		{ "approved", 2, NULL, true, "draft v3" },
		{ "published", 2, NULL, true, "draft v3" },
		{ "approved", 2, "approved", true, "approved v3" },
		{ "published", 7, "approved", true, "approved v8" },
		{ "published", 2, "draft", true, "draft v3" },
		/* ...which is approved before it is published. */
		{ "approved", 2, "published", true, "refused" },
		{ "published", 2, "published", true, "refused" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = revise(a, cases[i].from, cases[i].v, cases[i].asked, cases[i].edited);
		ok(strcmp(got, cases[i].want) == 0, "%s v%lld, %s%s: %s (got %s)", cases[i].from,
		    cases[i].v, cases[i].asked ? cases[i].asked : "no status",
		    cases[i].edited ? ", edited" : "", cases[i].want, got);
	}

	/* Markdown: CommonMark out, raw HTML and dangerous URLs dropped. */
	const char *h = rp_markdown_html(a, "# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n");
	ok(strstr(h, "<h1>Title</h1>") != NULL, "heading");
	ok(strstr(h, "<strong>bold</strong>") != NULL && strstr(h, "<code>code</code>") != NULL,
	    "emphasis and code");
	ok(strstr(h, "<ul>\n<li>one</li>") != NULL, "list");
	h = rp_markdown_html(a, "<script>alert(1)</script>\n\ntext <b onclick=\"x()\">b</b>\n");
	ok(strstr(h, "<script") == NULL && strstr(h, "onclick") == NULL && strstr(h, "<b") == NULL,
	    "raw HTML dropped");
	h = rp_markdown_html(a, "[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](vbscript:x)"
	    " [d](file:///etc/passwd) ![e](data:text/html;base64,AAAA)");
	ok(strstr(h, "javascript") == NULL && strstr(h, "JAVASCRIPT") == NULL &&
	    strstr(h, "vbscript") == NULL && strstr(h, "file:") == NULL &&
	    strstr(h, "data:text") == NULL, "dangerous URLs dropped");
	h = rp_markdown_html(a, "[ok](https://example.org/?a=1&b=\"2\")");
	ok(strstr(h, "<a href=\"https://example.org/?a=1&amp;b=%222%22\">ok</a>") != NULL,
	    "safe links kept, escaped");
	h = rp_markdown_html(a, "5 < 6 & \"quotes\"");
	ok(strstr(h, "5 &lt; 6 &amp; &quot;quotes&quot;") != NULL, "text escaped");
	h = rp_markdown_html(a, "bad \xff\xfe utf-8");
	ok(strstr(h, "\xff") == NULL, "invalid UTF-8 replaced");
	ok(strcmp(rp_markdown_html(a, ""), "") == 0 && strcmp(rp_markdown_html(a, NULL), "") == 0,
	    "empty body, empty HTML");

	rp_arena_free(a);
	return done_testing();
}
