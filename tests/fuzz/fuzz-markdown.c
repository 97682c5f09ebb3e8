/* Fuzz the Markdown rendering (app/markdown.c, libcmark): the output must
 * never hold a raw <script or a javascript: link. */
#include "fuzz.h"
#include "markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	char *s = fuzz_cstr(data, size);
	char *html = rp_markdown_html(a, s);

	if (html != NULL && (strstr(html, "<script") != NULL ||
	    strstr(html, "href=\"javascript:") != NULL))
		abort();
	free(s);
	rp_arena_free(a);
	return 0;
}
