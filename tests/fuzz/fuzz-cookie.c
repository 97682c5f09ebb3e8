/* Fuzz the Cookie header parser (app/request.c). */
#include "fuzz.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_params p = { 0 };
	const char *bad = NULL;
	char *s = fuzz_cstr(data, size);
	size_t i;

	if (rp_parse_cookies(a, s, &p, &bad) == 0) {
		for (i = 0; i < p.n; i++)
			(void)rp_param(&p, p.v[i].key);
	} else if (bad == NULL)
		abort();
	free(s);
	rp_arena_free(a);
	return 0;
}
