/* The usage diagnostic's scoring rule and public-form tokens. */
#include <stdio.h>
#include <string.h>

#include "sha256.h"
#include "usage-rules.h"
#include "util.h"

int
rp_usage_score(const struct rp_usage_q *q, const char *value)
{
	long long v;

	/* Numbers as the form writes them: no sign, space or leading zero. */
	if (value == NULL || value[0] == '0')
		return RP_USAGE_INVALID;
	switch (q->kind) {
	case RP_USAGE_SCALE:
		if (rp_strtonum(value, 1, RP_USAGE_SCALE_MAX, &v) != 0)
			return RP_USAGE_INVALID;
		return (int)((v - 1) * 100 / (RP_USAGE_SCALE_MAX - 1));
	case RP_USAGE_YES_NO:
		if (strcmp(value, "yes") == 0)
			return q->good_yes ? 100 : 0;
		if (strcmp(value, "no") == 0)
			return q->good_yes ? 0 : 100;
		return RP_USAGE_INVALID;
	case RP_USAGE_CHOICE:
		if (q->noptions > RP_USAGE_MAX_OPTIONS ||
		    rp_strtonum(value, 1, (long long)q->noptions, &v) != 0)
			return RP_USAGE_INVALID;
		return q->option_score[v - 1] >= 0 && q->option_score[v - 1] <= 100 ?
		    q->option_score[v - 1] : RP_USAGE_UNSCORED;
	case RP_USAGE_TEXT:
		return RP_USAGE_UNSCORED;
	default:
		return RP_USAGE_INVALID;
	}
}

int
rp_usage_mean(long long total, long long n)
{
	if (n <= 0 || total < 0)
		return -1;
	return (int)((2 * total + n) / (2 * n));
}

bool
rp_usage_token_ok(const char *t)
{
	return t != NULL && strlen(t) == RP_USAGE_TOKEN_LEN &&
	    strspn(t, "0123456789abcdef") == RP_USAGE_TOKEN_LEN;
}

/* The hex signature of (link token, time). */
static void
sign(const unsigned char *key, size_t keylen, const char *link_token, long long t,
    char hex[2 * RP_SHA256_LEN + 1])
{
	unsigned char mac[RP_SHA256_LEN];
	char msg[64 + RP_USAGE_TOKEN_LEN];
	int n = snprintf(msg, sizeof(msg), "usage-form:%.*s:%lld", RP_USAGE_TOKEN_LEN,
	    link_token, t);

	rp_hmac_sha256(key, keylen, msg, (size_t)n, mac);
	rp_hex(mac, sizeof(mac), hex);
}

void
rp_usage_form_token(const unsigned char *key, size_t keylen, const char *link_token,
    long long now, char out[RP_USAGE_FORM_TOKEN_MAX])
{
	char hex[2 * RP_SHA256_LEN + 1];

	sign(key, keylen, link_token, now, hex);
	snprintf(out, RP_USAGE_FORM_TOKEN_MAX, "%lld.%s", now, hex);
}

bool
rp_usage_form_check(const unsigned char *key, size_t keylen, const char *link_token,
    const char *sent, long long now, long long max_age)
{
	char num[24], hex[2 * RP_SHA256_LEN + 1];
	const char *dot;
	long long t;

	if (sent == NULL || !rp_usage_token_ok(link_token) ||
	    (dot = strchr(sent, '.')) == NULL || (size_t)(dot - sent) >= sizeof(num))
		return false;
	memcpy(num, sent, (size_t)(dot - sent));
	num[dot - sent] = '\0';
	if (rp_strtonum(num, 1, 1LL << 40, &t) != 0 || t < now - max_age || t > now + 60)
		return false;
	sign(key, keylen, link_token, t, hex);
	return rp_str_equal_ct(dot + 1, hex);
}
