/* Branding of deliverables: the firm's accent colour, the firm's logo and a
 * logo per client (issue 14), shown in the Pilot header and on every
 * report. Logos are checked (imagecheck.h), decoded and re-encoded by
 * rempart-render, and stored as the PNG it wrote: what is served is never
 * what was uploaded. */
#ifndef RP_BRANDING_H
#define RP_BRANDING_H

#include <stdbool.h>
#include <stddef.h>

struct rp_req;
struct rp_client;

/* The renderer's path: paths.render, or rempart-render beside the running
 * program. Static storage. */
const char *rp_render_path(void);

/* The firm's accent colour ("#rrggbb") in the arena, or NULL for none;
 * -1 after rp_fail, else 0. */
int rp_brand_accent(struct rp_req *, long long firm, const char **accent);
/* Set (or clear, with "" or null) the caller's firm's accent colour from
 * the request's accent_color field (400 naming it unless #rrggbb).
 * Returns 0 or -1. */
int rp_brand_set_accent(struct rp_req *);

/* The logo of the firm (client 0) or of one of its clients as base64 PNG
 * in the arena: 0 with *b64 (NULL when there is none), -1 after rp_fail. */
int rp_brand_logo(struct rp_req *, long long firm, long long client, const char **b64);
/* Check, re-encode and store data[0..n) as the logo of the firm (client 0)
 * or client; `field` names the input in a 400. Nothing is stored unless
 * the whole image passed. Returns 0 or -1. */
int rp_brand_logo_put(struct rp_req *, long long firm, long long client,
    const unsigned char *data, size_t n, const char *field);
/* Remove it (no error when there was none). Returns 0 or -1. */
int rp_brand_logo_delete(struct rp_req *, long long firm, long long client);
/* Answer the logo as image/png, or 404 when there is none. */
int rp_brand_logo_send(struct rp_req *, long long firm, long long client);

/* The Pilot header's branding of client c: Brand.accent, Brand.firm_logo,
 * Brand.client_logo (one query). Returns 0 or -1. */
int rp_brand_chrome(struct rp_req *, const struct rp_client *c);

/* Base64 of n bytes, in the arena. */
const char *rp_base64(struct rp_req *, const unsigned char *p, size_t n);

#endif
