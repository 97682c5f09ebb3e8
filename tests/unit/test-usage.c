/* Unit tests of the usage diagnostic's pure rules: the scoring rule and
 * means (app/usage-rules.c), link tokens, the signed token of the public
 * form, and the SHA-256 / HMAC-SHA256 they rest on (FIPS 180-4 and RFC 4231
 * vectors). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "tap.h"
#include "usage-rules.h"

static const char *
hex_of(const unsigned char *d)
{
	static char out[2 * RP_SHA256_LEN + 1];

	rp_hex(d, RP_SHA256_LEN, out);
	return out;
}

static void
test_sha256(void)
{
	unsigned char d[RP_SHA256_LEN], key[131];

	rp_sha256("", 0, d);
	is_str(hex_of(d), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "SHA-256 of the empty string");
	rp_sha256("abc", 3, d);
	is_str(hex_of(d), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "SHA-256 of abc");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	rp_sha256(two, strlen(two), d);
	is_str(hex_of(d), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "SHA-256 of the two-block message");
	/* A million 'a' (FIPS 180-2 appendix B.3). */
	char *big = malloc(1000000);
	if (big != NULL) {
		memset(big, 'a', 1000000);
		rp_sha256(big, 1000000, d);
		free(big);
		is_str(hex_of(d), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		    "SHA-256 of a million a");
	}

	memset(key, 0x0b, 20);
	rp_hmac_sha256(key, 20, "Hi There", 8, d);
	is_str(hex_of(d), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
	    "HMAC-SHA256, RFC 4231 case 1");
	const char *msg = "what do ya want for nothing?";
	rp_hmac_sha256("Jefe", 4, msg, strlen(msg), d);
	is_str(hex_of(d), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	    "HMAC-SHA256, RFC 4231 case 2");
	memset(key, 0xaa, sizeof(key));
	msg = "Test Using Larger Than Block-Size Key - Hash Key First";
	rp_hmac_sha256(key, sizeof(key), msg, strlen(msg), d);
	is_str(hex_of(d), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
	    "HMAC-SHA256, RFC 4231 case 6 (key longer than a block)");
}

static void
test_score(void)
{
	struct rp_usage_q scale = { .kind = RP_USAGE_SCALE };
	struct rp_usage_q yes = { .kind = RP_USAGE_YES_NO, .good_yes = true };
	struct rp_usage_q no = { .kind = RP_USAGE_YES_NO, .good_yes = false };
	struct rp_usage_q choice = { .kind = RP_USAGE_CHOICE, .noptions = 3,
	    .option_score = { 100, 40, -1 } };
	struct rp_usage_q text = { .kind = RP_USAGE_TEXT };
	static const char *const bad[] = { "0", "6", "", "3.5", " 3", "3 ", "-1", "+3",
		"03", "yes", "x" };

	/* Scale 1..5 maps onto 0..100 in steps of 25. */
	for (int v = 1; v <= 5; v++) {
		char s[4];
		snprintf(s, sizeof(s), "%d", v);
		is_int(rp_usage_score(&scale, s), (v - 1) * 25, "scale answer maps to 0..100");
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(rp_usage_score(&scale, bad[i]) == RP_USAGE_INVALID, "scale refuses '%s'", bad[i]);
	ok(rp_usage_score(&scale, NULL) == RP_USAGE_INVALID, "no answer is no value");

	is_int(rp_usage_score(&yes, "yes"), 100, "yes/no: the good answer scores 100");
	is_int(rp_usage_score(&yes, "no"), 0, "yes/no: the other scores 0");
	is_int(rp_usage_score(&no, "no"), 100, "yes/no whose good answer is no");
	is_int(rp_usage_score(&no, "yes"), 0, "... and yes scores 0 there");
	is_int(rp_usage_score(&yes, "Yes"), RP_USAGE_INVALID, "yes/no is case-sensitive");
	is_int(rp_usage_score(&yes, "1"), RP_USAGE_INVALID, "yes/no refuses a number");

	is_int(rp_usage_score(&choice, "1"), 100, "choice: the option's score");
	is_int(rp_usage_score(&choice, "2"), 40, "choice: another option's score");
	is_int(rp_usage_score(&choice, "3"), RP_USAGE_UNSCORED, "choice: an unscored option");
	is_int(rp_usage_score(&choice, "4"), RP_USAGE_INVALID, "choice: no fourth option");
	is_int(rp_usage_score(&choice, "0"), RP_USAGE_INVALID, "choice: options count from 1");

	is_int(rp_usage_score(&text, "anything"), RP_USAGE_UNSCORED, "text is never scored");
	struct rp_usage_q odd = { .kind = 9 };
	is_int(rp_usage_score(&odd, "1"), RP_USAGE_INVALID, "an unknown kind takes nothing");

	/* Means round half up; nothing scored is no score. */
	is_int(rp_usage_mean(0, 0), -1, "no scored answer: no mean");
	is_int(rp_usage_mean(100, 1), 100, "one answer");
	is_int(rp_usage_mean(100 + 25, 2), 63, "62.5 rounds up to 63");
	is_int(rp_usage_mean(50 + 25 + 25, 3), 33, "33.3 rounds down to 33");
	is_int(rp_usage_mean(200, 3), 67, "66.7 rounds up to 67");
	is_int(rp_usage_mean(0, 4), 0, "all zero");
	/* A section of three answers (100, 75, 0) → 58; with a section of
	 * one answer (0) the answer scores (58 + 0) / 2 = 29. */
	int s1 = rp_usage_mean(100 + 75 + 0, 3);
	is_int(s1, 58, "a section's score is the mean of its answers");
	is_int(rp_usage_mean(s1 + 0, 2), 29, "an answer's score is the mean of its sections");
}

static void
test_tokens(void)
{
	const unsigned char key[] = "0123456789abcdef0123456789abcdef";
	const char *link = "00112233445566778899aabbccddeeff", *other =
	    "ffeeddccbbaa99887766554433221100";
	char t[RP_USAGE_FORM_TOKEN_MAX], forged[RP_USAGE_FORM_TOKEN_MAX];
	long long now = 1800000000;

	ok(rp_usage_token_ok(link), "a link token: 32 lower-case hex digits");
	ok(!rp_usage_token_ok("00112233445566778899AABBCCDDEEFF"), "upper case refused");
	ok(!rp_usage_token_ok("00112233445566778899aabbccddeef"), "31 digits refused");
	ok(!rp_usage_token_ok("00112233445566778899aabbccddeeff0"), "33 digits refused");
	ok(!rp_usage_token_ok("0011223344556677-899aabbccddeeff"), "a dash refused");
	ok(!rp_usage_token_ok(NULL), "no token");

	rp_usage_form_token(key, 32, link, now, t);
	ok(strncmp(t, "1800000000.", 11) == 0 && strlen(t) == 11 + 64, "form token: time.hmac");
	ok(rp_usage_form_check(key, 32, link, t, now, 86400), "accepted at once");
	ok(rp_usage_form_check(key, 32, link, t, now + 86400, 86400), "accepted at the age limit");
	ok(!rp_usage_form_check(key, 32, link, t, now + 86401, 86400), "refused once too old");
	ok(rp_usage_form_check(key, 32, link, t, now - 60, 86400), "a clock a minute behind");
	ok(!rp_usage_form_check(key, 32, link, t, now - 61, 86400), "not issued in the future");
	ok(!rp_usage_form_check(key, 32, other, t, now, 86400), "another link's form refused");
	ok(!rp_usage_form_check((const unsigned char *)"another key another key another k",
	    32, link, t, now, 86400), "another install's key refused");
	/* Moving the time without the key breaks the signature. */
	snprintf(forged, sizeof(forged), "1800000001%s", strchr(t, '.'));
	ok(!rp_usage_form_check(key, 32, link, forged, now, 86400), "a changed time refused");
	memcpy(forged, t, sizeof(forged));
	forged[strlen(forged) - 1] = forged[strlen(forged) - 1] == '0' ? '1' : '0';
	ok(!rp_usage_form_check(key, 32, link, forged, now, 86400), "a changed signature refused");
	ok(!rp_usage_form_check(key, 32, link, "", now, 86400), "empty refused");
	ok(!rp_usage_form_check(key, 32, link, NULL, now, 86400), "absent refused");
	ok(!rp_usage_form_check(key, 32, link, "1800000000", now, 86400), "no signature refused");
	ok(!rp_usage_form_check(key, 32, link, ".abc", now, 86400), "no time refused");
	ok(!rp_usage_form_check(key, 32, link, "x.abc", now, 86400), "a bad time refused");
	ok(!rp_usage_form_check(key, 32, "not a token", t, now, 86400), "a bad link token refused");
}

int
main(void)
{
	test_sha256();
	test_score();
	test_tokens();
	return done_testing();
}
