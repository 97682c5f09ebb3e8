/* Fuzz the multipart/form-data parser (app/multipart.c). The first line of
 * the input is the Content-Type header, the rest the body. */
#include "fuzz.h"
#include "multipart.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_params p = { 0 };
	const char *bad = NULL, *boundary;
	const uint8_t *nl = memchr(data, '\n', size);
	size_t hlen = nl != NULL ? (size_t)(nl - data) : size;
	size_t blen = nl != NULL ? size - hlen - 1 : 0;
	char *ct = fuzz_cstr(data, hlen);
	char *body = malloc(blen ? blen : 1);

	if (blen)
		memcpy(body, nl + 1, blen);
	boundary = rp_multipart_boundary(a, ct);
	if (boundary == NULL)
		boundary = "XyZ";
	if (rp_parse_multipart(a, body, blen, boundary, &p, &bad) != 0 &&
	    bad == NULL)
		abort();
	free(body);
	free(ct);
	rp_arena_free(a);
	return 0;
}
