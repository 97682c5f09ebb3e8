/* Passwords: scrypt hashes (libscrypt, modular crypt format) and the policy. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libscrypt.h>

#include "config.h"
#include "log.h"
#include "password.h"
#include "util.h"

static uint32_t cost_n = 1u << 17;
static char **common;			/* sorted, lower-case */
static size_t ncommon;
static char dummy_hash[RP_HASH_LEN];	/* for logins of unknown e-mails */

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

int
rp_password_setup(const struct rp_config *cfg)
{
	char line[512];
	size_t cap = 0;
	FILE *fp;

	cost_n = (uint32_t)cfg->auth_scrypt_n;
	/* Made before forking, so that no login pays for it (which would tell
	 * the first unknown e-mail apart by its time). */
	if (rp_password_hash("rempart-dummy-password", dummy_hash) != 0)
		return -1;
	for (size_t i = 0; i < ncommon; i++)
		free(common[i]);
	free(common);
	common = NULL;
	ncommon = 0;
	if (cfg->auth_common_passwords[0] == '\0')
		return 0;
	if ((fp = fopen(cfg->auth_common_passwords, "r")) == NULL) {
		rp_err("cannot read auth.common_passwords %s: %s",
		    cfg->auth_common_passwords, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		/* john's list starts with "#!comment:" lines. */
		if (line[0] == '\0' || strncmp(line, "#!comment", 9) == 0)
			continue;
		if (ncommon == cap) {
			cap = cap ? cap * 2 : 4096;
			char **n = realloc(common, cap * sizeof(*common));
			if (n == NULL)
				break;
			common = n;
		}
		if ((common[ncommon] = strdup(line)) == NULL)
			break;
		lower(common[ncommon++]);
	}
	fclose(fp);
	qsort(common, ncommon, sizeof(*common), cmp);
	rp_debug("loaded %zu common passwords from %s", ncommon,
	    cfg->auth_common_passwords);
	return 0;
}

const char *
rp_password_policy(const char *pw, const char *email)
{
	size_t len = strlen(pw), chars = 0;
	char buf[RP_PASSWORD_MAX + 1], *key = buf;

	/* Length in characters, not bytes: "é" counts once. */
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++)
		chars += (*p & 0xc0) != 0x80;
	if (chars < RP_PASSWORD_MIN)
		return "The password must have at least 12 characters.";
	if (len > RP_PASSWORD_MAX)
		return "The password must have at most 256 bytes.";
	memcpy(buf, pw, len + 1);
	lower(buf);
	if (ncommon > 0 && bsearch(&key, common, ncommon, sizeof(*common), cmp))
		return "This password is too common; choose another.";
	if (email != NULL && strcasecmp(pw, email) == 0)
		return "The password must not be the e-mail address.";
	return NULL;
}

int
rp_password_hash(const char *pw, char *out)
{
	/* r=8, p=1 chosen explicitly: the header's defaults use p=16. */
	if (libscrypt_hash(out, pw, cost_n, 8, 1) != 1) {
		rp_err("scrypt hashing failed");
		return -1;
	}
	return 0;
}

/* "$s1$PPPPPP$salt$hash": PPPPPP is log2(N) << 16 | r << 8 | p, in hex. */
static bool
same_params(const char *stored)
{
	unsigned params, logn = 0;

	if (strncmp(stored, "$s1$", 4) != 0 || sscanf(stored + 4, "%6x$",
	    &params) != 1)
		return false;
	for (uint32_t n = cost_n; n > 1; n >>= 1)
		logn++;
	return params == (logn << 16 | 8u << 8 | 1u);
}

int
rp_password_verify(const char *pw, const char *stored, bool *rehash)
{
	char copy[RP_HASH_LEN];
	int rc;

	*rehash = false;
	if (stored == NULL || strlen(stored) >= sizeof(copy))
		return 0;
	/* libscrypt_check writes into its argument: give it a copy. It
	 * returns -1 for a malformed hash: only 1 is a match. */
	memcpy(copy, stored, strlen(stored) + 1);
	rc = libscrypt_check(copy, pw);
	if (rc == 1) {
		*rehash = !same_params(stored);
		return 1;
	}
	return 0;
}

void
rp_password_burn(const char *pw)
{
	bool unused;

	rp_password_verify(pw, dummy_hash, &unused);
}
