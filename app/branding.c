/* Branding of deliverables (branding.h): accent colour and logos. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "arena.h"
#include "audit.h"
#include "branding.h"
#include "clients.h"
#include "config.h"
#include "db.h"
#include "imagecheck.h"
#include "json.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "subproc.h"
#include "tmpl.h"
#include "util.h"

/* A stored logo is at most 1024 × 1024 RGBA as PNG: far below this. */
#define LOGO_MAX_PNG	(8u << 20)
#define IMAGE_TIMEOUT_MS 10000

static struct rp_stmt q_accent = RP_STMT(
    "SELECT accent_color FROM brand_firms WHERE firm_id = ?");
static struct rp_stmt q_set_accent = RP_STMT(
    "INSERT INTO brand_firms (firm_id, accent_color) VALUES (?, ?)"
    " ON DUPLICATE KEY UPDATE accent_color = VALUES(accent_color)");
static struct rp_stmt q_logo = RP_STMT(
    "SELECT png_base64 FROM brand_logos WHERE firm_id = ? AND owner_key = ?");
static struct rp_stmt q_put_logo = RP_STMT(
    "INSERT INTO brand_logos (firm_id, client_id, width, height, png_base64, updated_by)"
    " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE width = VALUES(width),"
    " height = VALUES(height), png_base64 = VALUES(png_base64), updated_by = VALUES(updated_by)");
static struct rp_stmt q_delete_logo = RP_STMT(
    "DELETE FROM brand_logos WHERE firm_id = ? AND owner_key = ?");
static struct rp_stmt q_chrome = RP_STMT(
    "SELECT (SELECT accent_color FROM brand_firms WHERE firm_id = ?),"
    " EXISTS (SELECT 1 FROM brand_logos WHERE firm_id = ? AND owner_key = 0),"
    " EXISTS (SELECT 1 FROM brand_logos WHERE firm_id = ? AND owner_key = ?)");

const char *
rp_render_path(void)
{
	static char path[PATH_MAX];
	const struct rp_config *cfg = rp_worker_config;

	if (cfg != NULL && cfg->paths_render != NULL && cfg->paths_render[0] != '\0')
		return cfg->paths_render;
	if (path[0] == '\0') {
		char self[PATH_MAX - 32];
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n <= 0)
			snprintf(path, sizeof(path), "rempart-render");
		else {
			self[n] = '\0';
			char *slash = strrchr(self, '/');
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/rempart-render", self);
		}
	}
	return path;
}

const char *
rp_base64(struct rp_req *req, const unsigned char *p, size_t n)
{
	char *out = rp_alloc(req->arena, 4 * ((n + 2) / 3) + 1);

	EVP_EncodeBlock((unsigned char *)out, p, (int)n);
	return out;
}

/* Decoded bytes of a base64 text we wrote, in the arena; NULL if broken. */
static unsigned char *
unbase64(struct rp_req *req, const char *s, size_t *n)
{
	size_t len = strlen(s);
	unsigned char *out = rp_alloc(req->arena, len / 4 * 3 + 1);
	int got;

	if (len % 4 != 0 || (got = EVP_DecodeBlock(out, (const unsigned char *)s, (int)len)) < 0)
		return NULL;
	/* EVP_DecodeBlock counts the padding as data. */
	*n = (size_t)got - (len >= 1 && s[len - 1] == '=') - (len >= 2 && s[len - 2] == '=');
	return out;
}

int
rp_brand_accent(struct rp_req *req, long long firm, const char **accent)
{
	struct rp_dbarg a[] = { RP_AINT(firm) };
	struct rp_dbres res;

	*accent = NULL;
	if (rp_db_do(req, &q_accent, a, 1, &res) != 0)
		return -1;
	*accent = rp_db_cell(&res, 0, 0);
	return 0;
}

static bool
hex_colour(const char *s)
{
	if (strlen(s) != 7 || s[0] != '#')
		return false;
	for (int i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return false;
	return true;
}

int
rp_brand_set_accent(struct rp_req *req)
{
	const char *v = NULL, *old;
	struct json_object *j;

	if (req->json != NULL) {
		if (!json_object_object_get_ex(req->json, "accent_color", &j))
			return rp_fail(req, 400, "required", "accent_color",
			    "Give accent_color: #rrggbb, or null to clear it.");
		if (j != NULL && !json_object_is_type(j, json_type_string))
			return rp_fail(req, 400, "invalid", "accent_color",
			    "The accent colour is #rrggbb, or null.");
		v = j ? json_object_get_string(j) : "";
	} else if ((v = rp_param(&req->form, "accent_color")) == NULL)
		return rp_fail(req, 400, "required", "accent_color", "Choose a colour.");
	if (*v != '\0' && !hex_colour(v))
		return rp_fail(req, 400, "invalid", "accent_color",
		    "The accent colour is #rrggbb (six hexadecimal digits).");
	char *lower = rp_strdup(req->arena, v);
	for (char *p = lower; *p; p++)
		if (*p >= 'A' && *p <= 'F')
			*p = (char)(*p - 'A' + 'a');
	if (rp_brand_accent(req, req->user->firm_id, &old) != 0)
		return -1;
	struct rp_dbarg a[] = { RP_AINT(req->user->firm_id), RP_ASTR(*lower ? lower : NULL) };
	struct json_object *d = json_object_new_object();
	rp_audit_change(d, "accent_color", old, *lower ? lower : NULL);
	if (rp_db_begin() != 0) {
		json_object_put(d);
		return rp_db_fail(req);
	}
	if (rp_db_do(req, &q_set_accent, a, 2, NULL) != 0 ||
	    rp_audit(req, "brand.accent", "firm", req->user->firm_id, 0, d) != 0) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

int
rp_brand_logo(struct rp_req *req, long long firm, long long client, const char **b64)
{
	struct rp_dbarg a[] = { RP_AINT(firm), RP_AINT(client) };
	struct rp_dbres res;

	*b64 = NULL;
	if (rp_db_do(req, &q_logo, a, 2, &res) != 0)
		return -1;
	*b64 = rp_db_cell(&res, 0, 0);
	return 0;
}

int
rp_brand_logo_put(struct rp_req *req, long long firm, long long client,
    const unsigned char *data, size_t n, const char *field)
{
	const char *why;
	long w, h;
	char err[256];
	struct rp_buf png;

	if (data == NULL || n == 0)
		return rp_fail(req, 400, "required", field, "Choose a PNG or JPEG image.");
	if (rp_image_check(data, n, &w, &h, &why) == RP_IMAGE_BAD)
		return rp_fail(req, 400, "invalid_image", field, why);
	/* Decoded and written anew by a real image library, out of the
	 * worker's process: only pixels are kept. */
	rp_buf_init(&png, req->arena);
	int rc = rp_subproc_run(rp_render_path(), "image", data, n, &png, LOGO_MAX_PNG,
	    IMAGE_TIMEOUT_MS, err, sizeof(err));
	if (rc == 2)
		return rp_fail(req, 400, "invalid_image", field,
		    "The image could not be decoded (damaged or truncated).");
	if (rc != 0 || png.len < 24) {
		rp_err("%s: rempart-render image: status %d: %s", __func__, rc, err);
		return rp_fail(req, 500, "internal", NULL, "The image could not be processed.");
	}
	const unsigned char *p = (const unsigned char *)png.data;
	long ow = (long)p[16] << 24 | (long)p[17] << 16 | (long)p[18] << 8 | p[19];
	long oh = (long)p[20] << 24 | (long)p[21] << 16 | (long)p[22] << 8 | p[23];
	struct rp_dbarg a[] = { RP_AINT(firm), client ? RP_AINT(client) : RP_ANULL,
		RP_AINT(ow), RP_AINT(oh), RP_ASTR(rp_base64(req, p, png.len)),
		RP_AINT(req->user->id) };
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "width", json_object_new_int64(ow));
	rp_jadd(d, "height", json_object_new_int64(oh));
	if (rp_db_begin() != 0) {
		json_object_put(d);
		return rp_db_fail(req);
	}
	if (rp_db_do(req, &q_put_logo, a, 6, NULL) != 0 ||
	    rp_audit(req, "brand.logo", client ? "client" : "firm", client ? client : firm,
	    client, d) != 0) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

int
rp_brand_logo_delete(struct rp_req *req, long long firm, long long client)
{
	struct rp_dbarg a[] = { RP_AINT(firm), RP_AINT(client) };
	struct rp_dbres res;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_db_do(req, &q_delete_logo, a, 2, &res) != 0 || (res.affected > 0 &&
	    rp_audit(req, "brand.logo_delete", client ? "client" : "firm",
	    client ? client : firm, client, NULL) != 0)) {
		rp_db_rollback();
		return -1;
	}
	return rp_db_finish(req);
}

int
rp_brand_logo_send(struct rp_req *req, long long firm, long long client)
{
	const char *b64;
	unsigned char *png;
	size_t n;

	if (rp_brand_logo(req, firm, client, &b64) != 0)
		return -1;
	if (b64 == NULL)
		return rp_fail(req, 404, "not_found", NULL, "No logo.");
	if ((png = unbase64(req, b64, &n)) == NULL) {
		rp_err("%s: stored logo of firm %lld client %lld is damaged", __func__,
		    firm, client);
		return rp_fail(req, 500, "internal", NULL, "The logo is damaged.");
	}
	req->resp.body.len = 0;
	rp_buf_add(&req->resp.body, (const char *)png, n);
	req->resp.status = 200;
	req->resp.ctype = "image/png";
	/* An image of ours, shown inline; nosniff is on every answer. */
	rp_resp_header(req, "Content-Disposition", client ? "inline; filename=\"client-logo.png\"" :
	    "inline; filename=\"firm-logo.png\"");
	return 0;
}

int
rp_brand_chrome(struct rp_req *req, const struct rp_client *c)
{
	struct rp_dbarg a[] = { RP_AINT(c->firm_id), RP_AINT(c->firm_id), RP_AINT(c->firm_id),
		RP_AINT(c->id) };
	struct rp_dbres res;

	if (rp_db_do(req, &q_chrome, a, 4, &res) != 0)
		return -1;
	rp_set(req, "Brand.accent", rp_db_cell(&res, 0, 0));
	if (strcmp(rp_db_cell(&res, 0, 1) ? rp_db_cell(&res, 0, 1) : "0", "1") == 0)
		rp_set(req, "Brand.firm_logo", "1");
	if (strcmp(rp_db_cell(&res, 0, 2) ? rp_db_cell(&res, 0, 2) : "0", "1") == 0)
		rp_set(req, "Brand.client_logo", "1");
	return 0;
}
