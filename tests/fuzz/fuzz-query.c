/* Fuzz the query-string / urlencoded form parser (app/request.c). */
#include "fuzz.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_params p = { 0 };
	const char *bad = NULL;
	/* An exact-length copy, not NUL-terminated: ASan sees any read past n. */
	char *s = malloc(size ? size : 1);
	size_t i;

	memcpy(s, data, size);
	if (rp_parse_urlencoded(a, s, size, &p, &bad) == 0) {
		for (i = 0; i < p.n; i++) {
			if (p.v[i].key == NULL || p.v[i].val == NULL ||
			    strlen(p.v[i].val) > p.v[i].len)
				abort();
			(void)rp_param(&p, p.v[i].key);
		}
	} else if (bad == NULL)
		abort();
	free(s);
	rp_arena_free(a);
	return 0;
}
