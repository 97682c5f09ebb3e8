/* Imported frameworks: store a validated document, delete an unused one. */
#include <json.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "fwdoc.h"
#include "fwimport.h"
#include "json.h"
#include "request.h"
#include "util.h"

/* A firm's framework may not take a code and version its own catalogue or
 * the platform's already shows: two entries alike in the list would be
 * told apart by nothing. */
static struct rp_stmt q_taken = RP_STMT(
    "SELECT 1 FROM frameworks WHERE code = ? AND version = ?"
    " AND (firm_id IS NULL OR firm_id = ?) LIMIT 1");
static struct rp_stmt q_insert_fw = RP_STMT(
    "INSERT INTO frameworks (firm_id, code, version, name_fr, name_en, publisher, licence,"
    " source_url, summary_fr, summary_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_insert_req = RP_STMT(
    "INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,"
    " title_fr, title_en, summary_fr, summary_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
/* Who owns a framework the caller sees: 0 for the platform. */
static struct rp_stmt q_owner = RP_STMT(
    "SELECT COALESCE(firm_id, 0), code, version FROM frameworks"
    " WHERE id = ? AND (firm_id IS NULL OR firm_id = ?)");
/* The firm's own framework, locked: an adoption waits for the deletion
 * (its foreign key reads this row) or the deletion sees the adoption. */
static struct rp_stmt q_lock = RP_STMT(
    "SELECT id FROM frameworks WHERE id = ? AND firm_id = ? FOR UPDATE");
static struct rp_stmt q_adoptions = RP_STMT(
    "SELECT COUNT(*) FROM client_frameworks cf JOIN frameworks fw ON fw.id = cf.framework_id"
    " WHERE cf.framework_id = ? AND fw.firm_id = ? AND cf.firm_id = fw.firm_id");
/* Children before their parents: requirements.parent_id has no cascade. */
static struct rp_stmt q_delete_reqs = RP_STMT(
    "DELETE FROM requirements WHERE framework_id = ? ORDER BY depth DESC, id DESC");
static struct rp_stmt q_delete_fw = RP_STMT(
    "DELETE FROM frameworks WHERE id = ? AND firm_id = ?");

int
rp_fw_refuse(struct rp_req *req, const struct rp_fw_err *err)
{
	return rp_fail(req, 400, err->code, err->field, err->msg);
}

static int
insert_items(struct rp_req *req, struct rp_fw_doc *doc, long long fw, struct rp_fw_err *err)
{
	long long *ids = rp_calloc(req->arena, doc->nitems, sizeof(*ids));
	struct rp_dbres res;

	for (size_t i = 0; i < doc->nitems; i++) {
		const struct rp_fw_item *it = &doc->items[i];
		struct rp_dbarg a[] = { RP_AINT(fw),
		    it->parent >= 0 ? RP_AINT(ids[it->parent]) : RP_ANULL,
		    RP_ASTR(it->ref), RP_AINT(it->depth), RP_AINT(it->assessable),
		    RP_AINT((long long)i + 1), RP_ASTR(it->title_fr), RP_ASTR(it->title_en),
		    RP_ASTR(it->summary_fr), RP_ASTR(it->summary_en) };
		if (rp_db_exec(req->arena, &q_insert_req, a, RP_NELEM(a), &res) != 0) {
			/* The collation also equates accents ("é" and "e"),
			 * which the validator leaves to the database. */
			if (rp_db_error() != RP_DB_DUPLICATE)
				return rp_db_fail(req);
			rp_fwdoc_fault(req->arena, doc, i, "ref", "duplicate_ref",
			    "This ref is already used by an earlier requirement.", err);
			return rp_fw_refuse(req, err);
		}
		ids[i] = res.insert_id;
	}
	return 0;
}

static int
conflict(struct rp_req *req, struct rp_fw_err *err)
{
	err->field = "code";
	err->code = "framework_exists";
	err->msg = "The catalogue already has a framework with this code and version.";
	err->line = 0;
	err->index = -1;
	err->column = NULL;
	return rp_fail(req, 409, err->code, err->field, err->msg);
}

int
rp_fw_import(struct rp_req *req, struct rp_fw_doc *doc, struct rp_fw_err *err, long long *id)
{
	long long firm = req->user->firm_id, assessable = 0;
	struct rp_dbres res;

	*id = 0;
	if (rp_fwdoc_check(req->arena, doc, err) != 0)
		return rp_fw_refuse(req, err);
	struct rp_dbarg t[] = { RP_ASTR(doc->code), RP_ASTR(doc->version), RP_AINT(firm) };
	if (rp_db_do(req, &q_taken, t, RP_NELEM(t), &res) != 0)
		return -1;
	if (res.nrows > 0)
		return conflict(req, err);
	/* All or nothing: the framework, every requirement and the audit
	 * entry commit together. */
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg f[] = { RP_AINT(firm), RP_ASTR(doc->code), RP_ASTR(doc->version),
	    RP_ASTR(doc->name_fr), RP_ASTR(doc->name_en), RP_ASTR(doc->publisher),
	    RP_ASTR(doc->licence), RP_ASTR(doc->source_url), RP_ASTR(doc->summary_fr),
	    RP_ASTR(doc->summary_en) };
	if (rp_db_exec(req->arena, &q_insert_fw, f, RP_NELEM(f), &res) != 0) {
		/* Another import of the same code and version just won. */
		if (rp_db_error() == RP_DB_DUPLICATE)
			conflict(req, err);
		else
			rp_db_fail(req);
		goto fail;
	}
	*id = res.insert_id;
	if (insert_items(req, doc, *id, err) != 0)
		goto fail;
	for (size_t i = 0; i < doc->nitems; i++)
		assessable += doc->items[i].assessable;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "code", json_object_new_string(doc->code));
	rp_jadd(d, "version", json_object_new_string(doc->version));
	rp_jadd(d, "count", json_object_new_int64((long long)doc->nitems));
	rp_jadd(d, "assessable", json_object_new_int64(assessable));
	if (rp_audit(req, "framework.import", "framework", *id, 0, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	*id = 0;
	return -1;
}

int
rp_fw_adoptions(struct rp_req *req, long long id, long long *n)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(req->user->firm_id) };
	struct rp_dbres res;

	*n = 0;
	if (rp_db_do(req, &q_adoptions, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows == 1 && rp_strtonum(rp_db_cell(&res, 0, 0), 0, 1LL << 53, n) != 0)
		*n = 0;
	return 0;
}

int
rp_fw_delete(struct rp_req *req, long long id)
{
	long long firm = req->user->firm_id, n;
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(firm) };
	struct rp_dbres res;
	const char *code, *version;

	if (rp_db_do(req, &q_owner, a, 2, &res) != 0)
		return -1;
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such framework.");
	/* Visible, but the platform's: no firm removes it. */
	if (rp_strtonum(rp_db_cell(&res, 0, 0), 1, 1LL << 53, &n) != 0)
		return rp_fail(req, 403, "forbidden", NULL,
		    "The platform's frameworks cannot be deleted.");
	code = rp_db_cell(&res, 0, 1);
	version = rp_db_cell(&res, 0, 2);
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_db_do(req, &q_lock, a, 2, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such framework.");
		goto fail;
	}
	if (rp_fw_adoptions(req, id, &n) != 0)
		goto fail;
	if (n > 0) {
		rp_fail(req, 409, "in_use", NULL,
		    "Clients have adopted this framework: it cannot be deleted.");
		goto fail;
	}
	if (rp_db_do(req, &q_delete_reqs, a, 1, NULL) != 0 ||
	    rp_db_do(req, &q_delete_fw, a, 2, NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "code", json_object_new_string(code));
	rp_jadd(d, "version", json_object_new_string(version));
	if (rp_audit(req, "framework.delete", "framework", id, 0, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}
