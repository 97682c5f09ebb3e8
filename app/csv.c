/* CSV as spreadsheets write it: a strict reader, a formula-safe writer. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "csv.h"
#include "util.h"

/* What ended a cell. */
enum csv_end { END_SEP, END_RECORD, END_INPUT };

/* The reader's position in the text, and its first error. */
struct csv_in {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	size_t		 line;		/* physical line of s[pos] */
	char		 sep;
	size_t		 max_cell;
	const char	*err;
	size_t		 err_line;
};

/* One cell as found in the text, before unquoting. */
struct csv_span {
	size_t		 start, end;	/* raw bytes, outer quotes excluded */
	size_t		 len;		/* length once "" is undone */
	size_t		 line;
	bool		 quoted;
};

static int		 fail(struct csv_in *, const char *, size_t);
static size_t		 newline_at(const char *, size_t, size_t);
static int		 check_text(const char *, size_t, const char **,
			    size_t *);
static char		 detect_sep(const char *, size_t);
static int		 scan_cell(struct csv_in *, struct csv_span *,
			    enum csv_end *);
static void		*grow(struct rp_arena *, void *, size_t *, size_t);
static int		 read_record(struct rp_arena *, struct csv_in *, size_t,
			    struct csv_span **, size_t *, size_t *);
static bool		 blank(const struct csv_span *, size_t);
static const char	*cell_text(struct rp_arena *, const char *,
			    const struct csv_span *);
static bool		 looks_like_formula(const char *);

static int
fail(struct csv_in *in, const char *msg, size_t line)
{
	in->err = msg;
	in->err_line = line;
	return -1;
}

/* Length of the line break at s[i] (CRLF counts as one), or 0. */
static size_t
newline_at(const char *s, size_t len, size_t i)
{
	if (s[i] == '\n')
		return 1;
	if (s[i] == '\r')
		return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
	return 0;
}

/* Refuse what is not UTF-8 text before parsing, so that the parser deals in
 * ASCII delimiters only. A Latin-1 export ("Soci\xe9t\xe9") is the usual
 * culprit: importing it as is would store mojibake. */
static int
check_text(const char *s, size_t len, const char **err, size_t *err_line)
{
	size_t i = 0, line = 1, nl, need;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if ((nl = newline_at(s, len, i)) > 0) {
			i += nl;
			line++;
			continue;
		}
		if (c == '\0') {
			*err = "The file contains a NUL byte.";
			*err_line = line;
			return -1;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		need = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
		    (c & 0xf8) == 0xf0 ? 4 : 0;
		/* rp_utf8_valid() checks the continuation bytes, overlong
		 * forms, surrogates and the U+10FFFF ceiling. */
		if (need == 0 || len - i < need ||
		    !rp_utf8_valid(s + i, need)) {
			*err = "The file is not UTF-8 text "
			    "(save it as CSV UTF-8).";
			*err_line = line;
			return -1;
		}
		i += need;
	}
	return 0;
}

/* Excel writes ';' where the decimal mark is a comma (France) and ','
 * elsewhere: count both outside quotes in the first record. A doubled quote
 * toggles twice, so it needs no special case. */
static char
detect_sep(const char *s, size_t len)
{
	size_t semi = 0, comma = 0, i = 0;
	bool quoted = false;

	while (i < len && (s[i] == '\r' || s[i] == '\n'))
		i++;
	for (; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\r' || s[i] == '\n')
			break;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

/* Find the cell at in->pos and step past what ends it. Strict where
 * spreadsheets are lenient: a stray quote means the file is not what we
 * think it is, and guessing would shift values into the wrong columns. */
static int
scan_cell(struct csv_in *in, struct csv_span *sp, enum csv_end *end)
{
	const char *s = in->s;
	bool closed = false;
	size_t nl;

	sp->line = in->line;
	sp->len = 0;
	sp->quoted = in->pos < in->len && s[in->pos] == '"';
	if (sp->quoted) {
		sp->start = ++in->pos;
		while (!closed && in->pos < in->len) {
			if (s[in->pos] == '"' && in->pos + 1 < in->len &&
			    s[in->pos + 1] == '"') {
				in->pos += 2;
				sp->len++;
			} else if (s[in->pos] == '"') {
				closed = true;
			} else if ((nl = newline_at(s, in->len, in->pos)) > 0) {
				in->pos += nl;
				in->line++;
				sp->len += nl;
			} else {
				in->pos++;
				sp->len++;
			}
		}
		if (!closed)
			return fail(in, "A quoted field is not closed.",
			    sp->line);
		sp->end = in->pos++;
	} else {
		sp->start = in->pos;
		while (in->pos < in->len && s[in->pos] != in->sep &&
		    newline_at(s, in->len, in->pos) == 0) {
			if (s[in->pos] == '"')
				return fail(in, "A quote appears inside an "
				    "unquoted field.", in->line);
			in->pos++;
		}
		sp->end = in->pos;
		sp->len = sp->end - sp->start;
	}
	if (sp->len > in->max_cell)
		return fail(in, "A cell is too long.", sp->line);

	if (in->pos == in->len) {
		*end = END_INPUT;
	} else if (s[in->pos] == in->sep) {
		in->pos++;
		*end = END_SEP;
	} else if ((nl = newline_at(s, in->len, in->pos)) > 0) {
		in->pos += nl;
		in->line++;
		*end = END_RECORD;
	} else
		return fail(in, "Text follows a closing quote.", in->line);
	return 0;
}

/* Double an arena array of elements of size sz holding *cap of them. */
static void *
grow(struct rp_arena *a, void *old, size_t *cap, size_t sz)
{
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = rp_calloc(a, ncap, sz);

	if (*cap)
		memcpy(p, old, *cap * sz);
	*cap = ncap;
	return p;
}

/* Scan one record into the scratch array *spans (reused from record to
 * record, grown as needed); *n is its cell count. */
static int
read_record(struct rp_arena *a, struct csv_in *in, size_t max_cells,
    struct csv_span **spans, size_t *cap, size_t *n)
{
	enum csv_end end = END_SEP;
	struct csv_span sp;

	*n = 0;
	/* Each turn moves past at least one separator: bounded by the text. */
	while (end == END_SEP) {
		if (scan_cell(in, &sp, &end) != 0)
			return -1;
		if (*n == max_cells)
			return fail(in, "Too many cells in a record.", sp.line);
		if (*n == *cap)
			*spans = grow(a, *spans, cap, sizeof(**spans));
		(*spans)[(*n)++] = sp;
	}
	return 0;
}

static bool
blank(const struct csv_span *spans, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (spans[i].len > 0)
			return false;
	return true;
}

static const char *
cell_text(struct rp_arena *a, const char *s, const struct csv_span *sp)
{
	char *t, *o;

	if (sp->len == 0)
		return "";	/* spreadsheets pad rows with empty cells */
	t = o = rp_alloc(a, sp->len + 1);
	for (size_t i = sp->start; i < sp->end; i++) {
		*o++ = s[i];
		if (sp->quoted && s[i] == '"')
			i++;	/* "" stands for one quote */
	}
	*o = '\0';
	return t;
}

int
rp_csv_parse(struct rp_arena *a, const char *text, size_t len,
    size_t max_rows, size_t max_cells, size_t max_cell, struct rp_csv *out,
    const char **err, size_t *err_line)
{
	struct csv_in in;
	struct csv_span *spans = NULL;
	size_t cap = 0, rcap = 0, n, line;

	memset(out, 0, sizeof(*out));
	out->sep = ',';
	*err = NULL;
	*err_line = 0;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;	/* Excel's "CSV UTF-8" starts with a BOM */
		len -= 3;
	}
	if (check_text(text, len, err, err_line) != 0)
		return -1;

	memset(&in, 0, sizeof(in));
	in.s = text;
	in.len = len;
	in.line = 1;
	in.sep = out->sep = detect_sep(text, len);
	in.max_cell = max_cell;
	while (in.pos < in.len) {
		struct rp_csv_row *row;
		const char **cells;

		line = in.line;
		if (read_record(a, &in, max_cells, &spans, &cap, &n) != 0)
			goto bad;
		if (blank(spans, n))
			continue;
		if (out->nrows == max_rows) {
			fail(&in, "Too many records.", line);
			goto bad;
		}
		if (out->nrows == rcap)
			out->rows = grow(a, out->rows, &rcap,
			    sizeof(*out->rows));
		cells = rp_calloc(a, n, sizeof(*cells));
		for (size_t i = 0; i < n; i++)
			cells[i] = cell_text(a, text, &spans[i]);
		row = &out->rows[out->nrows++];
		row->line = line;
		row->ncells = n;
		row->cells = cells;
	}
	if (out->nrows == 0) {
		*err = "The file is empty.";
		*err_line = 1;
		return -1;
	}
	return 0;
bad:
	out->nrows = 0;
	out->rows = NULL;
	*err = in.err;
	*err_line = in.err_line;
	return -1;
}

/* After any apostrophes, does v start the way a formula does? TAB and CR
 * are there because some spreadsheets skip them before looking for '='. */
static bool
looks_like_formula(const char *v)
{
	v += strspn(v, "'");
	return *v != '\0' && strchr("=+-@\t\r", *v) != NULL;
}

void
rp_csv_cell(struct rp_buf *b, const char *value, char sep)
{
	size_t n = strlen(value);
	/* The apostrophe also goes before values that already start with
	 * apostrophes and a formula character, so that unneutralising on
	 * import gives back exactly the value that was exported. */
	bool apos = looks_like_formula(value);
	char first = apos ? '\'' : value[0];
	bool quote = n > 0 && (first == ' ' || first == '\t' ||
	    value[n - 1] == ' ' || value[n - 1] == '\t' ||
	    strchr(value, sep) != NULL || strpbrk(value, "\"\r\n") != NULL);
	const char *p = value, *q;

	if (quote)
		rp_buf_add(b, "\"", 1);
	if (apos)
		rp_buf_add(b, "'", 1);
	if (!quote) {
		rp_buf_add(b, value, n);
		return;
	}
	/* Each turn consumes up to and including one quote. */
	while ((q = strchr(p, '"')) != NULL) {
		rp_buf_add(b, p, (size_t)(q - p));
		rp_buf_add(b, "\"\"", 2);
		p = q + 1;
	}
	rp_buf_puts(b, p);
	rp_buf_add(b, "\"", 1);
}

const char *
rp_csv_unneutralise(const char *v)
{
	if (v[0] == '\'' && looks_like_formula(v + 1))
		return v + 1;
	return v;
}
