/* MariaDB access: one connection per worker, prepared statements only. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mysql.h>
#include <errmsg.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "sqlunion.h"
#include "json.h"
#include "log.h"
#include "request.h"
#include "response.h"

static const struct rp_config *cfg;
static MYSQL *conn;
static struct rp_stmt *prepared;	/* statements prepared on conn */
static bool in_tx;
static enum rp_db_error last_error;
static char last_message[512];

/* Session settings of every connection: UTC, strict input. Fixed text. */
static const char init_sql[] =
    "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
    "NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

void
rp_db_setup(const struct rp_config *c)
{
	cfg = c;
}

static bool batch;

void
rp_db_batch(void)
{
	batch = true;
}

static bool
is_connection_error(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == 1927 /* ER_CONNECTION_KILLED */ || e == 4031 ||
	    e == 1053 /* ER_SERVER_SHUTDOWN */ || e == CR_COMMANDS_OUT_OF_SYNC;
}

static int
record(enum rp_db_error kind, unsigned code, const char *msg)
{
	last_error = kind;
	snprintf(last_message, sizeof(last_message), "%u: %s", code,
	    msg ? msg : "?");
	return -1;
}

void
rp_db_close(void)
{
	struct rp_stmt *s, *next;

	/* Statements die with their connection: forget them all. */
	for (s = prepared; s != NULL; s = next) {
		next = s->next;
		if (s->handle)
			mysql_stmt_close(s->handle);
		s->handle = NULL;
		s->next = NULL;
	}
	prepared = NULL;
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_tx = false;
}

int
rp_db_connect(void)
{
	unsigned int ct, rt, wt;
	my_bool no = 0;
	MYSQL *m;

	if (conn != NULL)
		return 0;
	if (cfg == NULL)
		return record(RP_DB_DOWN, 0, "database not configured");
	if ((m = mysql_init(NULL)) == NULL)
		return record(RP_DB_DOWN, 0, "mysql_init failed");
	ct = (unsigned)cfg->db_connect_timeout;
	/* 0: no time limit (a migration may rewrite a large table). */
	rt = batch ? 0 : (unsigned)cfg->db_read_timeout;
	wt = batch ? 0 : (unsigned)cfg->db_write_timeout;
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &rt);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &wt);
	/* Never the library's reconnect: it silently drops statements and the
	 * open transaction. We reconnect ourselves, knowingly. */
	mysql_options(m, MYSQL_OPT_RECONNECT, &no);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_INIT_COMMAND, init_sql);
	if (mysql_real_connect(m, cfg->db_host[0] ? cfg->db_host : NULL,
	    cfg->db_user, cfg->db_password, cfg->db_name,
	    (unsigned)cfg->db_port, cfg->db_host[0] ? NULL : cfg->db_socket,
	    0) == NULL) {
		record(RP_DB_DOWN, mysql_errno(m), mysql_error(m));
		rp_warn("database connection failed: %s", last_message);
		mysql_close(m);
		return -1;
	}
	conn = m;
	return 0;
}

static int
prepare(struct rp_stmt *s)
{
	MYSQL_STMT *st;
	my_bool on = 1;

	if (s->handle != NULL)
		return 0;
	if ((st = mysql_stmt_init(conn)) == NULL)
		return record(RP_DB_FAILED, mysql_errno(conn), mysql_error(conn));
	if (mysql_stmt_prepare(st, s->sql, (unsigned long)strlen(s->sql)) != 0) {
		unsigned e = mysql_stmt_errno(st);

		record(is_connection_error(e) ? RP_DB_DOWN : RP_DB_FAILED, e,
		    mysql_stmt_error(st));
		mysql_stmt_close(st);
		if (last_error == RP_DB_FAILED)
			rp_err("prepare failed (%s): %.200s", last_message, s->sql);
		return -1;
	}
	/* Lets store_result compute column widths, so buffers fit exactly. */
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	s->handle = st;
	s->next = prepared;
	prepared = s;
	return 0;
}

static int
stmt_fail(MYSQL_STMT *st, const char *sql)
{
	unsigned e = mysql_stmt_errno(st);

	if (is_connection_error(e))
		return record(RP_DB_DOWN, e, mysql_stmt_error(st));
	if (e == 1062 /* ER_DUP_ENTRY */)
		return record(RP_DB_DUPLICATE, e, mysql_stmt_error(st));
	/* A delete that other rows still point to: the caller's checks
	 * missed a use, which is a conflict, not a crash. */
	if (e == 1451 /* ER_ROW_IS_REFERENCED_2 */) {
		rp_err("statement refused by a foreign key (%s): %.200s",
		    mysql_stmt_error(st), sql);
		return record(RP_DB_REFERENCED, e, mysql_stmt_error(st));
	}
	record(RP_DB_FAILED, e, mysql_stmt_error(st));
	rp_err("statement failed (%s): %.200s", last_message, sql);
	return -1;
}

static int
run(struct rp_arena *a, struct rp_stmt *s, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res)
{
	MYSQL_STMT *st;
	MYSQL_BIND *pb = NULL, *rb;
	MYSQL_RES *meta;
	MYSQL_FIELD *fields;
	unsigned long *lens;
	my_bool *nulls;
	size_t ncols;
	int rc;

	if (rp_db_connect() != 0 || prepare(s) != 0)
		return -1;
	st = s->handle;
	if (mysql_stmt_param_count(st) != nargs) {
		rp_err("statement wants %lu arguments, got %zu: %.200s",
		    mysql_stmt_param_count(st), nargs, s->sql);
		return record(RP_DB_FAILED, 0, "argument count");
	}
	if (nargs > 0) {
		pb = rp_calloc(a, nargs, sizeof(*pb));
		for (size_t i = 0; i < nargs; i++) {
			switch (args[i].type) {
			case RP_DB_INT:
				pb[i].buffer_type = MYSQL_TYPE_LONGLONG;
				pb[i].buffer = (void *)(uintptr_t)&args[i].i;
				break;
			case RP_DB_STR:
				pb[i].buffer_type = MYSQL_TYPE_STRING;
				pb[i].buffer = (void *)(uintptr_t)args[i].s;
				pb[i].buffer_length = (unsigned long)args[i].len;
				break;
			case RP_DB_NULL:
				pb[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
		}
		if (mysql_stmt_bind_param(st, pb) != 0)
			return stmt_fail(st, s->sql);
	}
	if (mysql_stmt_execute(st) != 0)
		return stmt_fail(st, s->sql);
	if (res != NULL)
		memset(res, 0, sizeof(*res));
	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		if (res != NULL) {
			res->affected = (long long)mysql_stmt_affected_rows(st);
			res->insert_id = (long long)mysql_stmt_insert_id(st);
		}
		return 0;
	}
	rc = -1;
	if (mysql_stmt_store_result(st) != 0) {
		stmt_fail(st, s->sql);
		goto out;
	}
	ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	rb = rp_calloc(a, ncols, sizeof(*rb));
	lens = rp_calloc(a, ncols, sizeof(*lens));
	nulls = rp_calloc(a, ncols, sizeof(*nulls));
	for (size_t c = 0; c < ncols; c++) {
		rb[c].buffer_type = MYSQL_TYPE_STRING;
		rb[c].buffer_length = fields[c].max_length + 1;
		rb[c].buffer = rp_alloc(a, rb[c].buffer_length);
		rb[c].length = &lens[c];
		rb[c].is_null = &nulls[c];
	}
	if (mysql_stmt_bind_result(st, rb) != 0) {
		stmt_fail(st, s->sql);
		goto out;
	}
	size_t nrows = (size_t)mysql_stmt_num_rows(st), r = 0;
	char ***rows = rp_calloc(a, nrows ? nrows : 1, sizeof(*rows));
	int f;
	while ((f = mysql_stmt_fetch(st)) == 0 || f == MYSQL_DATA_TRUNCATED) {
		if (r == nrows)
			break;
		rows[r] = rp_calloc(a, ncols, sizeof(char *));
		for (size_t c = 0; c < ncols; c++)
			rows[r][c] = nulls[c] ? NULL :
			    rp_strndup(a, rb[c].buffer, lens[c]);
		r++;
	}
	if (f == 1) {
		stmt_fail(st, s->sql);
		goto out;
	}
	if (res != NULL) {
		res->nrows = r;
		res->ncols = ncols;
		res->rows = rows;
	}
	rc = 0;
out:
	/* Always drain, so the connection is never left mid-result. */
	mysql_stmt_free_result(st);
	mysql_free_result(meta);
	return rc;
}

int
rp_db_exec(struct rp_arena *a, struct rp_stmt *s, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res)
{
	bool reading = strncasecmp(s->sql, "SELECT", 6) == 0;
	bool had_connection = conn != NULL;

	last_error = RP_DB_OK;
	if (run(a, s, args, nargs, res) == 0)
		return 0;
	if (last_error != RP_DB_DOWN)
		return -1;
	/* Could not even connect: a second try now would fail the same way. */
	if (!had_connection) {
		rp_db_close();
		return -1;
	}
	/* The connection is gone (server restarted, idle kill...). A write may
	 * already have happened, and a transaction is lost: only a read outside
	 * a transaction is retried, once, on a new connection. */
	bool was_tx = in_tx;
	rp_db_close();
	if (was_tx || !reading)
		return -1;
	last_error = RP_DB_OK;
	if (run(a, s, args, nargs, res) == 0)
		return 0;
	if (last_error == RP_DB_DOWN)
		rp_db_close();
	return -1;
}

enum rp_db_error
rp_db_error(void)
{
	return last_error;
}

const char *
rp_db_message(void)
{
	return last_message;
}

const char *
rp_db_cell(const struct rp_dbres *res, size_t row, size_t col)
{
	if (res == NULL || row >= res->nrows || col >= res->ncols)
		return NULL;
	return res->rows[row][col];
}

int
rp_db_begin(void)
{
	if (in_tx) {
		rp_err("nested transaction refused");
		return record(RP_DB_FAILED, 0, "nested transaction");
	}
	if (rp_db_connect() != 0)
		return -1;
	if (mysql_autocommit(conn, 0) != 0) {
		unsigned e = mysql_errno(conn);

		record(is_connection_error(e) ? RP_DB_DOWN : RP_DB_FAILED, e,
		    mysql_error(conn));
		rp_db_close();
		return -1;
	}
	in_tx = true;
	return 0;
}

int
rp_db_commit(void)
{
	if (!in_tx || conn == NULL)
		return record(RP_DB_FAILED, 0, "commit outside a transaction");
	if (mysql_commit(conn) != 0) {
		unsigned e = mysql_errno(conn);

		record(is_connection_error(e) ? RP_DB_DOWN : RP_DB_FAILED, e,
		    mysql_error(conn));
		rp_db_close();
		return -1;
	}
	in_tx = false;
	if (mysql_autocommit(conn, 1) != 0) {
		rp_db_close();
	}
	return 0;
}

void
rp_db_rollback(void)
{
	if (!in_tx || conn == NULL) {
		in_tx = false;
		return;
	}
	in_tx = false;
	if (mysql_rollback(conn) != 0 || mysql_autocommit(conn, 1) != 0)
		rp_db_close();
}

int
rp_db_finish(struct rp_req *req)
{
	if (rp_db_commit() == 0)
		return 0;
	rp_db_fail(req);
	rp_db_rollback();
	return -1;
}

bool
rp_db_in_transaction(void)
{
	return in_tx;
}

int
rp_db_fail(struct rp_req *req)
{
	switch (last_error) {
	case RP_DB_DOWN:
		rp_resp_header(req, "Retry-After", "5");
		return rp_fail(req, 503, "unavailable", NULL,
		    "The database is unavailable; try again in a moment.");
	case RP_DB_DUPLICATE:
		return rp_fail(req, 409, "conflict", NULL,
		    "This conflicts with an existing record.");
	case RP_DB_REFERENCED:
		return rp_fail(req, 409, "in_use", NULL,
		    "Other records still use this one.");
	default:
		return rp_fail(req, 500, "internal", NULL,
		    "Something went wrong; it has been logged.");
	}
}

int
rp_db_do(struct rp_req *req, struct rp_stmt *st, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res)
{
	return rp_db_exec(req->arena, st, args, nargs, res) == 0 ? 0 :
	    rp_db_fail(req);
}

int
rp_db_union(struct rp_req *req, struct rp_db_union *u, struct rp_db_part *parts, size_t n)
{
	size_t nargs = 0, count[RP_DB_UNION_MAX] = { 0 };
	struct rp_dbres all;

	if (n == 0 || n > RP_DB_UNION_MAX)
		goto bad;
	if (u->stmt.sql == NULL) {
		const char *sqls[RP_DB_UNION_MAX];
		for (size_t k = 0; k < n; k++) {
			sqls[k] = parts[k].stmt->sql;
			u->parts[k] = parts[k].stmt;
		}
		if ((u->stmt.sql = rp_sql_union(sqls, n, u->first, u->ncols)) == NULL)
			goto bad;
		u->n = n;
	}
	if (u->n != n)
		goto bad;
	for (size_t k = 0; k < n; k++) {
		if (u->parts[k] != parts[k].stmt)
			goto bad;
		nargs += parts[k].nargs;
	}
	struct rp_dbarg *args = rp_calloc(req->arena, nargs ? nargs : 1, sizeof(*args));
	for (size_t k = 0, j = 0; k < n; k++)
		for (size_t i = 0; i < parts[k].nargs; i++)
			args[j++] = parts[k].args[i];
	if (rp_db_do(req, &u->stmt, args, nargs, &all) != 0)
		return -1;
	for (size_t r = 0; r < all.nrows; r++) {
		long long k = rp_cell_num(all.rows[r][0]);
		if (k < 0 || (size_t)k >= n)
			goto bad;
		count[k]++;
	}
	for (size_t k = 0; k < n; k++) {
		memset(&parts[k].res, 0, sizeof(parts[k].res));
		parts[k].res.ncols = u->ncols[k];
		parts[k].res.rows = rp_calloc(req->arena, count[k] ? count[k] : 1, sizeof(char **));
	}
	for (size_t r = 0; r < all.nrows; r++) {
		struct rp_db_part *p = &parts[rp_cell_num(all.rows[r][0])];
		p->res.rows[p->res.nrows++] = all.rows[r] + u->first[p - parts];
	}
	return 0;
bad:
	rp_err("rp_db_union: %zu parts that cannot be joined or differ from the first call", n);
	record(RP_DB_FAILED, 0, "union");
	return rp_db_fail(req);
}

int
rp_db_part_do(struct rp_req *req, struct rp_db_part *p)
{
	return rp_db_do(req, p->stmt, p->args, p->nargs, &p->res);
}

const struct rp_dbarg *
rp_db_args(struct rp_req *req, const struct rp_dbarg *args, size_t n)
{
	struct rp_dbarg *a = rp_calloc(req->arena, n ? n : 1, sizeof(*a));

	memcpy(a, args, n * sizeof(*a));
	return a;
}

struct json_object *
rp_db_page(struct rp_req *req, struct rp_stmt *count, struct rp_stmt *list,
    const struct rp_dbarg *args, size_t ncount, size_t nargs,
    struct json_object *(*row)(const struct rp_req *, char **), long long *total)
{
	struct rp_dbres res;

	if (rp_db_do(req, count, args, ncount, &res) != 0)
		return NULL;
	*total = rp_cell_num(rp_db_cell(&res, 0, 0));
	if (rp_db_do(req, list, args, nargs, &res) != 0)
		return NULL;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_object_array_add(arr, row(req, res.rows[i]));
	return arr;
}

int
rp_db_one(struct rp_req *req, struct rp_stmt *st, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res, const char *missing)
{
	if (rp_db_do(req, st, args, nargs, res) != 0)
		return -1;
	return res->nrows == 1 ? 0 : rp_fail(req, 404, "not_found", NULL, missing);
}

int
rp_db_exec_trusted(const char *sql, size_t len)
{
	if (rp_db_connect() != 0)
		return -1;
	if (mysql_real_query(conn, sql, (unsigned long)len) != 0) {
		unsigned e = mysql_errno(conn);

		return record(is_connection_error(e) ? RP_DB_DOWN : RP_DB_FAILED,
		    e, mysql_error(conn));
	}
	/* Drain anything the statement returned. */
	do {
		MYSQL_RES *r = mysql_store_result(conn);
		if (r)
			mysql_free_result(r);
	} while (mysql_next_result(conn) == 0);
	return 0;
}

int
rp_db_links(struct rp_req *req, struct rp_stmt *clear, struct rp_stmt *link, long long id,
    const long long *ids, size_t n, long long firm, long long client)
{
	struct rp_dbarg d[] = { RP_AINT(id), RP_AINT(firm) };

	if (rp_db_do(req, clear, d, RP_NELEM(d), NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct rp_dbarg a[] = { RP_AINT(id), RP_AINT(ids[i]), RP_AINT(firm),
		    RP_AINT(client) };
		if (rp_db_do(req, link, a, RP_NELEM(a), NULL) != 0)
			return -1;
	}
	return 0;
}
