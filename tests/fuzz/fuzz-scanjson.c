/* Fuzz the JSON scan import (app/scandoc.c), strict and merging. */
#include "fuzz.h"
#include "scandoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_scan_doc doc;
	struct rp_scan_err err;
	char *s = malloc(size ? size : 1);
	bool strict = size > 0 && (data[size - 1] & 1);

	memcpy(s, data, size);
	memset(&err, 0, sizeof(err));
	rp_scan_doc_init(&doc, a, "json");
	if (rp_scan_from_json_text(a, s, size, "file", &doc, &err) == 0)
		(void)rp_scan_finish(&doc, strict, "file", &err);
	free(s);
	rp_arena_free(a);
	return 0;
}
