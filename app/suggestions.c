/* Profile suggestions: proposed by readers, decided by editors. */
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "db.h"
#include "establishments.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "scope.h"
#include "suggestions.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
#define SUGG_COLUMNS \
    "s.id, s.establishment_id, s.client_id, s.field, s.value, s.status," \
    " COALESCE(s.by_user_id, 0), COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email, '')," \
    " COALESCE(s.decided_by, 0), " DATE("s.created_at") ", " DATE("s.decided_at")
#define SUGG_FROM \
    " FROM establishment_suggestions s LEFT JOIN users u ON u.id = s.by_user_id" \
    " JOIN establishments e ON e.id = s.establishment_id AND e.firm_id = s.firm_id"

static struct rp_stmt q_list = RP_STMT(
    "SELECT " SUGG_COLUMNS SUGG_FROM " WHERE s.establishment_id = ? AND" RP_SCOPE_ESTAB("e")
    " ORDER BY s.status = 'pending' DESC, s.id DESC LIMIT 200");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " SUGG_COLUMNS SUGG_FROM " WHERE s.id = ? AND" RP_SCOPE_ESTAB("e"));
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO establishment_suggestions (firm_id, client_id, establishment_id, field,"
    " value, by_user_id) VALUES (?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_decide = RP_STMT(
    "UPDATE establishment_suggestions SET status = ?, decided_by = ?, decided_at = NOW()"
    " WHERE id = ? AND firm_id = ? AND status = 'pending'");

static void
fill(struct rp_suggestion *s, char **row)
{
	rp_strtonum(row[0], 1, INT64_MAX, &s->id);
	rp_strtonum(row[1], 1, INT64_MAX, &s->establishment_id);
	rp_strtonum(row[2], 1, INT64_MAX, &s->client_id);
	s->field = row[3];
	s->value = row[4];
	s->status = row[5];
	rp_strtonum(row[6], 0, INT64_MAX, &s->by_user_id);
	s->by_name = row[7];
	rp_strtonum(row[8], 0, INT64_MAX, &s->decided_by);
	s->created_at = row[9];
	s->decided_at = row[10];
}

int
rp_suggestions_list(struct rp_req *req, const struct rp_estab *e,
    struct rp_suggestion **out, size_t *n)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS] = { RP_AINT(e->id) };
	struct rp_dbres res;

	rp_scope_args(req, a + 1);
	if (rp_db_do(req, &q_list, a, RP_NELEM(a), &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++)
		fill(&(*out)[i], res.rows[i]);
	*n = res.nrows;
	return 0;
}

int
rp_suggestions_get(struct rp_req *req, long long id, struct rp_suggestion *out)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS] = { RP_AINT(id) };
	struct rp_dbres res;

	rp_scope_args(req, a + 1);
	if (rp_db_do(req, &q_get, a, RP_NELEM(a), &res) != 0)
		return -1;
	if (res.nrows != 1)
		return 0;
	fill(out, res.rows[0]);
	return 1;
}

int
rp_suggestions_create(struct rp_req *req, const struct rp_estab *e, long long *id)
{
	const char *field, *value, *why;
	struct rp_dbres res;
	int pf;

	if (rp_in_text(req, "field", 32, true, &field) < 0)
		return -1;
	if ((pf = rp_profile_field_parse(field)) < 0)
		return rp_fail(req, 400, "invalid", "field", "This is not a profile field.");
	/* Editing a field takes the feature and the field's right. */
	if ((req->user->features & RP_FEAT_BIT(RP_FEAT_PROFILE_EDIT)) &&
	    (req->user->profile_fields & (1u << pf)))
		return rp_fail(req, 409, "edit_directly", "field",
		    "You may edit this field: change it directly.");
	if (e->merged_into || strcmp(e->status, "closed") == 0)
		return rp_fail(req, 409, "closed", NULL,
		    "This establishment no longer changes.");
	if (rp_in_text0(req, "value", 1000, &value) < 0)
		return -1;
	if (value == NULL)
		return rp_fail(req, 400, "required", "value", "This field is required.");
	if ((why = rp_estab_check(pf, value)) != NULL)
		return rp_fail(req, 400, "invalid", "value", why);
	if (strcmp(value, e->f[pf]) == 0)
		return rp_fail(req, 400, "unchanged", "value",
		    "This is already the field's value.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_AINT(e->firm_id), RP_AINT(e->client_id), RP_AINT(e->id),
	    RP_ASTR(rp_profile_field_key(pf)), RP_ASTR(value), RP_AINT(req->user->id) };
	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		goto fail;
	*id = res.insert_id;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(e->id));
	rp_jadd(d, "field", json_object_new_string(field));
	rp_jadd(d, "value", json_object_new_string(value));
	if (rp_audit(req, "suggestion.create", "suggestion", *id, e->client_id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_suggestions_decide(struct rp_req *req, const struct rp_suggestion *s, bool accept)
{
	int pf = rp_profile_field_parse(s->field), found;
	struct rp_estab e;
	struct rp_dbres res;

	if (pf < 0 || !(req->user->profile_fields & (1u << pf)))
		return rp_fail(req, 403, "forbidden_field", s->field ? "field" : NULL,
		    "You may not edit this field, so you may not decide on it.");
	if (strcmp(s->status, "pending") != 0)
		return rp_fail(req, 409, "decided", NULL, "This suggestion was already decided.");
	if ((found = rp_estabs_get(req, s->establishment_id, &e)) <= 0)
		return found < 0 ? -1 : rp_fail(req, 404, "not_found", NULL,
		    "No such suggestion.");
	if (accept && (e.merged_into || strcmp(e.status, "closed") == 0))
		return rp_fail(req, 409, "closed", NULL, "This establishment no longer changes.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_ASTR(accept ? "accepted" : "rejected"),
	    RP_AINT(req->user->id), RP_AINT(s->id), RP_AINT(req->user->firm_id) };
	if (rp_db_do(req, &q_decide, a, RP_NELEM(a), &res) != 0)
		goto fail;
	if (res.affected != 1) {
		rp_fail(req, 409, "decided", NULL, "This suggestion was already decided.");
		goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "establishment_id", json_object_new_int64(e.id));
	rp_jadd(d, "field", json_object_new_string(s->field));
	if (accept) {
		struct json_object *c = json_object_new_object();
		rp_jadd(c, "from", json_object_new_string(e.f[pf]));
		rp_jadd(c, "to", json_object_new_string(s->value));
		rp_jadd(d, "change", c);
		e.f[pf] = s->value;
		if (rp_estabs_store(req, &e) != 0) {
			json_object_put(d);
			goto fail;
		}
	}
	if (rp_audit(req, accept ? "suggestion.accept" : "suggestion.reject",
	    "suggestion", s->id, s->client_id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

struct json_object *
rp_suggestion_json(const struct rp_suggestion *s)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "id", json_object_new_int64(s->id));
	rp_jadd(o, "establishment_id", json_object_new_int64(s->establishment_id));
	rp_jadd(o, "field", json_object_new_string(s->field));
	rp_jadd(o, "value", json_object_new_string(s->value));
	rp_jadd(o, "status", json_object_new_string(s->status));
	rp_jadd(o, "by_user_id", s->by_user_id ?
	    json_object_new_int64(s->by_user_id) : NULL);
	rp_jadd(o, "by_name", json_object_new_string(s->by_name));
	rp_jadd(o, "created_at", json_object_new_string(s->created_at));
	rp_jadd(o, "decided_by", s->decided_by ?
	    json_object_new_int64(s->decided_by) : NULL);
	rp_jadd(o, "decided_at", s->decided_at ?
	    json_object_new_string(s->decided_at) : NULL);
	return o;
}
