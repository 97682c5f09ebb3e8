/* The establishment directory as CSV: export and all-or-nothing import. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "csv.h"
#include "db.h"
#include "directory.h"
#include "estab-keys.h"
#include "establishments.h"
#include "json.h"
#include "request.h"
#include "util.h"

/* Columns of the file: the profile fields, then status and plan, which the
 * export writes for reading and the import ignores (they change through
 * their own actions). */
#define COL_STATUS	RP_PF__COUNT
#define COL_PLAN	(RP_PF__COUNT + 1)
#define NCOLS		(RP_PF__COUNT + 2)

static const int export_order[NCOLS] = {
	RP_PF_SIRET, RP_PF_NAME, RP_PF_ADDRESS, RP_PF_POSTCODE, RP_PF_CITY,
	RP_PF_COUNTRY, RP_PF_PHONE, RP_PF_WEBSITE, RP_PF_SECTOR, RP_PF_HEADCOUNT,
	RP_PF_SECURITY_CONTACT, COL_STATUS, COL_PLAN,
};

static const char *
col_name(int col)
{
	return col == COL_STATUS ? "status" : col == COL_PLAN ? "plan" :
	    rp_profile_field_key(col);
}

static const char *
col_value(const struct rp_estab *e, int col)
{
	return col == COL_STATUS ? e->status : col == COL_PLAN ? e->plan : e->f[col];
}

/* Every live establishment of c the caller sees (an import or export
 * takes the whole directory). */
static int
whole_directory(struct rp_req *req, const struct rp_client *c, struct rp_estab **es,
    size_t *n)
{
	struct rp_estab_filter f = { NULL, NULL };
	long long total;

	return rp_estabs_list(req, c, &f, 10 * RP_IMPORT_MAX_ROWS, 0, es, n, &total);
}

int
rp_directory_export(struct rp_req *req, const struct rp_client *c, struct rp_buf *out)
{
	struct rp_estab *es;
	size_t n;

	if (whole_directory(req, c, &es, &n) != 0)
		return -1;
	/* The BOM makes spreadsheets read UTF-8; ';' is what they expect
	 * where the decimal separator is a comma (France). */
	rp_buf_puts(out, "\xef\xbb\xbf");
	for (int i = 0; i < NCOLS; i++) {
		if (i)
			rp_buf_puts(out, ";");
		rp_buf_puts(out, col_name(export_order[i]));
	}
	rp_buf_puts(out, "\r\n");
	for (size_t r = 0; r < n; r++) {
		for (int i = 0; i < NCOLS; i++) {
			if (i)
				rp_buf_puts(out, ";");
			rp_csv_cell(out, col_value(&es[r], export_order[i]), ';');
		}
		rp_buf_puts(out, "\r\n");
	}
	return 0;
}

/* ------------------------------------------------------------- import --- */

struct row {
	size_t		 line;
	const char	*v[RP_PF__COUNT];	/* NULL: column absent */
	const char	*key;			/* siret, or "name key|postcode" */
	struct rp_estab	*target;		/* existing one, or NULL: create */
	bool		 changed;
};

struct index {
	const char	*key;
	struct rp_estab	*e;
};

static int
cmp_index(const void *a, const void *b)
{
	return strcmp(((const struct index *)a)->key, ((const struct index *)b)->key);
}

/* The first entry of a sorted index with this key, or NULL. */
static const struct index *
lookup(const struct index *ix, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(ix[lo].key, key) == 0 ? &ix[lo] : NULL;
}

static const char *
name_postcode(struct rp_arena *a, const char *name, const char *postcode)
{
	return rp_printf(a, "%s|%s", rp_name_key(a, name), postcode);
}

static void
reject(struct rp_req *req, struct rp_import_report *rep, size_t line, const char *field,
    const char *code, const char *reason)
{
	struct rp_import_reject *r;

	/* The report names every rejected row, up to a bound that keeps it
	 * readable; the count goes on. */
	if (rep->nrejected % 64 == 0) {
		struct rp_import_reject *grown = rp_calloc(req->arena, rep->nrejected + 64,
		    sizeof(*grown));
		if (rep->nrejected)
			memcpy(grown, rep->rejected, rep->nrejected * sizeof(*grown));
		rep->rejected = grown;
	}
	r = &rep->rejected[rep->nrejected++];
	r->line = line;
	r->field = field;
	r->code = code;
	r->reason = reason;
}

static char *
trim(struct rp_arena *a, const char *s)
{
	const char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return rp_strndup(a, s, (size_t)(end - s));
}

/* Map the header to columns: known names only, each once, name required.
 * Returns 0, or 1 after rejecting the file. */
static int
read_header(struct rp_req *req, const struct rp_csv_row *h, int *cols,
    struct rp_import_report *rep)
{
	bool seen[NCOLS] = { false };

	for (size_t i = 0; i < h->ncells; i++) {
		const char *name = trim(req->arena, h->cells[i]);
		int col = -1;
		for (int c = 0; c < NCOLS; c++)
			if (strcasecmp(name, col_name(c)) == 0)
				col = c;
		if (col < 0) {
			reject(req, rep, h->line, "file", "unknown_column",
			    "The header names a column that is not a directory field.");
			return 1;
		}
		if (seen[col]) {
			reject(req, rep, h->line, "file", "duplicate_column",
			    "The header names a column twice.");
			return 1;
		}
		seen[col] = true;
		cols[i] = col;
	}
	if (!seen[RP_PF_NAME]) {
		reject(req, rep, h->line, "file", "no_name_column",
		    "The header has no name column.");
		return 1;
	}
	return 0;
}

/* Read, check and match one data row. */
static void
read_row(struct rp_req *req, const struct rp_csv_row *cr, const int *cols,
    size_t ncols, struct row *row, const struct index *by_siret, size_t nsiret,
    const struct index *by_key, size_t nkey, struct rp_import_report *rep)
{
	unsigned editable = req->user->profile_fields;
	const char *why;

	memset(row, 0, sizeof(*row));
	row->line = cr->line;
	if (cr->ncells != ncols) {
		reject(req, rep, cr->line, "file", "column_count",
		    "This row does not have as many cells as the header.");
		return;
	}
	for (size_t i = 0; i < ncols; i++) {
		if (cols[i] >= RP_PF__COUNT)
			continue;
		const char *v = trim(req->arena, rp_csv_unneutralise(cr->cells[i]));
		if ((why = rp_estab_check(cols[i], v)) != NULL) {
			reject(req, rep, cr->line, rp_profile_field_key(cols[i]), "invalid", why);
			return;
		}
		row->v[cols[i]] = v;
	}
	const char *siret = row->v[RP_PF_SIRET] ? row->v[RP_PF_SIRET] : "";
	const char *postcode = row->v[RP_PF_POSTCODE] ? row->v[RP_PF_POSTCODE] : "";
	const char *nk = name_postcode(req->arena, row->v[RP_PF_NAME], postcode);
	const struct index *hit = NULL;
	if (*siret) {
		row->key = siret;
		hit = lookup(by_siret, nsiret, siret);
		/* A SIRET not yet known may complete one recorded without. */
		if (hit == NULL)
			for (const struct index *k = lookup(by_key, nkey, nk);
			    k && k < by_key + nkey && strcmp(k->key, nk) == 0; k++)
				if (*k->e->f[RP_PF_SIRET] == '\0') {
					hit = k;
					break;
				}
	} else {
		row->key = nk;
		hit = lookup(by_key, nkey, nk);
	}
	row->target = hit ? hit->e : NULL;
	/* Fields the caller may not edit must stay as they are. */
	for (int f = 0; f < RP_PF__COUNT; f++) {
		const char *old = row->target ? row->target->f[f] : "";
		if (row->v[f] == NULL || strcmp(row->v[f], old) == 0)
			continue;
		if (!(editable & (1u << f)) && !(f == RP_PF_NAME && row->target == NULL)) {
			reject(req, rep, cr->line, rp_profile_field_key(f), "forbidden_field",
			    "You may not edit this field.");
			return;
		}
		row->changed = true;
	}
	if (row->target && strcmp(row->target->status, "closed") == 0 && row->changed) {
		reject(req, rep, cr->line, "name", "closed",
		    "This establishment is closed; closing is final.");
		return;
	}
}

static int
cmp_rowkey(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Two rows of the file naming the same establishment (same target, or the
 * same key for new ones): the later one is rejected. */
static void
reject_repeats(struct rp_req *req, struct row *rows, size_t n, struct rp_import_report *rep)
{
	struct row **p = rp_calloc(req->arena, n ? n : 1, sizeof(*p));
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (rows[i].key != NULL) {
			if (rows[i].target)
				rows[i].key = rp_printf(req->arena, "#%lld", rows[i].target->id);
			p[k++] = &rows[i];
		}
	qsort(p, k, sizeof(*p), cmp_rowkey);
	for (size_t i = 1; i < k; i++)
		if (strcmp(p[i]->key, p[i - 1]->key) == 0)
			reject(req, rep, p[i]->line, "name", "repeated",
			    "This establishment appears on an earlier line of the file.");
}

static int
cmp_reject(const void *a, const void *b)
{
	const struct rp_import_reject *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

int
rp_directory_import(struct rp_req *req, const struct rp_client *c, const char *text,
    size_t len, struct rp_import_report *rep)
{
	struct rp_csv csv;
	struct rp_estab *es;
	const char *err;
	size_t errline, n;

	memset(rep, 0, sizeof(*rep));
	if (!rp_estabs_may_create(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not import this client's directory.");
	if (rp_csv_parse(req->arena, text, len, RP_IMPORT_MAX_ROWS + 1, NCOLS + 8, 4000,
	    &csv, &err, &errline) != 0) {
		reject(req, rep, errline, "file", "unreadable", err);
		return 1;
	}
	int *cols = rp_calloc(req->arena, csv.rows[0].ncells, sizeof(*cols));
	if (read_header(req, &csv.rows[0], cols, rep) != 0)
		return 1;
	if (whole_directory(req, c, &es, &n) != 0)
		return -1;
	struct index *by_siret = rp_calloc(req->arena, n ? n : 1, sizeof(*by_siret));
	struct index *by_key = rp_calloc(req->arena, n ? n : 1, sizeof(*by_key));
	size_t nsiret = 0;
	for (size_t i = 0; i < n; i++) {
		if (*es[i].f[RP_PF_SIRET])
			by_siret[nsiret++] = (struct index){ es[i].f[RP_PF_SIRET], &es[i] };
		by_key[i] = (struct index){ name_postcode(req->arena, es[i].f[RP_PF_NAME],
		    es[i].f[RP_PF_POSTCODE]), &es[i] };
	}
	qsort(by_siret, nsiret, sizeof(*by_siret), cmp_index);
	qsort(by_key, n, sizeof(*by_key), cmp_index);

	size_t nrows = csv.nrows - 1;
	struct row *rows = rp_calloc(req->arena, nrows ? nrows : 1, sizeof(*rows));
	for (size_t i = 0; i < nrows; i++) {
		size_t before = rep->nrejected;
		read_row(req, &csv.rows[i + 1], cols, csv.rows[0].ncells, &rows[i],
		    by_siret, nsiret, by_key, n, rep);
		if (rep->nrejected != before)
			rows[i].key = NULL;
	}
	reject_repeats(req, rows, nrows, rep);
	for (size_t i = 0; i < nrows; i++) {
		if (rows[i].key == NULL)
			continue;
		if (rows[i].target == NULL)
			rep->created++;
		else if (rows[i].changed)
			rep->updated++;
		else
			rep->unchanged++;
	}
	if (rep->nrejected > 0) {
		qsort(rep->rejected, rep->nrejected, sizeof(*rep->rejected), cmp_reject);
		return 1;
	}

	/* All or nothing: one transaction for the whole file. */
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	for (size_t i = 0; i < nrows; i++) {
		struct row *r = &rows[i];
		struct rp_estab e;
		if (r->target != NULL && !r->changed)
			continue;
		if (r->target != NULL) {
			e = *r->target;
		} else {
			memset(&e, 0, sizeof(e));
			e.firm_id = c->firm_id;
			e.client_id = c->id;
			e.plan = c->plan;
			for (int f = 0; f < RP_PF__COUNT; f++)
				e.f[f] = "";
		}
		for (int f = 0; f < RP_PF__COUNT; f++)
			if (r->v[f] != NULL)
				e.f[f] = r->v[f];
		if (rp_estabs_store(req, &e) != 0)
			goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "created", json_object_new_int64(rep->created));
	rp_jadd(d, "updated", json_object_new_int64(rep->updated));
	rp_jadd(d, "unchanged", json_object_new_int64(rep->unchanged));
	rp_jadd(d, "rows", json_object_new_int64((long long)nrows));
	if (rp_audit(req, "establishment.import", "client", c->id, c->id, d) != 0)
		goto fail;
	if (rp_db_finish(req) != 0)
		return -1;
	rep->applied = true;
	return 0;
fail:
	rp_db_rollback();
	return -1;
}

struct json_object *
rp_import_report_json(const struct rp_import_report *rep)
{
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array();

	rp_jadd(o, "applied", json_object_new_boolean(rep->applied));
	rp_jadd(o, "created", json_object_new_int64(rep->created));
	rp_jadd(o, "updated", json_object_new_int64(rep->updated));
	rp_jadd(o, "unchanged", json_object_new_int64(rep->unchanged));
	for (size_t i = 0; i < rep->nrejected; i++) {
		struct json_object *r = json_object_new_object();
		rp_jadd(r, "line", json_object_new_int64((long long)rep->rejected[i].line));
		rp_jadd(r, "field", json_object_new_string(rep->rejected[i].field));
		rp_jadd(r, "code", json_object_new_string(rep->rejected[i].code));
		rp_jadd(r, "reason", json_object_new_string(rep->rejected[i].reason));
		json_object_array_add(arr, r);
	}
	rp_jadd(o, "rejected", arr);
	return o;
}
