/* multipart/form-data (RFC 7578): file uploads, read like a urlencoded form. */
#ifndef RP_MULTIPART_H
#define RP_MULTIPART_H

#include <stddef.h>

struct rp_arena;
struct rp_params;

/* Longest header block of one part: a Content-Disposition with a long
 * UTF-8 file name and a Content-Type fit with room to spare. */
#define RP_MAX_PART_HEADERS	4096

/* The boundary of a "multipart/form-data; boundary=..." content type
 * (quoted or not, 1..70 characters of RFC 2046), in the arena, or NULL when
 * the type is another one or the boundary is absent, repeated or invalid. */
const char *rp_multipart_boundary(struct rp_arena *, const char *content_type);

/* Parse body[0..n) into out (the arena holds everything): one entry per
 * part, key = the part's Content-Disposition name, val = its raw bytes
 * NUL-terminated (len = byte count; binary allowed), and for a file part a
 * second entry "<name>.filename" holding the file name (possibly "" when no
 * file was chosen). The body must open with the first boundary line (no
 * preamble); anything after the closing boundary is ignored. Header names
 * are case-insensitive; other headers than Content-Disposition (Content-Type
 * included) are ignored. Returns 0, or -1 with *bad naming what is wrong:
 * "body" (missing or invalid boundary lines, a part without headers or a
 * name, headers too long or malformed, no closing boundary), the part name
 * (a bad file name, a name ending in ".filename"), or "parameters" (more
 * than RP_MAX_PARAMS entries). */
int rp_parse_multipart(struct rp_arena *, const char *body, size_t n,
    const char *boundary, struct rp_params *out, const char **bad);

#endif
