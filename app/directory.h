/* The establishment directory of a client as CSV (SPEC §1, directory
 * sync): export, and an all-or-nothing import that upserts by SIRET, else
 * by normalised name and postcode, with a report of every row. */
#ifndef RP_DIRECTORY_H
#define RP_DIRECTORY_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_buf;
struct rp_client;
struct rp_req;

/* Most data rows an import takes. */
#define RP_IMPORT_MAX_ROWS 20000

struct rp_import_reject {
	size_t		 line;		/* 1-based line of the file */
	const char	*field;		/* the column at fault, or "file" */
	const char	*reason;	/* fixed English text */
	const char	*code;		/* a key of Lang.estabs.reasons */
};

struct rp_import_report {
	bool			 applied;
	long long		 created;	/* what was (or would have been) done */
	long long		 updated;
	long long		 unchanged;
	struct rp_import_reject	*rejected;
	size_t			 nrejected;
};

/* Import text[0..len) into client c. Returns 0 when applied, 1 when rows
 * were rejected (nothing changed; the report says why), -1 after rp_fail
 * (not allowed, database). */
int rp_directory_import(struct rp_req *, const struct rp_client *c,
    const char *text, size_t len, struct rp_import_report *rep);

/* The client's live establishments the caller sees, as CSV (UTF-8 with a
 * BOM, ';' separated, CRLF, formulas neutralised). Returns 0 or -1. */
int rp_directory_export(struct rp_req *, const struct rp_client *c, struct rp_buf *out);

/* The report as JSON: applied, created, updated, unchanged, rejected. */
struct json_object *rp_import_report_json(const struct rp_import_report *);

#endif
