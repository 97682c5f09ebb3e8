/* Per-request arena: everything a request allocates dies in one reset. */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include <stddef.h>

struct rp_arena;

/* Create an arena whose first block (kept across resets) holds `first` bytes. */
struct rp_arena *rp_arena_new(size_t first);
/* Free every block but the first, and rewind it. Returns the bytes of the
 * blocks freed (0 when everything fitted in the first). */
size_t rp_arena_reset(struct rp_arena *);
void rp_arena_free(struct rp_arena *);
/* Allocate n bytes aligned for any type; never returns NULL (aborts on OOM). */
void *rp_alloc(struct rp_arena *, size_t n);
/* Zeroed allocation of n elements of size sz, overflow-checked. */
void *rp_calloc(struct rp_arena *, size_t n, size_t sz);
char *rp_strndup(struct rp_arena *, const char *, size_t);
char *rp_strdup(struct rp_arena *, const char *);
char *rp_printf(struct rp_arena *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Bytes currently allocated from the system (all blocks). */
size_t rp_arena_size(const struct rp_arena *);

#endif
