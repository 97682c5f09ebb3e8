/* Per-request arena: a bump allocator over a list of blocks. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "log.h"

#define ALIGN		16
#define MIN_BLOCK	(64 * 1024)

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	_Alignas(ALIGN) unsigned char data[];
};

struct rp_arena {
	struct block	*first;		/* kept for reuse across requests */
	struct block	*cur;
};

static struct block *
block_new(size_t size)
{
	struct block *b;

	if (size > SIZE_MAX - sizeof(*b) || (b = malloc(sizeof(*b) + size)) == NULL) {
		rp_err("arena: out of memory (%zu bytes)", size);
		abort();
	}
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct rp_arena *
rp_arena_new(size_t first)
{
	struct rp_arena *a;

	if ((a = malloc(sizeof(*a))) == NULL)
		abort();
	a->first = a->cur = block_new(first < MIN_BLOCK ? MIN_BLOCK : first);
	return a;
}

size_t
rp_arena_reset(struct rp_arena *a)
{
	struct block *b, *next;
	size_t freed = 0;

	/* Big blocks go back to the system so one large request does not pin
	 * memory in a long-lived worker. */
	for (b = a->first->next; b != NULL; b = next) {
		next = b->next;
		freed += b->size;
		free(b);
	}
	a->first->next = NULL;
	a->first->used = 0;
	a->cur = a->first;
	return freed;
}

void
rp_arena_free(struct rp_arena *a)
{
	if (a == NULL)
		return;
	rp_arena_reset(a);
	free(a->first);
	free(a);
}

void *
rp_alloc(struct rp_arena *a, size_t n)
{
	struct block *b = a->cur;
	size_t off = (b->used + ALIGN - 1) & ~(size_t)(ALIGN - 1);

	if (n == 0)
		n = 1;
	if (off > b->size || n > b->size - off) {
		size_t size = n > MIN_BLOCK ? n : MIN_BLOCK;

		if (size > SIZE_MAX - ALIGN)
			abort();
		b = block_new(size + ALIGN);
		b->next = NULL;
		a->cur->next = b;
		a->cur = b;
		off = 0;
	}
	b->used = off + n;
	return b->data + off;
}

void *
rp_calloc(struct rp_arena *a, size_t n, size_t sz)
{
	void *p;

	if (sz != 0 && n > SIZE_MAX / sz)
		abort();
	p = rp_alloc(a, n * sz);
	memset(p, 0, n * sz);
	return p;
}

char *
rp_strndup(struct rp_arena *a, const char *s, size_t n)
{
	char *p = rp_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
rp_strdup(struct rp_arena *a, const char *s)
{
	return rp_strndup(a, s, strlen(s));
}

char *
rp_printf(struct rp_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	p = rp_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t
rp_arena_size(const struct rp_arena *a)
{
	size_t total = 0;

	for (const struct block *b = a->first; b != NULL; b = b->next)
		total += b->size;
	return total;
}
