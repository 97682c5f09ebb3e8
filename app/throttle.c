/* Sliding-window throttling: count the key's recent attempts, refuse over
 * the bound with 429 and Retry-After. */
#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "request.h"
#include "response.h"
#include "throttle.h"
#include "util.h"

int
rp_throttle_check(struct rp_req *req, struct rp_stmt *count, struct rp_stmt *drop,
    const char *key, long long window, long long max, long long attempt, const char *msg)
{
	struct rp_dbarg a[] = { RP_AINT(window), RP_ASTR(key), RP_AINT(window) };
	struct rp_dbres res;
	long long n, wait;

	if (rp_db_exec(req->arena, count, a, RP_NELEM(a), &res) != 0)
		return rp_db_fail(req);
	if (rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, &n) != 0 || n <= max)
		return 0;
	if (rp_strtonum(rp_db_cell(&res, 0, 1), -100000000, 100000000, &wait) != 0)
		wait = window;
	struct rp_dbarg own = RP_AINT(attempt);
	if (rp_db_exec(req->arena, drop, &own, 1, NULL) != 0)
		return rp_db_fail(req);
	rp_resp_header(req, "Retry-After", rp_printf(req->arena, "%lld", wait > 0 ? wait : 1));
	return rp_fail(req, 429, "throttled", NULL, msg);
}
