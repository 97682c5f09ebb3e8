/* Markdown to HTML with libcmark (Debian's libcmark-dev, 0.30). Safe
 * rendering is cmark's default since 0.29: without CMARK_OPT_UNSAFE raw
 * HTML and dangerous URLs are dropped. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "arena.h"
#include "markdown.h"

char *
rp_markdown_html(struct rp_arena *a, const char *md)
{
	char *html, *out;

	if (md == NULL)
		md = "";
	/* CMARK_OPT_SAFE is the default now; spelled out in case the
	 * library is older. No CMARK_OPT_UNSAFE, ever. */
	html = cmark_markdown_to_html(md, strlen(md),
	    CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_NOBREAKS);
	if (html == NULL)
		return rp_strdup(a, "");
	out = rp_strdup(a, html);
	free(html);
	return out;
}
