/* rempart-admin commands that create accounts: create-firm, create-support;
 * and routes, which prints the route table. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "admin-cmds.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "config.h"
#include "db.h"
#include "demo.h"
#include "input.h"
#include "json.h"
#include "password.h"
#include "request.h"
#include "router.h"
#include "starter.h"
#include "usage-starter.h"
#include "users.h"
#include "util.h"

static struct rp_stmt q_firm = RP_STMT("INSERT INTO firms (name) VALUES (?)");
static struct rp_stmt q_taken = RP_STMT("SELECT id FROM users WHERE email = ?");
static struct rp_stmt q_user = RP_STMT(
    "INSERT INTO users (firm_id, email, role, password_hash) VALUES (?, ?, ?, ?)");

/* Passwords come from standard input, never from the command line (where
 * `ps` and shell histories would show them). */
static int
read_password(char *buf, size_t len)
{
	if (fgets(buf, (int)len, stdin) == NULL) {
		fprintf(stderr, "rempart-admin: no password on standard input\n");
		return -1;
	}
	if (strchr(buf, '\n') == NULL && !feof(stdin)) {
		fprintf(stderr, "rempart-admin: password too long\n");
		return -1;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

static int
usage(const char *what)
{
	fprintf(stderr, "usage: rempart-admin [-c FILE] %s --password-stdin\n", what);
	return 2;
}

/* Shared by both commands: validate, hash, insert in one transaction with
 * an audit entry. firm_name NULL makes a support user. */
static int
create(struct rp_config *cfg, const char *firm_name, const char *email_in)
{
	struct rp_arena *a = rp_arena_new(0);
	struct rp_req req = { .arena = a, .remote_addr = "rempart-admin" };
	char password[1100], email[256], hash[RP_HASH_LEN];
	struct rp_dbres res;
	long long firm_id = 0;
	const char *why;
	int rc = 1;

	rp_buf_init(&req.resp.body, a);
	snprintf(email, sizeof(email), "%s", email_in);
	for (char *p = email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!rp_email_valid(email)) {
		fprintf(stderr, "rempart-admin: '%s' is not a valid e-mail address\n",
		    email_in);
		goto out;
	}
	if (firm_name != NULL && (strlen(firm_name) == 0 || strlen(firm_name) > 200 ||
	    !rp_utf8_valid(firm_name, strlen(firm_name)))) {
		fprintf(stderr, "rempart-admin: the firm name must be 1 to 200 characters\n");
		goto out;
	}
	if (read_password(password, sizeof(password)) != 0)
		goto out;
	if (rp_password_setup(cfg) != 0)
		goto out;
	if ((why = rp_password_policy(password, email)) != NULL) {
		fprintf(stderr, "rempart-admin: %s\n", why);
		goto out;
	}
	if (rp_password_hash(password, hash) != 0)
		goto out;
	rp_db_setup(cfg);
	struct rp_dbarg e = RP_ASTR(email);
	if (rp_db_exec(a, &q_taken, &e, 1, &res) != 0)
		goto dberr;
	if (res.nrows > 0) {
		fprintf(stderr, "rempart-admin: %s is already used\n", email);
		goto out;
	}
	if (rp_db_begin() != 0)
		goto dberr;
	if (firm_name != NULL) {
		struct rp_dbarg f = RP_ASTR(firm_name);
		if (rp_db_exec(a, &q_firm, &f, 1, &res) != 0)
			goto dberr;
		firm_id = res.insert_id;
	}
	struct rp_dbarg u[] = { firm_id ? RP_AINT(firm_id) : RP_ANULL, RP_ASTR(email),
	    RP_ASTR(firm_name ? "admin" : "support"), RP_ASTR(hash) };
	if (rp_db_exec(a, &q_user, u, 4, &res) != 0)
		goto dberr;
	struct rp_user actor = { .firm_id = firm_id };
	req.user = &actor;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "email", json_object_new_string(email));
	if (firm_name)
		rp_jadd(d, "firm", json_object_new_string(firm_name));
	if (rp_audit(&req, firm_name ? "firm.create" : "support.create",
	    firm_name ? "firm" : "user", firm_name ? firm_id : res.insert_id, 0, d) != 0)
		goto dberr;
	if (rp_db_commit() != 0)
		goto dberr;
	if (firm_name)
		printf("%lld\n", firm_id);
	else
		printf("%lld\n", res.insert_id);
	rc = 0;
	goto out;
dberr:
	rp_db_rollback();
	fprintf(stderr, "rempart-admin: database: %s\n", rp_db_message());
out:
	memset(password, 0, sizeof(password));
	rp_db_close();
	rp_arena_free(a);
	return rc;
}

int
rp_cmd_create_firm(struct rp_config *cfg, int argc, char **argv)
{
	if (argc != 4 || strcmp(argv[3], "--password-stdin") != 0)
		return usage("create-firm NAME ADMIN_EMAIL");
	return create(cfg, argv[1], argv[2]);
}

int
rp_cmd_create_support(struct rp_config *cfg, int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[2], "--password-stdin") != 0)
		return usage("create-support EMAIL");
	return create(cfg, NULL, argv[1]);
}

/* The demo: a believable firm with a user in every role, and a support
 * user, eight clients with their teams and establishments. Idempotent:
 * what exists is kept; the logins are printed each time. Later issues add
 * frameworks, risks and documents to it. */
static const struct {
	const char	*email;
	const char	*first, *last;
	int		 role;
} demo_users[] = {
	/* Keep the order: the first three are the vCISO teams of the demo
	 * clients, the fourth their site manager. */
	{ "admin@demo.rempart.test", "Claire", "Vauban", RP_ROLE_ADMIN },
	{ "multi@demo.rempart.test", "Hugo", "Marchand", RP_ROLE_MULTI_ACCOUNT_MANAGER },
	{ "account@demo.rempart.test", "Inès", "Lefort", RP_ROLE_ACCOUNT_MANAGER },
	{ "site@demo.rempart.test", "Paul", "Girard", RP_ROLE_ESTABLISHMENT_MANAGER },
	{ "support@demo.rempart.test", "Sam", "Support", RP_ROLE_SUPPORT },
};
#define DEMO_FIRM	"Cabinet Vauban Conseil (démo)"
#define DEMO_PASSWORD	"demo rempart 2026"

static struct rp_stmt q_demo_firm = RP_STMT("SELECT id FROM firms WHERE name = ?");
static struct rp_stmt q_demo_user = RP_STMT(
    "INSERT INTO users (firm_id, email, first_name, last_name, role, password_hash)"
    " VALUES (?, ?, ?, ?, ?, ?)");

int
rp_cmd_seed_demo(struct rp_config *cfg, int argc, char **argv)
{
	struct rp_arena *a = rp_arena_new(0);
	struct rp_req req = { .arena = a, .remote_addr = "rempart-admin" };
	struct rp_dbres res;
	char hash[RP_HASH_LEN];
	long long firm_id;
	int rc = 1;

	(void)argv;
	rp_buf_init(&req.resp.body, a);
	if (argc != 1) {
		fprintf(stderr, "usage: rempart-admin [-c FILE] seed-demo\n");
		rp_arena_free(a);
		return 2;
	}
	rp_db_setup(cfg);
	if (rp_password_setup(cfg) != 0 || rp_password_hash(DEMO_PASSWORD, hash) != 0)
		goto out;
	if (rp_db_begin() != 0)
		goto dberr;
	struct rp_dbarg f = RP_ASTR(DEMO_FIRM);
	if (rp_db_exec(a, &q_demo_firm, &f, 1, &res) != 0)
		goto dberr;
	if (res.nrows > 0) {
		rp_strtonum(rp_db_cell(&res, 0, 0), 1, INT64_MAX, &firm_id);
	} else {
		if (rp_db_exec(a, &q_firm, &f, 1, &res) != 0)
			goto dberr;
		firm_id = res.insert_id;
	}
	long long ids[RP_NELEM(demo_users)] = { 0 };
	for (size_t i = 0; i < RP_NELEM(demo_users); i++) {
		struct rp_dbarg e = RP_ASTR(demo_users[i].email);
		int role = demo_users[i].role;

		if (rp_db_exec(a, &q_taken, &e, 1, &res) != 0)
			goto dberr;
		if (res.nrows > 0) {
			rp_strtonum(rp_db_cell(&res, 0, 0), 1, INT64_MAX, &ids[i]);
			continue;
		}
		struct rp_dbarg u[] = { role == RP_ROLE_SUPPORT ? RP_ANULL :
		    RP_AINT(firm_id), e, RP_ASTR(demo_users[i].first),
		    RP_ASTR(demo_users[i].last), RP_ASTR(rp_role_key(role)),
		    RP_ASTR(hash) };
		if (rp_db_exec(a, &q_demo_user, u, 6, &res) != 0)
			goto dberr;
		ids[i] = res.insert_id;
		/* The account manager edits three profile fields only: the
		 * profile page then shows edit rights field by field. */
		unsigned fields = role == RP_ROLE_ACCOUNT_MANAGER ?
		    (1u << RP_PF_PHONE) | (1u << RP_PF_WEBSITE) |
		    (1u << RP_PF_SECURITY_CONTACT) : RP_PF_ALL;
		if (role != RP_ROLE_SUPPORT && rp_users_store_rights(&req,
		    res.insert_id, role, rp_default_features(role, RP_FEAT_ALL),
		    fields) != 0)
			goto dberr;
	}
	/* The library's starter templates, then the clients, and the starter
	 * questionnaire of those with the usage diagnostic. */
	if (rp_starter_templates(a, firm_id, ids[0]) != 0 ||
	    rp_demo_clients(a, firm_id, ids, ids[3]) != 0 ||
	    rp_usage_starter_demo(&req, firm_id) != 0)
		goto dberr;
	if (rp_db_commit() != 0)
		goto dberr;
	printf("Demo firm: %s\n", DEMO_FIRM);
	printf("Every demo account has the password: %s\n", DEMO_PASSWORD);
	for (size_t i = 0; i < RP_NELEM(demo_users); i++)
		printf("  %-28s %s\n", demo_users[i].email,
		    rp_role_key(demo_users[i].role));
	rc = 0;
	goto out;
dberr:
	rp_db_rollback();
	fprintf(stderr, "rempart-admin: database: %s\n", rp_db_message());
out:
	rp_db_close();
	rp_arena_free(a);
	return rc;
}

/* One JSON object a line per route of rp_routes[], in table order: the
 * source of truth for tests/http/isolation-matrix.mjs. */
int
rp_cmd_routes(struct rp_config *cfg, int argc, char **argv)
{
	static const struct { unsigned bit; const char *name; } flags[] = {
		{ RP_R_SESSION, "session" }, { RP_R_OPTIONAL, "optional" },
		{ RP_R_PENDING, "pending" }, { RP_R_MFA_SETUP, "mfa_setup" },
		{ RP_R_NO_CSRF, "no_csrf" }, { RP_R_UPLOAD, "upload" },
	};

	(void)cfg;
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: rempart-admin [-c FILE] routes\n");
		return 2;
	}
	for (size_t i = 0; i < rp_nroutes; i++) {
		const struct rp_route *r = &rp_routes[i];
		json_object *o = json_object_new_object(), *f, *roles;

		json_object_object_add(o, "method", json_object_new_string(r->method));
		json_object_object_add(o, "pattern", json_object_new_string(r->pattern));
		f = json_object_new_array();
		for (size_t k = 0; k < RP_NELEM(flags); k++)
			if (r->flags & flags[k].bit)
				json_object_array_add(f, json_object_new_string(flags[k].name));
		json_object_object_add(o, "flags", f);
		/* [] is "any role" (the table's 0). */
		roles = json_object_new_array();
		for (int k = 0; k < RP_ROLE__COUNT; k++)
			if (r->roles & RP_ROLE_BIT(k))
				json_object_array_add(roles, json_object_new_string(rp_role_key(k)));
		json_object_object_add(o, "roles", roles);
		json_object_object_add(o, "feature", r->feature == RP_FEAT_NONE ? NULL :
		    json_object_new_string(rp_feature_key(r->feature)));
		json_object_object_add(o, "scope", json_object_new_int(r->scope));
		printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
		json_object_put(o);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
