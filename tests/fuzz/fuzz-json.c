/* Fuzz the strict JSON check and json-c parse of request bodies
 * (app/jsoncheck.c): whatever rp_json_check accepts, json-c must parse. */
#include <json-c/json.h>

#include "fuzz.h"
#include "jsoncheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* s[0..n) is "null" with JSON white space around it. */
static int
is_null(const char *s, size_t n)
{
	while (n > 0 && memchr(" \t\r\n", s[0], 4) != NULL)
		s++, n--;
	while (n > 0 && memchr(" \t\r\n", s[n - 1], 4) != NULL)
		n--;
	return n == 4 && memcmp(s, "null", 4) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_object *o = NULL;
	char *s = malloc(size ? size : 1);
	int chk, rc;

	memcpy(s, data, size);
	chk = rp_json_check(s, size, 32);
	rc = rp_json_parse(s, size, 32, &o);
	/* The check and the parse must agree, but for a top-level null
	 * (json-c gives no object for it: rp_json_parse refuses it). */
	if (rc == 0 && chk != 0)
		abort();
	if (rc != 0 && chk == 0 && !is_null(s, size))
		abort();
	if (rc == 0)
		json_object_put(o);
	free(s);
	return 0;
}
