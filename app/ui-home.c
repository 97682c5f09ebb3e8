/* The public home page: proves the chain nginx → FastCGI → MariaDB → template. */
#include "arena.h"
#include "db.h"
#include "request.h"
#include "tmpl.h"
#include "ui-home.h"
#include "ui-shared.h"

static struct rp_stmt q_schema = RP_STMT(
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");

int
rp_ui_home(struct rp_req *req)
{
	struct rp_dbres res;

	if (rp_db_exec(req->arena, &q_schema, NULL, 0, &res) != 0)
		return rp_db_fail(req);
	rp_set(req, "Status.schema", rp_db_cell(&res, 0, 0));
	return rp_page(req, "home", "Lang.home.title");
}
