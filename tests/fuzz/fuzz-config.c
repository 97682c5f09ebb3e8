/* Fuzz the configuration file parser (app/config.c): the input is written
 * to a private temporary file and loaded. */
#include <stdio.h>
#include <unistd.h>

#include "config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char path[64];

static void
cleanup(void)
{
	if (path[0] != '\0')
		unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_config *c;
	char err[512];
	FILE *f;

	if (path[0] == '\0') {
		int fd;

		snprintf(path, sizeof(path), "/tmp/rp-fuzz-config.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
		atexit(cleanup);
	}
	if ((f = fopen(path, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();
	err[0] = '\0';
	c = rp_config_load(path, err, sizeof(err));
	if (c != NULL) {
		(void)rp_config_workers(c);
		rp_config_free(c);
	} else if (err[0] == '\0')
		abort();
	return 0;
}
