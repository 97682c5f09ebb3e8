/* Rempart fuzz targets: shared helpers (libFuzzer, see tests/fuzz/run.sh). */
#ifndef RP_FUZZ_H
#define RP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* The input as a NUL-terminated string (the parsers taking C strings see
 * everything up to the first NUL, as they would from the environment). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A fresh arena per input, so that leaks and overruns show up. */
static inline struct rp_arena *
fuzz_arena(void)
{
	struct rp_arena *a = rp_arena_new(4096);

	if (a == NULL)
		abort();
	return a;
}

#endif
