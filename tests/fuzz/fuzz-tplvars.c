/* Fuzz the template variables (app/tplvars.c): check, fill, generalise. */
#include "fuzz.h"
#include "tplvars.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_tplvals v = { "Acme", "Firm {{date}}", NULL, "2026-11-26" };
	const char *what = NULL;
	size_t line = 0, n = 0;
	char *s = malloc(size + 1);

	/* The input as a C string: up to its first NUL. */
	memcpy(s, data, size);
	s[size] = '\0';
	int rc = rp_tplvars_check(a, s, &what, &line);
	if ((rc == 0) != (what == NULL) || (rc != 0 && line == 0))
		abort();
	char *f = rp_tplvars_fill(a, s, &v);
	/* A text that passed the check has no "{{" left after filling with
	 * values free of braces. */
	struct rp_tplvals plain = { "A", "B", "C", "D" };
	if (rc == 0 && strstr(rp_tplvars_fill(a, s, &plain), "{{") != NULL)
		abort();
	char *g = rp_tplvars_generalise(a, f, size > 3 ? "Acme" : "", &n);
	(void)g;
	free(s);
	rp_arena_free(a);
	return 0;
}
