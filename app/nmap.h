/* nmap's XML report (`nmap -oX`) read with libexpat into a scan document
 * (app/scandoc.h), with every DTD feature that could reach outside the
 * file or grow it turned away. Pure: no request, no database. */
#ifndef RP_NMAP_H
#define RP_NMAP_H

#include <stddef.h>

struct rp_arena;
struct rp_scan_doc;
struct rp_scan_err;

/* Read text[0..len), an nmap XML report: the root `nmaprun` (its `start`
 * time is the scan's date, `scanner` and `version` the scanner), each
 * `host` whose status is up with its first IPv4 or IPv6 `address` and a
 * `hostname` (user-given names before PTR ones), and each `port` of its
 * `ports` whose `state` is open, with the `service` name (an SSL tunnel
 * makes http "https"), product and version. Other elements are ignored.
 *
 * Refused before parsing: more than RP_SCAN_MAX_BYTES (413). Refused as
 * hostile (code "hostile"), the parser stopped at once: a DOCTYPE with an
 * internal subset (entity declarations: "billion laughs", external
 * entities) or naming an external DTD; external entities are never
 * resolved and parameter entities never parsed. nmap's own bare
 * `<!DOCTYPE nmaprun>` is accepted. Malformed XML ("malformed") and faults
 * of the content name the line and column.
 *
 * Faults name `field`. Returns 0, or -1 with *err set. Call
 * rp_scan_finish() next. */
int rp_nmap_read(struct rp_arena *, const char *text, size_t len, const char *field,
    struct rp_scan_doc *, struct rp_scan_err *);

#endif
