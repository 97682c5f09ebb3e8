/* Establishments of a client: scope, profile rights, status, plan, merge. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "estab-keys.h"
#include "establishments.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "scans.h"
#include "scope.h"
#include "usage-answers.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* Profile fields in the order of enum rp_profile_field. */
#define ESTAB_COLUMNS \
    "e.id, e.firm_id, e.client_id, c.name, e.name, COALESCE(e.siret, ''), e.address," \
    " e.postcode, e.city, e.country, e.phone, e.website, e.sector," \
    " COALESCE(e.headcount, ''), e.security_contact, e.status, e.plan," \
    " COALESCE(e.merged_into, 0), " DATE("e.merged_at") ", " DATE("e.created_at") "," \
    " " DATE("e.updated_at")
#define ESTAB_FROM \
    " FROM establishments e JOIN clients c ON c.id = e.client_id AND c.firm_id = e.firm_id"

static struct rp_stmt q_get = RP_STMT(
    "SELECT " ESTAB_COLUMNS ESTAB_FROM " WHERE e.id = ? AND" RP_SCOPE_ESTAB("e"));
#define LIST_WHERE \
    " WHERE e.client_id = ? AND e.merged_into IS NULL AND" RP_SCOPE_ESTAB("e") \
    " AND (? = '' OR e.name LIKE ? OR e.city LIKE ? OR e.siret LIKE ?)" \
    " AND (? = '' OR e.status = ?)"
static struct rp_stmt q_count = RP_STMT(
    "SELECT COUNT(*) FROM establishments e" LIST_WHERE);
static struct rp_stmt q_list = RP_STMT(
    "SELECT " ESTAB_COLUMNS ESTAB_FROM LIST_WHERE " ORDER BY e.name, e.id LIMIT ? OFFSET ?");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO establishments (firm_id, client_id, name, name_key, siret, address,"
    " postcode, city, country, phone, website, sector, headcount, security_contact, plan)"
    " VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?)");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE establishments SET name = ?, name_key = ?, siret = NULLIF(?, ''), address = ?,"
    " postcode = ?, city = ?, country = ?, phone = ?, website = ?, sector = ?,"
    " headcount = NULLIF(?, ''), security_contact = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_status = RP_STMT(
    "UPDATE establishments SET status = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_plan = RP_STMT(
    "UPDATE establishments SET plan = ? WHERE id = ? AND firm_id = ?");
static struct rp_stmt q_merge_mark = RP_STMT(
    "UPDATE establishments SET merged_into = ?, merged_at = NOW()"
    " WHERE id = ? AND firm_id = ? AND merged_into IS NULL");
static struct rp_stmt q_merge_assign = RP_STMT(
    "INSERT IGNORE INTO user_establishments (user_id, establishment_id, firm_id)"
    " SELECT user_id, ?, firm_id FROM user_establishments"
    " WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_merge_unassign = RP_STMT(
    "DELETE FROM user_establishments WHERE establishment_id = ? AND firm_id = ?");
static struct rp_stmt q_merge_suggestions = RP_STMT(
    "UPDATE establishment_suggestions SET establishment_id = ?"
    " WHERE establishment_id = ? AND firm_id = ? AND status = 'pending'");
/* Groups of live establishments sharing a SIRET, or a name key and a
 * postcode; the group key is the last column. */
static struct rp_stmt q_dups = RP_STMT(
    "SELECT " ESTAB_COLUMNS ", 'siret', e.siret" ESTAB_FROM
    " JOIN (SELECT siret FROM establishments WHERE client_id = ? AND firm_id = ?"
    "  AND merged_into IS NULL AND siret IS NOT NULL GROUP BY siret HAVING COUNT(*) > 1) d"
    " ON d.siret = e.siret"
    " WHERE e.client_id = ? AND e.merged_into IS NULL AND" RP_SCOPE_ESTAB("e")
    " UNION ALL "
    "SELECT " ESTAB_COLUMNS ", 'name_postcode', CONCAT(e.name_key, '|', e.postcode)" ESTAB_FROM
    " JOIN (SELECT name_key, postcode FROM establishments WHERE client_id = ? AND firm_id = ?"
    "  AND merged_into IS NULL AND name_key <> '' GROUP BY name_key, postcode"
    "  HAVING COUNT(*) > 1) d ON d.name_key = e.name_key AND d.postcode = e.postcode"
    " WHERE e.client_id = ? AND e.merged_into IS NULL AND" RP_SCOPE_ESTAB("e")
    " ORDER BY 22, 23, 5, 1");
static struct rp_stmt q_removed = RP_STMT(
    "SELECT " ESTAB_COLUMNS ESTAB_FROM
    " WHERE e.client_id = ? AND e.merged_into IS NOT NULL AND" RP_SCOPE_ESTAB("e")
    " ORDER BY e.merged_at DESC, e.id DESC LIMIT 200");

/* Longest value of each profile field, in characters. */
static const size_t field_max[RP_PF__COUNT] = {
	[RP_PF_NAME] = 200, [RP_PF_SIRET] = 14, [RP_PF_ADDRESS] = 200,
	[RP_PF_POSTCODE] = 10, [RP_PF_CITY] = 200, [RP_PF_COUNTRY] = 100,
	[RP_PF_PHONE] = 40, [RP_PF_WEBSITE] = 200, [RP_PF_SECTOR] = 200,
	[RP_PF_HEADCOUNT] = 8, [RP_PF_SECURITY_CONTACT] = 200,
};

static void
fill(struct rp_estab *e, char **row)
{
	rp_strtonum(row[0], 1, INT64_MAX, &e->id);
	rp_strtonum(row[1], 1, INT64_MAX, &e->firm_id);
	rp_strtonum(row[2], 1, INT64_MAX, &e->client_id);
	e->client_name = row[3];
	for (int i = 0; i < RP_PF__COUNT; i++)
		e->f[i] = row[4 + i] ? row[4 + i] : "";
	e->status = row[15];
	e->plan = row[16];
	rp_strtonum(row[17], 0, INT64_MAX, &e->merged_into);
	e->merged_at = row[18];
	e->created_at = row[19];
	e->updated_at = row[20];
}

static int
fetch(struct rp_req *req, struct rp_stmt *st, struct rp_dbarg *a, size_t n,
    struct rp_estab **out, size_t *count)
{
	struct rp_dbres res;

	if (rp_db_do(req, st, a, n, &res) != 0)
		return -1;
	*out = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++)
		fill(&(*out)[i], res.rows[i]);
	*count = res.nrows;
	return 0;
}

int
rp_estabs_get(struct rp_req *req, long long id, struct rp_estab *out)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS] = { RP_AINT(id) };
	struct rp_estab *e;
	size_t n;

	rp_scope_args(req, a + 1);
	if (fetch(req, &q_get, a, RP_NELEM(a), &e, &n) != 0)
		return -1;
	if (n != 1)
		return 0;
	*out = e[0];
	return 1;
}

int
rp_estabs_filter(struct rp_req *req, struct rp_estab_filter *f, bool strict)
{
	const char *s = rp_query(req, "status");

	f->q = rp_query(req, "q");
	f->status = NULL;
	if (f->q != NULL && strlen(f->q) > 200)
		return rp_fail(req, 400, "too_long", "q", "The search is too long.");
	if (s != NULL && *s != '\0') {
		int i = rp_enum_parse(&rp_estab_statuses, s);
		if (i < 0 && strict)
			return rp_fail(req, 400, "invalid", "status",
			    "This filter value is not one of the choices.");
		f->status = rp_enum_key(&rp_estab_statuses, i);
	}
	return 0;
}

int
rp_estabs_list(struct rp_req *req, const struct rp_client *c,
    const struct rp_estab_filter *f, long long limit, long long offset,
    struct rp_estab **out, size_t *n, long long *total)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS + 6 + 2];
	struct rp_dbres res;
	const char *like = rp_like_pattern(req->arena, f->q);
	size_t k = 0;

	a[k++] = RP_AINT(c->id);
	k += rp_scope_args(req, a + k);
	a[k++] = RP_ASTR(f->q ? f->q : "");
	a[k++] = RP_ASTR(like);
	a[k++] = RP_ASTR(like);
	a[k++] = RP_ASTR(like);
	a[k++] = RP_ASTR(f->status ? f->status : "");
	a[k++] = RP_ASTR(f->status ? f->status : "");
	if (rp_db_do(req, &q_count, a, k, &res) != 0)
		return -1;
	rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, total);
	a[k++] = RP_AINT(limit);
	a[k++] = RP_AINT(offset);
	return fetch(req, &q_list, a, k, out, n);
}

bool
rp_estabs_may_create(const struct rp_req *req, const struct rp_client *c)
{
	return req->user->role != RP_ROLE_ESTABLISHMENT_MANAGER && c->full &&
	    rp_clients_may_edit(req, c);
}

static bool
only_chars(const char *s, const char *allowed)
{
	return s[strspn(s, allowed)] == '\0';
}

static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

const char *
rp_estab_check(int field, const char *v)
{
	long long x;

	if (field < 0 || field >= RP_PF__COUNT)
		return "This field is not known.";
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "This field must be a single line of text.";
	if (utf8_chars(v) > field_max[field])
		return "This value is too long.";
	if (*v == '\0')
		return field == RP_PF_NAME ? "The name is required." : NULL;
	switch (field) {
	case RP_PF_SIRET:
		if (!rp_siret_valid(v))
			return "A SIRET is 14 digits with a valid check digit.";
		break;
	case RP_PF_HEADCOUNT:
		if (rp_strtonum(v, 0, 10000000, &x) != 0)
			return "The headcount is a whole number from 0 to 10,000,000.";
		break;
	case RP_PF_PHONE:
		if (!only_chars(v, "0123456789 +.-()"))
			return "A phone number holds digits, spaces and + . - ( ) only.";
		break;
	case RP_PF_WEBSITE:
		if (strpbrk(v, " \t<>\"'") != NULL)
			return "A website address holds no spaces or quotes.";
		break;
	}
	return NULL;
}

/* Field `pf` of the request, trimmed and checked: 1 present (*out, "" to
 * clear), 0 absent, -1 after a 400 naming it. */
static int
field_in(struct rp_req *req, int pf, const char **out)
{
	const char *name = rp_profile_field_key(pf), *why;
	struct json_object *v;
	int rc;

	*out = NULL;
	if (req->json != NULL && json_object_object_get_ex(req->json, name, &v)) {
		if (v == NULL) {
			*out = "";
			return 1;
		}
		/* The headcount is a number in JSON, as the API answers it. */
		if (pf == RP_PF_HEADCOUNT) {
			if (!json_object_is_type(v, json_type_int))
				return rp_fail(req, 400, "invalid", name,
				    "The headcount is a whole number or null.");
			*out = rp_printf(req->arena, "%lld", (long long)json_object_get_int64(v));
			goto check;
		}
	}
	if ((rc = rp_in_text0(req, name, 1000, out)) <= 0)
		return rc;
check:
	if ((why = rp_estab_check(pf, *out)) != NULL)
		return rp_fail(req, 400, **out || pf != RP_PF_NAME ? "invalid" : "required",
		    name, why);
	return 1;
}

/* Fields that are not profile fields, and where they change instead. */
static const struct {
	const char	*key;
	const char	*msg;
} not_profile[] = {
	{ "status", "Change the status through the status actions." },
	{ "plan", "Change the plan through the plan change." },
	{ "client_id", "An establishment stays with its client." },
	{ "id", "The id cannot change." },
	{ "merged_into", "Merge through the duplicates." },
};

/* Every field named by the request must be a profile field the caller may
 * edit (403 naming it); `allow_plan` lets "plan" through (creation). */
static int
check_keys(struct rp_req *req, unsigned editable, bool allow_plan)
{
	const char *keys[RP_MAX_PARAMS];
	size_t n = 0;

	if (req->json != NULL) {
		json_object_object_foreach(req->json, k, v) {
			(void)v;
			if (n < RP_NELEM(keys))
				keys[n++] = k;
		}
	} else {
		for (size_t i = 0; i < req->form.n && n < RP_NELEM(keys); i++)
			keys[n++] = req->form.v[i].key;
	}
	for (size_t i = 0; i < n; i++) {
		const char *k = keys[i];
		int pf = rp_profile_field_parse(k);
		size_t len = strlen(k);
		if (!req->json && (strcmp(k, "csrf_token") == 0 ||
		    (len > 8 && strcmp(k + len - 8, "_present") == 0)))
			continue;
		if (pf >= 0) {
			if (!(editable & (1u << pf)))
				return rp_fail(req, 403, "forbidden_field", k,
				    "You may not edit this field.");
			continue;
		}
		if (allow_plan && strcmp(k, "plan") == 0)
			continue;
		for (size_t j = 0; j < RP_NELEM(not_profile); j++)
			if (strcmp(k, not_profile[j].key) == 0)
				return rp_fail(req, 403, "forbidden_field", k,
				    not_profile[j].msg);
		return rp_fail(req, 400, "unknown_field", k, "This field is not known.");
	}
	return 0;
}

int
rp_estabs_store(struct rp_req *req, struct rp_estab *e)
{
	struct rp_dbarg a[16];
	struct rp_dbres res;
	size_t k = 0;

	if (e->id == 0) {
		a[k++] = RP_AINT(e->firm_id);
		a[k++] = RP_AINT(e->client_id);
	}
	a[k++] = RP_ASTR(e->f[RP_PF_NAME]);
	a[k++] = RP_ASTR(rp_name_key(req->arena, e->f[RP_PF_NAME]));
	for (int i = RP_PF_SIRET; i < RP_PF__COUNT; i++)
		a[k++] = RP_ASTR(e->f[i]);
	if (e->id == 0) {
		a[k++] = RP_ASTR(e->plan);
		if (rp_db_do(req, &q_insert, a, k, &res) != 0)
			return -1;
		e->id = res.insert_id;
		return 0;
	}
	a[k++] = RP_AINT(e->id);
	a[k++] = RP_AINT(e->firm_id);
	return rp_db_do(req, &q_update, a, k, NULL);
}

int
rp_estabs_create(struct rp_req *req, const struct rp_client *c, long long *id)
{
	const struct rp_user *me = req->user;
	struct rp_estab e;
	const char *plan, *v;

	if (!rp_estabs_may_create(req, c))
		return rp_fail(req, 403, "forbidden", NULL,
		    "You may not create establishments for this client.");
	/* The name is what creates an establishment; other fields need the
	 * right to edit them. */
	if (check_keys(req, me->profile_fields | (1u << RP_PF_NAME), true) != 0)
		return -1;
	memset(&e, 0, sizeof(e));
	e.firm_id = me->firm_id;
	e.client_id = c->id;
	for (int i = 0; i < RP_PF__COUNT; i++) {
		int rc = field_in(req, i, &v);
		if (rc < 0)
			return -1;
		e.f[i] = rc ? v : "";
	}
	if (*e.f[RP_PF_NAME] == '\0')
		return rp_fail(req, 400, "required", "name", "The name is required.");
	if (rp_in_enum(req, "plan", &rp_plans, false, &plan) < 0)
		return -1;
	if (plan != NULL && !(me->features & RP_FEAT_BIT(RP_FEAT_PLAN)))
		return rp_fail(req, 403, "forbidden", "plan",
		    "Choosing the plan needs the plan feature.");
	e.plan = plan ? plan : c->plan;
	e.status = "active";
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_estabs_store(req, &e) != 0)
		goto fail;
	*id = e.id;
	struct json_object *d = json_object_new_object();
	for (int i = 0; i < RP_PF__COUNT; i++)
		if (*e.f[i])
			json_object_object_add(d, rp_profile_field_key(i),
			    json_object_new_string(e.f[i]));
	rp_jadd(d, "plan", json_object_new_string(e.plan));
	if (rp_audit(req, "establishment.create", "establishment", e.id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* Merged and closed establishments are history: they do not change. */
static int
changeable(struct rp_req *req, const struct rp_estab *e)
{
	if (e->merged_into)
		return rp_fail(req, 409, "merged", NULL,
		    "This establishment was merged into another one.");
	if (strcmp(e->status, "closed") == 0)
		return rp_fail(req, 409, "closed", NULL,
		    "This establishment is closed; closing is final.");
	return 0;
}

int
rp_estabs_update(struct rp_req *req, const struct rp_estab *old)
{
	struct rp_estab e = *old;
	const char *v;
	bool any = false;

	if (check_keys(req, req->user->profile_fields, false) != 0 ||
	    changeable(req, old) != 0)
		return -1;
	for (int i = 0; i < RP_PF__COUNT; i++) {
		int rc = field_in(req, i, &v);
		if (rc < 0)
			return -1;
		if (rc) {
			e.f[i] = v;
			any = true;
		}
	}
	if (!any)
		return 0;
	if (*e.f[RP_PF_NAME] == '\0')
		return rp_fail(req, 400, "required", "name", "The name is required.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_estabs_store(req, &e) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	for (int i = 0; i < RP_PF__COUNT; i++)
		rp_audit_change(d, rp_profile_field_key(i), old->f[i], e.f[i]);
	if (rp_audit(req, "establishment.update", "establishment", e.id, e.client_id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* The status machine (SPEC §1): closed is final. */
static const struct {
	const char	*action;
	const char	*from[3];
	const char	*to;
} transitions[] = {
	{ "cancel",	{ "active" },				"cancelled" },
	{ "close",	{ "active", "cancelled", "deactivated" },	"closed" },
	{ "deactivate",	{ "active" },				"deactivated" },
	{ "reactivate",	{ "cancelled", "deactivated" },		"active" },
};

const char *
rp_estabs_transition(const char *action, const char *from)
{
	for (size_t i = 0; i < RP_NELEM(transitions); i++) {
		if (strcmp(transitions[i].action, action) != 0)
			continue;
		for (size_t j = 0; j < RP_NELEM(transitions[i].from); j++)
			if (transitions[i].from[j] && strcmp(transitions[i].from[j], from) == 0)
				return transitions[i].to;
	}
	return NULL;
}

int
rp_estabs_status(struct rp_req *req, const struct rp_estab *e)
{
	const char *action, *to;

	if (rp_in_enum(req, "action", &rp_estab_actions, true, &action) < 0 ||
	    changeable(req, e) != 0)
		return -1;
	if ((to = rp_estabs_transition(action, e->status)) == NULL)
		return rp_fail(req, 409, "invalid_transition", "action",
		    "This action does not apply to the establishment's current status.");
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_ASTR(to), RP_AINT(e->id), RP_AINT(e->firm_id) };
	if (rp_db_do(req, &q_status, a, RP_NELEM(a), NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "action", json_object_new_string(action));
	rp_audit_change(d, "status", e->status, to);
	if (rp_audit(req, "establishment.status", "establishment", e->id, e->client_id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_estabs_plan(struct rp_req *req, const struct rp_estab *e)
{
	const char *plan;

	if (rp_in_enum(req, "plan", &rp_plans, true, &plan) < 0 || changeable(req, e) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg a[] = { RP_ASTR(plan), RP_AINT(e->id), RP_AINT(e->firm_id) };
	if (rp_db_do(req, &q_plan, a, RP_NELEM(a), NULL) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "plan", e->plan, plan);
	if (rp_audit(req, "establishment.plan", "establishment", e->id, e->client_id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_estabs_merge(struct rp_req *req, const struct rp_estab *e, long long *survivor)
{
	struct rp_estab s;
	long long into;
	bool isnull;
	int rc;

	if ((rc = rp_in_int(req, "into", 1, 1LL << 53, &isnull, &into)) < 0)
		return -1;
	if (rc == 0 || isnull)
		return rp_fail(req, 400, "required", "into",
		    "Name the establishment to keep.");
	if (into == e->id)
		return rp_fail(req, 400, "invalid", "into",
		    "An establishment cannot be merged into itself.");
	if ((rc = rp_estabs_get(req, into, &s)) < 0)
		return -1;
	if (rc == 0)
		return rp_fail(req, 404, "not_found", "into", "No such establishment.");
	if (s.client_id != e->client_id)
		return rp_fail(req, 400, "invalid", "into",
		    "Both establishments must belong to the same client.");
	if (e->merged_into || s.merged_into)
		return rp_fail(req, 409, "merged", "into",
		    "One of these establishments was already merged.");
	/* The survivor keeps its values and takes the duplicate's where it
	 * has none. */
	struct json_object *d = json_object_new_object(), *filled =
	    json_object_new_array();
	for (int i = 0; i < RP_PF__COUNT; i++)
		if (*s.f[i] == '\0' && *e->f[i] != '\0') {
			s.f[i] = e->f[i];
			json_object_array_add(filled, json_object_new_string(
			    rp_profile_field_key(i)));
		}
	rp_jadd(d, "into", json_object_new_int64(s.id));
	rp_jadd(d, "filled", filled);
	if (rp_db_begin() != 0) {
		json_object_put(d);
		return rp_db_fail(req);
	}
	struct rp_dbarg mv[] = { RP_AINT(s.id), RP_AINT(e->id), RP_AINT(e->firm_id) };
	struct rp_dbarg un[] = { RP_AINT(e->id), RP_AINT(e->firm_id) };
	struct rp_dbres res;
	if (rp_estabs_store(req, &s) != 0 ||
	    rp_db_do(req, &q_merge_assign, mv, 3, NULL) != 0 ||
	    rp_db_do(req, &q_merge_unassign, un, 2, NULL) != 0 ||
	    rp_db_do(req, &q_merge_suggestions, mv, 3, NULL) != 0 ||
	    rp_scans_merge(req, e->firm_id, e->id, s.id) != 0 ||
	    rp_usage_merge(req, s.id, e->id, e->firm_id) != 0 ||
	    rp_db_do(req, &q_merge_mark, mv, 3, &res) != 0)
		goto fail;
	if (res.affected != 1) {
		rp_fail(req, 409, "merged", NULL, "This establishment was already merged.");
		goto fail;
	}
	if (rp_audit(req, "establishment.merge", "establishment", e->id, e->client_id, d) != 0) {
		d = NULL;
		goto fail;
	}
	d = NULL;
	*survivor = s.id;
	return rp_db_finish(req);
fail:
	if (d)
		json_object_put(d);
	rp_db_rollback();
	return -1;
}

int
rp_estabs_duplicates(struct rp_req *req, const struct rp_client *c,
    struct rp_dup_group **groups, size_t *ngroups)
{
	struct rp_dbarg a[2 * (3 + RP_SCOPE_NARGS)];
	struct rp_dbres res;
	size_t k = 0;

	for (int half = 0; half < 2; half++) {
		a[k++] = RP_AINT(c->id);
		a[k++] = RP_AINT(c->firm_id);
		a[k++] = RP_AINT(c->id);
		k += rp_scope_args(req, a + k);
	}
	if (rp_db_do(req, &q_dups, a, k, &res) != 0)
		return -1;
	*groups = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(**groups));
	*ngroups = 0;
	/* Rows come ordered by reason and key: cut them into groups, keeping
	 * those where the caller sees at least two. */
	for (size_t i = 0; i < res.nrows;) {
		size_t j = i;
		while (j < res.nrows && strcmp(res.rows[j][21], res.rows[i][21]) == 0 &&
		    strcmp(res.rows[j][22], res.rows[i][22]) == 0)
			j++;
		if (j - i >= 2) {
			struct rp_dup_group *g = &(*groups)[(*ngroups)++];
			g->reason = res.rows[i][21];
			g->n = j - i;
			g->items = rp_calloc(req->arena, g->n, sizeof(*g->items));
			for (size_t x = 0; x < g->n; x++)
				fill(&g->items[x], res.rows[i + x]);
		}
		i = j;
	}
	return 0;
}

int
rp_estabs_removed(struct rp_req *req, const struct rp_client *c,
    struct rp_estab **out, size_t *n)
{
	struct rp_dbarg a[1 + RP_SCOPE_NARGS] = { RP_AINT(c->id) };

	rp_scope_args(req, a + 1);
	return fetch(req, &q_removed, a, RP_NELEM(a), out, n);
}

struct json_object *
rp_estab_json(const struct rp_req *req, const struct rp_estab *e)
{
	struct json_object *o = json_object_new_object();
	bool read = req->user->features & RP_FEAT_BIT(RP_FEAT_PROFILE_READ);

	rp_jadd(o, "id", json_object_new_int64(e->id));
	rp_jadd(o, "client_id", json_object_new_int64(e->client_id));
	rp_jadd(o, "client_name", json_object_new_string(e->client_name));
	for (int i = 0; i < RP_PF__COUNT; i++) {
		const char *k = rp_profile_field_key(i), *v = e->f[i];
		if (i != RP_PF_NAME && !read)
			continue;
		if (i == RP_PF_HEADCOUNT)
			json_object_object_add(o, k, *v ? json_object_new_int64(
			    strtoll(v, NULL, 10)) : NULL);
		else if (i == RP_PF_SIRET)
			json_object_object_add(o, k, *v ? json_object_new_string(v) : NULL);
		else
			json_object_object_add(o, k, json_object_new_string(v));
	}
	rp_jadd(o, "status", json_object_new_string(e->status));
	rp_jadd(o, "plan", json_object_new_string(e->plan));
	rp_jadd(o, "merged_into", e->merged_into ?
	    json_object_new_int64(e->merged_into) : NULL);
	if (e->merged_at)
		rp_jadd(o, "merged_at", json_object_new_string(e->merged_at));
	rp_jadd(o, "created_at", json_object_new_string(e->created_at));
	rp_jadd(o, "updated_at", json_object_new_string(e->updated_at));
	return o;
}
