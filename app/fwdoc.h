/* A framework document, as a firm admin imports it (docs/framework-import.md):
 * one representation, read from JSON or from CSV, and one validator. Pure:
 * no request, no database; everything lives in the arena. */
#ifndef RP_FWDOC_H
#define RP_FWDOC_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_arena;

/* Most requirements a document holds, and most levels of its tree (depth
 * 0 .. RP_FW_MAX_DEPTH - 1). */
#define RP_FW_MAX_REQS	2000
#define RP_FW_MAX_DEPTH	5

/* One requirement (a group or an assessable item), in document order. */
struct rp_fw_item {
	const char	*ref;
	const char	*parent_ref;	/* NULL or "": a top-level entry */
	bool		 assessable;
	const char	*title_fr, *title_en;
	const char	*summary_fr, *summary_en;
	size_t		 line;		/* CSV: its line in the file; JSON: 0 */
	/* Set by rp_fwdoc_check(): */
	long		 parent;	/* index of the parent, or -1 */
	int		 depth;		/* 0 for a top-level entry */
};

/* The framework's own fields, then its requirements. Absent text fields
 * are NULL until rp_fwdoc_check(), which leaves "" for optional ones. */
struct rp_fw_doc {
	const char		*code, *version;
	const char		*name_fr, *name_en;
	const char		*publisher, *licence, *source_url;
	const char		*summary_fr, *summary_en;
	struct rp_fw_item	*items;
	size_t			 nitems;
};

/* Why a document was refused: the first fault found. */
struct rp_fw_err {
	const char	*field;		/* as the API names it: "code",
					 * "requirements[3].parent_ref",
					 * "line 5: parent_ref", "file" */
	const char	*code;		/* a key of Lang.errors */
	const char	*msg;		/* fixed English text, no input data */
	size_t		 line;		/* CSV line at fault, or 0 */
	long		 index;		/* requirement at fault, or -1 */
	const char	*column;	/* its field ("parent_ref"), or NULL */
};

/* Read a JSON document (the object of docs/framework-import.md) into doc:
 * known keys only, each of its type (strings, "assessable" a boolean,
 * "parent_ref" a string or null). Values are checked by rp_fwdoc_check().
 * Returns 0, or -1 with *err set. */
int rp_fwdoc_from_json(struct rp_arena *, struct json_object *, struct rp_fw_doc *,
    struct rp_fw_err *);

/* The same from the bytes of a JSON file (a UTF-8 BOM is skipped). */
int rp_fwdoc_from_json_text(struct rp_arena *, const char *text, size_t len,
    struct rp_fw_doc *, struct rp_fw_err *);

/* Read the requirements of a CSV file (app/csv.c's dialects: header row,
 * ',' or ';', quoted fields) into doc->items; the framework's own fields
 * are the caller's to fill. Columns: ref, parent_ref, assessable, title_fr,
 * title_en (required), summary_fr, summary_en (optional), in any order;
 * assessable is 1/0, true/false, yes/no or oui/non. Returns 0, or -1 with
 * *err set. */
int rp_fwdoc_from_csv(struct rp_arena *, const char *text, size_t len,
    struct rp_fw_doc *, struct rp_fw_err *);

/* The framework's own fields in the format's order (code, version,
 * name_fr, ...): the i-th name, or NULL past the last. */
const char *rp_fwdoc_field(size_t i);
/* Set the framework field called name to value (not copied; checked by
 * rp_fwdoc_check()), e.g. from the fields of an upload form. Returns 0, or
 * -1 when name is not one of them. */
int rp_fwdoc_set(struct rp_fw_doc *, const char *name, const char *value);

/* Validate and normalise doc, whatever it was read from: text rules and
 * lengths of app/input.c, code a slug, source_url http(s) or empty, at
 * least one requirement and at most RP_FW_MAX_REQS, unique refs (case
 * ignored, as the database compares them), each parent an earlier group,
 * at most RP_FW_MAX_DEPTH levels, at least one assessable requirement.
 * Sets each item's parent and depth. Returns 0, or -1 with *err set. */
int rp_fwdoc_check(struct rp_arena *, struct rp_fw_doc *, struct rp_fw_err *);

/* Record in err a fault of requirement index of doc, named as its source
 * names it (see struct rp_fw_err), for faults found after validation
 * (e.g. by the database). Returns -1. */
int rp_fwdoc_fault(struct rp_arena *, const struct rp_fw_doc *, size_t index,
    const char *column, const char *code, const char *msg, struct rp_fw_err *);

/* Is s an http:// or https:// address with a host (scheme case ignored),
 * free of spaces and control characters? */
bool rp_fwdoc_url_ok(const char *s);

#endif
