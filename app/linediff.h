/* Line diff of two texts (a deployed document against a newer template). */
#ifndef RP_LINEDIFF_H
#define RP_LINEDIFF_H

#include <stddef.h>
#include <sys/types.h>

struct rp_arena;

enum rp_diff_op { RP_DIFF_SAME, RP_DIFF_DEL, RP_DIFF_ADD };

/* One line of a diff. */
struct rp_diff_line {
	enum rp_diff_op	 op;
	const char	*text;		/* points into the input text (new's
					 * for SAME), not NUL-terminated at
					 * the line end */
	size_t		 len;		/* without the line's '\n' (and without
					 * a '\r' before it) */
	size_t		 old_no, new_no;	/* 1-based line numbers in old / new;
					 * 0 when absent (ADD has no old_no,
					 * DEL no new_no) */
};

/* Diff old against new, line by line (Myers' O((N+M)D) algorithm, the
 * shortest edit script, in its linear-space form). Lines split on '\n': a
 * final line without '\n' counts, an empty text (or NULL) has no lines; a
 * '\r' right before a '\n' is not part of the line, so CRLF and LF texts
 * compare equal; lines otherwise compare by exact bytes.
 * At most max_d inserted + deleted lines are searched for: beyond that,
 * returns -1 (too different to show usefully) and sets *out to NULL.
 * Otherwise returns the number of entries written to *out (in the arena, in
 * order; for each change, deletions before additions), 0 (and NULL) for
 * two texts without lines. Memory O(N+M) lines, all in the arena. */
ssize_t rp_linediff(struct rp_arena *, const char *old, const char *new_, size_t max_d,
    struct rp_diff_line **out);

/* Counts of a diff: lines added and deleted. */
void rp_linediff_counts(const struct rp_diff_line *, size_t n, size_t *added,
    size_t *deleted);

#endif
