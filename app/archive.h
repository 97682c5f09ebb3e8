/* The client archive (docs/client-archive.md): one client's whole mission
 * as a versioned zip of JSON files, exported by a firm admin and imported
 * into a firm as a new client. */
#ifndef RP_ARCHIVE_H
#define RP_ARCHIVE_H

#include <stddef.h>

struct rp_buf;
struct rp_client;
struct rp_req;

/* The format this build writes and reads (manifest.json "version"). */
#define RP_ARCHIVE_VERSION	1
#define RP_ARCHIVE_FORMAT	"rempart-client-archive"
/* Limits checked on the zip's directory before anything is inflated: the
 * upload itself is capped by http.max_upload (the route takes a file). */
#define RP_ARCHIVE_MAX_ENTRIES	16
#define RP_ARCHIVE_MAX_ENTRY	(32u << 20)	/* bytes, uncompressed */
#define RP_ARCHIVE_MAX_TOTAL	(64u << 20)	/* bytes, uncompressed, all entries */
#define RP_ARCHIVE_MAX_RATIO	100		/* uncompressed / compressed, per entry */
/* JSON values per file, counted before parsing (json-c's memory). */
#define RP_ARCHIVE_MAX_VALUES	2000000

/* Client c's archive (the zip's bytes) appended to out. 0, or -1 after
 * rp_fail. */
int rp_archive_export(struct rp_req *, const struct rp_client *c, struct rp_buf *out);

/* Import the archive zip[0..len) into the caller's firm as a new client, in
 * one transaction: 0 with *id, or -1 after rp_fail (400 naming the path at
 * fault, e.g. "risks.json[3].likelihood"; nothing written). */
int rp_archive_import(struct rp_req *, const char *zip, size_t len, long long *id);

/* Is name an acceptable entry name (pure, for the unit tests): one of the
 * archive's known files, never absolute, never with "..", "\" or a
 * directory? */
int rp_archive_name_ok(const char *name);

#endif
