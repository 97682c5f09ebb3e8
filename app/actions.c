/* The action plan: rules, SQL and the API's action objects. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "actions.h"
#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "enums.h"
#include "input.h"
#include "json.h"
#include "request.h"
#include "resources.h"
#include "util.h"

#define DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* The rule of rp_action_open() and rp_action_overdue(), in SQL. */
#define OPEN(a)	"(" a ".status IN ('todo', 'in_progress'))"
#define OVERDUE(a) "(" OPEN(a) " AND " a ".due_date < CURDATE())"

#define ACTION_COLUMNS \
    "a.id, a.client_id, a.title, a.description, a.owner_id," \
    " COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email)," \
    " DATE_FORMAT(a.due_date, '%Y-%m-%d'), a.priority, a.status, a.progress," \
    " (SELECT GROUP_CONCAT(ar.requirement_id ORDER BY ar.requirement_id)" \
    "  FROM action_requirements ar WHERE ar.action_id = a.id)," \
    " " DATE("a.created_at") ", " DATE("a.updated_at") ", a.created_by," \
    " DATE_FORMAT(CURDATE(), '%Y-%m-%d')," \
    " (SELECT GROUP_CONCAT(ak.risk_id ORDER BY ak.risk_id)" \
    "  FROM action_risks ak WHERE ak.action_id = a.id)," \
    " (SELECT GROUP_CONCAT(ax.resource_id ORDER BY ax.resource_id)" \
    "  FROM action_resources ax WHERE ax.action_id = a.id)" \
    " FROM actions a LEFT JOIN users u ON u.id = a.owner_id"
#define LIST_WHERE \
    " WHERE a.client_id = ? AND a.firm_id = ?" \
    " AND (? = '' OR a.status = ?) AND (? = '' OR a.priority = ?)" \
    " AND (? = '' OR a.title LIKE ?) AND (? = 0 OR a.owner_id = ?)" \
    " AND (? = 0 OR " OVERDUE("a") ") AND (? = 0 OR " OPEN("a") ")"
/* ORDER BY cannot bind a column: the key is a bound value from a fixed
 * list, compared in CASE arms; actions without a due date come last. */
#define SORT_KEY \
    " CASE ? WHEN 'priority' THEN a.priority + 0" \
    "  WHEN 'updated_at' THEN DATE_FORMAT(a.updated_at, '%Y%m%d%H%i%s')" \
    "  ELSE DATE_FORMAT(a.due_date, '%Y%m%d') END"

static struct rp_stmt q_count = RP_STMT("SELECT COUNT(*) FROM actions a" LIST_WHERE);
static struct rp_stmt q_list = RP_STMT(
    "SELECT " ACTION_COLUMNS LIST_WHERE
    " ORDER BY CASE WHEN ? = 'due_date' THEN a.due_date IS NULL ELSE 0 END,"
    " CASE WHEN ? = 'asc' THEN" SORT_KEY " END ASC,"
    " CASE WHEN ? = 'desc' THEN" SORT_KEY " END DESC,"
    " a.due_date IS NULL, a.due_date, a.priority DESC, a.id LIMIT ? OFFSET ?");
static struct rp_stmt q_get = RP_STMT(
    "SELECT " ACTION_COLUMNS " WHERE a.id = ? AND a.client_id = ? AND a.firm_id = ?");
static struct rp_stmt q_client_of = RP_STMT(
    "SELECT client_id FROM actions WHERE id = ? AND firm_id = ?");
/* Today's date is bound, not CURDATE(): a statement calling a clock
 * function is never answered from the query cache. */
static struct rp_stmt q_counts = RP_STMT(
    "SELECT COALESCE(SUM(" OPEN("a") "), 0), COALESCE(SUM(a.status = 'done'), 0),"
    " COALESCE(SUM(" OPEN("a") " AND a.due_date < CAST(? AS DATE)), 0)"
    " FROM actions a WHERE a.client_id = ? AND a.firm_id = ?");
/* Every write first locks its client's row: writes to one client's plan
 * take turns, so the count below is always right. */
static struct rp_stmt q_open_count = RP_STMT(
    "UPDATE clients c SET open_actions = (SELECT COUNT(*) FROM actions a"
    " WHERE a.client_id = c.id AND " OPEN("a") ") WHERE c.id = ? AND c.firm_id = ?");
static struct rp_stmt q_current = RP_STMT(
    "SELECT title, description, owner_id, DATE_FORMAT(due_date, '%Y-%m-%d'), priority,"
    " status, progress, (SELECT GROUP_CONCAT(ar.requirement_id ORDER BY ar.requirement_id)"
    "  FROM action_requirements ar WHERE ar.action_id = a.id),"
    " (SELECT GROUP_CONCAT(ak.risk_id ORDER BY ak.risk_id)"
    "  FROM action_risks ak WHERE ak.action_id = a.id),"
    " (SELECT GROUP_CONCAT(ax.resource_id ORDER BY ax.resource_id)"
    "  FROM action_resources ax WHERE ax.action_id = a.id)"
    " FROM actions a WHERE a.id = ? AND a.client_id = ? AND a.firm_id = ? FOR UPDATE");
/* An owner is an active user of the firm on the client's vCISO team. */
static struct rp_stmt q_owner_ok = RP_STMT(
    "SELECT 1 FROM users u JOIN client_vcisos v ON v.user_id = u.id"
    " WHERE u.id = ? AND u.firm_id = ? AND u.active = 1 AND v.client_id = ? AND v.firm_id = ?");
/* A requirement to link: assessable, of a framework the client adopted. */
static struct rp_stmt q_req_ok = RP_STMT(
    "SELECT 1 FROM requirements r JOIN client_frameworks cf ON cf.framework_id = r.framework_id"
    " WHERE r.id = ? AND r.assessable = 1 AND cf.client_id = ? AND cf.firm_id = ?");
/* A risk to link: one of the client's. */
static struct rp_stmt q_risk_ok = RP_STMT(
    "SELECT 1 FROM risks WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_risks_clear = RP_STMT(
    "DELETE FROM action_risks WHERE action_id = ? AND firm_id = ?");
static struct rp_stmt q_risk_link = RP_STMT(
    "INSERT INTO action_risks (action_id, risk_id, firm_id, client_id) VALUES (?, ?, ?, ?)");
static struct rp_stmt q_res_clear = RP_STMT(
    "DELETE FROM action_resources WHERE action_id = ? AND firm_id = ?");
static struct rp_stmt q_res_link = RP_STMT(
    "INSERT INTO action_resources (action_id, resource_id, firm_id, client_id)"
    " VALUES (?, ?, ?, ?)");
static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO actions (firm_id, client_id, title, description, owner_id, due_date,"
    " priority, status, progress, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE actions SET title = ?, description = ?, owner_id = ?, due_date = ?, priority = ?,"
    " status = ?, progress = ? WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_delete = RP_STMT(
    "DELETE FROM actions WHERE id = ? AND client_id = ? AND firm_id = ?");
static struct rp_stmt q_links_clear = RP_STMT(
    "DELETE FROM action_requirements WHERE action_id = ? AND firm_id = ?");
static struct rp_stmt q_link = RP_STMT(
    "INSERT INTO action_requirements (action_id, requirement_id, firm_id, client_id)"
    " VALUES (?, ?, ?, ?)");
/* Links an action may hold, at most. */
#define MAX_LINKS 200

/* ------------------------------------------------------------ the rules --- */

bool
rp_action_date_valid(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long long y, m, d;
	char buf[5];

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	memcpy(buf, s, 4);
	buf[4] = '\0';
	rp_strtonum(buf, 0, 9999, &y);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

bool
rp_action_open(const char *status)
{
	return status != NULL && (strcmp(status, "todo") == 0 ||
	    strcmp(status, "in_progress") == 0);
}

bool
rp_action_overdue(const char *due, const char *status, const char *today)
{
	/* YYYY-MM-DD strings compare as their dates do. */
	return due != NULL && *due != '\0' && today != NULL && rp_action_open(status) &&
	    strcmp(due, today) < 0;
}

/* ------------------------------------------------------------- reading --- */

static struct json_object *
action_json(const struct rp_req *req, char **r)
{
	struct json_object *o = json_object_new_object();
	size_t n;
	long long *reqs = rp_ids_parse(req->arena, r[10], &n);

	rp_jadd(o, "id", json_object_new_int64(rp_cell_num(r[0])));
	rp_jadd(o, "client_id", json_object_new_int64(rp_cell_num(r[1])));
	rp_jadd(o, "title", json_object_new_string(r[2]));
	rp_jadd(o, "description", json_object_new_string(r[3]));
	rp_jadd(o, "owner_id", r[4] ? json_object_new_int64(rp_cell_num(r[4])) : NULL);
	rp_jadd(o, "owner_name", r[5] ? json_object_new_string(r[5]) : NULL);
	rp_jadd(o, "due_date", r[6] ? json_object_new_string(r[6]) : NULL);
	rp_jadd(o, "priority", json_object_new_string(r[7]));
	rp_jadd(o, "status", json_object_new_string(r[8]));
	rp_jadd(o, "progress", json_object_new_int((int)rp_cell_num(r[9])));
	rp_jadd(o, "overdue",
	    json_object_new_boolean(rp_action_overdue(r[6], r[8], r[14])));
	size_t nrisks;
	long long *risks = rp_ids_parse(req->arena, r[15], &nrisks);
	size_t nres;
	long long *res = rp_ids_parse(req->arena, r[16], &nres);
	rp_jadd(o, "risk_ids", rp_json_ids(risks, nrisks));
	rp_jadd(o, "requirement_ids", rp_json_ids(reqs, n));
	rp_jadd(o, "resource_ids", rp_json_ids(res, nres));
	rp_jadd(o, "created_at", json_object_new_string(r[11]));
	rp_jadd(o, "updated_at", json_object_new_string(r[12]));
	rp_jadd(o, "created_by", r[13] ? json_object_new_int64(rp_cell_num(r[13])) : NULL);
	return o;
}

static const char *const sort_keys[] = { "due_date", "priority", "updated_at" };

int
rp_actions_filter(struct rp_req *req, struct rp_action_filter *f, bool strict)
{
	memset(f, 0, sizeof(*f));
	/* Without a direction: the nearest due date, the highest priority,
	 * the latest change first. */
	if (rp_query_search(req, "q", &f->q) != 0 ||
	    rp_query_enum(req, "status", &rp_action_statuses, strict, &f->status) != 0 ||
	    rp_query_enum(req, "priority", &rp_action_priorities, strict, &f->priority) != 0 ||
	    rp_query_flag(req, "mine", strict, &f->mine) != 0 ||
	    rp_query_flag(req, "overdue", strict, &f->overdue) != 0 ||
	    rp_query_sort(req, sort_keys, RP_NELEM(sort_keys), 0x6, strict, &f->sort,
	    &f->desc) != 0)
		return -1;
	return 0;
}

struct json_object *
rp_actions_list(struct rp_req *req, const struct rp_client *c,
    const struct rp_action_filter *f, long long limit, long long offset, long long *total)
{
	const char *dir = f->desc ? "desc" : "asc";
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id),
	    RP_ASTR(f->status ? f->status : ""), RP_ASTR(f->status ? f->status : ""),
	    RP_ASTR(f->priority ? f->priority : ""), RP_ASTR(f->priority ? f->priority : ""),
	    RP_ASTR(f->q ? f->q : ""), RP_ASTR(rp_like_pattern(req->arena, f->q)),
	    RP_AINT(f->mine), RP_AINT(req->user->id), RP_AINT(f->overdue), RP_AINT(f->open),
	    RP_ASTR(f->sort), RP_ASTR(dir), RP_ASTR(f->sort), RP_ASTR(dir), RP_ASTR(f->sort),
	    RP_AINT(limit), RP_AINT(offset) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_count, a, 12, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, &q_list, a, RP_NELEM(a), &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, action_json(req, res.rows[i]));
	return arr;
}

int
rp_action_client(struct rp_req *req, long long id, struct rp_client *c)
{
	return rp_clients_owner(req, &q_client_of, id, "No such action.", c);
}

struct json_object *
rp_action_get(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_get, a, 3, &res) != 0)
		return NULL;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such action.");
		return NULL;
	}
	return action_json(req, res.rows[0]);
}

const char *
rp_actions_today(struct rp_req *req)
{
	struct tm tm;
	time_t t = time(NULL);
	char *today = rp_alloc(req->arena, 16);

	strftime(today, 16, "%Y-%m-%d", gmtime_r(&t, &tm));
	return today;
}

void
rp_actions_counts_part(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	struct rp_dbarg a[] = { RP_ASTR(rp_actions_today(req)), RP_AINT(c->id),
	    RP_AINT(c->firm_id) };

	*p = (struct rp_db_part){ &q_counts, rp_db_args(req, a, RP_NELEM(a)), RP_NELEM(a), { 0 } };
}

int
rp_actions_counts(struct rp_req *req, const struct rp_client *c, long long *open,
    long long *done, long long *overdue)
{
	struct rp_db_part p;

	rp_actions_counts_part(req, c, &p);
	if (rp_db_part_do(req, &p) != 0)
		return -1;
	rp_actions_counts_of(&p.res, open, done, overdue);
	return 0;
}

void
rp_actions_counts_of(const struct rp_dbres *res, long long *open, long long *done,
    long long *overdue)
{
	*open = *done = *overdue = 0;
	if (res->nrows == 0)
		return;
	*open = rp_cell_num(res->rows[0][0]);
	*done = rp_cell_num(res->rows[0][1]);
	*overdue = rp_cell_num(res->rows[0][2]);
}

struct json_object *
rp_actions_figures_json(long long open, long long done, long long overdue)
{
	struct json_object *o = json_object_new_object();

	rp_jadd(o, "open", json_object_new_int64(open));
	rp_jadd(o, "done", json_object_new_int64(done));
	rp_jadd(o, "overdue", json_object_new_int64(overdue));
	return o;
}

/* ------------------------------------------------------------- writing --- */

/* The fields of a create or a change, as read and validated. */
struct fields {
	const char	*title, *description, *priority, *status, *due;
	long long	 owner, progress;
	bool		 has_owner, has_due, has_progress, has_reqs, has_risks, has_res;
	long long	*reqs;
	size_t		 nreqs;
	long long	*risks;
	size_t		 nrisks;
	long long	*res;
	size_t		 nres;
};

static const char *const known[] = { "title", "description", "owner_id", "due_date",
	"priority", "status", "progress", "requirement_ids", "risk_ids", "resource_ids" };

/* A date YYYY-MM-DD, or null (JSON null, an empty form field) to clear it:
 * *has tells whether the field was sent. Returns 0 or -1. */
static int
in_date(struct rp_req *req, const char *name, bool *has, const char **out)
{
	struct json_object *v;
	const char *s;

	*has = false;
	*out = NULL;
	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, name, &v))
			return 0;
		*has = true;
		if (v == NULL)
			return 0;
		if (!json_object_is_type(v, json_type_string))
			return rp_fail(req, 400, "invalid", name, "Give a date as YYYY-MM-DD.");
		s = json_object_get_string(v);
	} else {
		if ((s = rp_param(&req->form, name)) == NULL)
			return 0;
		*has = true;
		if (*s == '\0')
			return 0;
	}
	if (!rp_action_date_valid(s))
		return rp_fail(req, 400, "invalid", name, "Give a date as YYYY-MM-DD.");
	*out = s;
	return 0;
}

static int
read_fields(struct rp_req *req, bool create, struct fields *f)
{
	const char *bad;
	bool isnull;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((bad = rp_in_unknown(req, known, RP_NELEM(known))) != NULL)
		return rp_fail(req, 400, "unknown_field", bad, "This field is not known.");
	if (rp_in_text(req, "title", 200, create, &f->title) < 0)
		return -1;
	/* A blank (or null) description clears it: rp_in_lines refuses "". */
	if (rp_in_blank(req, "description"))
		f->description = "";
	else if (rp_in_lines(req, "description", 10000, false, &f->description) < 0)
		return -1;
	if ((rc = rp_in_int(req, "owner_id", 1, 1LL << 53, &isnull, &f->owner)) < 0)
		return -1;
	f->has_owner = rc > 0;
	if (isnull)
		f->owner = 0;
	if (in_date(req, "due_date", &f->has_due, &f->due) < 0 ||
	    rp_in_enum(req, "priority", &rp_action_priorities, false, &f->priority) < 0 ||
	    rp_in_enum(req, "status", &rp_action_statuses, false, &f->status) < 0)
		return -1;
	if ((rc = rp_in_int(req, "progress", 0, 100, &isnull, &f->progress)) < 0)
		return -1;
	if (rc > 0 && isnull)
		return rp_fail(req, 400, "required", "progress", "Give a progress from 0 to 100.");
	f->has_progress = rc > 0;
	if ((rc = rp_in_links(req, "requirement_ids", MAX_LINKS, &f->reqs, &f->nreqs)) < 0)
		return -1;
	f->has_reqs = rc > 0;
	if ((rc = rp_in_links(req, "risk_ids", MAX_LINKS, &f->risks, &f->nrisks)) < 0)
		return -1;
	f->has_risks = rc > 0;
	if ((rc = rp_in_links(req, "resource_ids", MAX_LINKS, &f->res, &f->nres)) < 0)
		return -1;
	f->has_res = rc > 0;
	return 0;
}

/* The owner and the requirements named by the request belong to c. */
static int
check_links(struct rp_req *req, const struct rp_client *c, const struct fields *f)
{
	struct rp_dbres res;

	if (f->has_owner && f->owner != 0) {
		struct rp_dbarg a[] = { RP_AINT(f->owner), RP_AINT(req->user->firm_id),
		    RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_owner_ok, a, RP_NELEM(a), &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 400, "invalid", "owner_id",
			    "The owner must be an active vCISO of this client.");
	}
	/* A risk of another client (or firm) is "not found", as anywhere. */
	for (size_t i = 0; f->has_risks && i < f->nrisks; i++) {
		struct rp_dbarg a[] = { RP_AINT(f->risks[i]), RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_risk_ok, a, RP_NELEM(a), &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 404, "not_found", "risk_ids", "No such risk.");
	}
	if (f->has_res && rp_resources_check(req, c, f->res, f->nres, "resource_ids") != 0)
		return -1;
	for (size_t i = 0; f->has_reqs && i < f->nreqs; i++) {
		struct rp_dbarg a[] = { RP_AINT(f->reqs[i]), RP_AINT(c->id), RP_AINT(c->firm_id) };
		if (rp_db_do(req, &q_req_ok, a, RP_NELEM(a), &res) != 0)
			return -1;
		if (res.nrows == 0)
			return rp_fail(req, 400, "invalid", "requirement_ids",
			    "Link only requirements of the frameworks this client adopted.");
	}
	return 0;
}

static int
recount(struct rp_req *req, const struct rp_client *c)
{
	struct rp_dbarg a[] = { RP_AINT(c->id), RP_AINT(c->firm_id) };

	return rp_db_do(req, &q_open_count, a, 2, NULL);
}

/* The action row of a create, inside the caller's transaction (the
 * client's row locked): *id gets it. 0 or -1. */
static int
insert_row(struct rp_req *req, const struct rp_client *c, const char *title, const char *desc,
    long long owner, const char *due, const char *priority, const char *status,
    long long progress, long long *id)
{
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->id), RP_ASTR(title),
	    RP_ASTR(desc), owner ? RP_AINT(owner) : RP_ANULL, RP_ASTR(due),
	    RP_ASTR(priority), RP_ASTR(status), RP_AINT(progress), RP_AINT(req->user->id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_insert, a, RP_NELEM(a), &res) != 0)
		return -1;
	*id = res.insert_id;
	return 0;
}

int
rp_actions_insert(struct rp_req *req, const struct rp_client *c, const char *title,
    const char *description, const char *priority, const char *due, long long owner,
    struct json_object *details, long long *id)
{
	struct json_object *d = details ? details : json_object_new_object();

	if (rp_clients_lock(req, c) != 0 || insert_row(req, c, title, description, owner, due,
	    priority, "todo", 0, id) != 0 || recount(req, c) != 0) {
		json_object_put(d);
		return -1;
	}
	rp_jadd(d, "title", json_object_new_string(title));
	rp_jadd(d, "priority", json_object_new_string(priority));
	rp_jadd(d, "status", json_object_new_string("todo"));
	rp_jadd(d, "owner_id", owner ? json_object_new_int64(owner) : NULL);
	rp_jadd(d, "due_date", due ? json_object_new_string(due) : NULL);
	return rp_audit(req, "action.create", "action", *id, c->id, d);
}

int
rp_actions_create(struct rp_req *req, const struct rp_client *c, long long *id)
{
	struct fields f;

	if (read_fields(req, true, &f) != 0)
		return -1;
	const char *status = f.status ? f.status : "todo";
	const char *priority = f.priority ? f.priority : "medium";
	const char *desc = f.description ? f.description : "";
	/* A done action is done entirely. */
	long long progress = strcmp(status, "done") == 0 ? 100 : f.has_progress ? f.progress : 0;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_clients_lock(req, c) != 0 || check_links(req, c, &f) != 0)
		goto fail;
	if (insert_row(req, c, f.title, desc, f.owner, f.due, priority, status, progress,
	    id) != 0)
		goto fail;
	if (rp_db_links(req, &q_links_clear, &q_link, *id, f.reqs, f.nreqs, c->firm_id,
	    c->id) != 0 ||
	    rp_db_links(req, &q_risks_clear, &q_risk_link, *id, f.risks, f.nrisks, c->firm_id,
	    c->id) != 0 ||
	    rp_db_links(req, &q_res_clear, &q_res_link, *id, f.res, f.nres, c->firm_id,
	    c->id) != 0 || recount(req, c) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "title", json_object_new_string(f.title));
	rp_jadd(d, "priority", json_object_new_string(priority));
	rp_jadd(d, "status", json_object_new_string(status));
	rp_jadd(d, "progress", json_object_new_int((int)progress));
	rp_jadd(d, "owner_id", f.owner ? json_object_new_int64(f.owner) : NULL);
	rp_jadd(d, "due_date", f.due ? json_object_new_string(f.due) : NULL);
	if (f.nreqs)
		rp_jadd(d, "requirement_ids", rp_json_ids(f.reqs, f.nreqs));
	if (f.nrisks)
		rp_jadd(d, "risk_ids", rp_json_ids(f.risks, f.nrisks));
	if (f.nres)
		rp_jadd(d, "resource_ids", rp_json_ids(f.res, f.nres));
	if (rp_audit(req, "action.create", "action", *id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

static void
note_int(struct json_object *d, const char *field, long long from, long long to, bool nullable)
{
	struct json_object *ch;

	if (from == to)
		return;
	ch = json_object_new_object();
	rp_jadd(ch, "from", nullable && from == 0 ? NULL : json_object_new_int64(from));
	rp_jadd(ch, "to", nullable && to == 0 ? NULL : json_object_new_int64(to));
	json_object_object_add(d, field, ch);
}

int
rp_actions_update(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct fields f;
	struct rp_dbres res;

	if (read_fields(req, false, &f) != 0)
		return -1;
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_clients_lock(req, c) != 0 || rp_db_do(req, &q_current, k, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such action.");
		goto fail;
	}
	if (check_links(req, c, &f) != 0)
		goto fail;
	char **old = res.rows[0];
	size_t nold;
	long long *old_reqs = rp_ids_parse(req->arena, old[7], &nold);
	size_t nold_risks;
	long long *old_risks = rp_ids_parse(req->arena, old[8], &nold_risks);
	const char *title = f.title ? f.title : old[0];
	const char *desc = f.description ? f.description : old[1];
	long long owner = f.has_owner ? f.owner : rp_cell_num(old[2]);
	const char *due = f.has_due ? f.due : old[3];
	const char *priority = f.priority ? f.priority : old[4];
	const char *status = f.status ? f.status : old[5];
	long long progress = f.has_progress ? f.progress : rp_cell_num(old[6]);
	if (strcmp(status, "done") == 0)
		progress = 100;
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "title", old[0], title);
	if (strcmp(old[1], desc) != 0)
		rp_jadd(d, "description", json_object_new_string(desc));
	note_int(d, "owner_id", rp_cell_num(old[2]), owner, true);
	rp_audit_change(d, "due_date", old[3], due);
	rp_audit_change(d, "priority", old[4], priority);
	rp_audit_change(d, "status", old[5], status);
	note_int(d, "progress", rp_cell_num(old[6]), progress, false);
	bool links = f.has_reqs &&
	    rp_audit_ids(d, "requirement_ids", old_reqs, nold, f.reqs, f.nreqs);
	bool risk_links = f.has_risks &&
	    rp_audit_ids(d, "risk_ids", old_risks, nold_risks, f.risks, f.nrisks);
	size_t nold_res;
	long long *old_res = rp_ids_parse(req->arena, old[9], &nold_res);
	bool res_links = f.has_res &&
	    rp_audit_ids(d, "resource_ids", old_res, nold_res, f.res, f.nres);
	/* Nothing changed: nothing to write or record. */
	if (json_object_object_length(d) == 0) {
		json_object_put(d);
		rp_db_rollback();
		return 0;
	}
	struct rp_dbarg a[] = { RP_ASTR(title), RP_ASTR(desc), owner ? RP_AINT(owner) : RP_ANULL,
	    RP_ASTR(due), RP_ASTR(priority), RP_ASTR(status), RP_AINT(progress), RP_AINT(id),
	    RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_db_do(req, &q_update, a, RP_NELEM(a), NULL) != 0 ||
	    (links && rp_db_links(req, &q_links_clear, &q_link, id, f.reqs, f.nreqs, c->firm_id,
	    c->id) != 0) ||
	    (risk_links && rp_db_links(req, &q_risks_clear, &q_risk_link, id, f.risks, f.nrisks,
	    c->firm_id, c->id) != 0) ||
	    (res_links && rp_db_links(req, &q_res_clear, &q_res_link, id, f.res, f.nres,
	    c->firm_id, c->id) != 0) ||
	    (strcmp(status, old[5]) != 0 && recount(req, c) != 0)) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "action.update", "action", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

int
rp_actions_delete(struct rp_req *req, const struct rp_client *c, long long id)
{
	struct rp_dbres res;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg k[] = { RP_AINT(id), RP_AINT(c->id), RP_AINT(c->firm_id) };
	if (rp_clients_lock(req, c) != 0 || rp_db_do(req, &q_current, k, 3, &res) != 0)
		goto fail;
	if (res.nrows != 1) {
		rp_fail(req, 404, "not_found", NULL, "No such action.");
		goto fail;
	}
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "title", json_object_new_string(res.rows[0][0]));
	rp_jadd(d, "status", json_object_new_string(res.rows[0][5]));
	if (rp_db_do(req, &q_delete, k, 3, NULL) != 0 || recount(req, c) != 0) {
		json_object_put(d);
		goto fail;
	}
	if (rp_audit(req, "action.delete", "action", id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* ------------------------------------------------------------- exports --- */

/* The columns of the action plan's CSV and XLSX (app/export.h). */
static const struct rp_col action_cols[] = {
	{ "id", RP_COL_INT, "Lang.export.col.id", NULL },
	{ "title", RP_COL_TEXT, "Lang.export.col.title", NULL },
	{ "description", RP_COL_TEXT, "Lang.export.col.description", NULL },
	{ "owner_id", RP_COL_INT, "Lang.export.col.owner_id", NULL },
	{ "owner_name", RP_COL_TEXT, "Lang.export.col.owner_name", NULL },
	{ "due_date", RP_COL_DATE, "Lang.export.col.due_date", NULL },
	{ "priority", RP_COL_TEXT, "Lang.export.col.priority", NULL },
	{ "status", RP_COL_TEXT, "Lang.export.col.status", NULL },
	{ "progress", RP_COL_INT, "Lang.export.col.progress", NULL },
	{ "overdue", RP_COL_BOOL, "Lang.export.col.overdue", NULL },
	{ "requirement_ids", RP_COL_LIST, "Lang.export.col.requirement_ids", " " },
};
static const struct rp_table action_table = { "actions", action_cols, RP_NELEM(action_cols) };

int
rp_actions_export(struct rp_req *req, const struct rp_client *c, const struct rp_action_filter *f,
    enum rp_export_format fmt)
{
	long long total;
	struct json_object *items = rp_actions_list(req, c, f, 10000, 0, &total);

	if (items == NULL)
		return -1;
	int rc = rp_export_send(req, &action_table, items, fmt, rp_printf(req->arena, "%lld",
	    c->id));
	json_object_put(items);
	return rc;
}
