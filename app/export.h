/* Tabular exports (CSV and XLSX) from one declared table of typed columns. */
#ifndef RP_EXPORT_H
#define RP_EXPORT_H

#include <stddef.h>

struct json_object;
struct rp_buf;
struct rp_req;

/* What a column holds, so each writer types its cells: CSV writes text,
 * XLSX writes numbers as numbers, dates as Excel dates (with a date
 * format), booleans as booleans and the rest as strings. */
enum rp_col_type {
	RP_COL_TEXT,		/* a string (also: whatever is not typed) */
	RP_COL_INT,		/* a JSON integer (or null: an empty cell) */
	RP_COL_NUM,		/* a JSON number (or a string holding one) */
	RP_COL_DATE,		/* "YYYY-MM-DD" */
	RP_COL_DATETIME,	/* "YYYY-MM-DDTHH:MM:SSZ" (UTC) */
	RP_COL_BOOL,		/* CSV "1"/"0" */
	RP_COL_YESNO,		/* a boolean, CSV "yes"/"no" */
	RP_COL_LIST,		/* an array, joined with the column's `join` */
};

/* One column: the JSON field of each row object (and the CSV header: CSV
 * headers stay machine names, stable for re-import and scripts), its type,
 * and the language key of its human label (the XLSX header row). */
struct rp_col {
	const char		*key;
	enum rp_col_type	 type;
	const char		*label;	/* "Lang.export.col.title" */
	const char		*join;	/* RP_COL_LIST: separator; NULL: "," */
};

/* A table: its columns and the base name of the file and sheet. A new
 * export (portfolio, SoA, ...) declares one of these and calls
 * rp_export_send(): both formats come with it. */
struct rp_table {
	const char		*name;	/* "risks": risks-<id>.csv, sheet "risks" */
	const struct rp_col	*cols;
	size_t			 ncols;
};

enum rp_export_format { RP_EXPORT_CSV, RP_EXPORT_XLSX };

/* CSV as spreadsheets read it: UTF-8 BOM, ';', CRLF, header of keys, every
 * cell through rp_csv_cell() (formula-leading text neutralised with an
 * apostrophe). Appends to out. */
void rp_export_csv(struct rp_req *, const struct rp_table *, struct json_object *rows,
    struct rp_buf *out);

/* The same rows as an XLSX workbook of one sheet: translated header row,
 * frozen, with an autofilter; typed cells; text always written as a string
 * cell (never a formula, so no neutralising apostrophe is needed: the text
 * is kept exactly); column widths from the contents. libxlsxwriter writes to
 * a file: it goes into a private mkdtemp() directory, is read into out and
 * removed. Returns 0, or -1 with the error recorded (500). */
int rp_export_xlsx(struct rp_req *, const struct rp_table *, struct json_object *rows,
    struct rp_buf *out);

/* Write rows in the format into the response with its content type and an
 * attachment Content-Disposition named "<name>-<suffix>.<csv|xlsx>"
 * ("<name>.<csv|xlsx>" when suffix is NULL).
 * Returns 0, or -1 with the error recorded. */
int rp_export_send(struct rp_req *, const struct rp_table *, struct json_object *rows,
    enum rp_export_format, const char *suffix);

/* The value at a dotted path of o ("figures.risks.high"), borrowed; NULL
 * when a step is missing or null. For lists whose rows nest their values:
 * the caller builds flat rows with it. */
struct json_object *rp_export_pick(struct json_object *o, const char *path);

/* Parse "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[Z]" into its parts (pure, for
 * the unit tests). Returns 0, or -1 when the text is no such date. */
int rp_export_parse_date(const char *s, int *y, int *mo, int *d, int *h, int *mi, int *sec);

/* Excel's text limit is 32,767 characters: the byte length of the longest
 * prefix of s holding at most that many characters, cut at a UTF-8
 * boundary (pure). */
size_t rp_export_clip(const char *s);

#endif
