/* Markdown bodies (resources, templates) as HTML, through libcmark. */
#ifndef RP_MARKDOWN_H
#define RP_MARKDOWN_H

struct rp_arena;

/* The CommonMark rendering of md, in the arena. Raw HTML in the source is
 * never passed through (cmark's safe mode: it becomes a comment), links
 * and images with javascript:, vbscript:, file: or data: URLs (but for
 * images of data:image/png, gif, jpeg, webp) lose their URL, and invalid
 * UTF-8 is replaced: the result may be printed unescaped. */
char *rp_markdown_html(struct rp_arena *, const char *md);

#endif
