/* Line diff of two texts: Myers' shortest edit script in linear space. */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "linediff.h"

/* A line of the input: text and length without "\n" or "\r\n". */
struct span {
	const char	*s;
	size_t		 len;
};

/*
 * The comparison works on line ids (equal lines, equal ids) of both texts,
 * over the edit graph of Myers' paper (E. W. Myers, "An O(ND) Difference
 * Algorithm and Its Variations", 1986): x indexes old lines, y new ones,
 * diagonal k = x - y. Coordinates are longs, so diagonals can be negative.
 */
struct ctx {
	const size_t	*xv, *yv;	/* line ids of old, of new */
	long		*fd, *bd;	/* furthest x per diagonal, forward and
					 * backward, indexed -M-1 .. N+1 */
	bool		*del, *add;	/* old lines deleted, new lines added */
	size_t		 max_d;
};

static size_t
count_lines(const char *s)
{
	size_t n = 0;
	char last = '\n';

	for (; *s != '\0'; s++)
		if ((last = *s) == '\n')
			n++;
	/* A final line without '\n' counts too. */
	return n + (last != '\n');
}

/* Split s into its lines at l[0..]; returns their number. */
static size_t
split(const char *s, struct span *l)
{
	size_t n = 0;
	const char *p;

	while (*s != '\0') {
		if ((p = strchr(s, '\n')) == NULL)
			p = s + strlen(s);
		l[n].s = s;
		l[n].len = (size_t)(p - s);
		if (*p == '\n' && l[n].len > 0 && s[l[n].len - 1] == '\r')
			l[n].len--;
		n++;
		s = *p == '\n' ? p + 1 : p;
	}
	return n;
}

/* FNV-1a: only used to spread lines over the table. */
static uint64_t
hash(const struct span *l)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < l->len; i++) {
		h ^= (unsigned char)l->s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Give each of the n lines an id, the index of the first line equal to it,
 * through an open-addressing table, so the diff compares numbers. */
static void
classify(struct rp_arena *a, const struct span *l, size_t n, size_t *ids)
{
	size_t cap = 16, *slot;

	while (cap < 2 * n)
		cap *= 2;
	slot = rp_calloc(a, cap, sizeof(*slot));	/* line index + 1, 0 empty */
	for (size_t i = 0; i < n; i++) {
		size_t h = (size_t)hash(&l[i]) & (cap - 1);

		for (;; h = (h + 1) & (cap - 1)) {
			const struct span *o;

			if (slot[h] == 0) {
				slot[h] = i + 1;
				ids[i] = i;
				break;
			}
			o = &l[slot[h] - 1];
			if (o->len == l[i].len && memcmp(o->s, l[i].s, o->len) == 0) {
				ids[i] = slot[h] - 1;
				break;
			}
		}
	}
}

/*
 * Find a point (*xmid, *ymid) on a shortest path through the box
 * [xoff, xlim) x [yoff, ylim), both sides non-empty and without common
 * first or last line, by running Myers' search forward from the top left
 * and backward from the bottom right until they overlap on a diagonal
 * ("the middle snake"). Returns 0, or -1 once the path is known to be
 * longer than max_d.
 *
 * Diagonals are searched only where the box has some (dmin .. dmax), with
 * sentinels just outside, but a furthest x may still lie past the box's
 * edge on its diagonal (the search then runs as if in a larger box, with no
 * equal lines outside this one). The distance from the start never
 * decreases along a diagonal, nor the distance to the end increases, so the
 * overlap point clamped back into the box is still on a shortest path.
 */
static int
middle(struct ctx *c, long xoff, long xlim, long yoff, long ylim, long *xmid,
    long *ymid)
{
	const size_t *xv = c->xv, *yv = c->yv;
	long *fd = c->fd, *bd = c->bd;
	long dmin = xoff - ylim, dmax = xlim - yoff;
	long fmid = xoff - yoff, bmid = xlim - ylim;
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	bool odd = (fmid - bmid) % 2 != 0;

	fd[fmid] = xoff;
	bd[bmid] = xlim;
	/* After forward step d a path of 2d - 1 edits can be found (when the
	 * sides differ in parity), after backward step d one of 2d. */
	for (size_t d = 1;; d++) {
		if (2 * d - 1 > c->max_d)
			return -1;
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			fmin++;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			fmax--;
		for (long k = fmax; k >= fmin; k -= 2) {
			long lo = fd[k - 1], hi = fd[k + 1];
			long x = lo < hi ? hi : lo + 1, y = x - k;

			while (x < xlim && y < ylim && xv[x] == yv[y])
				x++, y++;
			fd[k] = x;
			if (odd && bmin <= k && k <= bmax && bd[k] <= x) {
				if (x > xlim)
					x = xlim;
				if (x > ylim + k)
					x = ylim + k;
				*xmid = x;
				*ymid = x - k;
				return 0;
			}
		}

		if (2 * d > c->max_d)
			return -1;
		if (bmin > dmin)
			bd[--bmin - 1] = LONG_MAX;
		else
			bmin++;
		if (bmax < dmax)
			bd[++bmax + 1] = LONG_MAX;
		else
			bmax--;
		for (long k = bmax; k >= bmin; k -= 2) {
			long lo = bd[k - 1], hi = bd[k + 1];
			long x = lo < hi ? lo : hi - 1, y = x - k;

			while (x > xoff && y > yoff && xv[x - 1] == yv[y - 1])
				x--, y--;
			bd[k] = x;
			if (!odd && fmin <= k && k <= fmax && x <= fd[k]) {
				if (x < xoff)
					x = xoff;
				if (x < yoff + k)
					x = yoff + k;
				*xmid = x;
				*ymid = x - k;
				return 0;
			}
		}
	}
}

/* Mark the deleted and added lines of a shortest edit script from old
 * lines [xoff, xlim) to new lines [yoff, ylim). Each half of a split has a
 * shorter script than the whole, so the recursion is about log2(D) deep. */
static int
compare(struct ctx *c, long xoff, long xlim, long yoff, long ylim)
{
	long xmid, ymid;

	while (xoff < xlim && yoff < ylim && c->xv[xoff] == c->yv[yoff])
		xoff++, yoff++;
	while (xoff < xlim && yoff < ylim && c->xv[xlim - 1] == c->yv[ylim - 1])
		xlim--, ylim--;
	if (xoff == xlim) {
		while (yoff < ylim)
			c->add[yoff++] = true;
		return 0;
	}
	if (yoff == ylim) {
		while (xoff < xlim)
			c->del[xoff++] = true;
		return 0;
	}
	if (middle(c, xoff, xlim, yoff, ylim, &xmid, &ymid) != 0)
		return -1;
	if (compare(c, xoff, xmid, yoff, ymid) != 0)
		return -1;
	return compare(c, xmid, xlim, ymid, ylim);
}

ssize_t
rp_linediff(struct rp_arena *a, const char *old, const char *new_, size_t max_d,
    struct rp_diff_line **out)
{
	struct ctx c;
	struct span *l;
	struct rp_diff_line *o;
	size_t nx, ny, *ids, i, j, n, added, deleted;

	*out = NULL;
	if (old == NULL)
		old = "";
	if (new_ == NULL)
		new_ = "";
	nx = count_lines(old);
	ny = count_lines(new_);
	/* Every line of the longer text beyond the shorter one's count is an
	 * insertion or a deletion. */
	if ((nx > ny ? nx - ny : ny - nx) > max_d)
		return -1;
	if (nx + ny == 0)
		return 0;
	if (nx + ny > LONG_MAX / 2)
		return -1;

	/* Old lines then new lines, in one array: a line's id is the index of
	 * the first equal line of either text. */
	l = rp_calloc(a, nx + ny, sizeof(*l));
	split(old, l);
	split(new_, l + nx);
	ids = rp_calloc(a, nx + ny, sizeof(*ids));
	classify(a, l, nx + ny, ids);

	c.xv = ids;
	c.yv = ids + nx;
	c.fd = (long *)rp_calloc(a, nx + ny + 3, sizeof(long)) + ny + 1;
	c.bd = (long *)rp_calloc(a, nx + ny + 3, sizeof(long)) + ny + 1;
	c.del = rp_calloc(a, nx, sizeof(bool));
	c.add = rp_calloc(a, ny, sizeof(bool));
	c.max_d = max_d;
	if (compare(&c, 0, (long)nx, 0, (long)ny) != 0)
		return -1;

	/* The search stopped at max_d edits; lines trimmed off the ends of a
	 * box with one side empty are only counted here. */
	deleted = added = 0;
	for (i = 0; i < nx; i++)
		deleted += c.del[i];
	for (j = 0; j < ny; j++)
		added += c.add[j];
	if (deleted + added > max_d)
		return -1;

	/* Walk both texts: a run of deletions, then the additions at the same
	 * place, then one line kept by both. */
	o = rp_calloc(a, nx + added, sizeof(*o));
	n = i = j = 0;
	while (i < nx || j < ny) {
		for (; i < nx && c.del[i]; i++)
			o[n++] = (struct rp_diff_line){ RP_DIFF_DEL, l[i].s, l[i].len, i + 1, 0 };
		for (; j < ny && c.add[j]; j++)
			o[n++] = (struct rp_diff_line){ RP_DIFF_ADD, l[nx + j].s, l[nx + j].len,
			    0, j + 1 };
		/* Kept lines are as many in both texts: here both or none. */
		if (i == nx || j == ny)
			break;
		o[n++] = (struct rp_diff_line){ RP_DIFF_SAME, l[nx + j].s, l[nx + j].len,
		    i + 1, j + 1 };
		i++;
		j++;
	}
	*out = o;
	return (ssize_t)n;
}

void
rp_linediff_counts(const struct rp_diff_line *d, size_t n, size_t *added,
    size_t *deleted)
{
	*added = *deleted = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[i].op == RP_DIFF_ADD)
			(*added)++;
		else if (d[i].op == RP_DIFF_DEL)
			(*deleted)++;
	}
}
