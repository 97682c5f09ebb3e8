/* Fuzz the nmap XML reader (app/nmap.c, expat) and the scan document
 * finish (app/scandoc.c). */
#include "fuzz.h"
#include "nmap.h"
#include "scandoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_scan_doc doc;
	struct rp_scan_err err;
	char *s = malloc(size ? size : 1);

	memcpy(s, data, size);
	memset(&err, 0, sizeof(err));
	rp_scan_doc_init(&doc, a, "nmap");
	if (rp_nmap_read(a, s, size, "file", &doc, &err) == 0)
		(void)rp_scan_finish(&doc, false, "file", &err);
	free(s);
	rp_arena_free(a);
	return 0;
}
