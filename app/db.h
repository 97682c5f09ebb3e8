/* MariaDB access: one connection per worker, prepared statements only. */
#ifndef RP_DB_H
#define RP_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct rp_arena;
struct rp_config;
struct rp_req;

/* A statement, declared where it is used and prepared on first use on each
 * connection (so once per worker while the connection lives):
 *   static struct rp_stmt q_count = RP_STMT("SELECT COUNT(*) FROM t WHERE firm_id = ?");
 */
struct rp_stmt {
	const char	*sql;
	void		*handle;	/* MYSQL_STMT * on the current connection */
	struct rp_stmt	*next;		/* prepared statements of the connection */
};
#define RP_STMT(s) { (s), NULL, NULL }

enum rp_db_arg_type { RP_DB_NULL, RP_DB_INT, RP_DB_STR };

struct rp_dbarg {
	enum rp_db_arg_type	 type;
	long long		 i;
	const char		*s;
	size_t			 len;
};
#define RP_AINT(v) ((struct rp_dbarg){ .type = RP_DB_INT, .i = (v) })
static inline struct rp_dbarg
rp_astr(const char *s)
{
	return (struct rp_dbarg){ .type = s ? RP_DB_STR : RP_DB_NULL, .s = s,
	    .len = s ? strlen(s) : 0 };
}
#define RP_ASTR(v) rp_astr(v)
#define RP_ANULL ((struct rp_dbarg){ .type = RP_DB_NULL })

/* A result: every cell as a NUL-terminated string in the arena (NULL for
 * SQL NULL). */
struct rp_dbres {
	size_t		 nrows;
	size_t		 ncols;
	char		***rows;
	long long	 affected;
	long long	 insert_id;
};

enum rp_db_error {
	RP_DB_OK,
	RP_DB_DOWN,		/* no connection: answer 503 */
	RP_DB_DUPLICATE,	/* unique key: answer 409 */
	RP_DB_REFERENCED,	/* a foreign key keeps the row: answer 409 */
	RP_DB_FAILED,		/* anything else: logged, answer 500 */
};

/* Remember the connection settings; connects lazily. */
void rp_db_setup(const struct rp_config *);
/* Batch work (rempart-admin: migrations, seeding): the connections made
 * from now on wait for a statement as long as it runs, instead of
 * db.read_timeout and db.write_timeout, which bound a web request. */
void rp_db_batch(void);
/* Connect now if not connected. Returns 0 or -1 (RP_DB_DOWN). */
int rp_db_connect(void);
/* Close the connection and forget every prepared statement. */
void rp_db_close(void);

/* Execute a prepared statement with arguments; fill res (may be NULL) with
 * rows allocated in the arena. Results are always drained. A read that
 * meets a lost connection reconnects, re-prepares and retries once, outside
 * a transaction only. Returns 0 or -1; rp_db_error() tells why. */
int rp_db_exec(struct rp_arena *, struct rp_stmt *, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res);
enum rp_db_error rp_db_error(void);
/* Cell (row, col) of a result, NULL for SQL NULL or out of range. */
const char *rp_db_cell(const struct rp_dbres *, size_t row, size_t col);

/* Transactions: one operation's writes commit or roll back together. */
int rp_db_begin(void);
int rp_db_commit(void);
void rp_db_rollback(void);
bool rp_db_in_transaction(void);
/* Commit; on failure roll back and record the error on the request.
 * Returns 0 or -1. */
int rp_db_finish(struct rp_req *);

/* Record the last database error on the request: 503, 409 or 500. */
int rp_db_fail(struct rp_req *);

/* Replace the links of object `id` (inside the caller's transaction):
 * `clear` deletes them (args: id, firm), `link` adds one (args: id, the
 * linked id, firm, client) for each of ids[0..n). Returns 0 or -1. */
int rp_db_links(struct rp_req *, struct rp_stmt *clear, struct rp_stmt *link, long long id,
    const long long *ids, size_t n, long long firm, long long client);

/* rp_db_exec in a request's arena, recording a failure on the request
 * (rp_db_fail). Returns 0 or -1. */
int rp_db_do(struct rp_req *, struct rp_stmt *, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res);

/* Several reads in one round trip: the parts' statements joined by UNION
 * ALL (app/sqlunion.h), composed on the first call of the call site and
 * prepared once per connection like any statement, their arguments bound
 * in order; each part's res gets its own rows, in its own order, with its
 * own columns. For pages that run many small reads: a round trip costs
 * more than a small read. A write to any table of the union drops its
 * query-cache entry, so parts whose tables change on every request (the
 * audit log, the clients' counters) stay out. A call site passes the same
 * statements in the same order every time. 0, or -1 after rp_fail. */
#define RP_DB_UNION_MAX 12
struct rp_db_part {
	struct rp_stmt		*stmt;
	const struct rp_dbarg	*args;
	size_t			 nargs;
	struct rp_dbres		 res;
};
struct rp_db_union {
	struct rp_stmt	 stmt;
	size_t		 n;
	struct rp_stmt	*parts[RP_DB_UNION_MAX];
	size_t		 first[RP_DB_UNION_MAX];
	size_t		 ncols[RP_DB_UNION_MAX];
};
#define RP_DB_UNION { .stmt = RP_STMT(NULL) }
int rp_db_union(struct rp_req *, struct rp_db_union *, struct rp_db_part *, size_t n);
/* One part alone (rp_db_do into its res). */
int rp_db_part_do(struct rp_req *, struct rp_db_part *);
/* A part's arguments, copied into the request's arena. */
const struct rp_dbarg *rp_db_args(struct rp_req *, const struct rp_dbarg *, size_t n);

/* rp_db_do for a statement that finds one row: 0 with it in res, or -1
 * after rp_fail (404 with the fixed message `missing` when there is none). */
int rp_db_one(struct rp_req *, struct rp_stmt *, const struct rp_dbarg *args,
    size_t nargs, struct rp_dbres *res, const char *missing);

/* A page of a list: `count` (bound to args[0..ncount)) sets *total, then
 * `list` (bound to all nargs) gives the rows, each made an object by
 * `row`. The JSON array, or NULL after rp_fail. */
struct json_object;
struct json_object *rp_db_page(struct rp_req *, struct rp_stmt *count, struct rp_stmt *list,
    const struct rp_dbarg *args, size_t ncount, size_t nargs,
    struct json_object *(*row)(const struct rp_req *, char **), long long *total);

/* Run trusted SQL text with no parameters (migrations only: DDL cannot be
 * prepared in general; never used with request data). Returns 0 or -1. */
int rp_db_exec_trusted(const char *sql, size_t len);
/* The last server error message (for the operator's log, never a client). */
const char *rp_db_message(void);

#endif
