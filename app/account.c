/* The user's own account: names, e-mail, password, language. */
#include <string.h>

#include <json.h>

#include "account.h"
#include "arena.h"
#include "audit.h"
#include "authz.h"
#include "db.h"
#include "input.h"
#include "json.h"
#include "login.h"
#include "password.h"
#include "request.h"
#include "session.h"
#include "util.h"

static struct rp_stmt q_hash = RP_STMT(
    "SELECT password_hash, email, first_name, last_name, lang FROM users WHERE id = ?");
static struct rp_stmt q_taken = RP_STMT(
    "SELECT id FROM users WHERE email = ? AND id <> ?");
static struct rp_stmt q_update = RP_STMT(
    "UPDATE users SET first_name = ?, last_name = ?, email = ?, lang = ? WHERE id = ?");
static struct rp_stmt q_password = RP_STMT(
    "UPDATE users SET password_hash = ? WHERE id = ?");

static int
lang_parse(const char *s)
{
	return strcmp(s, "fr") == 0 ? 0 : strcmp(s, "en") == 0 ? 1 : -1;
}

int
rp_account_update(struct rp_req *req)
{
	struct rp_user *me = req->user;
	const char *first, *last, *email, *password, *current, *lang, *why;
	struct rp_dbres res;
	bool rehash;
	char hash[RP_HASH_LEN];

	if (!(me->features & RP_FEAT_BIT(RP_FEAT_SELF)))
		return rp_fail(req, 403, "forbidden", NULL,
		    "Your rights do not allow editing your account.");
	/* Names may be blank: accounts made by create-firm start without. */
	if (rp_in_text0(req, "first_name", 100, &first) < 0 ||
	    rp_in_text0(req, "last_name", 100, &last) < 0 ||
	    rp_in_email(req, "email", false, &email) < 0 ||
	    rp_in_secret(req, "password", false, &password) < 0 ||
	    rp_in_secret(req, "current_password", false, &current) < 0 ||
	    rp_in_text(req, "lang", 2, false, &lang) < 0)
		return -1;
	if (lang != NULL && lang_parse(lang) < 0)
		return rp_fail(req, 400, "invalid", "lang", "Choose fr or en.");
	struct rp_dbarg id = RP_AINT(me->id);
	if (rp_db_exec(req->arena, &q_hash, &id, 1, &res) != 0)
		return rp_db_fail(req);
	if (res.nrows != 1)
		return rp_fail(req, 404, "not_found", NULL, "No such user.");
	char **row = res.rows[0];
	/* A name can be left blank if it was (create-firm makes accounts
	 * without), never blanked. */
	if (first != NULL && *first == '\0' && *row[2] != '\0')
		return rp_fail(req, 400, "required", "first_name", "This field is required.");
	if (last != NULL && *last == '\0' && *row[3] != '\0')
		return rp_fail(req, 400, "required", "last_name", "This field is required.");
	bool email_changes = email != NULL && strcmp(email, row[1]) != 0;
	/* Changing what logs in needs the current password, so that an open
	 * session alone cannot take the account over. */
	if (email_changes || password != NULL) {
		long long attempt;

		if (current == NULL)
			return rp_fail(req, 400, "required", "current_password",
			    "Enter your current password to confirm.");
		/* Guesses from an open session count like failed logins. */
		if (rp_login_claim(req, row[1], &attempt) != 0)
			return -1;
		if (!rp_password_verify(current, row[0], &rehash))
			return rp_fail(req, 403, "wrong_password", "current_password",
			    "The current password is wrong.");
		if (rp_login_release(req, attempt) != 0)
			return -1;
	}
	if (password != NULL) {
		if ((why = rp_password_policy(password, email ? email : row[1])) != NULL)
			return rp_fail(req, 400, "weak_password", "password", why);
		if (rp_password_hash(password, hash) != 0)
			return rp_fail(req, 500, "internal", NULL, "Hashing failed.");
	}
	if (email_changes) {
		struct rp_dbarg t[] = { RP_ASTR(email), RP_AINT(me->id) };
		if (rp_db_exec(req->arena, &q_taken, t, 2, &res) != 0)
			return rp_db_fail(req);
		if (res.nrows > 0)
			return rp_fail(req, 409, "email_taken", "email",
			    "This e-mail address is already used.");
	}
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	struct rp_dbarg u[] = { RP_ASTR(first ? first : row[2]),
	    RP_ASTR(last ? last : row[3]), RP_ASTR(email ? email : row[1]),
	    RP_ASTR(lang ? lang : row[4]), RP_AINT(me->id) };
	if (rp_db_exec(req->arena, &q_update, u, 5, NULL) != 0)
		goto dbfail;
	if (password != NULL) {
		struct rp_dbarg p[] = { RP_ASTR(hash), RP_AINT(me->id) };
		/* A new password ends every other session of the account. */
		if (rp_db_exec(req->arena, &q_password, p, 2, NULL) != 0)
			goto dbfail;
		if (rp_session_end_user(req, me->id, me->session_id) < 0)
			goto fail;
	}
	struct json_object *d = json_object_new_object();
	if (first && strcmp(first, row[2]))
		rp_jadd(d, "first_name", json_object_new_string(first));
	if (last && strcmp(last, row[3]))
		rp_jadd(d, "last_name", json_object_new_string(last));
	if (email_changes)
		rp_jadd(d, "email", json_object_new_string(email));
	if (lang && strcmp(lang, row[4]))
		rp_jadd(d, "lang", json_object_new_string(lang));
	if (password)
		rp_jadd(d, "password", json_object_new_string("changed"));
	if (rp_audit(req, "account.update", "user", me->id, 0, d) != 0)
		goto fail;
	if (rp_db_finish(req) != 0)
		return -1;
	if (first)
		me->first_name = first;
	if (last)
		me->last_name = last;
	if (email)
		me->email = email;
	return 0;
dbfail:
	rp_db_fail(req);
fail:
	rp_db_rollback();
	return -1;
}
