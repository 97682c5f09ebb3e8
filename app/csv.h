/* CSV as spreadsheets write it (Excel, LibreOffice): import and export. */
#ifndef RP_CSV_H
#define RP_CSV_H

#include <stddef.h>

struct rp_arena;
struct rp_buf;

struct rp_csv_row {
	size_t		 line;		/* 1-based physical line where the record starts */
	size_t		 ncells;
	const char	**cells;	/* NUL-terminated, in the arena */
};

struct rp_csv {
	char		 sep;		/* ';' or ',' as detected */
	size_t		 nrows;		/* records, header included */
	struct rp_csv_row *rows;
};

/* Parse text[0..len): UTF-8 with or without a BOM (EF BB BF, skipped),
 * records separated by CRLF, LF or CR; the separator is detected from the
 * first record (';' or ',': whichever occurs more outside quotes; ',' if
 * neither); fields may be quoted with '"' and hold doubled quotes,
 * separators and newlines (kept as they are); blank lines (all cells empty)
 * are skipped. Limits: at most max_rows records (header included), max_cells
 * cells per record, max_cell bytes per cell (after unquoting).
 * Everything lives in the arena. Returns 0, or -1 with *err set to a fixed
 * English message (never containing input data) and *err_line to the
 * 1-based line at fault: invalid UTF-8 (e.g. a Latin-1 file), a NUL byte,
 * an unterminated quoted field (the line where it opens), a quote inside an
 * unquoted field, text after a closing quote, too many records, too many
 * cells, a cell too long (the line where the cell starts), an empty file. */
int rp_csv_parse(struct rp_arena *, const char *text, size_t len,
    size_t max_rows, size_t max_cells, size_t max_cell, struct rp_csv *out,
    const char **err, size_t *err_line);

/* Append one cell to b (no separator, no newline): quoted when it holds the
 * separator, a quote, CR or LF or leading/trailing spaces; and neutralised
 * against formula injection (OWASP CSV injection): a value whose first
 * character is '=', '+', '-', '@', TAB or CR is written with a leading
 * apostrophe, so spreadsheets show it as text. A value that already starts
 * with apostrophes followed by one of those gets one more, so that
 * rp_csv_unneutralise() gives back exactly what was written. */
void rp_csv_cell(struct rp_buf *, const char *value, char sep);

/* On import, undo that neutralisation: a value starting with an apostrophe
 * followed (after any further apostrophes) by one of = + - @ TAB CR loses
 * its first apostrophe. Returns a pointer into v (no copy). */
const char *rp_csv_unneutralise(const char *v);

#endif
