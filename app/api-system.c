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
