/* Unit tests of the per-request arena. */
#include <stdint.h>

#include "arena.h"
#include "tap.h"

int
main(void)
{
	struct rp_arena *a = rp_arena_new(0);
	size_t base = rp_arena_size(a);
	char *p, *q;

	p = rp_alloc(a, 10);
	q = rp_alloc(a, 10);
	ok(((uintptr_t)p % 16) == 0 && ((uintptr_t)q % 16) == 0,
	    "allocations are 16-byte aligned");
	ok(q >= p + 10, "allocations do not overlap");
	is_str(rp_strdup(a, "abc"), "abc", "strdup copies");
	is_str(rp_strndup(a, "abcdef", 3), "abc", "strndup stops at n");
	is_str(rp_printf(a, "%d-%s", 42, "x"), "42-x", "printf formats");
	int *z = rp_calloc(a, 100, sizeof(int));
	int zero = 1;
	for (int i = 0; i < 100; i++)
		zero &= z[i] == 0;
	ok(zero, "calloc zeroes");

	/* A big allocation makes a new block that reset gives back. */
	char *big = rp_alloc(a, 4 * 1024 * 1024);
	memset(big, 'x', 4 * 1024 * 1024);
	ok(rp_arena_size(a) > base + 4 * 1024 * 1024 - 1, "big block allocated");
	ok(rp_arena_reset(a) >= 4 * 1024 * 1024, "reset says how many bytes it gave back");
	is_int((long long)rp_arena_size(a), (long long)base,
	    "reset frees all but the first block");
	ok(rp_arena_reset(a) == 0, "a reset with nothing past the first block gives back 0");
	char *again = rp_alloc(a, 10);
	ok(again == p, "reset rewinds the first block for reuse");

	/* Many small allocations across blocks stay intact. */
	char *ptrs[5000];
	for (int i = 0; i < 5000; i++)
		ptrs[i] = rp_printf(a, "s%d", i);
	int intact = 1;
	for (int i = 0; i < 5000; i++) {
		char want[16];
		snprintf(want, sizeof(want), "s%d", i);
		intact &= strcmp(ptrs[i], want) == 0;
	}
	ok(intact, "5000 strings across blocks stay intact");
	rp_arena_free(a);
	return done_testing();
}
