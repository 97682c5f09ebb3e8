/* Fuzz the CSV reader (app/csv.c), and the export of what it read. */
#include "csv.h"
#include "fuzz.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_arena *a = fuzz_arena();
	struct rp_csv csv = { 0 };
	const char *err = NULL;
	size_t line = 0, r, c;
	char *s = malloc(size ? size : 1);

	memcpy(s, data, size);
	if (rp_csv_parse(a, s, size, 200, 50, 4096, &csv, &err, &line) == 0) {
		struct rp_buf b;

		rp_buf_init(&b, a);
		for (r = 0; r < csv.nrows; r++)
			for (c = 0; c < csv.rows[r].ncells; c++) {
				rp_csv_cell(&b, csv.rows[r].cells[c], csv.sep);
				(void)rp_csv_unneutralise(csv.rows[r].cells[c]);
			}
	} else if (err == NULL)
		abort();
	free(s);
	rp_arena_free(a);
	return 0;
}
