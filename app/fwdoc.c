/* A framework document: two readers (JSON, CSV) and one validator. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>

#include "arena.h"
#include "csv.h"
#include "fwdoc.h"
#include "jsoncheck.h"
#include "request.h"
#include "util.h"

/* A text field of the document or of a requirement: where it lives in its
 * struct and the rules of its column (sql/006-frameworks.sql). */
enum tformat { ANY, SLUG, URL };

struct tfield {
	const char	*name;
	size_t		 off;
	size_t		 max;		/* characters */
	bool		 required;
	bool		 lines;		/* may hold several lines */
	enum tformat	 format;	/* when not empty */
};

#define DOC(f)	offsetof(struct rp_fw_doc, f)
#define ITEM(f)	offsetof(struct rp_fw_item, f)

/* Publisher and licence are required: whoever imports a framework states
 * where it comes from and under which terms its text may be used. */
static const struct tfield doc_fields[] = {
	{ "code",	DOC(code),		40,	true,	false,	SLUG },
	{ "version",	DOC(version),		40,	true,	false,	ANY },
	{ "name_fr",	DOC(name_fr),		200,	true,	false,	ANY },
	{ "name_en",	DOC(name_en),		200,	true,	false,	ANY },
	{ "publisher",	DOC(publisher),		200,	true,	false,	ANY },
	{ "licence",	DOC(licence),		200,	true,	false,	ANY },
	{ "source_url",	DOC(source_url),	500,	false,	false,	URL },
	{ "summary_fr",	DOC(summary_fr),	4000,	false,	true,	ANY },
	{ "summary_en",	DOC(summary_en),	4000,	false,	true,	ANY },
};

/* The text columns of a requirement; "assessable", a boolean, is apart. */
static const struct tfield item_fields[] = {
	{ "ref",	ITEM(ref),		40,	true,	false,	ANY },
	{ "parent_ref",	ITEM(parent_ref),	40,	false,	false,	ANY },
	{ "title_fr",	ITEM(title_fr),		300,	true,	false,	ANY },
	{ "title_en",	ITEM(title_en),		300,	true,	false,	ANY },
	{ "summary_fr",	ITEM(summary_fr),	2000,	false,	true,	ANY },
	{ "summary_en",	ITEM(summary_en),	2000,	false,	true,	ANY },
};

#define REQS		"requirements"
#define ASSESSABLE	"assessable"

/* CSV columns a file must have (summaries may be left out). */
static const char *const csv_required[] = { "ref", "parent_ref", ASSESSABLE,
	"title_fr", "title_en" };

static const char **
slot(void *base, const struct tfield *f)
{
	return (const char **)(void *)((char *)base + f->off);
}

static const struct tfield *
find_field(const struct tfield *t, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

/* Record the first fault. A requirement's field is named as its source
 * names it: by index in a JSON document, by line in a CSV file. */
static int
fail(struct rp_arena *a, struct rp_fw_err *err, const struct rp_fw_item *it, long index,
    const char *column, const char *code, const char *msg)
{
	err->code = code;
	err->msg = msg;
	err->index = index;
	err->column = column;
	err->line = it ? it->line : 0;
	if (it == NULL)
		err->field = column;
	else if (column == NULL)	/* the requirement as a whole */
		err->field = it->line > 0 ? rp_printf(a, "line %zu", it->line) :
		    rp_printf(a, "%s[%ld]", REQS, index);
	else if (it->line > 0)
		err->field = rp_printf(a, "line %zu: %s", it->line, column);
	else
		err->field = rp_printf(a, "%s[%ld].%s", REQS, index, column);
	return -1;
}

/* A fault of the file as a whole (unreadable, header), at a line. */
static int
fail_file(struct rp_fw_err *err, size_t line, const char *column, const char *code,
    const char *msg)
{
	err->field = "file";
	err->code = code;
	err->msg = msg;
	err->line = line;
	err->index = -1;
	err->column = column;
	return -1;
}

const char *
rp_fwdoc_field(size_t i)
{
	return i < RP_NELEM(doc_fields) ? doc_fields[i].name : NULL;
}

int
rp_fwdoc_set(struct rp_fw_doc *doc, const char *name, const char *value)
{
	const struct tfield *f = find_field(doc_fields, RP_NELEM(doc_fields), name);

	if (f == NULL)
		return -1;
	*slot(doc, f) = value;
	return 0;
}

/* ---------------------------------------------------------------- JSON --- */

/* The string at key of o into *out (a copy in the arena): absent and null
 * leave NULL; any other type is refused. */
static int
json_text(struct rp_arena *a, struct json_object *o, const char *key, const char **out,
    struct rp_fw_err *err, const struct rp_fw_item *it, long index)
{
	struct json_object *v;

	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v) || v == NULL)
		return 0;
	/* json-c would turn 12 into "12": insist on the type. */
	if (!json_object_is_type(v, json_type_string))
		return fail(a, err, it, index, key, "invalid", "This field must be a string.");
	*out = rp_strdup(a, json_object_get_string(v));
	return 0;
}

/* The first key of o that is neither in t nor extra, or NULL. */
static const char *
unknown_key(struct json_object *o, const struct tfield *t, size_t n, const char *extra)
{
	json_object_object_foreach(o, key, val) {
		(void)val;
		if (find_field(t, n, key) == NULL && strcmp(key, extra) != 0)
			return key;
	}
	return NULL;
}

static int
json_item(struct rp_arena *a, struct json_object *o, struct rp_fw_item *it, long index,
    struct rp_fw_err *err)
{
	struct json_object *v;
	const char *bad;

	if (!json_object_is_type(o, json_type_object))
		return fail(a, err, it, index, NULL, "invalid", "Each requirement must be an object.");
	if ((bad = unknown_key(o, item_fields, RP_NELEM(item_fields), ASSESSABLE)) != NULL)
		return fail(a, err, it, index, rp_strdup(a, bad), "unknown_field",
		    "This field is not part of the format.");
	for (size_t i = 0; i < RP_NELEM(item_fields); i++)
		if (json_text(a, o, item_fields[i].name, slot(it, &item_fields[i]), err, it,
		    index) != 0)
			return -1;
	if (!json_object_object_get_ex(o, ASSESSABLE, &v) || v == NULL)
		return fail(a, err, it, index, ASSESSABLE, "required",
		    "Say whether the requirement is assessed: true or false.");
	if (!json_object_is_type(v, json_type_boolean))
		return fail(a, err, it, index, ASSESSABLE, "invalid",
		    "This field must be true or false.");
	it->assessable = json_object_get_boolean(v);
	return 0;
}

int
rp_fwdoc_from_json(struct rp_arena *a, struct json_object *o, struct rp_fw_doc *doc,
    struct rp_fw_err *err)
{
	struct json_object *reqs;
	const char *bad;

	memset(doc, 0, sizeof(*doc));
	memset(err, 0, sizeof(*err));
	err->index = -1;
	if ((bad = unknown_key(o, doc_fields, RP_NELEM(doc_fields), REQS)) != NULL)
		return fail(a, err, NULL, -1, rp_strdup(a, bad), "unknown_field",
		    "This field is not part of the format.");
	for (size_t i = 0; i < RP_NELEM(doc_fields); i++)
		if (json_text(a, o, doc_fields[i].name, slot(doc, &doc_fields[i]), err, NULL,
		    -1) != 0)
			return -1;
	if (!json_object_object_get_ex(o, REQS, &reqs) || reqs == NULL)
		return 0;	/* rp_fwdoc_check() says it is required */
	if (!json_object_is_type(reqs, json_type_array))
		return fail(a, err, NULL, -1, REQS, "invalid",
		    "The requirements must be a list.");
	doc->nitems = json_object_array_length(reqs);
	/* Counted here, before anything is allocated per requirement. */
	if (doc->nitems > RP_FW_MAX_REQS)
		return fail(a, err, NULL, -1, REQS, "too_many", "Too many requirements.");
	doc->items = rp_calloc(a, doc->nitems ? doc->nitems : 1, sizeof(*doc->items));
	for (size_t i = 0; i < doc->nitems; i++)
		if (json_item(a, json_object_array_get_idx(reqs, i), &doc->items[i], (long)i,
		    err) != 0)
			return -1;
	return 0;
}

/* Skip a UTF-8 byte order mark, as editors on Windows write one. */
static const char *
skip_bom(const char *text, size_t *len)
{
	if (*len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		*len -= 3;
		return text + 3;
	}
	return text;
}

int
rp_fwdoc_from_json_text(struct rp_arena *a, const char *text, size_t len,
    struct rp_fw_doc *doc, struct rp_fw_err *err)
{
	struct json_object *o;
	int rc;

	memset(doc, 0, sizeof(*doc));
	memset(err, 0, sizeof(*err));
	text = skip_bom(text, &len);
	if (!rp_utf8_valid(text, len))
		return fail_file(err, 0, NULL, "unreadable", "The file is not UTF-8 text.");
	if (rp_json_parse(text, len, RP_MAX_JSON_DEPTH, &o) != 0)
		return fail_file(err, 0, NULL, "unreadable", "The file is not valid JSON.");
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return fail_file(err, 0, NULL, "unreadable",
		    "The file must hold one JSON object.");
	}
	rc = rp_fwdoc_from_json(a, o, doc, err);
	json_object_put(o);
	return rc;
}

/* ----------------------------------------------------------------- CSV --- */

/* What a column of the file feeds: a text field, or assessable. */
struct col {
	const struct tfield	*f;	/* NULL: assessable */
};

/* Map the header's names (case and surrounding blanks ignored) to columns:
 * known ones only, each once, the required ones present. */
static int
csv_header(struct rp_arena *a, const struct rp_csv_row *h, struct col *cols,
    struct rp_fw_err *err)
{
	bool seen_assessable = false;
	bool seen[RP_NELEM(item_fields)] = { false };

	for (size_t i = 0; i < h->ncells; i++) {
		const char *code, *msg;
		char *name = rp_text_clean(a, h->cells[i], 40, false, &code, &msg);
		if (name == NULL)
			return fail_file(err, h->line, NULL, "unknown_column",
			    "The header names a column that is not part of the format.");
		for (char *p = name; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		const struct tfield *f = find_field(item_fields, RP_NELEM(item_fields), name);
		bool *mark = f ? &seen[f - item_fields] :
		    strcmp(name, ASSESSABLE) == 0 ? &seen_assessable : NULL;
		if (mark == NULL)
			return fail_file(err, h->line, name, "unknown_column",
			    "The header names a column that is not part of the format.");
		if (*mark)
			return fail_file(err, h->line, name, "duplicate_column",
			    "The header names a column twice.");
		*mark = true;
		cols[i].f = f;
	}
	for (size_t i = 0; i < RP_NELEM(csv_required); i++) {
		const struct tfield *f = find_field(item_fields, RP_NELEM(item_fields),
		    csv_required[i]);
		if (f ? !seen[f - item_fields] : !seen_assessable)
			return fail_file(err, h->line, csv_required[i], "missing_column",
			    "The header lacks a required column.");
	}
	return 0;
}

/* Spreadsheets and people write booleans several ways; French included. */
static int
csv_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "1", "true", "yes", "oui" };
	static const char *const no[] = { "0", "false", "no", "non" };

	for (size_t i = 0; i < RP_NELEM(yes); i++)
		if (strcasecmp(v, yes[i]) == 0 || strcasecmp(v, no[i]) == 0) {
			*out = strcasecmp(v, yes[i]) == 0;
			return 0;
		}
	return -1;
}

static int
csv_item(struct rp_arena *a, const struct rp_csv_row *r, const struct col *cols,
    size_t ncols, struct rp_fw_item *it, long index, struct rp_fw_err *err)
{
	it->line = r->line;
	if (r->ncells != ncols)
		return fail_file(err, r->line, NULL, "column_count",
		    "This row does not have as many cells as the header.");
	for (size_t c = 0; c < ncols; c++) {
		/* Undo the apostrophe a spreadsheet-safe export puts before
		 * values that look like formulas. */
		const char *v = rp_csv_unneutralise(r->cells[c]);
		if (cols[c].f != NULL) {
			*slot(it, cols[c].f) = v;
			continue;
		}
		const char *code, *msg;
		const char *t = rp_text_clean(a, v, 8, false, &code, &msg);
		if (t == NULL || *t == '\0')
			return fail(a, err, it, index, ASSESSABLE, t ? "required" : "invalid",
			    "Say whether the requirement is assessed: 1 or 0.");
		if (csv_bool(t, &it->assessable) != 0)
			return fail(a, err, it, index, ASSESSABLE, "invalid",
			    "Write 1 or 0 (true/false, yes/no).");
	}
	return 0;
}

int
rp_fwdoc_from_csv(struct rp_arena *a, const char *text, size_t len, struct rp_fw_doc *doc,
    struct rp_fw_err *err)
{
	struct rp_csv csv;
	const char *why;
	size_t line;

	memset(doc, 0, sizeof(*doc));
	memset(err, 0, sizeof(*err));
	/* Bounds of the reader: twice the requirements allowed (so that too
	 * many is told as such), a few spare cells, a summary in 4-byte
	 * characters. */
	if (rp_csv_parse(a, text, len, 2 * RP_FW_MAX_REQS + 1, RP_NELEM(item_fields) + 8,
	    4 * 2000 + 64, &csv, &why, &line) != 0)
		return fail_file(err, line, NULL, "unreadable", why);
	struct col *cols = rp_calloc(a, csv.rows[0].ncells, sizeof(*cols));
	if (csv_header(a, &csv.rows[0], cols, err) != 0)
		return -1;
	doc->nitems = csv.nrows - 1;
	if (doc->nitems > RP_FW_MAX_REQS)
		return fail(a, err, NULL, -1, REQS, "too_many", "Too many requirements.");
	doc->items = rp_calloc(a, doc->nitems ? doc->nitems : 1, sizeof(*doc->items));
	for (size_t i = 0; i < doc->nitems; i++)
		if (csv_item(a, &csv.rows[i + 1], cols, csv.rows[0].ncells, &doc->items[i],
		    (long)i, err) != 0)
			return -1;
	return 0;
}

/* ----------------------------------------------------------- validator --- */

int
rp_fwdoc_fault(struct rp_arena *a, const struct rp_fw_doc *doc, size_t index,
    const char *column, const char *code, const char *msg, struct rp_fw_err *err)
{
	return fail(a, err, &doc->items[index], (long)index, column, code, msg);
}

bool
rp_fwdoc_url_ok(const char *s)
{
	size_t n;

	/* Only web addresses: javascript:, data:, file: and the like never
	 * reach an href. */
	if (strncasecmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		s += 7;
	else
		return false;
	n = strcspn(s, "/?#");
	if (n == 0)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f || strchr("\"<>\\`{}|^", *s))
			return false;
	return true;
}

/* A code is a slug: lower-case letters, digits and hyphens, starting with
 * a letter or a digit (it names the framework in URLs and exports). */
static bool
slug_ok(const char *s)
{
	if (*s == '\0' || *s == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Clean the text fields of t in base; absent optional ones become "". */
static int
clean_fields(struct rp_arena *a, void *base, const struct tfield *t, size_t n,
    struct rp_fw_err *err, const struct rp_fw_item *it, long index)
{
	for (size_t i = 0; i < n; i++) {
		const char **v = slot(base, &t[i]), *code = NULL, *msg = NULL;
		const char *c = *v ? rp_text_clean(a, *v, t[i].max, t[i].lines, &code, &msg) :
		    "";
		if (c == NULL)
			return fail(a, err, it, index, t[i].name, code, msg);
		if (*c == '\0' && t[i].required)
			return fail(a, err, it, index, t[i].name, "required",
			    "This field is required.");
		if (*c != '\0' && t[i].format == SLUG && !slug_ok(c))
			return fail(a, err, it, index, t[i].name, "invalid_slug",
			    "Use lower-case letters, digits and hyphens only.");
		if (*c != '\0' && t[i].format == URL && !rp_fwdoc_url_ok(c))
			return fail(a, err, it, index, t[i].name, "invalid_url",
			    "Give an http:// or https:// address.");
		*v = c;
	}
	return 0;
}

/* Requirements sorted by ref (case ignored, as the database's collation
 * does), then by position: the first entry of a ref is its first use. */
struct refkey {
	const char	*ref;
	size_t		 i;
};

static int
cmp_refkey(const void *x, const void *y)
{
	const struct refkey *a = x, *b = y;
	int c = strcasecmp(a->ref, b->ref);

	return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* Position of the first requirement with this ref, or -1. */
static long
first_with(const struct refkey *ix, size_t n, const char *ref)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcasecmp(ix[mid].ref, ref) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcasecmp(ix[lo].ref, ref) == 0 ? (long)ix[lo].i : -1;
}

/* The tree: refs unique, each parent an earlier group (so no cycle can
 * form), depth bounded. */
static int
check_tree(struct rp_arena *a, struct rp_fw_doc *doc, struct rp_fw_err *err)
{
	struct refkey *ix = rp_calloc(a, doc->nitems, sizeof(*ix));
	bool assessed = false;

	for (size_t i = 0; i < doc->nitems; i++)
		ix[i] = (struct refkey){ doc->items[i].ref, i };
	qsort(ix, doc->nitems, sizeof(*ix), cmp_refkey);
	for (size_t i = 0; i < doc->nitems; i++) {
		struct rp_fw_item *it = &doc->items[i];
		long li = (long)i, p;

		if (first_with(ix, doc->nitems, it->ref) != li)
			return fail(a, err, it, li, "ref", "duplicate_ref",
			    "This ref is already used by an earlier requirement.");
		it->parent = -1;
		it->depth = 0;
		assessed |= it->assessable;
		if (*it->parent_ref == '\0')
			continue;
		if ((p = first_with(ix, doc->nitems, it->parent_ref)) < 0 || p >= li)
			return fail(a, err, it, li, "parent_ref", "unknown_parent",
			    "The parent must be the ref of an earlier requirement.");
		if (doc->items[p].assessable)
			return fail(a, err, it, li, "parent_ref", "parent_not_group",
			    "The parent must be a group (not assessable).");
		it->parent = p;
		it->depth = doc->items[p].depth + 1;
		if (it->depth >= RP_FW_MAX_DEPTH)
			return fail(a, err, it, li, "parent_ref", "too_deep",
			    "The tree has too many levels.");
	}
	if (!assessed)
		return fail(a, err, NULL, -1, REQS, "no_assessable",
		    "At least one requirement must be assessable.");
	return 0;
}

int
rp_fwdoc_check(struct rp_arena *a, struct rp_fw_doc *doc, struct rp_fw_err *err)
{
	memset(err, 0, sizeof(*err));
	err->index = -1;
	if (clean_fields(a, doc, doc_fields, RP_NELEM(doc_fields), err, NULL, -1) != 0)
		return -1;
	if (doc->nitems == 0)
		return fail(a, err, NULL, -1, REQS, "required",
		    "A framework needs requirements.");
	if (doc->nitems > RP_FW_MAX_REQS)
		return fail(a, err, NULL, -1, REQS, "too_many", "Too many requirements.");
	/* Every value first, then the shape of the tree. */
	for (size_t i = 0; i < doc->nitems; i++)
		if (clean_fields(a, &doc->items[i], item_fields, RP_NELEM(item_fields), err,
		    &doc->items[i], (long)i) != 0)
			return -1;
	return check_tree(a, doc, err);
}
