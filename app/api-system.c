/* System routes: the bare FastCGI hop and the health check. */
#include <json.h>

#include "api-system.h"
#include "db.h"
#include "json.h"
#include "request.h"
#include "response.h"
#include "util.h"

static struct rp_stmt q_version = RP_STMT(
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
static struct rp_stmt q_ping = RP_STMT("SELECT 1");

/* A static body and no database: the cost of the FastCGI hop itself. */
int
rp_sys_ping(struct rp_req *req)
{
	rp_resp_text(req, 200, "pong\n");
	return 0;
}

/* For load balancers and monitoring: 200 when the database answers. */
int
rp_api_health(struct rp_req *req)
{
	struct json_object *o;
	struct rp_dbres res;
	long long version = 0;

	if (rp_db_exec(req->arena, &q_version, NULL, 0, &res) != 0)
		return rp_db_fail(req);
	rp_strtonum(rp_db_cell(&res, 0, 0), 0, 1000000, &version);
	o = json_object_new_object();
	rp_jadd(o, "status", json_object_new_string("ok"));
	rp_jadd(o, "database", json_object_new_string("ok"));
	rp_jadd(o, "schema_version", json_object_new_int64(version));
	rp_resp_json(req, 200, o);
	return 0;
}

/* For monitoring (docs/operations.md): whether the database answers, and
 * nothing else (no version, no count, no session). 200 {"status":"ok",
 * "database":"up"}, or 503 {"status":"unavailable","database":"down"} with
 * Retry-After. */
int
rp_sys_healthz(struct rp_req *req)
{
	struct json_object *o;
	struct rp_dbres res;
	bool up;

	up = rp_db_exec(req->arena, &q_ping, NULL, 0, &res) == 0 &&
	    res.nrows == 1;
	o = json_object_new_object();
	rp_jadd(o, "status", json_object_new_string(up ? "ok" : "unavailable"));
	rp_jadd(o, "database", json_object_new_string(up ? "up" : "down"));
	if (!up)
		rp_resp_header(req, "Retry-After", "5");
	rp_resp_json(req, up ? 200 : 503, o);
	return 0;
}
