/* The audit log: who did what, when, from where, on which client and object. */
#include <json.h>

#include "audit.h"
#include "db.h"
#include "request.h"

static struct rp_stmt q_insert = RP_STMT(
    "INSERT INTO audit_log (user_id, firm_id, client_id, ip, action, object_type,"
    " object_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

int
rp_audit(struct rp_req *req, const char *action, const char *object_type,
    long long object_id, long long client_id, struct json_object *details)
{
	const struct rp_user *u = req->user;
	const char *text;
	int rc;

	if (details == NULL)
		details = json_object_new_object();
	text = json_object_to_json_string_ext(details, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	struct rp_dbarg a[] = {
		u && u->id ? RP_AINT(u->id) : RP_ANULL,
		u && u->firm_id ? RP_AINT(u->firm_id) : RP_ANULL,
		client_id ? RP_AINT(client_id) : RP_ANULL,
		RP_ASTR(req->remote_addr), RP_ASTR(action), RP_ASTR(object_type),
		object_id ? RP_AINT(object_id) : RP_ANULL, RP_ASTR(text),
	};
	rc = rp_db_exec(req->arena, &q_insert, a, 8, NULL);
	json_object_put(details);
	return rc == 0 ? 0 : rp_db_fail(req);
}
