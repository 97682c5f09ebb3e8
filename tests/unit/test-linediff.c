/* Unit tests of the line diff: fixed cases, then random pairs checked
 * against a plain LCS table for minimality, then a large document. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "linediff.h"
#include "tap.h"
#include "util.h"

static struct rp_arena *a;
static struct rp_diff_line *d;

/* The diff of old and new as one string: each line "<op><text>@<old>/<new>"
 * ('=', '-', '+'), separated by spaces; "(too far)" for -1. */
static const char *
show(const char *old, const char *new_, size_t max_d)
{
	struct rp_buf b;
	ssize_t n = rp_linediff(a, old, new_, max_d, &d);

	if (n < 0)
		return "(too far)";
	rp_buf_init(&b, a);
	for (ssize_t i = 0; i < n; i++)
		rp_buf_printf(&b, "%s%c%.*s@%zu/%zu", i > 0 ? " " : "",
		    d[i].op == RP_DIFF_SAME ? '=' : d[i].op == RP_DIFF_DEL ? '-' : '+',
		    (int)d[i].len, d[i].text, d[i].old_no, d[i].new_no);
	return rp_buf_str(&b);
}

static void
fixed(void)
{
	size_t added, deleted;
	ssize_t n;
	const char *old = "a\nb\nc\n";

	is_str(show("", "", 10), "", "two empty texts: no lines");
	ok(rp_linediff(a, "", "", 0, &d) == 0 && d == NULL, "two empty texts: 0 and NULL");
	ok(rp_linediff(a, NULL, "", 0, &d) == 0, "NULL reads as empty");
	is_str(show(old, old, 0), "=a@1/1 =b@2/2 =c@3/3", "identical: all SAME, even with max_d 0");
	is_str(show("", old, 10), "+a@0/1 +b@0/2 +c@0/3", "empty against text: all ADD");
	is_str(show(old, "", 10), "-a@1/0 -b@2/0 -c@3/0", "text against empty: all DEL");
	is_str(show(old, "a\nB\nc\n", 10), "=a@1/1 -b@2/0 +B@0/2 =c@3/3",
	    "one line changed in the middle: DEL then ADD, numbers right");
	is_str(show("a\nb\nc\nd\ne\n", "a\nB\nC\nd\ne\n", 10),
	    "=a@1/1 -b@2/0 -c@3/0 +B@0/2 +C@0/3 =d@4/4 =e@5/5",
	    "two lines changed: both deletions before both additions");
	is_str(show(old, "x\ny\na\nb\nc\n", 10), "+x@0/1 +y@0/2 =a@1/3 =b@2/4 =c@3/5",
	    "insertion at the start");
	is_str(show(old, "a\nb\nc\nx\n", 10), "=a@1/1 =b@2/2 =c@3/3 +x@0/4", "insertion at the end");
	is_str(show(old, "a\nc\n", 10), "=a@1/1 -b@2/0 =c@3/2", "deletion in the middle");
	is_str(show("a\nb", "a\nb\n", 0), "=a@1/1 =b@2/2",
	    "a final line without newline is the same line as with one");
	is_str(show("a\nb", "a\nb\nc", 10), "=a@1/1 =b@2/2 +c@0/3", "a line added after an unterminated one");
	is_str(show("a\n\n", "a\n", 10), "=a@1/1 -@2/0", "an empty line is a line");
	is_str(show("a\r\nb\r\n", "a\nb\n", 0), "=a@1/1 =b@2/2", "CRLF and LF texts compare equal");
	is_str(show("a\r\nb\r\nc", "a\nx\nc", 10), "=a@1/1 -b@2/0 +x@0/2 =c@3/3",
	    "CRLF against LF with a change");
	n = rp_linediff(a, "a\r\n", "b\n", 10, &d);
	ok(n == 2 && d[0].len == 1 && d[1].len == 1, "'\\r' left out of the length");
	is_str(show("a\rb\n", "a\rb", 10), "=a\rb@1/1", "a '\\r' inside a line is kept");

	/* Pointers into the inputs. */
	const char *o = "k\nold\n", *nw = "k\nnew\n";
	n = rp_linediff(a, o, nw, 10, &d);
	ok(n == 3 && d[1].text == o + 2 && d[2].text == nw + 2, "text points into old (DEL) and new (ADD)");

	/* The bound: six edits turn abc into xyz. */
	is_str(show(old, "x\ny\nz\n", 5), "(too far)", "6 edits, max_d 5: -1");
	ok(d == NULL, "-1 leaves *out NULL");
	is_str(show(old, "x\ny\nz\n", 6), "-a@1/0 -b@2/0 -c@3/0 +x@0/1 +y@0/2 +z@0/3",
	    "6 edits, max_d 6: the diff");
	is_str(show("", old, 2), "(too far)", "3 additions, max_d 2: -1");
	is_str(show(old, "a\nb\nc\nd\ne\nf\n", 2), "(too far)", "3 trailing additions, max_d 2: -1");
	is_str(show("a\nb\nc\nd\n", "a\nx\nc\ny\n", 3), "(too far)", "4 edits, max_d 3: -1");
	is_str(show("a\nb\nc\nd\n", "a\nx\nc\ny\n", 4), "=a@1/1 -b@2/0 +x@0/2 =c@3/3 -d@4/0 +y@0/4",
	    "4 edits, max_d 4: the diff");

	n = rp_linediff(a, "a\nb\nc\nd\n", "a\nx\nc\ny\nz\n", 10, &d);
	rp_linediff_counts(d, (size_t)n, &added, &deleted);
	ok(added == 3 && deleted == 2, "counts: 3 added, 2 deleted");
	rp_linediff_counts(NULL, 0, &added, &deleted);
	ok(added == 0 && deleted == 0, "counts of nothing: zeros");
}

/* Lines of a text as the module splits them, for checking. */
struct lines {
	const char	*s[64];
	size_t		 len[64];
	size_t		 n;
};

static void
lines_of(const char *t, struct lines *l)
{
	l->n = 0;
	while (*t != '\0') {
		const char *e = strchr(t, '\n');
		size_t len = e != NULL ? (size_t)(e - t) : strlen(t);

		l->s[l->n] = t;
		l->len[l->n] = e != NULL && len > 0 && t[len - 1] == '\r' ? len - 1 : len;
		l->n++;
		t = e != NULL ? e + 1 : t + len;
	}
}

static bool
line_eq(const char *s, size_t n, const char *t, size_t m)
{
	return n == m && memcmp(s, t, n) == 0;
}

/* Insertions plus deletions of a shortest script: N + M - 2 LCS. */
static size_t
distance(const struct lines *x, const struct lines *y)
{
	static size_t t[65][65];

	for (size_t i = 0; i <= x->n; i++)
		for (size_t j = 0; j <= y->n; j++) {
			if (i == 0 || j == 0)
				t[i][j] = 0;
			else if (line_eq(x->s[i - 1], x->len[i - 1], y->s[j - 1], y->len[j - 1]))
				t[i][j] = t[i - 1][j - 1] + 1;
			else
				t[i][j] = t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
		}
	return x->n + y->n - 2 * t[x->n][y->n];
}

/* Does the script turn x into y: SAME and DEL lines walk x in order, SAME
 * and ADD lines walk y, numbers and texts agree, deletions come before
 * additions in each change? */
static bool
script_ok(const struct rp_diff_line *e, size_t n, const struct lines *x,
    const struct lines *y)
{
	size_t i = 0, j = 0;

	for (size_t k = 0; k < n; k++) {
		switch (e[k].op) {
		case RP_DIFF_SAME:
			if (i >= x->n || j >= y->n || e[k].old_no != i + 1 || e[k].new_no != j + 1 ||
			    !line_eq(e[k].text, e[k].len, x->s[i], x->len[i]) ||
			    !line_eq(e[k].text, e[k].len, y->s[j], y->len[j]))
				return false;
			i++, j++;
			break;
		case RP_DIFF_DEL:
			if (i >= x->n || e[k].old_no != i + 1 || e[k].new_no != 0 ||
			    e[k].text != x->s[i] || e[k].len != x->len[i] ||
			    (k > 0 && e[k - 1].op == RP_DIFF_ADD))
				return false;
			i++;
			break;
		case RP_DIFF_ADD:
			if (j >= y->n || e[k].new_no != j + 1 || e[k].old_no != 0 ||
			    e[k].text != y->s[j] || e[k].len != y->len[j])
				return false;
			j++;
			break;
		default:
			return false;
		}
	}
	return i == x->n && j == y->n;
}

/* A small deterministic generator (xorshift), so runs repeat. */
static unsigned long long seed = 0x2545f4914f6cdd1dULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* Up to 12 lines from a four-word alphabet (one of them empty), LF or
 * CRLF, with or without a final newline. */
static const char *
random_text(void)
{
	static const char *words[] = { "a", "b", "c", "" };
	struct rp_buf b;
	unsigned n = rnd(13);
	bool crlf = rnd(4) == 0;

	rp_buf_init(&b, a);
	for (unsigned i = 0; i < n; i++) {
		rp_buf_puts(&b, words[rnd(RP_NELEM(words))]);
		if (i + 1 < n || rnd(3) != 0)
			rp_buf_puts(&b, crlf ? "\r\n" : "\n");
	}
	return rp_buf_str(&b);
}

static void
property(void)
{
	int bad_script = 0, bad_len = 0, bad_bound = 0;

	for (int r = 0; r < 200; r++) {
		const char *x = random_text(), *y = random_text();
		struct lines lx, ly;
		size_t added, deleted, want;
		ssize_t n;

		lines_of(x, &lx);
		lines_of(y, &ly);
		want = distance(&lx, &ly);
		n = rp_linediff(a, x, y, 1000, &d);
		if (n < 0 || !script_ok(d, (size_t)n, &lx, &ly)) {
			if (bad_script++ == 0)
				printf("#   bad script for '%s' -> '%s'\n", x, y);
			continue;
		}
		rp_linediff_counts(d, (size_t)n, &added, &deleted);
		if (added + deleted != want && bad_len++ == 0)
			printf("#   %zu edits, want %zu: '%s' -> '%s'\n", added + deleted, want, x, y);
		/* Exactly the distance is allowed, one less is not. */
		if ((rp_linediff(a, x, y, want, &d) < 0) ||
		    (want > 0 && rp_linediff(a, x, y, want - 1, &d) != -1))
			bad_bound++;
		rp_arena_reset(a);
	}
	is_int(bad_script, 0, "200 random pairs: each script rebuilds new from old");
	is_int(bad_len, 0, "200 random pairs: each script as short as the LCS says");
	is_int(bad_bound, 0, "200 random pairs: max_d = distance passes, one less gives -1");
}

/* 5,000 lines, 20 changes spread over them: 8 replaced, 6 inserted, 6
 * deleted. */
static void
large(void)
{
	struct rp_buf x, y;
	size_t added, deleted;
	ssize_t n;
	bool rebuilt = true;

	rp_buf_init(&x, a);
	rp_buf_init(&y, a);
	for (int i = 0; i < 5000; i++) {
		rp_buf_printf(&x, "Line %d of the policy text.\n", i);
		if (i % 250 == 100 && i / 250 < 8)
			rp_buf_printf(&y, "Line %d, rewritten.\n", i);
		else if (i % 250 == 100 && i / 250 < 14)
			rp_buf_printf(&y, "An inserted line before %d.\nLine %d of the policy text.\n",
			    i, i);
		else if (i % 250 == 100)
			;
		else
			rp_buf_printf(&y, "Line %d of the policy text.\n", i);
	}
	n = rp_linediff(a, rp_buf_str(&x), rp_buf_str(&y), 2000, &d);
	ok(n > 0, "5,000 lines with 20 changes: a diff");
	rp_linediff_counts(d, n > 0 ? (size_t)n : 0, &added, &deleted);
	is_int(added, 14, "14 lines added (8 rewritten, 6 inserted)");
	is_int(deleted, 14, "14 lines deleted (8 rewritten, 6 removed)");
	is_int(n, 5014, "every line once, old and new sides of each change");
	for (ssize_t i = 0, j = 0; i < n; i++) {
		if (d[i].op == RP_DIFF_ADD)
			continue;
		if ((size_t)++j != d[i].old_no)
			rebuilt = false;
	}
	ok(rebuilt, "old lines all there, in order");

	/* Two unrelated 10,000-line texts: given up at the bound. */
	rp_arena_reset(a);
	rp_buf_init(&x, a);
	rp_buf_init(&y, a);
	for (int i = 0; i < 10000; i++) {
		rp_buf_printf(&x, "old %d\n", i);
		rp_buf_printf(&y, "new %d\n", i);
	}
	n = rp_linediff(a, rp_buf_str(&x), rp_buf_str(&y), 2000, &d);
	is_int(n, -1, "10,000 lines all different, max_d 2000: -1");
}

int
main(void)
{
	a = rp_arena_new(4096);
	fixed();
	property();
	large();
	rp_arena_free(a);
	return done_testing();
}
