/* Unit tests of numbers, UTF-8, percent-decoding and URL escaping. */
#include <limits.h>

#include "arena.h"
#include "tap.h"
#include "util.h"

int
main(void)
{
	struct rp_arena *a = rp_arena_new(0);
	long long v = -1;
	size_t len;

	ok(rp_strtonum("42", 1, 100, &v) == 0 && v == 42, "strtonum: plain");
	ok(rp_strtonum("0", 1, 100, &v) != 0, "strtonum: below min");
	ok(rp_strtonum("101", 1, 100, &v) != 0, "strtonum: above max");
	ok(rp_strtonum(" 4", 0, 100, &v) != 0, "strtonum: leading space");
	ok(rp_strtonum("4x", 0, 100, &v) != 0, "strtonum: trailing junk");
	ok(rp_strtonum("+4", 0, 100, &v) != 0, "strtonum: plus sign");
	ok(rp_strtonum("", 0, 100, &v) != 0, "strtonum: empty");
	ok(rp_strtonum(NULL, 0, 100, &v) != 0, "strtonum: NULL");
	ok(rp_strtonum("-3", -5, 5, &v) == 0 && v == -3, "strtonum: negative");
	ok(rp_strtonum("99999999999999999999", 0, 1LL << 62, &v) != 0,
	    "strtonum: overflow");

	ok(rp_utf8_valid("caf\xc3\xa9", 5), "utf8: é");
	ok(rp_utf8_valid("\xf0\x9f\x94\x92", 4), "utf8: 4-byte emoji");
	ok(!rp_utf8_valid("\xc3", 1), "utf8: truncated");
	ok(!rp_utf8_valid("\xc0\xaf", 2), "utf8: overlong");
	ok(!rp_utf8_valid("\xed\xa0\x80", 3), "utf8: surrogate");
	ok(!rp_utf8_valid("a\0b", 3), "utf8: NUL refused");
	ok(!rp_utf8_valid("a\x1b", 2), "utf8: escape refused");
	ok(rp_utf8_valid("a\tb\r\n", 5), "utf8: tab and newlines allowed");

	is_str(rp_pct_decode(a, "a%20b", 5, false, &len), "a b", "pct: %20");
	is_str(rp_pct_decode(a, "a+b", 3, true, &len), "a b", "pct: plus in forms");
	is_str(rp_pct_decode(a, "a+b", 3, false, &len), "a+b", "pct: plus in paths");
	ok(rp_pct_decode(a, "a%2", 3, false, &len) == NULL, "pct: short escape");
	ok(rp_pct_decode(a, "a%", 2, false, &len) == NULL, "pct: lone percent");
	ok(rp_pct_decode(a, "%zz", 3, false, &len) == NULL, "pct: bad hex");
	ok(rp_pct_decode(a, "%00", 3, false, &len) == NULL, "pct: NUL refused");
	is_str(rp_pct_decode(a, "%C3%A9", 6, false, &len), "\xc3\xa9", "pct: UTF-8");

	is_str(rp_url_path_escape(a, "/a b/\"x\""), "/a%20b/%22x%22",
	    "url path escape");
	is_str(rp_url_path_escape(a, "//evil.example"), "/",
	    "url path: protocol-relative refused");
	is_str(rp_url_path_escape(a, "/\\evil"), "/", "url path: backslash refused");
	is_str(rp_url_path_escape(a, "javascript:x"), "/", "url path: scheme refused");

	ok(rp_str_equal_ct("abc", "abc"), "ct equal");
	ok(!rp_str_equal_ct("abc", "abd"), "ct differ");
	ok(!rp_str_equal_ct("abc", "abcd"), "ct prefix differs");

	/* The text rules shared by form fields and imported files. */
	const char *code, *msg;
	is_str(rp_text_clean(a, " \tA b\t ", 10, false, &code, &msg), "A b", "text: trimmed");
	is_str(rp_text_clean(a, "\r\n a\r\n\tb \r\n", 10, true, &code, &msg), "a\n\tb",
	    "text: lines, CR LF read as LF, blank lines around dropped");
	ok(rp_text_clean(a, "a\nb", 10, false, &code, &msg) == NULL &&
	    strcmp(code, "invalid") == 0, "text: one line refuses a newline");
	ok(rp_text_clean(a, "a\x01", 10, true, &code, &msg) == NULL, "text: control character");
	ok(rp_text_clean(a, "\xc3\xa9\xc3\xa9\xc3\xa9", 3, false, &code, &msg) != NULL,
	    "text: the limit counts characters, not bytes");
	ok(rp_text_clean(a, "abcd", 3, false, &code, &msg) == NULL &&
	    strcmp(code, "too_long") == 0, "text: too long");
	is_int(rp_utf8_chars("a\xc3\xa9\xf0\x9f\x98\x80"), 3, "utf8: characters counted");

	struct rp_buf b;
	rp_buf_init(&b, a);
	is_str(rp_buf_str(&b), "", "empty buffer reads as empty string");
	for (int i = 0; i < 1000; i++)
		rp_buf_printf(&b, "%d,", i);
	ok(b.len == strlen(b.data) && strncmp(b.data, "0,1,2,", 6) == 0 &&
	    strstr(b.data, "999,") != NULL, "buffer grows");
	const long long nums[] = { 0, 7, -7, 10, 1234567890123LL, LLONG_MAX, LLONG_MIN };
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		char want[32];
		snprintf(want, sizeof(want), "[%lld]", nums[i]);
		rp_buf_init(&b, a);
		rp_buf_puts(&b, "[");
		rp_buf_putll(&b, nums[i]);
		rp_buf_puts(&b, "]");
		is_str(rp_buf_str(&b), want, "rp_buf_putll writes as printf does");
	}
	rp_buf_init(&b, a);
	const long long ids[] = { 3, 1234567890123LL, 42 };
	for (size_t i = 0; i < 3; i++)
		rp_buf_put_id(&b, ids[i]);
	is_str(rp_buf_str(&b), "3,1234567890123,42", "rp_buf_put_id: a comma between ids");
	size_t nids;
	long long *back = rp_ids_parse(a, rp_buf_str(&b), &nids);
	ok(nids == 3 && back[0] == 3 && back[1] == 1234567890123LL && back[2] == 42,
	    "rp_buf_put_id: read back by rp_ids_parse");
	rp_arena_free(a);
	return done_testing();
}
