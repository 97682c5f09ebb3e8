/* MFA: TOTP (RFC 6238 through liboath), enrolment and recovery codes. */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <json.h>
#include <liboath/oath.h>
#include <qrencode.h>

#include "arena.h"
#include "audit.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "mfa.h"
#include "request.h"
#include "session.h"
#include "util.h"

static const struct rp_config *cfg;

/* The step counter only moves forward: a code is never accepted twice,
 * even by two workers racing. */
static struct rp_stmt q_step = RP_STMT(
    "UPDATE users SET mfa_last_counter = ? WHERE id = ?"
    " AND COALESCE(mfa_last_counter, -1) < ?");
static struct rp_stmt q_recovery = RP_STMT(
    "UPDATE recovery_codes SET used_at = UTC_TIMESTAMP() WHERE user_id = ?"
    " AND code_hash = UNHEX(SHA2(CONCAT(?, ':', ?), 256)) AND used_at IS NULL");
static struct rp_stmt q_pending = RP_STMT(
    "UPDATE users SET mfa_secret = ?, mfa_last_counter = NULL"
    " WHERE id = ? AND mfa_enabled = 0");
static struct rp_stmt q_get_secret = RP_STMT(
    "SELECT mfa_secret, mfa_enabled FROM users WHERE id = ?");
static struct rp_stmt q_enable = RP_STMT(
    "UPDATE users SET mfa_enabled = 1 WHERE id = ? AND mfa_enabled = 0");
static struct rp_stmt q_del_codes = RP_STMT(
    "DELETE FROM recovery_codes WHERE user_id = ?");
static struct rp_stmt q_add_code = RP_STMT(
    "INSERT INTO recovery_codes (user_id, code_hash)"
    " VALUES (?, UNHEX(SHA2(CONCAT(?, ':', ?), 256)))");

void
rp_mfa_setup(const struct rp_config *c)
{
	cfg = c;
	oath_init();
}

static int
check_totp(struct rp_req *req, long long user_id, const char *secret_b32,
    const char *code)
{
	char *secret = NULL;
	size_t slen = 0;
	uint64_t counter = 0;
	int pos, rc;
	struct rp_dbres res;

	if (secret_b32 == NULL || oath_base32_decode(secret_b32,
	    strlen(secret_b32), &secret, &slen) != OATH_OK)
		return 0;
	rc = oath_totp_validate3(secret, slen, time(NULL), 30, 0, 1, &pos,
	    &counter, code);
	free(secret);
	if (rc < 0)
		return 0;
	struct rp_dbarg a[] = { RP_AINT((long long)counter), RP_AINT(user_id),
	    RP_AINT((long long)counter) };
	if (rp_db_exec(req->arena, &q_step, a, 3, &res) != 0)
		return rp_db_fail(req);
	return res.affected == 1;
}

int
rp_mfa_check(struct rp_req *req, long long user_id, const char *secret_b32,
    const char *code)
{
	size_t len = strlen(code);
	struct rp_dbres res;

	if (len == 6 && strspn(code, "0123456789") == 6)
		return check_totp(req, user_id, secret_b32, code);
	/* Recovery codes: xxxxx-xxxxx, lower-case hex, dash optional. */
	char norm[16];
	size_t k = 0;
	for (size_t i = 0; i < len && k < sizeof(norm) - 1; i++)
		if (code[i] != '-' && code[i] != ' ')
			norm[k++] = code[i] >= 'A' && code[i] <= 'F' ?
			    (char)(code[i] + 32) : code[i];
	norm[k] = '\0';
	if (k != 10 || strspn(norm, "0123456789abcdef") != 10)
		return 0;
	char *uid = rp_printf(req->arena, "%lld", user_id);
	struct rp_dbarg a[] = { RP_AINT(user_id), RP_ASTR(uid), RP_ASTR(norm) };
	if (rp_db_exec(req->arena, &q_recovery, a, 3, &res) != 0)
		return rp_db_fail(req);
	return res.affected == 1;
}

int
rp_mfa_begin(struct rp_req *req, const char **secret_out, const char **uri)
{
	unsigned char raw[20];
	char *b32 = NULL;
	size_t blen = 0;
	struct rp_dbres res;

	if (req->user->mfa_enabled)
		return rp_fail(req, 409, "mfa_already_enrolled", NULL,
		    "MFA is already set up for this account.");
	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw) ||
	    oath_base32_encode((const char *)raw, sizeof(raw), &b32, &blen) != OATH_OK)
		return rp_fail(req, 503, "unavailable", NULL, "Try again later.");
	char *secret = rp_strndup(req->arena, b32, blen);
	free(b32);
	struct rp_dbarg a[] = { RP_ASTR(secret), RP_AINT(req->user->id) };
	if (rp_db_exec(req->arena, &q_pending, a, 2, &res) != 0)
		return rp_db_fail(req);
	*secret_out = secret;
	*uri = rp_printf(req->arena, "otpauth://totp/%s:%s?secret=%s&issuer=%s"
	    "&algorithm=SHA1&digits=6&period=30", rp_url_arg_escape(req->arena,
	    cfg->auth_issuer), rp_url_arg_escape(req->arena, req->user->email), secret,
	    rp_url_arg_escape(req->arena, cfg->auth_issuer));
	return 0;
}

int
rp_mfa_confirm(struct rp_req *req, const char *code, const char *codes[10])
{
	struct rp_dbres res;
	struct rp_dbarg id = RP_AINT(req->user->id);
	int ok;

	if (rp_db_exec(req->arena, &q_get_secret, &id, 1, &res) != 0)
		return rp_db_fail(req);
	if (res.nrows != 1 || rp_db_cell(&res, 0, 0) == NULL)
		return rp_fail(req, 409, "mfa_not_started", NULL,
		    "Start the MFA set-up first.");
	if (strcmp(rp_db_cell(&res, 0, 1), "1") == 0)
		return rp_fail(req, 409, "mfa_already_enrolled", NULL,
		    "MFA is already set up for this account.");
	const char *secret = rp_db_cell(&res, 0, 0);
	if (strlen(code) != 6 || (ok = check_totp(req, req->user->id, secret,
	    code)) == 0)
		return rp_fail(req, 400, "invalid_totp", "totp",
		    "This code is not valid; check the clock of your device.");
	if (ok < 0)
		return -1;
	char *uid = rp_printf(req->arena, "%lld", req->user->id);
	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_db_exec(req->arena, &q_enable, &id, 1, NULL) != 0 ||
	    rp_db_exec(req->arena, &q_del_codes, &id, 1, NULL) != 0)
		goto dbfail;
	for (int i = 0; i < 10; i++) {
		char hex[11], *shown;
		if (rp_random_hex(hex, 5) != 0)
			goto dbfail;
		shown = rp_printf(req->arena, "%.5s-%.5s", hex, hex + 5);
		struct rp_dbarg a[] = { id, RP_ASTR(uid), RP_ASTR(hex) };
		if (rp_db_exec(req->arena, &q_add_code, a, 3, NULL) != 0)
			goto dbfail;
		codes[i] = shown;
	}
	if (rp_audit(req, "mfa.enrol", "user", req->user->id, 0, NULL) != 0)
		goto fail;
	if (rp_db_finish(req) != 0)
		return -1;
	req->user->mfa_enabled = true;
	req->user->mfa_enrollment_required = false;
	return 0;
dbfail:
	rp_db_fail(req);
fail:
	rp_db_rollback();
	return -1;
}

char *
rp_qr_svg(struct rp_req *req, const char *text)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	struct rp_buf b;

	if (qr == NULL)
		return NULL;
	int w = qr->width, m = 4;
	rp_buf_init(&b, req->arena);
	rp_buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
	    " width=\"200\" height=\"200\" role=\"img\" aria-label=\"QR code\" shape-rendering=\"crispEdges\">"
	    "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	    w + 2 * m, w + 2 * m);
	for (int y = 0; y < w; y++)
		for (int x = 0; x < w; x++)
			if (qr->data[y * w + x] & 1)
				rp_buf_printf(&b, "M%d %dh1v1h-1z", x + m, y + m);
	rp_buf_puts(&b, "\"/></svg>");
	QRcode_free(qr);
	return b.data;
}
